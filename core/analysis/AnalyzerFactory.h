#pragma once

#include "Analyzer.h"
#include "llm/LlmSettings.h"
#include "strategy/StrategyGenerator.h"

#include <memory>

namespace gtm {

class HttpClient;

// The provider auto mode would use (a key or an endpoint is configured), or None.
LlmProvider configuredLlmProvider(const LlmSettings &settings);
// Auto: the LLM analyzer when a provider is configured with a key or endpoint, else offline.
std::unique_ptr<Analyzer> createAnalyzer(HttpClient *http, const LlmSettings &settings);
// An LLM generator when a provider is configured (falling back to templates), else templates.
std::unique_ptr<StrategyGenerator> createStrategyGenerator(
    HttpClient *http, const LlmSettings &settings);

} // namespace gtm
