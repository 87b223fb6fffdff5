#include "LabelledFixture.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace gtm::bench {

std::optional<LabelledFixture> loadFixture(const QString &path, QString *error)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot read %1").arg(path);
        return std::nullopt;
    }
    const QJsonObject root = QJsonDocument::fromJson(f.readAll()).object();
    LabelledFixture fx;
    for (const QJsonValue &g : root.value(QStringLiteral("goals")).toArray())
        fx.goals << LabelledGoal { g[QStringLiteral("id")].toString(),
            g[QStringLiteral("text")].toString() };
    for (const QJsonValue &v : root.value(QStringLiteral("companies")).toArray()) {
        const QJsonObject o = v.toObject();
        LabelledCompany c;
        c.domain = o.value(QStringLiteral("domain")).toString();
        c.split = o.value(QStringLiteral("split")).toString();
        c.note = o.value(QStringLiteral("note")).toString();
        for (const QJsonValue &e : o.value(QStringLiteral("evidence")).toArray()) {
            QString why;
            auto ev = Evidence::fromJson(e.toObject(), &why);
            if (!ev) {
                *error = c.domain + QStringLiteral(": ") + why;
                return std::nullopt;
            }
            c.evidence << *ev;
        }
        const QJsonObject truth = o.value(QStringLiteral("truth")).toObject();
        for (auto it = truth.begin(); it != truth.end(); ++it)
            c.truth.insert(it.key(), it.value().toBool());
        fx.companies << c;
    }
    if (fx.goals.isEmpty() || fx.companies.isEmpty()) {
        *error = QStringLiteral("%1: no goals or no companies").arg(path);
        return std::nullopt;
    }
    return fx;
}

Scores score(const HeuristicAnalyzer &analyzer, const LabelledFixture &fixture, double threshold)
{
    Scores s;
    for (const LabelledGoal &goal : fixture.goals) {
        for (const LabelledCompany &c : fixture.companies) {
            AnalysisInput input;
            input.goal = goal.text;
            input.domain = c.domain;
            input.evidence = c.evidence;
            const double confidence = analyzer.analyzeNow(input).confidence;
            const bool predicted = confidence >= threshold;
            const bool truth = c.truth.value(goal.id);
            s.perGoal[goal.id].add(predicted, truth);
            s.perSplit[c.split].add(predicted, truth);
            s.overall.add(predicted, truth);
            if (predicted != truth)
                s.misses << Miss { goal.id, c.domain, confidence, truth, c.note, c.split };
        }
    }
    return s;
}

} // namespace gtm::bench
