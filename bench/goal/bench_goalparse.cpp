// How the offline goal parser reads goals as sales reps type them: the share of labelled
// phrasings (tests/data/goal/phrasings-*.json) whose facets it reads exactly, per facet kind, per
// language and per goal meaning, and the parse time.
//   build/bin/bench_goalparse --phrasings a [--phrasings b] [--failures]
// "a" and "b" name the files of tests/data/goal; anything else is a path. The held-out file
// (phrasings-b) is scored in aggregate only: --failures lists nothing of it.
#include "Phrasings.h"
#include "lexicon/TechDictionary.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QTextStream>

using namespace gtm;

namespace {

QString phrasingsPath(const QString &nameOrPath)
{
    if (nameOrPath == u"a" || nameOrPath == u"b")
        return QStringLiteral(GTM_GOAL_DATA "/phrasings-%1.json").arg(nameOrPath);
    return nameOrPath;
}

void table(QTextStream &out, const QString &title, const QMap<QString, bench::Tally> &rows)
{
    if (rows.isEmpty())
        return;
    out << title << ":\n";
    for (auto it = rows.cbegin(); it != rows.cend(); ++it)
        out << "  " << qSetFieldWidth(20) << Qt::left << it.key() << qSetFieldWidth(0)
            << it.value().line() << '\n';
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addOption({ QStringLiteral("phrasings"),
        QStringLiteral("A phrasings file: a, b or a path (repeatable)."), QStringLiteral("file") });
    parser.addOption({ QStringLiteral("failures"),
        QStringLiteral("List the phrasings read wrong (never of the held-out file).") });
    parser.process(app);
    QTextStream out(stdout);
    const auto dictionary = TechDictionary::loadBuiltIn();
    QStringList files = parser.values(QStringLiteral("phrasings"));
    if (files.isEmpty())
        files << QStringLiteral("a");
    for (const QString &name : std::as_const(files)) {
        const QString path = phrasingsPath(name);
        QString error;
        const auto phrasings = bench::loadPhrasings(path, &error);
        if (!phrasings) {
            QTextStream(stderr) << error << '\n';
            return 1;
        }
        const bench::PhrasingScores s = bench::scorePhrasings(*dictionary, *phrasings);
        out << path << ": " << phrasings->size() << " phrasings, all facets right "
            << s.overall.line() << ", " << QString::number(s.usPerGoal, 'f', 1) << " us per goal\n";
        table(out, QStringLiteral("per facet kind"), s.perKind);
        table(out, QStringLiteral("per language"), s.perLang);
        table(out, QStringLiteral("per goal meaning"), s.perMeaning);
        if (!parser.isSet(QStringLiteral("failures")))
            continue;
        if (bench::isHeldOutPhrasings(path)) {
            out << "(no failures listed: " << path << " is held out)\n";
            continue;
        }
        for (const bench::PhrasingMiss &m : s.misses) {
            GoalModel want;
            want.facets = m.phrasing->facets;
            out << "- [" << m.phrasing->lang << "] " << m.phrasing->text << "\n    want "
                << want.summary() << "\n    got  " << m.parsed.summary() << '\n';
        }
    }
    return 0;
}
