#include "GeminiClient.h"

#include "JsonAnswer.h"
#include "net/HttpClient.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace gtm {

namespace {
// {"error":{"code":429,"message":"...","status":"RESOURCE_EXHAUSTED"}} -> status and message.
QPair<QString, QString> googleError(const QByteArray &body)
{
    const QJsonObject e
        = QJsonDocument::fromJson(body).object().value(QStringLiteral("error")).toObject();
    return { e.value(QStringLiteral("status")).toString(),
        e.value(QStringLiteral("message")).toString() };
}

// The google.rpc.ErrorInfo reason in error.details[] ("API_KEY_INVALID"), if any.
QString errorInfoReason(const QByteArray &body)
{
    const QJsonArray details = QJsonDocument::fromJson(body)
                                   .object()
                                   .value(QStringLiteral("error"))
                                   .toObject()
                                   .value(QStringLiteral("details"))
                                   .toArray();
    for (const QJsonValue &d : details) {
        const QString reason = d.toObject().value(QStringLiteral("reason")).toString();
        if (!reason.isEmpty())
            return reason;
    }
    return {};
}
} // namespace

GeminiClient::GeminiClient(HttpClient *http, QString apiKey, QString model, QUrl baseUrl)
    : m_http(http)
    , m_apiKey(std::move(apiKey))
    , m_model(std::move(model))
    , m_baseUrl(baseUrl.isEmpty()
              ? QUrl(QStringLiteral("https://generativelanguage.googleapis.com"))
              : std::move(baseUrl))
{
}

QString GeminiClient::name() const
{
    return QStringLiteral("gemini:") + m_model;
}

