#include "CompanyProfile.h"

#include "MarketplaceLexicon.h"
#include "NoisyOr.h"
#include "WordPattern.h"

#include <QHash>
#include <QRegularExpression>
#include <QSet>
#include <algorithm>

namespace gtm {

namespace {

using Re = QRegularExpression;

// --- Who buys: organisations that deliver or pay for care, the people who work in them and
// the work they do. Word classes, not sentences: any writer names a clinic a clinic.

// Organisations that are providers or payers whatever the context: the alternatives, for
// patterns that build on them.
const QString &healthOrganisationNames()
{
    static const QString names = QStringLiteral(
        "hospitals?|health ?systems?|hospital (groups?|networks?|chains?|systems?)|"
        "health ?care (organi[sz]ations?|providers?|facilities|networks?|groups?)|"
        "provider (groups?|organi[sz]ations?|networks?)|medical (groups?|cent(er|re)s?|"
        "practices?|offices?|clinics?)|physicians?'? (groups?|practices?|offices?)|"
        "(gp|dental|orthodontic|dermatology|ophthalmology|optometry|chiropractic|physiotherapy|"
        "physical therapy|therapy|rehab\\w*|behaviou?ral[- ]health|mental[- ]health|primary[- "
        "]care|"
        "specialty|family medicine|pediatric|paediatric|oncology|cardiology|radiology|fertility|"
        "urgent[- ]care|outpatient|ambulatory|teleradiology) (practices?|clinics?|groups?|"
        "cent(er|re)s?|offices?|providers?|agencies|chains?|networks?)|(surgery|surgical|imaging|"
        "dialysis|cancer|infusion|birth|urgent[- ]care) cent(er|re)s|ascs|health (plans?|"
        "insurers?|insurance companies|payers?|boards?|authorities)|(medicaid|medicare|medicare "
        "advantage|managed[- ]care|commercial|regional|blue cross|dental) (health )?plans|"
        "managed[- ]care organi[sz]ations|mcos|acos|idns|fqhcs|community health cent(er|re)s|"
        "(home[- ]health|home[- ]care|homecare|hospice|nursing) (agencies|providers|operators)|"
        "hospices|nursing homes|care homes|skilled[- ]nursing (facilities|operators)|snfs|"
        "senior[- ]living (communities|operators|facilities)|assisted[- ]living (communities|"
        "facilities)|long-term[- ]care (facilities|operators|providers)|post-acute (providers|"
        "facilities)|(clinical|diagnostic|pathology|reference|hospital) lab(s|oratories)|"
        "pharmacies|pharmacy (chains|groups)|nhs|(hospital|acute|ambulance|mental health|"
        "foundation) trusts|integrated care (boards|systems)|dsos|dental (groups|chains|offices|"
        "support organi[sz]ations)|emergency departments|"
        // German, French, Dutch, Spanish, Italian and Portuguese names of the same.
        "krankenh(ä|ae)us\\w*|kliniken|klinikum|\\w*praxen|arztpraxis|\\w*kassen|"
        "krankenversicher\\w+|pflegedienste?|pflegeheime?|pflegeeinrichtungen|"
        "kassenärztliche\\w*|hôpitaux|centres? hospitaliers?|établissements (de santé|"
        "médico-sociaux)|ehpads?|cliniques|cabinets? (médica\\w*|dentaires?|de kiné\\w*)|"
        "mutuelles|complémentaires? santé|laboratoires (hospitaliers|d'analyses|de biologie\\w*)|"
        "chus?|centres hospitaliers universitaires|\\w*zorgorganisaties|assureurs santé|maisons de "
        "(retraite|santé)|"
        "ziekenhuizen|\\w*praktijken|ggz-instellingen|zorginstellingen|zorgaanbieders|"
        "zorgverzekeraars|thuiszorg\\w*|verpleeghuizen|hospitais|clínicas|consultórios|"
        "operadoras de (saúde|planos)|planos de saúde|hospitales|centros (médicos|de salud)|"
        "aseguradoras de salud|ospedali|cliniche|ambulatori|studi (medici|dentistici)|"
        // Compounds of hospital pharmacies and care homes: "ziekenhuisapotheken", "Pflegeheime".
        "\\w*apotheken|\\w*pflegeheime");
    return names;
}

const Re &healthOrganisations()
{
    static const Re re = wordPattern(QStringLiteral("\\b(%1)\\b").arg(healthOrganisationNames()));
    return re;
}

// How many: "180", "1,100", "forty-two", "dozens of".
QString countPattern()
{
    return QStringLiteral(
        "(\\b\\d[\\d,.]*\\+?|\\b(hundreds|dozens|thousands) of|\\bmore than \\d+|\\b(two|three|"
        "four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|"
        "sixty|seventy|eighty|ninety)(-\\w+)?|\\ba dozen|\\bmeer dan \\d+|\\büber \\d+|"
        "\\bplus de \\d+|\\bmás de \\d+)");
}

// Providers or payers counted by kind, "180 hospitals", "34 ziekenhuizen", "260 ASCs": a
// company counts its customers so, not the organisations of a market it studies.
const Re &countedHealthOrganisations()
{
    static const Re re = wordPattern(QStringLiteral(
        "%1 (?:[\\w'&-]+ ){0,3}(%2|clinics|practices|labs|agencies|payers|insurers)\\b")
                                         .arg(countPattern(), healthOrganisationNames()));
    return re;
}

// Words that name providers or payers only in an item that speaks of health.
const Re &healthOrganisationsInContext()
{
    static const Re re = wordPattern(QStringLiteral(
        "\\b((customer|client|member) (practice|clinic|hospital|lab)|"
        // "a book of hospital customers", "every practice customer", "80 agency customers".
        "(practice|clinic|hospital|health system|health plan|plan|payer|provider|pharmacy|lab|"
        "agency|trust|praxis|klinik) (customers?|clients?|kunden)|clinics?|(?<!good clinical "
        ")(?<!best )(?<!business )practices|providers|payers?|"
        "insurers|labs|agencies|trusts|plans|facilities|(?<!data )cent(er|re)s|einrichtungen|"
        "praxis|établissements|instellingen|praktijken|aseguradoras|centros|clínicas)\\b"));
    return re;
}

// The people who work in them, as the users of what the company sells.
const Re &healthRoles()
{
    static const Re re = wordPattern(QStringLiteral(
        "\\b(clinicians?|physicians?|doctors|nurses|nurse (managers|leaders|practitioners)|"
        "nursing (staff|teams?|leaders)|care (teams?|managers|coordinators)|case managers|"
        "radiologists?|pathologists?|pharmacists|dentists|hygienists|surgeons|hospitalists|"
        "anesthesiologists|anaesthetists|midwives|(medical|clinical) (coders|staff|assistants|"
        "teams?|directors|leaders)|coders|front[- ]desk (staff|teams?)|practice (managers|staff|"
        "owners)|(utili[sz]ation|care|case)[- ]management (nurses|teams?|reviewers|leaders)|"
        "revenue[- ]cycle (teams?|leaders|staff|directors)|cmios?|cnos?|chief (medical|nursing|"
        "medical information) officers?|hospital (administrators|executives|leaders|it)|"
        "ärzt\\w*|pflegekräfte|pflegefachkräfte|médecins|infirmi\\w+|soignants|médicos|"
        "enfermer\\w+|enfermeir\\w+|huisartsen|behandelaars?|psychologen|verpleegkundigen|"
        "medici|infermieri|"
        // Specialists by name: a dictionary's list, not one writer's.
        "orthodontists|dermatologists|cardiologists|oncologists|ophthalmologists|optometrists|"
        "podiatrists|chiropractors|psychiatrists|audiologists|urologists|neurologists|"
        "gyna?ecologists|obstetricians|pa?ediatricians|(physio|occupational |speech )therapists|"
        "physiotherapeut\\w*|ergotherapeut\\w*|logopäd\\w*|kinésithérapeutes|orthodontistes|"
        "tandartsen|fysiotherapeuten)\\b"));
    return re;
}

// The work of providers and payers: software for it is bought by them.
const Re &healthWork()
{
    static const Re re = wordPattern(QStringLiteral(
        "\\b(prior[- ]auth\\w*|pre-?authori[sz]ations?|revenue[- ]cycle|rcm|ehrs?|emrs?|"
        "electronic (health|medical) records?|charting|clinical (documentation|workflows?|"
        "decision support|notes)|(medical|hospital|physician) (billing|coding|scheduling)|"
        "patient (intake|scheduling|flow|throughput|access|check-in|no-shows|waitlists?|"
        "referrals?)|bed (management|capacity|board)|operating rooms?|or (scheduling|time)|"
        "(nurse|clinician|shift) (scheduling|staffing|rostering)|credentialing|"
        "utili[sz]ation (management|review)|care (coordination|management|transitions|gaps?)|"
        "discharges?|readmissions?|value-based (care|contracts)|risk adjustment|hedis|star "
        "ratings|payment integrity|(medical|health|professional|facility) claims|claims? "
        "(editing|processing|denials?|review|scrubbing|adjudication|submission)|denials?|"
        "remittances?|business associates?( agreements?)?|baas?|electronic visit "
        "verification|evv|e-?prescribing|pacs|radiology "
        "(reads?|reading|workflows?|worklists?)|reading radiologists?|lab results|ambient "
        "(scribe|documentation)|remote patient monitoring|member (enrollment|services|"
        "outreach)|provider (directories|data|networks?)|hipaa|hitrust|\\bphi\\b|fhir|hl7|epic|"
        "cerner|meditech|athenahealth|\\w*dokumentation|abrechnung mit|terminvergabe|"
        "telematikinfrastruktur|dossiers? (de soins|patients?|médica\\w*)|dossiervoering|"
        "declaratie|triage|e-consult\\w*|historia clínica|facturación a aseguradoras|"
        "prontuário)\\b"));
    return re;
}

const Re &healthContext()
{
    static const Re re = wordPattern(QStringLiteral(
        "\\b(health\\w*|medical|medicine|clinical|clinicians?|clinics?|patients?|hospitals?|"
        "physicians?|doctors?|nurs\\w+|dental|dentists?|hipaa|ehrs?|emrs?|fhir|hl7|medicare|"
        "medicaid|nhs|"
        "therap\\w+|physio\\w*|diagnos\\w+|care|surg\\w+|pharma\\w*|gp|gesundheit\\w*|"
        "santé|saúde|salud|sanitari\\w*|pflege\\w*|ärzt\\w*|arzt\\w*|praxis\\w*|soins|"
        "médic\\w*|hospital\\w*|zorg\\w*|ggz|huisarts\\w*|clínic\\w*|médic\\w*|"
        // German and Dutch write care words as compounds: "Gemeinschaftspraxis",
        // "thuiszorgorganisaties", "wijkverpleging".
        "\\w+(praxis|praxen|arzt|ärzt\\w*|klinik\\w*|pflege\\w*|zorg\\w*|verpleg\\w*|"
        "kranken\\w*|apothe\\w*)|ziekenhui\\w+|apothe\\w+|hospitali\\w+|chus?|\\w+ologists|"
        "orthodont\\w+|podiatr\\w+|"
        "chiropract\\w+|optometr\\w+|pa?ediatric\\w*|orthopa?edic\\w*)\\b"));
    return re;
}

// The company sells to them, works for them, counts them: not just mentions them.
const Re &buyerRelation()
{
    static const Re re = wordPattern(QStringLiteral(
        "\\b(for|to|into|serv\\w+|help\\w*|used by|trusted by|relied on by|customers?|clients?|"
        "sell\\w*|sold|built for|designed for|purpose-built|deployed|live (at|in|across)|signs|"
        "selects|chooses|picks|rolled "
        "out|roll\\w* out|go[- ]lives?|went live|signed|chose|choose|selected|contracts? with|"
        "use|uses|using|run on|runs on|rely on|relies on|subscribe|licen[cs]e\\w*|implement\\w*|"
        "onboard\\w*|case stud\\w*|lets|allows?|gives|enables?|saves?|cuts?|reduces?|"
        "recover\\w*|für|pour|para|per|voor|mit|met|con|com|kunden|clients|klanten|"
        "clientes|utilisé\\w*|gebruik\\w*|nutz\\w+)\\b"));
    return re;
}

// A price per bed, clinician or pharmacy: the unit a provider buys in.
const Re &providerPricing()
{
    static const Re re = wordPattern(QStringLiteral(
        "\\b(per ([\\w-]+ )?(bed|clinician|provider|physician|doctor|nurse|practitioner|"
        "practice|pharmacy|clinic|therapist|dentist|chair|resident|hospital|encounter|"
        "study|read|scan)|per-(bed|clinician|provider|physician|practice|pharmacy)|"
        "(pro|je) ([\\w:/]+ )?(bett|bewohner\\w*|ärzt\\w*|arzt|praxis|therapeut\\w*|"
        "behandler\\w*)|par (lit|praticien|établissement|médecin)|per (praktijk|"
        "behandelaar|huisarts)|por (clínica|profesional|médico|cama))\\b"));
    return re;
}

// One provider named on a page that tells a customer's story: "St. Aldric Hospital Lab".
const Re &providerNamed()
{
    static const Re re = wordPattern(QStringLiteral(
        "\\b(hospital|clinic|practice|health|medical|lab|pharmacy|care home|hospice|surgery|"
        "dental|klinik\\w*|praxis|krankenhaus|ziekenhuis|huisartsen|clinique|hôpital|clínica|"
        "chu|nhs)\\b"));
    return re;
}

// --- Against a health buyer segment.

// Animals' doctors and their clinics: "clínicas veterinarias", "Tierarztpraxen".
const Re &animalCare()
{
    static const Re re = wordPattern(QStringLiteral(
        "\\b(veterinar\\w*|vétérinaire\\w*|tierärzt\\w*|tierarzt\\w*|dierenart\\w*|"
        "dierenkliniek\\w*|vets?|pets?|animals?|mascotas|haustier\\w*|equine|livestock)\\b"));
    return re;
}

// The company is a provider or payer itself: it employs the clinicians and runs the sites.
const Re &itselfProvider()
{
    static const Re re = wordPattern(QStringLiteral(
        "^[\\w\\s.'&-]{0,40}\\b(operates|runs|owns|manages) "
        "(?:(?!for\\b|at\\b|in\\b|across\\b|to\\b|"
        "on\\b)[\\w,-]+\\s){0,5}(hospitals|clinics|practices|pharmacies|care homes|nursing "
        "homes|cent(er|re)s)\\b|"
        "\\b(we|which|that) (operate|run|own|manage)s? (?:(?!for\\b|software\\b|platforms?\\b)"
        "[\\w,-]+\\s){0,5}(hospitals|clinics|practices|pharmacies|care homes|nursing homes|"
        "cent(er|re)s|sites|locations)\\b|"
        "\\b(is|are|we're) (a|an|the) (?:(?!for\\b|to\\b|software\\b|platform\\b|vendor\\b|saas\\b|"
        "app\\b|startup\\b|technology\\b)[\\w-]+ ){0,4}(health system|hospital|hospital group|"
        "health plan|health insurer|medical group|physician group|clinic (operator|chain|group)|"
        "provider group|pharmacy chain|care provider|home[- ]health agency|hospice|nursing home|"
        "dental group|(medical |physician-owned |private |family )?practice(?! management| "
        "software| systems?| platform))\\b|"
        "\\bour (clinic|hospital|practice|pharmacy)(?=[.,;]|$| (in|on|at|is|has|team|staff)\\b)|"
        "\\bour \\d+-bed\\b|"
        "\\bour (clinics|hospitals|pharmacies|wards)\\b(?! (customers?|clients?|partners?|users?|"
        "buyers?))|"
        "\\bwe use (a|an|our) [\\w -]{0,20}(ehr|emr)\\b|"
        "\\bour (clinics|clinicians|doctors|physicians|nurses|pharmacists|therapists|care "
        "teams?) (see|treat|visit|provide|deliver|care|prescribe)\\w*\\b|"
        "\\bwe (see|treat|care for|admit) [\\w ,]{0,20}patients\\b|\\bin-person (visits|care)\\b|"
        "\\baccept\\w* (most )?(insurance|medicare|medicaid)\\b|\\b(insurance|plans) "
        "accepted\\b|\\bin-network with\\b"));
    return re;
}

// Its own page opening with what it is, without a verb: "A nonprofit health system with four
// hospitals and 30 clinics."
const Re &providerAppositive()
{
    static const Re re = wordPattern(QStringLiteral(
        "^(a|an|the|our) (?!company\\b)(?:(?!for\\b|to\\b|with\\b)[\\w-]+ ){0,3}(health "
        "system|hospital|hospital group|medical cent(er|re)|"
        "clinic|clinic chain|medical group|physician group|health plan|pharmacy chain|nursing "
        "home|care home|hospice|practice)s?( (with|in|of|serving|based|for "
        "over|since)\\b|[,.;]|$)"));
    return re;
}

// Its buyers are in another trade than care: drug makers, schools, pet owners, employers.
const Re &otherBuyers()
{
    static const Re re = wordPattern(QStringLiteral(
        "\\b(pharma(ceutical)? (companies|brands|manufacturers|sponsors)|drug ?makers|biotechs?|"
        "life[- ]sciences? (companies|teams|customers)|cros|contract research|clinical trial "
        "sponsors|medtech (companies|makers)|device makers|medical (students|schools)|"
        "universities|veterinar\\w*|vets|pet owners|pets|employers|hr teams|benefits "
        "(teams|leaders)|gyms|fitness studios)\\b"));
    return re;
}

// Industries other than care: a vendor naming several of them sells to all industries.
const Re &otherIndustries()
{
    static const Re re = wordPattern(QStringLiteral(
        "\\b(retail\\w*|banks?|banking|fintech|insurance companies|manufactur\\w+|logistics|"
        "education|schools|government|public sector|hospitality|restaurants|real estate|media|"
        "telecom\\w*|e-?commerce|construction|legal|law firms?|nonprofits?|automotive|energy|"
        "utilities|universities|retailers|financial services|airlines|saas companies|councils?|"
        "tech companies)\\b"));
    return re;
}

// --- Sells software: a product, sold and delivered as software.

const Re &softwareSelf()
{
    static const Re re = wordPattern(QStringLiteral(
        "\\b((software|saas|tech|technology|health[- ]?tech|health ?care (technology|it|software|"
        "ai)|digital health|health it|enterprise software|b2b|ai|cloud|analytics|ehr|emr|"
        "workflow) (company|vendor|startup|provider|firm|maker|business|scale-?up)|software "
        "(vendor|maker|house|provider|company)|healthtech|(is|as|, the|, an?|are) [\\w -]{0,40}?"
        "(platform|software|saas|app|application|api)|(we|it|which)( \\([\\w .-]+\\))? (build|"
        "builds|make|makes|develop|develops|sell|sells) [\\w -]{0,40}(software|tools|"
        "platforms?|apps?|dashboards?|systems)|"
        // German, Dutch and French write the product as a compound, with either article: "ist
        // die cloudbasierte Praxissoftware", "is het medicatiebewakingsplatform".
        "(ist|est|is|es|é) (ein|eine|un|une|een|uma?|der|die|das|het|de|le|la|el|o|a) "
        "[\\w -]{0,30}(software|logiciel|saas|plattform|plateforme|plataforma|platform|systeem|"
        "système|sistema))\\b"));
    return re;
}

// A page's headline that names what the company sells as software: "Radiology worklist
// software.", "Yarrow – software para clínicas", "cloud laboratory information system". Read
// in the part of a title after its last separator; a service sells its work ("software
// implementation consulting"), not software, so the noun must end the phrase.
const Re &softwareHeadline()
{
    static const Re re = wordPattern(QStringLiteral(
        // "Digital anesthesia records for ...": a record or a document made digital is software;
        // digital marketing, agencies and transformation are services.
        "^\\W*(digital|digitale|digitalen|digitaal|numérique|digitales?) (?!marketing|agen\\w+|"
        "transformation|services|consult\\w+|beratung)(?:[\\w'&/-]+ ){0,3}[\\w-]+ (for|für|pour|"
        "para|voor)\\b|"
        "^\\W*(?!custom |bespoke |individuelle )(?:[\\w'&/-]+,? ){0,5}(software|saas|logiciel|"
        "plattform|plateforme|plataforma|platform|\\w+software|\\w+platform|\\w+plattform|"
        "information system|informatiesysteem|\\w+systeem)(?![\\w-])\\s*($|[.:;,!(]|(for|für|"
        "pour|para|voor|per|to|that|built|designed|in|aus|de|van|du|zur|zum)\\b)"));
    return re;
}

QString headlineOf(const QString &title)
{
    static const Re separator(QStringLiteral("\\s[–—|:-]\\s|^[^:]{0,30}:\\s"));
    qsizetype from = 0;
    for (auto it = separator.globalMatch(title); it.hasNext();)
        from = it.next().capturedEnd();
    return title.mid(from);
}

// A posting's work on the customers' side of a sale: bringing organisations live on the
// product, onboarding them, renewing them. Only a vendor's staff do that for customers.
const Re &customerLifecycle()
{
    static const Re re = wordPattern(
        QStringLiteral("\\b(onboard\\w*|implementations?|implementatie|implementierung|einführung|"
                       "déploiement|implantación|implementación|renewals?|go[- ]lives?|adoption|"
                       "inbetriebnahme|mise en place)\\b"));
    return re;
}

// The organisations a posting works with as customers.
const Re &customerOrganisations()
{
    static const Re re = wordPattern(QStringLiteral(
        "\\b(customers?|clients?|accounts|\\w*kunden|klanten|clientes|onto the company|"
        "(with|mit|met) the company)\\b"));
    return re;
}

const Re &softwareProduct()
{
    static const Re re = wordPattern(QStringLiteral(
        "\\b(software|saas|platforms?|apps?|applications?|cloud|apis?|sdks?|dashboards?|"
        "portals?|modules?|workspaces?|suites?|engines?|copilots?|web-based|browser-based|"
        "ai-powered|integrat(es|ed|ion|ions) (with|into)|plugs? (into|in)|sits (inside|on top "
        "of)|works with (the |your |all |existing |most |leading |major )?[\\w -]{0,20}(systems?|"
        "ehrs?|emrs?|software|tools|platforms?)|(inside|within|from) (the|your|their) "
        "(ehr|emr|systems?|workflows?)|analytics|\\w+software|logiciel\\w*|plateformes?|"
        "plattform\\w*|plataformas?|cloud-\\w+|aus der cloud|en la nube|na nuvem|dans le "
        "cloud|online software|in de cloud|logins?|"
        // Delivered as software: "läuft im Browser", "nothing to install".
        "(runs|läuft|fonctionne|draait|funciona) (in|im|dans|en|no) (the |le |de |el |o )?"
        "(browser|navigateur|navegador)|(no|keine|aucune|geen|sin) (installation|install|"
        "installatie|instalación)|nothing to install)\\b"));
    return re;
}

// Sold and delivered the way software is: priced per seat or per site, subscribed, licensed,
// implemented, gone live, certified.
const Re &softwareSold()
{
    static const Re re = wordPattern(QStringLiteral(
        "\\b(saas|software-as-a-service|subscriptions?|subscribe|per ([\\w-]+ )?(seat|user|"
        "provider|clinician|practitioner|physician|doctor|nurse|location|site|bed|trust|"
        "practice|clinic|facility|room|operating room|patient|member|employee|"
        "agent|month|year|chair|encounter|claim|reading \\w+)|priced per|"
        // "99 €/mes", "$49/user".
        "\\d+ ?(€|\\$|£|eur|usd|chf)? ?/ ?(mo|month|mes|mois|monat|maand|jahr|year|yr|user|seat|"
        "nutzer|utilisateur|usuario)|(monthly|annual|yearly) ([\\w-]+ )?(fee|licen[cs]e)|"
        "(enterprise|multi-year|site) (agreements?|contracts?)|licen[cs]ed per|"
        "licen[cs]es?|lizenz\\w*|licencias?|licenties?|billed (monthly|annually|yearly|per)|"
        "churn|net (revenue |dollar )?retention|monthly (fee|plan|price|pricing)|"
        "annual (plan|contract)|pricing (starts|plans?)|per member per month|pmpm|"
        "cloud[- ](based|hosted|native|software|platform)|hosted (software|platform)|"
        "go[- ]lives?|went live|goes live|live in (\\d+|a few|six|four|eight|two|three) "
        "(days|weeks)|implementations?|onboarding|set ?up takes|rolled? out (to|at|across)|"
        "deploy(ed|s|ments?)? (at|in|across|to)|renewals?|arr|recurring revenue|seats|soc ?2|"
        "iso ?27001|hitrust|hipaa[- ](compliant|ready|secure)|baas?|business associate|single "
        "sign-on|sso|uptime|multi-tenant|per customer|each customer|customer "
        "success|abo|abos|abonnements?|suscripci\\w+|"
        "assinaturas?|pro (monat|jahr|nutzer|arzt|praxis|klient|bett|platz|mitarbeiter\\w*)|par "
        "(mois|an|"
        "utilisateur|lit|établissement|praticien)|per (maand|jaar|gebruiker|praktijk|"
        "behandelaar)|al mes|por (mes|usuario|clínica|profesional)|hébergement (certifié|hds)|"
        "gehostet|hébergée?s?|déploiement|implantación|implementatie|"
        // "29 € je Therapeut:in und Monat", "49 € pro Ärztin/Arzt", "per-provider pricing".
        "(pro|je) [\\w:/]+ und (monat|jahr)|(pro|je) (ärzt\\w*|therapeut\\w*|behandler\\w*|"
        "standort|lizenz|arbeitsplatz)|per-[\\w-]+ (pricing|fee|price|licen[cs]e|subscription)|"
        "seat (fee|price|licen[cs]es?)|per (case|scanner|device|store|pharmacy|therapist)|"
        "cloud(-based)? ([\\w-]+ ){0,2}(engine|software|service|app|tool|suite))\\b"));
    return re;
}

// Organisations it calls its customers, in any of its pages or postings, or counts by their
// kind ("a book of 15 hospital customers"; a bare "2,300 clients" says how big it is).
const Re &ownCustomers()
{
    static const Re re = wordPattern(QStringLiteral(
        "\\b(our|its|their|nos|unsere\\w*|onze|nuestros|nossos) (?:[\\w-]+ ){0,2}(customers|"
        "clients|kunden|klanten|clientes)\\b|\\b(\\d[\\d,]*|two|three|four|five|six|eight|ten|"
        "twelve|fifteen|twenty|"
        "thirty|forty|fifty) ([^\\W\\d][\\w-]* ){1,2}(customers|clients|accounts)\\b"));
    return re;
}

// Organisations said to use it, without a count: "for the hospitals that use them".
const Re &organisationsUseIt()
{
    static const Re re = wordPattern(QStringLiteral(
        "\\b(hospitals|clinics|practices|health systems|plans|payers|insurers|pharmacies|labs|"
        "agencies|providers|customers|clients|teams|companies|organi[sz]ations) (that|who|which) "
        "(use|run on|rely on|subscribe to|license|buy) (it|them|us|the company)\\b|"
        "\\b(hospitals|clinics|practices|health systems|health plans|payers|insurers|pharmacies|"
        "labs|agencies|providers) (use|run on|rely on|license) the company\\b|"
        "\\b(is|are) used by (\\w+ ){0,3}(hospitals|clinics|practices|health systems|plans|payers|"
        "insurers|pharmacies|labs|agencies|providers|organi[sz]ations)\\b"));
    return re;
}

// An organisation adopting it, as news says: "Blue Ridge Health Plan signs with ...".
const Re &adoptionNews()
{
    static const Re re = wordPattern(QStringLiteral(
        "\\b(hospital|health system|health plan|insurer|clinic|practice|trust|bank|retailer|"
        "university|council|agency|group|network|carrier|chain)s? (signs|signed|selects|selected|"
        "chooses|chose|picks|picked|taps|tapped|goes live|went live|renews|renewed|rolls out|"
        "rolled out|deploys|deployed) (with |on )?\\b|"
        // The company's side of the same news: "X signs two Blue plans", "goes live at".
        "\\b(signs|signed|wins|won|lands|landed|adds|added) (\\w+ ){0,2}(hospitals?|health "
        "systems?|health plans?|plans|payers|insurers|clinics|practices|trusts|pharmacies)\\b|"
        "\\b(goes|went|is|are) live (at|in|across)\\b|"
        // A founder on a customer: "our first hospital took 14 months to sign".
        "\\b(our|their) (first|newest|latest|largest|biggest) (\\w+ )?(hospital|health system|"
        "clinic|practice|health plan|payer|customer|client)s? [\\w ]{0,30}\\b(sign|signed|went "
        "live|goes live|go live|renewed)\\b"));
    return re;
}

// Its own pages that tell customers' stories: "/customers/lakeside-dermatology".
const Re &storyPath()
{
    static const Re re = wordPattern(QStringLiteral(
        "^/(\\w{2}/)?(customers|customer-stories|case-studies|stories|success-stories|kunden|"
        "referenzen|references|clients|klanten|cas-clients|casos|clientes|temoignages)(/|$)"));
    return re;
}

// Any sentence: for cues that a page gives by where it is, not by what it says.
const Re &anySentence()
{
    static const Re re(QStringLiteral("\\S"));
    return re;
}

// Open roles only a software vendor has.
const Re &vendorRoles()
{
    static const Re re = wordPattern(QStringLiteral(
        "\\b((software|backend|back-end|frontend|front-end|full[- ]stack|platform|mobile|ios|"
        "android|devops|site reliability|qa|integration|interface) (engineers?|developers?)|"
        "product (managers?|designers?|owners?)|implementation (managers?|specialists?|"
        "consultants?|leads?)|customer success|\\w+ success (managers?|leads?|specialists?|"
        "associates?|team)|solutions? (engineers?|consultants?|architects?)|"
        "sales engineers?|account executives?|sales development|business development "
        "representatives?|sdrs?|bdrs?|(software)?entwickler\\w*|développeu\\w+|"
        "chefs? de projet|accountmanagers?|desarrollador\\w*|ontwikkelaars?)\\b"));
    return re;
}

// Seats that keep customers after the sale: a vendor's, whose customers renew.
const Re &postSaleRoles()
{
    static const Re re = wordPattern(QStringLiteral(
        "\\b(\\w+ success|onboarding|implementation) (managers?|specialists?|leads?|associates?)|"
        "kundenerfolg\\w*|klantsucces\\w*|customer success\\b"));
    return re;
}

// Its own security and compliance page, which a vendor writes for the customers' reviewers.
const Re &trustPath()
{
    static const Re re = wordPattern(QStringLiteral(
        "^/(\\w{2}/)?(legal/)?(security|trust|trust-center|hipaa|compliance|baa|soc-?2|"
        "sicherheit|securite|beveiliging|seguridad)(/|$)"));
    return re;
}

const Re &complianceTerms()
{
    static const Re re = wordPattern(QStringLiteral(
        "\\b(hipaa|soc ?2|baas?|business associate|iso ?27001|hds|hitrust|encrypt\\w*|"
        "verschlüssel\\w*|chiffr\\w*|versleutel\\w*|cifrad\\w*)\\b"));
    return re;
}

// Organisations counted as its users: "600 practices use it", "used by 14 health plans".
const Re &countedOrganisations()
{
    static const Re re = wordPattern(QStringLiteral(
        "%1 (?:[\\w'&-]+ ){0,4}(?<org>%2|hospitals|health "
        "systems|clinics|practices|plans|payers|agencies|"
        "customers|clients|organi[sz]ations|teams|companies|businesses|facilities|sites|"
        "locations|pharmacies|labs|providers|groups|trusts|cent(er|re)s|firms|insurers|"
        "departments|networks|operators|employers|schools|retailers|brands|\\w*praxen|"
        "\\w*dienste|einrichtungen|kliniken|kunden|ehpads?|établissements|centres|cliniques|"
        "clients|instellingen|\\w*praktijken|ziekenhuizen|klanten|clínicas|clientes|hospitales|"
        "centros|hospitais|\\w*organisaties|\\w*organisationen|laboratoires|laboratories)\\b")
                                         .arg(countPattern(), healthOrganisationNames()));
    return re;
}

const Re &genericCustomers()
{
    static const Re re = wordPattern(QStringLiteral(
        "^(customers|clients|companies|businesses|teams|organi[sz]ations|kunden|klanten|"
        "clientes)$"));
    return re;
}

const Re &usageVerb()
{
    static const Re re = wordPattern(QStringLiteral(
        "\\b(use|uses|using|used|runs?|running|manages?|schedules?|tracks?|bills?|rely|relies|live|"
        "signed|chose|choose|switched|moved|licensed|licenses|plannen|gèrent|"
        "(with|mit|met|avec|con|com) the company|arbeiten (\\w+ )?mit|work (\\w+ )?(in|with)|"
        "subscribe|license|deploy\\w*|customers|clients|trust|are on|work in|schedule|serves?|"
        "serving|served|kunden|klanten|clientes|zählt|compte|cuenta con|"
        "nutzen|nutzt|arbeiten mit|setzen|vertrauen|utilisé\\w*|utilisent|font confiance|"
        "gebruiken|werken (ermee|met)|usan|utilizan|trabajan con|confían|usam|utilizam)\\b"));
    return re;
}

// --- Against a software vendor.

const Re &consumersPay()
{
    static const Re re = wordPattern(QStringLiteral(
        "\\b(app store|google play|download (the|our|it|the free)|for individuals|"
        "direct-to-consumer|b2c|consumers? (pay|subscribe|download|sign up)|patients (pay|"
        "subscribe|download|sign up)|members pay|out of pocket|for you and your family|"
        "(a|per|/) ?month for (you|patients|members|individuals|families)|sell\\w* directly to "
        "(students|consumers|patients|individuals|families|parents)|(student|individual|personal|"
        "family) plans?)\\b|\\bconsumer (apps?|products?|brands?)\\b"));
    return re;
}

const Re &notSoftwareBusiness()
{
    static const Re re = wordPattern(QStringLiteral(
        "\\b(is|are|we're|as) (a|an|the) (?:[\\w-]+ ){0,3}(consultanc(y|ies)|consulting "
        "(firm|company|group)|staffing (agency|firm|company)|recruit\\w* (agency|firm)|law firm|"
        "device (maker|company|manufacturer)|manufacturer|distributor|wholesaler|outsourc\\w+ "
        "(firm|company|provider|partner)|services (company|firm|provider)|drugmaker|"
        "pharmaceutical company|pharma company|biotech|contract research organi[sz]ation|"
        "billing (company|service))\\b|\\b(we|the company) (supply|supplies|place|places|staff|"
        "staffs|manufacture|distribute|"
        "outsource)\\b|\\bnot an? (software|saas|tech\\w*) (vendor|company|provider|firm|"
        "business)\\b|\\b(no|never) (subscription|saas)\\b|"
        "\\b(designs? and )?manufactur(es|e|ing) [\\w ,-]{0,40}(devices?|pumps?|monitors?|"
        "scanners?|equipment|hardware|instruments?)\\b|\\bour (devices|hardware|pumps|scanners|"
        "monitors|instruments)\\b|"
        "\\bbuy (them|it|the \\w+) outright\\b|"
        // It sells people's work, priced by the hour or minute as work is, or pays the people
        // who do it: "on-demand medical interpreters", "pays workers weekly".
        "\\b(billed|charged?|charges) [\\w ]{0,30}(per|by the|an?) (hour|minute)\\b|"
        "\\bhourly ([\\w-]+ )?fee\\b|\\b(pays?|paying) (its |the |our )?(workers|nurses|carers|"
        "clinicians|interpreters|contractors|staff)\\b|\\b(travel nurs\\w+|locum\\w*)\\b|"
        // Advice on other vendors' systems, equipment sold as such.
        "\\bvendor-neutral\\b|\\bhelps? (\\w+ ){1,3}(select|choose|evaluate) |"
        "\\bcapital equipment\\b|\\b(our|its) robot(ic [\\w-]+|s)?\\b|"
        "\\b(on-demand|certified|qualified|vetted) ([\\w-]+ ){0,2}(interpreters|translators|"
        "nurses|locums?|physicians|doctors|coders|scribes|clinicians|staff)\\b|"
        "\\b(we invest|we back|invests? in|venture (capital|firm|fund)|vc firm|our portfolio|"
        "portfolio compan\\w+)\\b"));
    return re;
}

// Whether a sentence says the company is a provider or payer itself.
bool itselfAProvider(const ProfileItem &item, const ProfileSentence &sent)
{
    if (!sent.company)
        return false;
    if (itselfProvider().match(sent.lower).hasMatch())
        return true;
    return item.own && !storyPath().match(item.pathLower).hasMatch()
        && providerAppositive().match(sent.lower).hasMatch();
}

// --- Combining.

// What a company is and whom it sells to is said as a fact: not as a plan ("plans to sell to
// clinics"), the past ("used to serve hospitals") or in the negative ("not for hospitals"),
// in the clause before the cue. The judge's modality markers are made for the use of a
// technology: "used by 14 health plans", "planning and charting", "book a demo" are facts
// about a vendor.
bool saidAsFact(const QString &lower, qsizetype pos)
{
    static const Re clauseStart
        = wordPattern(QStringLiteral("[.;:!?]\\s|\\b(but|whereas|while|although|"
                                     "aber|mais|maar|pero)\\b"));
    static const Re notFact = wordPattern(QStringLiteral(
        "\\b(plans?|planning|planned|aims?|hopes?|intends?|wants?) to\\b|\\b(will|'ll|going to|"
        "next (year|quarter|month)|later this year|roadmap|eventually|soon|upcoming|considering|"
        "exploring|would|could|might|prévoit|prévoient|compte|plant|planen|will|wil|gaat|"
        "planea|prevé|pretende|vuole|intende)\\b|\\b(used to|formerly|previously|no longer|"
        "pivoted|stopped|discontinued|früher|ehemals|anciennement|voorheen|antes)\\b|"
        // A business sold off is the past: "sold its clinic EHR business".
        "\\b(sold|divested|spun off|carved out) (off )?(its|their|the)\\b|\\b(not|"
        "never|n't|nor|rather than|instead of|other than|except|nicht|kein\\w*|pas|jamais|geen|"
        "niet|nunca)\\b"));
    qsizetype from = 0;
    for (auto it = clauseStart.globalMatch(lower.left(pos)); it.hasNext();)
        from = it.next().capturedEnd();
    return !notFact.match(lower.mid(from, pos - from)).hasMatch();
}

// The strongest cue of each kind, and the strongest cue against; the reading combines the
// kinds as independent hints. A second source saying the same adds half as much.
class Profile
{
public:
    explicit Profile(const QList<ProfileItem> &items)
        : m_items(items)
    {
    }

