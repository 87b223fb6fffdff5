#include "LlmClientFactory.h"

#include "GeminiClient.h"
#include "OpenAiCompatibleClient.h"

namespace gtm {

namespace {

bool openAiEndpointConfigured(const LlmSettings &s)
{
    return !s.openAiApiKey.isEmpty()
        || (!s.openAiBaseUrl.isEmpty() && s.openAiBaseUrl.host() != u"api.openai.com");
}

} // namespace

LlmProvider configuredLlmProvider(const LlmSettings &s)
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

std::unique_ptr<LlmClient> createLlmClient(
    HttpClient *http, const LlmSettings &s, LlmProvider provider, LlmTask task)
{
    if (provider == LlmProvider::OpenAiCompatible)
        return std::make_unique<OpenAiCompatibleClient>(
            http, s.openAiApiKey, s.openAiModel, s.openAiBaseUrl);
    return std::make_unique<GeminiClient>(http, s.geminiApiKey,
        task == LlmTask::Strategies ? s.geminiStrategyModel : s.geminiAnalysisModel,
        s.geminiBaseUrl);
}

} // namespace gtm
