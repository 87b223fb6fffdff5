#include "AnalyzerFactory.h"

#include "HeuristicAnalyzer.h"
#include "LlmAnalyzer.h"
#include "TechDictionary.h"
#include "llm/GeminiClient.h"
#include "llm/OpenAiCompatibleClient.h"
#include "strategy/LlmStrategyGenerator.h"
#include "strategy/TemplateStrategyGenerator.h"

namespace gtm {

namespace {

std::shared_ptr<const TechDictionary> dictionary()
{
    auto d = TechDictionary::loadBuiltIn();
    if (!d)
        qFatal("the built-in technology dictionary is missing from the resources");
    return d;
}

bool openAiEndpointConfigured(const LlmSettings &s)
{
    return !s.openAiApiKey.isEmpty()
        || (!s.openAiBaseUrl.isEmpty() && s.openAiBaseUrl.host() != u"api.openai.com");
}

// The provider that auto mode would use, or None.
LlmProvider configuredProvider(const LlmSettings &s)
{
    switch (s.provider) {
    case LlmProvider::Gemini:
        return s.geminiApiKey.isEmpty() ? LlmProvider::None : LlmProvider::Gemini;
    case LlmProvider::OpenAiCompatible:
        return openAiEndpointConfigured(s) ? LlmProvider::OpenAiCompatible : LlmProvider::None;
    case LlmProvider::None:
        return LlmProvider::None;
    }
    return LlmProvider::None;
}

std::unique_ptr<LlmClient> makeClient(
    HttpClient *http, const LlmSettings &s, LlmProvider provider, bool forStrategies)
{
    if (provider == LlmProvider::OpenAiCompatible)
        return std::make_unique<OpenAiCompatibleClient>(
            http, s.openAiApiKey, s.openAiModel, s.openAiBaseUrl);
    return std::make_unique<GeminiClient>(http, s.geminiApiKey,
        forStrategies ? s.geminiStrategyModel : s.geminiAnalysisModel, s.geminiBaseUrl);
}

} // namespace

LlmProvider configuredLlmProvider(const LlmSettings &settings)
{
    return configuredProvider(settings);
}

std::unique_ptr<Analyzer> createAnalyzer(HttpClient *http, const LlmSettings &settings)
{
    auto heuristic = std::make_shared<HeuristicAnalyzer>(dictionary());
    LlmProvider provider = LlmProvider::None;
    switch (settings.analyzer) {
    case AnalyzerChoice::Heuristic:
        break;
    case AnalyzerChoice::Auto:
        provider = configuredProvider(settings);
        break;
    case AnalyzerChoice::Llm:
        // Forced without a usable provider: the LLM analyzer still runs and every company
        // shows why it fell back ("no API key"), rather than silently using the offline one.
        provider = configuredProvider(settings);
        if (provider == LlmProvider::None)
            provider = settings.provider == LlmProvider::OpenAiCompatible
                ? LlmProvider::OpenAiCompatible
                : LlmProvider::Gemini;
        break;
    }
    if (provider == LlmProvider::None || !http) {
        return std::make_unique<HeuristicAnalyzer>(heuristic->dictionary());
    }
    return std::make_unique<LlmAnalyzer>(makeClient(http, settings, provider, false), heuristic);
}

std::unique_ptr<StrategyGenerator> createStrategyGenerator(
    HttpClient *http, const LlmSettings &settings)
{
    auto templates = std::make_unique<TemplateStrategyGenerator>(dictionary());
    const LlmProvider provider = configuredProvider(settings);
    if (provider == LlmProvider::None || !http)
        return templates;
    return std::make_unique<LlmStrategyGenerator>(
        makeClient(http, settings, provider, true), std::move(templates));
}

} // namespace gtm
