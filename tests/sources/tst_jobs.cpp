#include "FakeHttpServer.h"
#include "SourceTestSupport.h"
#include "model/Channel.h"
#include "net/HttpClient.h"
#include "sources/JobBoards.h"
#include "sources/JobsSource.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QScopeGuard>

using namespace gtm;
using namespace gtm::test;
using namespace Qt::StringLiterals;

class TestJobs : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void discovery_triesGreenhouseThenLeverThenAshby();
    void discovery_prefersTheFirstBoardInOrder();
    void discovery_asksTheThreeBoardsAtTheSameTime();
    void discovery_triesTheLabelWithoutHyphens();
    void failingBoard_isAReasonNextToTheOthersPostings();
    void failingBoard_isLeftOutByItsBreakerWhileTheOthersAreAsked();
    void everyBoardFailing_isTheSourcesFailure();
    void override_namesTheBoardDirectly();
    void board_isFetchedOncePerCompanyAcrossStrategies();
    void noBoard_isAnAnswerNotAFailure();
    void serverError_isAFailureWithReason();
    void ranking_keepsRelevantPostingsBestFirst();
    void ranking_keepsAtMostTen();
    void ranking_ignoresCompanyNameAndJobWords();
    void leverTimestampOutOfRange_isNoDate();

private:
    QStringList paths() const;
    SourceSettings settings() const;
    void notFound(const QString &route);
    void unavailable(const QString &route, const QString &provider, int status);
    void serve(const QString &route, const QByteArray &body, int delayMs = 0);
    std::unique_ptr<FakeHttpServer> m_server;
    std::unique_ptr<HttpClient> m_http;
};

SourceSettings TestJobs::settings() const
{
    SourceSettings s;
    for (const QString &p : { u"greenhouse"_s, u"lever"_s, u"ashby"_s })
        s.baseUrls.insert(p, m_server->baseUrl());
    return s;
}

// The paths the fake saw, sorted: the boards are asked at once, so they may arrive in any
// order.
QStringList TestJobs::paths() const
{
    QStringList out;
    for (const FakeRequest &r : m_server->requests())
        out << r.path;
    out.sort();
    return out;
}

void TestJobs::notFound(const QString &route)
{
    // Each service's own answer for a board that does not exist.
    QByteArray body = R"({"status":404,"error":"Not Found"})";
    if (route.startsWith(u"/v0/"))
        body = R"({"ok":false,"error":"Document not found"})";
    else if (route.startsWith(u"/posting-api/"))
        body = R"({"success":false,"errors":["Job board not found"]})";
    m_server->route(route, [body](const FakeRequest &) { return FakeResponse::json(body, 404); });
}

// The board answers with a server error, at once: the reason is under test, not the retries.
void TestJobs::unavailable(const QString &route, const QString &provider, int status)
{
    ProviderPolicy once;
    once.maxAttempts = 1;
    m_http->setProviderPolicy(provider, once);
    m_server->route(route, [status](const FakeRequest &) {
        return FakeResponse::text("<html><body>Unavailable</body></html>", status);
    });
}

void TestJobs::serve(const QString &route, const QByteArray &body, int delayMs)
{
    m_server->route(route, [body, delayMs](const FakeRequest &) {
        return FakeResponse::json(body).withDelay(delayMs);
    });
}

void TestJobs::init()
{
    m_server = std::make_unique<FakeHttpServer>();
    QVERIFY(m_server->listen());
    m_http = std::make_unique<HttpClient>();
}

void TestJobs::discovery_triesGreenhouseThenLeverThenAshby()
{
    notFound(u"/v1/boards/"_s);
    notFound(u"/v0/postings/"_s);
    serve(u"/posting-api/job-board/"_s, fixture(u"ashby_jobboard.json"_s));
    JobsSource source(m_http.get(), settings());
    QVERIFY(!source.requiresKey() && source.hasKey());
    const SourceOutcome out
        = run(source, context(u"acme.io"_s, channel::JobsSearch, u"acme AI engineer LLM jobs"_s));
    QCOMPARE(paths(),
        QStringList({ u"/posting-api/job-board/acme"_s, u"/v0/postings/acme"_s,
            u"/v1/boards/acme/jobs"_s }));
    QCOMPARE(m_server->requests(u"/v1/"_s).value(0).query.queryItemValue(u"content"_s), u"true"_s);
    QCOMPARE(m_server->requests(u"/v0/"_s).value(0).query.queryItemValue(u"mode"_s), u"json"_s);
    QCOMPARE(out.status, SourceOutcome::Status::Ok);
    QCOMPARE(out.requests, 3);
    // The unlisted posting is not public.
    QCOMPARE(titles(out.evidence),
        QStringList { u"Job opening: Applied AI Engineer (San Francisco, Remote)"_s });
    QCOMPARE(out.evidence.first().url, u"https://jobs.ashbyhq.com/acme/1111"_s);
    QCOMPARE(out.evidence.first().sourceName, u"Ashby"_s);
    QCOMPARE(out.evidence.first().channel, channel::JobsSearch);
    QCOMPARE(out.evidence.first().publishedAt, QDateTime(QDate(2024, 3, 1), QTime(9, 0), Qt::UTC));
}