    // Offers sentence `s` of item `i` as a cue of `kind` when `re` matches it, said as a fact.
    // Returns whether it counted.
    bool offer(const QString &kind, int i, int s, const Re &re, double base, const QString &reason)
    {
        const ProfileItem &item = m_items.at(i);
        const ProfileSentence &sent = item.sentences.at(s);
        const double strength = base * sent.weight;
        Kind &k = m_kinds[kind];
        const bool sameSource = k.best.strength > 0.0 && k.bestSource == item.source;
        if (strength <= k.best.strength && (sameSource || strength <= k.other.strength))
            return false;
        const auto m = re.match(sent.lower);
        if (!m.hasMatch() || !saidAsFact(sent.lower, m.capturedStart()))
            return false;
        const ProfileCue cue { item.index, item.sentenceIndexes.at(s), strength, reason };
        if (strength > k.best.strength) {
            if (!sameSource)
                k.other = k.best;
            k.best = cue;
            k.bestSource = item.source;
        } else {
            k.other = cue;
        }
        return true;
    }

    void oppose(int i, int s, double strength, const QString &reason)
    {
        const ProfileItem &item = m_items.at(i);
        if (strength > m_against.strength)
            m_against = ProfileCue { item.index, item.sentenceIndexes.at(s), strength, reason };
    }

