#pragma once

#include "analysis/Analyzer.h"
#include "model/CompanyResult.h"
#include "sources/Source.h"
#include "strategy/StrategyGenerator.h"

#include <QHash>
#include <QMap>
#include <QStringList>
#include <memory>
#include <optional>

namespace gtm {

class AppSettings;

// A run's caps per paid provider, in the unit it bills: Tavily credits, NewsAPI requests,
// Gemini or OpenAI tokens.
struct Budgets
{
    QMap<QString, double> caps; // provider id -> cap; absent: no cap

    bool isEmpty() const { return caps.isEmpty(); }
    // "tavily=100,newsapi=50,gemini=20000"; a whole number >= 0 per known paid provider.
    static std::optional<Budgets> parse(const QString &spec, QString *error);
    QString toString() const;
};

// The budgets saved in Settings; none when nothing (or nothing valid) is saved.
Budgets savedBudgets(const AppSettings &settings);

// The paid providers a budget can name, with their unit: tavily, newsapi, gemini, openai.
QStringList budgetProviders();
QString billingUnit(const QString &provider); // "credits", "requests", "tokens"

// What one run has spent and left out, shared by the budgeted sources and analyzer of the
// run. Used on the pipeline's thread only.
class BudgetLedger
{
public:
    explicit BudgetLedger(Budgets budgets);

    // Takes cost out of the provider's budget before a request; false (and one more query
    // left out) when less than that is left.
    bool reserve(const QString &provider, double cost);
    // Gives a reservation back: nothing was billed (a cache hit, a failure, a skip).
    void refund(const QString &provider, double cost);
    // Bills what a request turned out to cost (LLM tokens), after the fact.
    void charge(const QString &provider, double amount);
    // Whether a provider has anything left (a budget of tokens is checked before each call).
    bool exhausted(const QString &provider) const;
    void noteLeftOut(const QString &provider) { m_leftOut[provider] += 1; }
    // Which source left a query of which company out, so the company's row can say so.
    void noteCompanyLeftOut(const QString &domain, const QString &sourceName);
    // Adds "budget spent" to the row's reasons for every source that left one of its queries
    // out; a row that already says so stays as it is.
    void markLeftOut(CompanyResult &row) const;

    double spent(const QString &provider) const { return m_spent.value(provider); }
    int leftOut(const QString &provider) const { return m_leftOut.value(provider); }
    int leftOutTotal() const;
    const Budgets &budgets() const { return m_budgets; }
    // One line per capped provider: "tavily: 100 of 100 credits spent, 40 queries left out
    // (budget spent)", as the CLI prints it.
    QStringList summary() const;
    // The same for a window: "Tavily: 100 of 100 credits spent, 40 queries left out".
    QStringList readableSummary() const;

private:
    QString line(const QString &provider, const QString &name) const;

    Budgets m_budgets;
    QHash<QString, double> m_spent;
    QHash<QString, int> m_leftOut;
    QHash<QString, QStringList> m_leftOutSources; // domain -> source names
};

// The reason a query or analysis was not run, as rows and summaries show it.
QString budgetSpentReason();

// A paid source under a budget: each query reserves its cost (Tavily: the credits of the
// depth's search; NewsAPI: one request) and is skipped with "budget spent" when none is left;
// a query that sent nothing billable (cache hit, failure) gives it back. The inner source may
// be borrowed (a shared_ptr aliasing its engine), so that a run's budget never changes the
// engine the next run gets.
class BudgetedSource : public Source
{
public:
    BudgetedSource(
        std::shared_ptr<Source> inner, QString provider, std::shared_ptr<BudgetLedger> ledger);

    QString channel() const override { return m_inner->channel(); }
    QString name() const override { return m_inner->name(); }
    bool requiresKey() const override { return m_inner->requiresKey(); }
    bool hasKey() const override { return m_inner->hasKey(); }
    QCoro::Task<SourceOutcome> search(SearchContext context) override;
    void resetRunCache() override { m_inner->resetRunCache(); }
    void releaseCompany(const QString &domain) override { m_inner->releaseCompany(domain); }

private:
    std::shared_ptr<Source> m_inner;
    QString m_provider;
    std::shared_ptr<BudgetLedger> m_ledger;
};

// The LLM analyzer under a token budget: once it is spent, the offline analyzer takes over and
// the log says why.
class BudgetedAnalyzer : public Analyzer
{
public:
    BudgetedAnalyzer(std::shared_ptr<Analyzer> llm, std::unique_ptr<Analyzer> offline,
        QString provider, std::shared_ptr<BudgetLedger> ledger);

    QString name() const override { return m_llm->name(); }
    QCoro::Task<AnalysisOutcome> analyze(AnalysisInput input) override;

private:
    std::shared_ptr<Analyzer> m_llm;
    std::unique_ptr<Analyzer> m_offline;
    QString m_provider;
    std::shared_ptr<BudgetLedger> m_ledger;
};

// The LLM strategy generator under a token budget: the plan's tokens are billed like the
// verdicts' (the plan comes first, so it is the first call a budget pays); a budget already
// spent (a cap of 0) plans with the templates and says why.
class BudgetedStrategyGenerator : public StrategyGenerator
{
public:
    BudgetedStrategyGenerator(std::shared_ptr<StrategyGenerator> llm,
        std::unique_ptr<StrategyGenerator> templates, QString provider,
        std::shared_ptr<BudgetLedger> ledger);

    QString llmName() const override { return m_llm->llmName(); }
    QCoro::Task<StrategyPlan> generate(QString goal, Depth depth, QStringList channels,
        std::optional<GoalModel> edited = std::nullopt, CancelToken cancel = {}) override;

private:
    std::shared_ptr<StrategyGenerator> m_llm;
    std::unique_ptr<StrategyGenerator> m_templates;
    QString m_provider;
    std::shared_ptr<BudgetLedger> m_ledger;
};

// The provider a source bills to: tavily for google_search, newsapi for news_search; empty for
// the free ones.
QString paidProviderOf(const Source &source);

// The provider an LLM client bills to, when a token budget for it is set: `clientName` is the
// client's own ("gemini:gemini-2.5-flash-lite"), which LLM analyzers and strategy generators
// carry; empty otherwise.
QString cappedLlmProvider(const QString &clientName, const Budgets &budgets);

} // namespace gtm
