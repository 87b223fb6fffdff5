// Free first (issue 17): the company's website is read before Tavily and NewsAPI are asked,
// and a paid query goes out only while the offline verdict is open. The real sources talk to
// a loopback fake; what it saw per company is what a user's credits paid for.
#include "FakeHttpServer.h"
#include "analysis/AnalyzerFactory.h"
#include "model/Channel.h"
#include "net/HttpClient.h"
#include "pipeline/ResearchPipeline.h"
#include "pipeline/RetryPlan.h"
#include "sources/NewsApiSource.h"
#include "sources/TavilySource.h"
#include "sources/WebsiteSource.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace gtm;
using namespace gtm::test;
using namespace Qt::StringLiterals;

namespace {

// Orbitpay's site says it all; Quillfin's site says nothing, Tavily knows; Bramblegarden sells
// garden furniture and nobody says otherwise.
const QString kDecidedByItsSite = u"orbitpay.com"_s;
const QString kTavilyKnows = u"quillfin.com"_s;
const QString kNothingAnywhere = u"bramblegarden.com"_s;

const QString kGoal = u"fintech companies using machine learning for fraud detection"_s;

QByteArray homePage(const QString &domain)
{
    if (domain == kDecidedByItsSite)
        return "<html><head><title>Orbitpay: machine learning fraud detection for card "
               "payments</title></head><body><h1>Orbitpay</h1><p>Orbitpay is a fintech company. "
               "Our machine learning models detect fraud in production: every card payment our "
               "4,000 banks process is scored for fraud in 30 ms by Orbitpay's gradient-boosted "
               "fraud detection model, trained with TensorFlow.</p></body></html>";
    if (domain == kTavilyKnows)
        return "<html><head><title>Quillfin</title></head><body><h1>Quillfin</h1><p>Loans for "
               "small businesses, decided in a day.</p></body></html>";
    return "<html><head><title>Bramblegarden</title></head><body><h1>Bramblegarden</h1><p>Oak "
           "garden furniture, made in Devon.</p></body></html>";
}

QJsonArray tavilyResults(const QString &domain)
{
    if (domain != kTavilyKnows)
        return {};
    QJsonArray results;
    const QStringList texts {
        u"Quillfin, the small-business lender, scores every loan application for fraud with "
        "machine learning models it runs in production."_s,
        u"Quillfin's fraud detection team trains gradient-boosted models with TensorFlow on "
        "millions of applications to stop identity fraud."_s,
        u"Fintech Quillfin uses machine learning for fraud detection, cutting losses by 40%."_s,
    };
    for (int i = 0; i < texts.size(); ++i)
        results.append(QJsonObject { { u"title"_s, u"How Quillfin fights fraud, part %1"_s.arg(i) },
            { u"url"_s, u"https://news.example/quillfin-fraud-%1"_s.arg(i) },
            { u"content"_s, texts.at(i) }, { u"score"_s, 0.9 } });
    return results;
}

struct Run
{
    FakeHttpServer server;
    HttpClient http;
    std::vector<std::unique_ptr<Source>> sources;
    std::unique_ptr<Analyzer> analyzer = createOfflineAnalyzer();
    std::unique_ptr<Analyzer> judge = createOfflineAnalyzer();
    std::unique_ptr<ResearchPipeline> pipeline;
    bool finished = false;
    bool holdPaid = false; // paid answers wait for release(): one in flight shows as one held
    bool tavilyFails = false;

    // Per company, in order: "tavily: QUERY" or "newsapi: QUERY".
    QHash<QString, QStringList> paidSeen;
    // Paid requests a company had unanswered when another of its paid requests arrived.
    QHash<QString, int> paidOverlap;
    QHash<QString, int> paidReleased;

    static QString companyIn(const QString &text)
    {
        for (const QString &d : { kDecidedByItsSite, kTavilyKnows, kNothingAnywhere })
            if (text.contains(d.section(u'.', 0, 0), Qt::CaseInsensitive))
                return d;
        return {};
    }

