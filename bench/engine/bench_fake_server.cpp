// gtm-bench-fake [--port N] [--latency MS] [--results N] [--faults F [--seed N] [--slow-ms MS]]
// Answers POST /search (Tavily), GET /v2/everything (NewsAPI) and GET /api/v1/search (HN
// Algolia) in the shapes of docs/api-notes, each result on the company's own domain so that
// the sources keep it, and the three job boards: company benchNNNNN has its board on
// Greenhouse, Lever or Ashby by NNNNN mod 3, and the other two answer 404. Serves every
// company's site under /site/{domain}/ (robots.txt, a home page and /careers) for
// GTM_WEBSITE_URL. Prints "PORT <n>" on stdout once listening; on SIGTERM it prints request
// counts and peak concurrency per route on stderr and exits.
//
// --faults F spoils a fraction F of all answers, the kinds drawn evenly: HTTP 500, HTTP 503,
// connection reset, a hang (no answer until the client gives up), a first byte --slow-ms late
// (3 s) and a body cut in half. Whether a request is spoiled depends only on --seed, the
// request and how often the same request was seen before (a retry draws again), so runs repeat
// whatever the order the client sends in.
#include "FakeHttpServer.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSocketNotifier>
#include <array>
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

// A company's site: robots.txt, a home page that names what it does and loads a framework,
// /careers; everything else is not there.
FakeResponse sitePage(const FakeRequest &r, int latency)
{
    const QString domain = r.path.section(u'/', 2, 2);
    const QString page = r.path.section(u'/', 3);
    FakeResponse out;
    if (page == u"robots.txt") {
        out = FakeResponse::text("User-agent: *\nDisallow: /private/\n", 200, "text/plain");
    } else if (page.isEmpty()) {
        out = FakeResponse::text(QStringLiteral(
            "<!doctype html><html><head><title>%1: payments you can trust</title>"
            "<script src=\"/_next/static/chunks/main.js\"></script></head><body>"
            "<h1>%1</h1><p>%1 uses machine learning to stop fraud before it happens, "
            "scoring every payment in real time.</p><p>Our data science team trains models on "
            "billions of transactions with TensorFlow.</p><p>Trusted by 2,000 merchants.</p>"
            "</body></html>")
                                     .arg(domain)
                                     .toUtf8());
    } else if (page == u"careers") {
        out = FakeResponse::text(QStringLiteral(
            "<html><head><title>Careers at %1</title></head><body><h2>Open roles</h2>"
            "<p>Senior Machine Learning Engineer, fraud detection: build the models that "
            "protect %1's merchants.</p><p>Data Platform Engineer: Kafka and Spark.</p>"
            "</body></html>")
                                     .arg(domain)
                                     .toUtf8());
    } else {
        out = FakeResponse::text("<h1>Not found</h1>", 404);
    }
    return out.withDelay(latency);
}

enum class Fault { Http500, Http503, Reset, Hang, SlowFirstByte, Truncated };
constexpr std::array kFaults { Fault::Http500, Fault::Http503, Fault::Reset, Fault::Hang,
    Fault::SlowFirstByte, Fault::Truncated };

const char *faultName(Fault f)
{
    switch (f) {
    case Fault::Http500:
        return "500";
    case Fault::Http503:
        return "503";
    case Fault::Reset:
        return "reset";
    case Fault::Hang:
        return "hang";
    case Fault::SlowFirstByte:
        return "slow first byte";
    case Fault::Truncated:
        return "truncated";
    }
    return "?";
}

quint64 mix(quint64 x) // splitmix64's finaliser
{
    x += 0x9E3779B97F4A7C15ULL;
    x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
    x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
    return x ^ (x >> 31);
}

class FaultInjector
{
public:
    FaultInjector(double fraction, quint64 seed, int slowMs)
        : m_fraction(fraction)
        , m_seed(seed)
        , m_slowMs(slowMs)
    {
    }

