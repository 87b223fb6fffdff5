#pragma once

#include "goal/GoalModel.h"
#include "model/RunState.h"
#include "strategy/StrategyGenerator.h"

#include <QHash>
#include <QObject>
#include <chrono>
#include <memory>
#include <optional>

namespace gtm {

class Analyzer;
class Source;

struct PipelineServices
{
    QList<Source *> sources; // not owned; one or more per channel
    Analyzer *analyzer = nullptr; // not owned
    StrategyGenerator *strategyGenerator = nullptr; // not owned; unused when strategies are given
    // Not owned. The offline analyzer, free of charge, whose verdict on the evidence so far
    // decides whether a company's paid queries are still worth sending (FreeFirst.h); null,
    // or a request with allQueries: every query is sent.
    Analyzer *offlineJudge = nullptr;
    // The owner of the sources, analyzer and generator (an Engine). Every coroutine of a run
    // holds a copy, so the clients it awaits outlive it even when the pipeline, or the window
    // that built the clients, is gone first. Null: the caller guarantees their lifetime.
    std::shared_ptr<const void> keepAlive;
    // Per-source circuit breakers: open after this many consecutive failed queries, probe
    // again after the reset time.
    int breakerFailureThreshold = 5;
    std::chrono::milliseconds breakerResetTimeout { 30000 };
    // Per-channel pool sizes the user chose (a free plan's limit, a local server's capacity);
    // a channel without an entry, or with 0, gets the request's maxParallelSearches.
    QHash<QString, int> channelConcurrency;
};

// Runs a research request: strategies, the domain x strategy fan-out through per-source
// pools, evidence deduplication, and analysis of each company as soon as its own queries are
// done. Signals mirror the seed's event stream.
//
// Lifetime and cancellation (docs/architecture.md): cancel() raises the run's cancel token,
// which every request, analysis and strategy generation of this run carries, and marks every
// row not final as cancelled at once. finished() comes only when every coroutine the run
// started has returned, so once it is emitted nothing of the run touches the services any
// more; isRunning() stays true until then and a new run cannot start before.
class ResearchPipeline : public QObject
{
    Q_OBJECT
public:
    explicit ResearchPipeline(PipelineServices services, QObject *parent = nullptr);
    ~ResearchPipeline() override;

    // Starts a run. Strategies empty: ask the generator. A resume state runs only the queries
    // not yet in its finishedQueries and keeps its finished companies.
    void start(ResearchRequest request, QList<QueryStrategy> strategies = {});
    void resume(RunState state);
    void cancel();

    bool isRunning() const;
    bool isCancelled() const;
    RunState state() const;
    // Coroutines of this run that have not returned yet (queries, analyses, the strategy
    // generation).
    int inFlight() const;

Q_SIGNALS:
    void pipelineStarted(int domains, int strategies, int totalQueries);
    void strategiesReady(const gtm::StrategyPlan &plan);
    // At 25, 50, 75 and 100 % of the queries, each exactly once.
    void evidenceProgress(int percent, int completedQueries, int totalQueries);
    // After every finished query; for live counters and autosave.
    void queryFinished(
        const QString &domain, int strategyIndex, int completedQueries, int totalQueries);
    void evidenceComplete(int totalEvidence);
    void analysisStarted(int domains);
    // A row changed status (searching, analyzing, ...); row is the index in the request.
    void companyUpdated(int row, const gtm::CompanyResult &result);
    // A row is final (done, no evidence, failed, cancelled).
    void domainAnalyzed(int row, const gtm::CompanyResult &result);
    void logMessage(const QString &message);
    void finished(const gtm::RunMetrics &metrics);

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace gtm