    FakeResponse paid(const QString &provider, const QString &query, FakeResponse answer)
    {
        const QString company = companyIn(query);
        QStringList &seen = paidSeen[company];
        if (seen.size() > paidReleased.value(company))
            paidOverlap[company] += 1;
        seen << provider + u": "_s + query;
        if (!holdPaid) {
            paidReleased[company] += 1;
            return answer;
        }
        return answer.heldUntilReleased();
    }

    bool listen()
    {
        if (!server.listen())
            return false;
        server.route(u"/site/"_s, [](const FakeRequest &r) {
            const QString domain = r.path.section(u'/', 2, 2);
            const QString page = r.path.section(u'/', 3);
            if (!page.isEmpty())
                return FakeResponse::text("not found", 404); // robots.txt, /careers, ...
            return FakeResponse::text(homePage(domain));
        });
        server.route(u"/search"_s, [this](const FakeRequest &r) {
            const QString query
                = QJsonDocument::fromJson(r.body).object().value(u"query"_s).toString();
            if (tavilyFails)
                return paid(u"tavily"_s, query,
                    FakeResponse::json(R"({"detail":{"error":"Internal error"}})", 500));
            const QJsonObject body { { u"query"_s, query },
                { u"results"_s, tavilyResults(companyIn(query)) } };
            return paid(u"tavily"_s, query,
                FakeResponse::json(QJsonDocument(body).toJson(QJsonDocument::Compact)));
        });
        server.route(u"/v2/everything"_s, [this](const FakeRequest &r) {
            return paid(u"newsapi"_s, r.query.queryItemValue(u"q"_s, QUrl::FullyDecoded),
                FakeResponse::json(R"({"status":"ok","totalResults":0,"articles":[]})"));
        });

        SourceSettings settings;
        settings.apiKeys = { { u"tavily"_s, u"tvly-test"_s }, { u"newsapi"_s, u"news-test"_s } };
        settings.baseUrls
            = { { u"tavily"_s, server.baseUrl() }, { u"newsapi"_s, server.baseUrl() } };
        settings.websiteUrlTemplate = server.baseUrl().toString() + u"/site/{domain}"_s;
        ProviderPolicy once; // a failure is the row's reason at once, not after retries
        once.maxAttempts = 1;
        for (const QString &p : { u"tavily"_s, u"newsapi"_s, u"website"_s })
            http.setProviderPolicy(p, once);
        sources.push_back(std::make_unique<WebsiteSource>(&http, settings));
        sources.push_back(std::make_unique<TavilySource>(&http, settings));
        sources.push_back(std::make_unique<NewsApiSource>(&http, settings));

        PipelineServices services;
        for (const auto &s : sources)
            services.sources << s.get();
        services.analyzer = analyzer.get();
        services.offlineJudge = judge.get();
        pipeline = std::make_unique<ResearchPipeline>(services);
        QObject::connect(pipeline.get(), &ResearchPipeline::finished, pipeline.get(),
            [this] { finished = true; });
        return true;
    }

    // News first: the plan's order, best first, is the order paid queries go out in.
    static QList<QueryStrategy> strategies()
    {
        return {
            { channel::Website, u"{DOMAIN} fraud detection machine learning"_s, 0.9 },
            { channel::NewsSearch, u"fraud detection"_s, 0.85 },
            { channel::GoogleSearch, u"{DOMAIN} machine learning fraud"_s, 0.8 },
            { channel::NewsSearch, u"machine learning"_s, 0.7 },
            { channel::GoogleSearch, u"{DOMAIN} fintech fraud team"_s, 0.6 },
        };
    }

    static ResearchRequest request(const QStringList &domains, bool allQueries = false)
    {
        ResearchRequest r;
        r.goal = kGoal;
        r.domains = domains;
        r.sources = channel::all();
        r.allQueries = allQueries;
        return r;
    }

