#pragma once

#include "model/Depth.h"
#include "model/QueryStrategy.h"

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
    virtual QCoro::Task<StrategyPlan> generate(QString goal, Depth depth, QStringList channels) = 0;
};

} // namespace gtm
