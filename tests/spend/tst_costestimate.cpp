#include "llm/LlmSettings.h"
#include "sources/SourceFactory.h"
#include "spend/CostEstimate.h"

#include <QTest>

using namespace gtm;

namespace {

ResearchRequest request(int companies, Depth depth = Depth::Standard)
{
    ResearchRequest r;
    r.goal = QStringLiteral("fintech companies using AI for fraud detection");
    for (int i = 0; i < companies; ++i)
        r.domains << QStringLiteral("company%1.com").arg(i);
    r.depth = depth;
    return r;
}

QList<QueryStrategy> strategies()
{
    return { { QStringLiteral("google_search"), QStringLiteral("{DOMAIN} fraud AI"), 0.9 },
        { QStringLiteral("google_search"), QStringLiteral("{DOMAIN} machine learning"), 0.8 },
        { QStringLiteral("news_search"), QStringLiteral("\"{COMPANY_NAME}\" fraud"), 0.7 },
        { QStringLiteral("news_search"), QStringLiteral("\"{COMPANY_NAME}\" AI"), 0.6 },
        { QStringLiteral("hackernews"), QStringLiteral("{COMPANY_NAME} fraud"), 0.5 } };
}

// `companies` companies under the five strategies above, with a key for each of `keys`.
EstimateInput inputWithKeys(int companies, const QStringList &keys)
{
    EstimateInput input;
    input.request = request(companies);
    input.strategies = strategies();
    input.providersWithKey = keys;
    return input;
}

const QStringList kBothPaid { QStringLiteral("tavily"), QStringLiteral("newsapi") };

} // namespace

