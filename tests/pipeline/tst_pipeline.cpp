#include "FakeHttpServer.h"
#include "TestSource.h"
#include "net/HttpClient.h"
#include "pipeline/ResearchPipeline.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTest>

using namespace gtm;
using namespace gtm::test;
using namespace std::chrono_literals;

namespace {

QStringList makeDomains(int n)
{
    QStringList out;
    for (int i = 0; i < n; ++i)
        out << QStringLiteral("company%1.com").arg(i, 4, 10, QLatin1Char('0'));
    return out;
}

QList<QueryStrategy> makeStrategies(const QStringList &channels, int perChannel)
{
    QList<QueryStrategy> out;
    for (const QString &c : channels)
        for (int i = 0; i < perChannel; ++i)
            out << QueryStrategy { c, QStringLiteral("{DOMAIN} %1 s%2").arg(c).arg(i), 0.8 };
    return out;
}

// One evidence item per query, distinct per query.
FakeResponse answer(const FakeRequest &r, int delayMs = 0)
{
    const QString q = r.query.queryItemValue(QStringLiteral("q"), QUrl::FullyDecoded);
    const QString domain = r.query.queryItemValue(QStringLiteral("domain"));
    const QJsonObject item {
        { QStringLiteral("url"),
            QStringLiteral("https://%1/%2").arg(domain, QString::number(qHash(q))) },
        { QStringLiteral("title"), q },
        { QStringLiteral("content"), QString(QStringLiteral("About ") + q) }
    };
    const QJsonObject body { { QStringLiteral("results"), QJsonArray { item } } };
    return FakeResponse::json(QJsonDocument(body).toJson(QJsonDocument::Compact))
        .withDelay(delayMs);
}

struct Harness
{
    FakeHttpServer server;
    HttpClient http;
    std::vector<std::unique_ptr<TestSource>> sources;
    CountingAnalyzer analyzer;
    FixedGenerator generator;
    PipelineServices services;
    std::unique_ptr<ResearchPipeline> pipeline;
    QList<int> milestones;
    QList<int> analyzedRows;
    int completedWhenFirstRowFinal = -1;
    int lastCompleted = 0;
    bool finished = false;
    RunMetrics metrics;

    Harness()
    {
        QVERIFY(server.listen());
        ProviderPolicy fast;
        fast.maxAttempts = 1;
        http.setProviderPolicy(QStringLiteral("test"), fast);
        services.analyzer = &analyzer;
        services.strategyGenerator = &generator;
    }

    TestSource *addSource(const QString &channel, const QString &name)
    {
        sources.push_back(std::make_unique<TestSource>(
            &http, server.baseUrl(), channel, name, QStringLiteral("test")));
        services.sources << sources.back().get();
        return sources.back().get();
    }

    ResearchPipeline *make()
    {
        pipeline = std::make_unique<ResearchPipeline>(services);
        QObject::connect(
            pipeline.get(), &ResearchPipeline::evidenceProgress, [this](int p, int done, int) {
                milestones << p;
                lastCompleted = done;
            });
        QObject::connect(pipeline.get(), &ResearchPipeline::queryFinished,
            [this](const QString &, int, int done, int) { lastCompleted = done; });
        QObject::connect(pipeline.get(), &ResearchPipeline::domainAnalyzed,
            [this](int row, const CompanyResult &) {
                if (analyzedRows.isEmpty())
                    completedWhenFirstRowFinal = lastCompleted;
                analyzedRows << row;
            });
        QObject::connect(pipeline.get(), &ResearchPipeline::finished, [this](const RunMetrics &m) {
            finished = true;
            metrics = m;
        });
        return pipeline.get();
    }

    ResearchRequest request(int domains, int parallel)
    {
        ResearchRequest r;
        r.goal = QStringLiteral("AI for fraud detection");
        r.domains = makeDomains(domains);
        r.maxParallelSearches = parallel;
        return r;
    }
};

} // namespace