void TestJobs::discovery_prefersTheFirstBoardInOrder()
{
    notFound(u"/v1/boards/"_s);
    // Ashby has a board under the name too, and answers first: Lever still wins.
    serve(u"/posting-api/job-board/"_s, fixture(u"ashby_jobboard.json"_s));
    m_server->route(u"/v0/postings/"_s, [](const FakeRequest &) {
        return FakeResponse::json(fixture(u"lever_postings.json"_s)).withDelay(100);
    });
    JobsSource source(m_http.get(), settings());
    const SourceOutcome out = run(
        source, context(u"acme.io"_s, channel::JobsSearch, u"motion planning robots applied AI"_s));
    QCOMPARE(m_server->requestCount(u"/posting-api/"_s), 1);
    QCOMPARE(out.requests, 3);
    QCOMPARE(titles(out.evidence),
        QStringList {
            u"Job opening: Robotics Software Engineer (Motion Planning) (Boston, MA)"_s });
    const Evidence &e = out.evidence.first();
    QCOMPARE(e.sourceName, u"Lever"_s);
    QCOMPARE(e.url, u"https://jobs.lever.co/acme-robotics/5c1e-aaaa"_s);
    QCOMPARE(e.publishedAt, QDateTime(QDate(2024, 4, 1), QTime(0, 0), Qt::UTC));
    QVERIFY2(e.snippet.startsWith(u"Engineering, Autonomy: "_s), qPrintable(e.snippet));
}

void TestJobs::discovery_asksTheThreeBoardsAtTheSameTime()
{
    // Greenhouse answers only when the test lets it: Lever and Ashby are asked meanwhile.
    m_server->route(u"/v1/boards/"_s, [](const FakeRequest &) {
        return FakeResponse::json(fixture(u"greenhouse_jobs.json"_s)).heldUntilReleased();
    });
    notFound(u"/v0/postings/"_s);
    notFound(u"/posting-api/job-board/"_s);
    JobsSource source(m_http.get(), settings());
    auto search = source.search(context(u"acme.io"_s, channel::JobsSearch, u"fraud detection"_s));
    // Should a check fail, the search still ends before the source goes.
    auto drain = qScopeGuard([&] {
        m_server->releaseHeld();
        QCoro::waitFor(search);
    });
    QTRY_COMPARE(m_server->requestCount(u"/v0/postings/"_s), 1);
    QTRY_COMPARE(m_server->requestCount(u"/posting-api/"_s), 1);
    QCOMPARE(m_server->heldCount(), 1);
    QVERIFY(!search.isReady());
    drain.dismiss();
    m_server->releaseHeld();
    const SourceOutcome out = QCoro::waitFor(search);
    QCOMPARE(out.status, SourceOutcome::Status::Ok);
    QCOMPARE(out.requests, 3);
    QVERIFY(!out.evidence.isEmpty());
    QCOMPARE(out.evidence.first().sourceName, u"Greenhouse"_s);
}

void TestJobs::discovery_triesTheLabelWithoutHyphens()
{
    notFound(u"/v1/boards/"_s);
    serve(u"/v0/postings/acmerobotics"_s, fixture(u"lever_postings.json"_s));
    notFound(u"/v0/postings/acme-robotics"_s);
    notFound(u"/posting-api/job-board/"_s);
    JobsSource source(m_http.get(), settings());
    const SourceOutcome out
        = run(source, context(u"acme-robotics.co.uk"_s, channel::JobsSearch, u"motion planning"_s));
    QCOMPARE(paths(),
        QStringList(
            { u"/posting-api/job-board/acme-robotics"_s, u"/posting-api/job-board/acmerobotics"_s,
                u"/v0/postings/acme-robotics"_s, u"/v0/postings/acmerobotics"_s,
                u"/v1/boards/acme-robotics/jobs"_s, u"/v1/boards/acmerobotics/jobs"_s }));
    QCOMPARE(out.evidence.size(), 1);
    QCOMPARE(out.evidence.first().sourceName, u"Lever"_s);
}

