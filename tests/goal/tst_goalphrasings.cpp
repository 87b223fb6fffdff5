#include "Phrasings.h"
#include "lexicon/TechDictionary.h"

#include <QTest>

using namespace gtm;
using namespace Qt::StringLiterals;

// How the goal parser reads goals the way sales reps type them, in five languages
// (tests/data/goal/phrasings-*.json, written by two helpers who did not read the parser;
// docs/bench-analysis.md has the numbers and `bench_goalparse`). Phrasings A are tuning data:
// every phrasing read wrong is listed. Phrasings B are held out: scored in aggregate only, a
// failure says the numbers and never a phrasing. The floors sit just under the levels reached.
class TestGoalPhrasings : public QObject
{
    Q_OBJECT

private:
    static bench::PhrasingScores score(const QString &file, int *count)
    {
        static const auto dictionary = TechDictionary::loadBuiltIn();
        static QList<bench::Phrasing> keep; // the misses point into it
        QString error;
        const auto phrasings = bench::loadPhrasings(
            qEnvironmentVariable("GTM_TEST_DATA") + u"/goal/"_s + file, &error);
        if (!phrasings)
            qFatal("%s", qPrintable(error));
        keep = *phrasings;
        *count = int(keep.size());
        return bench::scorePhrasings(*dictionary, keep);
    }

private Q_SLOTS:
    void tuningPhrasings_areReadAboveTheFloor()
    {
        int count = 0;
        const bench::PhrasingScores s = score(u"phrasings-a.json"_s, &count);
        for (const bench::PhrasingMiss &m : s.misses) {
            GoalModel want;
            want.facets = m.phrasing->facets;
            qInfo("[%s] %s\n    want %s\n    got  %s", qPrintable(m.phrasing->lang),
                qPrintable(m.phrasing->text), qPrintable(want.summary()),
                qPrintable(m.parsed.summary()));
        }
        qInfo("phrasings A: %s read right", qPrintable(s.overall.line()));
        QVERIFY(count >= 180);
        QVERIFY2(s.overall.accuracy() >= 0.98, qPrintable(s.overall.line()));
        for (auto it = s.perLang.cbegin(); it != s.perLang.cend(); ++it)
            QVERIFY2(it.value().accuracy() >= 0.95, qPrintable(it.key() + u' ' + it.value().line()));
    }

    void heldOutPhrasings_areReadAboveTheFloor()
    {
        int count = 0;
        const bench::PhrasingScores s = score(u"phrasings-b.json"_s, &count);
        qInfo("phrasings B (held out): %s read right", qPrintable(s.overall.line()));
        QVERIFY(count >= 180);
        QVERIFY2(s.overall.accuracy() >= 0.94, qPrintable(s.overall.line()));
        for (auto it = s.perLang.cbegin(); it != s.perLang.cend(); ++it)
            QVERIFY2(it.value().accuracy() >= 0.9, qPrintable(it.key() + u' ' + it.value().line()));
        QVERIFY2(s.perLang.size() >= 4, "fewer than four languages");
    }
};

QTEST_GUILESS_MAIN(TestGoalPhrasings)
#include "tst_goalphrasings.moc"
