#include "FakeHttpServer.h"
#include "analysis/AnalyzerFactory.h"
#include "model/Channel.h"
#include "net/HttpClient.h"
#include "session/EngineBuilder.h"
#include "session/ResearchSession.h"
#include "spend/Budget.h"
#include "storage/AppSettings.h"
#include "storage/Exporters.h"
#include "storage/SessionFile.h"

#include <QCoroSignal>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace gtm;
using namespace gtm::test;
using namespace Qt::StringLiterals;

namespace {

// Answers every query at once with one item: the runs below are about what happens after.
class InstantSource : public Source
{
public:
    QString channel() const override { return channel::GoogleSearch; }
    QString name() const override { return u"Instant"_s; }
    QCoro::Task<SourceOutcome> search(SearchContext context) override
    {
        SourceOutcome outcome;
        outcome.evidence << Evidence { u"https://"_s + context.domain + u"/"_s, u"About"_s,
            u"fraud detection"_s, u"Instant"_s };
        co_return outcome;
    }
};

class Gate : public QObject
{
    Q_OBJECT
Q_SIGNALS:
    void opened();
};

// What the analyzer's coroutines saw; shared, so it outlives the analyzer.
struct Probe
{
    int started = 0;
    int resumed = 0;
    bool analyzerDestroyed = false;
    int resumedAfterDestroy = 0; // the use-after-free of issue 12, made visible
};

// Waits for the gate, ignoring the cancel token, like an analysis on the thread pool.
class GateAnalyzer : public Analyzer
{
public:
    GateAnalyzer(std::shared_ptr<Probe> probe, Gate *gate)
        : m_probe(std::move(probe))
        , m_gate(gate)
    {
    }
    ~GateAnalyzer() override { m_probe->analyzerDestroyed = true; }
    QString name() const override { return u"gate"_s; }
    QCoro::Task<AnalysisOutcome> analyze(AnalysisInput) override
    {
        const std::shared_ptr<Probe> probe = m_probe; // in the frame: survives the analyzer
        ++probe->started;
        co_await qCoro(m_gate, &Gate::opened);
        if (probe->analyzerDestroyed)
            ++probe->resumedAfterDestroy;
        ++probe->resumed;
        AnalysisOutcome out;
        out.confidence = m_confidence; // reads the analyzer, as LlmAnalyzer::fallBack does
        out.analyzer = u"gate"_s;
        co_return out;
    }

private:
    std::shared_ptr<Probe> m_probe;
    Gate *m_gate;
    double m_confidence = 0.8;
};

// Remembers the goal model each analysis was given.
class RecordingAnalyzer : public Analyzer
{
public:
    explicit RecordingAnalyzer(std::shared_ptr<QList<std::optional<GoalModel>>> seen)
        : m_seen(std::move(seen))
    {
    }
    QString name() const override { return u"recording"_s; }
    QCoro::Task<AnalysisOutcome> analyze(AnalysisInput input) override
    {
        m_seen->append(input.goalModel);
        co_return AnalysisOutcome {};
    }

private:
    std::shared_ptr<QList<std::optional<GoalModel>>> m_seen;
};

class OneStrategy : public StrategyGenerator
{
public:
    QCoro::Task<StrategyPlan> generate(
        QString, Depth, QStringList, std::optional<GoalModel>, CancelToken) override
    {
        StrategyPlan plan;
        plan.strategies << QueryStrategy { channel::GoogleSearch, u"{DOMAIN} fraud"_s, 1.0 };
        plan.generator = u"one"_s;
        co_return plan;
    }
};

ResearchRequest request(int domains)
{
    ResearchRequest r;
    r.goal = u"fraud detection"_s;
    for (int i = 0; i < domains; ++i)
        r.domains << u"company%1.com"_s.arg(i);
    r.sources = { channel::GoogleSearch };
    r.maxParallelSearches = 4;
    r.confidenceThreshold = 0.5;
    return r;
}

std::shared_ptr<Engine> gateEngine(const std::shared_ptr<Probe> &probe, Gate *gate)
{
    auto engine = std::make_shared<Engine>();
    engine->sources.push_back(std::make_unique<InstantSource>());
    engine->analyzer = std::make_unique<GateAnalyzer>(probe, gate);
    engine->strategyGenerator = std::make_unique<OneStrategy>();
    return engine;
}

CompanyResult row(const QString &domain, CompanyStatus status, double confidence)
{
    CompanyResult r;
    r.domain = domain;
    r.status = status;
    r.confidence = confidence;
    return r;
}

// The lines of the CSV export of the session's rows under its threshold.
QList<QByteArray> exportedCsv(const ResearchSession &session, bool matchesOnly)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"out.csv"_s);
    CsvOptions options;
    options.threshold = session.threshold();
    options.matchesOnly = matchesOnly;
    QString error;
    if (!saveResultsCsv(path, session.results(), options, &error))
        return { error.toUtf8() };
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return f.readAll().trimmed().split('\n');
}