    FakeResponse apply(const FakeRequest &r, FakeResponse response)
    {
        if (m_fraction <= 0.0)
            return response;
        const QByteArray what = r.method + ' ' + r.path.toUtf8() + '?'
            + r.query.toString(QUrl::FullyEncoded).toUtf8() + '\n' + r.body;
        const quint64 key = mix(m_seed ^ qHash(what, size_t(m_seed)));
        const quint64 draw = mix(key + quint64(m_seen[key]++));
        if (double(draw >> 11) / double(1ULL << 53) >= m_fraction)
            return response;
        const Fault fault = kFaults[mix(draw) % kFaults.size()];
        m_injected[size_t(fault)] += 1;
        switch (fault) {
        case Fault::Http500:
            return FakeResponse::json(R"({"error":"internal error"})", 500)
                .withDelay(response.delayMs);
        case Fault::Http503:
            return FakeResponse::json(R"({"error":"unavailable"})", 503)
                .withDelay(response.delayMs);
        case Fault::Reset:
            response.action = FakeResponse::Action::Reset;
            return response;
        case Fault::Hang:
            response.action = FakeResponse::Action::Hang;
            return response;
        case Fault::SlowFirstByte:
            return response.withDelay(response.delayMs + m_slowMs);
        case Fault::Truncated:
            response.action = FakeResponse::Action::Truncate;
            return response;
        }
        return response;
    }

    QByteArray report() const
    {
        QByteArray out = "faults:";
        for (Fault f : kFaults)
            out += ' ' + QByteArray(faultName(f)) + ' ' + QByteArray::number(m_injected[size_t(f)])
                + ';';
        return out;
    }

private:
    double m_fraction;
    quint64 m_seed;
    int m_slowMs;
    QHash<quint64, int> m_seen;
    std::array<int, kFaults.size()> m_injected {};
};

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
            QStringLiteral("2") },
        { QStringLiteral("faults"), QStringLiteral("Fraction of answers spoiled (0..1)."),
            QStringLiteral("F"), QStringLiteral("0") },
        { QStringLiteral("seed"), QStringLiteral("Seed of the fault draw."), QStringLiteral("N"),
            QStringLiteral("1") },
        { QStringLiteral("slow-ms"), QStringLiteral("Delay of a slow first byte."),
            QStringLiteral("MS"), QStringLiteral("3000") } });
    parser.process(app);
    const int latency = parser.value(QStringLiteral("latency")).toInt();
    const int results = parser.value(QStringLiteral("results")).toInt();
    auto faults = std::make_shared<FaultInjector>(parser.value(QStringLiteral("faults")).toDouble(),
        parser.value(QStringLiteral("seed")).toULongLong(),
        parser.value(QStringLiteral("slow-ms")).toInt());

    FakeHttpServer server;
    // Every answer passes the fault injector on its way out.
    auto route = [&server, faults](const QString &path, FakeHandler handler) {
        server.route(path, [faults, handler = std::move(handler)](const FakeRequest &r) {
            return faults->apply(r, handler(r));
        });
    };
    route(QStringLiteral("/site/"), [=](const FakeRequest &r) { return sitePage(r, latency); });
    route(QStringLiteral("/search"), [=](const FakeRequest &r) {
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
    route(QStringLiteral("/v2/everything"), [=](const FakeRequest &r) {
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
    route(QStringLiteral("/api/v1/search"), [=](const FakeRequest &r) {
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
        route(QString::fromLatin1(b.route), [=](const FakeRequest &r) {
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

    auto report = [&server, faults] {
        for (const char *path : { "/search", "/v2/everything", "/api/v1/search", "/v1/boards/",
                 "/v0/postings/", "/posting-api/job-board/", "/site/" })
            std::fprintf(stderr, "%s: %d requests, peak %d in flight\n", path,
                server.requestCount(QString::fromLatin1(path)),
                server.peakConcurrency(QString::fromLatin1(path)));
        std::fprintf(stderr, "all: peak %d in flight\n", server.peakConcurrency());
        std::fprintf(stderr, "%s\n", faults->report().constData());
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