void TestJobs::failingBoard_isAReasonNextToTheOthersPostings()
{
    unavailable(u"/v1/boards/"_s, u"greenhouse"_s, 503);
    serve(u"/v0/postings/"_s, fixture(u"lever_postings.json"_s));
    notFound(u"/posting-api/job-board/"_s);
    JobsSource source(m_http.get(), settings());
    const SourceOutcome out
        = run(source, context(u"acme.io"_s, channel::JobsSearch, u"motion planning robots"_s));
    QCOMPARE(out.status, SourceOutcome::Status::Ok);
    QCOMPARE(titles(out.evidence),
        QStringList {
            u"Job opening: Robotics Software Engineer (Motion Planning) (Boston, MA)"_s });
    QCOMPARE(out.partialFailure, u"Greenhouse job board unavailable (HTTP 503)"_s);
    // The next strategy shares the fetch: the gap is told once.
    const SourceOutcome next
        = run(source, context(u"acme.io"_s, channel::JobsSearch, u"office manager"_s));
    QCOMPARE(next.status, SourceOutcome::Status::Ok);
    QVERIFY(next.partialFailure.isEmpty());
    QCOMPARE(next.requests, 0);
}

void TestJobs::override_namesTheBoardDirectly()
{
    serve(u"/v1/boards/acme/jobs"_s, fixture(u"greenhouse_jobs.json"_s));
    SourceSettings s = settings();
    s.jobBoardOverrides.insert(u"example.com"_s, u"greenhouse:acme"_s);
    s.jobBoardOverrides.insert(u"noboard.com"_s, u"none"_s);
    JobsSource source(m_http.get(), s);
    const SourceOutcome out
        = run(source, context(u"example.com"_s, channel::JobsSearch, u"fraud detection"_s));
    QCOMPARE(m_server->requestCount(), 1);
    QVERIFY(!out.evidence.isEmpty());
    QCOMPARE(out.evidence.first().sourceName, u"Greenhouse"_s);

    const SourceOutcome none
        = run(source, context(u"noboard.com"_s, channel::JobsSearch, u"fraud detection"_s));
    QCOMPARE(none.status, SourceOutcome::Status::Ok);
    QCOMPARE(m_server->requestCount(), 1);
}

void TestJobs::board_isFetchedOncePerCompanyAcrossStrategies()
{
    // Slow enough that the three strategies overlap on the wire.
    serve(u"/v1/boards/"_s, fixture(u"greenhouse_jobs.json"_s), 150);
    JobsSource source(m_http.get(), settings());
    auto a = source.search(context(u"acme.io"_s, channel::JobsSearch, u"machine learning"_s));
    auto b = source.search(context(u"acme.io"_s, channel::JobsSearch, u"fraud operations"_s));
    auto c = source.search(context(u"acme.io"_s, channel::JobsSearch, u"react typescript"_s));
    const SourceOutcome ra = QCoro::waitFor(a);
    const SourceOutcome rb = QCoro::waitFor(b);
    const SourceOutcome rc = QCoro::waitFor(c);
    QCOMPARE(m_server->requestCount(u"/v1/boards/"_s), 1);
    // One discovery: each board asked once (Lever and Ashby have nothing here).
    QCOMPARE(ra.requests + rb.requests + rc.requests, 3);
    QCOMPARE(ra.evidence.first().title,
        u"Job opening: Senior Machine Learning Engineer, Fraud Detection (San Francisco, CA)"_s);
    QCOMPARE(rb.evidence.first().title, u"Job opening: Fraud Operations Analyst (Dublin)"_s);
    QCOMPARE(rc.evidence.first().title, u"Job opening: Frontend Engineer (Berlin)"_s);

    // Later strategies reuse the board; another company is fetched on its own.
    run(source, context(u"acme.io"_s, channel::JobsSearch, u"payments"_s));
    QCOMPARE(m_server->requestCount(u"/v1/boards/"_s), 1);
    run(source, context(u"other.io"_s, channel::JobsSearch, u"payments"_s));
    QCOMPARE(m_server->requestCount(u"/v1/boards/"_s), 2);
    // A new run asks again.
    source.resetRunCache();
    run(source, context(u"acme.io"_s, channel::JobsSearch, u"payments"_s));
    QCOMPARE(m_server->requestCount(u"/v1/boards/"_s), 3);
}

