#include "LlmSettings.h"

#include "model/Providers.h"

#include <QProcessEnvironment>

namespace gtm {

namespace {

// A provider's key or URL variable as core/model/Providers names it, read from `env`.
QString variable(
    const QProcessEnvironment &env, const QString &provider, QString ProviderInfo::*name)
{
    const ProviderInfo *info = findProvider(provider);
    Q_ASSERT(info);
    return info ? env.value(info->*name) : QString();
}

} // namespace

// The environment wins over saved settings. A provider left at None becomes Gemini when a
// Gemini key is present, else OpenAI-compatible when an OpenAI key or GTM_OPENAI_URL is: a
// user who exported a key expects it to be used without a second switch.
LlmSettings LlmSettings::withEnvironment() const
{
    LlmSettings s = *this;
    const QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    const QString gemini = QStringLiteral("gemini");
    const QString openAi = QStringLiteral("openai");
    const QString geminiKey = variable(env, gemini, &ProviderInfo::keyVariable);
    const QString openAiKey = variable(env, openAi, &ProviderInfo::keyVariable);
    const QString geminiUrl = variable(env, gemini, &ProviderInfo::urlVariable);
    const QString openAiUrl = variable(env, openAi, &ProviderInfo::urlVariable);
    if (!geminiKey.isEmpty())
        s.geminiApiKey = geminiKey;
    if (!openAiKey.isEmpty())
        s.openAiApiKey = openAiKey;
    if (!geminiUrl.isEmpty())
        s.geminiBaseUrl = QUrl(geminiUrl);
    // Like the saved model setting, GTM_GEMINI_MODEL names the analysis model.
    const QString openAiModel = env.value(QStringLiteral("GTM_OPENAI_MODEL"));
    const QString geminiModel = env.value(QStringLiteral("GTM_GEMINI_MODEL"));
    if (!openAiModel.isEmpty())
        s.openAiModel = openAiModel;
    if (!geminiModel.isEmpty())
        s.geminiAnalysisModel = geminiModel;
    if (!openAiUrl.isEmpty())
        s.openAiBaseUrl = QUrl(openAiUrl);
    if (s.geminiBaseUrl.isEmpty())
        s.geminiBaseUrl = QUrl(QStringLiteral("https://generativelanguage.googleapis.com"));
    if (s.openAiBaseUrl.isEmpty())
        s.openAiBaseUrl = QUrl(QStringLiteral("https://api.openai.com"));
    if (s.provider == LlmProvider::None) {
        if (!s.geminiApiKey.isEmpty())
            s.provider = LlmProvider::Gemini;
        else if (!s.openAiApiKey.isEmpty() || !openAiUrl.isEmpty())
            s.provider = LlmProvider::OpenAiCompatible;
    }
    return s;
}

} // namespace gtm
