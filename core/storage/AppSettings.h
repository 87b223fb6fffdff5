#pragma once

#include "llm/LlmSettings.h"
#include "model/Depth.h"
#include "sources/SourceFactory.h"

#include <QStringList>
#include <QVariant>
#include <memory>

class QSettings;

namespace gtm {

// Per-provider limits the user may tighten (a free plan) or loosen (a local fake).
struct ProviderLimits
{
    int concurrency = 0; // 0: the run's max parallel searches
    double ratePerMinute = 0; // 0: unlimited
};

// The user's preferences, kept with QSettings. API keys are NOT here: they belong to the
// SecretStore, and nothing in this class ever writes one.
class AppSettings
{
public:
    // An empty path: the platform's usual place for "GTM Research", shared by the GUI and the
    // CLI (on Linux $XDG_CONFIG_HOME/GTM Research/GTM Research.conf). Tests pass an .ini file.
    explicit AppSettings(const QString &iniPath = {});
    ~AppSettings();

    static QStringList sourceProviders(); // tavily, newsapi, greenhouse, lever, ashby, hackernews
    static QStringList keyProviders(); // tavily, newsapi, gemini, openai
    static QString providerLabel(const QString &provider); // "Tavily", "OpenAI-compatible", ...
    // The environment variable that overrides a provider's key or base URL (design.md).
    static QString keyEnvironmentVariable(const QString &provider);
    static QString urlEnvironmentVariable(const QString &provider);
    // Non-empty when the environment sets the provider's key: it wins over the keychain.
    static bool keyFromEnvironment(const QString &provider);

    // The research form as the user left it.
    QStringList recentGoals() const;
    void addRecentGoal(const QString &goal); // most recent first, at most 10, no duplicates
    Depth depth() const;
    void setDepth(Depth depth);
    int maxParallel() const;
    void setMaxParallel(int value);
    double threshold() const;
    void setThreshold(double value);
    QStringList enabledChannels() const;
    void setEnabledChannels(const QStringList &channels);
    bool allQueries() const; // ResearchRequest::allQueries
    void setAllQueries(bool all);

    QStringList recentSessions() const;
    void addRecentSession(const QString &path); // most recent first, at most 8
    void removeRecentSession(const QString &path);

    // Services.
    QUrl baseUrl(const QString &provider) const; // empty: the real service
    void setBaseUrl(const QString &provider, const QUrl &url);
    QString websiteUrlTemplate() const;
    void setWebsiteUrlTemplate(const QString &pattern);
    ProviderLimits limits(const QString &provider) const;
    void setLimits(const QString &provider, const ProviderLimits &limits);
    int requestTimeoutMs() const;
    void setRequestTimeoutMs(int ms);
    bool cacheEnabled() const;
    void setCacheEnabled(bool enabled);
    // Spending caps per run, "tavily=200,newsapi=100" (spend/Budget.h); empty: none.
    QString budgetSpec() const;
    void setBudgetSpec(const QString &spec);

    LlmProvider llmProvider() const;
    void setLlmProvider(LlmProvider provider);
    AnalyzerChoice analyzerChoice() const;
    void setAnalyzerChoice(AnalyzerChoice choice);
    QString openAiModel() const;
    void setOpenAiModel(const QString &model);
    QString geminiModel() const; // the analysis model; strategies use LlmSettings' default
    void setGeminiModel(const QString &model);

    // What the factories of core need, given the keys read from the SecretStore. The
    // environment is applied on top (SourceSettings/LlmSettings::withEnvironment).
    SourceSettings sourceSettings(const QMap<QString, QString> &keys) const;
    LlmSettings llmSettings(const QMap<QString, QString> &keys) const;

    // Window geometry, splitter positions and the like.
    QVariant uiState(const QString &key) const;
    void setUiState(const QString &key, const QVariant &value);

    void sync();

private:
    std::unique_ptr<QSettings> m_settings;
};

QString llmProviderToString(LlmProvider provider);
LlmProvider llmProviderFromString(QStringView text);
QString analyzerChoiceToString(AnalyzerChoice choice);
AnalyzerChoice analyzerChoiceFromString(QStringView text);

} // namespace gtm
