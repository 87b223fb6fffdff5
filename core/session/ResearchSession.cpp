#include "ResearchSession.h"

#include "Engine.h"
#include "RunBudget.h"
#include "pipeline/ResearchPipeline.h"
#include "spend/Budget.h"
#include "storage/SessionAutosaver.h"
#include "storage/SessionFile.h"

#include <QFile>
#include <QUuid>

namespace gtm {

namespace {

QString newResearchId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

} // namespace

void countResults(RunMetrics *metrics, const QList<CompanyResult> &results, double threshold)
{
    int analyzed = 0;
    double sum = 0.0;
    metrics->totalDomains = int(results.size());
    metrics->highConfidenceMatches = 0;
    metrics->totalEvidence = 0;
    for (const CompanyResult &r : results) {
        metrics->totalEvidence += int(r.evidence.size());
        metrics->highConfidenceMatches += int(r.isMatch(threshold));
        if (r.status == CompanyStatus::Done) {
            ++analyzed;
            sum += r.confidence;
        }
    }
    metrics->averageConfidence = analyzed > 0 ? sum / analyzed : 0.0;
}

ResearchSession::ResearchSession(QObject *parent)
    : QObject(parent)
    , m_budgets(std::make_unique<Budgets>())
{
}

void ResearchSession::setBudgets(const Budgets &budgets)
{
    *m_budgets = budgets;
}

ResearchSession::~ResearchSession()
{
    if (m_autosaver)
        m_autosaver->detach();
    if (m_pipeline) {
        // Nothing of the run reaches this object any more; its coroutines hold the engine.
        m_pipeline->disconnect(this);
        m_pipeline->cancel();
        delete m_pipeline.data();
    }
}

void ResearchSession::setAutosave(
    const QString &path, std::chrono::milliseconds interval, AutosaveMode mode)
{
    delete m_autosaver;
    m_autosaver = nullptr;
    m_autosaveMode = mode;
    if (path.isEmpty())
        return;
    m_autosaver = new SessionAutosaver(path, interval, this);
    connect(m_autosaver, &SessionAutosaver::saveFailed, this, &ResearchSession::autosaveFailed);
}

QString ResearchSession::autosavePath() const
{
    return m_autosaver ? m_autosaver->path() : QString();
}

// --- Results ------------------------------------------------------------------------------

RunState ResearchSession::snapshot() const
{
    RunState s = m_pipeline ? m_pipeline->state() : m_state;
    if (s.request.domains.isEmpty())
        s.request = m_state.request;
    if (s.strategies.isEmpty())
        s.strategies = m_state.strategies;
    s.request.confidenceThreshold = threshold();
    if (s.results.size() != s.request.domains.size())
        s.results = m_state.results;
    if (m_ledger)
        for (CompanyResult &r : s.results)
            m_ledger->markLeftOut(r);
    countResults(&s.metrics, s.results, threshold());
    return s;
}

RunMetrics ResearchSession::metrics() const
{
    RunMetrics m = m_pipeline ? m_pipeline->state().metrics : m_state.metrics;
    countResults(&m, m_state.results, threshold());
    return m;
}

void ResearchSession::setThreshold(double threshold)
{
    threshold = std::clamp(threshold, 0.0, 1.0);
    if (qFuzzyCompare(threshold + 1.0, m_state.request.confidenceThreshold + 1.0))
        return;
    m_state.request.confidenceThreshold = threshold;
    countResults(&m_state.metrics, m_state.results, threshold);
    Q_EMIT thresholdChanged(threshold);
}

int ResearchSession::finishedCount() const
{
    return int(std::count_if(m_state.results.cbegin(), m_state.results.cend(),
        [](const CompanyResult &r) { return isFinal(r.status); }));
}

int ResearchSession::matchCount() const
{
    const double t = threshold();
    return int(std::count_if(m_state.results.cbegin(), m_state.results.cend(),
        [t](const CompanyResult &r) { return r.isMatch(t); }));
}

int ResearchSession::cancelledCount() const
{
    return int(std::count_if(m_state.results.cbegin(), m_state.results.cend(),
        [](const CompanyResult &r) { return r.status == CompanyStatus::Cancelled; }));
}

// --- File ---------------------------------------------------------------------------------

void ResearchSession::load(RunState state, const QString &path)
{
    if (isRunning())
        return;
    m_state = std::move(state);
    resetRows();
    m_ledger.reset(); // what an earlier run spent says nothing about these rows
    m_filePath = path;
    m_researchId = newResearchId();
    m_cancelRequested = false;
    setDirty(false);
    Q_EMIT resultsReset();
}

void ResearchSession::replaceState(RunState state)
{
    if (isRunning())
        return;
    m_state = std::move(state);
    resetRows();
    setDirty(true);
    Q_EMIT resultsReset();
}

bool ResearchSession::saveTo(const QString &path, QString *error)
{
    if (!saveSession(path, snapshot(), error))
        return false;
    m_filePath = path;
    // During a run more results keep coming: the session stays "changed".
    setDirty(isRunning());
    return true;
}

void ResearchSession::setGoalModel(const std::optional<GoalModel> &model)
{
    if (isRunning())
        return;
    m_state.request.goalFacets = model ? model->toJson() : QJsonObject();
}

std::optional<GoalModel> ResearchSession::goalModel() const
{
    if (m_state.request.goalFacets.isEmpty())
        return std::nullopt;
    QString why;
    return GoalModel::fromJson(m_state.request.goalFacets, &why);
}

void ResearchSession::setDirty(bool dirty)
{
    if (dirty == m_dirty)
        return;
    m_dirty = dirty;
    Q_EMIT dirtyChanged(dirty);
}

void ResearchSession::resetRows()
{
    // One row per domain of the request, in its order: a file whose rows do not line up is
    // shown as not yet researched rather than misattributed.
    if (m_state.results.size() == m_state.request.domains.size())
        return;
    m_state.results.clear();
    for (const QString &domain : std::as_const(m_state.request.domains)) {
        CompanyResult r;
        r.domain = domain;
        m_state.results << r;
    }
}

// --- Run ----------------------------------------------------------------------------------

bool ResearchSession::isRunning() const
{
    return !m_pipeline.isNull();
}

bool ResearchSession::canResume() const
{
    return !isRunning() && !m_state.request.domains.isEmpty()
        && std::any_of(m_state.results.cbegin(), m_state.results.cend(),
            [](const CompanyResult &r) { return runsOnResume(r.status); });
}

bool ResearchSession::start(
    ResearchRequest request, std::shared_ptr<Engine> engine, QList<QueryStrategy> strategies)
{
    if (isRunning() || !engine)
        return false;
    m_state = RunState {};
    m_state.request = std::move(request);
    m_state.strategies = std::move(strategies);
    resetRows();
    m_filePath.clear();
    m_researchId = newResearchId();
    return launch(std::move(engine), false);
}

bool ResearchSession::resume(std::shared_ptr<Engine> engine, QList<QueryStrategy> strategies)
{
    if (isRunning() || !engine || m_state.request.domains.isEmpty())
        return false;
    if (!strategies.isEmpty())
        m_state.strategies = std::move(strategies);
    resetRows();
    for (CompanyResult &r : m_state.results)
        if (runsOnResume(r.status))
            r.status = CompanyStatus::Queued;
    if (m_researchId.isEmpty())
        m_researchId = newResearchId();
    return launch(std::move(engine), true);
}

bool ResearchSession::launch(std::shared_ptr<Engine> engine, bool resuming)
{
    m_engine = std::move(engine);
    m_resumeBase.reset();
    if (resuming)
        m_resumeBase = m_state.metrics;
    m_cancelRequested = false;
    PipelineServices services = pipelineServices(m_engine);
    m_ledger.reset();
    m_spentProviders.clear();
    if (!m_budgets->isEmpty()) {
        m_ledger = std::make_shared<BudgetLedger>(*m_budgets);
        services = withBudgets(std::move(services), m_ledger);
    }
    m_pipeline = new ResearchPipeline(std::move(services), this);
    connectPipeline();
    if (m_autosaver) {
        m_autosaver->attach([self = QPointer<ResearchSession>(this)]() -> std::optional<RunState> {
            if (!self)
                return std::nullopt;
            return self->snapshot();
        });
    }
    setDirty(true);
    Q_EMIT resultsReset();
    Q_EMIT runningChanged(true);
    if (resuming)
        m_pipeline->resume(m_state);
    else
        m_pipeline->start(m_state.request, m_state.strategies);
    return true;
}

void ResearchSession::connectPipeline()
{
    ResearchPipeline *p = m_pipeline.data();
    auto checkpoint = [this] {
        if (m_autosaver)
            m_autosaver->checkpoint();
    };
    auto changed = [this] {
        setDirty(true);
        if (m_autosaver)
            m_autosaver->stateChanged();
    };
    connect(p, &ResearchPipeline::pipelineStarted, this,
        [this, checkpoint](int domains, int strategies, int total) {
            Q_EMIT runStarted(domains, strategies, total);
            checkpoint();
        });
    connect(
        p, &ResearchPipeline::strategiesReady, this, [this, checkpoint](const StrategyPlan &plan) {
            m_state.strategies = plan.strategies;
            Q_EMIT strategiesReady(plan);
            checkpoint();
        });
    connect(p, &ResearchPipeline::evidenceProgress, this,
        [this, checkpoint](int percent, int done, int total) {
            Q_EMIT evidenceProgress(percent, done, total);
            checkpoint();
        });
    connect(p, &ResearchPipeline::queryFinished, this,
        [this, changed](const QString &, int, int done, int total) {
            changed();
            noteBudgetSpent();
            Q_EMIT queryFinished(done, total);
        });
    connect(p, &ResearchPipeline::evidenceComplete, this, &ResearchSession::evidenceComplete);
    connect(p, &ResearchPipeline::analysisStarted, this, &ResearchSession::analysisStarted);
    connect(p, &ResearchPipeline::logMessage, this, &ResearchSession::logMessage);
    connect(
        p, &ResearchPipeline::companyUpdated, this, [this](int row, const CompanyResult &result) {
            if (row < 0 || row >= m_state.results.size())
                return;
            m_state.results[row] = result;
            Q_EMIT rowChanged(row, result);
        });
    connect(p, &ResearchPipeline::domainAnalyzed, this,
        [this, changed](int row, const CompanyResult &result) {
            if (row < 0 || row >= m_state.results.size())
                return;
            m_state.results[row] = result;
            if (m_ledger)
                m_ledger->markLeftOut(m_state.results[row]);
            noteBudgetSpent();
            Q_EMIT rowFinished(row, m_state.results.at(row));
            changed();
        });
    connect(p, &ResearchPipeline::finished, this, &ResearchSession::onPipelineFinished);
}

void ResearchSession::noteBudgetSpent()
{
    // Said once per provider, when its first query is left out: the run goes on without it.
    if (!m_ledger)
        return;
    const auto &caps = m_ledger->budgets().caps;
    for (auto it = caps.cbegin(); it != caps.cend(); ++it) {
        if (m_ledger->leftOut(it.key()) == 0 || m_spentProviders.contains(it.key()))
            continue;
        m_spentProviders << it.key();
        const QString unit = billingUnit(it.key());
        Q_EMIT logMessage(
            QStringLiteral("%1 budget spent (%2 %3): %4")
                .arg(it.key(), QString::number(qint64(it.value())), unit,
                    unit == u"tokens" ? QStringLiteral("the offline analyzer takes the rest")
                                      : QStringLiteral("its remaining queries are left out")));
    }
}

void ResearchSession::cancel()
{
    if (!isRunning() || m_cancelRequested)
        return;
    m_cancelRequested = true;
    m_pipeline->cancel();
}

void ResearchSession::abandon()
{
    if (m_autosaver) {
        m_autosaver->detach();
        if (m_autosaveMode == AutosaveMode::Recovery)
            QFile::remove(m_autosaver->path());
    }
    if (!m_pipeline)
        return;
    m_pipeline->disconnect(this);
    m_pipeline->cancel();
    m_pipeline->deleteLater();
    m_pipeline = nullptr;
    m_engine.reset();
    Q_EMIT runningChanged(false);
}

void ResearchSession::onPipelineFinished()
{
    ResearchPipeline *p = m_pipeline.data();
    if (!p)
        return;
    // The pipeline's state is the final word: rows, finished queries, metrics.
    RunState final = p->state();
    final.request.confidenceThreshold = threshold();
    if (final.strategies.isEmpty())
        final.strategies = m_state.strategies;
    m_state = std::move(final);
    if (m_resumeBase) {
        // A resumed run reports what it did itself; the work before the interruption counts.
        const RunMetrics &base = *m_resumeBase;
        RunMetrics &m = m_state.metrics;
        m.failedRequests += base.failedRequests;
        m.retries += base.retries;
        m.cacheHits += base.cacheHits;
        m.llmPromptTokens += base.llmPromptTokens;
        m.llmCompletionTokens += base.llmCompletionTokens;
        m.processingTimeMs += base.processingTimeMs;
        for (auto it = base.perSource.cbegin(); it != base.perSource.cend(); ++it) {
            SourceStats &s = m.perSource[it.key()];
            s.requests += it->requests;
            s.queries += it->queries;
            s.failures += it->failures;
            s.retries += it->retries;
            s.cacheHits += it->cacheHits;
            s.skipped += it->skipped;
        }
        m_resumeBase.reset();
    }
    if (m_ledger)
        for (CompanyResult &r : m_state.results)
            m_ledger->markLeftOut(r);
    countResults(&m_state.metrics, m_state.results, threshold());
    p->disconnect(this);
    p->deleteLater(); // it is emitting
    m_pipeline = nullptr;
    // Every coroutine has returned: nothing uses the engine any more.
    m_engine.reset();
    if (m_autosaver) {
        if (m_autosaveMode == AutosaveMode::SessionFile)
            m_autosaver->checkpoint();
        m_autosaver->detach(); // writes what is pending
        // The run ended here, not in a crash: nothing to restore at the next start.
        if (m_autosaveMode == AutosaveMode::Recovery)
            QFile::remove(m_autosaver->path());
    }
    setDirty(true);
    Q_EMIT runningChanged(false);
    Q_EMIT finished(m_state.metrics);
}

} // namespace gtm
