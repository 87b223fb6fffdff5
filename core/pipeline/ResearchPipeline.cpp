#include "ResearchPipeline.h"

#include "EvidenceDeduplicator.h"
#include "FreeFirst.h"
#include "analysis/Analyzer.h"
#include "domain/CompanyName.h"
#include "net/CircuitBreaker.h"
#include "net/ConcurrencyPool.h"
#include "net/HttpClient.h"
#include "sources/Source.h"

#include <QElapsedTimer>
#include <QPointer>
#include <QScopedValueRollback>
#include <QTimer>
#include <deque>
#include <optional>

namespace gtm {

namespace {

// Skipped or refused work handled without suspending is done in slices, so that a run of
// 130,000 queries against a source without a key still lets the event loop breathe.
constexpr int kSynchronousSlice = 2000;

const QString kUnroutedName = QStringLiteral("(no source)");

} // namespace

struct ResearchPipeline::Private
{
    // Coroutines hold this by value: after a suspension they check it before touching the
    // pipeline, which may have been destroyed or moved on to another run meanwhile.
    struct Life
    {
        bool alive = true;
        quint64 generation = 0;
        int inFlight = 0; // coroutines started and not returned
        Private *owner = nullptr; // valid while alive
    };

    // Lives in each coroutine's frame: counts it in flight and keeps the services it awaits
    // alive until the frame is gone, whatever happened to the pipeline meanwhile.
    class Flight
    {
    public:
        Flight(std::shared_ptr<Life> life, std::shared_ptr<const void> keepAlive)
            : m_life(std::move(life))
            , m_keepAlive(std::move(keepAlive))
        {
            ++m_life->inFlight;
        }
        Flight(const Flight &) = delete;
        Flight &operator=(const Flight &) = delete;
        ~Flight()
        {
            if (--m_life->inFlight == 0 && m_life->alive)
                m_life->owner->drained();
        }

    private:
        std::shared_ptr<Life> m_life;
        std::shared_ptr<const void> m_keepAlive;
    };

    // One per source, plus one shared by strategies whose channel has no usable source.
    struct Group
    {
        QString name;
        Source *source = nullptr;
        QList<int> strategies; // indexes into state.strategies
        QHash<int, QString> skipReasons; // per strategy: skipped, not failed
        QString skipAll; // every query skipped (no API key)
        // Shared with the queries' slots, which may outlive the run.
        std::shared_ptr<ConcurrencyPool> pool;
        std::unique_ptr<CircuitBreaker> breaker;
        // Queries started and not finished. A source may give its slot back while a query
        // waits on another query's fetch (job boards); this caps those waiters.
        int active = 0;
        int maxActive = 0;
        int nextDomain = 0;
        int nextStrategy = 0; // position in strategies
        bool stopped = false;
        QString stopReason;
        SourceStats stats;
        // Free first: a paid source's queries wait until their company's verdict asks for
        // them, one at a time, and are taken from here instead of the domain-major walk.
        bool gated = false;
        std::deque<std::pair<int, int>> ready; // (domain, strategy)
    };

    struct DomainState
    {
        int pending = 0; // queries not finished yet
        int failures = 0;
        bool started = false;
        bool final = false;
        bool queuedForAnalysis = false;
        EvidenceDeduplicator dedup;
        QMap<QString, QString> skipNotes;
        int freePending = 0; // queries not finished that are not gated
        freefirst::PaidQueue paid; // the gated ones not sent yet
        bool judging = false;
    };

    ResearchPipeline *q = nullptr;
    PipelineServices services;
    std::shared_ptr<Life> life = std::make_shared<Life>();
    RunState state;
    StrategyPlan plan;
    bool running = false;
    bool cancelled = false;
    bool begun = false;
    bool finishing = false; // the run is over; finished() waits for in-flight work
    bool finishScheduled = false;
    CancelToken cancelToken;

    std::vector<Group> groups;
    std::vector<int> groupOfStrategy;
    std::vector<DomainState> domains;
    bool freeFirst = false;
    std::deque<int> analysisQueue;
    int analysisInFlight = 0;
    int analysisCapacity = 1;
    int totalQueries = 0;
    int completedQueries = 0;
    int completedAtStart = 0;
    int milestonesDone = 0; // 25, 50, 75, 100 passed so far
    bool evidenceCompleteSent = false;
    bool analysisStartSent = false;
    bool pumping = false;
    bool repump = false;
    // Set while the pipeline frees a slot it holds itself: a pump follows anyway, so the
    // pool's onFree, there for slots a source gives back mid-query, stays quiet.
    bool ownRelease = false;
    bool pumpScheduled = false;
    QElapsedTimer clock;
    qint64 llmPromptTokens = 0;
    qint64 llmCompletionTokens = 0;
    QString analyzerName;
    std::optional<GoalModel> goalModel; // the request's edited facets, read once per launch

