// Prints the offline analyzer's precision, recall and F1 on the labelled fixture, per goal,
// per split (dev / held-out) and overall. `--verbose` lists every wrong call.
//   build-debug/bin/bench_analysis [--threshold 0.7] [--fixture FILE] [--verbose]
// With `--eval FILE` (repeatable; "dev", "heldout", "heldout2", "heldout3", ... name the
// files in tests/data/analysis/eval): F1 per goal and per goal kind next to the two naive keyword
// baselines, macro F1, and milliseconds per company. The fresh held-out set (bench::isBlindSet)
// is scored blind: per goal kind only, never a company, and it cannot be explained.
// `--token-models` scores the word models (TokenModelFit.h) leaving one writer out, and
// `--write-token-models FILE` trains them on every tuning set.
// `--fit-heights FACET` learns the facet's cue heights across writers (HeightFit.h).
// `--lowo` scores each tuning set (every set not blind) by the calibration (FacetCalibration.h)
// fitted on the other writers' sets; `--fit-calibration` prints the table fitted on all of them.
#include "CalibrationFit.h"
#include "HeightFit.h"
#include "LabelledFixture.h"
#include "TokenModelFit.h"
#include "analysis/FacetJudge.h"
#include "goal/GoalParser.h"
#include "model/Channel.h"
#include "strategy/TemplateStrategyGenerator.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QJsonDocument>
#include <QTextStream>

using namespace gtm;

