#include "RunBudget.h"

#include "analysis/HeuristicAnalyzer.h"
#include "lexicon/TechDictionary.h"
#include "pipeline/ResearchPipeline.h"
#include "spend/Budget.h"
#include "strategy/TemplateStrategyGenerator.h"

#include <vector>

namespace gtm {

namespace {

// What a budgeted run owns on top of its engine.
struct BudgetedClients
{
    std::shared_ptr<const void> engine;
    std::vector<std::unique_ptr<Source>> sources;
    std::unique_ptr<Analyzer> analyzer;
    std::unique_ptr<StrategyGenerator> strategyGenerator;
};

} // namespace

PipelineServices withBudgets(PipelineServices services, const std::shared_ptr<BudgetLedger> &ledger)
{
    auto clients = std::make_shared<BudgetedClients>();
    clients->engine = services.keepAlive;
    const Budgets &budgets = ledger->budgets();
    for (Source *&source : services.sources) {
        const QString provider = source ? paidProviderOf(*source) : QString();
        if (!budgets.caps.contains(provider))
            continue;
        // Aliasing the engine: the wrapper keeps it alive and never deletes the source.
        auto wrapped = std::make_unique<BudgetedSource>(
            std::shared_ptr<Source>(clients->engine, source), provider, ledger);
        source = wrapped.get();
        clients->sources.push_back(std::move(wrapped));
    }
    if (services.analyzer) {
        const QString provider = cappedLlmProvider(services.analyzer->name(), budgets);
        if (!provider.isEmpty()) {
            clients->analyzer = std::make_unique<BudgetedAnalyzer>(
                std::shared_ptr<Analyzer>(clients->engine, services.analyzer),
                std::make_unique<HeuristicAnalyzer>(TechDictionary::loadBuiltIn()), provider,
                ledger);
            services.analyzer = clients->analyzer.get();
        }
    }
    if (services.strategyGenerator) {
        const QString provider = cappedLlmProvider(services.strategyGenerator->llmName(), budgets);
        if (!provider.isEmpty()) {
            clients->strategyGenerator = std::make_unique<BudgetedStrategyGenerator>(
                std::shared_ptr<StrategyGenerator>(clients->engine, services.strategyGenerator),
                std::make_unique<TemplateStrategyGenerator>(TechDictionary::loadBuiltIn()),
                provider, ledger);
            services.strategyGenerator = clients->strategyGenerator.get();
        }
    }
    services.keepAlive = clients;
    return services;
}

} // namespace gtm