void TestJobs::noBoard_isAnAnswerNotAFailure()
{
    notFound(u"/v1/boards/"_s);
    notFound(u"/v0/postings/"_s);
    notFound(u"/posting-api/job-board/"_s);
    JobsSource source(m_http.get(), settings());
    const SourceOutcome out = run(source, context(u"acme.io"_s, channel::JobsSearch, u"fraud"_s));
    QCOMPARE(out.status, SourceOutcome::Status::Ok);
    QVERIFY(out.evidence.isEmpty());
    QVERIFY(out.reason.isEmpty());
    QCOMPARE(out.requests, 3);
}

void TestJobs::serverError_isAFailureWithReason()
{
    m_server->route(u"/v1/boards/"_s, [](const FakeRequest &) {
        return FakeResponse::text("<html><body>Service Unavailable</body></html>", 503);
    });
    notFound(u"/v0/postings/"_s);
    notFound(u"/posting-api/job-board/"_s);
    retryWithoutPause(*m_http, u"greenhouse"_s);
    JobsSource source(m_http.get(), settings());
    const SourceOutcome out = run(source, context(u"acme.io"_s, channel::JobsSearch, u"fraud"_s));
    QCOMPARE(m_server->requestCount(u"/v1/boards/"_s), 4); // a 503 may pass: tried again
    QCOMPARE(out.status, SourceOutcome::Status::Failed);
    QCOMPARE(out.reason, u"Greenhouse job board unavailable (HTTP 503)"_s);
    QVERIFY(!out.stopSource);
    // Lever and Ashby answered: the job boards are up, one of them is not.
    QVERIFY(out.companyFault);
    // The next strategy shares the failed fetch: one failure, not one per strategy.
    const SourceOutcome next = run(source, context(u"acme.io"_s, channel::JobsSearch, u"risk"_s));
    QCOMPARE(next.status, SourceOutcome::Status::Skipped);
    QCOMPARE(next.reason, out.reason);
    QCOMPARE(next.requests, 0);
}

void TestJobs::failingBoard_isLeftOutByItsBreakerWhileTheOthersAreAsked()
{
    unavailable(u"/v1/boards/"_s, u"greenhouse"_s, 502);
    serve(u"/v0/postings/"_s, fixture(u"lever_postings.json"_s));
    notFound(u"/posting-api/job-board/"_s);
    JobsSource source(m_http.get(), settings());
    QStringList reasons;
    for (int i = 0; i < 7; ++i) {
        const SourceOutcome out = run(source,
            context(u"acme%1.io"_s.arg(i), channel::JobsSearch, u"motion planning robots"_s));
        QCOMPARE(out.status, SourceOutcome::Status::Ok);
        QCOMPARE(out.evidence.size(), 1);
        QCOMPARE(out.evidence.first().sourceName, u"Lever"_s);
        reasons << out.partialFailure;
    }
    // Five failures in a row open Greenhouse's breaker; Lever is asked for every company.
    QCOMPARE(m_server->requestCount(u"/v1/boards/"_s), 5);
    QCOMPARE(m_server->requestCount(u"/v0/postings/"_s), 7);
    QCOMPARE(reasons.first(), u"Greenhouse job board unavailable (HTTP 502)"_s);
    QCOMPARE(reasons.last(), u"Greenhouse job board: circuit breaker open"_s);

    // A new run asks every board again.
    source.resetRunCache();
    run(source, context(u"acme0.io"_s, channel::JobsSearch, u"motion planning robots"_s));
    QCOMPARE(m_server->requestCount(u"/v1/boards/"_s), 6);
}

void TestJobs::everyBoardFailing_isTheSourcesFailure()
{
    unavailable(u"/v1/boards/"_s, u"greenhouse"_s, 503);
    unavailable(u"/v0/postings/"_s, u"lever"_s, 503);
    unavailable(u"/posting-api/job-board/"_s, u"ashby"_s, 503);
    JobsSource source(m_http.get(), settings());
    const SourceOutcome out = run(source, context(u"acme.io"_s, channel::JobsSearch, u"fraud"_s));
    QCOMPARE(out.status, SourceOutcome::Status::Failed);
    // Every board's reason, in the order they are preferred.
    QCOMPARE(out.reason,
        u"Greenhouse job board unavailable (HTTP 503); Lever job board unavailable (HTTP 503); "
        "Ashby job board unavailable (HTTP 503)"_s);
    QVERIFY(!out.companyFault);
}