class TestCostEstimate : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // The example: 200 companies, two searches and two news queries each.
    void paidProviders_areCountedInTheirBillingUnit()
    {
        const CostEstimate e = estimateCost(inputWithKeys(200, kBothPaid));

        QCOMPARE(e.companies, 200);
        QCOMPARE(e.strategies, 5);
        QCOMPARE(e.queriesPerChannel.value(QStringLiteral("google_search")), 400);
        QCOMPARE(e.queriesPerChannel.value(QStringLiteral("news_search")), 400);
        QCOMPARE(e.queriesPerChannel.value(QStringLiteral("hackernews")), 200);
        const ProviderCost *tavily = e.provider(QStringLiteral("tavily"));
        QVERIFY(tavily);
        QCOMPARE(tavily->requests, 400);
        QCOMPARE(tavily->unit, QStringLiteral("credits"));
        QCOMPARE(tavily->units, 400.0 * tavilyCreditsPerSearch(Depth::Standard));
        const ProviderCost *news = e.provider(QStringLiteral("newsapi"));
        QVERIFY(news);
        QCOMPARE(news->units, 400.0);
        QCOMPARE(news->unit, QStringLiteral("requests"));
        const ProviderCost *hn = e.provider(QStringLiteral("hackernews"));
        QVERIFY(hn && !hn->paid);
        QCOMPARE(hn->units, 0.0);
        QVERIFY(e.lines().join(u'\n').contains(QStringLiteral("Tavily: 400 queries")));
    }

    // Free first (the default) sends a paid query only while the free sources leave a company
    // undecided: what the estimate counts is the most a run can bill, and it says so. With
    // every query sent, the count is what it bills.
    void freeFirst_paidCountsAreUpperBounds()
    {
        EstimateInput input = inputWithKeys(10, kBothPaid);
        const CostEstimate freeFirst = estimateCost(input);
        const QString lines = freeFirst.lines().join(u'\n');
        QVERIFY2(lines.contains(QStringLiteral("Tavily: 20 queries, at most 20 credits")),
            qPrintable(lines));
        QVERIFY2(lines.contains(QStringLiteral("NewsAPI: 20 queries, at most 20 requests")),
            qPrintable(lines));
        QVERIFY2(lines.contains(QStringLiteral("Free first")), qPrintable(lines));
        QVERIFY2(freeFirst.shortLines().join(u'\n').contains(
                     QStringLiteral("Tavily: at most 20 credits · NewsAPI: at most 20 requests")),
            qPrintable(freeFirst.shortLines().join(u'\n')));

        input.request.allQueries = true;
        const CostEstimate every = estimateCost(input);
        const QString all = every.lines().join(u'\n');
        QVERIFY2(all.contains(QStringLiteral("Tavily: 20 queries, 20 credits")), qPrintable(all));
        QVERIFY2(!all.contains(QStringLiteral("at most 20 credits")), qPrintable(all));
        QVERIFY2(!all.contains(QStringLiteral("Free first")), qPrintable(all));
    }

    void advancedDepth_costsTwoCreditsPerSearch()
    {
        QCOMPARE(tavilyCreditsPerSearch(Depth::Comprehensive), 2);
        QVERIFY(tavilyCreditsPerSearch(Depth::Quick) == 1);
    }

    void providerWithoutKey_billsNothing()
    {
        const CostEstimate e = estimateCost(inputWithKeys(10, { QStringLiteral("tavily") }));
        const ProviderCost *news = e.provider(QStringLiteral("newsapi"));
        QVERIFY(news && news->noKey);
        QCOMPARE(news->units, 0.0);
        QVERIFY(e.lines().join(u'\n').contains(QStringLiteral("NewsAPI: 20 queries, skipped")));
    }

    void disabledChannel_isLeftOut()
    {
        EstimateInput input = inputWithKeys(10, {});
        input.request.sources = { QStringLiteral("hackernews") };
        const CostEstimate e = estimateCost(input);
        QCOMPARE(e.strategies, 1);
        QVERIFY(!e.provider(QStringLiteral("tavily")));
    }

    // 400 searches at 100 a minute take four minutes whatever the parallelism; 400 at no
    // limit through 20 parallel searches take 20 rounds of the answer time.
    void duration_followsTheRateLimitOrThePool()
    {
        EstimateInput input = inputWithKeys(200, { QStringLiteral("tavily") });
        input.request.sources = { QStringLiteral("google_search") };
        input.ratePerMinute.insert(QStringLiteral("tavily"), 100);
        QCOMPARE(estimateCost(input).seconds, 240.0);
        input.ratePerMinute.clear();
        input.secondsPerRequest = 1.5;
        QCOMPARE(estimateCost(input).seconds, 30.0);
        input.channelConcurrency.insert(QStringLiteral("google_search"), 4);
        QCOMPARE(estimateCost(input).seconds, 150.0);
    }

    void llm_analysisAndPlanning_areCountedInTokens()
    {
        SourceSettings sources;
        LlmSettings llm;
        llm.provider = LlmProvider::Gemini;
        llm.geminiApiKey = QStringLiteral("k");
        const EstimateInput input = estimateInputFor(request(50), {}, sources, llm, {}, {});
        QVERIFY(input.strategiesFromLlm);
        QVERIFY(input.llmAnalysis);
        QVERIFY(!input.strategies.isEmpty()); // the templates' plan stands in for the count
        const CostEstimate e = estimateCost(input);
        const ProviderCost *gemini = e.provider(QStringLiteral("gemini"));
        QVERIFY(gemini);
        QCOMPARE(gemini->requests, 51);
        QCOMPARE(gemini->unit, QStringLiteral("tokens"));
        QVERIFY(gemini->units > 50 * 1000);

        llm.analyzer = AnalyzerChoice::Heuristic;
        const CostEstimate planningOnly
            = estimateCost(estimateInputFor(request(50), strategies(), sources, llm, {}, {}));
        QVERIFY(!planningOnly.provider(QStringLiteral("gemini")));
    }
};

QTEST_GUILESS_MAIN(TestCostEstimate)
#include "tst_costestimate.moc"
