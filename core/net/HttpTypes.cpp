#include "HttpTypes.h"

#include <QJsonParseError>

namespace gtm {

QString errorKindName(HttpErrorKind kind)
{
    switch (kind) {
    case HttpErrorKind::None:
        return QStringLiteral("ok");
    case HttpErrorKind::Network:
        return QStringLiteral("network error");
    case HttpErrorKind::Timeout:
        return QStringLiteral("timed out");
    case HttpErrorKind::Http:
        return QStringLiteral("HTTP error");
    case HttpErrorKind::TooLarge:
        return QStringLiteral("answer too large");
    case HttpErrorKind::Parse:
        return QStringLiteral("malformed answer");
    case HttpErrorKind::Cancelled:
        return QStringLiteral("cancelled");
    case HttpErrorKind::RateLimited:
        return QStringLiteral("rate limited");
    case HttpErrorKind::QuotaExhausted:
        return QStringLiteral("quota exhausted");
    case HttpErrorKind::CircuitOpen:
        return QStringLiteral("circuit breaker open");
    }
    return {};
}

QByteArray HttpResponse::header(const QByteArray &lowerCaseName) const
{
    for (const auto &h : headers)
        if (h.first == lowerCaseName)
            return h.second;
    return {};
}

QJsonDocument HttpResponse::json()
{
    QJsonParseError pe;
    QJsonDocument doc = QJsonDocument::fromJson(body, &pe);
    if (pe.error != QJsonParseError::NoError) {
        error = HttpErrorKind::Parse;
        errorString
            = QStringLiteral("malformed JSON at byte %1: %2").arg(pe.offset).arg(pe.errorString());
        return {};
    }
    return doc;
}

} // namespace gtm
