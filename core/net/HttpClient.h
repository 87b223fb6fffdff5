#pragma once

#include "HttpTypes.h"
#include "ResponseStore.h"

#include <QObject>
#include <QPointer>
#include <QSet>
#include <QCoroTask>
#include <functional>
#include <memory>
#include <vector>

class QNetworkAccessManager;
class QNetworkReply;

namespace gtm {

struct HttpClientConfig
{
    std::chrono::milliseconds defaultTimeout{20000};
    qint64 defaultMaxBytes = 8 * 1024 * 1024;
    // Qt 6.4 opens at most 6 HTTP/1.1 connections per host per manager; requests are spread
    // over a pool of managers so that N parallel requests really are N connections.
    int maxManagers = 24;
    QByteArray userAgent = QByteArrayLiteral("GTM-Research/0.1");
};

// What to do with an answer, beyond the generic rules (retry 429/5xx/network errors).
enum class RetryDecision {
    Default,      // the generic rules
    Retry,        // retry if attempts remain
    Fail,         // give up on this request
    StopProvider, // give up, and the provider refuses for the rest of the run (quota, plan)
};

// Per-provider limits, as the seed's defaults: Tavily 500/min, NewsAPI 300/min, Gemini
// 2000/min, 3 retries from 1 s doubling to at most 10 s.
struct ProviderPolicy
{
    int maxAttempts = 4;          // first try + retries
    double ratePerMinute = 0.0;   // 0: unlimited
    int burst = 1;                // tokens the bucket holds beyond the steady rate
    std::chrono::milliseconds baseBackoff{1000};
    std::chrono::milliseconds maxBackoff{10000};
    std::function<RetryDecision(const HttpResponse &)> classify; // optional
};

// Sends requests over a pool of QNetworkAccessManagers and awaits them with QCoro.
// Lives on the thread that created it; every coroutine must be awaited on that thread.
class HttpClient : public QObject
{
    Q_OBJECT
public:
    explicit HttpClient(HttpClientConfig config = {}, QObject *parent = nullptr);
    ~HttpClient() override;

    void setProviderPolicy(const QString &provider, ProviderPolicy policy);
    void setResponseStore(ResponseStore *store) { m_store = store; }

    // The request with its provider's rate limit, retries and backoff (Retry-After honoured),
    // and the response store for requests with a cache key. Never throws.
    QCoro::Task<HttpResponse> send(HttpRequest request);

    // One attempt: a transfer timeout, a size cap, errors typed. Never throws.
    QCoro::Task<HttpResponse> sendOnce(HttpRequest request);

    // Aborts every request in flight; their awaiters get HttpErrorKind::Cancelled.
    void abortAll();

    const HttpClientConfig &config() const { return m_config; }

private:
    QNetworkAccessManager *pickManager();

    HttpClientConfig m_config;
    QHash<QString, ProviderPolicy> m_policies;
    ResponseStore *m_store = nullptr;
    std::vector<QNetworkAccessManager *> m_managers;
    QHash<QNetworkAccessManager *, int> m_load;
    QSet<QNetworkReply *> m_inFlight;
    QSet<QNetworkReply *> m_cancelled;
};

} // namespace gtm
