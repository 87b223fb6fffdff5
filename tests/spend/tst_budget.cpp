#include "FakeHttpServer.h"
#include "TestSource.h"
#include "net/HttpClient.h"
#include "pipeline/ResearchPipeline.h"
#include "session/RunBudget.h"
#include "spend/Budget.h"
#include "spend/CostEstimate.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace gtm;
using namespace gtm::test;

namespace {

FakeResponse answer(const FakeRequest &r)
{
    const QString q = r.query.queryItemValue(QStringLiteral("q"), QUrl::FullyDecoded);
    const QString domain = r.query.queryItemValue(QStringLiteral("domain"));
    const QJsonObject item { { QStringLiteral("url"),
                                 QStringLiteral("https://%1/%2").arg(domain).arg(qHash(q)) },
        { QStringLiteral("title"), q }, { QStringLiteral("content"), q } };
    return FakeResponse::json(
        QJsonDocument(QJsonObject { { QStringLiteral("results"), QJsonArray { item } } })
            .toJson(QJsonDocument::Compact))
        .withDelay(20);
}

// An LLM analyzer that reports the tokens a real one would.
class TokenAnalyzer : public Analyzer
{
public:
    QString name() const override { return QStringLiteral("gemini:test-model"); }
    QCoro::Task<AnalysisOutcome> analyze(AnalysisInput) override
    {
        ++calls;
        AnalysisOutcome o;
        o.confidence = 0.9;
        o.analyzer = QStringLiteral("llm");
        o.promptTokens = 900;
        o.completionTokens = 100;
        co_return o;
    }
    int calls = 0;
};

// An LLM strategy generator that reports the tokens a real one would: one Hacker News query.
class TokenStrategyGenerator : public StrategyGenerator
{
public:
    QString llmName() const override { return QStringLiteral("gemini:test-model"); }
    QCoro::Task<StrategyPlan> generate(
        QString, Depth, QStringList, std::optional<GoalModel>, CancelToken) override
    {
        ++calls;
        StrategyPlan plan;
        plan.generator = QStringLiteral("llm:test-model");
        plan.strategies = { { channel::HackerNews, QStringLiteral("{COMPANY_NAME} ai"), 0.9 } };
        plan.promptTokens = 1500;
        plan.completionTokens = 500;
        co_return plan;
    }
    int calls = 0;
};

// A run whose LLM plans the queries and judges the rows, under a token cap for "gemini".
struct PlannedRun
{
    explicit PlannedRun(double geminiCap)
    {
        Budgets budgets;
        budgets.caps.insert(QStringLiteral("gemini"), geminiCap);
        ledger = std::make_shared<BudgetLedger>(budgets);
    }
    std::shared_ptr<BudgetLedger> ledger;
    TokenStrategyGenerator planner;
    TokenAnalyzer llm;
    StrategyPlan plan; // the plan the run used
};

// Runs three companies through the pipeline of `run`, under its ledger's budgets.
void runPlannedByLlm(PlannedRun &run)
{
    FakeHttpServer server;
    QVERIFY(server.listen());
    server.route(QStringLiteral("/hackernews"), answer);
    HttpClient http;
    TestSource hn(&http, server.baseUrl(), channel::HackerNews, QStringLiteral("Hacker News"),
        QStringLiteral("test"));
    PipelineServices services;
    services.sources = { &hn };
    services.analyzer = &run.llm;
    services.strategyGenerator = &run.planner;
    services = withBudgets(std::move(services), run.ledger);
    ResearchPipeline pipeline(services);
    bool finished = false;
    QObject::connect(&pipeline, &ResearchPipeline::strategiesReady,
        [&run](const StrategyPlan &p) { run.plan = p; });
    QObject::connect(&pipeline, &ResearchPipeline::finished, [&finished] { finished = true; });
    ResearchRequest request;
    request.goal = QStringLiteral("AI startups");
    request.domains = { QStringLiteral("a.com"), QStringLiteral("b.com"), QStringLiteral("c.com") };
    request.maxParallelSearches = 1; // one analysis after the other: the order of billing is fixed
    pipeline.start(request);
    QTRY_VERIFY_WITH_TIMEOUT(finished, 20000);
}

} // namespace

