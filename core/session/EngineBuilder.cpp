#include "EngineBuilder.h"

#include "analysis/AnalyzerFactory.h"
#include "net/HttpClient.h"
#include "pipeline/ResearchPipeline.h"
#include "storage/AppSettings.h"
#include "storage/EffectiveSettings.h"
#include "strategy/StrategyGeneratorFactory.h"

namespace gtm {

PipelineServices pipelineServices(const std::shared_ptr<Engine> &engine)
{
    PipelineServices services;
    if (!engine)
        return services;
    for (const auto &source : engine->sources)
        services.sources << source.get();
    services.analyzer = engine->analyzer.get();
    services.offlineJudge = engine->offlineAnalyzer.get();
    services.strategyGenerator = engine->strategyGenerator.get();
    services.channelConcurrency = engine->channelConcurrency;
    services.keepAlive = engine;
    return services;
}

void applyRateLimitOverrides(QHash<QString, ProviderPolicy> &policies, const QString &spec)
{
    if (spec.trimmed().isEmpty())
        return;
    if (spec.trimmed() == u"off") {
        for (auto &p : policies)
            p.ratePerMinute = 0.0;
        return;
    }
    const QStringList parts = spec.split(u',', Qt::SkipEmptyParts);
    for (const QString &part : parts) {
        const QString provider = part.section(u'=', 0, 0).trimmed();
        bool ok = false;
        const double perMinute = part.section(u'=', 1).trimmed().toDouble(&ok);
        if (!provider.isEmpty() && ok && perMinute >= 0.0) {
            ProviderPolicy p = policies.value(provider);
            p.ratePerMinute = perMinute;
            p.burst = std::max(1, int(perMinute / 60.0));
            policies.insert(provider, p);
        }
    }
}

void configureRateLimits(HttpClient *http, const AppSettings &settings)
{
    http->setProviderPolicies(defaultProviderPolicies());
    applySavedRateLimits(http, settings);
    QHash<QString, ProviderPolicy> policies;
    for (const QString &provider : defaultProviderPolicies().keys())
        policies.insert(provider, http->providerPolicy(provider));
    applyRateLimitOverrides(policies, qEnvironmentVariable("GTM_RATE_LIMITS"));
    http->setProviderPolicies(policies);
}

std::shared_ptr<Engine> buildEngine(HttpClient *http, const AppSettings &settings,
    const SourceSettings &sources, const LlmSettings &llm, const EngineOverrides &overrides)
{
    auto engine = std::make_shared<Engine>();
    engine->sources = createSources(http, sources.withEnvironment());
    engine->channelConcurrency = savedChannelConcurrency(settings);
    LlmSettings effective = llm.withEnvironment();
    if (overrides.llm)
        effective.provider = *overrides.llm;
    if (overrides.analyzer)
        effective.analyzer = *overrides.analyzer;
    engine->analyzer = createAnalyzer(http, effective);
    engine->offlineAnalyzer = createOfflineAnalyzer();
    engine->strategyGenerator = createStrategyGenerator(http, effective);
    return engine;
}

std::shared_ptr<Engine> buildEngine(HttpClient *http, const AppSettings &settings,
    const QMap<QString, QString> &keys, const EngineOverrides &overrides)
{
    return buildEngine(
        http, settings, settings.sourceSettings(keys), settings.llmSettings(keys), overrides);
}

} // namespace gtm
