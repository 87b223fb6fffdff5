#include "LlmStrategyGenerator.h"

#include "StrategyRules.h"
#include "TemplateStrategyGenerator.h"
#include "llm/LlmClient.h"
#include "llm/PromptText.h"
#include "model/Channel.h"

#include <QJsonArray>

namespace gtm {

namespace {

QJsonObject strategySchema(const QStringList &channels)
{
    const QJsonObject item {
        { QStringLiteral("type"), QStringLiteral("OBJECT") },
        { QStringLiteral("properties"),
            QJsonObject {
                { QStringLiteral("channel"),
                    QJsonObject { { QStringLiteral("type"), QStringLiteral("STRING") },
                        { QStringLiteral("format"), QStringLiteral("enum") },
                        { QStringLiteral("enum"), QJsonArray::fromStringList(channels) } } },
                { QStringLiteral("query_template"),
                    QJsonObject { { QStringLiteral("type"), QStringLiteral("STRING") } } },
                { QStringLiteral("relevance_score"),
                    QJsonObject { { QStringLiteral("type"), QStringLiteral("NUMBER") } } },
            } },
        { QStringLiteral("required"),
            QJsonArray { QStringLiteral("channel"), QStringLiteral("query_template"),
                QStringLiteral("relevance_score") } },
    };
    return {
        { QStringLiteral("type"), QStringLiteral("OBJECT") },
        { QStringLiteral("properties"),
            QJsonObject { { QStringLiteral("strategies"),
                QJsonObject { { QStringLiteral("type"), QStringLiteral("ARRAY") },
                    { QStringLiteral("items"), item } } } } },
        { QStringLiteral("required"), QJsonArray { QStringLiteral("strategies") } },
    };
}

// The shape, not the content: a wrong shape is worth a retry, an unusable strategy is dropped.
QString checkShape(const QJsonObject &answer)
{
    if (!answer.value(QStringLiteral("strategies")).isArray())
        return QStringLiteral("\"strategies\" must be an array");
    const QJsonArray a = answer.value(QStringLiteral("strategies")).toArray();
    if (a.isEmpty())
        return QStringLiteral("\"strategies\" is empty");
    for (int i = 0; i < a.size(); ++i) {
        const QJsonObject s = a.at(i).toObject();
        if (!a.at(i).isObject() || !s.value(QStringLiteral("channel")).isString()
            || !s.value(QStringLiteral("query_template")).isString())
            return QStringLiteral("strategies[%1] needs string fields channel and query_template")
                .arg(i);
    }
    return {};
}

} // namespace

LlmStrategyGenerator::LlmStrategyGenerator(
    std::unique_ptr<LlmClient> client, std::unique_ptr<TemplateStrategyGenerator> fallback)
    : m_client(std::move(client))
    , m_fallback(std::move(fallback))
{
}

LlmStrategyGenerator::~LlmStrategyGenerator() = default;

QString LlmStrategyGenerator::llmName() const
{
    return m_client->name();
}

QCoro::Task<StrategyPlan> LlmStrategyGenerator::generate(QString goal, Depth depth,
    QStringList channels, std::optional<GoalModel> edited, CancelToken cancel)
{
    if (channels.isEmpty())
        channels = channel::all();
    const StrategyCount count = strategyCount(depth);
    const int want = (count.min + count.max) / 2;
    QString user = QStringLiteral("Research goal: %1\n").arg(goal);
    // The model reads the goal's text better than the offline parser does, so only the user's
    // own edit is worth telling it: it overrides the text, and the run judges by it.
    if (edited)
        user += QStringLiteral("The user corrected what the goal asks for; plan for exactly "
                               "this and not for what the text says otherwise: %1\n")
                    .arg(edited->summary());
    user += QStringLiteral("Channels: %1\nWrite %2 strategies (between %3 and %4).")
                .arg(channels.join(QStringLiteral(", ")))
                .arg(want)
                .arg(count.min)
                .arg(count.max);

    const LlmResult answer
        = co_await completeValidated(m_client.get(), promptText(QStringLiteral("strategy-system")),
            user, strategySchema(channels), checkShape, std::move(cancel));
    if (!answer.ok()) {
        StrategyPlan plan = m_fallback->plan(goal, depth, channels, edited);
        plan.promptTokens = answer.promptTokens;
        plan.completionTokens = answer.completionTokens;
        plan.notice = QStringLiteral("%1 failed (%2); used built-in templates")
                          .arg(m_client->name(), answer.errorString);
        co_return plan;
    }

    StrategyPlan plan;
    plan.generator = QStringLiteral("llm:") + m_client->model();
    plan.promptTokens = answer.promptTokens;
    plan.completionTokens = answer.completionTokens;
    for (const QJsonValue &v : answer.json.value(QStringLiteral("strategies")).toArray()) {
        const QJsonObject o = v.toObject();
        QueryStrategy s;
        s.channel = o.value(QStringLiteral("channel")).toString().trimmed();
        s.queryTemplate = o.value(QStringLiteral("query_template")).toString().simplified();
        s.relevanceScore = o.value(QStringLiteral("relevance_score")).toDouble(0.5);
        plan.strategies << s;
    }
    finalizePlan(&plan, channels, count.max);
    if (plan.strategies.size() < count.min) {
        // Too few usable ones: the templates fill the gap, below the model's own.
        const StrategyPlan extra = m_fallback->plan(goal, depth, channels, edited);
        const int have = int(plan.strategies.size());
        for (QueryStrategy s : extra.strategies) {
            if (plan.strategies.size() >= count.min)
                break;
            s.relevanceScore = std::min(s.relevanceScore, 0.5);
            plan.strategies << s;
        }
        const int dropped = plan.dropped;
        finalizePlan(&plan, channels, count.max);
        plan.dropped = dropped;
        plan.notice
            = QStringLiteral("%1 gave %2 usable strategies; added %3 from built-in templates")
                  .arg(m_client->name())
                  .arg(have)
                  .arg(plan.strategies.size() - have);
    }
    co_return plan;
}

} // namespace gtm