namespace {

// Why the judge missed the companies it missed, counted per goal kind: the weakest facet of
// each false negative and what became of it (nothing found, refused and why, found but too
// weak). Counts only, so it may be run on the blind set: where recall is lost, not which case.
void printMissCauses(QTextStream &out, const TechDictionary &dictionary,
    const bench::LabelledFixture &fx, double threshold, const HeuristicAnalyzer &analyzer)
{
    QMap<QString, QMap<QString, int>> causes; // kind -> cause -> count
    for (const auto &goal : fx.goals) {
        // Read as the analyzer reads it: "since Dec 2025" counts back from the set's date.
        const GoalModel model = parseGoalModel(dictionary, goal.text, fx.referenceDate);
        for (const auto &c : fx.companies) {
            if (!c.truth.value(goal.id))
                continue;
            const AnalysisInput input = bench::analysisInput(goal, c, fx);
            if (analyzer.analyzeNow(input).confidence >= threshold)
                continue;
            const FacetJudgement j = judgeFacets(dictionary, model, input, fx.referenceDate);
            const FacetVerdict *weakest = nullptr;
            for (const FacetVerdict &v : j.verdicts)
                if (v.judged && (!weakest || v.strength < weakest->strength))
                    weakest = &v;
            QString cause = QStringLiteral("(no facet judged)");
            if (weakest) {
                const QString facet = facetKindToString(weakest->facet.kind);
                if (weakest->strength > 0.0)
                    cause = facet + u": too weak ("
                        + QString::number(std::ceil(weakest->strength * 10) / 10, 'f', 1) + u")";
                else if (!weakest->rejectedReason.isEmpty())
                    cause = facet + u": refused, " + weakest->rejectedReason.left(40);
                else
                    cause = facet + u": nothing found";
            }
            causes[goal.kind][cause] += 1;
        }
    }
    out << "false negatives by cause (weakest facet):\n";
    for (auto k = causes.cbegin(); k != causes.cend(); ++k) {
        out << "  " << k.key() << '\n';
        for (auto c = k.value().cbegin(); c != k.value().cend(); ++c)
            out << "    " << qSetFieldWidth(4) << Qt::right << c.value() << qSetFieldWidth(0)
                << Qt::left << "  " << c.key() << '\n';
    }
}

// `goalsOf`: another set whose goal texts replace each file's own (same ids), so that a score
// measures the judgement of evidence alone, apart from the reading of the writer's goal text.
int evaluate(
    const QStringList &files, double threshold, bool verbose, const QString &goalsOf, bool causes)
{
    QTextStream out(stdout);
    const auto dictionary = TechDictionary::loadBuiltIn();
    const HeuristicAnalyzer analyzer(dictionary);
    QHash<QString, QString> goalTexts;
    if (!goalsOf.isEmpty()) {
        QString error;
        const auto other = bench::loadTuningFixture(goalsOf, &error);
        if (!other) {
            QTextStream(stderr) << error << '\n';
            return 1;
        }
        for (const auto &g : other->goals)
            goalTexts.insert(g.id, g.text);
    }
    for (const QString &file : files) {
        QString error;
        auto fx = bench::loadFixture(bench::evalPath(file), &error);
        if (!fx) {
            QTextStream(stderr) << error << '\n';
            return 1;
        }
        for (auto &g : fx->goals)
            g.text = goalTexts.value(g.id, g.text);
        const bench::Scores a = bench::score(analyzer, *fx, threshold);
        const bench::Scores half
            = bench::scoreBaseline(*dictionary, bench::Baseline::HalfKeyTerms, *fx);
        const bench::Scores any
            = bench::scoreBaseline(*dictionary, bench::Baseline::AnyKeyTerm, *fx);
        out << file << ": " << fx->companies.size() << " companies x " << fx->goals.size()
            << " goals, threshold " << threshold << ", " << QString::number(a.msPerCompany, 'f', 2)
            << " ms per company (all goals)\n";
        out << QStringLiteral("%1 %2  %3  %4  %5   %6  %7\n")
                   .arg(QStringLiteral("goal"), -20)
                   .arg(QStringLiteral("kind"), -24)
                   .arg(QStringLiteral("P"), 5)
                   .arg(QStringLiteral("R"), 5)
                   .arg(QStringLiteral("F1"), 5)
                   .arg(QStringLiteral("half-term"), 9)
                   .arg(QStringLiteral("any-term"), 8);
        auto row = [&out](const QString &name, const QString &kind, const bench::Counts &c,
                       const bench::Counts &b1, const bench::Counts &b2) {
            out << QStringLiteral("%1 %2  %3  %4  %5   %6  %7   (tp %8 fp %9 fn %10)\n")
                       .arg(name, -20)
                       .arg(kind, -24)
                       .arg(c.precision(), 5, 'f', 3)
                       .arg(c.recall(), 5, 'f', 3)
                       .arg(c.f1(), 5, 'f', 3)
                       .arg(b1.f1(), 9, 'f', 3)
                       .arg(b2.f1(), 8, 'f', 3)
                       .arg(c.tp)
                       .arg(c.fp)
                       .arg(c.fn);
        };
        const bool blind = bench::isBlindSet(file);
        QStringList kinds;
        for (const auto &g : fx->goals) {
            if (!blind)
                row(g.id, g.kind, a.perGoal.value(g.id), half.perGoal.value(g.id),
                    any.perGoal.value(g.id));
            if (!kinds.contains(g.kind))
                kinds << g.kind;
        }
        out << "per kind:\n";
        for (const QString &k : std::as_const(kinds))
            row(QString(), k, a.perKind.value(k), half.perKind.value(k), any.perKind.value(k));
        out << QStringLiteral("%1 %2  %3  %4  %5   %6  %7\n")
                   .arg(QStringLiteral("macro F1"), -20)
                   .arg(QString(), -24)
                   .arg(QString(), 5)
                   .arg(QString(), 5)
                   .arg(a.macroF1, 5, 'f', 3)
                   .arg(half.macroF1, 9, 'f', 3)
                   .arg(any.macroF1, 8, 'f', 3);
        row(QStringLiteral("micro (all pairs)"), QString(), a.overall, half.overall, any.overall);
        // What the goal parser understood, in its canonical words (not the writer's): a kind
        // that scores nothing on a fresh set is most often a goal read wrong, and this says so
        // without showing a case.
        out << "goals as understood:\n";
        for (const auto &g : fx->goals)
            out << "  " << g.id << ": "
                << parseGoalModel(*dictionary, g.text, fx->referenceDate).summary() << '\n';
        if (causes)
            printMissCauses(out, *dictionary, *fx, threshold, analyzer);
        if (verbose && blind)
            out << "(no wrong calls listed: " << file << " is scored blind)\n";
        else if (verbose)
            for (const auto &m : a.misses)
                out << (m.truth ? "FN " : "FP ") << m.goal << ' ' << m.domain << ' '
                    << QString::number(m.confidence, 'f', 2) << "  [" << m.note << "]\n";
        out << '\n';
    }
    return 0;
}

// The tuning sets named (every one when none is: bench::tuningSets), each with its name; never a
// blind one. On a set that cannot be loaded, says why on stderr and gives nothing.
std::optional<QList<std::pair<QString, bench::LabelledFixture>>> loadTuningSets(QStringList sets)
{
    if (sets.isEmpty())
        sets = bench::tuningSets();
    QList<std::pair<QString, bench::LabelledFixture>> fixtures;
    for (const QString &set : std::as_const(sets)) {
        QString error;
        auto fx = bench::loadTuningFixture(set, &error);
        if (!fx) {
            QTextStream(stderr) << error << '\n';
            return std::nullopt;
        }
        fixtures << std::pair { set, std::move(*fx) };
    }
    return fixtures;
}

// Every tuning set (bench::tuningSets), or the sets named; never a blind one.
int calibrate(QStringList sets, double threshold, bool lowo, const QString &combination,
    double positiveWeight)
{
    const auto fixtures = loadTuningSets(sets);
    if (!fixtures)
        return 1;
    const auto dictionary = TechDictionary::loadBuiltIn();
    QList<bench::CalibrationCase> cases;
    sets.clear();
    for (const auto &[set, fx] : *fixtures) {
        sets << set;
        cases << bench::calibrationCases(dictionary, fx, set);
    }
    QTextStream out(stdout);
    const auto how = combination == u"min" ? bench::Combination::Min : bench::Combination::Product;
    if (lowo) {
        bench::printLeaveOneWriterOut(out, sets, cases, how, threshold, positiveWeight);
        out << "\nFitted on all sets (--fit-calibration):\n";
    }
    bench::printFittedTable(out, cases, how, positiveWeight);
    return 0;
}

// `--fit-heights FACET`: the facet's cue heights learned across the tuning sets (HeightFit.h).
int fitHeights(const QStringList &sets, const QString &facetName, double threshold)
{
    const auto facet = facetKindFromString(facetName);
    if (!facet) {
        QTextStream(stderr) << "unknown facet: " << facetName << '\n';
        return 1;
    }
    const auto fixtures = loadTuningSets(sets);
    if (!fixtures)
        return 1;
    const auto dictionary = TechDictionary::loadBuiltIn();
    QList<bench::HeightCase> cases;
    for (const auto &[set, fx] : *fixtures)
        cases << bench::heightCases(*dictionary, fx, set, *facet);
    QTextStream out(stdout);
    bench::printHeightFit(out, cases, threshold);
    return 0;
}

// `--token-models` / `--write-token-models FILE`: the word models (TokenModelFit.h) on the
// tuning sets (or the --eval sets).
int tokenModels(const QStringList &sets, const QString &writeTo, double threshold)
{
    const auto fixtures = loadTuningSets(sets);
    if (!fixtures)
        return 1;
    const auto dictionary = TechDictionary::loadBuiltIn();
    if (!writeTo.isEmpty()) {
        QFile f(writeTo);
        if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
            QTextStream(stderr) << "cannot write " << writeTo << '\n';
            return 1;
        }
        f.write(bench::tokenModelsJson(*dictionary, *fixtures));
        return 0;
    }
    QTextStream out(stdout);
    bench::printTokenModelsLowo(out, *dictionary, *fixtures, threshold);
    return 0;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addOption({ QStringLiteral("threshold"), QStringLiteral("Match threshold."),
        QStringLiteral("t"), QStringLiteral("0.7") });
    parser.addOption({ QStringLiteral("fixture"), QStringLiteral("Labelled fixture."),
        QStringLiteral("file"), QStringLiteral(GTM_FIXTURE_PATH) });
    parser.addOption(
        { QStringLiteral("verbose"), QStringLiteral("List the wrong calls of the dev split.") });
    parser.addOption(
        { QStringLiteral("verbose-all"), QStringLiteral("List the wrong calls of both splits.") });
    parser.addOption({ QStringLiteral("eval"),
        QStringLiteral("Score an evaluation file against the baselines (dev, heldout or a path)."),
        QStringLiteral("file") });
    parser.addOption({ QStringLiteral("causes"),
        QStringLiteral("With --eval: count the false negatives by cause (counts only).") });
    parser.addOption({ QStringLiteral("goals-of"),
        QStringLiteral("With --eval: judge by this set's goal texts (same ids) instead of each "
                       "file's own, to tell reading the goal from judging the evidence."),
        QStringLiteral("set") });
    parser.addOption({ QStringLiteral("token-models"),
        QStringLiteral("The word models scored leaving one writer out of the tuning sets.") });
    parser.addOption({ QStringLiteral("write-token-models"),
        QStringLiteral("Train the word models on the tuning sets and write them to FILE."),
        QStringLiteral("file") });
    parser.addOption({ QStringLiteral("fit-heights"),
        QStringLiteral("The facet's cue heights learned across the tuning sets (or the --eval "
                       "sets), scored leaving one writer out."),
        QStringLiteral("facet") });
    parser.addOption({ QStringLiteral("lowo"),
        QStringLiteral("Leave one writer out: score each tuning set (or each --eval set) by the "
                       "calibration fitted on the others, next to the uncalibrated judge.") });
    parser.addOption({ QStringLiteral("fit-calibration"),
        QStringLiteral("Fit the calibration on the tuning sets (or the --eval sets) and print "
                       "the table for bench/analysis/FacetCalibration.cpp.") });
    parser.addOption({ QStringLiteral("combination"),
        QStringLiteral("With --lowo / --fit-calibration: how facets combine, product or min."),
        QStringLiteral("how"), QStringLiteral("product") });
    parser.addOption({ QStringLiteral("positive-weight"),
        QStringLiteral("With --lowo / --fit-calibration: how much a missed fit weighs against a "
                       "false match in the fit."),
        QStringLiteral("w"), QStringLiteral("1") });
    parser.addOption({ QStringLiteral("goal-facets"),
        QStringLiteral("Print the facets parsed from a goal, as JSON."), QStringLiteral("goal") });
    parser.addOption({ QStringLiteral("explain"),
        QStringLiteral("Show the analysis of one company for every goal."),
        QStringLiteral("domain") });
    parser.addOption({ QStringLiteral("strategies"),
        QStringLiteral("Print the built-in template strategies for a goal."),
        QStringLiteral("goal") });
    parser.process(app);
    QTextStream out(stdout);