// Tavily's answer: one result naming the query's domain.
FakeResponse tavilyAnswer(const FakeRequest &r)
{
    const QString query = QJsonDocument::fromJson(r.body).object().value(u"query").toString();
    const QString domain = query.section(u' ', 0, 0);
    const QJsonObject item { { u"title"_s, QString(domain + u" fraud models "_s + query) },
        { u"url"_s, QString(u"https://"_s + domain + u"/blog/"_s + QString::number(qHash(query))) },
        { u"content"_s, QString(domain + u" uses TensorFlow for fraud detection"_s) } };
    return FakeResponse::json(QJsonDocument(QJsonObject { { u"results"_s, QJsonArray { item } } })
                                  .toJson(QJsonDocument::Compact));
}

} // namespace

class TestResearchSession : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void cancelMidAnalysis_finishedWaitsAndTheEngineOutlivesTheAwait()
    {
        Gate gate;
        auto probe = std::make_shared<Probe>();
        ResearchSession session;
        QSignalSpy finished(&session, &ResearchSession::finished);
        std::weak_ptr<Engine> watched;
        {
            auto engine = gateEngine(probe, &gate);
            watched = engine;
            QVERIFY(session.start(request(2), engine));
        } // the window keeps no reference: as after rebuildEngine()
        QTRY_COMPARE(probe->started, 2);

        session.cancel();
        // Both rows are cancelled at once, but the run is not over while analyses are out.
        QCOMPARE(session.cancelledCount(), 2);
        QTest::qWait(50);
        QCOMPARE(finished.size(), 0);
        QVERIFY(session.isRunning());
        QVERIFY(!watched.expired());

        Q_EMIT gate.opened();
        QTRY_COMPARE(finished.size(), 1);
        QCOMPARE(probe->resumed, 2);
        QCOMPARE(probe->resumedAfterDestroy, 0);
        QVERIFY(!session.isRunning());
        QVERIFY(watched.expired()); // released once drained
        QCOMPARE(session.results().at(0).status, CompanyStatus::Cancelled);
    }

    void sessionDestroyedMidAnalysis_analyzerLivesUntilItsCoroutineReturns()
    {
        Gate gate;
        auto probe = std::make_shared<Probe>();
        std::weak_ptr<Engine> watched;
        {
            ResearchSession session;
            auto engine = gateEngine(probe, &gate);
            watched = engine;
            QVERIFY(session.start(request(3), std::move(engine)));
            QTRY_COMPARE(probe->started, 3);
        }
        QVERIFY(!watched.expired());
        QVERIFY(!probe->analyzerDestroyed);
        Q_EMIT gate.opened();
        QTRY_COMPARE(probe->resumed, 3);
        QCOMPARE(probe->resumedAfterDestroy, 0);
        QTRY_VERIFY(watched.expired());
    }

    void rebuildMidRun_nextRunGetsTheNewEngine_oldOneDrainsFirst()
    {
        Gate gate;
        auto first = std::make_shared<Probe>();
        auto second = std::make_shared<Probe>();
        ResearchSession session;
        QSignalSpy finished(&session, &ResearchSession::finished);
        QVERIFY(session.start(request(1), gateEngine(first, &gate)));
        QTRY_COMPARE(first->started, 1);
        // A second run cannot start while the first has work out.
        QVERIFY(!session.start(request(1), gateEngine(std::make_shared<Probe>(), &gate)));
        Q_EMIT gate.opened();
        QTRY_COMPARE(finished.size(), 1);
        QCOMPARE(session.results().at(0).status, CompanyStatus::Done);
        QVERIFY(first->analyzerDestroyed);
        QVERIFY(session.start(request(1), gateEngine(second, &gate)));
        QTRY_COMPARE(second->started, 1);
        Q_EMIT gate.opened();
        QTRY_COMPARE(finished.size(), 2);
        QCOMPARE(first->resumedAfterDestroy + second->resumedAfterDestroy, 0);
    }

    void cancel_abortsTheLlmAnalysis_andLeavesOtherRequestsOnTheClient()
    {
        FakeHttpServer server;
        QVERIFY(server.listen());
        server.route(u"/v1/chat/completions"_s, [](const FakeRequest &) {
            FakeResponse hang;
            hang.action = FakeResponse::Action::Hang;
            return hang;
        });
        server.route(u"/keytest"_s, [](const FakeRequest &) {
            return FakeResponse::json(QByteArrayLiteral("{}")).withDelay(300);
        });
        HttpClient http;
        LlmSettings llm;
        llm.provider = LlmProvider::OpenAiCompatible;
        llm.openAiBaseUrl = server.baseUrl();
        llm.openAiModel = u"local"_s;
        llm.analyzer = AnalyzerChoice::Llm;
        auto engine = std::make_shared<Engine>();
        engine->sources.push_back(std::make_unique<InstantSource>());
        engine->analyzer = createAnalyzer(&http, llm);
        engine->strategyGenerator = std::make_unique<OneStrategy>();
        std::weak_ptr<Engine> watched = engine;

        ResearchSession session;
        QSignalSpy finished(&session, &ResearchSession::finished);
        QVERIFY(session.start(request(2), std::move(engine)));
        QTRY_COMPARE(server.inFlight(), 2); // both analyses wait for the model

        // A Settings "Test key" request on the same client, in flight during the cancel.
        HttpRequest probe;
        probe.url = QUrl(server.baseUrl().toString() + u"/keytest"_s);
        bool probeOk = false;
        bool probeDone = false;
        auto keyTest = [&]() -> QCoro::Task<> {
            const HttpResponse r = co_await http.send(probe);
            probeOk = r.ok();
            probeDone = true;
        };
        keyTest();
        QTRY_COMPARE(server.inFlight(), 3);

        session.cancel();
        // The analyses' requests carry the run's token: they end, the run drains.
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 10000);
        QTRY_COMPARE(server.inFlight(), 1); // only the key test is left
        QVERIFY(watched.expired());
        QTRY_VERIFY(probeDone);
        QVERIFY(probeOk);
    }

    void autosave_sessionFileEndsWithTheFinalState_recoveryFileIsRemoved()
    {
        QTemporaryDir dir;
        Gate gate;
        auto probe = std::make_shared<Probe>();
        for (const auto mode : { ResearchSession::AutosaveMode::SessionFile,
                 ResearchSession::AutosaveMode::Recovery }) {
            const QString path = dir.filePath(u"auto.gtmr"_s);
            ResearchSession session;
            session.setAutosave(path, std::chrono::minutes(1), mode);
            QSignalSpy finished(&session, &ResearchSession::finished);
            QVERIFY(session.start(request(2), gateEngine(probe, &gate)));
            // Saved at once when the plan is ready, not after the minute.
            QTRY_VERIFY(QFile::exists(path));
            Q_EMIT gate.opened();
            QTRY_COMPARE(finished.size(), 1);
            if (mode == ResearchSession::AutosaveMode::Recovery) {
                QVERIFY(!QFile::exists(path)); // ended here, not in a crash
                continue;
            }
            QString error;
            const auto saved = loadSession(path, &error);
            QVERIFY2(saved, qPrintable(error));
            QCOMPARE(saved->results, session.results());
            QCOMPARE(saved->results.at(0).status, CompanyStatus::Done);
            QCOMPARE(saved->finishedQueries.size(), 2);
            QFile::remove(path);
        }
    }

    void threshold_isTheSameNumberForRowsMetricsSnapshotAndCsv()
    {
        RunState state;
        state.request = request(3);
        state.results = { row(u"company0.com"_s, CompanyStatus::Done, 0.9),
            row(u"company1.com"_s, CompanyStatus::Done, 0.6),
            row(u"company2.com"_s, CompanyStatus::Failed, 0.0) };
        ResearchSession session;
        session.load(state);
        QCOMPARE(session.matchCount(), 2);
        QCOMPARE(session.metrics().highConfidenceMatches, 2);

        QSignalSpy changed(&session, &ResearchSession::thresholdChanged);
        session.setThreshold(0.7);
        QCOMPARE(changed.size(), 1);
        QCOMPARE(session.matchCount(), 1);
        QCOMPARE(session.metrics().highConfidenceMatches, 1);
        const RunState snapshot = session.snapshot();
        QCOMPARE(snapshot.request.confidenceThreshold, 0.7);
        QCOMPARE(snapshot.metrics.highConfidenceMatches, 1);

        const QList<QByteArray> lines = exportedCsv(session, true);
        QCOMPARE(lines.size(), 2); // header + company0
        QVERIFY(lines.at(1).startsWith("company0.com,"));
    }

    void failedAndCancelledRows_neverMatch_evenAtThresholdZero()
    {
        RunState state;
        state.request = request(3);
        state.request.confidenceThreshold = 0.0;
        state.results = { row(u"company0.com"_s, CompanyStatus::Done, 0.0),
            row(u"company1.com"_s, CompanyStatus::Failed, 0.0),
            row(u"company2.com"_s, CompanyStatus::Cancelled, 0.0) };
        ResearchSession session;
        session.load(state);
        QCOMPARE(session.matchCount(), 1);
        QCOMPARE(session.metrics().highConfidenceMatches, 1);
        const QList<QByteArray> lines = exportedCsv(session, false);
        QCOMPARE(lines.size(), 4);
        QVERIFY2(lines.at(1).startsWith("company0.com,0.000,true"), lines.at(1).constData());
        QVERIFY2(lines.at(2).startsWith("company1.com,0.000,false"), lines.at(2).constData());
        QVERIFY2(lines.at(3).startsWith("company2.com,0.000,false"), lines.at(3).constData());
    }

    void resume_runsCancelledRowsAgain_andKeepsFinishedOnes()
    {
        RunState state;
        state.request = request(3);
        state.strategies = { QueryStrategy { channel::GoogleSearch, u"{DOMAIN} fraud"_s, 1.0 } };
        state.results = { row(u"company0.com"_s, CompanyStatus::Done, 0.9),
            row(u"company1.com"_s, CompanyStatus::Cancelled, 0.0),
            row(u"company2.com"_s, CompanyStatus::NoEvidence, 0.0) };
        state.finishedQueries = { RunState::queryKey(u"company0.com"_s, 0),
            RunState::queryKey(u"company2.com"_s, 0) };
        ResearchSession session;
        session.load(state);
        QVERIFY(session.canResume());
        Gate gate;
        auto probe = std::make_shared<Probe>();
        QSignalSpy finished(&session, &ResearchSession::finished);
        QVERIFY(session.resume(gateEngine(probe, &gate)));
        QTRY_COMPARE(probe->started, 1);
        Q_EMIT gate.opened();
        QTRY_COMPARE(finished.size(), 1);
        QCOMPARE(session.results().at(0).confidence, 0.9);
        QCOMPARE(session.results().at(1).status, CompanyStatus::Done);
        QCOMPARE(session.results().at(2).status, CompanyStatus::NoEvidence);
        QVERIFY(!session.canResume());
    }

    void editedGoalModel_travelsInTheRequest_toEveryAnalysisAndResume()
    {
        auto seen = std::make_shared<QList<std::optional<GoalModel>>>();
        auto engine = std::make_shared<Engine>();
        engine->sources.push_back(std::make_unique<InstantSource>());
        engine->analyzer = std::make_unique<RecordingAnalyzer>(seen);
        engine->strategyGenerator = std::make_unique<OneStrategy>();
        GoalModel edited;
        edited.text = u"fraud detection"_s;
        GoalFacet facet;
        facet.kind = FacetKind::Industry;
        facet.value = u"fintech"_s;
        edited.facets << facet;

        ResearchSession session;
        QSignalSpy finished(&session, &ResearchSession::finished);
        ResearchRequest asked = request(2);
        asked.goalFacets = edited.toJson();
        QVERIFY(session.start(asked, engine));
        QTRY_COMPARE(finished.size(), 1);
        QCOMPARE(*seen, (QList<std::optional<GoalModel>> { edited, edited }));
        QCOMPARE(session.goalModel(), std::optional(edited));

        // What a session file holds: opened again, its resumed rows are judged the same way.
        RunState again = session.snapshot();
        again.finishedQueries.clear();
        again.results[1].status = CompanyStatus::Cancelled;
        ResearchSession reopened;
        QSignalSpy reopenedFinished(&reopened, &ResearchSession::finished);
        reopened.load(again);
        seen->clear();
        QVERIFY(reopened.resume(engine));
        QTRY_COMPARE(reopenedFinished.size(), 1);
        QCOMPARE(*seen, (QList<std::optional<GoalModel>> { edited }));

        // Cleared before a resume: the goal's text decides again.
        again.results[1].status = CompanyStatus::Cancelled;
        reopened.load(again);
        reopened.setGoalModel(std::nullopt);
        QVERIFY(reopened.snapshot().request.goalFacets.isEmpty());
        seen->clear();
        QVERIFY(reopened.resume(engine));
        QTRY_COMPARE(reopenedFinished.size(), 2);
        QCOMPARE(*seen, (QList<std::optional<GoalModel>> { std::nullopt }));
    }

    // The GUI's path: the engine comes from the saved settings and serves run after run. Each
    // run gets the whole budget saved in Settings and no more: 3 quick searches of 6 reach
    // Tavily, the rows of the companies left out say "budget spent", and the engine itself is
    // left unbudgeted for the next run.
    void budget_eachRunSendsNoMoreThanTheSavedBudget()
    {
        FakeHttpServer server;
        QVERIFY(server.listen());
        server.route(u"/search"_s, tavilyAnswer);
        QTemporaryDir dir;
        AppSettings settings(dir.filePath(u"settings.ini"_s));
        settings.setBaseUrl(u"tavily"_s, server.baseUrl());
        settings.setBudgetSpec(u"tavily=3"_s);
        qunsetenv("TAVILY_API_KEY");
        qunsetenv("GTM_TAVILY_URL");
        HttpClient http;
        const auto engine = buildEngine(&http, settings, { { u"tavily"_s, u"tvly-test"_s } });
        ResearchSession session;
        session.setBudgets(savedBudgets(settings));
        ResearchRequest r = request(3);
        r.depth = Depth::Quick; // one credit a search
        r.maxParallelSearches = 1;
        r.allQueries = true; // the budget, not the free-first verdict, leaves queries out
        const QList<QueryStrategy> strategies { { channel::GoogleSearch, u"{DOMAIN} fraud"_s, 0.9 },
            { channel::GoogleSearch, u"{DOMAIN} machine learning"_s, 0.8 } };

        for (int run = 1; run <= 2; ++run) {
            server.resetStats();
            QSignalSpy finished(&session, &ResearchSession::finished);
            QVERIFY(session.start(r, engine, strategies));
            QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 20000);
            QCOMPARE(server.requestCount(u"/search"_s), 3);
            const BudgetLedger *ledger = session.budgetLedger();
            QVERIFY(ledger);
            QCOMPARE(ledger->leftOut(u"tavily"_s), 3);
            QCOMPARE(ledger->readableSummary(),
                QStringList { u"Tavily: 3 of 3 credits spent, 3 queries left out"_s });
            // A company says so exactly when one of its two searches was not sent.
            QHash<QString, int> sent;
            for (const FakeRequest &request : server.requests(u"/search"_s))
                sent[QJsonDocument::fromJson(request.body)
                         .object()
                         .value(u"query"_s)
                         .toString()
                         .section(u' ', 0, 0)]
                    += 1;
            for (const CompanyResult &row : session.results()) {
                QVERIFY2(isFinal(row.status), qPrintable(row.domain));
                QCOMPARE(row.errors.value(u"Tavily"_s).contains(u"budget spent"_s),
                    sent.value(row.domain) < 2);
            }
            QCOMPARE(session.snapshot().results, session.results());
        }
        for (const auto &source : engine->sources)
            QVERIFY(!dynamic_cast<BudgetedSource *>(source.get()));

        // No budget saved: every query runs.
        session.setBudgets({});
        QSignalSpy finished(&session, &ResearchSession::finished);
        server.resetStats();
        QVERIFY(session.start(r, engine, strategies));
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 20000);
        QCOMPARE(server.requestCount(u"/search"_s), 6);
        QVERIFY(!session.budgetLedger());
    }

    void rateLimits_environmentOverridesTheSavedRates()
    {
        QTemporaryDir dir;
        AppSettings settings(dir.filePath(u"settings.ini"_s));
        ProviderLimits limits = settings.limits(u"newsapi"_s);
        limits.ratePerMinute = 30;
        settings.setLimits(u"newsapi"_s, limits);
        HttpClient http;

        qunsetenv("GTM_RATE_LIMITS");
        configureRateLimits(&http, settings);
        QCOMPARE(http.providerPolicy(u"tavily"_s).ratePerMinute, 500.0);
        QCOMPARE(http.providerPolicy(u"newsapi"_s).ratePerMinute, 30.0);

        qputenv("GTM_RATE_LIMITS", "tavily=100");
        configureRateLimits(&http, settings);
        QCOMPARE(http.providerPolicy(u"tavily"_s).ratePerMinute, 100.0);
        QCOMPARE(http.providerPolicy(u"newsapi"_s).ratePerMinute, 30.0);

        qputenv("GTM_RATE_LIMITS", "off");
        configureRateLimits(&http, settings);
        QCOMPARE(http.providerPolicy(u"tavily"_s).ratePerMinute, 0.0);
        QCOMPARE(http.providerPolicy(u"newsapi"_s).ratePerMinute, 0.0);
        QCOMPARE(http.providerPolicy(u"gemini"_s).ratePerMinute, 0.0);
        qunsetenv("GTM_RATE_LIMITS");
    }
};

QTEST_GUILESS_MAIN(TestResearchSession)
#include "tst_researchsession.moc"
