// gtm-bench-fake [--port N] [--latency MS] [--results N]
// Answers POST /search (Tavily), GET /v2/everything (NewsAPI) and GET /api/v1/search (HN
// Algolia) in the shapes of docs/api-notes, each result on the company's own domain so that
// the sources keep it, and the three job boards: company benchNNNNN has its board on
// Greenhouse, Lever or Ashby by NNNNN mod 3, and the other two answer 404. Prints "PORT <n>"
// on stdout once listening; on SIGTERM or stdin EOF it prints request counts and peak
// concurrency per route on stderr and exits.
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
    if (m.hasMatch())
        return m.captured(1);
    // A query by company name ("Bench00042" machine learning): its .com, as the bench names them.
    static const QRegularExpression word(QStringLiteral("[a-z0-9]+"));
    const auto w = word.match(query.toLower());
    return w.hasMatch() ? w.captured(0) + QStringLiteral(".com") : QStringLiteral("example.com");
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

enum class Board { Greenhouse, Lever, Ashby };

// Whether company benchNNNNN's board is on this service.
bool hasBoard(const QString &slug, Board board)
{
    static const QRegularExpression number(QStringLiteral("(\\d+)$"));
    const auto m = number.match(slug);
    return m.hasMatch() && m.captured(1).toLongLong() % 3 == int(board);
}

struct Opening
{
    QString title;
    QString department;
    QString text;
};

QList<Opening> openings(const QString &slug)
{
    return {
        { QStringLiteral("Machine Learning Engineer, Fraud Detection"), QStringLiteral("Risk"),
            QStringLiteral("%1 builds machine learning models with TensorFlow that detect fraud "
                           "in payments in real time.")
                .arg(slug) },
        { QStringLiteral("Data Scientist, AI Platform"), QStringLiteral("Data"),
            QStringLiteral("Own the AI platform's data science: experiments, features and "
                           "model monitoring at %1.")
                .arg(slug) },
        { QStringLiteral("Office Manager"), QStringLiteral("Operations"),
            QStringLiteral("Keep the %1 office running.").arg(slug) },
    };
}

QByteArray boardAnswer(Board board, const QString &slug)
{
    QJsonArray jobs;
    int n = 0;
    for (const Opening &o : openings(slug)) {
        const QString url = QStringLiteral("https://jobs.example/%1/%2").arg(slug).arg(++n);
        switch (board) {
        case Board::Greenhouse:
            jobs.append(QJsonObject { { QStringLiteral("id"), n },
                { QStringLiteral("title"), o.title }, { QStringLiteral("absolute_url"), url },
                { QStringLiteral("location"),
                    QJsonObject { { QStringLiteral("name"), QStringLiteral("Remote") } } },
                { QStringLiteral("departments"),
                    QJsonArray { QJsonObject { { QStringLiteral("name"), o.department } } } },
                { QStringLiteral("content"), QStringLiteral("&lt;p&gt;%1&lt;/p&gt;").arg(o.text) },
                { QStringLiteral("updated_at"), QStringLiteral("2026-01-15T10:00:00Z") } });
            break;
        case Board::Lever:
            jobs.append(QJsonObject { { QStringLiteral("text"), o.title },
                { QStringLiteral("hostedUrl"), url },
                { QStringLiteral("categories"),
                    QJsonObject { { QStringLiteral("location"), QStringLiteral("Remote") },
                        { QStringLiteral("department"), o.department } } },
                { QStringLiteral("descriptionPlain"), o.text },
                { QStringLiteral("createdAt"), 1768471200000.0 } });
            break;
        case Board::Ashby:
            jobs.append(QJsonObject { { QStringLiteral("title"), o.title },
                { QStringLiteral("jobUrl"), url },
                { QStringLiteral("location"), QStringLiteral("Remote") },
                { QStringLiteral("department"), o.department },
                { QStringLiteral("descriptionPlain"), o.text },
                { QStringLiteral("isListed"), true },
                { QStringLiteral("publishedAt"), QStringLiteral("2026-01-15T10:00:00Z") } });
            break;
        }
    }
    if (board == Board::Lever)
        return QJsonDocument(jobs).toJson(QJsonDocument::Compact);
    return compact({ { QStringLiteral("jobs"), jobs } });
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
    // The company's board, or each service's own "no such board".
    const struct
    {
        const char *route;
        Board board;
        QByteArray notFound;
    } boards[] = {
        { "/v1/boards/", Board::Greenhouse, R"({"status":404,"error":"Not Found"})" },
        { "/v0/postings/", Board::Lever, R"({"ok":false,"error":"Document not found"})" },
        { "/posting-api/job-board/", Board::Ashby,
            R"({"success":false,"errors":["Job board not found"]})" },
    };
    for (const auto &b : boards)
        server.route(QString::fromLatin1(b.route), [=](const FakeRequest &r) {
            // /v1/boards/SLUG/jobs, /v0/postings/SLUG, /posting-api/job-board/SLUG
            const QString slug = r.path.split(u'/', Qt::SkipEmptyParts).value(2);
            if (!hasBoard(slug, b.board))
                return FakeResponse::json(b.notFound, 404).withDelay(latency);
            return FakeResponse::json(boardAnswer(b.board, slug)).withDelay(latency);
        });
    if (!server.listen(quint16(parser.value(QStringLiteral("port")).toUInt()))) {
        std::fprintf(stderr, "cannot listen\n");
        return 1;
    }

    auto report = [&server] {
        for (const char *route : { "/search", "/v2/everything", "/api/v1/search", "/v1/boards/",
                 "/v0/postings/", "/posting-api/job-board/" })
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
