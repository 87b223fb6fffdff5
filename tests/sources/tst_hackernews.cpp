#include "FakeHttpServer.h"
#include "SourceTestSupport.h"
#include "model/Channel.h"
#include "net/HttpClient.h"
#include "sources/HackerNewsSource.h"

using namespace gtm;
using namespace gtm::test;
using namespace Qt::StringLiterals;

class TestHackerNews : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void request_searchesStoriesForCompanyAndTerms_data();
    void request_searchesStoriesForCompanyAndTerms();
    void results_areStoriesWithPointsAndDate();
    void serverError_isAFailureWithReason();
    void timestampOutOfRange_isNoDate();

private:
    SourceSettings settings() const;
    std::unique_ptr<FakeHttpServer> m_server;
    std::unique_ptr<HttpClient> m_http;
};

SourceSettings TestHackerNews::settings() const
{
    SourceSettings s;
    s.baseUrls.insert(u"hackernews"_s, m_server->baseUrl());
    return s;
}

void TestHackerNews::init()
{
    m_server = std::make_unique<FakeHttpServer>();
    QVERIFY(m_server->listen());
    m_http = std::make_unique<HttpClient>();
}

void TestHackerNews::request_searchesStoriesForCompanyAndTerms_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<Depth>("depth");
    QTest::addColumn<QString>("expectedQuery");
    QTest::addColumn<QString>("hitsPerPage");
    QTest::newRow("plain") << u"fraud detection"_s << Depth::Quick << u"Stripe fraud detection"_s
                           << u"2"_s;
    QTest::newRow("operators and own name dropped")
        << u"site:stripe.com Stripe AND \"machine learning\" for fraud"_s << Depth::Comprehensive
        << u"Stripe machine learning"_s << u"5"_s;
    QTest::newRow("nothing but the company")
        << u"Stripe stripe.com news"_s << Depth::Standard << u"Stripe news"_s << u"3"_s;
}

void TestHackerNews::request_searchesStoriesForCompanyAndTerms()
{
    QFETCH(QString, query);
    QFETCH(Depth, depth);
    QFETCH(QString, expectedQuery);
    QFETCH(QString, hitsPerPage);
    m_server->route(u"/api/v1/search"_s,
        [](const FakeRequest &) { return FakeResponse::json(fixture(u"hn_search.json"_s)); });
    HackerNewsSource source(m_http.get(), settings());
    QVERIFY(!source.requiresKey());
    QVERIFY(source.hasKey());
    run(source, context(u"stripe.com"_s, channel::HackerNews, query, depth));
    const auto seen = m_server->requests(u"/api/v1/search"_s);
    QCOMPARE(seen.size(), 1);
    QCOMPARE(seen.first().query.queryItemValue(u"query"_s, QUrl::FullyDecoded), expectedQuery);
    QCOMPARE(seen.first().query.queryItemValue(u"tags"_s), u"story"_s);
    QCOMPARE(seen.first().query.queryItemValue(u"hitsPerPage"_s), hitsPerPage);
}

void TestHackerNews::results_areStoriesWithPointsAndDate()
{
    m_server->route(u"/api/v1/search"_s,
        [](const FakeRequest &) { return FakeResponse::json(fixture(u"hn_search.json"_s)); });
    HackerNewsSource source(m_http.get(), settings());
    const SourceOutcome out
        = run(source, context(u"stripe.com"_s, channel::HackerNews, u"fraud"_s));
    QCOMPARE(out.status, SourceOutcome::Status::Ok);
    // The Adyen story does not name Stripe and lives on adyen.com.
    QCOMPARE(titles(out.evidence),
        QStringList({ u"Stripe Radar now uses a transformer model for fraud detection"_s,
            u"Ask HN: Fraud detection with Stripe & friends?"_s }));
    const Evidence &story = out.evidence.at(0);
    QCOMPARE(story.url, u"https://stripe.com/blog/radar-transformer"_s);
    QCOMPARE(story.snippet, u"530 points, 212 comments on Hacker News, 2024-01-17"_s);
    QCOMPARE(story.publishedAt, QDateTime(QDate(2024, 1, 17), QTime(18, 22, 3), Qt::UTC));
    QCOMPARE(story.sourceName, u"Hacker News"_s);
    QCOMPARE(story.channel, channel::HackerNews);
    // A text post has no link of its own: the discussion is the evidence.
    QCOMPARE(out.evidence.at(1).url, u"https://news.ycombinator.com/item?id=38000001"_s);
}

void TestHackerNews::serverError_isAFailureWithReason()
{
    m_server->route(u"/api/v1/search"_s, [](const FakeRequest &) {
        return FakeResponse::json(R"({"message":"Internal error","status":500})", 500);
    });
    retryWithoutPause(*m_http, u"hackernews"_s);
    HackerNewsSource source(m_http.get(), settings());
    const SourceOutcome out
        = run(source, context(u"stripe.com"_s, channel::HackerNews, u"fraud"_s));
    QCOMPARE(m_server->requestCount(u"/api/v1/search"_s), 4); // a 500 may pass: tried again
    QCOMPARE(out.status, SourceOutcome::Status::Failed);
    QCOMPARE(out.reason, u"Hacker News search server error (HTTP 500)"_s);
    QVERIFY(!out.stopSource);
}

void TestHackerNews::timestampOutOfRange_isNoDate()
{
    // 1e300 seconds fits no integer: the story is kept, without a date.
    m_server->route(u"/api/v1/search"_s, [](const FakeRequest &) {
        return FakeResponse::json(R"({"hits":[
            {"objectID":"1","title":"Stripe fraud models","url":"https://stripe.com/a",
             "points":1,"num_comments":0,"created_at_i":1e300},
            {"objectID":"2","title":"Stripe fraud rules","url":"https://stripe.com/b",
             "points":1,"num_comments":0,"created_at_i":-1e300}]})");
    });
    HackerNewsSource source(m_http.get(), settings());
    const SourceOutcome out
        = run(source, context(u"stripe.com"_s, channel::HackerNews, u"fraud"_s));
    QCOMPARE(out.status, SourceOutcome::Status::Ok);
    QCOMPARE(out.evidence.size(), 2);
    for (const Evidence &e : out.evidence)
        QVERIFY(!e.publishedAt.isValid());
}

QTEST_GUILESS_MAIN(TestHackerNews)
#include "tst_hackernews.moc"
