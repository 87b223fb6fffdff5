#pragma once

#include "Budget.h"
#include "model/QueryStrategy.h"
#include "model/ResearchRequest.h"

#include <QHash>
#include <QList>
#include <QMap>

namespace gtm {

// What a run is about to cost, computed from the request alone: nothing is sent.
struct EstimateInput
{
    ResearchRequest request;
    // The strategies the run will use: a strategies file, or the built-in templates' plan
    // (an LLM may plan differently; the count per depth is the same).
    QList<QueryStrategy> strategies;
    bool strategiesFromLlm = false; // one LLM request writes them before the run
    QString llmProvider; // "gemini", "openai" or empty: who plans and analyses
    bool llmAnalysis = false; // one LLM request per company
    QStringList providersWithKey; // "tavily", "newsapi", "gemini", "openai"
    QHash<QString, double> ratePerMinute; // provider -> requests per minute; 0 or absent: none
    QHash<QString, int> channelConcurrency; // channel -> parallel queries; absent: maxParallel
    // A typical answer time; the duration is the slower of the rate limit and the pool.
    double secondsPerRequest = 1.0;
    Budgets budgets; // the run's caps: what they will leave out
};

struct ProviderCost
{
    QString provider; // "tavily"
    QString label; // "Tavily"
    QString channel; // empty for LLMs
    int queries = 0; // strategy queries it is asked (LLMs: calls)
    int requests = 0; // requests on the wire (free sources: at most)
    double units = 0; // what the provider bills, in unit
    QString unit; // "credits", "requests", "tokens"; empty for free services
    bool paid = false;
    bool noKey = false; // would be skipped: "no API key"
    double seconds = 0; // its part of the run alone, from its rate limit and pool
    double budget = -1; // the run's cap in unit; -1: none
    // What the cap leaves out: queries (LLMs: analyses handed to the offline analyzer).
    int overBudget = 0;
};

struct CostEstimate
{
    int companies = 0;
    int strategies = 0;
    QMap<QString, int> queriesPerChannel;
    QList<ProviderCost> providers; // in the order of the channels, then LLMs
    double seconds = 0; // expected duration: the slowest channel (they run side by side)
    // Paid queries go out only while the free sources leave a company undecided
    // (ResearchRequest::allQueries off): their counts are what a run bills at most.
    bool freeFirst = false;

    // The lines the CLI prints and the GUI shows, one per provider plus a total, and under a
    // provider its budgetWarning() when its cap leaves queries out.
    QStringList lines() const;
    QStringList budgetWarnings() const;
    // The same in two lines, for the window's run panel: the queries, then what the paid
    // providers bill and the duration ("Tavily: 16 credits · NewsAPI: 16 requests · about 3 s").
    QStringList shortLines() const;
    const ProviderCost *provider(const QString &id) const;

private:
    QString billed(const ProviderCost &p) const;
};

// "Tavily: budget 100 credits — about 40 queries will be skipped"; empty when the provider's
// budget covers its part of the run.
QString budgetWarning(const ProviderCost &cost);

// Tavily credits per search at this depth (basic 1, advanced 2), as TavilySource asks.
int tavilyCreditsPerSearch(Depth depth);

CostEstimate estimateCost(const EstimateInput &input);

struct LlmSettings;
struct SourceSettings;
// The input for a request as the engine would run it: the given strategies, or the built-in
// templates' plan; keys and the LLM from the settings (environment applied by the caller).
EstimateInput estimateInputFor(const ResearchRequest &request,
    const QList<QueryStrategy> &strategies, const SourceSettings &sources, const LlmSettings &llm,
    const QHash<QString, double> &ratePerMinute, const QHash<QString, int> &channelConcurrency);

} // namespace gtm