    // One cue alone never reaches a match: an analyst wants a second, independent hint.
    ProfileReading reading(double single) const
    {
        ProfileReading r;
        QList<double> strengths;
        int cues = 0;
        for (const Kind &k : m_kinds) {
            if (k.best.strength <= 0.0)
                continue;
            r.support << k.best;
            strengths << noisyOr({ k.best.strength, 0.5 * k.other.strength });
            cues += k.other.strength > 0.0 ? 2 : 1;
        }
        std::sort(r.support.begin(), r.support.end(), [](const ProfileCue &a, const ProfileCue &b) {
            return a.strength != b.strength ? a.strength > b.strength : a.item < b.item;
        });
        r.strength = noisyOr(strengths);
        if (cues == 1)
            r.strength = std::min(r.strength, single);
        r.against = m_against;
        r.strength *= 1.0 - 0.8 * m_against.strength;
        return r;
    }

private:
    struct Kind
    {
        ProfileCue best;
        QString bestSource;
        ProfileCue other; // the strongest from another source
    };

    const QList<ProfileItem> &m_items;
    QHash<QString, Kind> m_kinds;
    ProfileCue m_against;
};

} // namespace

ProfileReading readSoftwareVendor(const QList<ProfileItem> &items)
{
    Profile p(items);
    bool organisationsUse = false;
    for (int i = 0; i < items.size(); ++i) {
        const ProfileItem &item = items.at(i);
        // A customer-success seat for a named kind of customer ("Customer Success Manager,
        // Health Systems") is a vendor's more surely than an engineer's.
        const bool keepsCustomers = item.posting
            && postSaleRoles().match(item.titleLower).hasMatch()
            && std::any_of(
                item.sentences.cbegin(), item.sentences.cend(), [](const ProfileSentence &sent) {
                    return customerOrganisations().match(sent.lower).hasMatch()
                        || healthOrganisations().match(sent.lower).hasMatch();
                });
        for (int s = 0; s < item.sentences.size(); ++s) {
            const ProfileSentence &sent = item.sentences.at(s);
            if (sent.company && notSoftwareBusiness().match(sent.lower).hasMatch()) {
                p.oppose(i, s, 0.7, QStringLiteral("not a software vendor"));
                continue;
            }
            if (itselfAProvider(item, sent)) {
                p.oppose(i, s, 0.6, QStringLiteral("runs the service itself"));
                continue;
            }
            p.offer(QStringLiteral("self"), i, s, softwareSelf(), 0.55,
                QStringLiteral("calls itself a software company"));
            // Its own headline or tagline, the title and the sentence under it, names the
            // product: the same word as "a software product", said more surely.
            if (item.own && !item.posting && s <= 1) {
                const QString headline = s == 0 ? headlineOf(sent.lower) : sent.lower;
                if (softwareHeadline().match(headline).hasMatch())
                    p.offer(QStringLiteral("product"), i, s, anySentence(), 0.55,
                        QStringLiteral("its headline names software"));
            }
            if (item.posting && customerOrganisations().match(sent.lower).hasMatch())
                p.offer(QStringLiteral("sold"), i, s, customerLifecycle(), 0.45,
                    QStringLiteral("brings its customers live on it"));
            // A posting's tools are the team's, not the product ("tracked in Service Cloud").
            if (!item.posting) {
                p.offer(QStringLiteral("product"), i, s, softwareProduct(), 0.4,
                    QStringLiteral("a software product"));
                p.offer(QStringLiteral("sold"), i, s, softwareSold(), 0.5,
                    QStringLiteral("sold and delivered as software"));
            }
            // "60 hospitals run on it": organisations counted as users. The count alone ("2,300
            // clients in France") says how big it is, and any business has clients: a verb of
            // use must come with it, and named kinds of organisations say more.
            const auto counted = countedOrganisations().match(sent.lower);
            if (counted.hasMatch()
                && usageVerb()
                       .match(QString(sent.lower)
                                  .remove(counted.capturedStart(), counted.capturedLength()))
                       .hasMatch())
                organisationsUse
                    = p.offer(QStringLiteral("adopted"), i, s, countedOrganisations(),
                          genericCustomers().match(counted.captured(u"org")).hasMatch() ? 0.4
                                                                                        : 0.55,
                          QStringLiteral("organisations counted as its users"))
                    || organisationsUse;
            // Providers counted by kind in its own words, "180 hospitals.": its customers.
            if (sent.company && !organisationsUse
                && countedHealthOrganisations().match(sent.lower).hasMatch())
                organisationsUse = p.offer(QStringLiteral("adopted"), i, s,
                    countedHealthOrganisations(), 0.4, QStringLiteral("providers counted"));
            p.offer(QStringLiteral("customers"), i, s, ownCustomers(), 0.45,
                QStringLiteral("organisations as its customers"));
            p.offer(QStringLiteral("adopted"), i, s, organisationsUseIt(), 0.45,
                QStringLiteral("organisations use it"));
            if (sent.company)
                p.offer(QStringLiteral("adopted"), i, s, adoptionNews(), 0.5,
                    QStringLiteral("an organisation signs with it"));
            // A software vendor shows its customers' stories on its own site; any business has
            // customers, but few write up how an organisation works with what it sold.
            if (item.own && s == 0 && storyPath().match(item.pathLower).hasMatch())
                p.offer(QStringLiteral("stories"), i, s, anySentence(), 0.4,
                    QStringLiteral("tells its customers' stories"));
            if (item.posting)
                p.offer(QStringLiteral("roles"), i, s, vendorRoles(), keepsCustomers ? 0.5 : 0.3,
                    keepsCustomers ? QStringLiteral("hires to keep its customers")
                                   : QStringLiteral("hires the roles of a software vendor"));
            if (item.own && !item.posting && trustPath().match(item.pathLower).hasMatch())
                p.offer(QStringLiteral("trust"), i, s, complianceTerms(), 0.4,
                    QStringLiteral("a security page for its customers"));
        }
    }
    // Patients using a tool their clinic bought is how B2B health software works; consumers
    // paying for it is not.
    for (int i = 0; i < items.size(); ++i) {
        const ProfileItem &item = items.at(i);
        for (int s = 0; s < item.sentences.size(); ++s) {
            const ProfileSentence &sent = item.sentences.at(s);
            if (sent.company && consumersPay().match(sent.lower).hasMatch())
                p.oppose(
                    i, s, organisationsUse ? 0.3 : 0.6, QStringLiteral("consumers pay for it"));
        }
    }
    return p.reading(0.55);
}

ProfileReading readHealthBuyers(const QList<ProfileItem> &items)
{
    Profile p(items);
    int healthSentences = 0;
    QSet<QString> industries;
    for (int i = 0; i < items.size(); ++i) {
        const ProfileItem &item = items.at(i);
        QString whole = item.titleLower;
        for (const ProfileSentence &sent : item.sentences) {
            whole += u' ' + sent.lower;
            if (sent.company)
                for (auto it = otherIndustries().globalMatch(sent.lower); it.hasNext();)
                    industries.insert(it.next().captured(0));
        }
        if (!healthContext().match(whole).hasMatch())
            continue;
        // A page or a posting addressed to them: "For health plans", "/hospitals".
        const QString heading
            = item.titleLower + u' ' + QString(item.pathLower).replace(u'-', u' ');
        static const Re specialty = wordPattern(QStringLiteral(
            "\\b(pa?ediatrics|orthopa?edics|dermatology|cardiology|oncology|urology|ophthalmology|"
            "gastroenterology|obstetrics|family medicine|internal medicine|physiotherapy|"
            "orthodontics|dental|eye care)\\b"));
        const bool addressed = healthOrganisations().match(heading).hasMatch()
            || specialty.match(heading).hasMatch();
        for (int s = 0; s < item.sentences.size(); ++s) {
            const ProfileSentence &sent = item.sentences.at(s);
            if (itselfAProvider(item, sent)) {
                p.oppose(i, s, 0.7, QStringLiteral("is itself a provider or payer"));
                continue;
            }
            if (animalCare().match(sent.lower).hasMatch()) {
                if (sent.company)
                    p.oppose(i, s, 0.6, QStringLiteral("its clinics treat animals"));
                continue;
            }
            if (sent.company && otherBuyers().match(sent.lower).hasMatch()
                && !healthOrganisations().match(sent.lower).hasMatch())
                p.oppose(i, s, 0.5, QStringLiteral("its buyers are not providers or payers"));
            int others = 0;
            for (auto it = otherIndustries().globalMatch(sent.lower); it.hasNext(); it.next())
                ++others;
            const bool named = healthOrganisations().match(sent.lower).hasMatch();
            const bool inContext = healthOrganisationsInContext().match(sent.lower).hasMatch();
            if (named || inContext)
                ++healthSentences;
            // A vendor to every industry that lists hospitals among them.
            if (others >= 2)
                continue;
            // Counting them ("180 hospitals.") says they are its customers.
            const bool related = buyerRelation().match(sent.lower).hasMatch()
                || countedHealthOrganisations().match(sent.lower).hasMatch();
            const Re &org = named ? healthOrganisations() : healthOrganisationsInContext();
            if (named || inContext)
                p.offer(QStringLiteral("buyers"), i, s, org,
                    (related ? 0.6 : 0.4) * (named ? 1.0 : 0.8),
                    related ? QStringLiteral("providers or payers as its customers")
                            : QStringLiteral("names providers or payers"));
            p.offer(QStringLiteral("roles"), i, s, healthRoles(), related ? 0.4 : 0.25,
                QStringLiteral("clinicians use it"));
            p.offer(QStringLiteral("work"), i, s, healthWork(), 0.35,
                QStringLiteral("the work of providers and payers"));
            if (addressed && s == 0)
                p.offer(QStringLiteral("addressed"), i, s, healthContext(), 0.35,
                    QStringLiteral("a page addressed to providers or payers"));
            if (!item.posting)
                p.offer(QStringLiteral("priced"), i, s, providerPricing(), 0.4,
                    QStringLiteral("priced per bed, clinician or provider"));
            // Its own page telling how one provider works with it.
            if (item.own && s <= 1 && storyPath().match(item.pathLower).hasMatch())
                p.offer(QStringLiteral("buyers"), i, s, providerNamed(), 0.55,
                    QStringLiteral("tells a provider's story"));
        }
    }
    // Health is one vertical among many.
    if (industries.size() >= 3 && healthSentences <= industries.size())
        for (int i = 0; i < items.size(); ++i)
            for (int s = 0; s < items.at(i).sentences.size(); ++s)
                if (items.at(i).sentences.at(s).company
                    && otherIndustries().match(items.at(i).sentences.at(s).lower).hasMatch()) {
                    p.oppose(i, s, 0.6, QStringLiteral("health is one vertical among many"));
                    break;
                }
    return p.reading(0.6);
}

// Whether a sentence names two different kinds of people or businesses, one of them a side that
// books or buys: "owners book a local sitter" does, "manufacturers and stores" does not.
bool namesTwoSides(const QString &lower)
{
    QSet<QString> supply;
    for (auto it = marketplace::supply().globalMatch(lower); it.hasNext();)
        supply.insert(it.next().captured(0));
    for (auto it = marketplace::demand().globalMatch(lower); it.hasNext();) {
        const QString side = it.next().captured(0);
        if (supply.size() > (supply.contains(side) ? 1 : 0))
            return true;
    }
    return false;
}

// A fee taken as a share of each deal, not a price for the service: "we take 30%", "a seller
// commission", "a fee per booked job", against "employers pay a per-employee fee".
bool isCut(const QString &lower)
{
    static const Re share = wordPattern(QStringLiteral(
        "%|\\b(commission|\\w*provision|premium|comisión|commissie|each side|both sides)\\b|"
        "\\b(per|por|par|pro|je) "
        "([\\w-]+ )?(jobs?|bookings?|reservations?|covers?|diners?|"
        "comensal|guests?|orders?|sales?|rentals?|rides?|trips?|reservas?|réservations?|"
        "boekings?|buchung|auftrag|vermittlung|trades?|transactions?|stays?|lessons?|deals?)\\b"));
    const auto m = marketplace::takeRate().match(lower);
    // What the fee is charged per follows it: "a fee per booked job".
    return m.hasMatch() && share.match(lower.mid(m.capturedStart(), m.capturedLength() + 24)).hasMatch();
}

ProfileReading readMarketplace(const QList<ProfileItem> &items)
{
    Profile p(items);
    for (int i = 0; i < items.size(); ++i) {
        const ProfileItem &item = items.at(i);
        // Who holds the money says marketplace only where the item names a side: a payments
        // company "handles the payment" too.
        bool itemSide = false;
        for (const ProfileSentence &sent : item.sentences)
            itemSide = itemSide || marketplace::supply().match(sent.lower).hasMatch()
                || marketplace::demand().match(sent.lower).hasMatch()
                || marketplace::peers().match(sent.lower).hasMatch();
        for (int s = 0; s < item.sentences.size(); ++s) {
            const ProfileSentence &sent = item.sentences.at(s);
            const QString &lower = sent.lower;
            if (marketplace::software().match(lower).hasMatch()) {
                if (sent.company)
                    p.oppose(i, s, 0.6, QStringLiteral("sells to marketplaces, is not one"));
                continue;
            }
            if (marketplace::notOne().match(lower).hasMatch()) {
                if (sent.company)
                    p.oppose(i, s, 0.7, QStringLiteral("not a marketplace"));
                continue;
            }
            if (sent.company && marketplace::notLiveYet().match(lower).hasMatch()) {
                p.oppose(i, s, 0.6, QStringLiteral("not launched yet"));
                continue;
            }
            // A directory may name both sides and a fee; the deal never passes through it.
            if (sent.company && marketplace::directory().match(lower).hasMatch())
                p.oppose(i, s, 0.5, QStringLiteral("a directory, the sides deal directly"));
            const bool called = marketplace::calledOne().match(lower).hasMatch();
            // "We aren't a staffing agency" denies being one, as a marketplace says of itself.
            const auto agency = marketplace::agencyModel().match(lower);
            if (agency.hasMatch() && !called && saidAsFact(lower, agency.capturedStart())) {
                if (sent.company)
                    p.oppose(i, s, 0.5, QStringLiteral("a staffing agency"));
                continue;
            }
            if ((called && marketplace::plannedOne().match(lower).hasMatch())
                || marketplace::othersMarketplaces().match(lower).hasMatch()
                || (called && marketplace::channel().match(lower).hasMatch()
                    && !marketplace::strong().match(lower).hasMatch()))
                continue;
            p.offer(QStringLiteral("called"), i, s, marketplace::calledOne(), 0.45,
                QStringLiteral("calls itself a marketplace"));
            // Matching and fees are the marketplace's when a side is named with them: "connects
            // to your EHR" and "customers pay a monthly fee" are any vendor's.
            const bool supply = marketplace::supply().match(lower).hasMatch();
            const bool side = supply || marketplace::demand().match(lower).hasMatch();
            if (side) {
                p.offer(QStringLiteral("matches"), i, s, marketplace::strong(), 0.5,
                    QStringLiteral("matches two sides"));
                p.offer(QStringLiteral("matches"), i, s, marketplace::matching(), 0.45,
                    QStringLiteral("the sides meet on it"));
            }
            // A commission in a posting is the recruiter's pay, not the company's cut. The side
            // it is taken from may be named in the item's other sentence: "Sell originals to
            // collectors. We take 30% when your work sells."
            const bool referral = marketplace::referral().match(lower).hasMatch();
            if ((side || (itemSide && isCut(lower))) && !item.posting && !referral)
                p.offer(QStringLiteral("cut"), i, s, marketplace::takeRate(), 0.5,
                    QStringLiteral("takes a cut"));
            p.offer(QStringLiteral("lists"), i, s, marketplace::listing(), 0.4,
                QStringLiteral("one side lists or posts"));
            if (supply)
                p.offer(QStringLiteral("sides"), i, s, marketplace::demand(), 0.4,
                    QStringLiteral("names both sides"));
            // Two kinds of people trading on it is what two-sided means, however each writer
            // names them: "owners book a local sitter", "farmers post grain; mills bid".
            if (namesTwoSides(lower))
                p.offer(QStringLiteral("sides"), i, s, marketplace::transacts(), 0.5,
                    QStringLiteral("two sides trade on it"));
            p.offer(QStringLiteral("sides"), i, s, marketplace::peers(), 0.5,
                QStringLiteral("peers trade with each other"));
            // The roles said without naming the model: a buyer books someone else's service,
            // the company vets who provides it, those who provide are paid through it, a team
            // grows the supply side. Each is weak alone; two of them are a marketplace.
            p.offer(QStringLiteral("books"), i, s, marketplace::buyerBooks(), 0.45,
                QStringLiteral("buyers book someone else's service"));
            p.offer(QStringLiteral("vets"), i, s, marketplace::vetsProviders(), 0.4,
                QStringLiteral("vets those who provide"));
            if (!item.posting && !referral)
                p.offer(QStringLiteral("earns"), i, s, marketplace::supplyEarns(), 0.5,
                    QStringLiteral("those who provide are paid through it"));
            p.offer(QStringLiteral("supply"), i, s, marketplace::supplyTeam(), 0.4,
                QStringLiteral("grows a supply side"));
            if (itemSide && !item.posting)
                p.offer(QStringLiteral("pays"), i, s, marketplace::holdsPayment(), 0.4,
                    QStringLiteral("holds the money between the sides"));
        }
    }
    return p.reading(0.5);
}

} // namespace gtm