    ~Private() { life->alive = false; }

    // Static: after a suspension the pipeline may be gone; only then is it safe to look at it.
    static bool current(const std::shared_ptr<Life> &l, quint64 generation, const Private *self)
    {
        return l->alive && l->generation == generation && self->running && !self->cancelled;
    }

    void launch(RunState initial);
    QCoro::Task<void> generateStrategies(std::shared_ptr<Life> l, quint64 generation);
    void begin();
    void buildGroups();
    void buildDomains();
    std::optional<std::pair<int, int>> nextQuery(Group &g);
    void schedulePump();
    void pump();
    bool startQuery(int groupIndex, int domain, int strategy);
    QCoro::Task<void> runQuery(
        int groupIndex, int domain, int strategy, std::shared_ptr<Life> l, quint64 generation);
    void queryDone(
        int groupIndex, int domain, int strategy, const SourceOutcome &outcome, bool ranOnSource);
    void countFinished(int domain, int strategy);
    void judge(int domain);
    QCoro::Task<void> runJudge(int domain, std::shared_ptr<Life> l, quint64 generation);
    void notSent(int domain, int strategy);
    void recordFailure(int domain, const QString &sourceName, const QString &reason);
    void domainQueriesDone(int domain);
    QCoro::Task<void> runAnalysis(int domain, std::shared_ptr<Life> l, quint64 generation);
    void finalizeWithoutAnalysis(int domain);
    void checkFinished();
    void finish();
    void drained();
    void emitFinished();
    RunMetrics metrics() const;
};

ResearchPipeline::ResearchPipeline(PipelineServices services, QObject *parent)
    : QObject(parent)
    , d(std::make_unique<Private>())
{
    d->q = this;
    d->life->owner = d.get();
    d->services = std::move(services);
}

ResearchPipeline::~ResearchPipeline()
{
    if (d->running && d->cancelToken)
        d->cancelToken->cancel();
}

void ResearchPipeline::start(ResearchRequest request, QList<QueryStrategy> strategies)
{
    RunState initial;
    initial.request = std::move(request);
    initial.strategies = std::move(strategies);
    d->launch(std::move(initial));
}

void ResearchPipeline::resume(RunState state)
{
    d->launch(std::move(state));
}

void ResearchPipeline::cancel()
{
    if (!d->running || d->cancelled)
        return;
    d->cancelled = true;
    // Only this run's requests, analyses and strategy generation stop: the HTTP client is
    // shared (a Settings key test may be in flight on it).
    if (d->cancelToken)
        d->cancelToken->cancel();
    Q_EMIT logMessage(QStringLiteral("Run cancelled"));
    // Finished rows stay as they are; everything else is marked, with its partial evidence.
    for (int row = 0; row < d->state.results.size(); ++row) {
        CompanyResult &r = d->state.results[row];
        if (isFinal(r.status))
            continue;
        r.status = CompanyStatus::Cancelled;
        if (row < int(d->domains.size()))
            d->domains[row].final = true;
        Q_EMIT domainAnalyzed(row, r);
    }
    d->finish();
}

bool ResearchPipeline::isRunning() const
{
    return d->running;
}

bool ResearchPipeline::isCancelled() const
{
    return d->cancelled;
}

int ResearchPipeline::inFlight() const
{
    return d->life->inFlight;
}

RunState ResearchPipeline::state() const
{
    RunState s = d->state;
    s.metrics = d->metrics();
    return s;
}

// ---------------------------------------------------------------------------------------

void ResearchPipeline::Private::launch(RunState initial)
{
    if (running) {
        Q_EMIT q->logMessage(QStringLiteral("A run is already in progress; cancel it first"));
        return;
    }
    life->generation += 1;
    state = std::move(initial);
    plan = {};
    running = true;
    cancelled = false;
    begun = false;
    finishing = false;
    finishScheduled = false;
    cancelToken = makeCancelToken();
    groups.clear();
    domains.clear();
    analysisQueue.clear();
    analysisInFlight = 0;
    totalQueries = completedQueries = completedAtStart = milestonesDone = 0;
    evidenceCompleteSent = analysisStartSent = false;
    llmPromptTokens = llmCompletionTokens = 0;
    analyzerName = services.analyzer ? services.analyzer->name() : QString();
    // Facets the user edited (GUI editor, CLI --goal-facets, a saved session) judge every
    // company of the run; none: each analyzer reads the goal's text.
    goalModel.reset();
    if (!state.request.goalFacets.isEmpty()) {
        QString why;
        goalModel = GoalModel::fromJson(state.request.goalFacets, &why);
        if (!goalModel)
            Q_EMIT q->logMessage(QStringLiteral("Edited goal facets ignored: %1").arg(why));
    }
    clock.start();
    // Answers a source keeps per company and run (job boards) must not leak into this run.
    for (Source *s : std::as_const(services.sources))
        if (s)
            s->resetRunCache();

    // Rows line up with the request: kept results by domain, new rows queued.
    QHash<QString, CompanyResult> previous;
    for (const auto &r : std::as_const(state.results))
        previous.insert(r.domain, r);
    state.results.clear();
    state.results.reserve(state.request.domains.size());
    for (const QString &domain : std::as_const(state.request.domains)) {
        CompanyResult r = previous.value(domain);
        r.domain = domain;
        // A cancelled company is picked up again, with the evidence it already has.
        if (runsOnResume(r.status))
            r.status = CompanyStatus::Queued;
        state.results << r;
    }

    if (state.strategies.isEmpty() && services.strategyGenerator) {
        generateStrategies(life, life->generation);
        return;
    }
    plan.strategies = state.strategies;
    plan.generator = QStringLiteral("given");
    QTimer::singleShot(0, q, [this, l = life, generation = life->generation] {
        if (l->alive && l->generation == generation && running)
            begin();
    });
}

QCoro::Task<void> ResearchPipeline::Private::generateStrategies(
    std::shared_ptr<Life> l, quint64 generation)
{
    const Flight flight(l, services.keepAlive);
    Q_EMIT q->logMessage(QStringLiteral("Generating query strategies"));
    StrategyPlan generated = co_await services.strategyGenerator->generate(
        state.request.goal, state.request.depth, state.request.sources, goalModel, cancelToken);
    if (!l->alive || l->generation != generation || !running)
        co_return;
    plan = std::move(generated);
    state.strategies = plan.strategies;
    llmPromptTokens += plan.promptTokens;
    llmCompletionTokens += plan.completionTokens;
    if (!plan.notice.isEmpty())
        Q_EMIT q->logMessage(plan.notice);
    Q_EMIT q->strategiesReady(plan);
    if (!cancelled)
        begin();
}

void ResearchPipeline::Private::begin()
{
    begun = true;
    freeFirst = services.offlineJudge && !state.request.allQueries;
    buildGroups();
    buildDomains();
    Q_EMIT q->pipelineStarted(
        int(state.request.domains.size()), int(state.strategies.size()), totalQueries);

    if (state.strategies.isEmpty()) {
        // Nothing to ask: an honest failure on every row, not an empty success.
        for (int row = 0; row < state.results.size(); ++row) {
            CompanyResult &r = state.results[row];
            if (isFinal(r.status))
                continue;
            r.errors.insert(QStringLiteral("pipeline"), QStringLiteral("no query strategies"));
            r.status = CompanyStatus::Failed;
            domains[row].final = true;
            Q_EMIT q->domainAnalyzed(row, r);
        }
    }
    // Milestones already passed before a resume are not announced again.
    while (milestonesDone < 4 && totalQueries > 0
        && qint64(completedQueries) * 4 >= qint64(totalQueries) * (milestonesDone + 1))
        ++milestonesDone;
    if (completedQueries == totalQueries) {
        // Nothing left to ask (a resume of a finished search, or no strategies): say so.
        evidenceCompleteSent = true;
        int evidence = 0;
        for (const auto &row : std::as_const(state.results))
            evidence += int(row.evidence.size());
        Q_EMIT q->evidenceComplete(evidence);
    }
    for (int row = 0; row < int(domains.size()); ++row) {
        if (domains[row].final)
            continue;
        if (domains[row].pending == 0)
            domainQueriesDone(row);
        else if (domains[row].freePending == 0)
            judge(row); // nothing free to ask (left): the paid queries' turn
    }
    pump();
    checkFinished();
}

void ResearchPipeline::Private::buildGroups()
{
    const int parallel = std::max(1, state.request.maxParallelSearches);
    auto sourceFor = [this](const QString &channel) -> Source * {
        for (Source *s : std::as_const(services.sources))
            if (s && s->channel() == channel)
                return s;
        return nullptr;
    };
    Group unrouted;
    unrouted.name = kUnroutedName;
    unrouted.pool = std::make_shared<ConcurrencyPool>(std::max(parallel / 4, 2));
    QHash<Source *, int> bySource;
    for (int i = 0; i < state.strategies.size(); ++i) {
        const QString channel = state.strategies.at(i).channel;
        Source *source = state.request.sources.contains(channel) ? sourceFor(channel) : nullptr;
        if (!source) {
            unrouted.strategies << i;
            unrouted.skipReasons.insert(i,
                state.request.sources.contains(channel)
                    ? QStringLiteral("no source for channel \"%1\"").arg(channel)
                    : QStringLiteral("channel \"%1\" not selected").arg(channel));
            continue;
        }
        auto it = bySource.find(source);
        if (it == bySource.end()) {
            Group g;
            g.source = source;
            g.name = source->name();
            const int chosen = services.channelConcurrency.value(channel, 0);
            g.pool = std::make_shared<ConcurrencyPool>(chosen > 0 ? chosen : parallel);
            // A slot a source hands back mid-query is taken up at once, not at the next
            // query's end.
            g.pool->setOnFree([this, l = life, generation = life->generation] {
                if (l->alive && l->generation == generation && !ownRelease)
                    schedulePump();
            });
            g.breaker = std::make_unique<CircuitBreaker>(
                services.breakerFailureThreshold, services.breakerResetTimeout);
            if (source->requiresKey() && !source->hasKey())
                g.skipAll = QStringLiteral("no API key");
            it = bySource.insert(source, int(groups.size()));
            groups.push_back(std::move(g));
        }
        groups[*it].strategies << i;
    }
    for (const Group &g : groups)
        if (!g.skipAll.isEmpty())
            Q_EMIT q->logMessage(QStringLiteral("%1: skipped, %2").arg(g.name, g.skipAll));
    if (!unrouted.strategies.isEmpty()) {
        for (int i : std::as_const(unrouted.strategies))
            Q_EMIT q->logMessage(QStringLiteral("Strategy %1 skipped: %2")
                                     .arg(i + 1)
                                     .arg(unrouted.skipReasons.value(i)));
        groups.push_back(std::move(unrouted));
    }
    groupOfStrategy.assign(state.strategies.size(), -1);
    for (int gi = 0; gi < int(groups.size()); ++gi) {
        Group &g = groups[gi];
        // A whole company's queries per slot: enough for queries waiting on shared fetches,
        // and still a bound on the coroutines (and answers) a run holds.
        g.maxActive = g.pool->capacity() * std::max(1, int(g.strategies.size()));
        // A paid source without a key skips at once anyway: nothing to save by waiting.
        g.gated = freeFirst && g.source && g.skipAll.isEmpty()
            && freefirst::isPaidChannel(g.source->channel());
        for (int s : std::as_const(g.strategies))
            groupOfStrategy[s] = gi;
    }
}

void ResearchPipeline::Private::buildDomains()
{
    const int strategies = int(state.strategies.size());
    domains = std::vector<DomainState>(state.results.size());
    totalQueries = int(state.results.size()) * strategies;
    QSet<QString> paidChannels;
    for (const Group &g : groups)
        if (g.gated)
            paidChannels.insert(g.source->channel());
    for (int row = 0; row < state.results.size(); ++row) {
        CompanyResult &r = state.results[row];
        DomainState &ds = domains[row];
        for (const Evidence &e : std::as_const(r.evidence))
            ds.dedup.add(e);
        if (isFinal(r.status)) {
            ds.final = true;
            completedQueries += strategies;
            continue;
        }
        QList<freefirst::PaidQueue::Query> paid;
        for (int s = 0; s < strategies; ++s) {
            if (state.finishedQueries.contains(RunState::queryKey(r.domain, s))) {
                ++completedQueries;
                continue;
            }
            ++ds.pending;
            const Group &g = groups[groupOfStrategy[s]];
            if (g.gated)
                paid << freefirst::PaidQueue::Query { s, g.source->channel() };
            else
                ++ds.freePending;
        }
        ds.paid = freefirst::PaidQueue(std::move(paid), paidChannels);
    }
    completedAtStart = completedQueries;
    analysisCapacity = std::max(1, state.request.maxParallelSearches);
}

std::optional<std::pair<int, int>> ResearchPipeline::Private::nextQuery(Group &g)
{
    if (g.gated) {
        while (!g.ready.empty()) {
            const auto next = g.ready.front();
            g.ready.pop_front();
            if (!domains[next.first].final) // cancelled meanwhile
                return next;
        }
        return std::nullopt;
    }
    // Domain-major: a company's queries go out together, so its row is final early.
    while (g.nextDomain < int(domains.size())) {
        if (g.nextStrategy >= g.strategies.size() || domains[g.nextDomain].final) {
            ++g.nextDomain;
            g.nextStrategy = 0;
            continue;
        }
        const int domain = g.nextDomain;
        const int strategy = g.strategies.at(g.nextStrategy++);
        if (state.finishedQueries.contains(
                RunState::queryKey(state.results.at(domain).domain, strategy)))
            continue;
        return std::make_pair(domain, strategy);
    }
    return std::nullopt;
}

void ResearchPipeline::Private::schedulePump()
{
    if (pumpScheduled)
        return;
    pumpScheduled = true;
    QTimer::singleShot(0, q, [this, l = life, generation = life->generation] {
        if (!l->alive || l->generation != generation)
            return;
        pumpScheduled = false;
        pump();
        checkFinished();
    });
}

void ResearchPipeline::Private::pump()
{
    if (!running || cancelled || finishing || !begun)
        return;
    if (pumping) {
        repump = true;
        return;
    }
    pumping = true;
    int budget = kSynchronousSlice;
    do {
        repump = false;
        for (int gi = 0; gi < int(groups.size()) && budget > 0; ++gi) {
            Group &g = groups[gi];
            while (budget > 0 && !cancelled && g.active < g.maxActive && g.pool->tryAcquire()) {
                const auto next = nextQuery(g);
                if (!next) {
                    const QScopedValueRollback quiet(ownRelease, true);
                    g.pool->release();
                    break;
                }
                if (!startQuery(gi, next->first, next->second))
                    --budget;
            }
        }
        while (!cancelled && analysisInFlight < analysisCapacity && !analysisQueue.empty()) {
            const int row = analysisQueue.front();
            analysisQueue.pop_front();
            ++analysisInFlight;
            runAnalysis(row, life, life->generation);
        }
    } while (repump && budget > 0 && !cancelled);
    pumping = false;
    if (budget <= 0)
        schedulePump();
}

// Returns true when a coroutine was started, false when the query ended at once.
bool ResearchPipeline::Private::startQuery(int groupIndex, int domain, int strategy)
{
    Group &g = groups[groupIndex];
    DomainState &ds = domains[domain];
    if (!ds.started) {
        ds.started = true;
        CompanyResult &r = state.results[domain];
        r.status = CompanyStatus::Searching;
        Q_EMIT q->companyUpdated(domain, r);
    }
    SourceOutcome immediate;
    immediate.status = SourceOutcome::Status::Skipped;
    if (!g.source) {
        immediate.reason = g.skipReasons.value(strategy);
    } else if (!g.skipAll.isEmpty()) {
        immediate.reason = g.skipAll;
    } else if (g.stopped) {
        immediate.status = SourceOutcome::Status::Failed;
        immediate.reason = QStringLiteral("not run: %1").arg(g.stopReason);
    } else if (!g.breaker->allowRequest()) {
        immediate.status = SourceOutcome::Status::Failed;
        immediate.reason = CircuitBreaker::refusalReason();
    } else {
        ++g.active;
        runQuery(groupIndex, domain, strategy, life, life->generation);
        return true;
    }
    {
        const QScopedValueRollback quiet(ownRelease, true);
        g.pool->release();
    }
    queryDone(groupIndex, domain, strategy, immediate, false);
    return false;
}

QCoro::Task<void> ResearchPipeline::Private::runQuery(
    int groupIndex, int domain, int strategy, std::shared_ptr<Life> l, quint64 generation)
{
    const Flight flight(l, services.keepAlive);
    Source *source = groups[groupIndex].source;
    // The slot startQuery took; the source may give it back early (Source.h).
    const auto slot = std::make_shared<PoolSlot>(groups[groupIndex].pool);
    SearchContext context;
    context.domain = state.results.at(domain).domain;
    context.companyName = companyNameFromDomain(context.domain);
    context.strategy = state.strategies.at(strategy);
    context.query = context.strategy.buildQuery(context.domain);
    context.goal = state.request.goal;
    context.depth = state.request.depth;
    context.cancel = cancelToken;
    context.slot = slot;
    const SourceOutcome outcome = co_await source->search(std::move(context));
    if (!current(l, generation, this))
        co_return; // the slot is freed with the frame
    {
        const QScopedValueRollback quiet(ownRelease, true);
        slot->release();
    }
    --groups[groupIndex].active;
    queryDone(groupIndex, domain, strategy, outcome, true);
}

void ResearchPipeline::Private::queryDone(
    int groupIndex, int domain, int strategy, const SourceOutcome &outcome, bool ranOnSource)
{
    Group &g = groups[groupIndex];
    DomainState &ds = domains[domain];
    CompanyResult &r = state.results[domain];
    g.stats.queries += 1;
    g.stats.requests += outcome.requests;
    g.stats.retries += outcome.retries;
    g.stats.cacheHits += outcome.cacheHits;

    bool changed = false;
    switch (outcome.status) {
    case SourceOutcome::Status::Ok:
        if (ranOnSource)
            g.breaker->recordSuccess();
        for (Evidence e : outcome.evidence) {
            if (e.sourceName.isEmpty())
                e.sourceName = g.name;
            if (e.channel.isEmpty())
                e.channel = state.strategies.at(strategy).channel;
            if (!ds.dedup.add(e))
                continue;
            if (!r.evidenceSources.contains(e.sourceName))
                r.evidenceSources << e.sourceName;
            r.evidence << std::move(e);
            changed = true;
        }
        if (!outcome.partialFailure.isEmpty()) {
            recordFailure(domain, g.name, outcome.partialFailure);
            changed = true;
        }
        break;
    case SourceOutcome::Status::Failed: {
        const QString reason = outcome.reason.isEmpty() ? QStringLiteral("failed") : outcome.reason;
        if (ranOnSource) {
            if (outcome.companyFault)
                g.breaker->recordSuccess(); // the source works; this company's site does not
            else
                g.breaker->recordFailure();
            g.stats.failures += 1;
        } else {
            g.stats.skipped += 1;
        }
        recordFailure(domain, g.name, reason);
        changed = true;
        break;
    }
    case SourceOutcome::Status::Skipped:
        if (ranOnSource && g.breaker)
            g.breaker->recordAbandoned();
        g.stats.skipped += 1;
        ds.skipNotes.insert(
            g.name, outcome.reason.isEmpty() ? QStringLiteral("skipped") : outcome.reason);
        break;
    }
    if (outcome.stopSource && g.source && !g.stopped) {
        g.stopped = true;
        g.stopReason
            = outcome.reason.isEmpty() ? QStringLiteral("stopped by the provider") : outcome.reason;
        g.stats.stopReason = g.stopReason;
        Q_EMIT q->logMessage(
            QStringLiteral("%1 stopped for this run: %2").arg(g.name, g.stopReason));
    }

    if (changed)
        Q_EMIT q->companyUpdated(domain, r);
    countFinished(domain, strategy);
    if (g.gated)
        ds.paid.answered(g.source->channel());
    else
        --ds.freePending;
    if (--ds.pending == 0)
        domainQueriesDone(domain);
    else if (freeFirst && ds.freePending == 0)
        judge(domain);
    pump();
    checkFinished();
}

void ResearchPipeline::Private::countFinished(int domain, int strategy)
{
    const QString &company = state.results.at(domain).domain;
    state.finishedQueries.insert(RunState::queryKey(company, strategy));
    completedQueries += 1;
    Q_EMIT q->queryFinished(company, strategy, completedQueries, totalQueries);
    while (milestonesDone < 4
        && qint64(completedQueries) * 4 >= qint64(totalQueries) * (milestonesDone + 1)) {
        ++milestonesDone;
        Q_EMIT q->evidenceProgress(milestonesDone * 25, completedQueries, totalQueries);
    }
    if (completedQueries == totalQueries && !evidenceCompleteSent) {
        evidenceCompleteSent = true;
        int evidence = 0;
        for (const auto &row : std::as_const(state.results))
            evidence += int(row.evidence.size());
        Q_EMIT q->evidenceComplete(evidence);
    }
}

void ResearchPipeline::Private::judge(int domain)
{
    DomainState &ds = domains[domain];
    if (ds.final || ds.judging || ds.paid.inFlight() || ds.paid.isEmpty())
        return;
    ds.judging = true;
    runJudge(domain, life, life->generation);
}

QCoro::Task<void> ResearchPipeline::Private::runJudge(
    int domain, std::shared_ptr<Life> l, quint64 generation)
{
    const Flight flight(l, services.keepAlive);
    AnalysisInput input;
    input.goal = state.request.goal;
    input.domain = state.results.at(domain).domain;
    input.companyName = companyNameFromDomain(input.domain);
    input.evidence = state.results.at(domain).evidence;
    input.cancel = cancelToken;
    input.goalModel = goalModel;
    const AnalysisOutcome verdict = co_await services.offlineJudge->analyze(std::move(input));
    if (!current(l, generation, this))
        co_return;
    DomainState &ds = domains[domain];
    ds.judging = false;
    const freefirst::Step step
        = ds.paid.next(verdict.confidence, state.request.confidenceThreshold);
    if (step.kind == freefirst::Step::Kind::Send)
        groups[groupOfStrategy[step.strategy]].ready.emplace_back(domain, step.strategy);
    for (int strategy : step.skipped)
        notSent(domain, strategy);
    pump();
    checkFinished();
}

void ResearchPipeline::Private::notSent(int domain, int strategy)
{
    DomainState &ds = domains[domain];
    CompanyResult &r = state.results[domain];
    r.skipped += 1;
    Q_EMIT q->companyUpdated(domain, r);
    countFinished(domain, strategy);
    if (--ds.pending == 0)
        domainQueriesDone(domain);
}

void ResearchPipeline::Private::recordFailure(
    int domain, const QString &sourceName, const QString &reason)
{
    DomainState &ds = domains[domain];
    CompanyResult &r = state.results[domain];
    ds.failures += 1;
    const QString known = r.errors.value(sourceName);
    if (known.isEmpty())
        r.errors.insert(sourceName, reason);
    else if (!known.contains(reason) && known.size() < 300)
        r.errors.insert(sourceName, known + QStringLiteral("; ") + reason);
}

void ResearchPipeline::Private::domainQueriesDone(int domain)
{
    DomainState &ds = domains[domain];
    // No query of this company is left in flight: the pages and boards kept for it can go.
    for (Source *s : std::as_const(services.sources))
        if (s)
            s->releaseCompany(state.results.at(domain).domain);
    if (ds.final || ds.queuedForAnalysis)
        return;
    ds.dedup.clear(); // no more evidence comes for this company
    if (state.results.at(domain).evidence.isEmpty()) {
        finalizeWithoutAnalysis(domain);
        return;
    }
    ds.queuedForAnalysis = true;
    analysisQueue.push_back(domain);
}

void ResearchPipeline::Private::finalizeWithoutAnalysis(int domain)
{
    DomainState &ds = domains[domain];
    CompanyResult &r = state.results[domain];
    ds.final = true;
    r.confidence = 0.0;
    if (ds.failures > 0 || !r.errors.isEmpty()) {
        // Nothing found because sources failed is a failure, never an empty success.
        r.status = CompanyStatus::Failed;
    } else {
        r.status = CompanyStatus::NoEvidence;
        for (auto it = ds.skipNotes.cbegin(); it != ds.skipNotes.cend(); ++it)
            r.errors.insert(it.key(), it.value());
    }
    if (!analysisStartSent) {
        analysisStartSent = true;
        Q_EMIT q->analysisStarted(int(state.results.size()));
    }
    Q_EMIT q->domainAnalyzed(domain, r);
}

QCoro::Task<void> ResearchPipeline::Private::runAnalysis(
    int domain, std::shared_ptr<Life> l, quint64 generation)
{
    const Flight flight(l, services.keepAlive);
    if (!analysisStartSent) {
        analysisStartSent = true;
        Q_EMIT q->analysisStarted(int(state.results.size()));
    }
    CompanyResult &started = state.results[domain];
    started.status = CompanyStatus::Analyzing;
    Q_EMIT q->companyUpdated(domain, started);

    AnalysisOutcome outcome;
    if (services.analyzer) {
        AnalysisInput input;
        input.goal = state.request.goal;
        input.domain = started.domain;
        input.companyName = companyNameFromDomain(started.domain);
        input.evidence = started.evidence;
        input.cancel = cancelToken;
        input.goalModel = goalModel;
        outcome = co_await services.analyzer->analyze(std::move(input));
        if (!current(l, generation, this))
            co_return;
    }
    --analysisInFlight;
    CompanyResult &r = state.results[domain];
    r.confidence = std::clamp(outcome.confidence, 0.0, 1.0);
    r.technologies = outcome.technologies;
    r.signalsFound = outcome.signalsFound;
    r.analyzer = outcome.analyzer.isEmpty() ? analyzerName : outcome.analyzer;
    for (auto it = outcome.errors.cbegin(); it != outcome.errors.cend(); ++it)
        r.errors.insert(it.key(), it.value());
    if (!outcome.notice.isEmpty())
        Q_EMIT q->logMessage(QStringLiteral("%1: %2").arg(r.domain, outcome.notice));
    if (!outcome.analyzer.isEmpty())
        analyzerName = outcome.analyzer;
    llmPromptTokens += outcome.promptTokens;
    llmCompletionTokens += outcome.completionTokens;
    r.status = CompanyStatus::Done;
    domains[domain].final = true;
    Q_EMIT q->domainAnalyzed(domain, r);
    pump();
    checkFinished();
}

void ResearchPipeline::Private::checkFinished()
{
    if (!running || cancelled || !begun || pumping)
        return;
    if (completedQueries < totalQueries || analysisInFlight > 0 || !analysisQueue.empty())
        return;
    for (const auto &ds : domains)
        if (!ds.final)
            return;
    finish();
}

void ResearchPipeline::Private::finish()
{
    if (!running || finishing)
        return;
    finishing = true;
    if (life->inFlight == 0)
        drained();
}

void ResearchPipeline::Private::drained()
{
    if (!finishing || finishScheduled)
        return;
    // From the event loop, never from inside a coroutine frame that is being destroyed:
    // observers may delete the pipeline or rebuild the clients when they hear it.
    finishScheduled = true;
    QTimer::singleShot(0, q, [this, l = life, generation = life->generation] {
        if (!l->alive || l->generation != generation)
            return;
        finishScheduled = false;
        if (l->inFlight == 0)
            emitFinished();
    });
}

void ResearchPipeline::Private::emitFinished()
{
    // Metrics first (they read the run's state), then the run is over for observers.
    const RunMetrics m = metrics();
    state.metrics = m;
    running = false;
    Q_EMIT q->finished(m);
}

RunMetrics ResearchPipeline::Private::metrics() const
{
    RunMetrics m;
    m.processingTimeMs = clock.isValid() ? clock.elapsed() : 0;
    m.totalDomains = int(state.results.size());
    int analyzed = 0;
    double confidenceSum = 0.0;
    for (const auto &r : state.results) {
        m.totalEvidence += int(r.evidence.size());
        if (r.status != CompanyStatus::Done)
            continue;
        ++analyzed;
        confidenceSum += r.confidence;
        if (r.confidence >= state.request.confidenceThreshold)
            ++m.highConfidenceMatches;
    }
    m.averageConfidence = analyzed > 0 ? confidenceSum / analyzed : 0.0;
    m.strategiesGenerated = int(state.strategies.size());
    m.strategiesDropped = plan.dropped;
    m.totalQueries = totalQueries;
    m.completedQueries = completedQueries;
    for (const auto &r : state.results)
        m.paidQueriesSaved += r.skipped;
    for (const Group &g : groups) {
        if (!g.source)
            continue;
        SourceStats s = g.stats;
        if (g.breaker)
            s.breakerState = g.breaker->stateName();
        m.failedRequests += s.failures;
        m.retries += s.retries;
        m.cacheHits += s.cacheHits;
        m.perSource.insert(g.name, s);
    }
    const double seconds = m.processingTimeMs / 1000.0;
    m.queriesPerSecond = seconds > 0.0 ? (completedQueries - completedAtStart) / seconds : 0.0;
    m.llmPromptTokens = llmPromptTokens;
    m.llmCompletionTokens = llmCompletionTokens;
    m.analyzer = analyzerName;
    m.strategySource = plan.generator;
    return m;
}

} // namespace gtm