    if (parser.isSet(QStringLiteral("strategies"))) {
        const TemplateStrategyGenerator generator(TechDictionary::loadBuiltIn());
        for (Depth depth : { Depth::Quick, Depth::Standard, Depth::Comprehensive }) {
            const StrategyPlan plan
                = generator.plan(parser.value(QStringLiteral("strategies")), depth, channel::all());
            out << depthToString(depth) << ":\n";
            for (const QueryStrategy &st : plan.strategies)
                out << "  " << QString::number(st.relevanceScore, 'f', 2) << "  "
                    << qSetFieldWidth(14) << Qt::left << st.channel << qSetFieldWidth(0)
                    << st.queryTemplate << '\n';
        }
        return 0;
    }

    if (parser.isSet(QStringLiteral("goal-facets"))) {
        const GoalModel m = parseGoalModel(
            *TechDictionary::loadBuiltIn(), parser.value(QStringLiteral("goal-facets")));
        out << QJsonDocument(m.toJson()).toJson(QJsonDocument::Indented);
        return 0;
    }
    if (parser.isSet(QStringLiteral("token-models"))
        || parser.isSet(QStringLiteral("write-token-models")))
        return tokenModels(parser.values(QStringLiteral("eval")),
            parser.value(QStringLiteral("write-token-models")),
            parser.value(QStringLiteral("threshold")).toDouble());
    if (parser.isSet(QStringLiteral("fit-heights")))
        return fitHeights(parser.values(QStringLiteral("eval")),
            parser.value(QStringLiteral("fit-heights")),
            parser.value(QStringLiteral("threshold")).toDouble());
    if (parser.isSet(QStringLiteral("lowo")) || parser.isSet(QStringLiteral("fit-calibration")))
        return calibrate(parser.values(QStringLiteral("eval")),
            parser.value(QStringLiteral("threshold")).toDouble(),
            parser.isSet(QStringLiteral("lowo")), parser.value(QStringLiteral("combination")),
            parser.value(QStringLiteral("positive-weight")).toDouble());
    if (parser.isSet(QStringLiteral("eval")))
        return evaluate(parser.values(QStringLiteral("eval")),
            parser.value(QStringLiteral("threshold")).toDouble(),
            parser.isSet(QStringLiteral("verbose")) || parser.isSet(QStringLiteral("verbose-all")),
            parser.value(QStringLiteral("goals-of")), parser.isSet(QStringLiteral("causes")));

