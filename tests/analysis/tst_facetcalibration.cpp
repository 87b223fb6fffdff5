#include "FacetCalibration.h"

#include <QTest>

using namespace gtm;
using namespace gtm::bench;
using namespace Qt::StringLiterals;

namespace {

double fits(CalibrationGroup group, double strength, int sources = 1, double against = 0.0,
    bool rejected = false)
{
    return facetProbability(
        FacetFeatures { group, strength, against, sources, rejected }, fittedCalibration());
}

} // namespace

// The calibration table (bench/analysis/FacetCalibration): whatever a refit gives, a stronger find
// is likelier to fit, a clear one is a match, nothing found is not, and a conjunction is no surer
// than its weakest facet.
class TestFacetCalibration : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyGroup_aStrongerFindIsLikelierToFit()
    {
        for (int g = 0; g < kCalibrationGroups; ++g) {
            const auto group = CalibrationGroup(g);
            const QByteArray name = calibrationGroupName(group).toUtf8();
            QVERIFY2(fits(group, 0.3) < fits(group, 0.6), name.constData());
            QVERIFY2(fits(group, 0.6) < fits(group, 0.9), name.constData());
        }
    }

    void everyGroup_aClearFindIsAMatch_nothingFoundIsFarFromOne()
    {
        for (int g = 0; g < kCalibrationGroups; ++g) {
            const auto group = CalibrationGroup(g);
            const QByteArray name = calibrationGroupName(group).toUtf8();
            QVERIFY2(fits(group, 0.92) >= 0.7, name.constData());
            QVERIFY2(fits(group, 0.0) < 0.1, name.constData());
            QVERIFY2(fits(group, 0.0, 0, 0.0, true) < 0.1, name.constData());
        }
    }

    void aConjunction_isNoSurerThanItsWeakestFacet()
    {
        QCOMPARE(combineFacets({}, kCombination), 0.0);
        QVERIFY(combineFacets({ 0.9, 0.8 }, kCombination) <= 0.8);
        QVERIFY(combineFacets({ 0.9, 0.8 }, Combination::Product) < 0.8);
        QCOMPARE(combineFacets({ 0.9, 0.8 }, Combination::Min), 0.8);
    }
};

QTEST_GUILESS_MAIN(TestFacetCalibration)
#include "tst_facetcalibration.moc"
