#include "FakeHttpServer.h"
#include "SourceTestSupport.h"
#include "model/Channel.h"
#include "net/HttpClient.h"
#include "sources/NewsApiSource.h"

using namespace gtm;
using namespace gtm::test;
using namespace Qt::StringLiterals;

class TestNewsApi : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void request_hasQuotedCompanyLanguageSortAndKeyHeader();
    void pageSize_followsDepth_data();
    void pageSize_followsDepth();
    void query_isFullyPercentEncoded();
    void query_isCappedAt500OnAWordBoundary();
    void query_cutNeverLeavesAnOpenQuoteOrOperator();
    void results_skipRemovedAndForeignArticles();
    void errors_becomeReadableReasons_data();
    void errors_becomeReadableReasons();
    void noKey_isSkippedWithoutRequest();
    void rateLimited_stopsAfterOneRequestAndSaysTheWindow();
    void rateLimited_withRetryAfter_saysWhenTheQuotaResets();
    void articleWithoutDescriptionOrContent_hasNoBareOutletSnippet();

private:
    void serveArticles();
    SourceSettings settings(const QString &key = u"news-test-key"_s) const;
    std::unique_ptr<FakeHttpServer> m_server;
    std::unique_ptr<HttpClient> m_http;
};

SourceSettings TestNewsApi::settings(const QString &key) const
{
    SourceSettings s;
    if (!key.isEmpty())
        s.apiKeys.insert(u"newsapi"_s, key);
    s.baseUrls.insert(u"newsapi"_s, m_server->baseUrl());
    return s;
}

void TestNewsApi::init()
{
    m_server = std::make_unique<FakeHttpServer>();
    QVERIFY(m_server->listen());
    m_http = std::make_unique<HttpClient>();
}

void TestNewsApi::serveArticles()
{
    m_server->route(u"/v2/everything"_s, [](const FakeRequest &) {
        return FakeResponse::json(fixture(u"newsapi_everything.json"_s));
    });
}

void TestNewsApi::request_hasQuotedCompanyLanguageSortAndKeyHeader()
{
    serveArticles();
    NewsApiSource source(m_http.get(), settings());
    QCOMPARE(source.channel(), channel::NewsSearch);
    QCOMPARE(source.name(), u"NewsAPI"_s);
    QVERIFY(source.requiresKey() && source.hasKey());
    run(source, context(u"stripe.com"_s, channel::NewsSearch, u"fraud detection OR risk"_s));
    const auto seen = m_server->requests(u"/v2/everything"_s);
    QCOMPARE(seen.size(), 1);
    const FakeRequest &r = seen.first();
    QCOMPARE(r.method, QByteArray("GET"));
    QCOMPARE(r.query.queryItemValue(u"q"_s, QUrl::FullyDecoded),
        u"\"Stripe\" AND (fraud detection OR risk)"_s);
    QCOMPARE(r.query.queryItemValue(u"language"_s), u"en"_s);
    QCOMPARE(r.query.queryItemValue(u"sortBy"_s), u"relevancy"_s);
    QCOMPARE(r.headers.value("x-api-key"), QByteArray("news-test-key"));
    QVERIFY(!r.query.hasQueryItem(u"apiKey"_s)); // never in the URL, where logs keep it
}

void TestNewsApi::pageSize_followsDepth_data()
{
    QTest::addColumn<Depth>("depth");
    QTest::addColumn<QString>("pageSize");
    QTest::newRow("quick") << Depth::Quick << u"2"_s;
    QTest::newRow("standard") << Depth::Standard << u"3"_s;
    QTest::newRow("comprehensive") << Depth::Comprehensive << u"5"_s;
}

void TestNewsApi::pageSize_followsDepth()
{
    QFETCH(Depth, depth);
    QFETCH(QString, pageSize);
    serveArticles();
    NewsApiSource source(m_http.get(), settings());
    run(source, context(u"stripe.com"_s, channel::NewsSearch, u"fraud"_s, depth));
    const auto seen = m_server->requests(u"/v2/everything"_s);
    QCOMPARE(seen.size(), 1);
    QCOMPARE(seen.first().query.queryItemValue(u"pageSize"_s), pageSize);
}

void TestNewsApi::query_isFullyPercentEncoded()
{
    serveArticles();
    NewsApiSource source(m_http.get(), settings());
    const QString query = u"C++ & \"fraud detection\" risk=high #ml 100%"_s;
    run(source, context(u"stripe.com"_s, channel::NewsSearch, query));
    const auto seen = m_server->requests(u"/v2/everything"_s);
    QCOMPARE(seen.size(), 1);
    const QUrlQuery &q = seen.first().query;
    QCOMPARE(q.queryItemValue(u"q"_s, QUrl::FullyDecoded), u"\"Stripe\" AND ("_s + query + u')');
    // On the wire: '+' must not read as a space, '&' and '=' must not split parameters.
    const QString raw = q.query(QUrl::FullyEncoded);
    QVERIFY2(raw.contains(u"C%2B%2B"_s), qPrintable(raw));
    QVERIFY2(raw.contains(u"%26"_s) && raw.contains(u"%3D"_s) && raw.contains(u"%22"_s),
        qPrintable(raw));
    QVERIFY2(!raw.contains(u' ') && !raw.contains(u'+'), qPrintable(raw));
    QCOMPARE(q.queryItemValue(u"language"_s), u"en"_s); // nothing leaked out of q
}

