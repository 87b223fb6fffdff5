#include "FakeHttpServer.h"
#include "SourceTestSupport.h"
#include "model/Channel.h"
#include "net/HttpClient.h"
#include "net/ResponseStore.h"
#include "sources/TavilySource.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace gtm;
using namespace gtm::test;
using namespace Qt::StringLiterals;

class TestTavily : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void depth_mapsToSearchDepthAndResultCount_data();
    void depth_mapsToSearchDepthAndResultCount();
    void request_postsQueryWithBearerKey();
    void newsQuery_asksForTheNewsTopic();
    void publishedDate_isAskedForAndRead();
    void results_keepFieldsCleanedAndDropForeignCompanies();
    void errors_becomeReadableReasons_data();
    void errors_becomeReadableReasons();
    void noKey_isSkippedWithoutRequest();
    void longQuery_isCutTo400OnAWordBoundary();
    void cacheKey_coversQueryAndDepthButNeverTheKey();

private:
    void serveResults();
    SourceSettings settings(const QString &key = u"tvly-test-key"_s) const;
    std::unique_ptr<FakeHttpServer> m_server;
    std::unique_ptr<HttpClient> m_http;
};

SourceSettings TestTavily::settings(const QString &key) const
{
    SourceSettings s;
    if (!key.isEmpty())
        s.apiKeys.insert(u"tavily"_s, key);
    s.baseUrls.insert(u"tavily"_s, m_server->baseUrl());
    return s;
}

void TestTavily::init()
{
    m_server = std::make_unique<FakeHttpServer>();
    QVERIFY(m_server->listen());
    m_http = std::make_unique<HttpClient>();
}

void TestTavily::serveResults()
{
    m_server->route(u"/search"_s,
        [](const FakeRequest &) { return FakeResponse::json(fixture(u"tavily_search.json"_s)); });
}

void TestTavily::depth_mapsToSearchDepthAndResultCount_data()
{
    QTest::addColumn<Depth>("depth");
    QTest::addColumn<QString>("searchDepth");
    QTest::addColumn<int>("maxResults");
    QTest::newRow("quick") << Depth::Quick << u"basic"_s << 2;
    // Advanced costs 2 credits a search, basic 1: only a comprehensive run pays for it.
    QTest::newRow("standard") << Depth::Standard << u"basic"_s << 3;
    QTest::newRow("comprehensive") << Depth::Comprehensive << u"advanced"_s << 5;
}

void TestTavily::depth_mapsToSearchDepthAndResultCount()
{
    QFETCH(Depth, depth);
    serveResults();
    QFETCH(QString, searchDepth);
    QFETCH(int, maxResults);
    TavilySource source(m_http.get(), settings());
    run(source,
        context(u"stripe.com"_s, channel::GoogleSearch, u"stripe fraud detection"_s, depth));
    const auto seen = m_server->requests(u"/search"_s);
    QCOMPARE(seen.size(), 1);
    const QJsonObject body = QJsonDocument::fromJson(seen.first().body).object();
    QCOMPARE(body.value(u"search_depth"_s).toString(), searchDepth);
    QCOMPARE(body.value(u"max_results"_s).toInt(), maxResults);
}

void TestTavily::request_postsQueryWithBearerKey()
{
    serveResults();
    TavilySource source(m_http.get(), settings());
    QCOMPARE(source.channel(), channel::GoogleSearch);
    QCOMPARE(source.name(), u"Tavily"_s);
    QVERIFY(source.requiresKey());
    QVERIFY(source.hasKey());
    const SourceOutcome out = run(source,
        context(u"stripe.com"_s, channel::GoogleSearch, u"site:stripe.com \"fraud\" & AI"_s));
    QCOMPARE(out.requests, 1);
    const auto seen = m_server->requests(u"/search"_s);
    QCOMPARE(seen.size(), 1);
    QCOMPARE(seen.first().method, QByteArray("POST"));
    QCOMPARE(seen.first().headers.value("authorization"), QByteArray("Bearer tvly-test-key"));
    QVERIFY(seen.first().headers.value("content-type").startsWith("application/json"));
    const QJsonObject body = QJsonDocument::fromJson(seen.first().body).object();
    QCOMPARE(body.value(u"query"_s).toString(), u"site:stripe.com \"fraud\" & AI"_s);
    // What the documented /search body holds (docs.tavily.com/documentation/api-reference/
    // endpoint/search): a refactor must not change it silently.
    QCOMPARE(body.value(u"search_depth"_s).toString(), u"basic"_s);
    QCOMPARE(body.value(u"topic"_s).toString(), u"general"_s);
    QCOMPARE(body.value(u"max_results"_s).toInt(), 3);
    QCOMPARE(body.value(u"include_published_date"_s), QJsonValue(true));
    QCOMPARE(body.value(u"include_answer"_s), QJsonValue(false));
    QCOMPARE(body.value(u"include_raw_content"_s), QJsonValue(false));
    QCOMPARE(body.keys().size(), 7);
    // The key travels in the header only.
    QVERIFY(!seen.first().body.contains("tvly-test-key"));
}

