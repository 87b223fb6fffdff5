#include "HeightFit.h"

#include "analysis/FacetJudge.h"
#include "analysis/NoisyOr.h"
#include "goal/GoalParser.h"

#include <QMap>
#include <QSet>
#include <cmath>

namespace gtm::bench {

namespace {

using Factors = QHash<QString, double>; // cue reason -> factor; "against: " + reason

// The factors tried for each cue, a coarse grid: the fit climbs one cue at a time.
constexpr double kGrid[] = { 0.0, 0.25, 0.5, 0.75, 1.0, 1.25, 1.5, 2.0, 2.5, 3.0 };
constexpr int kMinCases = 8; // a cue seen less often keeps its hand height
constexpr double kLossWeight = 0.02; // log-loss breaks ties between equal F1

QString againstKey(const QString &reason)
{
    return QStringLiteral("against: ") + reason;
}

// The facet's strength as FacetJudge's summarise and adoptProfile make it, the cues scaled.
double strength(const HeightCase &c, const Factors &f)
{
    QList<double> support, against;
    for (const auto &[reason, s] : c.cues)
        support << std::min(0.97, s * f.value(reason, 1.0));
    for (const auto &[reason, s] : c.against)
        against << std::min(0.97, s * f.value(againstKey(reason), 1.0));
    const double judged
        = noisyOr(support) * (1.0 - 0.75 * noisyOr(against)) * (1.0 - 0.8 * c.profileAgainst);
    return noisyOr({ std::max(judged, c.profile), c.learned });
}

double confidence(const HeightCase &c, const Factors &f)
{
    return std::min(c.others, strength(c, f));
}

// Mean F1 over the goals of `cases`, as bench::score counts it.
double macroF1(const QList<HeightCase> &cases, const Factors &f, double threshold)
{
    QMap<QString, Counts> perGoal;
    for (const HeightCase &c : cases)
        perGoal[c.goal].add(confidence(c, f) >= threshold, c.truth);
    double sum = 0.0;
    for (const Counts &n : std::as_const(perGoal))
        sum += n.f1();
    return perGoal.isEmpty() ? 0.0 : sum / double(perGoal.size());
}

double logLoss(const QList<HeightCase> &cases, const Factors &f)
{
    double loss = 0.0;
    for (const HeightCase &c : cases) {
        const double p = std::clamp(confidence(c, f), 1e-3, 1.0 - 1e-3);
        loss -= c.truth ? std::log(p) : std::log(1.0 - p);
    }
    return cases.isEmpty() ? 0.0 : loss / double(cases.size());
}

QStringList fittedCues(const QList<HeightCase> &cases)
{
    QMap<QString, int> seen;
    for (const HeightCase &c : cases) {
        for (const auto &cue : c.cues)
            seen[cue.first] += 1;
        for (const auto &cue : c.against)
            seen[againstKey(cue.first)] += 1;
    }
    QStringList keys;
    for (auto it = seen.cbegin(); it != seen.cend(); ++it)
        if (it.value() >= kMinCases)
            keys << it.key();
    return keys;
}

Factors fit(const QList<HeightCase> &cases, double threshold)
{
    const QStringList keys = fittedCues(cases);
    Factors f;
    auto objective = [&](const Factors &g) {
        return macroF1(cases, g, threshold) - kLossWeight * logLoss(cases, g);
    };
    double best = objective(f);
    for (int pass = 0; pass < 3; ++pass) {
        for (const QString &key : keys) {
            for (double factor : kGrid) {
                Factors trial = f;
                trial.insert(key, factor);
                if (const double o = objective(trial); o > best + 1e-9) {
                    best = o;
                    f = trial;
                }
            }
        }
    }
    return f;
}

} // namespace

QList<HeightCase> heightCases(const TechDictionary &dictionary, const LabelledFixture &fixture,
    const QString &set, FacetKind facet)
{
    QList<HeightCase> cases;
    for (const auto &goal : fixture.goals) {
        const GoalModel model = parseGoalModel(dictionary, goal.text, fixture.referenceDate);
        if (!model.has(facet))
            continue;
        for (const auto &company : fixture.companies) {
            const AnalysisInput input = analysisInput(goal, company, fixture);
            const FacetJudgement j = judgeFacets(dictionary, model, input, fixture.referenceDate);
            HeightCase c { set, goal.id, company.truth.value(goal.id) };
            bool found = false;
            for (const FacetVerdict &v : j.verdicts) {
                if (!v.judged)
                    continue;
                if (found || v.facet.kind != facet) {
                    c.others = std::min(c.others, v.strength);
                    continue;
                }
                found = true;
                c.hand = v.strength;
                for (const FacetCue &q : v.cues)
                    c.cues << std::pair { q.reason, q.strength };
                for (const FacetCue &q : v.againstCues)
                    c.against << std::pair { q.reason, q.strength };
                c.profile = v.profile;
                c.profileAgainst = v.profileAgainst;
                c.learned = v.learned;
            }
            if (found)
                cases << c;
        }
    }
    return cases;
}

void printHeightFit(QTextStream &out, const QList<HeightCase> &cases, double threshold)
{
    // The model must give back the judge's own strength before it may learn anything.
    int unfaithful = 0;
    for (const HeightCase &c : cases)
        unfaithful += std::abs(strength(c, {}) - c.hand) > 1e-6 ? 1 : 0;
    QStringList sets;
    for (const HeightCase &c : cases)
        if (!sets.contains(c.set))
            sets << c.set;
    out << cases.size() << " cases, " << unfaithful
        << " where the cues do not give back the judge's strength\n";
    out << QStringLiteral("%1  %2  %3\n")
               .arg(QStringLiteral("set"), -10)
               .arg(QStringLiteral("hand"), 6)
               .arg(QStringLiteral("LOWO"), 6);
    double hand = 0.0, learned = 0.0;
    for (const QString &set : std::as_const(sets)) {
        QList<HeightCase> train, test;
        for (const HeightCase &c : cases)
            (c.set == set ? test : train) << c;
        const double h = macroF1(test, {}, threshold);
        const double l = macroF1(test, fit(train, threshold), threshold);
        hand += h;
        learned += l;
        out << QStringLiteral("%1  %2  %3\n").arg(set, -10).arg(h, 6, 'f', 3).arg(l, 6, 'f', 3);
    }
    out << QStringLiteral("%1  %2  %3\n")
               .arg(QStringLiteral("mean"), -10)
               .arg(hand / double(sets.size()), 6, 'f', 3)
               .arg(learned / double(sets.size()), 6, 'f', 3);
    out << "factors learned on all sets (1 = the hand height):\n";
    const Factors all = fit(cases, threshold);
    for (const QString &key : fittedCues(cases))
        out << "  " << QString::number(all.value(key, 1.0), 'f', 2) << "  " << key << '\n';
}

} // namespace gtm::bench
