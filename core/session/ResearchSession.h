#pragma once

#include "goal/GoalModel.h"
#include "model/RunState.h"
#include "strategy/StrategyGenerator.h"

#include <QObject>
#include <QPointer>
#include <chrono>
#include <memory>
#include <optional>

namespace gtm {

class BudgetLedger;
struct Budgets;
struct Engine;
class ResearchPipeline;
class SessionAutosaver;

// One research run and everything it owns, shared by the GUI and the CLI: the request, the
// engine the run uses, the pipeline, the autosave, the results, the session file and whether
// it changed, the match threshold, and the rules to resume and to cancel.
//
// The results live here and only here: the table, the status bar, the metrics, the exports
// and the session file all read state(), snapshot() and metrics(), so a threshold change or a
// cancel cannot leave them disagreeing.
//
// Lifetime (docs/architecture.md): the run holds its engine until the pipeline reports that
// every coroutine it started has returned; finished() comes only then. Destroying the
// session mid-run cancels the run; the coroutines still in flight keep the engine alive
// until they return, and nothing of theirs reaches the session any more.
class ResearchSession : public QObject
{
    Q_OBJECT
public:
    explicit ResearchSession(QObject *parent = nullptr);
    ~ResearchSession() override;

    // Where the run's state is kept while it goes on; empty path: not kept. A recovery file
    // (the GUI's autosave) is removed when the run ends or is abandoned; a session file (the
    // CLI's --session) ends with the final state.
    enum class AutosaveMode { Recovery, SessionFile };
    void setAutosave(const QString &path, std::chrono::milliseconds interval, AutosaveMode mode);
    QString autosavePath() const;

    // --- The results ---------------------------------------------------------------------
    const RunState &state() const { return m_state; }
    const QList<CompanyResult> &results() const { return m_state.results; }
    // The state as files get it: during a run the pipeline's live state (finished queries
    // included), with metrics counted from the rows under the current threshold.
    RunState snapshot() const;
    // The run's metrics, with matches and the average confidence counted from the rows.
    RunMetrics metrics() const;
    double threshold() const { return m_state.request.confidenceThreshold; }
    void setThreshold(double threshold);
    int finishedCount() const;
    int matchCount() const;
    int cancelledCount() const;
    QString researchId() const { return m_researchId; }

    // --- The file ------------------------------------------------------------------------
    // An opened session, or a restored autosave (no path). The rows line up with the
    // request's domains.
    void load(RunState state, const QString &path = {});
    // A state edited for a partial re-run (failed queries, chosen companies): the file and
    // the research id stay, the session counts as changed; resume() runs what it reopened.
    void replaceState(RunState state);
    bool saveTo(const QString &path, QString *error);
    QString filePath() const { return m_filePath; }
    void setFilePath(const QString &path) { m_filePath = path; }
    bool isDirty() const { return m_dirty; }
    void setDirty(bool dirty);

    // --- The run -------------------------------------------------------------------------
    bool isRunning() const;
    bool isCancelling() const { return isRunning() && m_cancelRequested; }
    bool wasCancelled() const { return m_cancelRequested; }
    // The resume rule: there is a request, and some row has not ended on its own.
    bool canResume() const;
    // The goal's facets as the user edited them, kept in the request (and so in the session
    // file) for the runs that follow; nullopt: the analyzer parses the goal's text.
    void setGoalModel(const std::optional<GoalModel> &model);
    std::optional<GoalModel> goalModel() const;
    // The caps per paid provider for each run that follows (spend/Budget.h); every run, a
    // resume or a retry included, starts with the whole budget. Empty: no caps.
    void setBudgets(const Budgets &budgets);
    // What the running or the last run spent and left out; null when it had no budget.
    const BudgetLedger *budgetLedger() const { return m_ledger.get(); }
    // Strategies empty: the engine's generator writes them.
    bool start(ResearchRequest request, std::shared_ptr<Engine> engine,
        QList<QueryStrategy> strategies = {});
    // Runs what the current state has not finished: cancelled rows again, finished queries
    // not. Strategies, when given, replace the saved ones.
    bool resume(std::shared_ptr<Engine> engine, QList<QueryStrategy> strategies = {});
    // Finished rows stay; the rest are marked cancelled by the pipeline; finished() follows
    // once the work in flight has drained.
    void cancel();
    // The user closed the window: the run stops and leaves no recovery file behind.
    void abandon();

Q_SIGNALS:
    void resultsReset(); // load, start, resume: every row may have changed
    void rowChanged(int row, const gtm::CompanyResult &result);
    void rowFinished(int row, const gtm::CompanyResult &result);
    void thresholdChanged(double threshold);
    void dirtyChanged(bool dirty);
    void runningChanged(bool running);

    void strategiesReady(const gtm::StrategyPlan &plan);
    void runStarted(int domains, int strategies, int totalQueries);
    void evidenceProgress(int percent, int completedQueries, int totalQueries);
    void queryFinished(int completedQueries, int totalQueries);
    void evidenceComplete(int totalEvidence);
    void analysisStarted(int domains);
    void logMessage(const QString &message);
    void autosaveFailed(const QString &error);
    // After every coroutine of the run has returned.
    void finished(const gtm::RunMetrics &metrics);

private:
    bool launch(std::shared_ptr<Engine> engine, bool resuming);
    void connectPipeline();
    void onPipelineFinished();
    void resetRows();
    void noteBudgetSpent();

    RunState m_state;
    QString m_researchId;
    QString m_filePath;
    bool m_dirty = false;
    bool m_cancelRequested = false;
    std::shared_ptr<Engine> m_engine; // the running one; released when the run has drained
    std::unique_ptr<Budgets> m_budgets;
    std::shared_ptr<BudgetLedger> m_ledger;
    QStringList m_spentProviders; // already said in the log this run
    std::optional<RunMetrics> m_resumeBase; // what the run did before it was interrupted
    QPointer<ResearchPipeline> m_pipeline;
    SessionAutosaver *m_autosaver = nullptr;
    AutosaveMode m_autosaveMode = AutosaveMode::Recovery;
};

// Matches and the average confidence counted from the rows, under the given threshold.
void countResults(RunMetrics *metrics, const QList<CompanyResult> &results, double threshold);

} // namespace gtm
