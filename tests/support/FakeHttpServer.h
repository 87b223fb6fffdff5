#pragma once

#include <QElapsedTimer>
#include <QHash>
#include <QList>
#include <QObject>
#include <QUrl>
#include <QUrlQuery>
#include <functional>

class QTcpServer;
class QTcpSocket;

namespace gtm::test {

struct FakeRequest
{
    QByteArray method;
    QString path;
    QUrlQuery query;
    QHash<QByteArray, QByteArray> headers; // names lower-cased
    QByteArray body;
    qint64 receivedAtMs = 0; // since listen()
};

struct FakeResponse
{
    enum class Action {
        Respond,  // send status, headers, body (after delayMs)
        Hang,     // never answer; the client has to time out or abort
        Reset,    // close the connection without an answer
        Oversize, // announce oversizeBytes, send body, then stream filler up to that size
        Truncate, // announce the whole body, send its first half, then close the connection
        Hold,     // answer like Respond, but only once the test calls releaseHeld()
    };
    int status = 200;
    QByteArray body;
    QList<QPair<QByteArray, QByteArray>> headers;
    int delayMs = 0;
    Action action = Action::Respond;
    qint64 oversizeBytes = 0;

    static FakeResponse json(const QByteArray &body, int status = 200);
    static FakeResponse text(const QByteArray &body, int status = 200,
                             const QByteArray &contentType = QByteArrayLiteral("text/html; charset=utf-8"));
    FakeResponse &withDelay(int ms)
    {
        delayMs = ms;
        return *this;
    }
    FakeResponse &heldUntilReleased()
    {
        action = Action::Hold;
        return *this;
    }
    FakeResponse &withHeader(const QByteArray &name, const QByteArray &value)
    {
        headers.append({name, value});
        return *this;
    }
};

using FakeHandler = std::function<FakeResponse(const FakeRequest &)>;

// A loopback HTTP/1.1 server for tests and benchmarks, on a port the system picks. Routes
// match by path prefix (longest wins); unrouted paths answer 404. It counts requests and the
// peak number answered concurrently, overall and per route, as the client's concurrency seen
// from the wire.
class FakeHttpServer : public QObject
{
    Q_OBJECT
public:
    explicit FakeHttpServer(QObject *parent = nullptr);
    ~FakeHttpServer() override;

    bool listen(quint16 port = 0);
    quint16 port() const;
    QUrl baseUrl() const; // http://127.0.0.1:PORT

    void route(const QString &pathPrefix, FakeHandler handler);

    int requestCount(const QString &pathPrefix = {}) const;
    int peakConcurrency(const QString &pathPrefix = {}) const;
    int inFlight() const { return m_inFlight; }
    // Answers of Action::Hold waiting for releaseHeld(); they count as in flight meanwhile.
    int heldCount() const { return int(m_held.size()); }
    void releaseHeld();
    QList<FakeRequest> requests(const QString &pathPrefix = {}) const;
    void resetStats();

Q_SIGNALS:
    void requestReceived(const gtm::test::FakeRequest &request);

private:
    struct Connection;
    void onNewConnection();
    void onReadyRead(QTcpSocket *socket);
    void dispatch(QTcpSocket *socket, FakeRequest request);
    int routeFor(const QString &path) const;

    QTcpServer *m_server = nullptr;
    QElapsedTimer m_clock;
    QList<QPair<QString, FakeHandler>> m_routes;
    QHash<QTcpSocket *, QByteArray> m_buffers;
    QList<QPair<QString, FakeRequest>> m_log;
    QList<std::function<void()>> m_held;
    int m_inFlight = 0;
    int m_peak = 0;
    QHash<QString, int> m_routeInFlight;
    QHash<QString, int> m_routePeak;
};

} // namespace gtm::test