void TestNewsApi::query_isCappedAt500OnAWordBoundary()
{
    QStringList words;
    for (int i = 0; i < 120; ++i)
        words << u"term%1"_s.arg(i);
    const QString query = words.join(u' ');
    const QString q = NewsApiSource::buildQuery(u"Stripe"_s, query);
    QVERIFY2(q.size() <= 500, qPrintable(QString::number(q.size())));
    QVERIFY(q.size() > 480); // cut, not emptied
    QVERIFY(q.startsWith(u"\"Stripe\" AND (term0 term1 "_s));
    QVERIFY(q.endsWith(u')'));
    const QStringList kept = q.mid(14, q.size() - 15).split(u' ');
    for (int i = 0; i < kept.size(); ++i)
        QCOMPARE(kept.at(i), words.at(i)); // whole words, in order: nothing cut in half

    // What reaches the server is the same capped text.
    serveArticles();
    NewsApiSource source(m_http.get(), settings());
    run(source, context(u"stripe.com"_s, channel::NewsSearch, query));
    const auto seen = m_server->requests(u"/v2/everything"_s);
    QCOMPARE(seen.size(), 1);
    QCOMPARE(seen.first().query.queryItemValue(u"q"_s, QUrl::FullyDecoded), q);
}

void TestNewsApi::query_cutNeverLeavesAnOpenQuoteOrOperator()
{
    const QString filler
        = QString(470, u'x').replace(QRegularExpression(u"x{10}"_s), u"abcdefghi "_s);
    const QString q1
        = NewsApiSource::buildQuery(u"Stripe"_s, filler + u"\"machine learning fraud models\""_s);
    QVERIFY(q1.size() <= 500);
    QCOMPARE(q1.count(u'"') % 2, 0);
    QVERIFY(!q1.contains(u"machine"_s));
    const QString q2
        = NewsApiSource::buildQuery(u"Stripe"_s, filler + u"fraud AND somethingverylong"_s);
    QVERIFY(q2.size() <= 500);
    QVERIFY2(!q2.endsWith(u"AND)"_s), qPrintable(q2));
    QVERIFY(q2.endsWith(u"fraud)"_s));
}

void TestNewsApi::results_skipRemovedAndForeignArticles()
{
    serveArticles();
    NewsApiSource source(m_http.get(), settings());
    const SourceOutcome out
        = run(source, context(u"stripe.com"_s, channel::NewsSearch, u"fraud"_s));
    QCOMPARE(out.status, SourceOutcome::Status::Ok);
    // "[Removed]" is a deleted article; Finextra's names Adyen and Checkout.com, not Stripe.
    QCOMPARE(
        titles(out.evidence), QStringList { u"Stripe expands AI fraud tools to more merchants"_s });
    const Evidence &e = out.evidence.first();
    QCOMPARE(e.url, u"https://techcrunch.com/2024/05/14/stripe-radar-ai/"_s);
    QCOMPARE(e.snippet,
        u"TechCrunch: Stripe said on Tuesday that Radar\u2019s new models cut fraud by 20%."_s);
    QCOMPARE(e.publishedAt, QDateTime(QDate(2024, 5, 14), QTime(15, 4, 5), Qt::UTC));
    QCOMPARE(e.sourceName, u"NewsAPI"_s);
    QCOMPARE(e.channel, channel::NewsSearch);
}

void TestNewsApi::errors_becomeReadableReasons_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("reason");
    QTest::addColumn<bool>("stop");
    QTest::newRow("apiKeyInvalid")
        << 401 << u"apiKeyInvalid"_s << u"NewsAPI rejected the API key"_s << true;
    QTest::newRow("apiKeyDisabled")
        << 401 << u"apiKeyDisabled"_s << u"NewsAPI has disabled the API key"_s << true;
    QTest::newRow("apiKeyMissing")
        << 401 << u"apiKeyMissing"_s << u"NewsAPI received no API key"_s << true;
    // The two quota answers keep the server's words: they say when the quota comes back.
    QTest::newRow("apiKeyExhausted")
        << 429 << u"apiKeyExhausted"_s
        << u"NewsAPI request limit reached for this key: the server said so"_s << true;
    QTest::newRow("rateLimited") << 429 << u"rateLimited"_s
                                 << u"NewsAPI rate limit reached: the server said so"_s << true;
    QTest::newRow("parameterInvalid")
        << 400 << u"parameterInvalid"_s << u"NewsAPI rejected the query: the server said so"_s
        << false;
    QTest::newRow("parametersMissing")
        << 400 << u"parametersMissing"_s
        << u"NewsAPI says the request is missing parameters: the server said so"_s << false;
    QTest::newRow("sourcesTooMany")
        << 400 << u"sourcesTooMany"_s
        << u"NewsAPI: too many sources requested: the server said so"_s << false;
    QTest::newRow("sourceDoesNotExist")
        << 400 << u"sourceDoesNotExist"_s
        << u"NewsAPI: a requested news source does not exist: the server said so"_s << false;
    QTest::newRow("unexpectedError")
        << 500 << u"unexpectedError"_s << u"NewsAPI server error: the server said so"_s << false;
    QTest::newRow("error in a 200")
        << 200 << u"somethingNew"_s << u"NewsAPI error somethingNew: the server said so"_s << false;
}

