#include "EvidenceBuilder.h"
#include "ReadingFiles.h"
#include "analysis/HeuristicAnalyzer.h"
#include "lexicon/TechDictionary.h"

#include <QJsonObject>
#include <QTest>

using namespace gtm;
using namespace Qt::StringLiterals;
using gtm::test::evidence;
using gtm::test::EvidenceSource;

namespace {

const QString kHealthSaasGoal = u"SaaS vendors that sell to hospitals, clinics or health plans"_s;
const QString kMarketplaceGoal = u"Two-sided marketplaces matching buyers with sellers"_s;

AnalysisOutcome analyze(const QString &goal, const QString &domain, const QList<Evidence> &evidence)
{
    static const auto dict = TechDictionary::loadBuiltIn();
    return HeuristicAnalyzer(dict).analyzeNow(AnalysisInput { goal, domain, {}, evidence });
}

const EvidenceSource kPosting { .name = u"Greenhouse"_s, .channel = u"jobs_search"_s };

// The line of the evidence pane for a facet ("business model: B2B SaaS — ...").
QString signalFor(const AnalysisOutcome &o, const QString &facetStart)
{
    for (const GoalSignal &s : o.signalsFound)
        if (s.text.startsWith(facetStart))
            return s.text;
    return {};
}

} // namespace

