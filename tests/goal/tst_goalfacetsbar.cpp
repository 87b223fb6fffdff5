#include "GoalFacetsBar.h"
#include "GoalFacetsDialog.h"

#include <QTest>

using namespace gtm;
using namespace Qt::StringLiterals;

// The "Looking for: ..." line under the goal and its edit dialog.
class TestGoalFacetsBar : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void goal_isShownAsFacets()
    {
        GoalFacetsBar bar;
        bar.setGoal(u"Companies running Kubernetes in production"_s);
        QCOMPARE(bar.summaryText(), u"Looking for: uses Kubernetes · in production"_s);
        QVERIFY(!bar.edited());
    }

    void edit_replacesTheFacetsUntilTheGoalChanges()
    {
        GoalFacetsBar bar;
        bar.setGoal(u"Companies that recently raised a Series B"_s);
        bar.setEditor([](QWidget *, const GoalModel &current, const GoalModel &) {
            GoalModel m = current;
            m.facets.first().withinMonths = 6;
            return std::optional<GoalModel>(m);
        });
        bar.edit();
        QVERIFY(bar.edited());
        QCOMPARE(bar.model().facets.first().withinMonths, 6);
        QCOMPARE(bar.summaryText(),
            u"Looking for: raised Series B or later · within 6 months (edited)"_s);
        bar.setGoal(u"Companies running Kubernetes in production"_s);
        QVERIFY(!bar.edited());
        QCOMPARE(bar.summaryText(), u"Looking for: uses Kubernetes · in production"_s);
    }

    void cancelledEdit_changesNothing()
    {
        GoalFacetsBar bar;
        bar.setGoal(u"Companies running Kubernetes in production"_s);
        bar.setEditor([](QWidget *, const GoalModel &, const GoalModel &) {
            return std::optional<GoalModel>();
        });
        bar.edit();
        QVERIFY(!bar.edited());
    }

    void dialog_returnsTheFacetsItShows()
    {
        GoalModel m;
        m.text = u"goal"_s;
        GoalFacet hiring;
        hiring.kind = FacetKind::HiringRole;
        hiring.value = u"sdr"_s;
        GoalFacet place;
        place.kind = FacetKind::Location;
        place.value = u"Europe"_s;
        place.roleScope = true;
        GoalFacet funding;
        funding.kind = FacetKind::Funding;
        funding.minStage = 3;
        funding.withinMonths = 18;
        m.facets = { hiring, place, funding };
        GoalFacetsDialog dialog(m, GoalModel {});
        QCOMPARE(dialog.model(), m);
    }
};

QTEST_MAIN(TestGoalFacetsBar)
#include "tst_goalfacetsbar.moc"
