// Prints the offline analyzer's precision, recall and F1 on the labelled fixture, per goal,
// per split (dev / held-out) and overall. `--verbose` lists every wrong call.
//   build-debug/bin/bench_analysis [--threshold 0.7] [--fixture FILE] [--verbose]
#include "LabelledFixture.h"
#include "model/Channel.h"
#include "strategy/TemplateStrategyGenerator.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QTextStream>

using namespace gtm;

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

    QString error;
    const auto fixture = bench::loadFixture(parser.value(QStringLiteral("fixture")), &error);
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
                const AnalysisOutcome o
                    = analyzer.analyzeNow(AnalysisInput { g.text, c.domain, {}, c.evidence });
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
        out << qSetFieldWidth(12) << Qt::left << name << qSetFieldWidth(0)
            << QStringLiteral("P %1  R %2  F1 %3   (tp %4 fp %5 fn %6 tn %7)\n")
                   .arg(c.precision(), 0, 'f', 3)
                   .arg(c.recall(), 0, 'f', 3)
                   .arg(c.f1(), 0, 'f', 3)
                   .arg(c.tp)
                   .arg(c.fp)
                   .arg(c.fn)
                   .arg(c.tn);
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
