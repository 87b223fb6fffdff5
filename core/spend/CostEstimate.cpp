#include "CostEstimate.h"

#include "goal/GoalModel.h"
#include "lexicon/TechDictionary.h"
#include "llm/LlmClientFactory.h"
#include "model/Channel.h"
#include "sources/TavilySource.h"
#include "strategy/TemplateStrategyGenerator.h"

#include <QLocale>
#include <algorithm>
#include <cmath>

namespace gtm {

namespace {

// What one company costs the free sources, at most: the website reads robots.txt, the home
// page and up to three of /careers, /jobs, /about once per run; the job boards try Greenhouse,
// Lever and Ashby under up to two slugs once per run.
constexpr int kWebsiteRequestsPerCompany = 5;
constexpr int kJobBoardRequestsPerCompany = 6;
// LLM tokens, upper bounds: an analysis sends at most LlmAnalyzer's 12,000 characters of
// evidence (about 3,000 tokens) plus the prompt and gets a short JSON answer back; a strategy
// plan is a goal in and a dozen queries out.
constexpr double kTokensPerAnalysis = 4000;
constexpr double kTokensPerStrategyPlan = 1500;

struct ChannelProvider
{
    QString channel;
    QString provider;
    QString label;
    QString unit; // empty: free
};

const QList<ChannelProvider> &channelProviders()
{
    static const QList<ChannelProvider> list {
        { channel::GoogleSearch, QStringLiteral("tavily"), QStringLiteral("Tavily"),
            QStringLiteral("credits") },
        { channel::NewsSearch, QStringLiteral("newsapi"), QStringLiteral("NewsAPI"),
            QStringLiteral("requests") },
        { channel::JobsSearch, QStringLiteral("jobs"), QStringLiteral("Job boards"), {} },
        { channel::Website, QStringLiteral("website"), QStringLiteral("Company websites"), {} },
        { channel::HackerNews, QStringLiteral("hackernews"), QStringLiteral("Hacker News"), {} },
    };
    return list;
}

double durationSeconds(int requests, double perMinute, int parallel, double secondsPerRequest)
{
    if (requests <= 0)
        return 0;
    const double byPool = std::ceil(double(requests) / std::max(1, parallel)) * secondsPerRequest;
    const double byRate = perMinute > 0 ? requests * 60.0 / perMinute : 0;
    return std::max(byPool, byRate);
}

QString duration(double seconds)
{
    const qint64 s = qint64(std::ceil(seconds));
    if (s < 60)
        return QStringLiteral("%1 s").arg(s);
    if (s < 3600)
        return QStringLiteral("%1 min %2 s").arg(s / 60).arg(s % 60);
    return QStringLiteral("%1 h %2 min").arg(s / 3600).arg((s % 3600) / 60);
}

QString number(double value)
{
    return QLocale::c().toString(qint64(std::llround(value)));
}

// The cap the run gives the provider and how many of its requests the cap leaves out: a
// search is sent only while its whole price fits (BudgetedSource), an analysis while any
// token is left (BudgetedAnalyzer).
void applyBudget(ProviderCost &cost, const Budgets &budgets, int requests, double perRequest)
{
    const auto cap = budgets.caps.constFind(cost.provider);
    if (cap == budgets.caps.cend() || !cost.paid || cost.noKey || perRequest <= 0)
        return;
    cost.budget = cap.value();
    const double fits = cost.budget / perRequest;
    const int affordable = int(cost.unit == u"tokens" ? std::ceil(fits) : std::floor(fits));
    cost.overBudget = std::max(0, requests - affordable);
}

} // namespace

int tavilyCreditsPerSearch(Depth depth)
{
    return TavilySource::searchDepth(depth) == u"advanced" ? 2 : 1;
}

CostEstimate estimateCost(const EstimateInput &input)
{
    CostEstimate out;
    const ResearchRequest &request = input.request;
    out.companies = int(request.domains.size());
    out.freeFirst = !request.allQueries;
    const int parallel = std::max(1, request.maxParallelSearches);

    for (const QueryStrategy &s : input.strategies) {
        if (!request.sources.contains(s.channel))
            continue;
        ++out.strategies;
        out.queriesPerChannel[s.channel] += out.companies;
    }

    for (const ChannelProvider &cp : channelProviders()) {
        const int queries = out.queriesPerChannel.value(cp.channel);
        if (queries == 0)
            continue;
        ProviderCost cost;
        cost.provider = cp.provider;
        cost.label = cp.label;
        cost.channel = cp.channel;
        cost.queries = queries;
        cost.unit = cp.unit;
        cost.paid = !cp.unit.isEmpty();
        cost.noKey = cost.paid && !input.providersWithKey.contains(cp.provider);
        if (cp.channel == channel::Website)
            cost.requests = out.companies * kWebsiteRequestsPerCompany;
        else if (cp.channel == channel::JobsSearch)
            cost.requests = out.companies * kJobBoardRequestsPerCompany;
        else
            cost.requests = cost.noKey ? 0 : queries;
        if (cp.provider == u"tavily")
            cost.units = double(cost.requests) * tavilyCreditsPerSearch(request.depth);
        else if (cost.paid)
            cost.units = cost.requests;
        const int pool = input.channelConcurrency.value(cp.channel, 0) > 0
            ? input.channelConcurrency.value(cp.channel)
            : parallel;
        cost.seconds = durationSeconds(
            cost.requests, input.ratePerMinute.value(cp.provider), pool, input.secondsPerRequest);
        out.seconds = std::max(out.seconds, cost.seconds);
        if (cost.requests > 0)
            applyBudget(cost, input.budgets, cost.requests, cost.units / cost.requests);
        out.providers << cost;
    }

    if (!input.llmProvider.isEmpty() && (input.strategiesFromLlm || input.llmAnalysis)) {
        ProviderCost cost;
        cost.provider = input.llmProvider;
        cost.label = input.llmProvider == u"gemini" ? QStringLiteral("Gemini")
                                                    : QStringLiteral("OpenAI-compatible");
        const int analyses = input.llmAnalysis ? out.companies : 0;
        cost.queries = analyses + (input.strategiesFromLlm ? 1 : 0);
        cost.requests = cost.queries;
        cost.unit = QStringLiteral("tokens");
        cost.units = analyses * kTokensPerAnalysis
            + (input.strategiesFromLlm ? kTokensPerStrategyPlan : 0);
        cost.paid = true;
        cost.noKey = !input.providersWithKey.contains(input.llmProvider);
        // Analyses overlap the searches; only the part after the slowest source adds time.
        cost.seconds = durationSeconds(cost.requests, input.ratePerMinute.value(cost.provider),
            parallel, input.secondsPerRequest * 2);
        out.seconds = std::max(out.seconds, cost.seconds)
            + (input.strategiesFromLlm ? input.secondsPerRequest * 2 : 0);
        applyBudget(cost, input.budgets, analyses, kTokensPerAnalysis);
        out.providers << cost;
    }
    return out;
}

EstimateInput estimateInputFor(const ResearchRequest &request,
    const QList<QueryStrategy> &strategies, const SourceSettings &sources, const LlmSettings &llm,
    const QHash<QString, double> &ratePerMinute, const QHash<QString, int> &channelConcurrency)
{
    EstimateInput input;
    input.request = request;
    input.ratePerMinute = ratePerMinute;
    input.channelConcurrency = channelConcurrency;
    for (auto it = sources.apiKeys.cbegin(); it != sources.apiKeys.cend(); ++it)
        if (!it.value().isEmpty())
            input.providersWithKey << it.key();
    const LlmProvider provider = configuredLlmProvider(llm);
    if (provider == LlmProvider::Gemini)
        input.llmProvider = QStringLiteral("gemini");
    else if (provider == LlmProvider::OpenAiCompatible)
        input.llmProvider = QStringLiteral("openai");
    if (!input.llmProvider.isEmpty())
        input.providersWithKey << input.llmProvider;
    input.llmAnalysis = !input.llmProvider.isEmpty() && llm.analyzer != AnalyzerChoice::Heuristic;
    input.strategies = strategies;
    if (strategies.isEmpty()) {
        input.strategiesFromLlm = !input.llmProvider.isEmpty();
        const auto dictionary = TechDictionary::loadBuiltIn(); // parsed once per process
        // The run plans for the user's edited facets: so does its estimate.
        QString ignored;
        const auto edited = request.goalFacets.isEmpty()
            ? std::nullopt
            : GoalModel::fromJson(request.goalFacets, &ignored);
        if (dictionary)
            input.strategies = TemplateStrategyGenerator(dictionary)
                                   .plan(request.goal, request.depth, request.sources, edited)
                                   .strategies;
    }
    return input;
}

QString budgetWarning(const ProviderCost &p)
{
    if (p.overBudget <= 0)
        return {};
    const bool one = p.overBudget == 1;
    return QStringLiteral("%1: budget %2 %3 — about %4 %5")
        .arg(p.label, number(p.budget), p.unit, number(p.overBudget),
            p.unit == u"tokens" ? (one ? QStringLiteral("analysis will use the offline analyzer")
                                       : QStringLiteral("analyses will use the offline analyzer"))
                                : (one ? QStringLiteral("query will be skipped")
                                       : QStringLiteral("queries will be skipped")));
}

QStringList CostEstimate::budgetWarnings() const
{
    QStringList out;
    for (const ProviderCost &p : providers)
        if (p.overBudget > 0)
            out << budgetWarning(p);
    return out;
}

// "20 credits", or "at most 20 credits" when the run may bill less: LLM tokens (an answer is
// as long as it turns out) and paid queries under free first.
QString CostEstimate::billed(const ProviderCost &p) const
{
    const QString amount = QStringLiteral("%1 %2").arg(number(p.units), p.unit);
    return p.unit == u"tokens" || freeFirst ? QStringLiteral("at most ") + amount : amount;
}

QStringList CostEstimate::shortLines() const
{
    QStringList billed;
    for (const ProviderCost &p : providers)
        if (p.paid && !p.noKey)
            billed << QStringLiteral("%1: %2").arg(p.label, this->billed(p));
    return { QStringLiteral("%1 companies x %2 strategies: %3 queries")
                 .arg(number(companies), number(strategies))
                 .arg(number(double(companies) * strategies)),
        (billed.isEmpty() ? QStringLiteral("Free sources only")
                          : billed.join(QStringLiteral(" · ")))
            + QStringLiteral(" · about %1").arg(duration(seconds)) };
}

const ProviderCost *CostEstimate::provider(const QString &id) const
{
    for (const ProviderCost &p : providers)
        if (p.provider == id)
            return &p;
    return nullptr;
}

QStringList CostEstimate::lines() const
{
    QStringList out;
    out << QStringLiteral("%1 companies x %2 strategies: %3 queries")
               .arg(number(companies), number(strategies))
               .arg(number(double(companies) * strategies));
    bool paidQueries = false;
    for (const ProviderCost &p : providers) {
        QString line = QStringLiteral("  %1: %2 queries").arg(p.label, number(p.queries));
        if (p.noKey)
            line += QStringLiteral(", skipped (no API key), nothing billed");
        else if (p.paid)
            line += QStringLiteral(", ") + billed(p)
                + (p.unit == u"tokens" ? QStringLiteral(" (%1 requests)").arg(p.requests)
                                       : QString());
        else
            line += QStringLiteral(", free (at most %1 requests)").arg(number(p.requests));
        paidQueries = paidQueries || (p.paid && !p.noKey && !p.channel.isEmpty());
        out << line;
        if (p.overBudget > 0)
            out << QStringLiteral("  ") + budgetWarning(p);
    }
    if (freeFirst && paidQueries)
        out << QStringLiteral("Free first: paid queries go out only while the free sources leave "
                              "a company undecided, so a run usually bills less");
    out << QStringLiteral("Expected duration: about %1 (rate limits and parallel searches)")
               .arg(duration(seconds));
    return out;
}

} // namespace gtm
