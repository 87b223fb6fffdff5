#include "EvidenceBuilder.h"
#include "analysis/HeuristicAnalyzer.h"
#include "lexicon/TechDictionary.h"

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
