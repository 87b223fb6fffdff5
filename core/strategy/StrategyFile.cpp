#include "StrategyFile.h"

#include "StrategyRules.h"

#include <QFile>
#include <QJsonDocument>
#include <QSaveFile>

namespace gtm {

bool saveStrategiesFile(const QString &path, const QList<QueryStrategy> &strategies, QString *error)
{
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly)) {
        if (error)
            *error = QStringLiteral("cannot write %1: %2").arg(path, f.errorString());
        return false;
    }
    f.write(QJsonDocument(strategiesToJson(strategies)).toJson(QJsonDocument::Indented));
    if (!f.commit()) {
        if (error)
            *error = QStringLiteral("cannot write %1: %2").arg(path, f.errorString());
        return false;
    }
    return true;
}

std::optional<QList<QueryStrategy>> loadStrategiesFile(const QString &path, QString *error)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        if (error)
            *error = QStringLiteral("cannot read %1: %2").arg(path, f.errorString());
        return std::nullopt;
    }
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(f.readAll(), &parseError);
    if (!doc.isObject()) {
        if (error)
            *error
                = QStringLiteral("%1: not a JSON object (%2)").arg(path, parseError.errorString());
        return std::nullopt;
    }
    QString why;
    auto strategies = strategiesFromJson(doc.object(), &why);
    if (!strategies && error)
        *error = QStringLiteral("%1: %2").arg(path, why);
    return strategies;
}

FileStrategyGenerator::FileStrategyGenerator(QList<QueryStrategy> strategies)
    : m_strategies(std::move(strategies))
{
}

QCoro::Task<StrategyPlan> FileStrategyGenerator::generate(
    QString, Depth, QStringList channels, std::optional<GoalModel>, CancelToken)
{
    StrategyPlan plan;
    plan.generator = QStringLiteral("file");
    plan.strategies = m_strategies;
    finalizePlan(&plan, channels, 0);
    co_return plan;
}

} // namespace gtm
