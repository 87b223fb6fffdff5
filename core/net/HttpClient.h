#pragma once

#include "HttpTypes.h"

#include <QObject>
#include <QPointer>
#include <QSet>
#include <QCoroTask>
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

// Sends requests over a pool of QNetworkAccessManagers and awaits them with QCoro.
// Lives on the thread that created it; every coroutine must be awaited on that thread.
class HttpClient : public QObject
{
    Q_OBJECT
public:
    explicit HttpClient(HttpClientConfig config = {}, QObject *parent = nullptr);
    ~HttpClient() override;

    // One attempt: a transfer timeout, a size cap, errors typed. Never throws.
    QCoro::Task<HttpResponse> sendOnce(HttpRequest request);

    // Aborts every request in flight; their awaiters get HttpErrorKind::Cancelled.
    void abortAll();

    const HttpClientConfig &config() const { return m_config; }

private:
    QNetworkAccessManager *pickManager();

    HttpClientConfig m_config;
    std::vector<QNetworkAccessManager *> m_managers;
    QHash<QNetworkAccessManager *, int> m_load;
    QSet<QNetworkReply *> m_inFlight;
    QSet<QNetworkReply *> m_cancelled;
};

} // namespace gtm
