#pragma once

// Answers in the shapes of Gemini's generateContent and OpenAI's chat completions, for the
// fake servers of the LLM tests.
#include <QByteArray>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QString>

namespace gtm::test {

inline QByteArray geminiAnswer(const QString &text, int promptTokens = 120, int answerTokens = 40)
{
    const QJsonObject part { { QStringLiteral("text"), text } };
    const QJsonObject candidate { { QStringLiteral("content"),
                                      QJsonObject {
                                          { QStringLiteral("parts"), QJsonArray { part } },
                                          { QStringLiteral("role"), QStringLiteral("model") } } },
        { QStringLiteral("finishReason"), QStringLiteral("STOP") } };
    const QJsonObject body { { QStringLiteral("candidates"), QJsonArray { candidate } },
        { QStringLiteral("usageMetadata"),
            QJsonObject { { QStringLiteral("promptTokenCount"), promptTokens },
                { QStringLiteral("candidatesTokenCount"), answerTokens },
                { QStringLiteral("totalTokenCount"), promptTokens + answerTokens } } } };
    return QJsonDocument(body).toJson(QJsonDocument::Compact);
}

inline QByteArray geminiError(int code, const QString &status, const QString &message)
{
    const QJsonObject body { { QStringLiteral("error"),
        QJsonObject { { QStringLiteral("code"), code }, { QStringLiteral("message"), message },
            { QStringLiteral("status"), status } } } };
    return QJsonDocument(body).toJson(QJsonDocument::Compact);
}

inline QByteArray openAiAnswer(const QString &content, int promptTokens = 90, int answerTokens = 30)
{
    const QJsonObject choice { { QStringLiteral("index"), 0 },
        { QStringLiteral("message"),
            QJsonObject { { QStringLiteral("role"), QStringLiteral("assistant") },
                { QStringLiteral("content"), content } } },
        { QStringLiteral("finish_reason"), QStringLiteral("stop") } };
    const QJsonObject body { { QStringLiteral("choices"), QJsonArray { choice } },
        { QStringLiteral("usage"),
            QJsonObject { { QStringLiteral("prompt_tokens"), promptTokens },
                { QStringLiteral("completion_tokens"), answerTokens },
                { QStringLiteral("total_tokens"), promptTokens + answerTokens } } } };
    return QJsonDocument(body).toJson(QJsonDocument::Compact);
}

inline QJsonObject jsonBody(const QByteArray &body)
{
    return QJsonDocument::fromJson(body).object();
}

// The user text of a Gemini request.
inline QString geminiUserText(const QByteArray &body)
{
    return jsonBody(body)
        .value(QStringLiteral("contents"))
        .toArray()
        .at(0)
        .toObject()
        .value(QStringLiteral("parts"))
        .toArray()
        .at(0)
        .toObject()
        .value(QStringLiteral("text"))
        .toString();
}

} // namespace gtm::test
