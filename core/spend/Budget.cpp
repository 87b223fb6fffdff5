#include "Budget.h"

#include "CostEstimate.h"
#include "model/Channel.h"
#include "model/Providers.h"
#include "storage/AppSettings.h"

#include <QLocale>
#include <cmath>

namespace gtm {

namespace {

QString amount(double value)
{
    return QLocale::c().toString(qint64(std::llround(value)));
}

} // namespace

QStringList budgetProviders()
{
    return { QStringLiteral("tavily"), QStringLiteral("newsapi"), QStringLiteral("gemini"),
        QStringLiteral("openai") };
}

QString billingUnit(const QString &provider)
{
    if (provider == u"tavily")
        return QStringLiteral("credits");
    if (provider == u"newsapi")
        return QStringLiteral("requests");
    return QStringLiteral("tokens");
}

QString budgetSpentReason()
{
    return QStringLiteral("budget spent");
}

std::optional<Budgets> Budgets::parse(const QString &spec, QString *error)
{
    const auto fail = [error](const QString &message) -> std::optional<Budgets> {
        if (error)
            *error = message;
        return std::nullopt;
    };
    Budgets budgets;
    const QStringList parts = spec.split(u',', Qt::SkipEmptyParts);
    for (const QString &part : parts) {
        const QString provider = part.section(u'=', 0, 0).trimmed().toLower();
        const QString value = part.section(u'=', 1).trimmed();
        if (!budgetProviders().contains(provider))
            return fail(QStringLiteral("unknown provider \"%1\" (budgets apply to %2)")
                            .arg(provider, budgetProviders().join(QStringLiteral(", "))));
        bool ok = false;
        const qlonglong cap = value.toLongLong(&ok);
        if (!ok || cap < 0)
            return fail(QStringLiteral("%1: the budget must be a whole number of %2, 0 or more")
                            .arg(provider, billingUnit(provider)));
        budgets.caps.insert(provider, double(cap));
    }
    return budgets;
}

Budgets savedBudgets(const AppSettings &settings)
{
    return Budgets::parse(settings.budgetSpec(), nullptr).value_or(Budgets {});
}

QString Budgets::toString() const
{
    QStringList parts;
    for (auto it = caps.cbegin(); it != caps.cend(); ++it)
        parts << it.key() + u'=' + amount(it.value());
    return parts.join(u',');
}

BudgetLedger::BudgetLedger(Budgets budgets)
    : m_budgets(std::move(budgets))
{
}

bool BudgetLedger::reserve(const QString &provider, double cost)
{
    const auto cap = m_budgets.caps.constFind(provider);
    if (cap != m_budgets.caps.cend() && m_spent.value(provider) + cost > cap.value()) {
        m_leftOut[provider] += 1;
        return false;
    }
    m_spent[provider] += cost;
    return true;
}

void BudgetLedger::refund(const QString &provider, double cost)
{
    m_spent[provider] = std::max(0.0, m_spent.value(provider) - cost);
}

void BudgetLedger::charge(const QString &provider, double value)
{
    m_spent[provider] += value;
}

bool BudgetLedger::exhausted(const QString &provider) const
{
    const auto cap = m_budgets.caps.constFind(provider);
    return cap != m_budgets.caps.cend() && m_spent.value(provider) >= cap.value();
}

int BudgetLedger::leftOutTotal() const
{
    int total = 0;
    for (int n : m_leftOut)
        total += n;
    return total;
}

void BudgetLedger::noteCompanyLeftOut(const QString &domain, const QString &sourceName)
{
    QStringList &sources = m_leftOutSources[domain];
    if (!sources.contains(sourceName))
        sources << sourceName;
}

void BudgetLedger::markLeftOut(CompanyResult &row) const
{
    const auto sources = m_leftOutSources.constFind(row.domain);
    if (sources == m_leftOutSources.cend())
        return;
    for (const QString &source : *sources) {
        const QString known = row.errors.value(source);
        if (known.isEmpty())
            row.errors.insert(source, budgetSpentReason());
        else if (!known.contains(budgetSpentReason()))
            row.errors.insert(source, known + QStringLiteral("; ") + budgetSpentReason());
    }
}

QString BudgetLedger::line(const QString &provider, const QString &name) const
{
    QString text = QStringLiteral("%1: %2 of %3 %4 spent")
                       .arg(name, amount(spent(provider)), amount(m_budgets.caps.value(provider)),
                           billingUnit(provider));
    if (const int left = leftOut(provider)) {
        const bool tokens = billingUnit(provider) == u"tokens";
        text += QStringLiteral(", %1 %2 left out")
                    .arg(left)
                    .arg(left == 1
                            ? (tokens ? QStringLiteral("analysis") : QStringLiteral("query"))
                            : (tokens ? QStringLiteral("analyses") : QStringLiteral("queries")));
    }
    return text;
}

QStringList BudgetLedger::summary() const
{
    QStringList lines;
    for (auto it = m_budgets.caps.cbegin(); it != m_budgets.caps.cend(); ++it)
        lines << line(it.key(), it.key())
                + (leftOut(it.key()) ? QStringLiteral(" (%1)").arg(budgetSpentReason())
                                     : QString());
    return lines;
}

QStringList BudgetLedger::readableSummary() const
{
    QStringList lines;
    for (auto it = m_budgets.caps.cbegin(); it != m_budgets.caps.cend(); ++it) {
        const ProviderInfo *info = findProvider(it.key());
        lines << line(it.key(), info ? info->label : it.key());
    }
    return lines;
}

QString paidProviderOf(const Source &source)
{
    if (source.channel() == channel::GoogleSearch)
        return QStringLiteral("tavily");
    if (source.channel() == channel::NewsSearch)
        return QStringLiteral("newsapi");
    return {};
}

BudgetedSource::BudgetedSource(
    std::shared_ptr<Source> inner, QString provider, std::shared_ptr<BudgetLedger> ledger)
    : m_inner(std::move(inner))
    , m_provider(std::move(provider))
    , m_ledger(std::move(ledger))
{
}

QCoro::Task<SourceOutcome> BudgetedSource::search(SearchContext context)
{
    // Members are copied before the first suspension: the ledger outlives this query.
    const std::shared_ptr<BudgetLedger> ledger = m_ledger;
    const QString provider = m_provider;
    const double cost = provider == u"tavily" ? tavilyCreditsPerSearch(context.depth) : 1.0;
    if (m_inner->requiresKey() && !m_inner->hasKey())
        co_return co_await m_inner->search(std::move(context)); // skipped, "no API key"
    if (!ledger->reserve(provider, cost)) {
        ledger->noteCompanyLeftOut(context.domain, m_inner->name());
        SourceOutcome skipped;
        skipped.status = SourceOutcome::Status::Skipped;
        skipped.reason = budgetSpentReason();
        co_return skipped;
    }
    SourceOutcome outcome = co_await m_inner->search(std::move(context));
    // Only an answer from the wire is billed: cache hits, failures and skips cost nothing.
    if (outcome.status != SourceOutcome::Status::Ok || outcome.requests == 0)
        ledger->refund(provider, cost);
    co_return outcome;
}

BudgetedAnalyzer::BudgetedAnalyzer(std::shared_ptr<Analyzer> llm, std::unique_ptr<Analyzer> offline,
    QString provider, std::shared_ptr<BudgetLedger> ledger)
    : m_llm(std::move(llm))
    , m_offline(std::move(offline))
    , m_provider(std::move(provider))
    , m_ledger(std::move(ledger))
{
}

QCoro::Task<AnalysisOutcome> BudgetedAnalyzer::analyze(AnalysisInput input)
{
    const std::shared_ptr<BudgetLedger> ledger = m_ledger;
    const QString provider = m_provider;
    if (ledger->exhausted(provider)) {
        ledger->noteLeftOut(provider);
        AnalysisOutcome outcome = co_await m_offline->analyze(std::move(input));
        outcome.notice
            = QStringLiteral("%1 %2: used the offline analyzer").arg(provider, budgetSpentReason());
        co_return outcome;
    }
    AnalysisOutcome outcome = co_await m_llm->analyze(std::move(input));
    ledger->charge(provider, double(outcome.promptTokens + outcome.completionTokens));
    co_return outcome;
}

BudgetedStrategyGenerator::BudgetedStrategyGenerator(std::shared_ptr<StrategyGenerator> llm,
    std::unique_ptr<StrategyGenerator> templates, QString provider,
    std::shared_ptr<BudgetLedger> ledger)
    : m_llm(std::move(llm))
    , m_templates(std::move(templates))
    , m_provider(std::move(provider))
    , m_ledger(std::move(ledger))
{
}

QCoro::Task<StrategyPlan> BudgetedStrategyGenerator::generate(QString goal, Depth depth,
    QStringList channels, std::optional<GoalModel> edited, CancelToken cancel)
{
    const std::shared_ptr<BudgetLedger> ledger = m_ledger;
    const QString provider = m_provider;
    if (ledger->exhausted(provider)) {
        StrategyPlan plan = co_await m_templates->generate(std::move(goal), depth,
            std::move(channels), std::move(edited), std::move(cancel));
        plan.notice = QStringLiteral("%1 %2: used built-in templates")
                          .arg(provider, budgetSpentReason());
        co_return plan;
    }
    StrategyPlan plan = co_await m_llm->generate(
        std::move(goal), depth, std::move(channels), std::move(edited), std::move(cancel));
    ledger->charge(provider, double(plan.promptTokens + plan.completionTokens));
    co_return plan;
}

QString cappedLlmProvider(const QString &clientName, const Budgets &budgets)
{
    const QString provider = clientName.section(u':', 0, 0);
    if (!budgets.caps.contains(provider) || billingUnit(provider) != u"tokens")
        return {};
    return provider;
}

} // namespace gtm
