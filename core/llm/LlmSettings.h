#pragma once

#include <QString>
#include <QUrl>

namespace gtm {

enum class LlmProvider { None, Gemini, OpenAiCompatible };
enum class AnalyzerChoice { Auto, Heuristic, Llm };

struct LlmSettings
{
    LlmProvider provider = LlmProvider::None;
    QString geminiApiKey;
    QUrl geminiBaseUrl;                  // empty: the real service
    QString geminiStrategyModel = QStringLiteral("gemini-2.5-flash");
    QString geminiAnalysisModel = QStringLiteral("gemini-2.5-flash-lite");
    QString openAiApiKey;                // optional (Ollama ignores it)
    QUrl openAiBaseUrl;                  // e.g. http://localhost:11434 for Ollama; empty: OpenAI
    QString openAiModel = QStringLiteral("gpt-4o-mini");
    AnalyzerChoice analyzer = AnalyzerChoice::Auto;

    // Applies GEMINI_API_KEY, OPENAI_API_KEY, GTM_GEMINI_URL, GTM_OPENAI_URL, GTM_OPENAI_MODEL
    // and GTM_GEMINI_MODEL (the analysis model) over this.
    LlmSettings withEnvironment() const;
};

} // namespace gtm