void TestJobs::ranking_keepsRelevantPostingsBestFirst()
{
    serve(u"/v1/boards/"_s, fixture(u"greenhouse_jobs.json"_s));
    JobsSource source(m_http.get(), settings());
    const SourceOutcome out = run(
        source, context(u"acme.io"_s, channel::JobsSearch, u"machine learning fraud detection"_s));
    QCOMPARE(titles(out.evidence),
        QStringList(
            { u"Job opening: Senior Machine Learning Engineer, Fraud Detection (San Francisco, CA)"_s,
                u"Job opening: Data Scientist, Risk (Remote - US)"_s,
                u"Job opening: Fraud Operations Analyst (Dublin)"_s }));
    for (int i = 1; i < out.evidence.size(); ++i)
        QVERIFY(out.evidence.at(i - 1).score > out.evidence.at(i).score);
    const Evidence &best = out.evidence.first();
    QCOMPARE(best.url, u"https://boards.greenhouse.io/acme/jobs/101"_s);
    QCOMPARE(best.sourceName, u"Greenhouse"_s);
    // Greenhouse's escaped HTML arrives as plain text.
    QCOMPARE(best.snippet,
        u"Risk Engineering: About the role Build machine learning models that detect fraud in "
        "real time across millions of payments & refunds. Python, PyTorch Feature stores "
        "\u2013 model monitoring"_s);
}

void TestJobs::ranking_keepsAtMostTen()
{
    QJsonArray jobs;
    for (int i = 0; i < 15; ++i)
        jobs.append(QJsonObject {
            { u"id"_s, i },
            { u"title"_s, u"Platform Engineer %1"_s.arg(i) },
            { u"absolute_url"_s, u"https://boards.greenhouse.io/acme/jobs/%1"_s.arg(i) },
            { u"location"_s, QJsonObject { { u"name"_s, u"Remote"_s } } },
            { u"content"_s, u"&lt;p&gt;Kubernetes clusters, team %1&lt;/p&gt;"_s.arg(i) },
        });
    jobs.append(QJsonObject { { u"id"_s, 99 }, { u"title"_s, u"Chef"_s },
        { u"absolute_url"_s, u"https://boards.greenhouse.io/acme/jobs/99"_s },
        { u"content"_s, u"Cooking for the office"_s } });
    serve(u"/v1/boards/"_s, QJsonDocument(QJsonObject { { u"jobs"_s, jobs } }).toJson());
    JobsSource source(m_http.get(), settings());
    const SourceOutcome out
        = run(source, context(u"acme.io"_s, channel::JobsSearch, u"kubernetes platform"_s));
    QCOMPARE(out.evidence.size(), 10);
    for (const Evidence &e : out.evidence)
        QVERIFY(e.title.startsWith(u"Job opening: Platform Engineer"_s));
}

void TestJobs::ranking_ignoresCompanyNameAndJobWords()
{
    serve(u"/v1/boards/"_s, fixture(u"greenhouse_jobs.json"_s));
    JobsSource source(m_http.get(), settings());
    // Nothing left to look for once the company and "jobs"/"hiring" are taken out.
    const SourceOutcome none = run(
        source, context(u"acme.io"_s, channel::JobsSearch, u"Acme jobs hiring site:acme.io"_s));
    QCOMPARE(none.status, SourceOutcome::Status::Ok);
    QVERIFY(none.evidence.isEmpty());
    const SourceOutcome some
        = run(source, context(u"acme.io"_s, channel::JobsSearch, u"Acme hiring React engineers"_s));
    QCOMPARE(some.evidence.first().title, u"Job opening: Frontend Engineer (Berlin)"_s);
}

void TestJobs::leverTimestampOutOfRange_isNoDate()
{
    // Milliseconds beyond every integer type: the posting is kept, without a date.
    const QJsonDocument answer = QJsonDocument::fromJson(R"([
        {"text":"Fraud Engineer","hostedUrl":"https://jobs.lever.co/acme/1","createdAt":1e300},
        {"text":"Risk Analyst","hostedUrl":"https://jobs.lever.co/acme/2","createdAt":-1e300}])");
    QList<jobs::Posting> postings;
    QVERIFY(jobs::parseBoard(jobs::Board::Lever, answer, &postings));
    QCOMPARE(postings.size(), 2);
    for (const jobs::Posting &p : postings)
        QVERIFY(!p.publishedAt.isValid());
}

QTEST_GUILESS_MAIN(TestJobs)
#include "tst_jobs.moc"