    QString error;
    const auto fixture = bench::loadTuningFixture(parser.value(QStringLiteral("fixture")), &error);
    const auto dictionary = TechDictionary::loadBuiltIn();
    if (!fixture || !dictionary) {
        QTextStream(stderr) << (fixture ? QStringLiteral("cannot load the technology dictionary")
                                        : error)
                            << '\n';
        return 1;
    }
    const double threshold = parser.value(QStringLiteral("threshold")).toDouble();
    const HeuristicAnalyzer analyzer(dictionary);
    if (parser.isSet(QStringLiteral("explain"))) {
        for (const auto &c : fixture->companies) {
            if (c.domain != parser.value(QStringLiteral("explain")))
                continue;
            for (const auto &g : fixture->goals) {
                const AnalysisOutcome o = analyzer.analyzeNow(AnalysisInput {
                    g.text, c.domain, c.name, c.evidence, {}, fixture->referenceDate });
                out << g.id << ": " << QString::number(o.confidence, 'f', 2) << " (truth "
                    << (c.truth.value(g.id) ? "yes" : "no")
                    << ")  technologies: " << o.technologies.join(QStringLiteral(", ")) << '\n';
                for (const auto &sig : o.signalsFound) {
                    QStringList idx;
                    for (int i : sig.evidenceIndexes)
                        idx << QString::number(i);
                    out << "    - " << sig.text << "  [" << idx.join(u',') << "]\n";
                }
            }
        }
        return 0;
    }
    const bench::Scores s = bench::score(analyzer, *fixture, threshold);

    out << "offline analyzer on " << fixture->companies.size() << " companies x "
        << fixture->goals.size() << " goals, threshold " << threshold << " ("
        << dictionary->technologies().size() << " technologies)\n";
    auto row = [&out](const QString &name, const bench::Counts &c) {
        out << qSetFieldWidth(12) << Qt::left << name << qSetFieldWidth(0) << c.line() << '\n';
    };
    for (const auto &g : fixture->goals)
        row(g.id, s.perGoal.value(g.id));
    QStringList splits = s.perSplit.keys();
    splits.sort();
    for (const QString &split : std::as_const(splits))
        row(split, s.perSplit.value(split));
    row(QStringLiteral("overall"), s.overall);
    const bool all = parser.isSet(QStringLiteral("verbose-all"));
    if (all || parser.isSet(QStringLiteral("verbose"))) {
        for (const auto &m : s.misses)
            if (all || m.split == u"dev")
                out << (m.truth ? "FN " : "FP ") << m.goal << ' ' << m.domain << ' '
                    << QString::number(m.confidence, 'f', 2) << "  [" << m.note << "]\n";
    }
    return 0;
}