void TestTavily::newsQuery_asksForTheNewsTopic()
{
    serveResults();
    TavilySource source(m_http.get(), settings());
    run(source,
        context(u"stripe.com"_s, channel::GoogleSearch, u"Stripe announces fraud partnership"_s));
    run(source, context(u"stripe.com"_s, channel::GoogleSearch, u"stripe news AI"_s));
    run(source, context(u"stripe.com"_s, channel::GoogleSearch, u"stripe renewable energy"_s));
    const auto seen = m_server->requests(u"/search"_s);
    QCOMPARE(seen.size(), 3);
    QStringList topics;
    QStringList ranges;
    for (const FakeRequest &r : seen) {
        const QJsonObject body = QJsonDocument::fromJson(r.body).object();
        topics << body.value(u"topic"_s).toString();
        ranges << body.value(u"time_range"_s).toString();
    }
    // "renewable" holds "news" but is not the word.
    QCOMPARE(topics, (QStringList { u"news"_s, u"news"_s, u"general"_s }));
    // News looks back a year, not the news topic's few days; general search is not limited.
    QCOMPARE(ranges, (QStringList { u"year"_s, u"year"_s, QString() }));
}

// The documented behaviour: results carry published_date only when include_published_date is
// true or the topic is news (docs.tavily.com/documentation/api-reference/endpoint/search,
// "include_published_date"). The fake answers like that, so an app that does not ask gets
// undated evidence, as it did live.
void TestTavily::publishedDate_isAskedForAndRead()
{
    m_server->route(u"/search"_s, [](const FakeRequest &r) {
        const QJsonObject body = QJsonDocument::fromJson(r.body).object();
        const bool dated = body.value(u"include_published_date"_s).toBool()
            || body.value(u"topic"_s).toString() == u"news"_s;
        QJsonObject result { { u"title"_s, u"Stripe Radar adds new fraud signals"_s },
            { u"url"_s, u"https://stripe.com/blog/radar-signals"_s },
            { u"content"_s, u"Stripe Radar now scores payments with more signals."_s },
            { u"score"_s, 0.8 }, { u"raw_content"_s, QJsonValue::Null } };
        if (dated)
            result.insert(u"published_date"_s, u"Wed, 02 Oct 2024 16:00:00 GMT"_s);
        return FakeResponse::json(QJsonDocument(
            QJsonObject { { u"query"_s, body.value(u"query"_s) },
                { u"results"_s, QJsonArray { result } },
                { u"response_time"_s,
                    0.9 } }).toJson(QJsonDocument::Compact));
    });
    TavilySource source(m_http.get(), settings());
    const SourceOutcome out
        = run(source, context(u"stripe.com"_s, channel::GoogleSearch, u"stripe radar fraud"_s));
    QCOMPARE(out.evidence.size(), 1);
    QCOMPARE(
        out.evidence.first().publishedAt, QDateTime(QDate(2024, 10, 2), QTime(16, 0), Qt::UTC));
}

void TestTavily::results_keepFieldsCleanedAndDropForeignCompanies()
{
    serveResults();
    TavilySource source(m_http.get(), settings());
    const SourceOutcome out
        = run(source, context(u"stripe.com"_s, channel::GoogleSearch, u"stripe fraud detection"_s));
    QCOMPARE(out.status, SourceOutcome::Status::Ok);
    // adyen.com's page names no Stripe: another company's evidence.
    QCOMPARE(titles(out.evidence),
        QStringList({ u"Radar: fraud prevention with machine learning | Stripe"_s,
            u"How Stripe's engineers built Radar"_s }));
    const Evidence &first = out.evidence.at(0);
    QCOMPARE(first.url, u"https://stripe.com/radar"_s);
    QCOMPARE(first.snippet,
        u"Radar uses machine learning trained on data from millions of businesses & their "
        "customers to detect fraud."_s);
    QCOMPARE(first.score, 0.91);
    QCOMPARE(first.sourceName, u"Tavily"_s);
    QCOMPARE(first.channel, channel::GoogleSearch);
    QVERIFY(!first.publishedAt.isValid());
    const Evidence &second = out.evidence.at(1);
    QCOMPARE(second.snippet, u"An interview with the Radar team about model training."_s);
    QCOMPARE(second.publishedAt, QDateTime(QDate(2024, 5, 14), QTime(9, 30), Qt::UTC));
}

