// The jobs channel in a pipeline: the real job-board source against a loopback fake of
// Greenhouse, Lever and Ashby. The channel's limit counts board requests on the wire.
#include "../sources/SourceTestSupport.h"
#include "FakeHttpServer.h"
#include "model/Channel.h"
#include "net/HttpClient.h"
#include "pipeline/ResearchPipeline.h"
#include "sources/JobsSource.h"

#include <QTest>

using namespace gtm;
using namespace gtm::test;
using namespace Qt::StringLiterals;

namespace {

const QString kGreenhouse = u"/v1/boards/"_s;
const QString kLever = u"/v0/postings/"_s;
const QString kAshby = u"/posting-api/job-board/"_s;

FakeResponse noSuchBoard()
{
    return FakeResponse::json(R"({"status":404,"error":"Not Found"})", 404);
}

struct Run
{
    FakeHttpServer server;
    HttpClient http;
    std::unique_ptr<JobsSource> jobs;
    std::unique_ptr<ResearchPipeline> pipeline;
    bool finished = false;

    bool listen()
    {
        if (!server.listen())
            return false;
        SourceSettings settings;
        for (const QString &p : { u"greenhouse"_s, u"lever"_s, u"ashby"_s }) {
            settings.baseUrls.insert(p, server.baseUrl());
            // A 503 is not retried here: the row's reason is what is under test.
            ProviderPolicy once;
            once.maxAttempts = 1;
            http.setProviderPolicy(p, once);
        }
        jobs = std::make_unique<JobsSource>(&http, settings);
        PipelineServices services;
        services.sources = { jobs.get() };
        pipeline = std::make_unique<ResearchPipeline>(services);
        QObject::connect(pipeline.get(), &ResearchPipeline::finished, pipeline.get(),
            [this] { finished = true; });
        return true;
    }

    void start(const QStringList &domains, int parallel, const QStringList &queries)
    {
        ResearchRequest request;
        request.goal = u"robotics"_s;
        request.domains = domains;
        request.maxParallelSearches = parallel;
        request.sources = { channel::JobsSearch };
        QList<QueryStrategy> strategies;
        for (const QString &q : queries)
            strategies << QueryStrategy { channel::JobsSearch, q, 0.8 };
        pipeline->start(request, strategies);
    }
};

} // namespace

class TestJobsChannel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void boardRequests_reachTheChannelLimitAndNeverExceedIt();
    void failingBoard_isAReasonInTheRowNextToTheOthersPostings();
};

void TestJobsChannel::boardRequests_reachTheChannelLimitAndNeverExceedIt()
{
    Run run;
    QVERIFY(run.listen());
    // No company has a board; every answer waits until the test lets it go, so what the fake
    // holds is what the pipeline has on the wire at once.
    for (const QString &route : { kGreenhouse, kLever, kAshby })
        run.server.route(
            route, [](const FakeRequest &) { return noSuchBoard().heldUntilReleased(); });
    QStringList domains;
    for (int i = 0; i < 10; ++i)
        domains << u"company%1.com"_s.arg(i);
    run.start(domains, 6, { u"robotics"_s, u"motion planning"_s, u"perception"_s });

    // Three queries per company share one board fetch of three requests: six slots are six
    // requests, two companies' worth.
    QTRY_COMPARE(run.server.heldCount(), 6);
    while (!run.finished) {
        run.server.releaseHeld();
        QTRY_VERIFY(run.finished || run.server.heldCount() > 0);
    }
    QCOMPARE(run.server.peakConcurrency(), 6);
    // Each company's three boards asked once, whatever its three strategies.
    QCOMPARE(run.server.requestCount(kGreenhouse), 10);
    QCOMPARE(run.server.requestCount(kLever), 10);
    QCOMPARE(run.server.requestCount(kAshby), 10);
    const RunState state = run.pipeline->state();
    for (const CompanyResult &r : state.results) {
        QCOMPARE(r.status, CompanyStatus::NoEvidence);
        QVERIFY2(r.errors.isEmpty(), qPrintable(r.errors.value(u"Job boards"_s)));
    }
}

void TestJobsChannel::failingBoard_isAReasonInTheRowNextToTheOthersPostings()
{
    Run run;
    QVERIFY(run.listen());
    run.server.route(kGreenhouse, [](const FakeRequest &) {
        return FakeResponse::text("<html><body>Service Unavailable</body></html>", 503);
    });
    const QByteArray lever = fixture(u"lever_postings.json"_s);
    run.server.route(kLever, [lever](const FakeRequest &) { return FakeResponse::json(lever); });
    run.server.route(kAshby, [](const FakeRequest &) { return noSuchBoard(); });
    run.start({ u"acme.io"_s }, 20, { u"motion planning robots"_s, u"office"_s });
    QTRY_VERIFY(run.finished);

    const CompanyResult row = run.pipeline->state().results.value(0);
    QCOMPARE(row.status, CompanyStatus::Done);
    QStringList titles;
    for (const Evidence &e : row.evidence)
        titles << e.title;
    titles.sort(); // the two strategies are ranked side by side: either may finish first
    QCOMPARE(titles,
        QStringList({ u"Job opening: Office Manager (Boston, MA)"_s,
            u"Job opening: Robotics Software Engineer (Motion Planning) (Boston, MA)"_s }));
    QCOMPARE(row.evidenceSources, QStringList { u"Lever"_s });
    // Told once, though two strategies shared the fetch.
    QCOMPARE(row.errors,
        (QMap<QString, QString> {
            { u"Job boards"_s, u"Greenhouse job board unavailable (HTTP 503)"_s } }));
    QCOMPARE(run.server.requestCount(kGreenhouse), 1);
}

QTEST_GUILESS_MAIN(TestJobsChannel)
#include "tst_jobschannel.moc"
