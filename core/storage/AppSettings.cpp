#include "AppSettings.h"

#include "model/Channel.h"
#include "model/Providers.h"
#include "model/ResearchRequest.h"

#include <QSettings>

using namespace Qt::StringLiterals;

namespace gtm {

namespace {
constexpr int kMaxRecentGoals = 10;
constexpr int kMaxRecentSessions = 8;

QStringList pushFront(QStringList list, const QString &value, int max)
{
    list.removeAll(value);
    list.prepend(value);
    while (list.size() > max)
        list.removeLast();
    return list;
}

double defaultRate(const QString &provider)
{
    const ProviderInfo *p = findProvider(provider);
    return p ? p->defaultRatePerMinute : 0.0;
}
} // namespace

AppSettings::AppSettings(const QString &iniPath)
    // Named, not the application's names: the CLI (another application name) reads what the
    // GUI saved.
    : m_settings(iniPath.isEmpty()
            ? std::make_unique<QSettings>(u"GTM Research"_s, u"GTM Research"_s)
            : std::make_unique<QSettings>(iniPath, QSettings::IniFormat))
{
}

AppSettings::~AppSettings() = default;

QStringList AppSettings::sourceProviders()
{
    return sourceProviderIds();
}

QStringList AppSettings::keyProviders()
{
    return keyProviderIds();
}

QString AppSettings::providerLabel(const QString &provider)
{
    const ProviderInfo *p = findProvider(provider);
    return p ? p->label : provider;
}

QString AppSettings::keyEnvironmentVariable(const QString &provider)
{
    const ProviderInfo *p = findProvider(provider);
    return p ? p->keyVariable : QString();
}

QString AppSettings::urlEnvironmentVariable(const QString &provider)
{
    const ProviderInfo *p = findProvider(provider);
    return p ? p->urlVariable : QString();
}

bool AppSettings::keyFromEnvironment(const QString &provider)
{
    const QString name = keyEnvironmentVariable(provider);
    return !name.isEmpty() && !qEnvironmentVariable(name.toLatin1().constData()).isEmpty();
}

QStringList AppSettings::recentGoals() const
{
    return m_settings->value(u"research/recentGoals"_s).toStringList();
}

void AppSettings::addRecentGoal(const QString &goal)
{
    const QString trimmed = goal.trimmed();
    if (trimmed.isEmpty())
        return;
    m_settings->setValue(
        u"research/recentGoals"_s, pushFront(recentGoals(), trimmed, kMaxRecentGoals));
}

Depth AppSettings::depth() const
{
    return depthFromString(m_settings->value(u"research/depth"_s).toString())
        .value_or(Depth::Standard);
}

void AppSettings::setDepth(Depth depth)
{
    m_settings->setValue(u"research/depth"_s, depthToString(depth));
}

int AppSettings::maxParallel() const
{
    return std::clamp(m_settings->value(u"research/maxParallel"_s, 20).toInt(),
        ResearchRequest::MinParallelSearches, ResearchRequest::MaxParallelSearches);
}

void AppSettings::setMaxParallel(int value)
{
    m_settings->setValue(u"research/maxParallel"_s,
        std::clamp(
            value, ResearchRequest::MinParallelSearches, ResearchRequest::MaxParallelSearches));
}

double AppSettings::threshold() const
{
    return std::clamp(m_settings->value(u"research/threshold"_s, 0.7).toDouble(), 0.0, 1.0);
}

void AppSettings::setThreshold(double value)
{
    m_settings->setValue(u"research/threshold"_s, std::clamp(value, 0.0, 1.0));
}

QStringList AppSettings::enabledChannels() const
{
    if (!m_settings->contains(u"research/channels"_s))
        return channel::all();
    QStringList out;
    for (const QString &c : m_settings->value(u"research/channels"_s).toStringList())
        if (channel::isKnown(c))
            out << c;
    return out;
}

void AppSettings::setEnabledChannels(const QStringList &channels)
{
    m_settings->setValue(u"research/channels"_s, channels);
}

bool AppSettings::allQueries() const
{
    return m_settings->value(u"research/allQueries"_s, false).toBool();
}

void AppSettings::setAllQueries(bool all)
{
    m_settings->setValue(u"research/allQueries"_s, all);
}

QStringList AppSettings::recentSessions() const
{
    return m_settings->value(u"files/recentSessions"_s).toStringList();
}

void AppSettings::addRecentSession(const QString &path)
{
    m_settings->setValue(
        u"files/recentSessions"_s, pushFront(recentSessions(), path, kMaxRecentSessions));
}

void AppSettings::removeRecentSession(const QString &path)
{
    QStringList list = recentSessions();
    list.removeAll(path);
    m_settings->setValue(u"files/recentSessions"_s, list);
}

QUrl AppSettings::baseUrl(const QString &provider) const
{
    return QUrl(m_settings->value(u"services/"_s + provider + u"/baseUrl"_s).toString());
}

void AppSettings::setBaseUrl(const QString &provider, const QUrl &url)
{
    const QString key = u"services/"_s + provider + u"/baseUrl"_s;
    if (url.isEmpty())
        m_settings->remove(key);
    else
        m_settings->setValue(key, url.toString());
}

QString AppSettings::websiteUrlTemplate() const
{
    return m_settings->value(u"services/website/urlTemplate"_s).toString();
}

void AppSettings::setWebsiteUrlTemplate(const QString &pattern)
{
    m_settings->setValue(u"services/website/urlTemplate"_s, pattern.trimmed());
}

ProviderLimits AppSettings::limits(const QString &provider) const
{
    const QString prefix = u"services/"_s + provider;
    ProviderLimits l;
    l.concurrency = std::clamp(m_settings->value(prefix + u"/concurrency"_s, 0).toInt(), 0, 100);
    l.ratePerMinute = std::max(
        0.0, m_settings->value(prefix + u"/ratePerMinute"_s, defaultRate(provider)).toDouble());
    return l;
}

void AppSettings::setLimits(const QString &provider, const ProviderLimits &limits)
{
    const QString prefix = u"services/"_s + provider;
    m_settings->setValue(prefix + u"/concurrency"_s, limits.concurrency);
    m_settings->setValue(prefix + u"/ratePerMinute"_s, limits.ratePerMinute);
}

int AppSettings::requestTimeoutMs() const
{
    return std::clamp(m_settings->value(u"network/timeoutMs"_s, 20000).toInt(), 1000, 300000);
}

void AppSettings::setRequestTimeoutMs(int ms)
{
    m_settings->setValue(u"network/timeoutMs"_s, ms);
}

bool AppSettings::cacheEnabled() const
{
    return m_settings->value(u"network/cache"_s, true).toBool();
}

void AppSettings::setCacheEnabled(bool enabled)
{
    m_settings->setValue(u"network/cache"_s, enabled);
}

LlmProvider AppSettings::llmProvider() const
{
    return llmProviderFromString(m_settings->value(u"llm/provider"_s).toString());
}

void AppSettings::setLlmProvider(LlmProvider provider)
{
    m_settings->setValue(u"llm/provider"_s, llmProviderToString(provider));
}

AnalyzerChoice AppSettings::analyzerChoice() const
{
    return analyzerChoiceFromString(m_settings->value(u"llm/analyzer"_s).toString());
}

void AppSettings::setAnalyzerChoice(AnalyzerChoice choice)
{
    m_settings->setValue(u"llm/analyzer"_s, analyzerChoiceToString(choice));
}

QString AppSettings::openAiModel() const
{
    return m_settings->value(u"llm/openAiModel"_s, LlmSettings {}.openAiModel).toString();
}

void AppSettings::setOpenAiModel(const QString &model)
{
    m_settings->setValue(u"llm/openAiModel"_s, model.trimmed());
}

QString AppSettings::geminiModel() const
{
    return m_settings->value(u"llm/geminiModel"_s, LlmSettings {}.geminiAnalysisModel).toString();
}

void AppSettings::setGeminiModel(const QString &model)
{
    m_settings->setValue(u"llm/geminiModel"_s, model.trimmed());
}

SourceSettings AppSettings::sourceSettings(const QMap<QString, QString> &keys) const
{
    SourceSettings s;
    for (const QString &p : sourceProviders()) {
        if (!keys.value(p).isEmpty())
            s.apiKeys.insert(p, keys.value(p));
        const QUrl url = baseUrl(p);
        if (!url.isEmpty())
            s.baseUrls.insert(p, url);
    }
    s.websiteUrlTemplate = websiteUrlTemplate();
    return s;
}

LlmSettings AppSettings::llmSettings(const QMap<QString, QString> &keys) const
{
    LlmSettings s;
    s.provider = llmProvider();
    s.analyzer = analyzerChoice();
    s.geminiApiKey = keys.value(u"gemini"_s);
    s.openAiApiKey = keys.value(u"openai"_s);
    s.geminiBaseUrl = baseUrl(u"gemini"_s);
    s.openAiBaseUrl = baseUrl(u"openai"_s);
    if (!openAiModel().isEmpty())
        s.openAiModel = openAiModel();
    if (!geminiModel().isEmpty())
        s.geminiAnalysisModel = geminiModel();
    return s;
}

QVariant AppSettings::uiState(const QString &key) const
{
    return m_settings->value(u"ui/"_s + key);
}

void AppSettings::setUiState(const QString &key, const QVariant &value)
{
    m_settings->setValue(u"ui/"_s + key, value);
}

void AppSettings::sync()
{
    m_settings->sync();
}

QString llmProviderToString(LlmProvider provider)
{
    switch (provider) {
    case LlmProvider::Gemini:
        return u"gemini"_s;
    case LlmProvider::OpenAiCompatible:
        return u"openai"_s;
    case LlmProvider::None:
        break;
    }
    return u"none"_s;
}

LlmProvider llmProviderFromString(QStringView text)
{
    if (text == u"gemini")
        return LlmProvider::Gemini;
    if (text == u"openai")
        return LlmProvider::OpenAiCompatible;
    return LlmProvider::None;
}

QString analyzerChoiceToString(AnalyzerChoice choice)
{
    switch (choice) {
    case AnalyzerChoice::Heuristic:
        return u"heuristic"_s;
    case AnalyzerChoice::Llm:
        return u"llm"_s;
    case AnalyzerChoice::Auto:
        break;
    }
    return u"auto"_s;
}

AnalyzerChoice analyzerChoiceFromString(QStringView text)
{
    if (text == u"heuristic")
        return AnalyzerChoice::Heuristic;
    if (text == u"llm")
        return AnalyzerChoice::Llm;
    return AnalyzerChoice::Auto;
}

QString AppSettings::budgetSpec() const
{
    return m_settings->value(u"spend/budgets"_s).toString();
}

void AppSettings::setBudgetSpec(const QString &spec)
{
    m_settings->setValue(u"spend/budgets"_s, spec.trimmed());
}

} // namespace gtm
