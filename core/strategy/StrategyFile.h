#pragma once

#include "StrategyGenerator.h"

#include <optional>

namespace gtm {

// A playbook a team can reuse: the seed's {"strategies":[...]} shape in a JSON file.
bool saveStrategiesFile(
    const QString &path, const QList<QueryStrategy> &strategies, QString *error);
std::optional<QList<QueryStrategy>> loadStrategiesFile(const QString &path, QString *error);

// Serves a loaded playbook: invalid strategies are dropped and counted like generated ones;
// the depth does not change a playbook, only the channels filter it.
class FileStrategyGenerator : public StrategyGenerator
{
public:
    explicit FileStrategyGenerator(QList<QueryStrategy> strategies);
    QCoro::Task<StrategyPlan> generate(
        QString goal, Depth depth, QStringList channels, CancelToken cancel = {}) override;

private:
    QList<QueryStrategy> m_strategies;
};

} // namespace gtm
