// Free first, replayed (issue 17): each labelled company's evidence, as if the sources had
// returned it, goes through the free-first decision of the pipeline (pipeline/FreeFirst.h)
// and through today's plan, where every query is sent. Prints the paid queries each way and
// the pooled F1 each way, per evaluation file.
//   build/bin/bench_freefirst [--eval dev] [--eval heldout] [--threshold 0.7] [--depth standard]
// Without --eval: every evaluation set that is not blind (bench::tuningSets).
// The plan is the built-in template strategies for the goal at that depth. A paid channel's
// items are dealt round-robin over that channel's queries, in plan order, so each query
// brings its own share; the free channels' items (website, jobs, Hacker News) come first.
// Items of a channel the plan has no query for are seen by neither way.
#include "LabelledFixture.h"
#include "model/Channel.h"
#include "pipeline/FreeFirst.h"
#include "strategy/TemplateStrategyGenerator.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QTextStream>

using namespace gtm;

namespace {

struct Tally
{
    bench::Counts every;
    bench::Counts freeFirst;
    qint64 paidPlanned = 0;
    qint64 paidSent = 0;
    QMap<QString, qint64> plannedPerChannel;
    QMap<QString, qint64> sentPerChannel;
    int unreachable = 0; // items of a channel without a query in the plan
    int flipped = 0; // pairs whose match call differs between the two ways
    int decidedFree = 0; // pairs decided before any paid query
};

void replay(const HeuristicAnalyzer &analyzer, const bench::LabelledFixture &fx,
    const bench::LabelledGoal &goal, const StrategyPlan &plan, double threshold, Tally &t)
{
    QList<freefirst::PaidQueue::Query> paid;
    QSet<QString> paidChannels;
    QHash<QString, QList<int>> queriesOfChannel;
    for (int i = 0; i < plan.strategies.size(); ++i) {
        const QString &channel = plan.strategies.at(i).channel;
        queriesOfChannel[channel] << i;
        if (freefirst::isPaidChannel(channel)) {
            paid << freefirst::PaidQueue::Query { i, channel };
            paidChannels.insert(channel);
            t.plannedPerChannel[channel] += fx.companies.size();
        }
    }
    for (const bench::LabelledCompany &c : fx.companies) {
        QList<Evidence> free;
        QHash<int, QList<Evidence>> answers;
        QHash<QString, int> dealt;
        for (const Evidence &e : c.evidence) {
            const QList<int> queries = queriesOfChannel.value(e.channel);
            if (queries.isEmpty()) {
                ++t.unreachable;
                continue;
            }
            if (freefirst::isPaidChannel(e.channel))
                answers[queries.at(dealt[e.channel]++ % queries.size())] << e;
            else
                free << e;
        }
        const auto confidence = [&](const QList<Evidence> &evidence) {
            return analyzer
                .analyzeNow(
                    AnalysisInput { goal.text, c.domain, c.name, evidence, {}, fx.referenceDate })
                .confidence;
        };
        const bool truth = c.truth.value(goal.id);

        QList<Evidence> everything = free;
        for (const auto &q : std::as_const(paid))
            everything += answers.value(q.strategy);
        const bool everyMatch = confidence(everything) >= threshold;
        t.every.add(everyMatch, truth);
        t.paidPlanned += paid.size();

        freefirst::PaidQueue queue(paid, paidChannels);
        QList<Evidence> seen = free;
        int sent = 0;
        double now = confidence(seen);
        for (;;) {
            const freefirst::Step step = queue.next(now, threshold);
            if (step.kind != freefirst::Step::Kind::Send)
                break;
            const QString &channel = plan.strategies.at(step.strategy).channel;
            seen += answers.value(step.strategy);
            queue.answered(channel);
            t.sentPerChannel[channel] += 1;
            ++sent;
            now = confidence(seen);
        }
        t.paidSent += sent;
        if (sent == 0 && !paid.isEmpty())
            ++t.decidedFree;
        const bool freeMatch = now >= threshold;
        t.freeFirst.add(freeMatch, truth);
        if (freeMatch != everyMatch)
            ++t.flipped;
    }
}

QString percent(qint64 part, qint64 whole)
{
    return whole > 0 ? QString::number(100.0 * double(part) / double(whole), 'f', 1) + u'%'
                     : QStringLiteral("-");
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addOption({ QStringLiteral("eval"),
        QStringLiteral("An evaluation file: dev, heldout, heldout2, ... or a path (repeatable; "
                       "default: every set not blind)."),
        QStringLiteral("file") });
    parser.addOption({ QStringLiteral("threshold"), QStringLiteral("Match threshold."),
        QStringLiteral("t"), QStringLiteral("0.7") });
    parser.addOption({ QStringLiteral("depth"), QStringLiteral("quick, standard, comprehensive."),
        QStringLiteral("depth"), QStringLiteral("standard") });
    parser.process(app);
    QTextStream out(stdout);
    QTextStream err(stderr);

    QStringList files = parser.values(QStringLiteral("eval"));
    if (files.isEmpty())
        files = bench::tuningSets();
    const double threshold = parser.value(QStringLiteral("threshold")).toDouble();
    const auto depth = depthFromString(parser.value(QStringLiteral("depth")));
    const auto dictionary = TechDictionary::loadBuiltIn();
    if (!depth || !dictionary) {
        err << (depth ? "cannot load the technology dictionary\n" : "unknown depth\n");
        return 1;
    }
    const HeuristicAnalyzer analyzer(dictionary);
    const TemplateStrategyGenerator generator(dictionary);

    for (const QString &file : std::as_const(files)) {
        QString error;
        const auto fx = bench::loadTuningFixture(file, &error);
        if (!fx) {
            err << error << '\n';
            return 1;
        }
        Tally t;
        for (const bench::LabelledGoal &goal : fx->goals)
            replay(analyzer, *fx, goal, generator.plan(goal.text, *depth, channel::all()),
                threshold, t);

        out << file << ": " << fx->companies.size() << " companies x " << fx->goals.size()
            << " goals, " << depthToString(*depth) << " templates, threshold " << threshold << '\n';
        out << "  paid queries: every query " << t.paidPlanned << ", free first " << t.paidSent
            << " (" << percent(t.paidSent, t.paidPlanned) << ")\n";
        for (auto it = t.plannedPerChannel.cbegin(); it != t.plannedPerChannel.cend(); ++it)
            out << "    " << it.key() << ": " << it.value() << " -> "
                << t.sentPerChannel.value(it.key()) << " ("
                << percent(t.sentPerChannel.value(it.key()), it.value()) << ")\n";
        out << "  decided by free sources alone: " << t.decidedFree << " of "
            << fx->companies.size() * fx->goals.size() << " company x goal pairs\n";
        const auto row = [&out](const char *name, const bench::Counts &c) {
            out << "  " << name << c.line() << '\n';
        };
        row("every query: ", t.every);
        row("free first:  ", t.freeFirst);
        out << "  match calls that differ: " << t.flipped << "; items no query of the plan "
            << "reaches: " << t.unreachable << "\n\n";
    }
    return 0;
}