QCoro::Task<LlmResult> GeminiClient::completeJson(
    QString system, QString user, QJsonObject schema, CancelToken cancel)
{
    LlmResult result;
    if (m_stopped) {
        result.error = LlmErrorKind::Stopped;
        result.errorString
            = QStringLiteral("Gemini not asked: stopped for this run (%1)").arg(m_stopReason);
        co_return result;
    }
    if (m_apiKey.isEmpty()) {
        result.error = LlmErrorKind::Auth;
        result.errorString = QStringLiteral("Gemini: no API key (set GEMINI_API_KEY)");
        co_return result;
    }

    QJsonObject generation {
        { QStringLiteral("temperature"), 0.2 },
        { QStringLiteral("responseMimeType"), QStringLiteral("application/json") },
    };
    if (!schema.isEmpty())
        generation.insert(QStringLiteral("responseSchema"), schema);
    const QJsonObject body {
        { QStringLiteral("systemInstruction"),
            QJsonObject { { QStringLiteral("parts"),
                QJsonArray { QJsonObject { { QStringLiteral("text"), system } } } } } },
        { QStringLiteral("contents"),
            QJsonArray { QJsonObject { { QStringLiteral("role"), QStringLiteral("user") },
                { QStringLiteral("parts"),
                    QJsonArray { QJsonObject { { QStringLiteral("text"), user } } } } } } },
        { QStringLiteral("generationConfig"), generation },
    };

    HttpRequest request;
    request.method = QByteArrayLiteral("POST");
    QUrl url = m_baseUrl;
    QString path = url.path();
    if (path.endsWith(u'/'))
        path.chop(1);
    url.setPath(
        path + QStringLiteral("/v1beta/models/") + m_model + QStringLiteral(":generateContent"));
    request.url = url;
    request.headers
        = { { QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json") },
              { QByteArrayLiteral("x-goog-api-key"), m_apiKey.toUtf8() } };
    request.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
    request.cancel = std::move(cancel);
    request.provider = QStringLiteral("gemini");
    request.timeout = std::chrono::seconds(90);

    HttpResponse response = co_await m_http->send(std::move(request));

    if (response.status >= 400 || (!response.ok() && response.status == 0)) {
        const auto [status, message] = googleError(response.body);
        QString detail = message.isEmpty() ? response.errorString : message;
        if (m_apiKey.size() >= 4)
            detail.replace(m_apiKey, QStringLiteral("[key]")); // never quoted back into a row
        result.errorString = response.status > 0
            ? QStringLiteral("Gemini: %1 (HTTP %2%3)")
                  .arg(detail)
                  .arg(response.status)
                  .arg(status.isEmpty() ? QString() : u' ' + status)
            : QStringLiteral("Gemini: %1").arg(detail);
        // A key Google does not know is a 400 INVALID_ARGUMENT whose ErrorInfo says
        // API_KEY_INVALID; it will not become valid for the next company.
        const bool keyRejected = response.status == 401
            || (response.status == 400
                && (errorInfoReason(response.body) == u"API_KEY_INVALID"
                    || message.contains(QStringLiteral("API key"))));
        if (response.error == HttpErrorKind::QuotaExhausted
            || (response.status == 429 && status == u"RESOURCE_EXHAUSTED")) {
            // What is left after the client's own retries is a quota that stays until reset.
            result.error = LlmErrorKind::QuotaExhausted;
            m_stopped = true;
        } else if (response.status == 429) {
            result.error = LlmErrorKind::RateLimited;
        } else if (keyRejected) {
            result.error = LlmErrorKind::Auth;
            m_stopped = true;
        } else if (response.status == 403) {
            // PERMISSION_DENIED can be one model's access, not the key's: not a stop.
            result.error = LlmErrorKind::Auth;
        } else if (response.status > 0) {
            result.error = LlmErrorKind::Server;
        } else {
            result.error = LlmErrorKind::Network;
        }
        if (m_stopped)
            m_stopReason = result.errorString;
        co_return result;
    }
    if (!response.ok()) {
        result.error = LlmErrorKind::Network;
        result.errorString = QStringLiteral("Gemini: ") + response.errorString;
        co_return result;
    }

    const QJsonObject answer = QJsonDocument::fromJson(response.body).object();
    const QJsonObject usage = answer.value(QStringLiteral("usageMetadata")).toObject();
    result.promptTokens = usage.value(QStringLiteral("promptTokenCount")).toInteger();
    // Thinking models bill their thoughts as output but count them apart from the answer
    // (ai.google.dev/gemini-api/docs/thinking#pricing).
    result.completionTokens = usage.value(QStringLiteral("candidatesTokenCount")).toInteger()
        + usage.value(QStringLiteral("thoughtsTokenCount")).toInteger();

    // A blocked prompt gets no candidates at all, only the reason
    // (ai.google.dev/api/generate-content#PromptFeedback); the same prompt is blocked again.
    const QString blockReason = answer.value(QStringLiteral("promptFeedback"))
                                    .toObject()
                                    .value(QStringLiteral("blockReason"))
                                    .toString();
    if (!blockReason.isEmpty()) {
        result.error = LlmErrorKind::Refused;
        result.errorString = QStringLiteral("Gemini blocked the prompt (%1)").arg(blockReason);
        co_return result;
    }

    const QJsonObject candidate
        = answer.value(QStringLiteral("candidates")).toArray().at(0).toObject();
    QString text;
    const QJsonArray parts = candidate.value(QStringLiteral("content"))
                                 .toObject()
                                 .value(QStringLiteral("parts"))
                                 .toArray();
    for (const QJsonValue &p : parts) {
        const QJsonObject part = p.toObject();
        if (!part.value(QStringLiteral("thought")).toBool())
            text += part.value(QStringLiteral("text")).toString();
    }
    QString parseError;
    if (!parseJsonAnswer(text, &result.json, &parseError)) {
        result.error = LlmErrorKind::Malformed;
        const QString finish = candidate.value(QStringLiteral("finishReason")).toString();
        result.errorString = finish.isEmpty() || finish == u"STOP"
            ? parseError
            : parseError + QStringLiteral(" (finish reason %1)").arg(finish);
    }
    co_return result;
}

} // namespace gtm
