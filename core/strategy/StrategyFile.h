#pragma once

#include "StrategyGenerator.h"

#include <optional>

namespace gtm {

// A playbook a team can reuse: the seed's {"strategies":[...]} shape in a JSON file.
bool saveStrategiesFile(
    const QString &path, const QList<QueryStrategy> &strategies, QString *error);
std::optional<QList<QueryStrategy>> loadStrategiesFile(const QString &path, QString *error);

// Serves a loaded playbook: invalid strategies are dropped and counted like generated ones;
// the depth does not change a playbook, only the channels filter it. Nor do edited facets: a
// playbook is the team's deliberate choice of queries, kept as written.
class FileStrategyGenerator : public StrategyGenerator
{
public:
    explicit FileStrategyGenerator(QList<QueryStrategy> strategies);
    QCoro::Task<StrategyPlan> generate(QString goal, Depth depth, QStringList channels,
        std::optional<GoalModel> edited = std::nullopt, CancelToken cancel = {}) override;

private:
    QList<QueryStrategy> m_strategies;
};

} // namespace gtm
