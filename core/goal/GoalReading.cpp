// Reading a research goal's free text into facets, offline, the way sales reps type goals:
// English, German, French, Spanish and Dutch, shorthand ("Series B+", "last 12mo", "k8s + prod"),
// lists of product flavours, and the typos of a fast typist. The patterns run over the goal
// lower-cased and stripped of accents ("série" reads as "serie"), so each is written once.
#include "goal/GoalModel.h"
#include "goal/GoalParser.h"
#include "lexicon/TechDictionary.h"

#include <algorithm>

#include <QDate>
#include <QHash>
#include <QMutex>
#include <QRegularExpression>
#include <QSet>
#include <unordered_map>

namespace gtm {

namespace {

// Compiling a pattern costs a hundred times more than matching a goal against it, and every
// company of a run parses the same goal: each table pattern is compiled once. (The map keeps its
// values in place as it grows, so a reference handed out stays valid.)
const QRegularExpression &compiled(const char16_t *pattern)
{
    static QMutex mutex;
    static std::unordered_map<const char16_t *, QRegularExpression> cache;
    const QMutexLocker lock(&mutex);
    auto it = cache.find(pattern);
    if (it == cache.end())
        it = cache.emplace(pattern, QRegularExpression(QString::fromUtf16(pattern))).first;
    return it->second;
}

QRegularExpressionMatch find(const QString &text, const char16_t *pattern)
{
    return compiled(pattern).match(text);
}

bool matches(const QString &text, const char16_t *pattern)
{
    return find(text, pattern).hasMatch();
}

// Without accents, typographic quotes as ASCII, runs of blanks as one space. Case is kept for
// what is only read in capitals (country codes), at the same positions as in fold().
QString foldKeepingCase(const QString &text)
{
    const QString decomposed = text.normalized(QString::NormalizationForm_D);
    QString out;
    out.reserve(decomposed.size());
    for (const QChar c : decomposed) {
        if (c.category() == QChar::Mark_NonSpacing)
            continue;
        out += c == QChar(0x2019) || c == QChar(0x2018) ? QChar(u'\'') : c;
    }
    return out.simplified();
}

// The goal as the tables read it: lower case, without accents, blanks collapsed.
QString fold(const QString &text)
{
    return foldKeepingCase(text).toLower();
}

// --- Words the rest of the parser knows, for mending typos.

// One typing slip apart: a letter dropped, added, swapped with its neighbour or mistyped.
// Words under eight letters only count a swap or a dropped double letter: "serves" is not
// "series", "vertical" is not Vertica.
bool oneSlipApart(const QString &typed, const QString &word)
{
    const qsizetype a = typed.size(), b = word.size();
    if (std::abs(a - b) > 1 || typed == word)
        return false;
    const bool shortWord = b < 8;
    qsizetype i = 0;
    while (i < std::min(a, b) && typed.at(i) == word.at(i))
        ++i;
    if (a == b) {
        if (i + 1 < a && typed.at(i) == word.at(i + 1) && typed.at(i + 1) == word.at(i)
            && QStringView(typed).mid(i + 2) == QStringView(word).mid(i + 2))
            return true; // swapped neighbours
        return !shortWord && QStringView(typed).mid(i + 1) == QStringView(word).mid(i + 1);
    }
    if (a + 1 == b) { // a letter dropped
        const bool doubled = i > 0 && word.at(i) == word.at(i - 1);
        return (!shortWord || doubled) && QStringView(typed).mid(i) == QStringView(word).mid(i + 1);
    }
    return !shortWord && QStringView(typed).mid(i + 1) == QStringView(word).mid(i); // one added
}

// The words a goal's meaning hangs on, as they should be spelled. Technology names come from the
// dictionary; a product whose name is also a common word is written as the product is.
struct Vocabulary
{
    QHash<QString, QString> spelled; // lower-case word -> how to write it
    QHash<qsizetype, QStringList> byLength; // the words of `spelled`, for one slip apart
};

constexpr const char16_t *kKeyWords[] = { u"hiring", u"recruiting", u"production", u"series",
    u"serie", u"logistics", u"logistik", u"freight", u"hospitals", u"healthcare", u"clinics",
    u"fintech", u"fintechs", u"payments", u"insurers", u"insurance", u"engineer", u"engineers",
    u"developers", u"scientists", u"analysts", u"marketplace", u"marketplaces", u"europe",
    u"germany", u"google", u"employees", u"companies", u"startups", u"manufacturing", u"ecommerce",
    u"cybersecurity", u"education", u"energy", u"funding", u"raised", u"headquartered",
    u"netherlands", u"kingdom", u"france" };

// Products whose name is also a word ("snowflake", "stripe") that a goal in lower case still
// means: nobody researches companies by their snowflakes.
constexpr const char16_t *kLowerCaseProducts[]
    = { u"Snowflake", u"Stripe", u"Airflow", u"Redshift", u"Sentry" };

// Names reps type that the dictionary leaves to evidence-specific spellings.
constexpr std::pair<const char16_t *, const char16_t *> kGoalSynonyms[] = {
    { u"gcloud", u"Google Cloud" },
    { u"postgre", u"PostgreSQL" },
};

const Vocabulary &vocabulary(const TechDictionary &dict)
{
    static QMutex mutex;
    static std::unordered_map<const TechDictionary *, Vocabulary> cache;
    const QMutexLocker lock(&mutex);
    auto it = cache.find(&dict);
    if (it != cache.end())
        return it->second;
    Vocabulary v;
    for (const Technology &t : dict.technologies())
        for (const QString &alias : t.aliases)
            if (alias.size() >= 5 && !alias.contains(u' '))
                v.spelled.insert(alias, alias);
    for (const char16_t *p : kLowerCaseProducts) {
        const QString name = QString::fromUtf16(p);
        v.spelled.insert(name.toLower(), name);
    }
    for (const char16_t *w : kKeyWords)
        v.spelled.insert(QString::fromUtf16(w), QString::fromUtf16(w));
    for (const auto &[word, name] : kGoalSynonyms)
        v.spelled.insert(QString::fromUtf16(word), QString::fromUtf16(name));
    for (auto k = v.spelled.cbegin(); k != v.spelled.cend(); ++k)
        v.byLength[k.key().size()] << k.key();
    return cache.emplace(&dict, std::move(v)).first->second;
}

// The goal with slips mended and product names written as products, so that the dictionary and
// the patterns below read "kubernets in prodution" and "snowfalke experience" as meant.
QString mended(const TechDictionary &dict, const QString &goal)
{
    const Vocabulary &v = vocabulary(dict);
    static const QRegularExpression word(QStringLiteral("[\\p{L}\\d]+"));
    QString out;
    qsizetype last = 0;
    for (auto it = word.globalMatch(goal); it.hasNext();) {
        const QRegularExpressionMatch w = it.next();
        const QString lower = w.captured(0).toLower();
        QString replacement;
        if (const auto known = v.spelled.constFind(lower); known != v.spelled.cend()) {
            if (known.value() != lower)
                replacement = known.value();
        } else if (lower.size() >= 5 && !v.spelled.contains(lower.chopped(1))) {
            for (qsizetype n = lower.size() - 1; n <= lower.size() + 1 && replacement.isEmpty();
                 ++n)
                for (const QString &k : v.byLength.value(n))
                    if (oneSlipApart(lower, k)) {
                        replacement = v.spelled.value(k);
                        break;
                    }
        }
        if (replacement.isEmpty())
            continue;
        out += QStringView(goal).mid(last, w.capturedStart(0) - last);
        out += replacement;
        last = w.capturedEnd(0);
    }
    out += QStringView(goal).mid(last);
    return out;
}

// --- Tables. Patterns are over the folded goal (lower case, no accents).

struct Trigger
{
    const char16_t *id;
    const char16_t *pattern;
};

constexpr Trigger kIndustryTriggers[] = {
    { u"fintech",
        u"\\b(fintech\\w*|financial services|financial technology|payments?|payment "
        u"(processors?|providers?)|banking|banks?|neobank\\w*|neobanq\\w*|lending|lenders?|"
        u"credit cards?|card issuing|remittances?|finanzdienstleist\\w*|zahlungs\\w*|banken|"
        u"bankwesen|services financiers|banques?|paiements?|servicios financieros|pagos|bancos?|"
        u"banca|financiele dienst\\w*|betaal\\w*|betaling\\w*)\\b" },
    { u"logistics",
        u"\\b(logisti\\w*|freight|supply[- ]chain|shipping|trucking|haulage|forwarders?|"
        u"forwarding|3pl|fulfil?ment|transport\\w*|warehousing|warehouse[- ](operators?|"
        u"providers?|compan\\w*|firms?|bedrijven|dienstleister)|lagerlogistik|magazijn\\w*|"
        u"entreposage|almacenaje|spedition\\w*|lieferkett\\w*|fracht\\w*|"
        u"versand\\w*|fret|transitaires?|chaine d'approvisionnement|cadena de suministro|"
        u"mensajeria|vracht\\w*|expediteur\\w*|vervoer\\w*|toeleveringsketen)\\b" },
    { u"healthcare",
        u"\\b(health ?care|healthtech\\w*|health tech|health "
        u"systems?|medical|medic[oa]s?|clini\\w*|"
        u"hospit\\w*|hopita\\w*|providers?|payers?|physicians?|life sciences|pharma\\w*|"
        u"gesundheit\\w*|krankenh\\w*|krankenkass\\w*|klinik\\w*|arztprax\\w*|medizin\\w*|"
        u"sante|medicaux|salud|sanitari\\w*|zorg|zorgaanbieder\\w*|zorginstelling\\w*|"
        u"zorgverlener\\w*|zorgverzekeraar\\w*|gezondheidszorg|ziekenh\\w*|medisch\\w*)\\b" },
    { u"ecommerce",
        u"\\b(e-?commerce\\w*|retail(ers)?|online stores?|dtc|d2c|shopify merchants|"
        u"online-?hand\\w*|einzelhand\\w*|e-?shops?|commerce en ligne|vente en ligne|"
        u"comercio electronico|tiendas? (online|en "
        u"linea)|webshops?|webwinkels?|detailhand\\w*)\\b" },
    { u"insurance",
        u"\\b(insurance|insurtech\\w*|insurers?|versicher\\w*|assurance\\w*|assureurs?|"
        u"aseguradora\\w*|seguros|verzeker\\w*)\\b" },
    { u"education",
        u"\\b(educati\\w*|edtech\\w*|schools|universities|bildung\\w*|schulen|hochschulen|"
        u"enseignement|ecoles|universites|escuelas|universidades|onderwijs|scholen)\\b" },
    { u"real_estate",
        u"\\b(real estate|proptech\\w*|property management|immobili\\w*|inmobiliari\\w*|"
        u"vastgoed)\\b" },
    { u"manufacturing",
        u"\\b(manufactur\\w*|factories|industrial|industriels?|fertigung\\w*|hersteller\\w*|"
        u"fabricants?|usines?|fabricantes?|fabrikant\\w*|maakindustrie)\\b" },
    { u"cybersecurity",
        u"\\b(cyber ?security|infosec|cybersicherheit|it-sicherheit|cybersecurite|"
        u"ciberseguridad|cyberbeveiliging)\\b" },
    { u"energy",
        u"\\b(energy|utilities|solar|renewables?|energie\\w*|energia\\w*|stadtwerke|"
        u"erneuerbar\\w*|renouvelables?|renovables?)\\b" },
};

// Health insurers are payers: the healthcare segment, not the insurance industry.
constexpr const char16_t *kHealthPayers
    = u"\\b((health|medical) insur\\w*|krankenversicher\\w*|krankenkass\\w*|"
      u"assur\\w* (sante|maladie)|mutuelles?|aseguradoras? (de salud|medicas?)|"
      u"zorgverzekeraar\\w*)\\b";

struct RoleDef
{
    const char16_t *value;
    const char16_t *pattern;
    bool generic = false; // a word that names a role only next to a hiring word
};
constexpr RoleDef kRoles[] = {
    { u"sdr",
        u"\\b(sdrs?|bdrs?|sales development|business development rep\\w*|business developers?|"
        u"outbound (sales )?reps?|lead gen\\w* reps?|vertrieb\\w*|"
        u"charges? de developpement commercial|representantes? de (desarrollo de )?ventas)\\b" },
    { u"data engineer",
        u"\\b(data[- ]?eng(ineers?|ineerin(nen)?|s)?|daten[- ]?(engineer|ingenieur)\\w*|"
        u"data platform engineers?|etl[- ]engineers?|ingenieurs? (de |des )?(data|donnees)|"
        u"ingenier[oa]s? de datos)\\b" },
    // "open data engineering roles": the work names the role next to a seat or hiring word.
    { u"data engineer", u"\\bdata[- ]engineering\\b", true },
    { u"analytics engineer", u"\\banalytics[- ]engineers?\\b" },
    { u"data scientist",
        u"\\b(data[- ]scien\\w*|datenwissenschaftler\\w*|scientifiques? des donnees|"
        u"cientific[oa]s? de datos)\\b" },
    { u"ml engineer",
        u"\\b((ml|machine learning|ai|ki|ia)[- ](engineers?|ingenieur\\w*)|"
        u"ingenieurs? (ml|ia|machine learning)|ingenier[oa]s? de (ml|ia|machine learning))\\b" },
    { u"data analyst",
        u"\\b(data[- ]ana(lysts?|lystin\\w*|listen|list)|datenanalyst\\w*|"
        u"analystes? (de |des )?donnees|analistas? de datos)\\b" },
    { u"account executive", u"\\b(account executives?|aes|key account manager\\w*)\\b" },
    { u"sre", u"\\b(sres?|site reliability)\\b" },
    { u"devops engineer", u"\\b(devops|platform)[- ](engineers?|ingenieur\\w*)\\b" },
    { u"product manager", u"\\b(product[- ]managers?|produktmanager\\w*|chefs? de produit)\\b" },
    { u"designer", u"\\b(product |ux |ui )?designers?\\b", true },
    { u"software engineer",
        u"\\b((software|backend|back-end|frontend|front-end|full[- ]?stack)[- ]"
        u"(engineers?|developers?|entwickler\\w*|ingenieur\\w*)|softwareentwickler\\w*|"
        u"developpeurs?|ingenieurs? logiciels?|desarrollador\\w*|ingenier[oa]s? de software|"
        u"(software)?ontwikkelaars?)\\b" },
    { u"developer", u"\\b(developers?|engineers?|programmers?|devs|entwickler\\w*)\\b", true },
};

// Words that ask for open roles whatever the role.
constexpr const char16_t *kHiringWords
    = u"\\b(hiring|hires?|recruit\\w*|recrut\\w*|open (roles?|positions?|reqs?)|openings?|"
      u"vacanc\\w*|vacatures?|vacantes?|job (posts?|postings?|posted|ads?|openings?)|jobs|reqs|"
      u"headcount for|staffing up|advertis\\w+ for|posting for|einstell\\w*|stellt|"
      u"stellen(anzeig|ausschreib|angebot)\\w*|offene\\w* (stellen?|positionen?|rollen?)|"
      u"embauch\\w*|offres? d'emploi|postes? (ouverts?|a pourvoir)|contratando|contratan|"
      u"contrata|ofertas? de (empleo|trabajo)|openstaande|werven|werft|aannemen)\\b";
// Words that make a generic role ("developers", "designers") a hiring ask.
constexpr const char16_t *kSeatWords
    = u"\\b(seats?|roles?|positions?|openings?|reqs?|jobs?|headcount|vacanc\\w*|stellen?|"
      u"postes?|puestos?|functies?|rollen?|positionen?|looking for|seeking|suchen|sucht|"
      u"cherche\\w*|busca\\w*|zoek\\w*)\\b";

struct PlaceTrigger
{
    const char16_t *value;
    const char16_t *pattern; // over the folded goal
    const char16_t *code; // country codes, in capitals in the goal as typed
};
constexpr PlaceTrigger kPlaces[] = {
    { u"Germany",
        u"\\b(germany|german|deutschland|deutsch\\w*|dach|allemagne|allemand\\w*|alemania|"
        u"aleman\\w*|duitsland|duits\\w*|berlin\\w*|munchen|munich|hamburg\\w*|frankfurt|koln|"
        u"cologne|stuttgart|dusseldorf|leipzig|dresden|hannover|nurnberg|nuremberg)\\b",
        u"\\bDE\\b" },
    { u"United Kingdom",
        u"\\b(uk|united kingdom|britain|british|england|grossbritannien|"
        u"vereinigte\\w* konigreich|royaume-uni|reino unido|verenigd koninkrijk|london\\w*|"
        u"londres|londen|manchester|edinburgh|scotland)\\b",
        nullptr },
    { u"France",
        u"\\b(france|french|frankreich|francia|frankrijk|francais\\w*|paris\\w*|lyon\\w*|"
        u"marseille|toulouse)\\b",
        u"\\bFR\\b" },
    { u"Netherlands",
        u"\\b(netherlands|dutch|niederlande\\w*|pays-bas|paises bajos|nederland\\w*|holland\\w*|"
        u"amsterdam\\w*|rotterdam|utrecht|eindhoven)\\b",
        u"\\bNL\\b" },
    { u"Nordics",
        u"\\b(nordics?|scandinavi\\w*|skandinavi\\w*|escandinavia|nordeuropa|nordique\\w*|"
        u"sweden|swedish|schweden|suede|suecia|zweden|denmark|danish|danemark|dinamarca|"
        u"denemarken|norway|norwegen|norvege|noruega|noorwegen|finland|finnland|finlande|"
        u"finlandia|stockholm|copenhagen|kopenhagen|oslo|helsinki)\\b",
        nullptr },
    { u"Europe",
        u"\\b(europe|european|europa|europaisch\\w*|europeen\\w*|europe[oa]s?|europese?|eu|"
        u"emea|eea)\\b",
        nullptr },
    { u"United States",
        u"\\b(usa|united states|american|north america|vereinigte\\w* staaten|etats-unis|"
        u"estados unidos|verenigde staten|amerika\\w*|new york|san francisco|silicon valley|"
        u"nyc|bay area|boston|seattle|austin|chicago)\\b",
        u"\\b(US|U\\.S\\.)" },
};

// Whether the place named at `at` is an example of another: inside brackets, or after "e.g.",
// "such as", "z. B.", "wie", "par exemple", "por ejemplo", "zoals" ... in the same clause.
bool namedAsExample(const QString &folded, qsizetype at)
{
    const QString before = folded.left(at);
    if (before.count(u'(') > before.count(u')'))
        return true;
    return matches(before,
        u"\\b(e\\.? ?g\\.?|eg|such as|like|including|incl\\.?|especially|z\\. ?b\\.?|zb|etwa|"
        u"wie|insbesondere|besonders|vor allem|p\\. ?ex\\.?|par exemple|comme|notamment|"
        u"por ejemplo|p\\. ?ej\\.?|como|sobre todo|bijvoorbeeld|bv\\.?|zoals|vooral)"
        u"[^.;!?]{0,40}$");
}

// Where the company sits, rather than where the role is.
constexpr const char16_t *kHeadquarters
    = u"\\b(hq|hq'd|headquarter\\w*|head office|sitz|hauptsitz|firmensitz|aus|basee?s?|siege|"
      u"con sede|sede central|gevestigd|hoofdkantoor)\\b[^,;]{0,12}$";

// What a technology or method is used for.
constexpr const char16_t *kFraud = u"\\b(fraud\\w*|anti-?fraud\\w*|\\w*betrug\\w*|chargebacks?)\\b";
constexpr const char16_t *kMachineLearning
    = u"\\b(ai|ml|ki|ia|machine[- ]learning|deep learning|artificial intelligence|"
      u"kunstliche intelligenz|intelligence artificielle|inteligencia artificial|"
      u"kunstmatige intelligentie|apprentissage automatique|aprendizaje automatico|"
      u"maschinelles lernen|neural networks?|llms?|predictive|data science)\\b";

// Words that keep the next technology out of the goal: "Google Cloud rather than AWS".
const QSet<QString> &negations()
{
    static const QSet<QString> words { QStringLiteral("not"), QStringLiteral("no"),
        QStringLiteral("without"), QStringLiteral("except"), QStringLiteral("excluding"),
        QStringLiteral("than"), QStringLiteral("instead"), QStringLiteral("ohne"),
        QStringLiteral("statt"), QStringLiteral("anstatt"), QStringLiteral("kein"),
        QStringLiteral("keine"), QStringLiteral("nicht"), QStringLiteral("sans"),
        QStringLiteral("sauf"), QStringLiteral("lieu"), QStringLiteral("plutot"),
        QStringLiteral("sin"), QStringLiteral("excepto"), QStringLiteral("lugar"),
        QStringLiteral("vez"), QStringLiteral("zonder"), QStringLiteral("geen"),
        QStringLiteral("behalve"), QStringLiteral("plaats") };
    return words;
}

// --- Numbers, stages, windows.

int numberWord(const QString &w)
{
    static const QHash<QString, int> words {
        { QStringLiteral("a"), 1 },
        { QStringLiteral("an"), 1 },
        { QStringLiteral("one"), 1 },
        { QStringLiteral("two"), 2 },
        { QStringLiteral("three"), 3 },
        { QStringLiteral("four"), 4 },
        { QStringLiteral("five"), 5 },
        { QStringLiteral("six"), 6 },
        { QStringLiteral("seven"), 7 },
        { QStringLiteral("eight"), 8 },
        { QStringLiteral("nine"), 9 },
        { QStringLiteral("ten"), 10 },
        { QStringLiteral("eleven"), 11 },
        { QStringLiteral("twelve"), 12 },
        { QStringLiteral("eighteen"), 18 },
        { QStringLiteral("twenty-four"), 24 },
        { QStringLiteral("ein"), 1 },
        { QStringLiteral("einem"), 1 },
        { QStringLiteral("eines"), 1 },
        { QStringLiteral("zwei"), 2 },
        { QStringLiteral("drei"), 3 },
        { QStringLiteral("sechs"), 6 },
        { QStringLiteral("zwolf"), 12 },
        { QStringLiteral("achtzehn"), 18 },
        { QStringLiteral("un"), 1 },
        { QStringLiteral("une"), 1 },
        { QStringLiteral("deux"), 2 },
        { QStringLiteral("trois"), 3 },
        { QStringLiteral("douze"), 12 },
        { QStringLiteral("dix-huit"), 18 },
        { QStringLiteral("uno"), 1 },
        { QStringLiteral("una"), 1 },
        { QStringLiteral("dos"), 2 },
        { QStringLiteral("tres"), 3 },
        { QStringLiteral("seis"), 6 },
        { QStringLiteral("doce"), 12 },
        { QStringLiteral("dieciocho"), 18 },
        { QStringLiteral("een"), 1 },
        { QStringLiteral("twee"), 2 },
        { QStringLiteral("drie"), 3 },
        { QStringLiteral("zes"), 6 },
        { QStringLiteral("twaalf"), 12 },
        { QStringLiteral("achttien"), 18 },
    };
    bool ok = false;
    const int n = w.toInt(&ok);
    return ok ? n : words.value(w, 0);
}

constexpr const char16_t *kNumber
    = u"\\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|eighteen|"
      u"twenty-four|ein|einem|eines|zwei|drei|sechs|zwolf|achtzehn|un|une|deux|trois|douze|"
      u"dix-huit|uno|una|dos|tres|seis|doce|dieciocho|een|twee|drie|zes|twaalf|achttien";

// A unit of time as months: "12mo", "Monaten", "mois", "años", "jaar", "quarters".
int unitMonths(const QString &unit)
{
    if (matches(unit, u"^(y|yrs?|years?|jahr\\w*|ans?|annees?|anos?|jaar|jaren)$"))
        return 12;
    if (matches(unit, u"^(q|qtrs?|quarters?|quartal\\w*|trimestres?|kwarta\\w*)$"))
        return 3;
    if (matches(unit, u"^(halfs?|half-year|halbjahr\\w*|semestres?)$"))
        return 6;
    if (matches(unit, u"^(weeks?|wochen?|semaines?|semanas?|weken)$"))
        return 1;
    return 1;
}

int monthFromName(const QString &name)
{
    static const std::pair<const char16_t *, int> prefixes[] = { { u"jan", 1 }, { u"ene", 1 },
        { u"feb", 2 }, { u"fev", 2 }, { u"mar", 3 }, { u"maa", 3 }, { u"apr", 4 }, { u"avr", 4 },
        { u"abr", 4 }, { u"mai", 5 }, { u"may", 5 }, { u"mei", 5 }, { u"juin", 6 }, { u"jun", 6 },
        { u"juil", 7 }, { u"jul", 7 }, { u"aug", 8 }, { u"aou", 8 }, { u"ago", 8 }, { u"sep", 9 },
        { u"oct", 10 }, { u"okt", 10 }, { u"nov", 11 }, { u"dec", 12 }, { u"dez", 12 },
        { u"dic", 12 } };
    for (const auto &[prefix, month] : prefixes)
        if (name.startsWith(QStringView(prefix)))
            return month;
    return 0;
}

// How many months back a funding goal looks: 0 when it does not say.
int fundingWindow(const QString &lower, QDate today)
{
    static const QString unit = QStringLiteral(
        "(months?|mos?|mths?|monat\\w*|mois|mes(?:es)?|maand\\w*|years?|yrs?|jahr\\w*|ans?|"
        "annees?|anos?|jaar|jaren|quarters?|qtrs?|quartal\\w*|trimestres?|kwarta\\w*|halfs?|"
        "half-year|halbjahr\\w*|semestres?|weeks?|wochen?|semaines?|semanas?|weken)");
    static const QString number = QString::fromUtf16(kNumber);
    // "last 12 months", "in den letzten 12 Monaten", "en los ultimos 12 meses", "afgelopen jaar",
    // "within a year", "last12mo".
    static const QRegularExpression back(QStringLiteral(
        "\\b(?:last|past|previous|prior|within|letzten|vergangenen|ultim[oa]s?|afgelopen|"
        "laatste|voorbije|innerhalb|depuis|seit|desde hace|sinds|binnen)\\s*(?:the\\s+|der\\s+|"
        "des\\s+|von\\s+|eines\\s+)?(?:(%1)[- ]?)?%2\\b")
                                             .arg(number, unit));
    // "au cours des 12 derniers mois", "12 derniers mois", "l'an dernier".
    static const QRegularExpression french(
        QStringLiteral("\\b(?:(%1)\\s+)?(?:derniers?|dernieres?)\\s+%2\\b").arg(number, unit));
    static const QRegularExpression frenchAfter(QStringLiteral("\\b(an|annee)\\s+derniere?\\b"));
    // "6 months ago", "vor 6 Monaten", "il y a 6 mois", "hace 6 meses".
    static const QRegularExpression ago(
        QStringLiteral("\\b(?:vor|il y a|hace)?\\s*(%1)\\s*%2\\s*(?:ago|geleden)?\\b")
            .arg(number, unit));
    // "since Dec 2025", "seit Dezember 2025", "depuis decembre 2025", "in 2026".
    static const QRegularExpression since(QStringLiteral(
        "\\b(since|seit|depuis|desde|sinds|from|ab|in|im|en|dans|durante)\\s+(?:(?:le|el|de|der|"
        "dem|jahr|the)\\s+)?(?:([a-z]{3,10})\\.?\\s+(?:de\\s+)?)?(20\\d\\d)\\b"));

    QRegularExpressionMatch w = back.match(lower);
    if (!w.hasMatch())
        w = french.match(lower);
    if (w.hasMatch()) {
        const int n = w.captured(1).isEmpty() ? 1 : numberWord(w.captured(1));
        return std::max(1, n) * unitMonths(w.captured(2));
    }
    if (frenchAfter.match(lower).hasMatch())
        return 12;
    const QRegularExpressionMatch s = since.match(lower);
    if (s.hasMatch()) {
        const QDate now = today.isValid() ? today : QDate::currentDate();
        const int year = s.captured(3).toInt();
        const int month = s.captured(2).isEmpty() ? 1 : monthFromName(s.captured(2));
        const int months = (now.year() - year) * 12 + now.month() - std::max(1, month);
        if (months > 0 && months <= 120)
            return months;
    }
    if (matches(lower, u"\\b(this|current) (half|h[12])\\b|\\bh[12] 20\\d\\d\\b"))
        return 6;
    if (matches(lower, u"\\b(this|current) quarter\\b"))
        return 3;
    if (matches(lower,
            u"\\b(recent\\w*|just|new(ly)?|fresh\\w*|this year|last year|ytd|kurzlich\\w*|"
            u"jungst\\w*|neulich|frisch\\w*|dieses jahr|letztes jahr|recemment|cette annee|"
            u"recien\\w*|este ano|el ano pasado|onlangs|dit jaar|vorig jaar)\\b"))
        return 12;
    const QRegularExpressionMatch a = ago.match(lower);
    if (a.hasMatch() && !a.captured(1).isEmpty()
        && matches(a.captured(0), u"ago|geleden|vor |il y a|hace"))
        return std::max(1, numberWord(a.captured(1))) * unitMonths(a.captured(2));
    return 0;
}

int stageFromLetter(QChar c)
{
    return c.isLetter() ? c.toLower().unicode() - u'a' + 1 : 0;
}

// The earliest round a goal accepts: "Series B+", "B or later", "post-B", "serie B o posterior",
// "B-Runde", "a B round", "series b/c/d" (the first one), "late stage".
int fundingStage(const QString &lower, const QString &goal)
{
    static const QRegularExpression series(QStringLiteral("\\bseries?[- ]?([a-h])\\b"));
    static const QRegularExpression runde(QStringLiteral("\\b([a-h])-(runde|finanzierung)\\b"));
    // A lettered round: "a B round", "b-round", "ronda B", "B-ronde". Lower-case "a" is the
    // article ("raised a round"), so the letter A counts only as a capital.
    static const QRegularExpression round(QStringLiteral(
        "\\b(?:([A-H])|([b-h]))[- ](?i:rounds?|ronde|runde)\\b|"
        "\\b(?i:round|ronda|ronde|tour)[- ](?:([A-H])|([b-h]))\\b"));
    // Bare letters need their capital and a sign of a round: "post-A", "B+", "C or later".
    static const QRegularExpression shorthand(
        QStringLiteral("(?:(?i:\\b(?:post|after|beyond|past|ab|vanaf|a partir de)[- ]?)([A-H])\\b)|"
                       "(?:\\b([A-H])(?:\\+(?!\\+)|\\s+(?i:or|and|oder|ou|o|of|en|y|und)\\s+(?i:"
                       "later|beyond|above|up|higher|more|sp[aä]ter|h[oö]her|danach|plus|"
                       "au-del[aà]|apr[eè]s|posterior\\w*|superior\\w*|m[aá]s|hoger|verder)))"));
    QRegularExpressionMatch m = series.match(lower);
    if (!m.hasMatch())
        m = runde.match(lower);
    if (m.hasMatch())
        return stageFromLetter(m.captured(1).at(0));
    m = round.match(goal);
    if (m.hasMatch()) {
        for (int k = 1; k <= 4; ++k)
            if (!m.captured(k).isEmpty())
                return stageFromLetter(m.captured(k).at(0));
    }
    const QRegularExpressionMatch s = shorthand.match(goal);
    if (s.hasMatch()) {
        const QString letter = s.captured(1).isEmpty() ? s.captured(2) : s.captured(1);
        return stageFromLetter(letter.at(0));
    }
    if (matches(lower,
            u"\\b(late|growth)[- ]stage|spatphase|wachstumsphase|stade avance|"
            u"etapa (tardia|de crecimiento)|groeifase\\b"))
        return 3;
    return 0; // none named
}

// --- Size.

int headCount(QString n)
{
    const bool thousands = n.endsWith(u'k');
    if (thousands)
        n.chop(1);
    n.remove(u',').remove(u'.');
    return n.toInt() * (thousands ? 1000 : 1);
}

std::optional<GoalFacet> sizeFacet(const QString &lower)
{
    static const QString num = QStringLiteral("(\\d+(?:[.,]\\d{3})*k?)");
    static const QString people = QStringLiteral(
        "\\s*(?:employees?|people|persons?|staff|headcount|ftes?|ppl|heads|mitarbeiter\\w*|"
        "beschaftigte\\w*|angestellte\\w*|salaries|employes|collaborateurs|personnes|empleados|"
        "trabajadores|personas|medewerkers|werknemers|personeel)\\b");
    static const QRegularExpression range(
        QStringLiteral("\\b(?:between |zwischen |entre |tussen |de |von )?%1\\s*(?:-|–|to|bis|a|"
                       "tot|and|und|et|y|en)\\s*%1%2")
            .arg(num, people));
    static const QRegularExpression plus(QStringLiteral("\\b%1\\s*\\+%2").arg(num, people));
    static const QRegularExpression atLeast(QStringLiteral(
        "(?:more than|over|at least|minimum|min\\.?|mehr als|uber|mindestens|ab|plus de|"
        "au moins|mas de|al menos|minimo|meer dan|minstens|ten minste|>=?)\\s*%1%2")
                                                .arg(num, people));
    static const QRegularExpression atMost(QStringLiteral(
        "(?:up to|under|fewer than|less than|at most|max\\.?|maximum|bis zu|unter|weniger als|"
        "hochstens|moins de|jusqu'a|au plus|menos de|hasta|como maximo|minder dan|maximaal|"
        "hooguit|<=?)\\s*%1%2")
                                               .arg(num, people));
    static const QRegularExpression bare(QStringLiteral("\\b%1%2").arg(num, people));
    GoalFacet f;
    f.kind = FacetKind::Size;
    if (const auto m = range.match(lower); m.hasMatch()) {
        f.minEmployees = headCount(m.captured(1));
        f.maxEmployees = headCount(m.captured(2));
    } else if (const auto p = plus.match(lower); p.hasMatch()) {
        f.minEmployees = headCount(p.captured(1));
    } else if (const auto l = atLeast.match(lower); l.hasMatch()) {
        f.minEmployees = headCount(l.captured(1));
    } else if (const auto u = atMost.match(lower); u.hasMatch()) {
        f.maxEmployees = headCount(u.captured(1));
    } else if (const auto b = bare.match(lower); b.hasMatch()) {
        f.minEmployees = headCount(b.captured(1));
    } else {
        return std::nullopt;
    }
    return f;
}

// --- Technologies.

bool isProductionWord(const QString &foldedWord)
{
    return matches(foldedWord,
        u"^(production|prod|produktiv\\w*|produktion\\w*|produccion|productie|prodution)$");
}

struct NamedTechnology
{
    QString name;
    int token = 0; // where the goal names it
    bool production = false;
};

// The technologies a goal names, each product of a family read as its family ("EKS / GKE / AKS"
// is Kubernetes, BigQuery is Google Cloud, Snowpipe is Snowflake) while frameworks keep their
// name (Django is not just Python), without those it rules out ("rather than AWS") and without
// a single letter that names a round ("Series B, C or later").
QList<NamedTechnology> namedTechnologies(const TechDictionary &dict, const ParsedGoal &parsed,
    const QList<TextToken> &tokens, const QStringList &words, bool inFundingGoal)
{
    const QList<Technology> &all = dict.technologies();
    auto family = [&](int t) {
        // Follow the first family until a technology that belongs to none.
        for (int guard = 0; guard < 4 && !all.at(t).impliedIds.isEmpty(); ++guard) {
            const QString &category = all.at(t).category;
            if (category == u"backend" || category == u"frontend" || category == u"mobile")
                break;
            int next = all.at(t).impliedIds.first();
            for (int implied : all.at(t).impliedIds)
                if (parsed.technologies.contains(implied))
                    next = implied; // GKE next to "Google Cloud" is Google Cloud
            t = next;
        }
        return t;
    };
    QList<NamedTechnology> out;
    QList<int> seen;
    for (const TermHit &h : parsed.technologyHits) {
        const Technology &t = all.at(h.id);
        if (t.name.size() == 1 && inFundingGoal)
            continue;
        bool ruledOut = false;
        for (int k = std::max(0, h.firstToken - 2); k < h.firstToken; ++k)
            ruledOut = ruledOut
                || (negations().contains(words.at(k))
                    && tokens.at(k).sentence == tokens.at(h.firstToken).sentence);
        const int root = family(h.id);
        // Two entries may match from the same word (a name and a longer one that begins with
        // it): the goal names one technology there, the first found.
        bool sameWords = false;
        for (const NamedTechnology &t : std::as_const(out))
            sameWords = sameWords || t.token == h.firstToken;
        if (ruledOut || sameWords || seen.contains(root))
            continue;
        seen << root;
        out << NamedTechnology { all.at(root).name, h.firstToken };
    }
    return out;
}

// "Go backends, Kubernetes in prod": production belongs to the technologies of its clause; a
// clause that names none ("both in production", "must be in prod") speaks of all of them.
void markProduction(QList<NamedTechnology> &techs, const QList<TextToken> &tokens,
    const QStringList &words, bool *anywhere)
{
    *anywhere = false;
    auto clauseOf = [&tokens](int k) {
        int from = k, to = k;
        while (from > 0 && !tokens.at(from).clauseStart
            && tokens.at(from - 1).sentence == tokens.at(k).sentence)
            --from;
        while (to + 1 < tokens.size() && !tokens.at(to + 1).clauseStart
            && tokens.at(to + 1).sentence == tokens.at(k).sentence)
            ++to;
        return std::pair { from, to };
    };
    for (int k = 0; k < tokens.size(); ++k) {
        if (!isProductionWord(words.at(k)))
            continue;
        *anywhere = true;
        const auto [from, to] = clauseOf(k);
        bool claimed = false;
        for (NamedTechnology &t : techs)
            if (t.token >= from && t.token <= to)
                claimed = t.production = true;
        if (!claimed)
            for (NamedTechnology &t : techs)
                t.production = true;
    }
}

// "Snowflake or BigQuery", "EKS oder GKE": one of them is enough.
bool alternatives(const QList<NamedTechnology> &techs, const QList<TextToken> &tokens)
{
    static const QSet<QString> either { QStringLiteral("or"), QStringLiteral("oder"),
        QStringLiteral("ou"), QStringLiteral("o"), QStringLiteral("of"), QStringLiteral("either"),
        QStringLiteral("whichever") };
    for (int i = 1; i < techs.size(); ++i)
        for (int k = techs.at(i - 1).token + 1; k < techs.at(i).token; ++k)
            if (either.contains(tokens.at(k).lower))
                return true;
    return false;
}

// Blanks what matched, so that "ML engineers" is not also machine learning.
QString without(QString text, const QRegularExpressionMatch &m)
{
    if (m.hasMatch())
        text.replace(m.capturedStart(0), m.capturedLength(0), QString(m.capturedLength(0), u' '));
    return text;
}

} // namespace

GoalModel parseGoalModel(const TechDictionary &dict, const QString &goal)
{
    return parseGoalModel(dict, goal, QDate::currentDate());
}

GoalModel parseGoalModel(const TechDictionary &dict, const QString &goal, QDate today)
{
    GoalModel m;
    m.text = goal;
    const QString text = mended(dict, goal);
    const QString cased = foldKeepingCase(text);
    const QString lower = cased.toLower();
    const ParsedGoal parsed = parseGoal(dict, text);
    const QList<TextToken> tokens = tokenize(text);
    QStringList words; // the tokens folded as `lower` is
    for (const TextToken &t : tokens)
        words << fold(t.lower);

    // --- Hiring: an intent word, a role, or both.
    QString role;
    qsizetype roleAt = -1;
    QRegularExpressionMatch roleMatch;
    const bool askForSeats = matches(lower, kSeatWords) || matches(lower, kHiringWords);
    for (const RoleDef &r : kRoles) {
        roleMatch = find(lower, r.pattern);
        if (roleMatch.hasMatch() && (!r.generic || askForSeats)) {
            role = QString::fromUtf16(r.value);
            roleAt = roleMatch.capturedStart(0);
            break;
        }
    }
    static const QRegularExpression dataEngineers(QStringLiteral("\\bDEs\\b"));
    if (role.isEmpty() && dataEngineers.match(text).hasMatch()) {
        role = QStringLiteral("data engineer");
        roleAt = 0;
    }
    const QRegularExpressionMatch hiringWord = find(lower, kHiringWords);
    const bool hiring = hiringWord.hasMatch() || !role.isEmpty();
    if (hiring && role.isEmpty())
        role = parsed.roles.isEmpty() ? QStringLiteral("any role") : parsed.roles.first();
    const qsizetype hiringAt = hiringWord.hasMatch()
        ? (roleAt >= 0 ? std::min(roleAt, hiringWord.capturedStart(0))
                       : hiringWord.capturedStart(0))
        : roleAt;

    // --- Technologies and topics.
    const int stage = fundingStage(lower, text);
    QList<NamedTechnology> techs = namedTechnologies(dict, parsed, tokens, words, stage > 0);
    bool production = false;
    markProduction(techs, tokens, words, &production);
    const QString topicText = without(lower, roleMatch);
    const bool ml = matches(topicText, kMachineLearning);
    const bool fraud = matches(lower, kFraud);
    QStringList topics;
    for (const TermHit &h : dict.findConceptTriggers(tokens)) {
        const Concept &topic = dict.concepts().at(h.id);
        if (topic.kind != Concept::Kind::Topic || topic.id == u"machine_learning"
            || topic.id == u"fraud" || !techs.isEmpty() || topics.contains(topic.label))
            continue;
        // "cybersecurity companies" name an industry, not a security tool; so do "warehouse
        // operators", with the word after the trigger.
        const QString phrase = words.mid(h.firstToken, h.lastToken - h.firstToken + 2).join(u' ');
        bool industry = false;
        for (const Trigger &t : kIndustryTriggers)
            industry = industry || matches(phrase, t.pattern);
        if (!industry)
            topics << topic.label;
    }
    if (fraud && (techs.isEmpty() || ml))
        topics.prepend(QStringLiteral("fraud detection"));
    auto addTech = [&](const QString &value, const QString &purpose, bool inProduction) {
        GoalFacet f;
        f.kind = FacetKind::Technology;
        f.value = value;
        f.purpose = purpose;
        f.inProduction = inProduction;
        f.roleScope = hiring;
        m.facets << f;
    };
    if (alternatives(techs, tokens)) {
        QStringList names;
        for (const NamedTechnology &t : std::as_const(techs))
            names << t.name;
        addTech(names.join(QStringLiteral(" or ")), {}, production);
    } else {
        for (const NamedTechnology &t : std::as_const(techs))
            addTech(t.name, {}, t.production);
    }
    if (ml)
        addTech(dict.concepts().at(dict.conceptIndex(QStringLiteral("machine_learning"))).label,
            topics.join(QStringLiteral(", ")), production);
    else
        for (const QString &t : std::as_const(topics))
            addTech(t, {}, production);

    // --- Industry, or the customers it sells to.
    static const QRegularExpression sellsTo(QStringLiteral(
        "(\\b(sells?|selling|sold|serves?|serving|(?<!looking )(?<!searching "
        ")for|to|customers?|clients?|clientele|targeting|"
        "buyers?|used by|verkauf\\w*|vertreib\\w*|kunden|fur|pour|aux|vend\\w*|clientes|para|"
        "klanten|voor|aan)\\b|->|=>|→)[^.;!?]{0,40}$"));
    static const QRegularExpression soldAfter(
        QStringLiteral("^[\\w\\s,/&'-]{0,12}\\b(verkauf\\w*|verkop\\w*)"));
    const QRegularExpressionMatch payer = find(lower, kHealthPayers);
    for (const Trigger &t : kIndustryTriggers) {
        const QString id = QString::fromUtf16(t.id);
        // "providers" and "payers" are healthcare only next to another health word; health
        // insurers are not the insurance industry.
        QRegularExpressionMatch hit;
        QRegularExpressionMatch onlyWith;
        for (auto it = compiled(t.pattern).globalMatch(lower); it.hasNext();) {
            const QRegularExpressionMatch h = it.next();
            if (id == u"insurance" && payer.hasMatch()
                && h.capturedStart(0) >= payer.capturedStart(0)
                && h.capturedStart(0) < payer.capturedEnd(0))
                continue;
            if (id == u"healthcare" && matches(h.captured(0), u"^(providers?|payers?)$")) {
                if (!onlyWith.hasMatch())
                    onlyWith = h;
                continue;
            }
            hit = h;
            break;
        }
        if (!hit.hasMatch() && onlyWith.hasMatch() && matches(lower, u"health"))
            hit = onlyWith;
        if (!hit.hasMatch())
            continue;
        // "Series B payments" reads as an industry; "B2B SaaS for hospitals" as customers; a
        // purpose ("AI for fraud detection in banks") is neither.
        const QString before = lower.left(hit.capturedStart(0));
        const bool segment = (sellsTo.match(before).hasMatch() && !matches(before, kFraud))
            || soldAfter.match(lower.mid(hit.capturedEnd(0))).hasMatch();
        GoalFacet f;
        f.kind = segment ? FacetKind::CustomerSegment : FacetKind::Industry;
        f.value = id;
        bool dup = false;
        for (const GoalFacet &g : std::as_const(m.facets))
            dup = dup || (g.kind == f.kind && g.value == f.value);
        if (!dup)
            m.facets << f;
    }

    // --- Business model.
    auto addModel = [&m](const QString &id) {
        GoalFacet f;
        f.kind = FacetKind::BusinessModel;
        f.value = id;
        m.facets << f;
    };
    if (matches(lower,
            u"\\b(\\w*marketplaces?|two-sided|two sided|2-sided|multi-sided|buyers and sellers|"
            u"buyers \\+ sellers|platforms? (that )?(connect|match)\\w*|\\w*marktplatz\\w*|"
            u"\\w*marktplatze\\w*|\\w*marktplaats\\w*|places? de marche|zweiseitig\\w*|biface|"
            u"tweezijdig\\w*|de dos lados|vermittlungsplattform\\w*)\\b"))
        addModel(QStringLiteral("marketplace"));
    else if (matches(lower,
                 u"\\b(b2b|saas|enterprise software|software(?![- ]?(engineer|developer|"
                 u"entwickler|ingenieur|ontwikkelaar))|logiciels?|editeurs? saas)\\b"))
        addModel(QStringLiteral("b2b_saas"));
    else if (matches(lower, u"\\b(b2c|consumer apps?|d2c brands|grand public)\\b"))
        addModel(QStringLiteral("b2c"));

    // --- Funding.
    static const QRegularExpression fundingWords(QStringLiteral(
        "\\b(raised|raise|raising|funding|funded|round|backed|financing|investment|late[- ]stage|"
        "growth[- ]stage|venture|\\w*finanzierung\\w*|finanziert|\\w*runde|kapital|investoren|"
        "levee?s?|levees|financement|tour de table|ronda|financiacion|financiamiento|"
        "levant\\w*|recaud\\w*|inversion|financiering\\w*|gefinancierd|opgehaald|investering\\w*|"
        "kapitaal)\\b"));
    if (stage > 0 || fundingWords.match(lower).hasMatch()) {
        GoalFacet f;
        f.kind = FacetKind::Funding;
        f.minStage = stage;
        f.withinMonths = fundingWindow(lower, today);
        m.facets << f;
    }

    if (hiring) {
        GoalFacet f;
        f.kind = FacetKind::HiringRole;
        f.value = role;
        m.facets << f;
    }

    // --- Location: of the role when named after the hiring ask ("SDRs in Europe"), of the
    // headquarters when named before it ("German fintechs hiring") or as a seat ("HQ in").
    // Places given as examples of another ("in Europa (UK, DACH)", "in Europe, e.g. London")
    // only illustrate it: the place named outside them is the one meant.
    struct Named
    {
        const PlaceTrigger *place;
        qsizetype at;
    };
    QList<Named> named;
    for (const PlaceTrigger &p : kPlaces) {
        QRegularExpressionMatch at = find(lower, p.pattern);
        if (!at.hasMatch() && p.code)
            at = find(cased, p.code);
        if (at.hasMatch())
            named.append({ &p, at.capturedStart(0) });
    }
    const auto isExample = [&lower](const Named &n) { return namedAsExample(lower, n.at); };
    if (!std::all_of(named.cbegin(), named.cend(), isExample))
        named.removeIf(isExample);
    if (!named.isEmpty()) {
        const Named &n = named.constFirst();
        GoalFacet f;
        f.kind = FacetKind::Location;
        f.value = QString::fromUtf16(n.place->value);
        f.roleScope
            = hiring && n.at > hiringAt && !matches(lower.left(n.at), kHeadquarters);
        m.facets << f;
    }

    if (const auto size = sizeFacet(lower))
        m.facets << *size;

    // A hiring goal without a technology keeps its role; an empty model keeps the goal's words.
    return m;
}

} // namespace gtm
