#include "goal/GoalParser.h"
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
        // The way reps type goals, not the way the fixtures do: other languages, shorthand,
        // product flavours listed as alternatives, typos.
        QTest::newRow("flavours are one family")
            << u"Kubernetes shops (EKS, GKE, AKS or OpenShift all fine) running it in prod"_s
            << u"Looking for: uses Kubernetes · in production"_s;
        QTest::newRow("alternatives") << u"Teams whose warehouse is Snowflake or BigQuery"_s
                                      << u"Looking for: uses Snowflake or Google Cloud"_s;
        QTest::newRow("a stack is several facets")
            << u"Python backends, Kafka in production"_s
            << u"Looking for: uses Python · uses Apache Kafka · in production"_s;
        QTest::newRow("ruled out")
            << u"On Azure rather than AWS"_s << u"Looking for: uses Microsoft Azure"_s;
        QTest::newRow("stage shorthand")
            << u"post-B startups, funded in the last 12mo"_s
            << u"Looking for: raised Series B or later · within 12 months"_s;
        QTest::newRow("B+ over the past year")
            << u"Raised a B+ over the past year"_s
            << u"Looking for: raised Series B or later · within 12 months"_s;
        QTest::newRow("German stage and window")
            << u"Firmen mit einer B-Runde im letzten Jahr"_s
            << u"Looking for: raised Series B or later · within 12 months"_s;
        QTest::newRow("French window")
            << u"Levée de fonds en série C au cours des 18 derniers mois"_s
            << u"Looking for: raised Series C or later · within 18 months"_s;
        QTest::newRow("Spanish window")
            << u"Empresas que cerraron una ronda Serie A en el último año"_s
            << u"Looking for: raised Series A or later · within 12 months"_s;
        QTest::newRow("Dutch window")
            << u"Scale-ups die afgelopen jaar een Series B ophaalden"_s
            << u"Looking for: raised Series B or later · within 12 months"_s;
        QTest::newRow("German fraud")
            << u"Zahlungsanbieter mit KI-gestützter Betrugserkennung"_s
            << u"Looking for: uses AI / machine learning for fraud detection · is in fintech / payments / banking"_s;
        QTest::newRow("French fraud")
            << u"Néobanques qui font de la détection de fraude par IA"_s
            << u"Looking for: uses AI / machine learning for fraud detection · is in fintech / payments / banking"_s;
        QTest::newRow("German role + place")
            << u"Wer sucht Dateningenieure mit Snowflake in Deutschland?"_s
            << u"Looking for: uses Snowflake in the role · hiring: data engineer · role in Germany"_s;
        QTest::newRow("HQ before the hiring ask")
            << u"Allemagne: sociétés qui recrutent des SDR"_s
            << u"Looking for: hiring: SDR / BDR (sales development) · headquartered in Germany"_s;
        // A goal pasted with its line breaks and indentation: the country code is found in the
        // goal as typed, and the seat wording before it must be read at the same place.
        QTest::newRow("seat by country code, pasted over lines")
            << u"Companies hiring SDRs\n\n            whose HQ is in DE, any city"_s
            << u"Looking for: hiring: SDR / BDR (sales development) · headquartered in Germany"_s;
        QTest::newRow("Dutch seat")
            << u"Logistieke bedrijven gevestigd in Duitsland"_s
            << u"Looking for: is in logistics / freight / supply chain · headquartered in Germany"_s;
        // Warehousing is a trade here, not a data warehouse the company would run.
        QTest::newRow("warehousing is logistics")
            << u"Freight and warehousing companies HQ in Germany"_s
            << u"Looking for: is in logistics / freight / supply chain · headquartered in Germany"_s;
        QTest::newRow("warehouse operators, in Dutch")
            << u"Warehouse-bedrijven en expediteurs met hoofdkantoor in Duitsland"_s
            << u"Looking for: is in logistics / freight / supply chain · headquartered in Germany"_s;
        QTest::newRow("a data warehouse stays a technology")
            << u"Teams that moved their warehouse to Snowflake"_s
            << u"Looking for: uses Snowflake"_s;
        QTest::newRow("Spanish seat")
            << u"Empresas de transporte con sede en Alemania"_s
            << u"Looking for: is in logistics / freight / supply chain · headquartered in Germany"_s;
        QTest::newRow("selling to, in French")
            << u"Éditeurs de logiciels qui vendent aux cliniques"_s
            << u"Looking for: sells to healthcare providers / payers · business model: B2B SaaS"_s;
        QTest::newRow("a software role is not a software company")
            << u"Hiring backend engineers in London"_s
            << u"Looking for: hiring: software engineer · role in United Kingdom"_s;
        QTest::newRow("an ML role is not machine learning")
            << u"Open ML engineer roles"_s << u"Looking for: hiring: ml engineer"_s;
        QTest::newRow("typos") << u"comapnies runing kubernets in prodution"_s
                               << u"Looking for: uses Kubernetes · in production"_s;
        QTest::newRow("size in German") << u"Versicherer mit mehr als 500 Mitarbeitern"_s
                                        << u"Looking for: is in insurance · 500+ employees"_s;
        QTest::newRow("size ceiling")
            << u"SaaS with fewer than 50 people"_s
            << u"Looking for: business model: B2B SaaS · up to 50 employees"_s;
    }

    void goals_areReadIntoFacets()
    {
        QFETCH(QString, goal);
        QFETCH(QString, summary);
        QCOMPARE(parse(goal).summary(), summary);
    }

    // "Since" and a year count back from the run's reference date.
    void windowsByDate_countBackFromTheReferenceDate()
    {
        static const auto dict = TechDictionary::loadBuiltIn();
        const QDate today(2026, 12, 1);
        QCOMPARE(parseGoalModel(*dict, u"Series B+ since Dec 2025"_s, today).summary(),
            u"Looking for: raised Series B or later · within 12 months"_s);
        QCOMPARE(parseGoalModel(*dict, u"Serie-A-Finanzierung seit Juni 2026"_s, today).summary(),
            u"Looking for: raised Series A or later · within 6 months"_s);
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
