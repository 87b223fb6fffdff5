#include "HttpClient.h"

#include "AsyncWait.h"
#include "RateLimiter.h"
#include "RetryPolicy.h"
#include "model/Providers.h"

#include <QCoroNetworkReply>
#include <QDateTime>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QRandomGenerator>

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

QHash<QString, ProviderPolicy> defaultProviderPolicies()
{
    QHash<QString, ProviderPolicy> p;
    auto limited = [](double perMinute) {
        ProviderPolicy policy;
        policy.ratePerMinute = perMinute;
        // A second's worth of tokens: enough to start a batch briskly, small enough that no
        // one-second window ever sees more than twice the steady rate.
        policy.burst = std::max(1, int(perMinute / 60.0));
        return policy;
    };
    for (const ProviderInfo &info : providers())
        p.insert(info.id,
            info.defaultRatePerMinute > 0 ? limited(info.defaultRatePerMinute) : ProviderPolicy {});
    // A company's site that hangs or refuses rarely recovers within seconds; three more tries
    // would hold a slot for half a minute per dead site.
    p[QStringLiteral("website")].maxAttempts = 2;
    return p;
}

void HttpClient::setProviderPolicy(const QString &provider, ProviderPolicy policy)
{
    m_policies.insert(provider, std::move(policy));
    m_limiters.erase(provider);
}

void HttpClient::setProviderPolicies(const QHash<QString, ProviderPolicy> &policies)
{
    for (auto it = policies.cbegin(); it != policies.cend(); ++it)
        setProviderPolicy(it.key(), it.value());
}

ProviderPolicy HttpClient::providerPolicy(const QString &provider) const
{
    return m_policies.value(provider);
}

RateLimiter *HttpClient::limiterFor(const QString &provider)
{
    auto it = m_limiters.find(provider);
    if (it == m_limiters.end()) {
        const ProviderPolicy policy = m_policies.value(provider);
        if (policy.ratePerMinute <= 0.0)
            return nullptr;
        it = m_limiters
                 .emplace(
                     provider, std::make_unique<RateLimiter>(policy.ratePerMinute, policy.burst))
                 .first;
    }
    return it->second.get();
}

QCoro::Task<bool> HttpClient::pause(std::chrono::milliseconds duration, CancelToken cancel)
{
    // The token is held by value so that its signal outlives the wait.
    co_return co_await TimedWait(
        duration, this, &HttpClient::abortRequested, cancel.get(), &CancelSource::cancelled);
}

namespace {

HttpResponse cancelledResponse(int attempts)
{
    HttpResponse r;
    r.error = HttpErrorKind::Cancelled;
    r.errorString = QStringLiteral("cancelled");
    r.attempts = attempts;
    return r;
}

} // namespace

QCoro::Task<HttpResponse> HttpClient::send(HttpRequest request)
{
    if (isCancelled(request.cancel))
        co_return cancelledResponse(0);
    if (m_store && !request.cacheKey.isEmpty()) {
        if (auto hit = m_store->lookup(request.provider, request.cacheKey)) {
            hit->fromCache = true;
            hit->attempts = 0;
            co_return *hit;
        }
    }

    QPointer<HttpClient> self(this);
    const ProviderPolicy policy = m_policies.value(request.provider);
    const int maxAttempts = request.provider.isEmpty() ? 1 : std::max(1, policy.maxAttempts);
    HttpResponse response;
    for (int attempt = 1;; ++attempt) {
        if (RateLimiter *limiter
            = request.provider.isEmpty() ? nullptr : limiterFor(request.provider)) {
            const auto wait = limiter->reserve();
            // Awaited as a statement of its own: GCC 12 miscompiles co_await inside a condition.
            bool waited = true;
            if (wait.count() > 0)
                waited = co_await pause(wait, request.cancel);
            if (!waited)
                co_return cancelledResponse(attempt - 1);
            if (!self || isCancelled(request.cancel))
                co_return cancelledResponse(attempt - 1);
        }

        response = co_await sendOnce(request);
        if (!self)
            co_return response;
        response.attempts = attempt;
        if (response.ok() || response.error == HttpErrorKind::Cancelled)
            break;

        RetryDecision decision
            = policy.classify ? policy.classify(response) : RetryDecision::Default;
        if (decision == RetryDecision::Default)
            decision = defaultRetryDecision(response);
        if (decision == RetryDecision::StopProvider) {
            response.error = HttpErrorKind::QuotaExhausted;
            response.errorString = response.status == 429
                ? QStringLiteral("quota exhausted (HTTP 429)")
                : QStringLiteral("provider refuses further requests (HTTP %1)")
                      .arg(response.status);
            break;
        }
        if (decision != RetryDecision::Retry || attempt >= maxAttempts)
            break;

        const auto asked = serverRetryDelay(response, QDateTime::currentDateTimeUtc());
        if (asked && *asked > policy.maxRetryAfter) {
            response.errorString
                += QStringLiteral("; the server asked to wait %1 s").arg(asked->count() / 1000);
            break;
        }
        const auto delay = asked ? *asked
                                 : backoffDelay(attempt, policy.baseBackoff, policy.maxBackoff,
                                     QRandomGenerator::global()->generateDouble());
        const bool waited = co_await pause(delay, request.cancel);
        if (!waited || !self)
            co_return cancelledResponse(attempt);
    }

    if (response.error == HttpErrorKind::Http && response.status == 429) {
        response.error = HttpErrorKind::RateLimited;
        response.errorString
            = QStringLiteral("rate limited (HTTP 429) after %1 attempts").arg(response.attempts);
    }
    if (response.ok() && m_store && !request.cacheKey.isEmpty() && response.status >= 200
        && response.status < 300)
        m_store->store(request.provider, request.cacheKey, response);
    co_return response;
}