class TestPipeline : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void peakConcurrency_equalsMaxParallel_data()
    {
        QTest::addColumn<int>("limit");
        for (int n : { 6, 20, 50 })
            QTest::addRow("%d", n) << n;
    }
    void peakConcurrency_equalsMaxParallel()
    {
        QFETCH(int, limit);
        Harness h;
        h.addSource(channel::GoogleSearch, QStringLiteral("Web"));
        const int delay = std::max(300, limit * 10);
        h.server.route(QStringLiteral("/google_search"),
            [delay](const FakeRequest &r) { return answer(r, delay); });
        auto *p = h.make();
        p->start(h.request(limit * 3, limit), makeStrategies({ channel::GoogleSearch }, 1));
        QTRY_VERIFY_WITH_TIMEOUT(h.finished, 60000);
        QCOMPARE(h.server.requestCount(QStringLiteral("/google_search")), limit * 3);
        QCOMPARE(h.server.peakConcurrency(QStringLiteral("/google_search")), limit);
    }

    void eachSourceHasItsOwnPool()
    {
        Harness h;
        h.addSource(channel::GoogleSearch, QStringLiteral("Web"));
        h.addSource(channel::NewsSearch, QStringLiteral("News"));
        for (const QString &c : { channel::GoogleSearch, channel::NewsSearch })
            h.server.route(
                QStringLiteral("/") + c, [](const FakeRequest &r) { return answer(r, 300); });
        auto *p = h.make();
        p->start(
            h.request(30, 8), makeStrategies({ channel::GoogleSearch, channel::NewsSearch }, 1));
        QTRY_VERIFY_WITH_TIMEOUT(h.finished, 60000);
        QCOMPARE(h.server.peakConcurrency(QStringLiteral("/google_search")), 8);
        QCOMPARE(h.server.peakConcurrency(QStringLiteral("/news_search")), 8);
        QCOMPARE(h.server.peakConcurrency(), 16);
        QCOMPARE(h.metrics.perSource.value(QStringLiteral("Web")).queries, 30);
        QCOMPARE(h.metrics.perSource.value(QStringLiteral("News")).requests, 30);
    }

    void channelConcurrency_overridesMaxParallel_forThatChannelOnly()
    {
        Harness h;
        h.addSource(channel::GoogleSearch, QStringLiteral("Web"));
        h.addSource(channel::NewsSearch, QStringLiteral("News"));
        for (const QString &c : { channel::GoogleSearch, channel::NewsSearch })
            h.server.route(
                QStringLiteral("/") + c, [](const FakeRequest &r) { return answer(r, 200); });
        h.services.channelConcurrency.insert(channel::NewsSearch, 3);
        auto *p = h.make();
        p->start(
            h.request(30, 10), makeStrategies({ channel::GoogleSearch, channel::NewsSearch }, 1));
        QTRY_VERIFY_WITH_TIMEOUT(h.finished, 60000);
        QCOMPARE(h.server.requestCount(QStringLiteral("/news_search")), 30);
        QCOMPARE(h.server.peakConcurrency(QStringLiteral("/news_search")), 3);
        QCOMPARE(h.server.peakConcurrency(QStringLiteral("/google_search")), 10);
    }

    void milestones_fireOnceEach_data()
    {
        QTest::addColumn<int>("domains");
        QTest::addColumn<int>("perChannel");
        QTest::addRow("1 query") << 1 << 1;
        QTest::addRow("3 queries") << 3 << 1;
        QTest::addRow("7 queries") << 7 << 1;
        QTest::addRow("400 queries") << 100 << 2; // two channels
    }
    void milestones_fireOnceEach()
    {
        QFETCH(int, domains);
        QFETCH(int, perChannel);
        Harness h;
        h.addSource(channel::GoogleSearch, QStringLiteral("Web"));
        h.addSource(channel::HackerNews, QStringLiteral("HN"));
        for (const QString &c : { channel::GoogleSearch, channel::HackerNews })
            h.server.route(QStringLiteral("/") + c, [](const FakeRequest &r) { return answer(r); });
        auto *p = h.make();
        QSignalSpy complete(p, &ResearchPipeline::evidenceComplete);
        const QStringList channels = domains == 100
            ? QStringList { channel::GoogleSearch, channel::HackerNews }
            : QStringList { channel::GoogleSearch };
        p->start(h.request(domains, 10), makeStrategies(channels, perChannel));
        QTRY_VERIFY_WITH_TIMEOUT(h.finished, 60000);
        QCOMPARE(h.milestones, (QList<int> { 25, 50, 75, 100 }));
        QCOMPARE(complete.size(), 1);
        QCOMPARE(h.metrics.completedQueries, domains * perChannel * int(channels.size()));
        QCOMPARE(h.analyzedRows.size(), domains);
    }

    void everyDomainGetsARow_underInjectedFaults()
    {
        Harness h;
        h.services.breakerFailureThreshold = 100000; // faults are scattered; keep every query asked
        // A reset can also catch a request that Qt had just sent on the same kept-alive
        // connection; one quick retry, as a real client makes, keeps that from looking like a
        // fault of the query's own. Injected faults are per query, so they fail again.
        ProviderPolicy retryOnce;
        retryOnce.maxAttempts = 2;
        retryOnce.baseBackoff = std::chrono::milliseconds(5);
        retryOnce.maxBackoff = std::chrono::milliseconds(5);
        h.http.setProviderPolicy(QStringLiteral("test"), retryOnce);
        h.addSource(channel::GoogleSearch, QStringLiteral("Web"));
        h.addSource(channel::NewsSearch, QStringLiteral("News"));
        // About 20 %: 500s, connection resets and malformed JSON, chosen by the query.
        auto faultOf = [](const QString &q) { return int(qHash(q, 7) % 20); };
        for (const QString &c : { channel::GoogleSearch, channel::NewsSearch }) {
            h.server.route(QStringLiteral("/") + c, [faultOf](const FakeRequest &r) {
                const int f
                    = faultOf(r.query.queryItemValue(QStringLiteral("q"), QUrl::FullyDecoded));
                if (f < 2)
                    return FakeResponse::json(R"({"error":"boom"})", 500);
                if (f == 2) {
                    FakeResponse reset;
                    reset.action = FakeResponse::Action::Reset;
                    return reset;
                }
                if (f == 3)
                    return FakeResponse::json(R"({"results": [ {"url": )");
                return answer(r, 5);
            });
        }
        auto *p = h.make();
        const auto strategies = makeStrategies({ channel::GoogleSearch, channel::NewsSearch }, 2);
        const auto request = h.request(60, 10);
        p->start(request, strategies);
        QTRY_VERIFY_WITH_TIMEOUT(h.finished, 60000);

        const RunState state = p->state();
        QCOMPARE(state.results.size(), 60);
        int expectedFailedQueries = 0;
        for (int row = 0; row < 60; ++row) {
            const CompanyResult &r = state.results.at(row);
            QCOMPARE(r.domain, request.domains.at(row));
            int faulted = 0;
            for (const auto &s : strategies)
                faulted += faultOf(s.buildQuery(r.domain)) < 4;
            expectedFailedQueries += faulted;
            if (faulted == strategies.size()) {
                QCOMPARE(r.status, CompanyStatus::Failed);
                QVERIFY(!r.errors.isEmpty());
                QVERIFY(r.evidence.isEmpty());
            } else {
                QCOMPARE(r.status, CompanyStatus::Done);
                QCOMPARE(r.evidence.size(), strategies.size() - faulted);
            }
            // A fault is never silent: its source's reason is on the row.
            QCOMPARE(r.errors.isEmpty(), faulted == 0);
        }
        QVERIFY(expectedFailedQueries > 0);
        QCOMPARE(h.metrics.failedRequests, expectedFailedQueries);
        QCOMPARE(h.analyzedRows.size(), 60);
    }

    void companiesAreFinal_beforeTheRunEnds()
    {
        Harness h;
        h.addSource(channel::GoogleSearch, QStringLiteral("Web"));
        h.server.route(
            QStringLiteral("/google_search"), [](const FakeRequest &r) { return answer(r, 20); });
        auto *p = h.make();
        p->start(h.request(40, 4), makeStrategies({ channel::GoogleSearch }, 2));
        QTRY_VERIFY_WITH_TIMEOUT(h.finished, 60000);
        QVERIFY2(h.completedWhenFirstRowFinal >= 0 && h.completedWhenFirstRowFinal <= 8,
            qPrintable(QString::number(h.completedWhenFirstRowFinal)));
        QCOMPARE(h.analyzedRows.constFirst(), 0); // domain-major: the first company first
        QCOMPARE(h.analyzer.calls, 40);
    }

    void duplicates_areRemovedPerCompany()
    {
        Harness h;
        h.addSource(channel::GoogleSearch, QStringLiteral("Web"));
        // Every query of a company finds the same page, under spelling variants of its URL.
        h.server.route(QStringLiteral("/google_search"), [](const FakeRequest &r) {
            const QString domain = r.query.queryItemValue(QStringLiteral("domain"));
            const QString q = r.query.queryItemValue(QStringLiteral("q"), QUrl::FullyDecoded);
            const QString url = q.endsWith(u"s0")
                ? QStringLiteral("https://www.%1/ai/").arg(domain)
                : QStringLiteral("http://%1/ai?utm_source=x").arg(domain);
            const QJsonObject item { { QStringLiteral("url"), url }, { QStringLiteral("title"), q },
                { QStringLiteral("content"), q } };
            return FakeResponse::json(
                QJsonDocument(QJsonObject { { QStringLiteral("results"), QJsonArray { item } } })
                    .toJson());
        });
        auto *p = h.make();
        p->start(h.request(3, 4), makeStrategies({ channel::GoogleSearch }, 3));
        QTRY_VERIFY_WITH_TIMEOUT(h.finished, 30000);
        for (const auto &r : p->state().results) {
            QCOMPARE(r.evidence.size(), 1);
            QCOMPARE(r.evidenceSources, QStringList { QStringLiteral("Web") });
        }
        QCOMPARE(h.metrics.totalEvidence, 3);
    }

    void cancel_keepsFinishedRows_andMarksTheRest()
    {
        Harness h;
        h.addSource(channel::GoogleSearch, QStringLiteral("Web"));
        const QStringList domains = makeDomains(10);
        h.server.route(QStringLiteral("/google_search"), [domains](const FakeRequest &r) {
            if (domains.indexOf(r.query.queryItemValue(QStringLiteral("domain"))) < 3)
                return answer(r);
            FakeResponse hang;
            hang.action = FakeResponse::Action::Hang;
            return hang;
        });
        auto *p = h.make();
        p->start(h.request(10, 5), makeStrategies({ channel::GoogleSearch }, 1));
        QTRY_COMPARE_WITH_TIMEOUT(h.analyzedRows.size(), 3, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(h.server.inFlight(), 5, 10000);
        p->cancel();
        QTRY_VERIFY_WITH_TIMEOUT(h.finished, 1000);
        QVERIFY(!p->isRunning());
        const RunState state = p->state();
        for (int row = 0; row < 10; ++row) {
            const CompanyResult &r = state.results.at(row);
            if (row < 3) {
                QCOMPARE(r.status, CompanyStatus::Done);
                QCOMPARE(r.evidence.size(), 1);
            } else {
                QCOMPARE(r.status, CompanyStatus::Cancelled);
            }
        }
        QCOMPARE(h.analyzedRows.size(), 10);
        // What was in flight was aborted, not left hanging at the server.
        QTRY_COMPARE_WITH_TIMEOUT(h.server.inFlight(), 0, 5000);
        QCOMPARE(h.server.requestCount(), 8);
        QCOMPARE(state.finishedQueries.size(), 3);
    }

    void resume_runsOnlyUnfinishedQueries()
    {
        Harness h;
        h.addSource(channel::GoogleSearch, QStringLiteral("Web"));
        h.server.route(
            QStringLiteral("/google_search"), [](const FakeRequest &r) { return answer(r); });
        RunState saved;
        saved.request = h.request(4, 5);
        saved.strategies = makeStrategies({ channel::GoogleSearch }, 3);
        const QStringList d = saved.request.domains;
        CompanyResult done;
        done.domain = d.at(0);
        done.status = CompanyStatus::Done;
        done.confidence = 0.9;
        done.evidence << Evidence { QStringLiteral("https://x/0"), QStringLiteral("t0"),
            QStringLiteral("s0"), QStringLiteral("Web") };
        CompanyResult partial;
        partial.domain = d.at(1);
        partial.status = CompanyStatus::Cancelled;
        partial.evidence << Evidence { QStringLiteral("https://x/1"), QStringLiteral("t1"),
            QStringLiteral("s1"), QStringLiteral("Web") };
        saved.results = { done, partial };
        for (int s = 0; s < 3; ++s)
            saved.finishedQueries.insert(RunState::queryKey(d.at(0), s));
        saved.finishedQueries.insert(RunState::queryKey(d.at(1), 0));

        auto *p = h.make();
        p->resume(saved);
        QTRY_VERIFY_WITH_TIMEOUT(h.finished, 30000);

        const auto asked = h.server.requests(QStringLiteral("/google_search"));
        QSet<QString> askedQueries;
        for (const auto &r : asked)
            askedQueries << r.query.queryItemValue(QStringLiteral("q"), QUrl::FullyDecoded);
        QSet<QString> expected;
        for (int row = 1; row < 4; ++row)
            for (int s = (row == 1 ? 1 : 0); s < 3; ++s)
                expected << saved.strategies.at(s).buildQuery(d.at(row));
        QCOMPARE(asked.size(), 8);
        QCOMPARE(askedQueries, expected);

        const RunState state = p->state();
        QCOMPARE(state.results.at(0), done); // untouched
        QCOMPARE(state.results.at(1).status, CompanyStatus::Done);
        QCOMPARE(state.results.at(1).evidence.size(), 3); // the saved item plus two new ones
        QCOMPARE(state.results.at(1).evidence.constFirst().url, QStringLiteral("https://x/1"));
        QCOMPARE(state.finishedQueries.size(), 12);
        QCOMPARE(h.milestones.constLast(), 100);
    }

    void resume_ofAFinishedSearch_onlyAnalyzes()
    {
        Harness h;
        h.addSource(channel::GoogleSearch, QStringLiteral("Web"));
        h.server.route(
            QStringLiteral("/google_search"), [](const FakeRequest &r) { return answer(r); });
        RunState saved;
        saved.request = h.request(2, 5);
        saved.strategies = makeStrategies({ channel::GoogleSearch }, 1);
        CompanyResult analysing; // cancelled while its analysis ran
        analysing.domain = saved.request.domains.at(0);
        analysing.status = CompanyStatus::Cancelled;
        analysing.evidence << Evidence { QStringLiteral("https://x/a"), QStringLiteral("a"),
            QStringLiteral("a"), QStringLiteral("Web") };
        CompanyResult empty;
        empty.domain = saved.request.domains.at(1);
        empty.status = CompanyStatus::NoEvidence;
        saved.results = { analysing, empty };
        for (const QString &d : saved.request.domains)
            saved.finishedQueries.insert(RunState::queryKey(d, 0));

        auto *p = h.make();
        QSignalSpy complete(p, &ResearchPipeline::evidenceComplete);
        p->resume(saved);
        QTRY_VERIFY_WITH_TIMEOUT(h.finished, 10000);
        QCOMPARE(h.server.requestCount(), 0);
        QCOMPARE(h.analyzer.calls, 1);
        QCOMPARE(complete.size(), 1);
        QCOMPARE(p->state().results.at(0).status, CompanyStatus::Done);
        QCOMPARE(p->state().results.at(0).confidence, 0.25);
        QCOMPARE(p->state().results.at(1).status, CompanyStatus::NoEvidence);
    }

    void missingKey_isSkippedNotFailed()
    {
        Harness h;
        TestSource *news = h.addSource(channel::NewsSearch, QStringLiteral("News"));
        news->m_requiresKey = true;
        news->m_hasKey = false;
        auto *p = h.make();
        p->start(h.request(3, 5), makeStrategies({ channel::NewsSearch }, 2));
        QTRY_VERIFY_WITH_TIMEOUT(h.finished, 10000);
        QCOMPARE(h.server.requestCount(), 0);
        for (const auto &r : p->state().results) {
            QCOMPARE(r.status, CompanyStatus::NoEvidence);
            QCOMPARE(r.errors.value(QStringLiteral("News")), QStringLiteral("no API key"));
        }
        QCOMPARE(h.metrics.perSource.value(QStringLiteral("News")).skipped, 6);
        QCOMPARE(h.metrics.failedRequests, 0);
    }

    void quotaStop_stopsTheSourceForTheRun()
    {
        Harness h;
        h.addSource(channel::GoogleSearch, QStringLiteral("Web"));
        h.addSource(channel::HackerNews, QStringLiteral("HN"));
        h.server.route(QStringLiteral("/google_search"), [](const FakeRequest &) {
            return FakeResponse::json(
                R"({"error":{"code":429,"status":"RESOURCE_EXHAUSTED","message":"Quota exceeded",
                "details":[{"violations":[{"quotaId":"RequestsPerDay"}]}]}})",
                429);
        });
        h.server.route(
            QStringLiteral("/hackernews"), [](const FakeRequest &r) { return answer(r); });
        auto *p = h.make();
        p->start(
            h.request(5, 1), makeStrategies({ channel::GoogleSearch, channel::HackerNews }, 1));
        QTRY_VERIFY_WITH_TIMEOUT(h.finished, 10000);
        QCOMPARE(h.server.requestCount(QStringLiteral("/google_search")), 1);
        QCOMPARE(h.server.requestCount(QStringLiteral("/hackernews")), 5);
        const SourceStats web = h.metrics.perSource.value(QStringLiteral("Web"));
        QVERIFY(!web.stopReason.isEmpty());
        for (const auto &r : p->state().results) {
            QCOMPARE(r.status, CompanyStatus::Done); // HN still found something
            QVERIFY(r.errors.value(QStringLiteral("Web")).contains(QStringLiteral("quota")));
        }
    }

    void openBreaker_refusesQueries_andSaysSo()
    {
        Harness h;
        h.addSource(channel::GoogleSearch, QStringLiteral("Web"));
        h.server.route(QStringLiteral("/google_search"),
            [](const FakeRequest &) { return FakeResponse::json("{}", 503); });
        auto *p = h.make();
        p->start(h.request(12, 1), makeStrategies({ channel::GoogleSearch }, 1));
        QTRY_VERIFY_WITH_TIMEOUT(h.finished, 10000);
        QCOMPARE(h.server.requestCount(), 5);
        const auto results = p->state().results;
        for (int row = 0; row < results.size(); ++row) {
            QCOMPARE(results.at(row).status, CompanyStatus::Failed);
            QCOMPARE(results.at(row)
                         .errors.value(QStringLiteral("Web"))
                         .contains(QStringLiteral("circuit breaker open")),
                row >= 5);
        }
        QCOMPARE(
            h.metrics.perSource.value(QStringLiteral("Web")).breakerState, QStringLiteral("open"));
        QCOMPARE(h.metrics.perSource.value(QStringLiteral("Web")).skipped, 7);
    }

    void companyFaults_doNotOpenTheBreaker()
    {
        // Twelve dead company sites in a row say nothing about the next company's site.
        Harness h;
        h.addSource(channel::Website, QStringLiteral("Site"))->m_httpErrorsAreTheCompanys = true;
        h.server.route(QStringLiteral("/website"),
            [](const FakeRequest &) { return FakeResponse::text("gone", 404); });
        auto *p = h.make();
        p->start(h.request(12, 1), makeStrategies({ channel::Website }, 1));
        QTRY_VERIFY_WITH_TIMEOUT(h.finished, 10000);
        QCOMPARE(h.server.requestCount(), 12);
        for (const CompanyResult &r : p->state().results) {
            QCOMPARE(r.status, CompanyStatus::Failed);
            QVERIFY2(r.errors.value(QStringLiteral("Site")).contains(QStringLiteral("404")),
                qPrintable(r.errors.value(QStringLiteral("Site"))));
        }
        const SourceStats s = h.metrics.perSource.value(QStringLiteral("Site"));
        QCOMPARE(s.breakerState, QStringLiteral("closed"));
        QCOMPARE(s.failures, 12);
        QCOMPARE(s.skipped, 0);
    }

    void strategiesWithoutASource_areSkippedWithAReason()
    {
        Harness h;
        h.addSource(channel::GoogleSearch, QStringLiteral("Web"));
        h.server.route(
            QStringLiteral("/google_search"), [](const FakeRequest &r) { return answer(r); });
        auto *p = h.make();
        p->start(
            h.request(2, 5), makeStrategies({ channel::GoogleSearch, channel::JobsSearch }, 1));
        QTRY_VERIFY_WITH_TIMEOUT(h.finished, 10000);
        for (const auto &r : p->state().results) {
            QCOMPARE(r.status, CompanyStatus::Done);
            QCOMPARE(r.evidence.size(), 1);
        }
        QCOMPARE(h.metrics.completedQueries, 4);
        QCOMPARE(h.metrics.failedRequests, 0);
    }

    void noStrategiesGiven_usesTheGenerator()
    {
        Harness h;
        h.addSource(channel::GoogleSearch, QStringLiteral("Web"));
        h.server.route(
            QStringLiteral("/google_search"), [](const FakeRequest &r) { return answer(r); });
        auto *p = h.make();
        QSignalSpy ready(p, &ResearchPipeline::strategiesReady);
        QSignalSpy started(p, &ResearchPipeline::pipelineStarted);
        ResearchRequest request = h.request(2, 5);
        request.sources = { channel::GoogleSearch };
        p->start(request);
        QTRY_VERIFY_WITH_TIMEOUT(h.finished, 10000);
        QCOMPARE(h.generator.calls, 1);
        QCOMPARE(ready.size(), 1);
        QCOMPARE(started.size(), 1);
        QCOMPARE(started.at(0).at(2).toInt(), 2);
        QCOMPARE(h.metrics.strategySource, QStringLiteral("fixed"));
        QCOMPARE(h.metrics.llmPromptTokens, 100 + 2 * 10);
        QCOMPARE(h.metrics.averageConfidence, 0.25);
    }
};

QTEST_GUILESS_MAIN(TestPipeline)
#include "tst_pipeline.moc"
