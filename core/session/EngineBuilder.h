#pragma once

#include "Engine.h"
#include "llm/LlmSettings.h"
#include "sources/SourceFactory.h"

#include <QHash>
#include <QMap>
#include <optional>

namespace gtm {

class AppSettings;
class HttpClient;
struct ProviderPolicy;

// The one place where the GUI and the CLI turn settings into clients, so that every
// environment override (design.md) works in both: keys and base URLs through
// SourceSettings/LlmSettings::withEnvironment(), rates through GTM_RATE_LIMITS.

// The rate limits a client gets: the providers' defaults, then the rates saved in Settings,
// then GTM_RATE_LIMITS ("off" lifts them all; "tavily=100,newsapi=60" sets requests per
// minute, 0 unlimited).
void configureRateLimits(HttpClient *http, const AppSettings &settings);
void applyRateLimitOverrides(QHash<QString, ProviderPolicy> &policies, const QString &spec);

// What the command line may override over the saved settings.
struct EngineOverrides
{
    std::optional<LlmProvider> llm;
    std::optional<AnalyzerChoice> analyzer;
};

// Clients from explicit settings; the environment is applied here. settings supplies the
// per-channel concurrency the user chose.
std::shared_ptr<Engine> buildEngine(HttpClient *http, const AppSettings &settings,
    const SourceSettings &sources, const LlmSettings &llm, const EngineOverrides &overrides = {});
// Clients from the saved settings and keys.
std::shared_ptr<Engine> buildEngine(HttpClient *http, const AppSettings &settings,
    const QMap<QString, QString> &keys, const EngineOverrides &overrides = {});

} // namespace gtm
