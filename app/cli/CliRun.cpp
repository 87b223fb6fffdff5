#include "CliRun.h"

#include "CliGoal.h"
#include "domain/DomainNormalizer.h"
#include "net/HttpClient.h"
#include "pipeline/RetryPlan.h"
#include "session/EngineBuilder.h"
#include "session/ResearchSession.h"
#include "spend/Budget.h"
#include "spend/CostEstimate.h"
#include "storage/BoundedRead.h"
#include "storage/CsvImport.h"
#include "storage/EffectiveSettings.h"
#include "storage/Exporters.h"
#include "storage/ResponseCache.h"
#include "storage/SessionCompare.h"
#include "storage/SessionFile.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTimer>
#include <QUuid>
#include <cstdio>

namespace gtm::cli {

namespace {

std::optional<QByteArray> readBytes(const QString &path, QString *error)
{
    QFile f;
    const bool ok = path == u"-" ? f.open(stdin, QIODevice::ReadOnly)
                                 : (f.setFileName(path), f.open(QIODevice::ReadOnly));
    if (!ok) {
        *error = QStringLiteral("cannot read %1: %2").arg(path, f.errorString());
        return std::nullopt;
    }
    return readBounded(
        f, kMaxDomainListBytes, path == u"-" ? QStringLiteral("standard input") : path, error);
}

std::optional<QString> readText(const QString &path, QString *error)
{
    const auto bytes = readBytes(path, error);
    if (!bytes)
        return std::nullopt;
    return QString::fromUtf8(*bytes);
}

void writeStderr(const QString &line)
{
    const QByteArray bytes = line.toUtf8() + '\n';
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stderr);
}

} // namespace

