#include "TokenModelFit.h"

#include "analysis/FacetJudge.h"
#include "analysis/TokenModel.h"
#include "goal/GoalParser.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace gtm::bench {

namespace {

// The facets a goal's model speaks for: those of the goal said plainly, whatever words each
// writer chose for it.
struct ModelGoal
{
    const char16_t *id;
    const char16_t *canonical;
};
constexpr ModelGoal kModelGoals[] = {
    { u"health_saas", u"B2B SaaS companies that sell to hospitals and health insurers" },
    { u"marketplace", u"Runs a two-sided marketplace" },
};

const LabelledGoal *goalOf(const LabelledFixture &fx, const QString &id)
{
    for (const auto &g : fx.goals)
        if (g.id == id)
            return &g;
    return nullptr;
}

} // namespace

QStringList tokenModelGoals()
{
    QStringList ids;
    for (const ModelGoal &g : kModelGoals)
        ids << QString::fromUtf16(g.id);
    return ids;
}

QList<TokenModel> trainTokenModels(
    const TechDictionary &dictionary, const QList<std::pair<QString, LabelledFixture>> &sets)
{
    QList<TokenModel> models;
    for (const ModelGoal &g : kModelGoals) {
        const QString id = QString::fromUtf16(g.id);
        QList<QSet<QString>> documents;
        QList<bool> labels;
        for (const auto &[name, fx] : sets) {
            if (!goalOf(fx, id))
                continue;
            for (const auto &c : fx.companies) {
                documents << TokenModel::words(c.evidence);
                labels << c.truth.value(id);
            }
        }
        const GoalModel canonical
            = parseGoalModel(dictionary, QString::fromUtf16(g.canonical), QDate(2026, 12, 1));
        models << TokenModel::train(canonical.facets, documents, labels);
    }
    return models;
}

void printTokenModelsLowo(QTextStream &out, const TechDictionary &dictionary,
    const QList<std::pair<QString, LabelledFixture>> &sets, double threshold)
{
    out << QStringLiteral("%1 %2  %3  %4  %5\n")
               .arg(QStringLiteral("set"), -10)
               .arg(QStringLiteral("goal"), -12)
               .arg(QStringLiteral("readings"), 8)
               .arg(QStringLiteral("+words"), 8)
               .arg(QStringLiteral("words alone"), 11);
    QMap<QString, std::array<double, 3>> sums;
    for (const auto &[held, fx] : sets) {
        QList<std::pair<QString, LabelledFixture>> others;
        for (const auto &s : sets)
            if (s.first != held)
                others << s;
        const QList<TokenModel> models = trainTokenModels(dictionary, others);
        const QList<TokenModel> none;
        for (qsizetype m = 0; m < models.size(); ++m) {
            const QString id = tokenModelGoals().at(m);
            const LabelledGoal *goal = goalOf(fx, id);
            if (!goal)
                continue;
            const GoalModel model = parseGoalModel(dictionary, goal->text, fx.referenceDate);
            Counts readings, both, alone;
            for (const auto &c : fx.companies) {
                const bool truth = c.truth.value(id);
                const AnalysisInput input = analysisInput(*goal, c, fx);
                readings.add(
                    judgeFacets(dictionary, model, input, fx.referenceDate, none).confidence
                        >= threshold,
                    truth);
                both.add(judgeFacets(dictionary, model, input, fx.referenceDate, models).confidence
                        >= threshold,
                    truth);
                alone.add(models.at(m).probability(TokenModel::words(c.evidence)) >= 0.5, truth);
            }
            out << QStringLiteral("%1 %2  %3  %4  %5\n")
                       .arg(held, -10)
                       .arg(id, -12)
                       .arg(readings.f1(), 8, 'f', 3)
                       .arg(both.f1(), 8, 'f', 3)
                       .arg(alone.f1(), 11, 'f', 3);
            auto &sum = sums[id];
            sum[0] += readings.f1();
            sum[1] += both.f1();
            sum[2] += alone.f1();
        }
    }
    for (auto it = sums.cbegin(); it != sums.cend(); ++it)
        out << QStringLiteral("%1 %2  %3  %4  %5\n")
                   .arg(QStringLiteral("mean"), -10)
                   .arg(it.key(), -12)
                   .arg(it.value()[0] / double(sets.size()), 8, 'f', 3)
                   .arg(it.value()[1] / double(sets.size()), 8, 'f', 3)
                   .arg(it.value()[2] / double(sets.size()), 11, 'f', 3);
}

QByteArray tokenModelsJson(
    const TechDictionary &dictionary, const QList<std::pair<QString, LabelledFixture>> &sets)
{
    QJsonArray models;
    for (const TokenModel &m : trainTokenModels(dictionary, sets))
        models << m.toJson();
    QStringList names;
    for (const auto &s : sets)
        names << s.first;
    const QJsonObject root { { QStringLiteral("trained_on"), names.join(QStringLiteral(", ")) },
        { QStringLiteral("models"), models } };
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

} // namespace gtm::bench
