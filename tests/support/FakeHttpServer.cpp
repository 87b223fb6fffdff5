#include "FakeHttpServer.h"

#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

namespace gtm::test {

FakeResponse FakeResponse::json(const QByteArray &body, int status)
{
    FakeResponse r;
    r.status = status;
    r.body = body;
    r.headers.append({QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json")});
    return r;
}

FakeResponse FakeResponse::text(const QByteArray &body, int status, const QByteArray &contentType)
{
    FakeResponse r;
    r.status = status;
    r.body = body;
    r.headers.append({QByteArrayLiteral("Content-Type"), contentType});
    return r;
}

FakeHttpServer::FakeHttpServer(QObject *parent)
    : QObject(parent)
    , m_server(new QTcpServer(this))
{
    connect(m_server, &QTcpServer::newConnection, this, &FakeHttpServer::onNewConnection);
}

FakeHttpServer::~FakeHttpServer() = default;

bool FakeHttpServer::listen(quint16 port)
{
    m_server->setMaxPendingConnections(1000);
    m_clock.start();
    return m_server->listen(QHostAddress::LocalHost, port);
}

quint16 FakeHttpServer::port() const
{
    return m_server->serverPort();
}

QUrl FakeHttpServer::baseUrl() const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port()));
}

void FakeHttpServer::route(const QString &pathPrefix, FakeHandler handler)
{
    m_routes.append({pathPrefix, std::move(handler)});
}

int FakeHttpServer::routeFor(const QString &path) const
{
    int best = -1;
    for (int i = 0; i < m_routes.size(); ++i) {
        const QString &prefix = m_routes.at(i).first;
        if (path.startsWith(prefix) && (best < 0 || prefix.size() > m_routes.at(best).first.size()))
            best = i;
    }
    return best;
}

int FakeHttpServer::requestCount(const QString &pathPrefix) const
{
    int n = 0;
    for (const auto &e : m_log)
        if (e.second.path.startsWith(pathPrefix))
            ++n;
    return n;
}

int FakeHttpServer::peakConcurrency(const QString &pathPrefix) const
{
    return pathPrefix.isEmpty() ? m_peak : m_routePeak.value(pathPrefix);
}

QList<FakeRequest> FakeHttpServer::requests(const QString &pathPrefix) const
{
    QList<FakeRequest> out;
    for (const auto &e : m_log)
        if (e.second.path.startsWith(pathPrefix))
            out << e.second;
    return out;
}

void FakeHttpServer::resetStats()
{
    m_log.clear();
    m_peak = m_inFlight;
    m_routePeak = m_routeInFlight;
}

void FakeHttpServer::onNewConnection()
{
    while (QTcpSocket *socket = m_server->nextPendingConnection()) {
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onReadyRead(socket); });
        connect(socket, &QTcpSocket::disconnected, this, [this, socket] {
            m_buffers.remove(socket);
            socket->deleteLater();
        });
    }
}

void FakeHttpServer::onReadyRead(QTcpSocket *socket)
{
    QByteArray &buf = m_buffers[socket];
    buf += socket->readAll();
    for (;;) {
        const qsizetype headerEnd = buf.indexOf("\r\n\r\n");
        if (headerEnd < 0)
            return;
        const QList<QByteArray> lines = buf.left(headerEnd).split('\n');
        const QList<QByteArray> requestLine = lines.value(0).trimmed().split(' ');
        FakeRequest req;
        req.method = requestLine.value(0);
        const QUrl target(QString::fromUtf8(requestLine.value(1)));
        req.path = target.path();
        req.query = QUrlQuery(target);
        qint64 contentLength = 0;
        for (int i = 1; i < lines.size(); ++i) {
            const QByteArray line = lines.at(i).trimmed();
            const qsizetype colon = line.indexOf(':');
            if (colon <= 0)
                continue;
            const QByteArray name = line.left(colon).trimmed().toLower();
            const QByteArray value = line.mid(colon + 1).trimmed();
            req.headers.insert(name, value);
            if (name == "content-length")
                contentLength = value.toLongLong();
        }
        if (buf.size() < headerEnd + 4 + contentLength)
            return;
        req.body = buf.mid(headerEnd + 4, contentLength);
        buf.remove(0, headerEnd + 4 + contentLength);
        req.receivedAtMs = m_clock.elapsed();
        dispatch(socket, std::move(req));
    }
}

