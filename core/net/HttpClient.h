#pragma once

#include "HttpTypes.h"
#include "ResponseStore.h"

#include <QCoroTask>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <functional>
#include <memory>
#include <unordered_map>
#include <vector>

class QNetworkAccessManager;
class QNetworkReply;

namespace gtm {

struct HttpClientConfig
{
    std::chrono::milliseconds defaultTimeout { 20000 };
    qint64 defaultMaxBytes = 8 * 1024 * 1024;
    // Qt 6.4 opens at most 6 HTTP/1.1 connections per host per manager; requests are spread
    // over a pool of managers so that N parallel requests really are N connections.
    int maxManagers = 24;
    QByteArray userAgent = QByteArrayLiteral("GTM-Research/0.1");
};

// What to do with an answer, beyond the generic rules (retry 429/5xx/network errors).
enum class RetryDecision {
    Default, // the generic rules
    Retry, // retry if attempts remain
    Fail, // give up on this request
    StopProvider, // give up, and the provider refuses for the rest of the run (quota, plan)
};

// Per-provider limits, as the seed's defaults: Tavily 500/min, NewsAPI 300/min, Gemini
// 2000/min, 3 retries from 1 s doubling to at most 10 s.
struct ProviderPolicy
{
    int maxAttempts = 4; // first try + retries
    double ratePerMinute = 0.0; // 0: unlimited
    int burst = 1; // tokens the bucket holds beyond the steady rate
    std::chrono::milliseconds baseBackoff { 1000 };
    std::chrono::milliseconds maxBackoff { 10000 };
    // A server asking for a longer pause than this is not waited for: the request fails.
    std::chrono::milliseconds maxRetryAfter { 120000 };
    std::function<RetryDecision(const HttpResponse &)> classify; // optional
};

// The seed's limits: Tavily 500/min, NewsAPI 300/min, Gemini 2000/min; other providers
// unlimited but retried. Keyed by provider id.
QHash<QString, ProviderPolicy> defaultProviderPolicies();

class RateLimiter;

// Sends requests over a pool of QNetworkAccessManagers and awaits them with QCoro.
// Lives on the thread that created it; every coroutine must be awaited on that thread.
class HttpClient : public QObject
{
    Q_OBJECT
public:
    explicit HttpClient(HttpClientConfig config = {}, QObject *parent = nullptr);
    ~HttpClient() override;

    void setProviderPolicy(const QString &provider, ProviderPolicy policy);
    void setProviderPolicies(const QHash<QString, ProviderPolicy> &policies);
    ProviderPolicy providerPolicy(const QString &provider) const;
    void setResponseStore(ResponseStore *store) { m_store = store; }

    // The request with its provider's rate limit, retries and backoff (Retry-After honoured),
    // and the response store for requests with a cache key. Never throws.
    QCoro::Task<HttpResponse> send(HttpRequest request);

    // One attempt: a transfer timeout, a size cap, errors typed. Never throws.
    QCoro::Task<HttpResponse> sendOnce(HttpRequest request);

    // Aborts every request in flight and ends every backoff or rate-limit wait; their awaiters
    // get HttpErrorKind::Cancelled. To stop only one run's requests, use HttpRequest::cancel.
    void abortAll();

    int inFlight() const { return int(m_inFlight.size()); }
    int managerCount() const { return int(m_managers.size()); }
    const HttpClientConfig &config() const { return m_config; }

Q_SIGNALS:
    void abortRequested();

private:
    QNetworkAccessManager *pickManager();
    RateLimiter *limiterFor(const QString &provider);
    QCoro::Task<bool> pause(std::chrono::milliseconds duration, CancelToken cancel);

    HttpClientConfig m_config;
    QHash<QString, ProviderPolicy> m_policies;
    ResponseStore *m_store = nullptr;
    std::vector<QNetworkAccessManager *> m_managers;
    QHash<QNetworkAccessManager *, int> m_load;
    QSet<QNetworkReply *> m_inFlight;
    QSet<QNetworkReply *> m_cancelled;
    std::unordered_map<QString, std::unique_ptr<RateLimiter>> m_limiters;
};

} // namespace gtm