    // Lets held answers go one round at a time until the run is over.
    void drain()
    {
        while (!finished) {
            QTRY_VERIFY(finished || server.heldCount() > 0);
            for (const QString &company : paidSeen.keys())
                paidReleased[company] = int(paidSeen.value(company).size());
            server.releaseHeld();
        }
    }

    CompanyResult row(const QString &domain) const
    {
        for (const CompanyResult &r : pipeline->state().results)
            if (r.domain == domain)
                return r;
        return {};
    }
};

} // namespace

class TestFreeFirst : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void decidedByTheWebsite_sendsNoPaidRequest();
    void openVerdict_asksPaidOneAtATimeBestFirstUntilDecided();
    void allQueries_sendsEveryPaidQuery();
    void failingPaidSource_isAReasonInTheRowAndTheRunGoesOn();
    void resume_continuesWhereTheCompanyWas();
    void retryFailed_paidQueriesPassTheVerdictAgain();
};

void TestFreeFirst::decidedByTheWebsite_sendsNoPaidRequest()
{
    Run run;
    QVERIFY(run.listen());
    run.pipeline->start(Run::request({ kDecidedByItsSite }), Run::strategies());
    QTRY_VERIFY(run.finished);

    QCOMPARE(run.paidSeen.value(kDecidedByItsSite), QStringList());
    const CompanyResult r = run.row(kDecidedByItsSite);
    QCOMPARE(r.status, CompanyStatus::Done);
    QVERIFY2(r.confidence >= 0.8, qPrintable(QString::number(r.confidence)));
    QCOMPARE(r.skipped, 4);
    QVERIFY2(r.errors.isEmpty(), qPrintable(r.errors.keys().join(u", ")));
    const RunMetrics m = run.pipeline->state().metrics;
    QCOMPARE(m.paidQueriesSaved, 4);
    QCOMPARE(m.completedQueries, m.totalQueries);
    QCOMPARE(m.failedRequests, 0);
}

void TestFreeFirst::openVerdict_asksPaidOneAtATimeBestFirstUntilDecided()
{
    Run run;
    QVERIFY(run.listen());
    run.holdPaid = true;
    run.pipeline->start(
        Run::request({ kDecidedByItsSite, kTavilyKnows, kNothingAnywhere }), Run::strategies());
    run.drain();

    // Quillfin: the news found nothing, Tavily's first answer decided it.
    QCOMPARE(run.paidSeen.value(kTavilyKnows),
        QStringList({ u"newsapi: \"Quillfin\" AND (fraud detection)"_s,
            u"tavily: quillfin.com machine learning fraud"_s }));
    QCOMPARE(run.row(kTavilyKnows).status, CompanyStatus::Done);
    QVERIFY(run.row(kTavilyKnows).confidence >= 0.7);
    QCOMPARE(run.row(kTavilyKnows).skipped, 2);
    // Bramblegarden: each paid channel heard once, then a confident non-match.
    QCOMPARE(run.paidSeen.value(kNothingAnywhere).size(), 2);
    QVERIFY(run.paidSeen.value(kNothingAnywhere).at(0).startsWith(u"newsapi: "_s));
    QVERIFY(run.paidSeen.value(kNothingAnywhere).at(1).startsWith(u"tavily: "_s));
    QCOMPARE(run.row(kNothingAnywhere).skipped, 2);
    QVERIFY(!run.row(kNothingAnywhere).isMatch(0.7));
    QCOMPARE(run.paidSeen.value(kDecidedByItsSite), QStringList());
    // Never two paid requests of one company on the wire at once.
    QCOMPARE(run.paidOverlap, (QHash<QString, int>()));
    QCOMPARE(run.pipeline->state().metrics.paidQueriesSaved, 8);
}

