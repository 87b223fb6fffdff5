#pragma once

#include "StrategyGenerator.h"
#include "llm/LlmSettings.h"

#include <memory>

namespace gtm {

class HttpClient;

// An LLM generator when a provider is configured (falling back to templates), else templates.
std::unique_ptr<StrategyGenerator> createStrategyGenerator(
    HttpClient *http, const LlmSettings &settings);

} // namespace gtm
