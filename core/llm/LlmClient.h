#pragma once

#include "net/CancelToken.h"

#include <QCoroTask>
#include <QJsonObject>
#include <QString>
#include <functional>

namespace gtm {

enum class LlmErrorKind {
    None,
    Network, // refused, reset, timed out
    Auth, // 401/403: key missing or rejected
    RateLimited, // 429 that may pass
    QuotaExhausted, // the provider's daily quota is gone: stop asking for this run
    Server, // 5xx, or an HTTP error not listed above
    Malformed, // the answer was not the JSON object expected
    Refused, // the model refused or the prompt was blocked: asking again gets the same answer
    Stopped, // not sent: the provider was stopped earlier in the run
};

QString llmErrorKindName(LlmErrorKind kind);

struct LlmResult
{
    QJsonObject json; // the model's answer, parsed
    qint64 promptTokens = 0;
    qint64 completionTokens = 0;
    LlmErrorKind error = LlmErrorKind::None;
    QString errorString; // readable: "Gemini: API key not valid (HTTP 400 INVALID_ARGUMENT)"

    bool ok() const { return error == LlmErrorKind::None; }
};

// A chat model asked for one JSON object. Parameters are by value: the call is a coroutine.
class LlmClient
{
public:
    virtual ~LlmClient() = default;
    virtual QString name() const = 0; // "gemini:gemini-2.5-flash", "openai:llama3.1"
    virtual QString model() const = 0; // "gemini-2.5-flash"
    // A raised cancel token aborts the request; the result is then a Network error.
    virtual QCoro::Task<LlmResult> completeJson(
        QString system, QString user, QJsonObject schema, CancelToken cancel = {})
        = 0;
    // True once the provider said it will refuse for the rest of the run: a rejected key or
    // an exhausted quota or credit. Every later call answers Stopped without a request.
    virtual bool stopped() const = 0;
    // Why it stopped, as first reported: "Gemini: API key not valid... (HTTP 400 ...)".
    virtual QString stopReason() const { return {}; }
};

// Checks a parsed answer against the shape a caller expects: an empty string when it fits,
// else what is wrong ("strategies[2].channel: expected a string").
using AnswerValidator = std::function<QString(const QJsonObject &)>;

// completeJson, with the answer validated; a malformed answer is asked for once more with the
// problem quoted back to the model. Tokens of both attempts are counted in the result.
QCoro::Task<LlmResult> completeValidated(LlmClient *client, QString system, QString user,
    QJsonObject schema, AnswerValidator validate, CancelToken cancel = {});

} // namespace gtm
