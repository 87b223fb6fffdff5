#include "AnalyzerFactory.h"

#include "HeuristicAnalyzer.h"
#include "LlmAnalyzer.h"
#include "lexicon/TechDictionary.h"
#include "llm/LlmClientFactory.h"

namespace gtm {

namespace {

std::shared_ptr<const TechDictionary> dictionary()
{
    auto d = TechDictionary::loadBuiltIn();
    if (!d)
        qFatal("the built-in technology dictionary is missing from the resources");
    return d;
}

} // namespace

std::unique_ptr<Analyzer> createAnalyzer(HttpClient *http, const LlmSettings &settings)
{
    auto heuristic = std::make_shared<HeuristicAnalyzer>(dictionary());
    LlmProvider provider = LlmProvider::None;
    switch (settings.analyzer) {
    case AnalyzerChoice::Heuristic:
        break;
    case AnalyzerChoice::Auto:
        provider = configuredLlmProvider(settings);
        break;
    case AnalyzerChoice::Llm:
        // Forced without a usable provider: the LLM analyzer still runs and every company
        // shows why it fell back ("no API key"), rather than silently using the offline one.
        provider = configuredLlmProvider(settings);
        if (provider == LlmProvider::None)
            provider = settings.provider == LlmProvider::OpenAiCompatible
                ? LlmProvider::OpenAiCompatible
                : LlmProvider::Gemini;
        break;
    }
    if (provider == LlmProvider::None || !http) {
        return std::make_unique<HeuristicAnalyzer>(heuristic->dictionary());
    }
    return std::make_unique<LlmAnalyzer>(
        createLlmClient(http, settings, provider, LlmTask::Analysis), heuristic);
}

std::unique_ptr<Analyzer> createOfflineAnalyzer()
{
    return std::make_unique<HeuristicAnalyzer>(dictionary());
}

} // namespace gtm
