#include "goal/GoalModel.h"
#include "lexicon/TechDictionary.h"

#include <QJsonDocument>
#include <QTest>

using namespace gtm;
using namespace Qt::StringLiterals;

namespace {

GoalModel parse(const QString &goal)
{
    static const auto dict = TechDictionary::loadBuiltIn();
    return parseGoalModel(*dict, goal);
}

} // namespace

// The goal read into facets: what the user sees as "Looking for: ..." and may edit.
class TestGoalModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void goals_areReadIntoFacets_data()
    {
        QTest::addColumn<QString>("goal");
        QTest::addColumn<QString>("summary");
        QTest::newRow("technology") << u"Companies running Kubernetes in production"_s
                                    << u"Looking for: uses Kubernetes · in production"_s;
        QTest::newRow("family") << u"Accounts whose infrastructure lives on GCP"_s
                                << u"Looking for: uses Google Cloud"_s;
        QTest::newRow("vertical + tech")
            << u"Fintechs or banks that use machine learning to catch fraud"_s
            << u"Looking for: uses AI / machine learning for fraud detection · is in fintech / payments / banking"_s;
        QTest::newRow("segment + model")
            << u"B2B SaaS companies that sell to hospitals and health insurers"_s
            << u"Looking for: sells to healthcare providers / payers · business model: B2B SaaS"_s;
        QTest::newRow("funding") << u"Startups that recently raised a Series B or later"_s
                                 << u"Looking for: raised Series B or later · within 12 months"_s;
        QTest::newRow("funding window")
            << u"Series C rounds in the last 6 months"_s
            << u"Looking for: raised Series C or later · within 6 months"_s;
        QTest::newRow("hiring + tech")
            << u"Hiring a data engineer right now to build on Snowflake"_s
            << u"Looking for: uses Snowflake in the role · hiring: data engineer"_s;
        QTest::newRow("hiring + place")
            << u"Has an open SDR/BDR seat based in Europe"_s
            << u"Looking for: hiring: SDR / BDR (sales development) · role in Europe"_s;
        QTest::newRow("marketplace") << u"Runs a two-sided marketplace"_s
                                     << u"Looking for: business model: two-sided marketplace"_s;
        QTest::newRow("vertical + HQ")
            << u"German freight and logistics companies"_s
            << u"Looking for: is in logistics / freight / supply chain · headquartered in Germany"_s;
        QTest::newRow("size")
            << u"Fintech companies with 50-200 employees"_s
            << u"Looking for: is in fintech / payments / banking · 50-200 employees"_s;
    }

    void goals_areReadIntoFacets()
    {
        QFETCH(QString, goal);
        QFETCH(QString, summary);
        QCOMPARE(parse(goal).summary(), summary);
    }

    void editedFacets_surviveJson()
    {
        GoalModel m = parse(u"Companies that recently raised a Series B"_s);
        m.facets.first().minStage = 3;
        m.facets.first().withinMonths = 6;
        QString error;
        const auto back = GoalModel::fromJson(
            QJsonDocument::fromJson(QJsonDocument(m.toJson()).toJson()).object(), &error);
        QVERIFY2(back, qPrintable(error));
        QCOMPARE(*back, m);
        QCOMPARE(back->summary(), u"Looking for: raised Series C or later · within 6 months"_s);
    }

    void badFacetJson_saysWhatIsWrong()
    {
        QString error;
        const QJsonObject json = QJsonDocument::fromJson(
            R"({"facets":[{"kind":"technology","value":"Kubernetes"},{"kind":"colour","value":"red"}]})")
                                     .object();
        QVERIFY(!GoalModel::fromJson(json, &error));
        QCOMPARE(error, u"facets[1]: unknown facet kind \"colour\""_s);
        QVERIFY(!GoalModel::fromJson(QJsonObject {}, &error));
        QVERIFY(error.contains(u"facets"_s));
    }
};

QTEST_GUILESS_MAIN(TestGoalModel)
#include "tst_goalmodel.moc"
