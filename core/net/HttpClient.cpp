#include "HttpClient.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QCoroNetworkReply>

namespace gtm {

HttpClient::HttpClient(HttpClientConfig config, QObject *parent)
    : QObject(parent)
    , m_config(std::move(config))
{
}

HttpClient::~HttpClient()
{
    // Replies must not outlive their manager while QCoro still awaits them.
    abortAll();
}

QNetworkAccessManager *HttpClient::pickManager()
{
    QNetworkAccessManager *best = nullptr;
    int bestLoad = std::numeric_limits<int>::max();
    for (auto *m : m_managers) {
        const int load = m_load.value(m);
        if (load < bestLoad) {
            best = m;
            bestLoad = load;
        }
    }
    // A manager keeps 6 connections busy; open another before queueing behind them.
    if (!best || (bestLoad >= 6 && int(m_managers.size()) < m_config.maxManagers)) {
        best = new QNetworkAccessManager(this);
        best->setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy);
        m_managers.push_back(best);
    }
    return best;
}

void HttpClient::setProviderPolicy(const QString &provider, ProviderPolicy policy)
{
    m_policies.insert(provider, std::move(policy));
}

// Placeholder until the engine lands (issue 3): no limits, no retries, no cache.
QCoro::Task<HttpResponse> HttpClient::send(HttpRequest request)
{
    co_return co_await sendOnce(std::move(request));
}

void HttpClient::abortAll()
{
    const auto replies = m_inFlight;
    for (QNetworkReply *r : replies) {
        m_cancelled.insert(r);
        r->abort();
    }
}

QCoro::Task<HttpResponse> HttpClient::sendOnce(HttpRequest request)
{
    QNetworkRequest req(request.url);
    const auto timeout = request.timeout.count() > 0 ? request.timeout : m_config.defaultTimeout;
    req.setTransferTimeout(int(timeout.count()));
    req.setAttribute(QNetworkRequest::Http2AllowedAttribute, true);
    req.setHeader(QNetworkRequest::UserAgentHeader, m_config.userAgent);
    for (const auto &h : request.headers)
        req.setRawHeader(h.first, h.second);
    const qint64 cap = request.maxBytes > 0 ? request.maxBytes : m_config.defaultMaxBytes;

    QNetworkAccessManager *nam = pickManager();
    QNetworkReply *reply = nam->sendCustomRequest(req, request.method, request.body);
    m_inFlight.insert(reply);
    m_load[nam] += 1;

    bool tooLarge = false;
    auto checkSize = [reply, cap, &tooLarge](qint64 received) {
        if (!tooLarge && received > cap) {
            tooLarge = true;
            reply->abort();
        }
    };
    connect(reply, &QNetworkReply::metaDataChanged, reply, [reply, checkSize] {
        const QVariant len = reply->header(QNetworkRequest::ContentLengthHeader);
        if (len.isValid())
            checkSize(len.toLongLong());
    });
    connect(reply, &QNetworkReply::downloadProgress, reply,
            [checkSize](qint64 received, qint64) { checkSize(received); });

    co_await reply;

    HttpResponse out;
    out.attempts = 1;
    out.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    for (const auto &h : reply->rawHeaderPairs())
        out.headers.append({h.first.toLower(), h.second});
    const bool cancelled = m_cancelled.remove(reply);
    if (!tooLarge && !cancelled)
        out.body = reply->readAll();

    if (tooLarge) {
        out.error = HttpErrorKind::TooLarge;
        out.errorString = QStringLiteral("answer larger than %1 MB, abandoned").arg(cap / (1024 * 1024.0), 0, 'f', 1);
    } else if (cancelled) {
        out.error = HttpErrorKind::Cancelled;
        out.errorString = QStringLiteral("cancelled");
    } else if (reply->error() == QNetworkReply::OperationCanceledError
               || reply->error() == QNetworkReply::TimeoutError) {
        out.error = HttpErrorKind::Timeout;
        out.errorString = QStringLiteral("no answer within %1 s").arg(timeout.count() / 1000.0);
    } else if (out.status >= 300 || (out.status == 0 && reply->error() != QNetworkReply::NoError)) {
        if (out.status > 0) {
            out.error = HttpErrorKind::Http;
            out.errorString = QStringLiteral("HTTP %1 %2")
                                  .arg(out.status)
                                  .arg(reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toString());
        } else {
            out.error = HttpErrorKind::Network;
            out.errorString = reply->errorString();
        }
    }

    QObject::disconnect(reply, nullptr, reply, nullptr);
    m_inFlight.remove(reply);
    m_load[nam] -= 1;
    reply->deleteLater();
    co_return out;
}

} // namespace gtm
