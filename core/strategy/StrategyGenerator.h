#pragma once

#include "goal/GoalModel.h"
#include "model/Depth.h"
#include "model/QueryStrategy.h"
#include "net/CancelToken.h"

#include <QCoroTask>
#include <QStringList>

namespace gtm {

struct StrategyPlan
{
    QList<QueryStrategy> strategies; // sorted best first: the run order
    int dropped = 0;                 // invalid strategies removed
    QString generator;               // "templates", "llm:gemini-2.5-flash", "file"
    QString notice;                  // e.g. "Gemini failed (HTTP 503); used built-in templates"
    qint64 promptTokens = 0;
    qint64 completionTokens = 0;
};

// Turns a research goal into query strategies over the enabled channels.
class StrategyGenerator
{
public:
    virtual ~StrategyGenerator() = default;
    // `edited`: the facets the user edited (window, --goal-facets, a saved session), which the
    // run judges by; the plan looks for them instead of those read from the goal's text.
    // A raised cancel token ends an LLM request early; the plan is then whatever the
    // generator falls back to, and the run that cancelled ignores it.
    virtual QCoro::Task<StrategyPlan> generate(QString goal, Depth depth, QStringList channels,
        std::optional<GoalModel> edited = std::nullopt, CancelToken cancel = {})
        = 0;
    // The LLM client the generator asks, as it names itself ("gemini:gemini-2.5-flash"), so
    // that a run's token budget can bill the plan; empty when it asks none.
    virtual QString llmName() const { return {}; }
};

} // namespace gtm
