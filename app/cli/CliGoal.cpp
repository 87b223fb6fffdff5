#include "CliGoal.h"

#include "lexicon/TechDictionary.h"

#include <QFile>
#include <QJsonDocument>

namespace gtm::cli {

namespace {

GoalModel parsed(const QString &goal)
{
    const auto dictionary = TechDictionary::loadBuiltIn();
    return dictionary ? parseGoalModel(*dictionary, goal) : GoalModel { goal, {} };
}

} // namespace

std::optional<GoalModel> cliGoalModel(
    const QString &facetsPath, const QString &goal, QString *error)
{
    if (facetsPath.isEmpty())
        return parsed(goal);
    QFile f(facetsPath);
    if (!f.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot read %1: %2").arg(facetsPath, f.errorString());
        return std::nullopt;
    }
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(f.read(1 << 20), &pe);
    if (!doc.isObject()) {
        *error = QStringLiteral("%1: not a JSON object (%2)").arg(facetsPath, pe.errorString());
        return std::nullopt;
    }
    QString why;
    auto model = GoalModel::fromJson(doc.object(), &why);
    if (!model) {
        *error = QStringLiteral("%1: %2").arg(facetsPath, why);
        return std::nullopt;
    }
    if (model->facets.isEmpty()) {
        *error = QStringLiteral("%1: no facets").arg(facetsPath);
        return std::nullopt;
    }
    if (model->text.isEmpty())
        model->text = goal;
    return model;
}

QByteArray goalFacetsJson(const QString &goal)
{
    return QJsonDocument(parsed(goal).toJson()).toJson(QJsonDocument::Indented);
}

} // namespace gtm::cli
