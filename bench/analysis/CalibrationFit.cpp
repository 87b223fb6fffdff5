#include "CalibrationFit.h"

#include "analysis/FacetJudge.h"
#include "goal/GoalParser.h"

#include <QMap>
#include <cmath>

namespace gtm::bench {

namespace {

constexpr double kL2 = 0.002; // per weight, against a mean log-loss per case
constexpr int kSteps = 3000;

// Predictions of a set of cases, scored as bench::score does: F1 per goal, macro over goals.
struct SetScore
{
    QMap<QString, Counts> perGoal;
    QMap<QString, Counts> perKind;
    double macro() const
    {
        double sum = 0.0;
        for (const Counts &c : perGoal)
            sum += c.f1();
        return perGoal.isEmpty() ? 0.0 : sum / double(perGoal.size());
    }
};

template<typename Confidence>
SetScore scoreCases(const QList<CalibrationCase> &cases, const QString &set, double threshold,
    Confidence confidence)
{
    SetScore s;
    for (const CalibrationCase &c : cases) {
        if (c.set != set)
            continue;
        const bool predicted = confidence(c) >= threshold;
        s.perGoal[c.goal].add(predicted, c.truth);
        s.perKind[c.kind].add(predicted, c.truth);
    }
    return s;
}

QList<CalibrationCase> without(const QList<CalibrationCase> &cases, const QString &set)
{
    QList<CalibrationCase> out;
    for (const CalibrationCase &c : cases)
        if (c.set != set)
            out << c;
    return out;
}

// The starting point and the pull of the fit: p = 0.7 at strength 0.7, as the judges meant it.
CalibrationTable priorTable()
{
    CalibrationTable t {};
    for (CalibrationRow &row : t)
        row = { -3.35, 6.0, 0.0, 0.0, 0.0, 0.0, 0.0 };
    return t;
}

} // namespace

QList<CalibrationCase> calibrationCases(const std::shared_ptr<const TechDictionary> &dict,
    const LabelledFixture &fixture, const QString &set)
{
    QList<CalibrationCase> out;
    const TechDictionary &dictionary = *dict;
    const HeuristicAnalyzer fallback(dict);
    for (const LabelledGoal &goal : fixture.goals) {
        const GoalModel model = parseGoalModel(dictionary, goal.text, fixture.referenceDate);
        for (const LabelledCompany &company : fixture.companies) {
            CalibrationCase c { set, goal.id, goal.kind, company.truth.value(goal.id) };
            const AnalysisInput input = analysisInput(goal, company, fixture);
            c.facetModel = !model.facets.isEmpty() && !input.evidence.isEmpty();
            if (!c.facetModel) {
                c.uncalibrated = fallback.analyzeNow(input).confidence;
                out << c;
                continue;
            }
            const FacetJudgement j = judgeFacets(dictionary, model, input, fixture.referenceDate);
            double weakest = 1.0;
            for (const FacetVerdict &v : j.verdicts) {
                if (!v.judged)
                    continue;
                c.facets << calibrationFeatures(v);
                weakest = std::min(weakest, v.strength);
            }
            c.uncalibrated = c.facets.isEmpty() ? 0.0 : weakest;
            out << c;
        }
    }
    return out;
}

double calibratedConfidence(
    const CalibrationCase &c, const CalibrationTable &table, Combination combination)
{
    if (!c.facetModel)
        return c.uncalibrated;
    QList<double> p;
    for (const FacetFeatures &f : c.facets)
        p << facetProbability(f, table);
    return combineFacets(p, combination);
}

CalibrationTable fitCalibration(const QList<CalibrationCase> &cases, Combination combination,
    const CalibrationTable &prior, double positiveWeight)
{
    constexpr int n = kCalibrationGroups * kCalibrationInputs;
    CalibrationTable w = prior;
    std::array<double, n> m {}, v {}; // Adam's moments
    QList<const CalibrationCase *> used;
    for (const CalibrationCase &c : cases)
        if (c.facetModel && !c.facets.isEmpty())
            used << &c;
    if (used.isEmpty())
        return w;
    const double beta1 = 0.9, beta2 = 0.999, rate = 0.05;
    for (int step = 1; step <= kSteps; ++step) {
        std::array<double, n> grad {};
        for (const CalibrationCase *c : std::as_const(used)) {
            QList<double> p;
            for (const FacetFeatures &f : c->facets)
                p << facetProbability(f, w);
            const double y = c->truth ? 1.0 : 0.0;
            const double P = combineFacets(p, combination);
            int weakest = 0;
            for (int i = 1; i < p.size(); ++i)
                if (p.at(i) < p.at(weakest))
                    weakest = i;
            for (int i = 0; i < p.size(); ++i) {
                // d(log-loss)/dz of facet i: through the product every facet, through the
                // minimum only the weakest.
                double dz = 0.0;
                if (combination == Combination::Product)
                    dz = y > 0.0 ? -positiveWeight * (1.0 - p.at(i))
                                 : (1.0 - p.at(i)) * P / std::max(1.0 - P, 1e-9);
                else if (i == weakest)
                    dz = y > 0.0 ? -positiveWeight * (1.0 - P) : P;
                if (dz == 0.0)
                    continue;
                const CalibrationInputs x = calibrationInputs(c->facets.at(i));
                const int row = int(c->facets.at(i).group) * kCalibrationInputs;
                for (int k = 0; k < kCalibrationInputs; ++k)
                    grad[row + k] += dz * x.at(k) / double(used.size());
            }
        }
        for (int g = 0; g < kCalibrationGroups; ++g) {
            for (int k = 0; k < kCalibrationInputs; ++k) {
                const int i = g * kCalibrationInputs + k;
                const double gi = grad[i] + 2.0 * kL2 * (w[g][k] - prior[g][k]);
                m[i] = beta1 * m[i] + (1 - beta1) * gi;
                v[i] = beta2 * v[i] + (1 - beta2) * gi * gi;
                const double mh = m[i] / (1 - std::pow(beta1, step));
                const double vh = v[i] / (1 - std::pow(beta2, step));
                w[g][k] -= rate * mh / (std::sqrt(vh) + 1e-8);
            }
        }
    }
    return w;
}

void printLeaveOneWriterOut(QTextStream &out, const QStringList &sets,
    const QList<CalibrationCase> &cases, Combination combination, double threshold,
    double positiveWeight)
{
    out << "Leave one writer out, threshold " << threshold << ", facets combined by "
        << (combination == Combination::Product ? "product" : "minimum")
        << ", a missed fit weighing " << positiveWeight << " false matches.\n"
        << "Each set is scored by calibration parameters fitted on the other sets. The judges'\n"
        << "rules were written reading all of these sets, so this estimates only how the fitted\n"
        << "parameters generalise to a writer they were not fitted on, not the rules.\n\n";
    auto uncalibrated = [](const CalibrationCase &c) { return c.uncalibrated; };
    auto kept = [](const CalibrationCase &c) {
        return calibratedConfidence(c, fittedCalibration(), kCombination);
    };
    const CalibrationTable all = fitCalibration(cases, combination, priorTable(), positiveWeight);
    auto fitAll = [&all, combination](const CalibrationCase &c) {
        return calibratedConfidence(c, all, combination);
    };

    QMap<QString, std::array<SetScore, 4>> scores; // set -> uncalibrated, LOWO, table, fit
    QList<std::pair<double, bool>> heldOut; // LOWO predictions, for the reliability table
    QList<std::pair<double, bool>> before;
    for (const QString &set : sets) {
        const CalibrationTable table
            = fitCalibration(without(cases, set), combination, priorTable(), positiveWeight);
        auto lowo = [&table, combination](const CalibrationCase &c) {
            return calibratedConfidence(c, table, combination);
        };
        scores[set] = { scoreCases(cases, set, threshold, uncalibrated),
            scoreCases(cases, set, threshold, lowo), scoreCases(cases, set, threshold, kept),
            scoreCases(cases, set, threshold, fitAll) };
        for (const CalibrationCase &c : cases) {
            if (c.set != set)
                continue;
            heldOut << std::pair { lowo(c), c.truth };
            before << std::pair { c.uncalibrated, c.truth };
        }
    }
    const QStringList columns { QStringLiteral("uncalibrated"), QStringLiteral("LOWO"),
        QStringLiteral("kept table"), QStringLiteral("fit, all sets") };
    out << QStringLiteral("%1").arg(QStringLiteral("macro F1"), -24);
    for (const QString &c : columns)
        out << QStringLiteral("%1").arg(c, 15);
    out << '\n';
    std::array<double, 4> mean {};
    for (const QString &set : sets) {
        out << QStringLiteral("%1").arg(set, -24);
        for (int k = 0; k < 4; ++k) {
            out << QStringLiteral("%1").arg(scores[set][k].macro(), 15, 'f', 3);
            mean[k] += scores[set][k].macro() / double(sets.size());
        }
        out << '\n';
    }
    out << QStringLiteral("%1").arg(QStringLiteral("mean"), -24);
    for (double m : mean)
        out << QStringLiteral("%1").arg(m, 15, 'f', 3);
    out << "\n\nF1 per kind, mean over the sets (worst set in brackets):\n";
    QStringList kinds;
    for (const CalibrationCase &c : cases)
        if (!kinds.contains(c.kind))
            kinds << c.kind;
    for (const QString &kind : std::as_const(kinds)) {
        out << QStringLiteral("%1").arg(kind, -24);
        for (int k = 0; k < 4; ++k) {
            double sum = 0.0, worst = 1.0;
            for (const QString &set : sets) {
                const double f1 = scores[set][k].perKind.value(kind).f1();
                sum += f1 / double(sets.size());
                worst = std::min(worst, f1);
            }
            out << QStringLiteral("%1 (%2)").arg(sum, 7, 'f', 3).arg(worst, 5, 'f', 3);
        }
        out << '\n';
    }
    out << "\nReliability of the held-out (LOWO) confidence, all sets pooled, next to the\n"
        << "uncalibrated one: companies per confidence bucket and the share that fit.\n";
    out << QStringLiteral("%1 %2 %3 %4   %5 %6\n")
               .arg(QStringLiteral("bucket"), -10)
               .arg(QStringLiteral("n"), 6)
               .arg(QStringLiteral("mean p"), 7)
               .arg(QStringLiteral("fit"), 6)
               .arg(QStringLiteral("uncal n"), 8)
               .arg(QStringLiteral("fit"), 6);
    for (int b = 0; b < 10; ++b) {
        auto bucket = [b](double p) { return std::min(int(p * 10), 9) == b; };
        int n = 0, yes = 0, n0 = 0, yes0 = 0;
        double sum = 0.0;
        for (const auto &[p, truth] : std::as_const(heldOut))
            if (bucket(p)) {
                ++n;
                yes += truth;
                sum += p;
            }
        for (const auto &[p, truth] : std::as_const(before))
            if (bucket(p)) {
                ++n0;
                yes0 += truth;
            }
        out << QStringLiteral("%1 %2 %3 %4   %5 %6\n")
                   .arg(QStringLiteral("%1-%2")
                            .arg(b / 10.0, 0, 'f', 1)
                            .arg((b + 1) / 10.0, 0, 'f', 1),
                       -10)
                   .arg(n, 6)
                   .arg(n ? sum / n : 0.0, 7, 'f', 3)
                   .arg(n ? double(yes) / n : 0.0, 6, 'f', 3)
                   .arg(n0, 8)
                   .arg(n0 ? double(yes0) / n0 : 0.0, 6, 'f', 3);
    }
}

void printFittedTable(QTextStream &out, const QList<CalibrationCase> &cases,
    Combination combination, double positiveWeight)
{
    const CalibrationTable t = fitCalibration(cases, combination, priorTable(), positiveWeight);
    QMap<int, int> seen;
    for (const CalibrationCase &c : cases)
        for (const FacetFeatures &f : c.facets)
            seen[int(f.group)] += 1;
    for (int g = 0; g < kCalibrationGroups; ++g) {
        out << "    { ";
        for (int k = 0; k < kCalibrationInputs; ++k)
            out << (k ? ", " : "")
                << QString::number(std::abs(t[g][k]) < 0.0005 ? 0.0 : t[g][k], 'f', 3);
        out << " }, // " << calibrationGroupName(CalibrationGroup(g)) << " (" << seen.value(g)
            << " facets)\n";
    }
}

} // namespace gtm::bench
