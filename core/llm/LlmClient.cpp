#include "LlmClient.h"

namespace gtm {

QString llmErrorKindName(LlmErrorKind kind)
{
    switch (kind) {
    case LlmErrorKind::None:
        return QStringLiteral("none");
    case LlmErrorKind::Network:
        return QStringLiteral("network");
    case LlmErrorKind::Auth:
        return QStringLiteral("auth");
    case LlmErrorKind::RateLimited:
        return QStringLiteral("rate_limited");
    case LlmErrorKind::QuotaExhausted:
        return QStringLiteral("quota_exhausted");
    case LlmErrorKind::Server:
        return QStringLiteral("server");
    case LlmErrorKind::Malformed:
        return QStringLiteral("malformed");
    case LlmErrorKind::Refused:
        return QStringLiteral("refused");
    case LlmErrorKind::Stopped:
        return QStringLiteral("stopped");
    }
    return QStringLiteral("unknown");
}

QCoro::Task<LlmResult> completeValidated(LlmClient *client, QString system, QString user,
    QJsonObject schema, AnswerValidator validate, CancelToken cancel)
{
    LlmResult first = co_await client->completeJson(system, user, schema, cancel);
    QString problem = first.ok() ? validate(first.json) : QString();
    if (first.ok() && problem.isEmpty())
        co_return first;
    if ((!first.ok() && first.error != LlmErrorKind::Malformed) || isCancelled(cancel))
        co_return first;
    if (problem.isEmpty())
        problem = first.errorString;

    // One more try with the problem quoted: models usually fix a shape they are told about.
    const QString retryUser = user
        + QStringLiteral("\n\nYour previous answer could not be used: %1\n"
                         "Answer again with only the JSON object in the required shape.")
              .arg(problem);
    LlmResult second = co_await client->completeJson(system, retryUser, schema, cancel);
    second.promptTokens += first.promptTokens;
    second.completionTokens += first.completionTokens;
    if (second.ok()) {
        const QString again = validate(second.json);
        if (!again.isEmpty()) {
            second.error = LlmErrorKind::Malformed;
            second.errorString = again;
        }
    }
    co_return second;
}

} // namespace gtm