void TestFreeFirst::allQueries_sendsEveryPaidQuery()
{
    Run run;
    QVERIFY(run.listen());
    run.pipeline->start(Run::request({ kDecidedByItsSite, kTavilyKnows, kNothingAnywhere }, true),
        Run::strategies());
    QTRY_VERIFY(run.finished);
    for (const QString &d : { kDecidedByItsSite, kTavilyKnows, kNothingAnywhere }) {
        QCOMPARE(run.paidSeen.value(d).size(), 4);
        QCOMPARE(run.row(d).skipped, 0);
    }
    QCOMPARE(run.pipeline->state().metrics.paidQueriesSaved, 0);
}

void TestFreeFirst::failingPaidSource_isAReasonInTheRowAndTheRunGoesOn()
{
    Run run;
    QVERIFY(run.listen());
    run.tavilyFails = true;
    run.pipeline->start(Run::request({ kTavilyKnows }), Run::strategies());
    QTRY_VERIFY(run.finished);

    // A failed answer is an answer: both channels heard, nothing found, decided.
    QCOMPARE(run.paidSeen.value(kTavilyKnows).size(), 2);
    const CompanyResult r = run.row(kTavilyKnows);
    QVERIFY2(
        r.errors.value(u"Tavily"_s).contains(u"500"_s), qPrintable(r.errors.value(u"Tavily"_s)));
    QCOMPARE(r.skipped, 2);
}

void TestFreeFirst::resume_continuesWhereTheCompanyWas()
{
    Run run;
    QVERIFY(run.listen());
    // Interrupted after the website and the first news query: neither is asked again.
    RunState saved;
    saved.request = Run::request({ kTavilyKnows });
    saved.strategies = Run::strategies();
    CompanyResult row;
    row.domain = kTavilyKnows;
    row.status = CompanyStatus::Cancelled;
    saved.results = { row };
    saved.finishedQueries
        = { RunState::queryKey(kTavilyKnows, 0), RunState::queryKey(kTavilyKnows, 1) };
    run.pipeline->resume(saved);
    QTRY_VERIFY(run.finished);

    QCOMPARE(run.server.requestCount(u"/site/"_s), 0);
    QCOMPARE(run.paidSeen.value(kTavilyKnows),
        QStringList({ u"tavily: quillfin.com machine learning fraud"_s }));
    QCOMPARE(run.row(kTavilyKnows).status, CompanyStatus::Done);
    QCOMPARE(run.row(kTavilyKnows).skipped, 2);
    QCOMPARE(run.pipeline->state().metrics.completedQueries, 5);
}

// "Retry failed" after Tavily's outage: its queries are unmarked, but they go out under the same
// rule as the first time: one at a time, until the verdict is decided. The website and the
// news, which answered, are not asked again.
void TestFreeFirst::retryFailed_paidQueriesPassTheVerdictAgain()
{
    Run run;
    QVERIFY(run.listen());
    run.tavilyFails = true;
    run.pipeline->start(Run::request({ kTavilyKnows }), Run::strategies());
    QTRY_VERIFY(run.finished);
    QVERIFY(run.row(kTavilyKnows).errors.contains(u"Tavily"_s));
    const int siteRequests = run.server.requestCount(u"/site/"_s);

    RunState state = run.pipeline->state();
    QCOMPARE(requeueFailedQueries(state, { { u"Tavily"_s, channel::GoogleSearch } }), 2);
    run.tavilyFails = false;
    run.finished = false;
    run.paidSeen.clear();
    run.paidReleased.clear();
    run.pipeline->resume(state);
    QTRY_VERIFY(run.finished);

    QCOMPARE(run.paidSeen.value(kTavilyKnows),
        QStringList({ u"tavily: quillfin.com machine learning fraud"_s }));
    QCOMPARE(run.server.requestCount(u"/site/"_s), siteRequests);
    const CompanyResult r = run.row(kTavilyKnows);
    QCOMPARE(r.status, CompanyStatus::Done);
    QVERIFY(!r.errors.contains(u"Tavily"_s));
    QVERIFY(r.confidence >= 0.7);
}

QTEST_GUILESS_MAIN(TestFreeFirst)
#include "tst_freefirst.moc"
