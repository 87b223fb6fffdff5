#include "OpenAiCompatibleClient.h"

#include "JsonAnswer.h"
#include "net/HttpClient.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace gtm {

OpenAiCompatibleClient::OpenAiCompatibleClient(
    HttpClient *http, QString apiKey, QString model, QUrl baseUrl)
    : m_http(http)
    , m_apiKey(std::move(apiKey))
    , m_model(std::move(model))
    , m_baseUrl(
          baseUrl.isEmpty() ? QUrl(QStringLiteral("https://api.openai.com")) : std::move(baseUrl))
{
}

QString OpenAiCompatibleClient::name() const
{
    return QStringLiteral("openai:") + m_model;
}

QCoro::Task<LlmResult> OpenAiCompatibleClient::completeJson(
    QString system, QString user, QJsonObject schema, CancelToken cancel)
{
    LlmResult result;
    if (m_stopped) {
        result.error = LlmErrorKind::Stopped;
        result.errorString
            = QStringLiteral("%1 not asked: stopped for this run (%2)").arg(name(), m_stopReason);
        co_return result;
    }

    // json_object mode carries no schema: the shape goes into the instructions instead.
    QString systemText = system;
    if (!schema.isEmpty())
        systemText += QStringLiteral("\n\nAnswer with one JSON object matching this JSON schema:\n")
            + QString::fromUtf8(QJsonDocument(schema).toJson(QJsonDocument::Compact));
    const QJsonObject body {
        { QStringLiteral("model"), m_model },
        { QStringLiteral("temperature"), 0.2 },
        { QStringLiteral("messages"),
            QJsonArray { QJsonObject { { QStringLiteral("role"), QStringLiteral("system") },
                             { QStringLiteral("content"), systemText } },
                QJsonObject { { QStringLiteral("role"), QStringLiteral("user") },
                    { QStringLiteral("content"), user } } } },
        { QStringLiteral("response_format"),
            QJsonObject { { QStringLiteral("type"), QStringLiteral("json_object") } } },
    };

    HttpRequest request;
    request.method = QByteArrayLiteral("POST");
    QUrl url = m_baseUrl;
    QString path = url.path();
    if (path.endsWith(u'/'))
        path.chop(1);
    if (!path.endsWith(QStringLiteral("/v1")))
        path += QStringLiteral("/v1");
    url.setPath(path + QStringLiteral("/chat/completions"));
    request.url = url;
    request.headers
        = { { QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json") } };
    if (!m_apiKey.isEmpty())
        request.headers.append(
            { QByteArrayLiteral("Authorization"), "Bearer " + m_apiKey.toUtf8() });
    request.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
    request.provider = QStringLiteral("openai");
    request.cancel = std::move(cancel);
    // Local models on a CPU can take minutes for one answer.
    request.timeout = std::chrono::seconds(180);

    HttpResponse response = co_await m_http->send(std::move(request));

    if (response.status >= 400 || !response.ok()) {
        const QJsonObject e = QJsonDocument::fromJson(response.body)
                                  .object()
                                  .value(QStringLiteral("error"))
                                  .toObject();
        // OpenAI: {"error":{"message","type","code"}}; some local servers send a plain string.
        QString message = e.value(QStringLiteral("message")).toString();
        if (message.isEmpty())
            message = QJsonDocument::fromJson(response.body)
                          .object()
                          .value(QStringLiteral("error"))
                          .toString();
        // The older form of the quota answer has "code": null and says it in "type".
        const bool quotaGone = e.value(QStringLiteral("code")).toString() == u"insufficient_quota"
            || e.value(QStringLiteral("type")).toString() == u"insufficient_quota";
        QString detail = message.isEmpty() ? response.errorString : message;
        // "Incorrect API key provided: sk-..." quotes the key back; rows and logs must not.
        if (m_apiKey.size() >= 4)
            detail.replace(m_apiKey, QStringLiteral("[key]"));
        result.errorString = response.status > 0
            ? QStringLiteral("%1: %2 (HTTP %3)").arg(name(), detail).arg(response.status)
            : QStringLiteral("%1: %2").arg(name(), detail);
        if (response.error == HttpErrorKind::QuotaExhausted || quotaGone) {
            result.error = LlmErrorKind::QuotaExhausted;
            m_stopped = true;
        } else if (response.status == 429) {
            result.error = LlmErrorKind::RateLimited;
        } else if (response.status == 401) {
            // invalid_api_key: the same key is rejected for every company.
            result.error = LlmErrorKind::Auth;
            m_stopped = true;
        } else if (response.status == 403) {
            // A region or model the key may not use; another model might work.
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

    const QJsonObject answer = QJsonDocument::fromJson(response.body).object();
    const QJsonObject usage = answer.value(QStringLiteral("usage")).toObject();
    result.promptTokens = usage.value(QStringLiteral("prompt_tokens")).toInteger();
    // completion_tokens already holds completion_tokens_details.reasoning_tokens: that is
    // what is billed, so the details are not added again.
    result.completionTokens = usage.value(QStringLiteral("completion_tokens")).toInteger();
    const QJsonObject message = answer.value(QStringLiteral("choices"))
                                    .toArray()
                                    .at(0)
                                    .toObject()
                                    .value(QStringLiteral("message"))
                                    .toObject();
    // A refusal comes instead of the content and does not follow the schema
    // (platform.openai.com/docs/guides/structured-outputs#refusals); asking again is refused
    // again.
    const QString refusal = message.value(QStringLiteral("refusal")).toString().simplified();
    if (!refusal.isEmpty()) {
        result.error = LlmErrorKind::Refused;
        result.errorString = QStringLiteral("%1 refused: %2").arg(name(), refusal.left(200));
        co_return result;
    }
    const QString text = message.value(QStringLiteral("content")).toString();
    QString parseError;
    if (!parseJsonAnswer(text, &result.json, &parseError)) {
        result.error = LlmErrorKind::Malformed;
        result.errorString = parseError;
    }
    co_return result;
}

} // namespace gtm
