#pragma once

#include "Analyzer.h"
#include "llm/LlmSettings.h"

#include <memory>

namespace gtm {

class HttpClient;

// Auto: the LLM analyzer when a provider is configured with a key or endpoint, else offline.
std::unique_ptr<Analyzer> createAnalyzer(HttpClient *http, const LlmSettings &settings);
// The heuristic analyzer alone: no network, no cost.
std::unique_ptr<Analyzer> createOfflineAnalyzer();

} // namespace gtm