void HttpClient::abortAll()
{
    Q_EMIT abortRequested();
    const auto replies = m_inFlight;
    for (QNetworkReply *r : replies) {
        m_cancelled.insert(r);
        r->abort();
    }
}

QCoro::Task<HttpResponse> HttpClient::sendOnce(HttpRequest request)
{
    if (isCancelled(request.cancel))
        co_return cancelledResponse(1);
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
    if (request.cancel) {
        connect(request.cancel.get(), &CancelSource::cancelled, reply, [this, reply] {
            m_cancelled.insert(reply);
            reply->abort();
        });
    }

    bool tooLarge = false;
    // Kept only with keepTruncated: the body read so far, since an aborted reply drops its buffer.
    QByteArray partial;
    auto checkSize = [reply, cap, &tooLarge](qint64 received) {
        if (!tooLarge && received > cap) {
            tooLarge = true;
            reply->abort();
        }
    };
    if (request.keepTruncated) {
        connect(reply, &QNetworkReply::readyRead, reply, [reply, cap, &partial, &tooLarge] {
            if (tooLarge)
                return;
            partial += reply->readAll();
            if (partial.size() > cap) {
                tooLarge = true;
                reply->abort();
            }
        });
    } else {
        connect(reply, &QNetworkReply::metaDataChanged, reply, [reply, checkSize] {
            const QVariant len = reply->header(QNetworkRequest::ContentLengthHeader);
            if (len.isValid())
                checkSize(len.toLongLong());
        });
        connect(reply, &QNetworkReply::downloadProgress, reply,
            [checkSize](qint64 received, qint64) { checkSize(received); });
    }

    co_await reply;

    HttpResponse out;
    out.attempts = 1;
    out.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    for (const auto &h : reply->rawHeaderPairs())
        out.headers.append({ h.first.toLower(), h.second });
    const bool cancelled = m_cancelled.remove(reply);
    if (!tooLarge && !cancelled && reply->isOpen())
        out.body = partial + reply->readAll();

    if (tooLarge && request.keepTruncated && !cancelled && out.status >= 200 && out.status < 300) {
        out.body = partial.left(cap);
        out.truncated = true;
    } else if (tooLarge) {
        out.error = HttpErrorKind::TooLarge;
        out.errorString = QStringLiteral("answer larger than %1 MB, abandoned")
                              .arg(cap / (1024 * 1024.0), 0, 'f', 1);
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
            out.errorString
                = QStringLiteral("HTTP %1 %2")
                      .arg(out.status)
                      .arg(reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toString());
        } else {
            out.error = HttpErrorKind::Network;
            out.errorString = reply->errorString();
        }
    }

    QObject::disconnect(reply, nullptr, reply, nullptr);
    if (request.cancel)
        QObject::disconnect(request.cancel.get(), nullptr, reply, nullptr);
    m_inFlight.remove(reply);
    m_load[nam] -= 1;
    reply->deleteLater();
    co_return out;
}

} // namespace gtm