void FakeHttpServer::dispatch(QTcpSocket *socket, FakeRequest request)
{
    const int routeIndex = routeFor(request.path);
    const QString route = routeIndex >= 0 ? m_routes.at(routeIndex).first : QStringLiteral("<unrouted>");
    m_log.append({route, request});
    m_inFlight += 1;
    m_peak = std::max(m_peak, m_inFlight);
    const int routeLoad = ++m_routeInFlight[route];
    m_routePeak[route] = std::max(m_routePeak.value(route), routeLoad);
    Q_EMIT requestReceived(request);

    FakeResponse response = routeIndex >= 0
        ? m_routes.at(routeIndex).second(request)
        : FakeResponse::json(R"({"error":"not found"})", 404);
    const bool hold = response.action == FakeResponse::Action::Hold;
    if (hold)
        response.action = FakeResponse::Action::Respond;

    QPointer<QTcpSocket> guard(socket);
    auto finish = [this, route] {
        m_inFlight -= 1;
        m_routeInFlight[route] -= 1;
    };
    auto send = [this, guard, response, finish] {
        if (!guard) {
            finish();
            return;
        }
        switch (response.action) {
        case FakeResponse::Action::Hang: {
            // Counted as in flight until the client gives up.
            connect(guard, &QTcpSocket::disconnected, this, finish);
            return;
        }
        case FakeResponse::Action::Reset:
            guard->abort();
            finish();
            return;
        case FakeResponse::Action::Respond:
        case FakeResponse::Action::Oversize:
        case FakeResponse::Action::Truncate:
        case FakeResponse::Action::Hold:
            break;
        }
        const bool oversize = response.action == FakeResponse::Action::Oversize;
        const qint64 length = oversize ? response.oversizeBytes : response.body.size();
        QByteArray head = "HTTP/1.1 " + QByteArray::number(response.status) + " Fake\r\n";
        bool hasType = false;
        for (const auto &h : response.headers) {
            head += h.first + ": " + h.second + "\r\n";
            hasType = hasType || h.first.toLower() == "content-type";
        }
        if (!hasType)
            head += "Content-Type: application/octet-stream\r\n";
        head += "Content-Length: " + QByteArray::number(length) + "\r\n\r\n";
        guard->write(head);
        if (response.action == FakeResponse::Action::Truncate) {
            guard->write(response.body.left(response.body.size() / 2));
            guard->disconnectFromHost(); // after the pending bytes are written
            finish();
            return;
        }
        if (!oversize) {
            guard->write(response.body);
            finish();
            return;
        }
        // The body first (a page's real head), then filler as the client reads, until it hangs
        // up or everything is sent.
        guard->write(response.body);
        auto remaining = std::make_shared<qint64>(std::max<qint64>(0, length - response.body.size()));
        auto pump = [guard, remaining] {
            if (!guard)
                return;
            static const QByteArray chunk(64 * 1024, 'x');
            while (*remaining > 0 && guard->bytesToWrite() < 256 * 1024) {
                const qint64 n = std::min<qint64>(*remaining, chunk.size());
                guard->write(chunk.constData(), n);
                *remaining -= n;
            }
        };
        connect(guard, &QTcpSocket::bytesWritten, guard, pump);
        connect(guard, &QTcpSocket::disconnected, this, finish);
        pump();
    };
    auto answer = [this, send, delayMs = response.delayMs] {
        if (delayMs > 0)
            QTimer::singleShot(delayMs, this, send);
        else
            send();
    };
    if (hold)
        m_held.append(answer);
    else
        answer();
}

void FakeHttpServer::releaseHeld()
{
    const auto held = std::exchange(m_held, {});
    for (const auto &answer : held)
        answer();
}

} // namespace gtm::test