CliRun::CliRun(CliOptions options, const AppSettings *settings, QMap<QString, QString> savedKeys,
    QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
    , m_settings(settings)
    , m_savedKeys(std::move(savedKeys))
    , m_researchId(QUuid::createUuid().toString(QUuid::WithoutBraces))
{
}

CliRun::~CliRun()
{
    // The session (and the coroutines still holding the engine) go before the client.
    m_session.reset();
}

bool CliRun::start(QString *error, int *exitCode)
{
    *exitCode = 2;
    std::optional<RunState> resumeState;
    ResearchRequest request;
    QList<QueryStrategy> strategies;
    if (!m_options.resumePath.isEmpty()) {
        QString e;
        resumeState = loadSession(m_options.resumePath, &e);
        if (!resumeState) {
            *error = QStringLiteral("cannot resume from %1: %2").arg(m_options.resumePath, e);
            *exitCode = 1;
            return false;
        }
    } else {
        const auto bytes = readBytes(m_options.domainsPath, error);
        if (!bytes)
            return false;
        const QString name
            = m_options.domainsPath == u"-" ? QStringLiteral("stdin") : m_options.domainsPath;
        // The GUI's importer: a CRM export is read by its domain column, the rest kept.
        auto input = readDomainInput(*bytes, name, m_options.domainColumn, error);
        if (!input)
            return false;
        const DomainList &list = input->list;
        if (!input->column.isEmpty())
            progress(QStringLiteral("%1: domains from column \"%2\", %3 other column(s) kept")
                         .arg(name, input->column)
                         .arg(input->crm.columns.size()));
        for (const DomainLine &l : list.rejected)
            writeStderr(QStringLiteral("%1:%2: rejected \"%3\": %4")
                            .arg(name)
                            .arg(l.line)
                            .arg(l.input, l.error));
        if (!list.duplicates.isEmpty())
            writeStderr(
                QStringLiteral("%1 duplicate domain(s) ignored").arg(list.duplicates.size()));
        if (list.domains.isEmpty()) {
            *error = QStringLiteral("no valid domains in %1").arg(m_options.domainsPath);
            return false;
        }
        request.goal = m_options.goal;
        request.domains = list.domains;
        request.depth = m_options.depth;
        request.maxParallelSearches = m_options.maxParallel;
        request.confidenceThreshold = m_options.threshold;
        request.sources = m_options.sources;
        request.allQueries = m_options.allQueries;
        request.crm = std::move(input->crm);
    }
    if (!m_options.strategiesPath.isEmpty()) {
        const auto text = readText(m_options.strategiesPath, error);
        if (!text)
            return false;
        QJsonParseError pe;
        const QJsonDocument doc = QJsonDocument::fromJson(text->toUtf8(), &pe);
        if (!doc.isObject()) {
            *error = QStringLiteral("%1: not a JSON object (%2)")
                         .arg(m_options.strategiesPath, pe.errorString());
            return false;
        }
        QString e;
        const auto parsed = strategiesFromJson(doc.object(), &e);
        if (!parsed) {
            *error = QStringLiteral("%1: %2").arg(m_options.strategiesPath, e);
            return false;
        }
        if (parsed->isEmpty()) {
            *error = QStringLiteral("%1: no strategies").arg(m_options.strategiesPath);
            return false;
        }
        strategies = *parsed;
    }

    if (!m_options.comparePath.isEmpty()) {
        QString e;
        m_compareWith = loadSession(m_options.comparePath, &e);
        if (!m_compareWith) {
            *error = QStringLiteral("cannot compare with %1: %2").arg(m_options.comparePath, e);
            *exitCode = 1;
            return false;
        }
    }
    if (m_options.estimate) {
        printEstimate(request, strategies);
        *exitCode = 0;
        return true;
    }

    m_http = std::make_unique<HttpClient>();
    configureRateLimits(m_http.get(), *m_settings);
    if (!m_options.noCache) {
        // --no-cache leaves the client without a store. A cache that cannot be opened only
        // costs money, not the run.
        m_cache = std::make_unique<ResponseCache>(ResponseCache::defaultPath());
        if (!m_cache->notice().isEmpty())
            writeStderr(m_cache->notice());
        if (m_cache->isOpen())
            m_http->setResponseStore(m_cache.get());
        else
            writeStderr(QStringLiteral("response cache off: %1").arg(m_cache->error()));
    }
    EngineOverrides overrides;
    overrides.llm = m_options.llm;
    overrides.analyzer = m_options.analyzer;
    auto engine = buildEngine(m_http.get(), *m_settings, m_savedKeys, overrides);
    // Edited facets travel in the request, so a --session file keeps them for --resume; a new
    // --goal-facets file replaces what the session had.
    ResearchRequest &asked = resumeState ? resumeState->request : request;
    QString why;
    const auto goalModel = m_options.goalFacetsPath.isEmpty() && !asked.goalFacets.isEmpty()
        ? GoalModel::fromJson(asked.goalFacets, &why)
        : cliGoalModel(m_options.goalFacetsPath, asked.goal, error);
    if (!goalModel) {
        if (error->isEmpty())
            *error = QStringLiteral("goal facets: %1").arg(why);
        return false;
    }
    m_goalModel = *goalModel;
    if (!m_options.goalFacetsPath.isEmpty())
        asked.goalFacets = m_goalModel.toJson();
    progress(m_goalModel.summary());
    const Budgets budgets = runBudgets();
    if (!budgets.isEmpty())
        progress(QStringLiteral("Budget for this run: %1").arg(budgets.toString()));

    m_session = std::make_unique<ResearchSession>();
    m_session->setBudgets(budgets);
    if (!m_options.sessionPath.isEmpty())
        m_session->setAutosave(m_options.sessionPath, std::chrono::seconds(10),
            ResearchSession::AutosaveMode::SessionFile);
    connectSession();

    if (resumeState) {
        progress(QStringLiteral("Resuming %1: %2 domains, %3 of their queries already done")
                     .arg(m_options.resumePath)
                     .arg(resumeState->request.domains.size())
                     .arg(resumeState->finishedQueries.size()));
        if (m_options.retryFailed) {
            QHash<QString, QString> channelOfSource;
            for (const auto &source : engine->sources)
                channelOfSource.insert(source->name(), source->channel());
            const int again = requeueFailedQueries(*resumeState, channelOfSource);
            progress(
                QStringLiteral("Retrying %1 failed queries; the rest stays as it was").arg(again));
        }
        // The rest of the run may be asked to send every query; never the other way round,
        // since leaving --all-queries out is not a request to skip.
        if (m_options.allQueries)
            resumeState->request.allQueries = true;
        m_finishedAtStart = int(resumeState->finishedQueries.size());
        m_session->load(std::move(*resumeState), m_options.resumePath);
        m_session->resume(std::move(engine), std::move(strategies));
    } else {
        m_session->start(std::move(request), std::move(engine), std::move(strategies));
    }
    *exitCode = 0;
    return true;
}

void CliRun::printEstimate(const ResearchRequest &request, const QList<QueryStrategy> &strategies)
{
    // The limits the run would use: the saved ones over the defaults, GTM_RATE_LIMITS on top.
    HttpClient limits;
    configureRateLimits(&limits, *m_settings);
    QHash<QString, double> rates;
    for (const QString &provider : defaultProviderPolicies().keys())
        rates.insert(provider, limits.providerPolicy(provider).ratePerMinute);

    LlmSettings llm = effectiveLlmSettings(*m_settings, m_savedKeys);
    if (m_options.llm)
        llm.provider = *m_options.llm;
    if (m_options.analyzer)
        llm.analyzer = *m_options.analyzer;
    EstimateInput input
        = estimateInputFor(request, strategies, effectiveSourceSettings(*m_settings, m_savedKeys),
            llm, rates, savedChannelConcurrency(*m_settings));
    input.budgets = runBudgets();
    const CostEstimate estimate = estimateCost(input);
    const QByteArray text = estimate.lines().join(u'\n').toUtf8() + '\n';
    std::fwrite(text.constData(), 1, size_t(text.size()), stdout);
    std::fflush(stdout);
    QTimer::singleShot(0, qApp, [] { QCoreApplication::exit(0); });
}

Budgets CliRun::runBudgets() const
{
    return m_options.budgets.value_or(savedBudgets(*m_settings));
}

void CliRun::interrupt()
{
    if (m_interrupted || !m_session || !m_session->isRunning())
        return;
    m_interrupted = true;
    progress(QStringLiteral("Interrupted: cancelling, finished rows are kept"));
    m_session->cancel();
}

void CliRun::connectSession()
{
    ResearchSession *p = m_session.get();
    connect(p, &ResearchSession::logMessage, this, [this](const QString &m) { progress(m); });
    connect(p, &ResearchSession::autosaveFailed, this,
        [](const QString &e) { writeStderr(QStringLiteral("session not saved: %1").arg(e)); });
    connect(p, &ResearchSession::strategiesReady, this, [this](const StrategyPlan &plan) {
        progress(QStringLiteral("%1 strategies from %2%3")
                     .arg(plan.strategies.size())
                     .arg(plan.generator,
                         plan.dropped ? QStringLiteral(" (%1 invalid dropped)").arg(plan.dropped)
                                      : QString()));
    });
    connect(
        p, &ResearchSession::runStarted, this, [this](int domains, int strategies, int queries) {
            progress(QStringLiteral("Researching %1 domains with %2 strategies: %3 queries")
                         .arg(domains)
                         .arg(strategies)
                         .arg(queries));
            emitEvent({ { QStringLiteral("type"), QStringLiteral("pipeline_start") },
                { QStringLiteral("research_id"), m_researchId },
                { QStringLiteral("total_companies"), domains },
                { QStringLiteral("strategies"), strategies },
                { QStringLiteral("total_queries"), queries } });
        });
    connect(p, &ResearchSession::evidenceProgress, this, [this](int percent, int done, int total) {
        progress(QStringLiteral("[%1%] %2/%3 queries").arg(percent, 3).arg(done).arg(total));
        emitEvent({ { QStringLiteral("type"), QStringLiteral("evidence_progress") },
            { QStringLiteral("progress"), percent }, { QStringLiteral("completed"), done },
            { QStringLiteral("total"), total } });
    });
    connect(p, &ResearchSession::evidenceComplete, this, [this](int evidence) {
        progress(QStringLiteral("All queries done: %1 evidence items").arg(evidence));
        emitEvent({ { QStringLiteral("type"), QStringLiteral("evidence_complete") },
            { QStringLiteral("total_evidence"), evidence } });
    });
    connect(p, &ResearchSession::analysisStarted, this, [this](int domains) {
        emitEvent({ { QStringLiteral("type"), QStringLiteral("analysis_start") },
            { QStringLiteral("total_companies"), domains } });
    });
    connect(p, &ResearchSession::rowFinished, this, [this](int row, const CompanyResult &r) {
        if (!m_options.events)
            return;
        QJsonObject errors;
        for (auto it = r.errors.cbegin(); it != r.errors.cend(); ++it)
            errors.insert(it.key(), it.value());
        emitEvent({ { QStringLiteral("type"), QStringLiteral("domain_analyzed") },
            { QStringLiteral("row"), row }, { QStringLiteral("domain"), r.domain },
            { QStringLiteral("status"), statusToString(r.status) },
            { QStringLiteral("confidence_score"), r.confidence },
            { QStringLiteral("evidence_count"), int(r.evidence.size()) },
            { QStringLiteral("technologies"), QJsonArray::fromStringList(r.technologies) },
            { QStringLiteral("signals_found"), QJsonArray::fromStringList(r.signalTexts()) },
            { QStringLiteral("errors"), errors },
            { QStringLiteral("skipped_queries"), r.skipped } });
    });
    connect(p, &ResearchSession::finished, this, &CliRun::onFinished);
}

void CliRun::onFinished(const RunMetrics &m)
{
    const RunState state = m_session->snapshot();
    int failed = 0, cancelled = 0, noEvidence = 0;
    for (const auto &r : state.results) {
        failed += r.status == CompanyStatus::Failed;
        cancelled += r.status == CompanyStatus::Cancelled;
        noEvidence += r.status == CompanyStatus::NoEvidence;
    }
    progress(QStringLiteral(
        "Done in %1 s: %2 domains, %3 matches (>= %4), average confidence %5, %6 evidence, "
        "%7 no evidence, %8 failed, %9 cancelled")
                 .arg(m.processingTimeMs / 1000.0, 0, 'f', 2)
                 .arg(m.totalDomains)
                 .arg(m.highConfidenceMatches)
                 .arg(state.request.confidenceThreshold)
                 .arg(m.averageConfidence, 0, 'f', 2)
                 .arg(m.totalEvidence)
                 .arg(noEvidence)
                 .arg(failed)
                 .arg(cancelled));
    progress(QStringLiteral("%1 queries at %2/s, %3 failed, %4 retries, %5 cache hits")
                 .arg(m.completedQueries)
                 .arg(m.queriesPerSecond, 0, 'f', 1)
                 .arg(m.failedRequests)
                 .arg(m.retries)
                 .arg(m.cacheHits));
    if (m.paidQueriesSaved > 0)
        progress(QStringLiteral("Free first: %1 paid queries not sent (%2); --all-queries sends "
                                "every query")
                     .arg(m.paidQueriesSaved)
                     .arg(CompanyResult::SkippedReason));
    int ran = 0;
    for (auto it = m.perSource.cbegin(); it != m.perSource.cend(); ++it) {
        const SourceStats &s = it.value();
        ran += s.queries - s.skipped;
        progress(
            QStringLiteral("  %1: %2 queries, %3 requests, %4 failed, %5 skipped, breaker %6%7")
                .arg(it.key())
                .arg(s.queries)
                .arg(s.requests)
                .arg(s.failures)
                .arg(s.skipped)
                .arg(s.breakerState,
                    s.stopReason.isEmpty() ? QString()
                                           : QStringLiteral(", stopped: ") + s.stopReason));
    }
    const BudgetLedger *budget = m_session->budgetLedger();
    if (budget)
        for (const QString &line : budget->summary())
            progress(QStringLiteral("  budget %1").arg(line));
    QJsonObject complete = m.toJson();
    complete.insert(QStringLiteral("type"), QStringLiteral("pipeline_complete"));
    complete.insert(QStringLiteral("research_id"), m_researchId);
    emitEvent(complete);

    int code = 0;
    QString error;
    if (!writeOutputs(&error)) {
        writeStderr(error);
        code = 1;
    }
    if (!m_options.sessionPath.isEmpty()) {
        QString e;
        if (!saveSession(m_options.sessionPath, state, &e)) {
            writeStderr(
                QStringLiteral("session not saved to %1: %2").arg(m_options.sessionPath, e));
            code = 1;
        }
    }
    if (m_interrupted || cancelled > 0)
        code = 1;
    // Queries were due but none reached a source: nothing was researched.
    // A spent budget skipping everything is what the user asked for, not a broken setup.
    const bool budgetSpent = budget && budget->leftOutTotal() > 0;
    if (m.completedQueries - m_finishedAtStart > 0 && ran == 0 && !budgetSpent) {
        writeStderr(
            QStringLiteral("No source could run a query (no sources configured, no API keys, or no "
                           "source for the strategies' channels)"));
        code = 1;
    }
    QTimer::singleShot(0, qApp, [code] { QCoreApplication::exit(code); });
}

bool CliRun::writeOutputs(QString *error)
{
    const RunState state = m_session->snapshot();
    QString e;
    if (!m_options.outCsv.isEmpty()) {
        CsvOptions options;
        options.threshold = state.request.confidenceThreshold;
        options.crm = state.request.crm;
        if (!saveResultsCsv(m_options.outCsv, state.results, options, &e)) {
            *error = e; // names the file and why
            return false;
        }
    }
    if (!m_options.outJson.isEmpty()) {
        QJsonObject json = researchResponseJson(state, m_researchId);
        json.insert(QStringLiteral("goal_facets"), m_goalModel.toJson());
        if (!writeFileAtomically(m_options.outJson, QJsonDocument(json).toJson(), &e)) {
            *error = e;
            return false;
        }
    }
    return writeComparison(state, error);
}

bool CliRun::writeComparison(const RunState &state, QString *error)
{
    if (!m_compareWith)
        return true;
    if (m_compareWith->request.goal.simplified() != state.request.goal.simplified())
        progress(QStringLiteral("note: %1 researched another goal (\"%2\")")
                     .arg(m_options.comparePath, m_compareWith->request.goal));
    const QList<CompanyChange> changes
        = compareRuns(*m_compareWith, state, state.request.confidenceThreshold);
    QMap<CompanyChange::Kind, int> counts;
    for (const CompanyChange &c : changes)
        counts[c.kind] += 1;
    progress(QStringLiteral("Since %1: %2 new matches, %3 lost, %4 up, %5 down")
                 .arg(m_options.comparePath)
                 .arg(counts.value(CompanyChange::Kind::NewMatch))
                 .arg(counts.value(CompanyChange::Kind::LostMatch))
                 .arg(counts.value(CompanyChange::Kind::Up))
                 .arg(counts.value(CompanyChange::Kind::Down)));
    if (!m_options.compareOut.isEmpty())
        return saveChangesCsv(m_options.compareOut, changes, error);
    QFile out;
    if (!out.open(stdout, QIODevice::WriteOnly)) {
        *error = QStringLiteral("cannot write the comparison to stdout");
        return false;
    }
    const bool ok = writeChangesCsv(&out, changes, error);
    out.flush();
    return ok;
}

void CliRun::emitEvent(const QJsonObject &event)
{
    if (!m_options.events)
        return;
    const QByteArray line = QJsonDocument(event).toJson(QJsonDocument::Compact) + '\n';
    std::fwrite(line.constData(), 1, size_t(line.size()), stdout);
    std::fflush(stdout);
}

void CliRun::progress(const QString &line)
{
    writeStderr(line);
}

} // namespace gtm::cli