void TestNewsApi::errors_becomeReadableReasons()
{
    QFETCH(int, status);
    QFETCH(QString, code);
    QFETCH(QString, reason);
    QFETCH(bool, stop);
    const QByteArray body = R"({"status":"error","code":")" + code.toUtf8()
        + R"(","message":"the   server said so"})";
    m_server->route(
        u"/v2/everything"_s, [=](const FakeRequest &) { return FakeResponse::json(body, status); });
    retryWithoutPause(*m_http, u"newsapi"_s);
    NewsApiSource source(m_http.get(), settings());
    const SourceOutcome out
        = run(source, context(u"stripe.com"_s, channel::NewsSearch, u"fraud"_s));
    QCOMPARE(out.status, SourceOutcome::Status::Failed);
    QCOMPARE(out.reason, reason);
    QCOMPARE(out.stopSource, stop);
    QVERIFY(out.requests >= 1);
}

void TestNewsApi::noKey_isSkippedWithoutRequest()
{
    NewsApiSource source(m_http.get(), settings(QString()));
    QVERIFY(!source.hasKey());
    const SourceOutcome out
        = run(source, context(u"stripe.com"_s, channel::NewsSearch, u"fraud"_s));
    QCOMPARE(out.status, SourceOutcome::Status::Skipped);
    QCOMPARE(m_server->requestCount(), 0);
}

// The developer plan's answer once its window is used up (newsapi.org/docs/errors: "429 - Too
// Many Requests. You made too many requests within a window of time and have been rate
// limited. Back off for a while."; the message is the one the service sends).
const QByteArray kRateLimited
    = R"({"status":"error","code":"rateLimited","message":"You have made too many requests recently. Developer accounts are limited to 100 requests over a 24 hour period (50 requests available every 12 hours). Please upgrade to a paid plan if you need more requests."})";

void TestNewsApi::rateLimited_stopsAfterOneRequestAndSaysTheWindow()
{
    m_server->route(u"/v2/everything"_s,
        [](const FakeRequest &) { return FakeResponse::json(kRateLimited, 429); });
    NewsApiSource source(m_http.get(), settings());
    const SourceOutcome out
        = run(source, context(u"stripe.com"_s, channel::NewsSearch, u"fraud"_s));
    // Retrying would spend more of the 24-hour window; the pipeline stops the source instead.
    QCOMPARE(m_server->requestCount(u"/v2/everything"_s), 1);
    QCOMPARE(out.requests, 1);
    QCOMPARE(out.status, SourceOutcome::Status::Failed);
    QVERIFY(out.stopSource);
    QVERIFY2(out.reason.startsWith(u"NewsAPI rate limit reached: "_s), qPrintable(out.reason));
    QVERIFY2(out.reason.contains(u"100 requests over a 24 hour period"_s), qPrintable(out.reason));
}

void TestNewsApi::rateLimited_withRetryAfter_saysWhenTheQuotaResets()
{
    m_server->route(u"/v2/everything"_s, [](const FakeRequest &) {
        return FakeResponse::json(kRateLimited, 429).withHeader("Retry-After", "7200");
    });
    NewsApiSource source(m_http.get(), settings());
    const SourceOutcome out
        = run(source, context(u"stripe.com"_s, channel::NewsSearch, u"fraud"_s));
    QCOMPARE(m_server->requestCount(u"/v2/everything"_s), 1);
    QVERIFY(out.stopSource);
    QVERIFY2(out.reason.endsWith(u"(quota resets in about 2 h)"_s), qPrintable(out.reason));
}

void TestNewsApi::articleWithoutDescriptionOrContent_hasNoBareOutletSnippet()
{
    // Aggregated items come with description and content null (the documented article shape
    // allows both).
    m_server->route(u"/v2/everything"_s, [](const FakeRequest &) {
        return FakeResponse::json(
            R"({"status":"ok","totalResults":1,"articles":[{"source":{"id":"google-news","name":"Google News"},"author":null,"title":"Stripe widens Radar fraud tools - Reuters","description":null,"url":"https://news.google.com/articles/CBMiabc","urlToImage":null,"publishedAt":"2024-05-15T08:00:00Z","content":null}]})");
    });
    NewsApiSource source(m_http.get(), settings());
    const SourceOutcome out
        = run(source, context(u"stripe.com"_s, channel::NewsSearch, u"fraud"_s));
    QCOMPARE(out.evidence.size(), 1);
    QCOMPARE(out.evidence.first().title, u"Stripe widens Radar fraud tools - Reuters"_s);
    QCOMPARE(out.evidence.first().snippet, QString());
}

QTEST_GUILESS_MAIN(TestNewsApi)
#include "tst_newsapi.moc"
