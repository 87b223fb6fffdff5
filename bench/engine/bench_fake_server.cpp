// gtm-bench-fake [--port N] [--latency MS] [--results N]
// Answers POST /search (Tavily), GET /v2/everything (NewsAPI) and GET /api/v1/search (HN
// Algolia) in the shapes of docs/api-notes, each result on the company's own domain so that
// the sources keep it. Prints "PORT <n>" on stdout once listening; on SIGTERM or stdin EOF it
// prints request counts and peak concurrency per route on stderr and exits.
#include "FakeHttpServer.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSocketNotifier>
#include <csignal>
#include <cstdio>
#include <unistd.h>

using namespace gtm::test;

namespace {

int g_signalPipe[2];

void onSignal(int)
{
    const char c = 1;
    [[maybe_unused]] auto n = ::write(g_signalPipe[1], &c, 1);
}

QString domainIn(const QString &query)
{
    static const QRegularExpression re(
        QStringLiteral("\\b([a-z0-9-]+(?:\\.[a-z0-9-]+)*\\.[a-z]{2,})\\b"));
    const auto m = re.match(query.toLower());
    return m.hasMatch() ? m.captured(1) : QStringLiteral("example.com");
}

struct Item
{
    QString url;
    QString title;
    QString text;
};

QList<Item> itemsFor(const QString &query, int n)
{
    const QString domain = domainIn(query);
    const QString slug = QString::number(qHash(query), 16);
    QList<Item> out;
    for (int i = 0; i < n; ++i)
        out << Item { QStringLiteral("https://%1/posts/%2-%3").arg(domain, slug).arg(i),
            QStringLiteral("%1: %2 (part %3)").arg(domain, query).arg(i + 1),
            QStringLiteral("%1 uses machine learning and TensorFlow for fraud detection; %2 #%3.")
                .arg(domain, query)
                .arg(i + 1) };
    return out;
}

QByteArray compact(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addOptions({ { QStringLiteral("port"), QStringLiteral("Port (0: any)."),
                            QStringLiteral("N"), QStringLiteral("0") },
        { QStringLiteral("latency"), QStringLiteral("Answer delay in ms."), QStringLiteral("MS"),
            QStringLiteral("0") },
        { QStringLiteral("results"), QStringLiteral("Results per answer."), QStringLiteral("N"),
            QStringLiteral("2") } });
    parser.process(app);
    const int latency = parser.value(QStringLiteral("latency")).toInt();
    const int results = parser.value(QStringLiteral("results")).toInt();

    FakeHttpServer server;
    server.route(QStringLiteral("/search"), [=](const FakeRequest &r) {
        const QString query = QJsonDocument::fromJson(r.body).object().value(u"query").toString();
        QJsonArray list;
        for (const Item &i : itemsFor(query, results))
            list.append(QJsonObject { { QStringLiteral("title"), i.title },
                { QStringLiteral("url"), i.url }, { QStringLiteral("content"), i.text },
                { QStringLiteral("score"), 0.8 } });
        return FakeResponse::json(
            compact({ { QStringLiteral("query"), query },
                { QStringLiteral("answer"), QJsonValue::Null },
                { QStringLiteral("images"), QJsonArray {} }, { QStringLiteral("results"), list },
                { QStringLiteral("response_time"), latency / 1000.0 } }))
            .withDelay(latency);
    });
    server.route(QStringLiteral("/v2/everything"), [=](const FakeRequest &r) {
        const QString query = r.query.queryItemValue(QStringLiteral("q"), QUrl::FullyDecoded);
        QJsonArray articles;
        for (const Item &i : itemsFor(query, results))
            articles.append(
                QJsonObject { { QStringLiteral("source"),
                                  QJsonObject { { QStringLiteral("id"), QJsonValue::Null },
                                      { QStringLiteral("name"), QStringLiteral("Bench News") } } },
                    { QStringLiteral("author"), QStringLiteral("Bench") },
                    { QStringLiteral("title"), i.title }, { QStringLiteral("description"), i.text },
                    { QStringLiteral("url"), i.url },
                    { QStringLiteral("urlToImage"), QJsonValue::Null },
                    { QStringLiteral("publishedAt"), QStringLiteral("2026-01-15T10:00:00Z") },
                    { QStringLiteral("content"), i.text } });
        return FakeResponse::json(compact({ { QStringLiteral("status"), QStringLiteral("ok") },
                                      { QStringLiteral("totalResults"), int(articles.size()) },
                                      { QStringLiteral("articles"), articles } }))
            .withDelay(latency);
    });
    server.route(QStringLiteral("/api/v1/search"), [=](const FakeRequest &r) {
        const QString query = r.query.queryItemValue(QStringLiteral("query"), QUrl::FullyDecoded);
        QJsonArray hits;
        int n = 0;
        for (const Item &i : itemsFor(query, results))
            hits.append(QJsonObject { { QStringLiteral("objectID"), QString::number(qHash(i.url)) },
                { QStringLiteral("title"), i.title }, { QStringLiteral("url"), i.url },
                { QStringLiteral("author"), QStringLiteral("bench") },
                { QStringLiteral("points"), 10 + n++ }, { QStringLiteral("num_comments"), 3 },
                { QStringLiteral("created_at"), QStringLiteral("2026-01-15T10:00:00.000Z") },
                { QStringLiteral("created_at_i"), 1768471200 } });
        return FakeResponse::json(
            compact(
                { { QStringLiteral("hits"), hits }, { QStringLiteral("nbHits"), int(hits.size()) },
                    { QStringLiteral("page"), 0 }, { QStringLiteral("nbPages"), 1 },
                    { QStringLiteral("hitsPerPage"), int(hits.size()) } }))
            .withDelay(latency);
    });
    if (!server.listen(quint16(parser.value(QStringLiteral("port")).toUInt()))) {
        std::fprintf(stderr, "cannot listen\n");
        return 1;
    }

    auto report = [&server] {
        for (const char *route : { "/search", "/v2/everything", "/api/v1/search" })
            std::fprintf(stderr, "%s: %d requests, peak %d in flight\n", route,
                server.requestCount(QString::fromLatin1(route)),
                server.peakConcurrency(QString::fromLatin1(route)));
        std::fprintf(stderr, "all: peak %d in flight\n", server.peakConcurrency());
        QCoreApplication::quit();
    };
    if (::pipe(g_signalPipe) == 0) {
        std::signal(SIGTERM, onSignal);
        std::signal(SIGINT, onSignal);
        auto *notifier = new QSocketNotifier(g_signalPipe[0], QSocketNotifier::Read, &app);
        QObject::connect(notifier, &QSocketNotifier::activated, &app, report);
    }
    std::printf("PORT %d\n", int(server.port()));
    std::fflush(stdout);
    return app.exec();
}
