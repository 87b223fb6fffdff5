#include "StrategyGeneratorFactory.h"

#include "LlmStrategyGenerator.h"
#include "TemplateStrategyGenerator.h"
#include "lexicon/TechDictionary.h"
#include "llm/LlmClientFactory.h"

namespace gtm {

std::unique_ptr<StrategyGenerator> createStrategyGenerator(
    HttpClient *http, const LlmSettings &settings)
{
    auto dictionary = TechDictionary::loadBuiltIn();
    if (!dictionary)
        qFatal("the built-in technology dictionary is missing from the resources");
    auto templates = std::make_unique<TemplateStrategyGenerator>(std::move(dictionary));
    const LlmProvider provider = configuredLlmProvider(settings);
    if (provider == LlmProvider::None || !http)
        return templates;
    return std::make_unique<LlmStrategyGenerator>(
        createLlmClient(http, settings, provider, LlmTask::Strategies), std::move(templates));
}

} // namespace gtm
