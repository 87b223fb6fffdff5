#include "LabelledFixture.h"

#include <QTest>

using namespace gtm;
using namespace Qt::StringLiterals;

// The offline analyzer's quality on the labelled fixture (tests/data/analysis), at the match
// threshold of 0.7. The floors are the levels reached when the analyzer froze (see
// docs/bench-analysis.md): a change that loses companies fails here.
class TestAnalysisQuality : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void f1OnLabelledFixture_staysAtTheLevelReached()
    {
        QString error;
        const auto fixture = bench::loadFixture(
            qEnvironmentVariable("GTM_TEST_DATA") + u"/analysis/labelled-companies.json"_s, &error);
        QVERIFY2(fixture, qPrintable(error));
        QVERIFY(fixture->companies.size() >= 100);
        QVERIFY(fixture->goals.size() >= 3);
        const bench::Scores s
            = bench::score(HeuristicAnalyzer(TechDictionary::loadBuiltIn()), *fixture, 0.7);
        const double overall = s.overall.f1();
        // The last batch was written after the analyzer froze: the honest number.
        const double fresh = s.perSplit.value(u"heldout3"_s).f1();
        qInfo("F1 overall %.3f, last held-out batch %.3f", overall, fresh);
        QVERIFY2(overall >= 0.985, qPrintable(QString::number(overall)));
        QVERIFY2(fresh >= 0.93, qPrintable(QString::number(fresh)));
        for (const auto &g : fixture->goals)
            QVERIFY2(s.perGoal.value(g.id).f1() >= 0.975, qPrintable(g.id));
    }
};

QTEST_GUILESS_MAIN(TestAnalysisQuality)
#include "tst_analysisquality.moc"