class TestBudget : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parse_acceptsPaidProvidersAndWholeNumbers()
    {
        QString error;
        const auto b = Budgets::parse(QStringLiteral("tavily=100, newsapi=0,Gemini=20000"), &error);
        QVERIFY2(b, qPrintable(error));
        QCOMPARE(b->caps.value(QStringLiteral("tavily")), 100.0);
        QCOMPARE(b->caps.value(QStringLiteral("newsapi")), 0.0);
        QCOMPARE(b->caps.value(QStringLiteral("gemini")), 20000.0);
        QVERIFY(!Budgets::parse(QStringLiteral("hackernews=5"), &error));
        QVERIFY(error.contains(QStringLiteral("hackernews")));
        QVERIFY(!Budgets::parse(QStringLiteral("tavily=-1"), &error));
        QVERIFY(!Budgets::parse(QStringLiteral("tavily=lots"), &error));
    }

    // 6 companies x 2 searches, a budget for 5 of them: exactly 5 reach the provider, the
    // other 7 are skipped as "budget spent", and every company still gets its final row.
    void spentBudget_skipsTheRestAndEveryCompanyKeepsARow()
    {
        FakeHttpServer server;
        QVERIFY(server.listen());
        server.route(QStringLiteral("/google_search"), answer);
        server.route(QStringLiteral("/hackernews"), answer);
        HttpClient http;
        ProviderPolicy once;
        once.maxAttempts = 1;
        http.setProviderPolicy(QStringLiteral("test"), once);
        std::vector<std::unique_ptr<Source>> sources;
        sources.push_back(std::make_unique<TestSource>(&http, server.baseUrl(),
            channel::GoogleSearch, QStringLiteral("Tavily"), QStringLiteral("test")));
        sources.push_back(std::make_unique<TestSource>(&http, server.baseUrl(), channel::HackerNews,
            QStringLiteral("Hacker News"), QStringLiteral("test")));
        const Depth depth = Depth::Standard;
        const int perSearch = tavilyCreditsPerSearch(depth);
        Budgets budgets;
        budgets.caps.insert(QStringLiteral("tavily"), 5.0 * perSearch);
        auto ledger = std::make_shared<BudgetLedger>(budgets);
        CountingAnalyzer analyzer;
        PipelineServices services;
        services.sources = { sources.at(0).get(), sources.at(1).get() };
        services.analyzer = &analyzer;
        services = withBudgets(std::move(services), ledger);
        QVERIFY(dynamic_cast<BudgetedSource *>(services.sources.at(0)));
        QCOMPARE(services.sources.at(1), sources.at(1).get());
        QCOMPARE(services.analyzer, &analyzer); // not an LLM: left alone
        ResearchPipeline pipeline(services);
        bool finished = false;
        connect(&pipeline, &ResearchPipeline::finished, this, [&] { finished = true; });
        ResearchRequest request;
        request.goal = QStringLiteral("AI");
        request.depth = depth;
        request.maxParallelSearches = 20; // the reservation holds under concurrency
        for (int i = 0; i < 6; ++i)
            request.domains << QStringLiteral("company%1.com").arg(i);
        pipeline.start(request,
            { { channel::GoogleSearch, QStringLiteral("{DOMAIN} fraud"), 0.9 },
                { channel::GoogleSearch, QStringLiteral("{DOMAIN} ai"), 0.8 },
                { channel::HackerNews, QStringLiteral("{COMPANY_NAME} ai"), 0.5 } });
        QTRY_VERIFY_WITH_TIMEOUT(finished, 20000);

        QCOMPARE(server.requestCount(QStringLiteral("/google_search")), 5);
        QCOMPARE(server.requestCount(QStringLiteral("/hackernews")), 6);
        QCOMPARE(ledger->spent(QStringLiteral("tavily")), 5.0 * perSearch);
        QCOMPARE(ledger->leftOut(QStringLiteral("tavily")), 7);
        const RunState state = pipeline.state();
        QCOMPARE(state.results.size(), 6);
        for (const CompanyResult &r : state.results)
            QVERIFY2(r.status == CompanyStatus::Done, qPrintable(r.domain));
        const RunMetrics &m = state.metrics;
        QCOMPARE(m.perSource.value(QStringLiteral("Tavily")).skipped, 7);
        QCOMPARE(m.perSource.value(QStringLiteral("Tavily")).failures, 0);
        QVERIFY2(ledger->summary().join(u'\n').contains(
                     QStringLiteral("7 queries left out (budget spent)")),
            qPrintable(ledger->summary().join(u'\n')));
    }

    void cacheHitsAndFailures_areNotBilled()
    {
        FakeHttpServer server;
        QVERIFY(server.listen());
        server.route(QStringLiteral("/google_search"),
            [](const FakeRequest &) { return FakeResponse::json("{}", 500); });
        HttpClient http;
        ProviderPolicy once;
        once.maxAttempts = 1;
        http.setProviderPolicy(QStringLiteral("test"), once);
        Budgets budgets;
        budgets.caps.insert(QStringLiteral("tavily"), 2);
        auto ledger = std::make_shared<BudgetLedger>(budgets);
        BudgetedSource budgeted(
            std::make_unique<TestSource>(&http, server.baseUrl(), channel::GoogleSearch,
                QStringLiteral("Tavily"), QStringLiteral("test")),
            QStringLiteral("tavily"), ledger);
        SearchContext context;
        context.domain = QStringLiteral("acme.com");
        context.query = QStringLiteral("acme.com ai");
        context.depth = Depth::Quick;
        for (int i = 0; i < 3; ++i) {
            const SourceOutcome o = QCoro::waitFor(budgeted.search(context));
            QCOMPARE(o.status, SourceOutcome::Status::Failed);
        }
        QCOMPARE(server.requestCount(), 3);
        QCOMPARE(ledger->spent(QStringLiteral("tavily")), 0.0);
    }

    void tokenBudget_handsTheRestToTheOfflineAnalyzer()
    {
        auto llmOwned = std::make_unique<TokenAnalyzer>();
        auto offlineOwned = std::make_unique<CountingAnalyzer>();
        const TokenAnalyzer &llm = *llmOwned;
        const CountingAnalyzer &offline = *offlineOwned;
        Budgets budgets;
        budgets.caps.insert(QStringLiteral("gemini"), 2500);
        auto ledger = std::make_shared<BudgetLedger>(budgets);
        BudgetedAnalyzer analyzer(
            std::move(llmOwned), std::move(offlineOwned), QStringLiteral("gemini"), ledger);
        for (int i = 0; i < 5; ++i) {
            AnalysisInput input;
            input.domain = QStringLiteral("c%1.com").arg(i);
            const AnalysisOutcome o = QCoro::waitFor(analyzer.analyze(input));
            if (i < 3)
                QCOMPARE(o.analyzer, QStringLiteral("llm"));
            else
                QVERIFY2(o.notice.contains(QStringLiteral("budget spent")), qPrintable(o.notice));
        }
        // 1,000 tokens each: the third call starts under the cap and is the last.
        QCOMPARE(llm.calls, 3);
        QCOMPARE(offline.calls, 2);
        QCOMPARE(ledger->leftOut(QStringLiteral("gemini")), 2);
    }

    // The plan's tokens are billed to the same provider as the verdicts': 2,000 for the plan
    // leave room under 2,500 for one verdict of 1,000, not three.
    void strategyPlanTokens_countAgainstTheTokenBudget()
    {
        PlannedRun run(2500);
        runPlannedByLlm(run);
        QCOMPARE(run.plan.generator, QStringLiteral("llm:test-model"));
        QCOMPARE(run.planner.calls, 1);
        QCOMPARE(run.llm.calls, 1);
        QCOMPARE(run.ledger->spent(QStringLiteral("gemini")), 3000.0);
        QCOMPARE(run.ledger->leftOut(QStringLiteral("gemini")), 2);
    }

    // "gemini=0": the model is not asked at all, the built-in templates plan the run and say why.
    void spentTokenBudget_plansWithTheTemplates()
    {
        PlannedRun run(0);
        runPlannedByLlm(run);
        QCOMPARE(run.planner.calls, 0);
        QCOMPARE(run.plan.generator, QStringLiteral("templates"));
        QVERIFY2(
            run.plan.notice.contains(QStringLiteral("budget spent")), qPrintable(run.plan.notice));
        QVERIFY(!run.plan.strategies.isEmpty());
        QCOMPARE(run.llm.calls, 0);
        QCOMPARE(run.ledger->spent(QStringLiteral("gemini")), 0.0);
    }
};

QTEST_GUILESS_MAIN(TestBudget)
#include "tst_budget.moc"
