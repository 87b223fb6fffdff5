// What a run keeps per company (issue 16, item 5): queued work stays bounded by the
// parallelism however long the list, and what a source keeps for a company (its site's pages)
// goes once that company's queries are done.
#include "FakeHttpServer.h"
#include "TestSource.h"
#include "model/Channel.h"
#include "net/HttpClient.h"
#include "pipeline/ResearchPipeline.h"
#include "sources/WebsiteSource.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace gtm;
using namespace gtm::test;
using namespace Qt::StringLiterals;

namespace {

ResearchRequest request(int domains, int parallel)
{
    ResearchRequest r;
    r.goal = u"AI for fraud detection"_s;
    for (int i = 0; i < domains; ++i)
        r.domains << u"company%1.com"_s.arg(i, 4, 10, QLatin1Char('0'));
    r.maxParallelSearches = parallel;
    return r;
}

QList<QueryStrategy> strategies(const QString &channel, int count)
{
    QList<QueryStrategy> out;
    for (int i = 0; i < count; ++i)
        out << QueryStrategy { channel, u"{DOMAIN} fraud machine learning %1"_s.arg(i), 0.8 };
    return out;
}

// Runs the pipeline to its end, calling probe after every finished query.
bool runToEnd(ResearchPipeline &pipeline, ResearchRequest r, QList<QueryStrategy> s,
    const std::function<void()> &probe)
{
    bool finished = false;
    QObject::connect(&pipeline, &ResearchPipeline::queryFinished, probe);
    QObject::connect(&pipeline, &ResearchPipeline::companyUpdated, probe);
    QObject::connect(&pipeline, &ResearchPipeline::finished, [&finished] { finished = true; });
    pipeline.start(std::move(r), std::move(s));
    return QTest::qWaitFor([&finished] { return finished; }, 60000);
}

} // namespace

class TestPipelineMemory : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void queuedWork_neverExceedsTheParallelismPerSource();
    void websitePages_areKeptOnlyWhileTheCompanyIsSearched();
};

void TestPipelineMemory::queuedWork_neverExceedsTheParallelismPerSource()
{
    // 200 companies x 4 strategies on two sources, 5 at a time each: never more than 5
    // queries per source plus 5 analyses exist at once, not 800 waiting coroutines.
    FakeHttpServer server;
    QVERIFY(server.listen());
    server.route(u"/"_s, [](const FakeRequest &r) {
        const QString domain = r.query.queryItemValue(u"domain"_s);
        const QJsonObject item { { u"url"_s, u"https://%1/a"_s.arg(domain) },
            { u"title"_s, domain }, { u"content"_s, QString(u"About "_s + domain) } };
        return FakeResponse::json(
            QJsonDocument(QJsonObject { { u"results"_s, QJsonArray { item } } })
                .toJson(QJsonDocument::Compact));
    });
    HttpClient http;
    TestSource web(&http, server.baseUrl(), channel::GoogleSearch, u"Web"_s, u"test"_s);
    TestSource news(&http, server.baseUrl(), channel::NewsSearch, u"News"_s, u"test"_s);
    CountingAnalyzer analyzer;
    PipelineServices services;
    services.sources = { &web, &news };
    services.analyzer = &analyzer;
    ResearchPipeline pipeline(services);

    constexpr int kParallel = 5;
    int peak = 0;
    QList<QueryStrategy> s = strategies(channel::GoogleSearch, 2);
    s += strategies(channel::NewsSearch, 2);
    QVERIFY(runToEnd(
        pipeline, request(200, kParallel), s, [&] { peak = std::max(peak, pipeline.inFlight()); }));
    QCOMPARE(server.requestCount(), 800);
    QVERIFY2(peak <= 2 * kParallel + kParallel, qPrintable(QString::number(peak)));
    QVERIFY(peak >= kParallel); // the probe saw the run at work
}

void TestPipelineMemory::websitePages_areKeptOnlyWhileTheCompanyIsSearched()
{
    FakeHttpServer server;
    QVERIFY(server.listen());
    server.route(u"/site/"_s, [](const FakeRequest &r) {
        if (r.path.endsWith(u"/robots.txt"_s))
            return FakeResponse::text("User-agent: *\n", 200, "text/plain");
        if (r.path.count(u'/') == 3 && r.path.endsWith(u'/'))
            return FakeResponse::text(
                "<html><body><p>We use machine learning against fraud, every day.</p></body>"
                "</html>");
        return FakeResponse::text("<h1>Not found</h1>", 404);
    });
    HttpClient http;
    SourceSettings settings;
    settings.websiteUrlTemplate = server.baseUrl().toString() + u"/site/{domain}"_s;
    WebsiteSource website(&http, settings);
    CountingAnalyzer analyzer;
    PipelineServices services;
    services.sources = { &website };
    services.analyzer = &analyzer;
    ResearchPipeline pipeline(services);

    constexpr int kParallel = 3;
    int peak = 0;
    QVERIFY(runToEnd(pipeline, request(12, kParallel), strategies(channel::Website, 3),
        [&] { peak = std::max(peak, website.companiesKept()); }));
    const RunState state = pipeline.state();
    QCOMPARE(state.results.first().status, CompanyStatus::Done);
    QCOMPARE(state.results.last().status, CompanyStatus::Done);
    // One site read per company, shared by its three strategies...
    QCOMPARE(server.requestCount(u"/site/company0011.com/robots.txt"_s), 1);
    // ...and only the companies being searched are held, never all twelve.
    QVERIFY2(peak >= 1 && peak <= kParallel, qPrintable(QString::number(peak)));
    QCOMPARE(website.companiesKept(), 0);
}

QTEST_GUILESS_MAIN(TestPipelineMemory)
#include "tst_pipelinememory.moc"