// What a company is, read from all its pages at once (core/analysis/CompanyProfile).
class TestCompanyProfile : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void healthSaas_vendorShownAcrossPagesWithoutAPriceOrTheWordSoftware_isAMatch()
    {
        // No sentence says "SaaS" or names a price: hospitals counted as users, a go-live team
        // for its hospital customers and nurse managers as users say it together.
        const AnalysisOutcome o = analyze(kHealthSaasGoal, u"bedline.io"_s,
            { evidence(u"https://bedline.io/"_s, u"Bedline - live bed boards"_s,
                  u"Bedline keeps bed boards current for nurse managers and patient flow teams. "
                  "85 community hospitals run their patient flow on Bedline."_s),
                evidence(u"https://boards.greenhouse.io/bedline/jobs/31"_s,
                    u"Implementation Manager"_s,
                    u"Own the rollout plan with our hospital customers and train their charge "
                    "nurses."_s,
                    kPosting) });
        QVERIFY2(o.confidence >= 0.7, qPrintable(QString::number(o.confidence)));
        // The evidence pane says why, citing a sentence of the evidence.
        const QString model = signalFor(o, u"business model: B2B SaaS"_s);
        QVERIFY2(model.contains(u"the company as a whole"_s), qPrintable(model));
        QVERIFY2(model.contains(u"85 community hospitals run their patient flow on Bedline."_s),
            qPrintable(model));
    }

    void healthSaas_inGerman_isReadWithTheSameWordClasses()
    {
        const AnalysisOutcome o = analyze(kHealthSaasGoal, u"stationsblick.de"_s,
            { evidence(u"https://stationsblick.de/"_s, u"Stationsblick"_s,
                u"Stationsblick ist eine Cloud-Software für Stationsleitungen und Pflegekräfte in "
                "Krankenhäusern. Über 120 Kliniken arbeiten mit Stationsblick; Abo ab 3 Euro pro "
                "Bett und Monat."_s) });
        QVERIFY2(o.confidence >= 0.7, qPrintable(QString::number(o.confidence)));
    }

    void healthSaas_customerStoryAndSecurityPage_addUp()
    {
        // Never "software" nor a price: its own page telling a practice's story and its
        // security page (SOC 2, a BAA with each client clinic) say it together.
        const AnalysisOutcome o = analyze(kHealthSaasGoal, u"ledgerleaf.health"_s,
            { evidence(u"https://ledgerleaf.health/stories/harbour-orthopedics"_s,
                  u"Harbour Orthopedics closes its month two days sooner"_s,
                  u"Its billing team now clears claim denials in Ledgerleaf instead of on the "
                  "phone."_s),
                evidence(u"https://ledgerleaf.health/trust"_s, u"Trust"_s,
                    u"SOC 2 Type II audited; a signed BAA with every client clinic."_s) });
        QVERIFY2(o.confidence >= 0.7, qPrintable(QString::number(o.confidence)));
    }

    void healthSaas_customersCountedInAPostingAndHospitalsThatUseIt_addUp()
    {
        const AnalysisOutcome o = analyze(kHealthSaasGoal, u"theatrely.com"_s,
            { evidence(u"https://theatrely.com/"_s, u"Theatrely"_s,
                  u"Operating-room schedules that rebuild themselves, for the hospitals that use "
                  "them."_s),
                evidence(u"https://boards.greenhouse.io/theatrely/jobs/77"_s,
                    u"Customer Success Manager, Hospitals"_s,
                    u"Look after 20 hospital customers and their perioperative leads."_s,
                    kPosting) });
        QVERIFY2(o.confidence >= 0.7, qPrintable(QString::number(o.confidence)));
    }

    void healthSaas_vendorToEveryIndustryWithAHospitalCaseStudy_isNoMatch()
    {
        const AnalysisOutcome o = analyze(kHealthSaasGoal, u"phishguard.com"_s,
            { evidence(u"https://phishguard.com/customers/hillcrest"_s,
                  u"Case study: Hillcrest Hospital rolls out Phishguard to 3,000 staff"_s,
                  u"Clinicians at the 400-bed hospital now finish the training between shifts."_s),
                evidence(u"https://phishguard.com/about"_s, u"About Phishguard"_s,
                    u"Phishguard trains the staff of any organisation that reads email. Our 1,800 "
                    "customers include retailers, banks, law firms and universities. Priced per "
                    "user per month."_s) });
        QVERIFY2(o.confidence < 0.7, qPrintable(QString::number(o.confidence)));
        const QString segment = signalFor(o, u"Not counted for sells to healthcare"_s);
        QVERIFY2(segment.contains(u"one vertical among many"_s), qPrintable(segment));
    }
    void healthSaas_headlineNamingSoftwareAndProvidersCounted_addUp()
    {
        // The home page's headline names the product as software and counts its hospices; a
        // posting brings new agencies live on it. No price, no "SaaS".
        const AnalysisOutcome o = analyze(kHealthSaasGoal, u"vigilnote.com"_s,
            { evidence(u"https://vigilnote.com/"_s, u"Vigilnote - bereavement follow-up software"_s,
                  u"Family calls and grief visits planned for you. 140 hospices."_s),
                evidence(u"https://boards.greenhouse.io/vigilnote/jobs/12"_s,
                    u"Onboarding Specialist"_s,
                    u"Run the onboarding of new hospice clients, from data import to first "
                    "visit."_s,
                    kPosting) });
        QVERIFY2(o.confidence >= 0.7, qPrintable(QString::number(o.confidence)));
        const QString model = signalFor(o, u"business model: B2B SaaS"_s);
        QVERIFY2(model.contains(u"its headline names software"_s), qPrintable(model));
    }

    void healthSaas_customerSuccessSeatForNamedCustomersAndASecurityPage_addUp()
    {
        // A product never called software: a customer-success seat for a named kind of
        // customer and a security page written for their reviewers say vendor together.
        const AnalysisOutcome o = analyze(kHealthSaasGoal, u"dialtone.health"_s,
            { evidence(u"https://dialtone.health/"_s, u"Dialtone"_s,
                  u"After-hours phone triage for pediatric practices."_s),
                evidence(u"https://jobs.lever.co/dialtone/csm"_s,
                    u"Customer Success Manager, Pediatric Groups"_s,
                    u"Keep our practice customers renewing year after year."_s, kPosting),
                evidence(u"https://dialtone.health/security"_s, u"Security"_s,
                    u"Call recordings are encrypted and we sign a BAA on request."_s) });
        QVERIFY2(o.confidence >= 0.7, qPrintable(QString::number(o.confidence)));
        const QString model = signalFor(o, u"business model: B2B SaaS"_s);
        QVERIFY2(model.contains(u"hires to keep its customers"_s), qPrintable(model));
    }

    void healthSaas_inDutch_hospitalPharmaciesAreItsBuyers()
    {
        const AnalysisOutcome o = analyze(kHealthSaasGoal, u"doseerwijzer.nl"_s,
            { evidence(u"https://doseerwijzer.nl/"_s, u"Doseerwijzer"_s,
                  u"Doseerwijzer is het controleplatform voor ziekenhuisapotheken: 21 ziekenhuizen "
                  "werken ermee, per jaar gelicenseerd."_s),
                evidence(u"https://jobs.lever.co/doseerwijzer/impl"_s,
                    u"Implementatieconsultant Ziekenhuizen"_s,
                    u"Je begeleidt nieuwe klanten bij de implementatie."_s, kPosting) });
        QVERIFY2(o.confidence >= 0.7, qPrintable(QString::number(o.confidence)));
    }

    void healthSaas_staffingPricedByTheHour_isNoMatch()
    {
        // Hospitals are its customers and it bills them, but it sells its people's hours.
        const AnalysisOutcome o = analyze(kHealthSaasGoal, u"wardcover.com"_s,
            { evidence(u"https://wardcover.com/hospitals"_s, u"For hospitals"_s,
                  u"Wardcover sends locum anaesthetists to 90 hospitals, billed per hour worked. "
                  "Book cover in our app."_s),
                evidence(u"https://jobs.lever.co/wardcover/am"_s,
                    u"Customer Success Manager, NHS Trusts"_s,
                    u"Keep our trust customers happy with cover that turns up."_s, kPosting) });
        QVERIFY2(o.confidence < 0.7, qPrintable(QString::number(o.confidence)));
    }

    void healthSaas_softwareForVeterinaryClinics_isNoMatch()
    {
        const AnalysisOutcome o = analyze(kHealthSaasGoal, u"pawchart.de"_s,
            { evidence(u"https://pawchart.de/"_s, u"Pawchart – Praxissoftware für Tierarztpraxen"_s,
                  u"Terminplanung und Abrechnung für Tierärzte, 49 € pro Monat."_s),
                evidence(u"https://jobs.lever.co/pawchart/cs"_s,
                    u"Customer Success Manager Kleintierpraxen"_s,
                    u"Du betreust 200 Praxiskunden im Onboarding."_s, kPosting) });
        QVERIFY2(o.confidence < 0.7, qPrintable(QString::number(o.confidence)));
    }

    void healthSaas_hospitalDescribingItselfAndItsTools_isNoMatch()
    {
        const AnalysisOutcome o = analyze(kHealthSaasGoal, u"stmungo.org"_s,
            { evidence(u"https://stmungo.org/about"_s, u"About St Mungo's"_s,
                  u"A teaching hospital with 520 beds and three outpatient clinics."_s),
                evidence(u"https://stmungo.org/careers/it"_s, u"Digital at St Mungo's"_s,
                    u"Our digital team runs a cloud EHR, a patient portal and 30 SaaS tools for "
                    "our 520-bed hospital."_s) });
        QVERIFY2(o.confidence < 0.7, qPrintable(QString::number(o.confidence)));
    }

    void healthSaas_aClinicSoftwareBusinessSoldOff_isNoMatch()
    {
        // The clinics counted were the customers of a business it no longer has.
        const AnalysisOutcome o = analyze(kHealthSaasGoal, u"lumenfit.com"_s,
            { evidence(u"https://www.digitalhealthwire.example/lumenfit"_s,
                  u"Lumenfit leaves clinic software"_s,
                  u"Lumenfit sold its physiotherapy practice platform, used by 300 clinics, to a "
                  "rival in 2025."_s),
                evidence(u"https://lumenfit.com/"_s, u"Lumenfit"_s,
                    u"Home workouts with a coach who checks in every week."_s) });
        QVERIFY2(o.confidence < 0.7, qPrintable(QString::number(o.confidence)));
    }

    // Companies read as a whole, one per row of tests/data/analysis/company-readings/ (one file
    // per concern): the cases of the cue classes added in session 8 and after.
    void companyReading_data()
    {
        QTest::addColumn<QString>("goal");
        QTest::addColumn<QString>("domain");
        QTest::addColumn<QList<Evidence>>("items");
        QTest::addColumn<bool>("match");
        const QList<test::ReadingFile> files = test::readingFiles(u"analysis/company-readings"_s);
        QVERIFY2(!files.isEmpty(), "tests/data/analysis/company-readings");
        for (const test::ReadingFile &file : files) {
            QVERIFY2(file.error.isEmpty(), qPrintable(file.name + u": "_s + file.error));
            for (const QJsonValue &r : file.readings) {
                QList<Evidence> items;
                for (const QJsonValue &e : r[u"evidence"].toArray())
                    items << evidence(e[u"url"].toString(), e[u"title"].toString(),
                        e[u"snippet"].toString(),
                        { .name = e[u"source"].toString(u"Tavily"_s),
                            .channel = e[u"channel"].toString(u"google_search"_s),
                            .publishedAt = e[u"published"].toString() });
                QTest::addRow("%s: %s", qPrintable(file.name), qPrintable(r[u"name"].toString()))
                    << r[u"goal"].toString() << r[u"domain"].toString() << items
                    << r[u"match"].toBool();
            }
        }
    }

    void companyReading()
    {
        QFETCH(QString, goal);
        QFETCH(QString, domain);
        QFETCH(QList<Evidence>, items);
        QFETCH(bool, match);
        const AnalysisOutcome o = analyze(goal, domain, items);
        QVERIFY2((o.confidence >= 0.7) == match, qPrintable(QString::number(o.confidence)));
    }

    void marketplace_cuesSpreadOverPages_addUp()
    {
        // Each page shows one way a marketplace works; none says all of it.
        const AnalysisOutcome o = analyze(kMarketplaceGoal, u"rigshare.com"_s,
            { evidence(u"https://rigshare.com/how-it-works"_s, u"How it works"_s,
                  u"Owners list idle camera rigs by the day."_s),
                evidence(u"https://www.filmbiz-news.example.org/rigshare"_s,
                    u"Rigshare grows in Manchester"_s,
                    u"Rigshare keeps 12% of what renters pay, its founder said."_s),
                evidence(u"https://rigshare.com/faq"_s, u"FAQ"_s,
                    u"Renters compare offers and book the nearest rig."_s) });
        QVERIFY2(o.confidence >= 0.7, qPrintable(QString::number(o.confidence)));
        const QString model = signalFor(o, u"business model: two-sided marketplace"_s);
        QVERIFY2(model.contains(u"the company as a whole"_s), qPrintable(model));
    }

    void marketplace_inSpanish_isReadWithTheSameWordClasses()
    {
        const AnalysisOutcome o = analyze(kMarketplaceGoal, u"furgoviaje.es"_s,
            { evidence(u"https://furgoviaje.es/como-funciona"_s, u"Cómo funciona"_s,
                u"Los propietarios publican sus furgonetas camper y los viajeros las reservan en "
                "la web. Cobramos una comisión del 12 % por reserva."_s) });
        QVERIFY2(o.confidence >= 0.7, qPrintable(QString::number(o.confidence)));
    }

    void marketplace_sidesTradingOnOnePageAndTheMoneyHeldOnAnother_addUp()
    {
        // In Dutch, never the word: renters book vans from owners, and the company in between
        // settles the payment. Two kinds of people trading and the money held add up.
        const AnalysisOutcome o = analyze(kMarketplaceGoal, u"busdelen.nl"_s,
            { evidence(u"https://busdelen.nl/"_s, u"Busdelen"_s,
                  u"Huurders huren een bestelbus van eigenaren in de buurt."_s),
                evidence(u"https://busdelen.nl/verhuurders"_s, u"Verhuur je bus"_s,
                    u"Busdelen regelt de betaling en verzekert de eigenaren."_s) });
        QVERIFY2(o.confidence >= 0.7, qPrintable(QString::number(o.confidence)));
        const QString model = signalFor(o, u"business model: two-sided marketplace"_s);
        QVERIFY2(model.contains(u"holds the money between the sides"_s), qPrintable(model));
    }

    void marketplace_connectingYourToolsIsNoMatchingOfSides()
    {
        const AnalysisOutcome o = analyze(kMarketplaceGoal, u"nodewatch.io"_s,
            { evidence(u"https://nodewatch.io/pricing"_s, u"Pricing"_s,
                u"Free for one cluster. Team: $12 per node per month. Connect your clusters with "
                "a read-only agent."_s) });
        QVERIFY2(o.confidence < 0.7, qPrintable(QString::number(o.confidence)));
    }

    void marketplace_aServiceThatEmploysItsWorkers_isNoMatch()
    {
        const AnalysisOutcome o = analyze(kMarketplaceGoal, u"brightmop.com"_s,
            { evidence(u"https://brightmop.com/about"_s, u"About Brightmop"_s,
                u"Unlike the apps that match households with gig cleaners, Brightmop employs "
                "every cleaner directly. Book a clean online in two minutes."_s) });
        QVERIFY2(o.confidence < 0.7, qPrintable(QString::number(o.confidence)));
        const QString against = signalFor(o, u"Not counted for business model"_s);
        QVERIFY2(against.contains(u"employs every cleaner directly"_s), qPrintable(against));
    }
};

QTEST_GUILESS_MAIN(TestCompanyProfile)
#include "tst_companyprofile.moc"