void TestTavily::errors_becomeReadableReasons_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("reason");
    QTest::addColumn<bool>("stop");
    QTest::newRow("401 bad key")
        << 401 << QByteArray(R"({"detail":{"error":"Unauthorized: missing or invalid API key."}})")
        << u"Tavily rejected the API key"_s << true;
    QTest::newRow("432 plan limit")
        << 432
        << QByteArray(R"({"detail":{"error":"This request exceeds your plan's set usage limit."}})")
        << u"Tavily plan limit reached"_s << true;
    QTest::newRow("433 pay-as-you-go limit")
        << 433
        << QByteArray(R"({"detail":{"error":"This request exceeds the pay-as-you-go limit."}})")
        << u"Tavily pay-as-you-go limit reached"_s << true;
    QTest::newRow("400 bad request")
        << 400
        << QByteArray(
               R"({"detail":{"error":"Query is too long. Max query length is 400 characters."}})")
        << u"Tavily rejected the request: Query is too long. Max query length is 400 characters."_s
        << false;
    // A validation error: detail is a list of {type, loc, msg} (the API reference's 422).
    QTest::newRow("422 validation list")
        << 422
        << QByteArray(
               R"({"detail":[{"type":"less_than_equal","loc":["body","max_results"],"msg":"Input should be less than or equal to 20","input":50,"ctx":{"le":20}},{"type":"missing","loc":["body","query"],"msg":"Field required","input":{}}]})")
        << u"Tavily rejected the request: max_results: Input should be less than or equal to 20; "
           "query: Field required"_s
        << false;
}

void TestTavily::errors_becomeReadableReasons()
{
    QFETCH(int, status);
    QFETCH(QByteArray, body);
    QFETCH(QString, reason);
    QFETCH(bool, stop);
    m_server->route(
        u"/search"_s, [=](const FakeRequest &) { return FakeResponse::json(body, status); });
    TavilySource source(m_http.get(), settings());
    const SourceOutcome out
        = run(source, context(u"stripe.com"_s, channel::GoogleSearch, u"stripe fraud"_s));
    QCOMPARE(out.status, SourceOutcome::Status::Failed);
    QCOMPARE(out.reason, reason);
    QCOMPARE(out.stopSource, stop);
    QVERIFY(out.evidence.isEmpty());
    QVERIFY(out.requests >= 1);
}

void TestTavily::noKey_isSkippedWithoutRequest()
{
    TavilySource source(m_http.get(), settings(QString()));
    QVERIFY(!source.hasKey());
    const SourceOutcome out
        = run(source, context(u"stripe.com"_s, channel::GoogleSearch, u"stripe fraud"_s));
    QCOMPARE(out.status, SourceOutcome::Status::Skipped);
    QCOMPARE(out.reason, u"no API key"_s);
    QCOMPARE(m_server->requestCount(), 0);
}

void TestTavily::longQuery_isCutTo400OnAWordBoundary()
{
    serveResults();
    TavilySource source(m_http.get(), settings());
    QStringList words;
    for (int i = 0; i < 100; ++i)
        words << u"word%1"_s.arg(i);
    run(source, context(u"stripe.com"_s, channel::GoogleSearch, words.join(u' ')));
    const auto seen = m_server->requests(u"/search"_s);
    QCOMPARE(seen.size(), 1);
    const QString sent
        = QJsonDocument::fromJson(seen.first().body).object().value(u"query"_s).toString();
    QVERIFY(sent.size() <= 400 && sent.size() > 380);
    QVERIFY(words.join(u' ').startsWith(sent + u' '));
}

namespace {
// Remembers the keys the client asks for; answers nothing from memory.
class RecordingStore : public ResponseStore
{
public:
    QList<QByteArray> keys;
    std::optional<HttpResponse> lookup(const QString &, const QByteArray &key) override
    {
        keys << key;
        return std::nullopt;
    }
    void store(const QString &, const QByteArray &, const HttpResponse &) override { }
};
} // namespace

void TestTavily::cacheKey_coversQueryAndDepthButNeverTheKey()
{
    serveResults();
    RecordingStore store;
    m_http->setResponseStore(&store);
    TavilySource source(m_http.get(), settings());
    run(source, context(u"stripe.com"_s, channel::GoogleSearch, u"stripe fraud"_s, Depth::Quick));
    run(source,
        context(u"stripe.com"_s, channel::GoogleSearch, u"stripe fraud"_s, Depth::Comprehensive));
    run(source, context(u"stripe.com"_s, channel::GoogleSearch, u"stripe risk"_s, Depth::Quick));
    m_http->setResponseStore(nullptr);
    QCOMPARE(store.keys.size(), 3);
    QCOMPARE(QSet<QByteArray>(store.keys.begin(), store.keys.end()).size(), 3);
    for (const QByteArray &key : std::as_const(store.keys))
        QVERIFY2(!key.contains("tvly-test-key"), key.constData());
}

QTEST_GUILESS_MAIN(TestTavily)
#include "tst_tavily.moc"
