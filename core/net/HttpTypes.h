#pragma once

#include "CancelToken.h"

#include <QByteArray>
#include <QJsonDocument>
#include <QList>
#include <QPair>
#include <QString>
#include <QUrl>
#include <chrono>

namespace gtm {

using HeaderList = QList<QPair<QByteArray, QByteArray>>;

struct HttpRequest
{
    QByteArray method = QByteArrayLiteral("GET");
    QUrl url;
    HeaderList headers;
    QByteArray body;
    // The provider whose rate limit, retry policy and statistics this request counts against
    // ("tavily", "newsapi", "gemini", ...). Empty: no limit, no retries.
    QString provider;
    std::chrono::milliseconds timeout { 0 }; // 0: the client's default
    qint64 maxBytes = 0; // 0: the client's default cap
    // Over maxBytes: answer with the first maxBytes (HttpResponse::truncated) instead of
    // TooLarge. For pages whose head is worth reading even when the whole is too much.
    bool keepTruncated = false;
    // Non-empty: a successful answer may be served from and kept in the response store.
    // Built by the source from what decides the answer (provider, request, depth), never
    // from an API key.
    QByteArray cacheKey;
    // Raised by the run that sent this request: aborts it and ends its waits (optional).
    CancelToken cancel;
};

enum class HttpErrorKind {
    None,
    Network, // connection refused, reset, DNS, TLS
    Timeout, // no progress within the transfer timeout
    Http, // an HTTP status outside 2xx
    TooLarge, // the answer passed the size cap and was abandoned
    Parse, // the answer was not the JSON expected
    Cancelled, // the run was cancelled
    RateLimited, // 429 after the retries allowed
    QuotaExhausted, // the provider said the quota or credit is gone: stop asking
    CircuitOpen, // refused locally: the source's breaker is open
};

QString errorKindName(HttpErrorKind kind);

struct HttpResponse
{
    int status = 0;
    QByteArray body;
    HeaderList headers; // names lower-cased
    HttpErrorKind error = HttpErrorKind::None;
    QString errorString; // readable, for the row and the log
    int attempts = 0;
    bool fromCache = false;
    bool truncated = false; // the body is the first maxBytes of a longer answer

    bool ok() const { return error == HttpErrorKind::None; }
    QByteArray header(const QByteArray &lowerCaseName) const;
    // Parses the body; on failure turns this response into a Parse error.
    QJsonDocument json();
};

} // namespace gtm
