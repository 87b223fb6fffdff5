#include "LabelledFixture.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace gtm;
using namespace Qt::StringLiterals;

// The offline analyzer's quality at the match threshold of 0.7 (docs/bench-analysis.md).
// The floors sit a little under the levels reached so that a change that loses companies fails
// here, while a new batch of evaluation data does not break the build by itself.
class TestAnalysisQuality : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // The evaluation sets of tests/data/analysis/eval: ten goals of eight kinds, written by
    // helpers that did not write the analyzer. The analyzer is tuned on dev.json, and since
    // 2026-12-01 on heldout.json ("heldout-1"), heldout2.json ("heldout-2", since session 4) and
    // heldout3.json ("heldout-3", since session 5), heldout4.json (since session 6), heldout5.json
    // and heldout6.json (since session 7), heldout7.json and heldout8.json (since session 8),
    // heldout9.json and heldout10.json (since session 9) too. The fresh held-out sets
    // heldout11.json and heldout12.json (bench::isBlindSet) are checked per goal kind only, and a
    // failure names no company. The floors sit just under the levels
    // recorded in docs/bench-analysis.md.
    void f1OnEvaluationSet_staysAboveTheFloor_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<double>("macroFloor");
        QTest::addColumn<double>("goalFloor");
        QTest::addColumn<bool>("byKind");
        QTest::newRow("dev") << u"dev.json"_s << 0.965 << 0.90 << false;
        QTest::newRow("heldout-1") << u"heldout.json"_s << 0.96 << 0.88 << false;
        QTest::newRow("heldout-2") << u"heldout2.json"_s << 0.96 << 0.90 << false;
        QTest::newRow("heldout-3") << u"heldout3.json"_s << 0.96 << 0.87 << false;
        QTest::newRow("heldout-4") << u"heldout4.json"_s << 0.965 << 0.92 << false;
        QTest::newRow("heldout-5") << u"heldout5.json"_s << 0.95 << 0.90 << false;
        QTest::newRow("heldout-6") << u"heldout6.json"_s << 0.95 << 0.905 << false;
        QTest::newRow("heldout-7") << u"heldout7.json"_s << 0.975 << 0.935 << false;
        QTest::newRow("heldout-8") << u"heldout8.json"_s << 0.96 << 0.89 << false;
        QTest::newRow("heldout-9") << u"heldout9.json"_s << 0.92 << 0.84 << false;
        QTest::newRow("heldout-10") << u"heldout10.json"_s << 0.895 << 0.82 << false;
        QTest::newRow("heldout11") << u"heldout11.json"_s << 0.91 << 0.85 << true;
        QTest::newRow("heldout12") << u"heldout12.json"_s << 0.925 << 0.89 << true;
    }

    void f1OnEvaluationSet_staysAboveTheFloor()
    {
        QFETCH(QString, file);
        QFETCH(double, macroFloor);
        QFETCH(double, goalFloor);
        QFETCH(bool, byKind);
        QString error;
        const auto fixture = bench::loadFixture(
            qEnvironmentVariable("GTM_TEST_DATA") + u"/analysis/eval/"_s + file, &error);
        QVERIFY2(fixture, qPrintable(error));
        QVERIFY(fixture->goals.size() >= 10);
        QVERIFY(fixture->referenceDate.isValid());
        const auto dictionary = TechDictionary::loadBuiltIn();
        const bench::Scores s = bench::score(HeuristicAnalyzer(dictionary), *fixture, 0.7);
        const bench::Scores naive
            = bench::scoreBaseline(*dictionary, bench::Baseline::AnyKeyTerm, *fixture);
        qInfo("%s macro F1 %.3f (any-key-term baseline %.3f)", qPrintable(file), s.macroF1,
            naive.macroF1);
        QVERIFY2(s.macroF1 >= macroFloor, qPrintable(QString::number(s.macroF1)));
        QVERIFY(s.macroF1 > naive.macroF1 + 0.25);
        for (const auto &g : fixture->goals) {
            const QString name = byKind ? g.kind : g.id;
            const double f1 = byKind ? s.perKind.value(g.kind).f1() : s.perGoal.value(g.id).f1();
            const double baseline
                = byKind ? naive.perKind.value(g.kind).f1() : naive.perGoal.value(g.id).f1();
            QVERIFY2(f1 >= goalFloor, qPrintable(u"%1: %2"_s.arg(name).arg(f1)));
            QVERIFY2(f1 > baseline, qPrintable(name));
        }
    }

    // The older fixture of four goals (tests/data/analysis/labelled-companies.json). The facet
    // judge reads "Go or Java" in a requirement list as an option, as the evaluation set's
    // labelling rule says, where this fixture counted it: its floor is lower than the old
    // analyzer's 0.985 for that reason (docs/bench-analysis.md lists the differences).
    // The benches fit and compare on the tuning sets: a held-out set joins them the day
    // isBlindSet lets it go, and a blind one is never among them.
    void tuningSets_everyEvaluationSetButTheBlindOnes_inTheOrderWritten()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        for (const QString &name : { u"heldout12"_s, u"heldout2"_s, u"dev"_s, u"heldout9"_s,
                 u"heldout10"_s, u"heldout"_s, u"heldout8"_s, u"labelled-companies"_s })
            QVERIFY(QFile(dir.filePath(name + u".json"_s)).open(QIODevice::WriteOnly));
        QCOMPARE(bench::tuningSets(dir.path()),
            QStringList({ u"dev"_s, u"heldout"_s, u"heldout2"_s, u"heldout8"_s, u"heldout9"_s,
                u"heldout10"_s }));
    }

    // A blind file is refused by its name: were it opened first, even a parse error would tell
    // something about it.
    void loadTuningFixture_refusesABlindSetBeforeOpeningIt()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QFile blind(dir.filePath(u"heldout11.json"_s));
        QVERIFY(blind.open(QIODevice::WriteOnly));
        blind.write("{ not json");
        blind.close();
        QString error;
        QVERIFY(!bench::loadTuningFixture(blind.fileName(), &error));
        QCOMPARE(error, u"heldout11 is scored blind: only --eval reads it, in aggregate"_s);
        QVERIFY(!bench::loadTuningFixture(dir.filePath(u"heldout8.json"_s), &error));
        QVERIFY2(!error.contains(u"blind"_s), qPrintable(error));
    }

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
        qInfo("F1 overall %.3f", overall);
        QVERIFY2(overall >= 0.94, qPrintable(QString::number(overall)));
        for (const auto &g : fixture->goals)
            QVERIFY2(s.perGoal.value(g.id).f1() >= 0.9, qPrintable(g.id));
    }
};

QTEST_GUILESS_MAIN(TestAnalysisQuality)
#include "tst_analysisquality.moc"
