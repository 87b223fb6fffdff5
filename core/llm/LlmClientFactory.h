#pragma once

#include "LlmClient.h"
#include "LlmSettings.h"

#include <memory>

namespace gtm {

class HttpClient;

// The provider auto mode would use (a key or an endpoint is configured), or None.
LlmProvider configuredLlmProvider(const LlmSettings &settings);

// Strategy generation and analysis may use different models of the same provider.
enum class LlmTask { Strategies, Analysis };

// A client of `provider` (Gemini or OpenAI-compatible) with the settings' key, model and URL.
std::unique_ptr<LlmClient> createLlmClient(
    HttpClient *http, const LlmSettings &settings, LlmProvider provider, LlmTask task);

} // namespace gtm
