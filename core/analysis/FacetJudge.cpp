#include "FacetJudge.h"

#include "CompanyProfile.h"
#include "MarketplaceLexicon.h"
#include "NoisyOr.h"
#include "domain/CompanyName.h"
#include "lexicon/TechDictionary.h"
#include "model/Channel.h"

#include <QMutex>
#include <QRegularExpression>
#include <QSet>
#include <QTextBoundaryFinder>
#include <QUrl>
#include <algorithm>
#include <cmath>
#include <unordered_map>

namespace gtm {

namespace {

// Evidence comes in several languages: "é" and "ä" are letters of a word, so that \b and \w
// read "sécurité" and "Kölner" as words (plain PCRE reads only ASCII letters as word letters).
class WordRe : public QRegularExpression
{
public:
    WordRe() = default;
    explicit WordRe(const QString &pattern)
        : QRegularExpression(pattern, QRegularExpression::UseUnicodePropertiesOption)
    {
    }
};

// How surely a sentence speaks about the company being researched.
enum class Entity {
    Own, // its own site, its own job board
    Named, // a third party's sentence that names it (or quotes it as "we")
    Continuation, // a later sentence of an item that named it ("The startup ...")
    Unknown, // an item that never names it
    Other, // a namesake, a client of an agency, a company on a portfolio page
};

double entityFactor(Entity e)
{
    switch (e) {
    case Entity::Own:
    case Entity::Named:
        return 1.0;
    case Entity::Continuation:
        return 0.8;
    case Entity::Unknown:
        return 0.4;
    case Entity::Other:
        return 0.0;
    }
    return 0.0;
}

QString entityText(Entity e)
{
    switch (e) {
    case Entity::Own:
        return QStringLiteral("own words");
    case Entity::Named:
    case Entity::Continuation:
        return QStringLiteral("names the company");
    case Entity::Unknown:
        return QStringLiteral("does not name the company");
    case Entity::Other:
        return QStringLiteral("about someone else");
    }
    return {};
}

struct Sentence
{
    qsizetype start = 0; // in the item's text
    QString text;
    QString lower;
    Entity entity = Entity::Unknown;
};

struct Item
{
    int index = 0;
    const Evidence *evidence = nullptr;
    QString text;
    QList<TextToken> tokens;
    QList<Sentence> sentences;
    QList<TermHit> techHits;
    bool ownVoice = false;
    bool posting = false;
    bool about = false; // its About page or front page: the first line says what it is
    QString titleLower;
    QDate date;
    // What the whole item is: a hackathon write-up, a roadmap, a comparison page, docs for
    // customers. Hits that read as current in such an item take this modality.
    Modality context = Modality::Current;

    int sentenceAt(qsizetype offset) const
    {
        for (int s = int(sentences.size()) - 1; s >= 0; --s)
            if (sentences.at(s).start <= offset)
                return s;
        return 0;
    }
};

struct Marker
{
    WordRe re;
    Modality modality;
    int reach; // characters between the marker and the hit, at most
};

const QList<Marker> &markers()
{
    static const QList<Marker> list = [] {
        QList<Marker> m;
        auto add = [&m](const char *pattern, Modality modality, int reach = 160) {
            m << Marker { WordRe(QString::fromUtf8(pattern)), modality, reach };
        };
        // "Supply-chain planning", "berth planning": the noun before it names a kind of work.
        add("\\b((?<!-)(?<!health )(?<!pricing )plans?|(?<!route )(?<!tour )(?<!capacity "
            ")(?<!demand )(?<!network )(?<!chain )(?<!supply )(?<!inventory )(?<!berth )"
            "(?<!shift )(?<!maintenance )(?<!delivery )(?<!schedule )(?<!workforce )"
            "(?<!transport )(?<!-)"
            "(?<!resource )(?<!financial )(?<!production )(?<!sales )(?<!territory )"
            "(?<!account )(?<!quota )(?<!headcount )(?<!sprint )planning|planned|roadmap|next"
            "[- ](quarter|year|month|sprint|phase)|later "
            "this year|intend\\w*|aim\\w* to|considering|to consider|exploring|explore|looking "
            "(at|into)|hope to|hoping to|going to|upcoming|eventually|would like to|wants? to|"
            "(will|'ll|shall) (move|migrate|adopt|roll|start|begin|switch|introduce|deploy|launch|"
            "bring|be moving|be migrating|transition|replace|consolidate)|in the process of "
            "(moving|migrating)|wishlist|in the future|prepar\\w+ (to|for) (move|migrat\\w*)|"
            "considered|considers|weighing|weighs|mulls|(may|might|could) (move|relocate|switch|"
            "migrate|adopt)|is on the table|planen|geplant|"
            "planejamos|planeamos|prévoyons|prevediamo|(over|in|within) "
            "the next [\\w ]{0,12}(months?|years?|quarters?)|your first (job|task|project|"
            "goal)|will be to (build|introduce|replace|bring|set up))\\b",
            Modality::Planned);
        // A clinical trial is the customers' work, not a trial of software.
        add("\\b(evaluat\\w*|pilot\\w*|proofs? of concept|poc|(?<!clinical[- ])trial\\w*|"
            "bake-?offs?|test(ed|ing) "
            "(out|it|them|whether)|experiment\\w*|prototyp\\w*|hackathons?|sandbox|shortlist\\w*|"
            "assess\\w*|"
            "benchmark\\w*|kick(ed|ing) the tires|tried|trying|playground|side projects?|"
            "weekend projects?|home ?labs?|hobby|spikes?|toy|deciding|decide|undecided|choosing "
            "between|staging|"
            "preview environments?|internal demo|demo|looked( hard| closely| briefly)? (at|into)|testumgebung|"
            "test-?cluster|evaluier\\w*|getestet|testen|ambiente de (teste|pruebas))\\b",
            Modality::Evaluated);
        add("\\b(staging|dev|test) (environment|cluster|clusters|only)\\b|\\bonly in staging\\b|"
            "\\bstaging-only\\b",
            Modality::Evaluated);
        add("\\b(used to|previously|formerly|former|once ran|migrat\\w* (away )?from|mov\\w* "
            "(away )?(off|from)|off of|switch\\w* (away )?from|replac\\w*|sunset\\w*|"
            "decommission\\w*|retir\\w*|no longer|ditch\\w*|dropp\\w*|abandon\\w*|phas\\w* out|"
            "ripp\\w* out|walked away from|until (19|20)\\d\\d|back in (19|20)\\d\\d|early days|"
            "(my|our|a) (previous|former|last|old) (job|jobs|employer|company|startup|role)|"
            "until (recently|(last|earlier this) (year|summer|winter|spring|autumn|fall|month|"
            "quarter|week))|"
            "legacy|got rid of|turned off|shut down|deprecat\\w*|outgrew|moved on from|"
            "exited|wound down|winding down|switch\\w* off|pull\\w* (out|the plug)|mov\\w* [\\w ]{0,25} off|"
            "off of|gave up|giving up|stopped using|stopped|churned|cancell?ed|delet\\w*|tore down|"
            "torn down|tear down)\\b",
            Modality::Past);
        add("\\b(nice[- ]to[- ]have|bonus|a plus|is a plus|preferred|preferably|ideally|"
            "familiarity|exposure to|or similar|or equivalent|or comparable|such as|e\\.g\\.|"
            "for example|any of|or another|optional|desirable|good to have|not required|would be "
            "great|is helpful|beneficial|appreciated|or other|welcome(?! to| aboard| back))\\b",
            Modality::Option);
        add("\\b(integrat\\w*|connectors?|connects? (to|with)|connecting (to|with)|syncs?|"
            "syncing|synchroni[sz]\\w*|plug-?ins?|add-?ons?|app ?exchange|listed (on|in)|listing|"
            "(on|in|via|through|from) (the |our |its )?([\\w-]+ ){0,2}marketplaces?|"
            "marketplace listings?|helm charts?|operators? for|"
            "(on|in|into|to|with|inside|for) (your|their|any|customers?'?) (own )?|"
            "customers'|"
            "customer's|compatible|works with|out of the box|natively|partners?|partnership|"
            "certified|resell\\w*|consultan\\w*|consulting|implementation|we help|helps? "
            "(teams|companies|customers|clients|organi[sz]ations)|for "
            "teams|self-hosted|on-prem\\w*|"
            "bring your own|export\\w* (to|into)|import\\w* from|push\\w* (data )?(to|into)|"
            "pull\\w* (data )?from|feeds? into|write-?back|supports?|supported|help(s|ed|ing)? "
            "(?!us\\b|our\\b|me\\b|the team\\b)[\\w-]+|for (our |their )?(customers|clients)|"
            "(customers|clients)' |agencies|resellers?|export nach|für (unsere |ihre )?kunden|"
            "intégrations?|integraciones|integración|koppeling\\w*)\\b",
            Modality::Offered);
        add("\\b(our clients?|a client|the client|for clients|for a client|clients'|on behalf "
            "of|recruit\\w* for|staffing|agency|portfolio|competitors?|rivals?|unlike|compared "
            "(to|with)|vs\\.?|versus|alternatives? to|customers? (like|such as|including)|"
            "(used|trusted) by|for ([\\w-]+ ){1,2}(clients|customers)\\b(?!')|"
            "(companies|founders|startups|teams|brands|customers|clients) "
            "like|we "
            "back|we invest\\w*|we've backed|invested in|our investments?)\\b",
            Modality::SomeoneElse);
        add("\\b(not|don't|do not|doesn't|does "
            "not|never|without|isn't|aren't|won't|no|none|skipped|skip|avoid\\w*|steer\\w* "
            "clear of|passed on|kein\\w*|nicht|pas de|sin)\\b(?!-)",
            Modality::Negated, 22);
        return m;
    }();
    return list;
}

// A choice made: what follows is in use even after "evaluated" or "moved from".
const WordRe &selection()
{
    static const WordRe re(QStringLiteral(
        "\\b(chose|choose|picked|went with|selected|settled on|standardi[sz]ed on|opted for|"
        "landed on|migrated to|moved to|moving to|switched to|consolidated on|onto|over to|"
        "stick\\w* with|stay\\w* (on|with)|"
        "(migrat|mov|switch|transition)\\w* (from )?[\\w./ -]{1,40}? to|replac\\w* [\\w./ "
        "-]{1,40}? "
        "with|in favou?r of)\\b"));
    return re;
}

bool selectedRightBefore(const QString &s, qsizetype pos)
{
    for (auto it = selection().globalMatch(s.left(pos)); it.hasNext();) {
        const auto m = it.next();
        if (pos - m.capturedEnd() <= 12)
            return true;
    }
    return false;
}

const WordRe &clauseBreak()
{
    static const WordRe re(QStringLiteral(
        "\\b(but|however|whereas|while|although|though|instead|rather than|yet)\\b|;| – | — | - "
        "|\\(|\\)"));
    return re;
}

const WordRe &useVerb()
{
    static const WordRe re(QStringLiteral(
        "\\b(we|we've|we're|our team|our engineers|the team|the company|it|they) "
        "(now |also |still |already |currently |heavily |primarily |mostly |all )?"
        "(run|runs|use|uses|rely|relies|operate|operates|deploy|deploys|host|hosts|built|build|"
        "moved|migrated|standardi[sz]ed|manage|process|store|power|adopted|chose|picked|went|"
        "keep|keeps|serve|serves|ship|ships|live|lives|track|tracks|log|logs|handle|handles|"
        "work|works|are|is)\\b|\\b(our|its) (own |entire |whole |production |core |main )?\\w+|"
        "^(operate|deploy|run|maintain|build|scale|own|manage|ship|design|support|automate|"
        "migrate|administer|extend|harden|tune|optimi[sz]e|monitor|operating|running|"
        "maintaining|building|scaling|managing)\\b|\\b(migrat\\w*|mov\\w*|switch\\w*|"
        "shift\\w*|port\\w*) [\\w\\s./-]{0,40}\\b(to|onto)\\b|"
        "\\b(runs on|running on|built on|powered by|in production|production|hosted on|"
        "(everything|all|all-in|entirely|fully|100%) (runs? |is |are |lives )?on|"
        "lives in|backbone|in-house|relies on|rely on|standard|stack|migrated to|moved to|"
        "switched to|on top of|day-to-day|daily|(run|runs|running|ran|deploy|deploys|deployed|"
        "hosted|built|modell?ed|stored|processed|shifts?|shifted|moves?|moving|migrates?|"
        "adopts?|adopted|standardi[sz]es) (on|to|in|into|onto|with)|(is|are) (now )?"
        "(built|hosted|deployed|modell?ed|stored|processed|powered|orchestrated|managed))\\b|"
        // The same verbs in the other languages evidence comes in.
        "\\b(betreib\\w*|läuft|laufen|nutz(t|en)|setz(t|en) auf|fait tourner|font tourner|"
        "tourne(nt)? sur|utilis(e|ent)|héberg\\w*|utiliza\\w*|corren? en|funcionan? en|"
        "rodam? n[oa]s?|draai\\w*|gebruik\\w*|migraci[oó]n a|migrad[oa]s? a|traslad\\w* "
        "[\\w ]{0,40}\\ba|migr\\w* vers|migration vers|migriert (auf|zu|nach)|umgezogen (auf|zu)|"
        "gemigreerd naar|migratie naar)\\b|"
        // "We push 400k messages a second through Pub/Sub": what the data flows through.
        "\\b(push|pushes|stream|streams|send|sends|route|routes|pipe|pipes)\\b[^.;]{0,40}\\b"
        "(through|via)\\b|\\b(stick|sticks|sticking|stay|stays|staying) (on|with)\\b"));
    return re;
}

// Portuguese and Spanish "no" is "in the": "roda no Google Cloud" is no negation.
bool isRomance(const QString &lower)
{
    static const WordRe romance(QStringLiteral(
        "\\b(não|nossa|nosso|nossos|nuestra|nuestro|nuestros|roda|rodam|usamos|utilizamos|"
        "está|estão|são|para|com|los|las|del)\\b"));
    return romance.match(lower).hasMatch();
}

// The modality of a hit at [pos, pos + len) of a lower-cased sentence.
Modality modalityAt(
    const QString &s, qsizetype pos, qsizetype len, bool requirementsList, bool onlyOwnUse = false)
{
    qsizetype from = 0;
    qsizetype outerFrom = 0; // where the clause starts if the last break is no break
    qsizetype to = s.size();
    for (auto it = clauseBreak().globalMatch(s); it.hasNext();) {
        const auto m = it.next();
        if (m.capturedEnd() <= pos) {
            outerFrom = from;
            from = m.capturedEnd();
        } else if (m.capturedStart() >= pos + len) {
            to = m.capturedStart();
            break;
        }
    }
    // "Evaluate orchestration options (ECS, Kubernetes, Nomad)": a list in brackets after a
    // word for choices names them, so the clause's plan or trial is the list's. After a
    // product's name ("Snowflake (Snowpipe, Streams)") it names the product's parts.
    static const WordRe choicesBefore(QStringLiteral(
        "\\b(options|alternatives|candidates|choices|contenders|tools|vendors|platforms|"
        "orchestrators|providers|clouds|engines|frameworks|technologies|solutions|warehouses|"
        "databases|destinations|targets|sources|crms|backends|runtimes|environments) \\($"));
    if (from > 0 && s.at(from - 1) == u'(' && to < s.size() && s.at(to) == u')'
        && s.mid(from, to - from).contains(u',') && choicesBefore.match(s.left(from)).hasMatch())
        from = outerFrom;
    // A choice made right before the hit wins over an earlier "evaluated".
    qsizetype selectedAt = -1;
    for (auto it = selection().globalMatch(s.left(pos)); it.hasNext();) {
        const auto m = it.next();
        if (m.capturedStart() >= from && pos - m.capturedEnd() <= 12)
            selectedAt = m.capturedEnd();
    }
    qsizetype bestBefore = -1;
    bool plannedBefore = false;
    Modality before = Modality::Current;
    qsizetype bestAfter = -1;
    Modality after = Modality::Current;
    const bool production = s.mid(from, to - from).contains(QStringLiteral("production"));
    for (const Marker &mk : markers()) {
        if (onlyOwnUse
            && (mk.modality == Modality::Offered || mk.modality == Modality::SomeoneElse))
            continue;
        for (auto it = mk.re.globalMatch(s); it.hasNext();) {
            const auto m = it.next();
            if (m.capturedStart() < from || m.capturedEnd() > to)
                continue;
            if (m.capturedStart() < pos + len && m.capturedEnd() > pos)
                continue; // the hit itself ("Salesforce Marketplace" aside)
            if (mk.modality == Modality::Negated && m.captured(0) == u"no" && isRomance(s))
                continue;
            if (mk.modality == Modality::Evaluated && production
                && m.captured(0).contains(QStringLiteral("staging")))
                continue;
            // "Models that evaluate every payment" score it; "losses dropped 40%" is a
            // measure: neither is a trial or a past use.
            static const WordRe measure(
                QStringLiteral("^\\s+((by|about|over|more than|nearly|almost) )?[\\d₹$€£]"));
            static const WordRe scores(QStringLiteral("^\\s+(every|each|all|incoming)\\b"));
            const QString next = s.mid(m.capturedEnd(), 16);
            // "Models that decide whether a payout goes through" do the deciding themselves.
            static const WordRe decidingThing(QStringLiteral("\\b(that|which)\\s+$"));
            if ((mk.modality == Modality::Past && measure.match(next).hasMatch())
                || (mk.modality == Modality::Evaluated
                    && m.captured(0).startsWith(QStringLiteral("evaluat"))
                    && scores.match(next).hasMatch())
                || (mk.modality == Modality::Evaluated && m.captured(0).startsWith(u"decide")
                    && decidingThing.match(s.mid(from, m.capturedStart() - from)).hasMatch()))
                continue;
            if (m.capturedEnd() <= pos) {
                if (pos - m.capturedEnd() > mk.reach)
                    continue;
                // A choice inside a plan, or made for a client, is still not the company's use.
                plannedBefore = plannedBefore || mk.modality == Modality::Planned
                    || mk.modality == Modality::Negated || mk.modality == Modality::Offered
                    || mk.modality == Modality::SomeoneElse;
                if (m.capturedEnd() > bestBefore) {
                    bestBefore = m.capturedEnd();
                    before = mk.modality;
                }
            } else if (mk.modality == Modality::Past
                && m.captured(0).startsWith(QStringLiteral("replac"))) {
                continue; // "X, replacing Y": X is what is used now
            } else if (m.capturedStart() - (pos + len) <= std::min(mk.reach,
                           mk.modality == Modality::Offered || mk.modality == Modality::SomeoneElse
                               ? 16
                               : 60)) {
                if (bestAfter < 0 || m.capturedStart() < bestAfter) {
                    bestAfter = m.capturedStart();
                    after = mk.modality;
                }
            }
        }
    }
    // "We evaluated X and chose Y": Y is in use. "Next quarter we'll move onto Y": not yet.
    if (selectedAt >= 0 && selectedAt >= bestBefore && !plannedBefore)
        return Modality::Current;
    if (bestBefore >= 0)
        return before;
    // "The assistant runs on Vertex AI, with customer documents in their own buckets": the
    // company's own use is said right before the hit; what follows is about the data.
    static const WordRe usedRightBefore(QStringLiteral(
        "\\b(runs?|running|built|hosted|powered|deployed|lives?) (on|by|in|through|with) "
        "([\\w-]+ ){0,4}$"));
    if (bestAfter >= 0 && (after == Modality::Offered || after == Modality::SomeoneElse)
        && usedRightBefore.match(s.mid(from, pos - from)).hasMatch())
        return Modality::Current;
    if (bestAfter >= 0 && after != Modality::Negated)
        return after;
    // The requirement may be said outside the clause: "experience with a cloud (AWS or GCP)".
    if (requirementsList) {
        // "Snowflake, BigQuery or Redshift": one of several will do.
        static const WordRe orAfter(QStringLiteral("^[\\w .,/+#-]{0,50}?\\b(or|and/or)\\b"));
        static const WordRe orBefore(QStringLiteral("\\b(or|and/or)\\s+$|/\\s*$"));
        const QString tail = s.mid(pos + len, to - pos - len);
        if (orAfter.match(tail).hasMatch() || orBefore.match(s.mid(from, pos - from)).hasMatch()
            || tail.startsWith(u'/'))
            return Modality::Option;
    }
    return Modality::Current;
}

Modality itemContext(const QString &title, const QString &path, bool ownVoice, bool posting)
{
    static const WordRe evaluated(QStringLiteral(
        "\\b(hackathon|hackweek|hack week|hack day|hackday|prototype|proof of concept|poc|"
        "preview environments?|sandbox|staging|spike|experiment\\w*|pilot|trial|bake-?off|"
        "weighs|mulls|eyes|considers|evaluat\\w+|tests?)\\b"));
    static const WordRe planned(QStringLiteral(
        "\\b(roadmap|plans? (for|to)|what's next|looking ahead|rfp|request for proposals?|"
        "next year|in 20\\d\\d we will)\\b"));
    static const WordRe other(
        QStringLiteral("\\b(vs\\.?|versus|alternatives? to|compared|comparison|competitors?)\\b"));
    static const WordRe story(QStringLiteral("\\b(case stud(y|ies)|customer stor(y|ies)|success "
                                             "stor(y|ies))\\b|/customers/|/case-studies/"));
    static const WordRe offered(QStringLiteral(
        "/docs?/|/documentation|/integrations?\\b|/partners?\\b|/find-a-partner|/apps?/"
        "|appexchange|"
        "\\b(integration|integrations|connector|install|helm chart|self-host\\w*|quickstart|"
        "getting started|deploy \\w+ on|premier partner|partner|marketplace listing)\\b"));
    static const WordRe past(QStringLiteral(
        "\\b(why we left|moved off|moving off|migrat\\w+ (away )?(from|off)|goodbye|leaving|"
        "retir\\w+|sunset\\w*|pulls?|switch\\w* off|ditch\\w*)\\b"));
    const QString both = title + u' ' + path;
    if (past.match(title).hasMatch())
        return Modality::Past;
    if (evaluated.match(both).hasMatch())
        return Modality::Evaluated;
    if (planned.match(both).hasMatch())
        return Modality::Planned;
    if (other.match(title).hasMatch() || (ownVoice && story.match(both).hasMatch()))
        return Modality::SomeoneElse;
    // A posting is never documentation for customers ("/partner-success-ops" is a team).
    if (!posting && offered.match(both).hasMatch())
        return Modality::Offered;
    return Modality::Current;
}

bool isJobBoardHost(const QString &host)
{
    return host.endsWith(QStringLiteral("greenhouse.io"))
        || host.endsWith(QStringLiteral("lever.co")) || host.endsWith(QStringLiteral("ashbyhq.com"))
        || host.endsWith(QStringLiteral("workable.com"))
        || host.endsWith(QStringLiteral("personio.de"))
        || host.endsWith(QStringLiteral("personio.com"))
        || host.endsWith(QStringLiteral("recruitee.com"))
        || host.endsWith(QStringLiteral("welcometothejungle.com"))
        || host.endsWith(QStringLiteral("teamtailor.com"))
        || host.endsWith(QStringLiteral("smartrecruiters.com"))
        || host.endsWith(QStringLiteral("join.com")) || host.endsWith(QStringLiteral("breezy.hr"))
        || host.endsWith(QStringLiteral("bamboohr.com"))
        || host.endsWith(QStringLiteral("myworkdayjobs.com"));
}

// Dates written in a sentence: "in March 2023", "(2024)". The latest one mentioned.
QDate sentenceDate(const QString &lower)
{
    static const WordRe re(
        QStringLiteral("\\b(?:(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]"
                       "*\\.? )?((?:19|20)\\d\\d)\\b"));
    QDate best;
    for (auto it = re.globalMatch(lower); it.hasNext();) {
        const auto m = it.next();
        static const QStringList months { QStringLiteral("jan"), QStringLiteral("feb"),
            QStringLiteral("mar"), QStringLiteral("apr"), QStringLiteral("may"),
            QStringLiteral("jun"), QStringLiteral("jul"), QStringLiteral("aug"),
            QStringLiteral("sep"), QStringLiteral("oct"), QStringLiteral("nov"),
            QStringLiteral("dec") };
        const int month = m.captured(1).isEmpty() ? 6 : int(months.indexOf(m.captured(1))) + 1;
        const QDate d(m.captured(2).toInt(), month, 15);
        if (!best.isValid() || d > best)
            best = d;
    }
    return best;
}

// --- Places.
// "Die Nürnberger Frachtbörse": German names a company's town with an adjective.
QString germanCityAdjectives()
{
    return QStringLiteral(
        "berliner|münchner|hamburger|frankfurter|kölner|düsseldorfer|stuttgarter|leipziger|"
        "dresdner|bremer|hannoverschen?|nürnberger|dortmunder|duisburger|essener|bochumer|"
        "mannheimer|karlsruher|augsburger|würzburger|regensburger|kieler|rostocker|lübecker|"
        "magdeburger|erfurter|chemnitzer|münsteraner|bielefelder|aachener|mainzer|"
        "wiesbadener|freiburger|heidelberger|ulmer|ingolstädter|braunschweiger|osnabrücker|"
        "kasseler|hallenser|potsdamer|oldenburger|bremerhavener|cuxhavener");
}

// The seat said in other words and languages: "Zentrale in Rosenheim", "la nostra sede centrale
// di Verona", "siège social à Lyon", "hoofdkantoor in Venlo".
QString seatWords()
{
    return QStringLiteral(
        "zentrale|firmenzentrale|konzernzentrale|unternehmenszentrale|hauptquartier|sede "
        "(central|centrale|principal|social|legale)|siège( social)?|hoofdkantoor|hoofdzetel");
}

const WordRe &germanPlace()
{
    static const WordRe re(QStringLiteral(
        "\\b(germany|german|deutschland|berlin|munich|münchen|muenchen|hamburg|frankfurt|cologne|"
        "köln|koeln|düsseldorf|dusseldorf|duesseldorf|stuttgart|leipzig|dresden|bremen|hanover|"
        "hannover|nuremberg|nürnberg|nuernberg|dortmund|essen|duisburg|bonn|mannheim|karlsruhe|"
        "augsburg|bielefeld|münster|muenster|kiel|rostock|potsdam|mainz|wiesbaden|aachen|freiburg|"
        "heidelberg|ulm|regensburg|würzburg|erfurt|magdeburg|saarbrücken|bochum|wuppertal|"
        "ingolstadt|wolfsburg|braunschweig|kassel|osnabrück|lübeck|dach|bremerhaven|"
        "cuxhaven|emden|wilhelmshaven|oldenburg|rosenheim|cottbus|chemnitz|zwickau|halle|"
        "jena|gera|schwerin|flensburg|lüneburg|celle|hildesheim|göttingen|paderborn|"
        "gütersloh|bielefeld|hamm|herne|gelsenkirchen|oberhausen|krefeld|neuss|"
        "mönchengladbach|siegen|koblenz|trier|ludwigshafen|darmstadt|offenbach|hanau|fulda|"
        "kaiserslautern|passau|landshut|kempten|bayreuth|bamberg|erlangen|fürth|heilbronn|"
        "pforzheim|reutlingen|tübingen|konstanz|friedrichshafen|offenburg|schkeuditz|"
        // The same towns typed without umlauts, and more of the larger ones.
        "saarbruecken|luebeck|goettingen|wuerzburg|fuerth|tuebingen|osnabrueck|lueneburg|"
        "moenchengladbach|guetersloh|mülheim|muelheim|leverkusen|solingen|ludwigsburg|"
        "esslingen|sindelfingen|böblingen|boeblingen|minden|herford|gießen|giessen|marburg|"
        "worms|speyer|ratingen|recklinghausen|bottrop|moers|witten|iserlohn|detmold|lingen|"
        "bavaria|bayern|oberbayern|saxony|sachsen|lower saxony|niedersachsen|hesse|hessen|"
        "thuringia|thüringen|brandenburg|schleswig-holstein|westphalia|westfalen|"
        "rhineland|rheinland|ruhr|rhine-ruhr|ruhrgebiet|swabia|franconia|baden-württemberg|"
        "saarland|mecklenburg|nrw|%1)\\b")
                               .arg(germanCityAdjectives()));
    return re;
}

const WordRe &europePlace()
{
    static const WordRe re(QStringLiteral(
        // Lookarounds rather than \\b: "Malmö" ends in a letter that \\b does not know.
        "(?<!\\w)(europe|european|eu|emea|dach|nordics?|benelux|uk|united kingdom|england|scotland|"
        "wales|ireland|london|manchester|edinburgh|dublin|france|paris|lyon|spain|madrid|"
        "barcelona|portugal|lisbon|porto|italy|milan|rome|netherlands|amsterdam|rotterdam|"
        "belgium|brussels|switzerland|zurich|zürich|geneva|austria|vienna|wien|sweden|stockholm|"
        "gothenburg|norway|oslo|denmark|copenhagen|finland|helsinki|poland|warsaw|krakow|kraków|"
        "wroclaw|czech|prague|hungary|budapest|romania|bucharest|estonia|tallinn|latvia|riga|"
        "lithuania|vilnius|greece|athens|bulgaria|sofia|croatia|zagreb|serbia|belgrade|"
        "luxembourg|basel|bern|lausanne|lugano|zug|graz|linz|salzburg|innsbruck|venlo|tilburg|"
        "eindhoven|utrecht|the hague|den haag|groningen|maastricht|nijmegen|arnhem|breda|"
        "antwerp|antwerpen|ghent|gent|liège|liege|lille|strasbourg|toulouse|marseille|bordeaux|"
        "nantes|turin|bologna|naples|valencia|seville|bilbao|gdansk|gdańsk|poznan|poznań|lodz|"
        "łódź|brno|ostrava|bratislava|slovakia|žilina|zilina|košice|ljubljana|slovenia|cet|"
        "cest|"
        // The towns as their own people write them, and more of them: a posting says
        // "Lisboa", "Milano" or "Göteborg" in its title.
        "europa|europe-west\\d?|lisboa|coimbra|braga|milano|roma|torino|napoli|firenze|"
        "genova|padova|verona|göteborg|goteborg|malmö|malmo|uppsala|linköping|københavn|"
        "kobenhavn|aarhus|odense|aalborg|bergen|trondheim|stavanger|tampere|espoo|turku|oulu|"
        "warszawa|wrocław|katowice|szczecin|lublin|praha|bruxelles|brussel|leuven|mechelen|"
        // Polish says where with a case ending: "w Warszawie", "we Wrocławiu".
        "warszawie|krakowie|wrocławiu|wroclawiu|poznaniu|gdańsku|gdansku|łodzi|lodzi|"
        "katowicach|szczecinie|lublinie|"
        "genève|geneve|luzern|lucerne|winterthur|sevilla|zaragoza|málaga|malaga|palma|"
        "alicante|cork|galway|limerick|belfast|bristol|birmingham|leeds|liverpool|glasgow|"
        "oxford|newcastle|sheffield|nottingham|cardiff|brighton|southampton|aberdeen|"
        "britain|great britain|thessaloniki|cluj|cluj-napoca|timișoara|timisoara|iași|iasi|"
        "kyiv|kiev|lviv|ukraine|tartu|kaunas|montpellier|rennes|grenoble|delft|leiden|"
        "haarlem|den bosch|malta|valletta|cyprus|nicosia|iceland|reykjavik|reykjavík|"
        "monaco|andorra|norway|norge|sverige|danmark|suomi|polska|italia|españa|espana|"
        "belgië|belgique|schweiz|suisse|svizzera|österreich|nederland)(?!\\w)"));
    return re;
}

const WordRe &nonEuropePlace()
{
    static const WordRe re(QStringLiteral(
        "\\b(\\(us\\)|remote[ ,(-]*us|us[- ]based|us[- ]only|in the us|us remote|us time ?zones?|"
        "u\\.s\\.|usa|united states|america|americas|north america|nyc|new york|san "
        "francisco|sf|bay area|austin|boston|chicago|seattle|denver|atlanta|los angeles|miami|"
        "toronto|vancouver|canada|mexico|brazil|são paulo|sao paulo|singapore|sydney|australia|"
        "india|bangalore|bengaluru|tokyo|japan|dubai|tel aviv|israel|apac|latam|"
        "anywhere(?! (in|within|across) (the )?(eu|europe|emea|uk|european))|"
        "worldwide|global|globally|est|pst|cst|et|pt|cape town|johannesburg|south africa|"
        "ontario|quebec|québec|montreal|montréal|ottawa|calgary|british columbia|alberta|"
        "new york state|n\\.y\\.|texas|california|ohio|pennsylvania|illinois|massachusetts|"
        "new jersey|maine|oregon|florida|buffalo|hong kong|shanghai|seoul)\\b|"
        // "London, ON", "Hamburg, NY": a US state's or Canadian province's code after a town.
        ", (on|ny|tx|pa|oh|ky|ia|mo|wi|qc|bc|ab)\\b(?![\\w ]*\\w)"));
    return re;
}

bool inRegion(const QString &region, const QString &lower)
{
    if (region == u"Germany")
        return germanPlace().match(lower).hasMatch();
    if (region == u"Europe")
        return europePlace().match(lower).hasMatch() || germanPlace().match(lower).hasMatch();
    if (region == u"United States") {
        static const WordRe us(
            QStringLiteral("\\b(us|usa|united states|new york|nyc|san francisco|austin|boston|"
                           "chicago|seattle|denver|atlanta|los angeles)\\b"));
        return us.match(lower).hasMatch();
    }
    return lower.contains(region.toLower());
}

// A place known to lie outside `region`. Europe as a whole is not elsewhere for Germany.
bool placeElsewhere(const QString &region, const QString &lower)
{
    if (inRegion(region, lower))
        return false;
    if (nonEuropePlace().match(lower).hasMatch())
        return true;
    if (region == u"Europe")
        return false;
    static const WordRe wholeEurope(
        QStringLiteral("^\\W*(the )?(europe|european|europa|eu|emea|dach|cet|cest)\\b"));
    return europePlace().match(lower).hasMatch() && !wholeEurope.match(lower).hasMatch();
}

// Whether `domain` is under a country code top-level domain of `region` ("kontor.de" for
// Germany, "fjord.no" for the Nordics).
bool onCountryDomain(const QString &region, const QString &domain)
{
    static const QHash<QString, QStringList> suffixes {
        { QStringLiteral("Germany"), { QStringLiteral(".de") } },
        { QStringLiteral("United Kingdom"), { QStringLiteral(".uk") } },
        { QStringLiteral("France"), { QStringLiteral(".fr") } },
        { QStringLiteral("Netherlands"), { QStringLiteral(".nl") } },
        { QStringLiteral("Nordics"),
            { QStringLiteral(".se"), QStringLiteral(".dk"), QStringLiteral(".no"),
                QStringLiteral(".fi"), QStringLiteral(".is") } },
    };
    const QStringList ends = suffixes.value(region);
    return std::any_of(
        ends.cbegin(), ends.cend(), [&domain](const QString &end) { return domain.endsWith(end); });
}

// --- Lexicons of the facets other than technologies.
const WordRe &industryTerms(const QString &id)
{
    static const QHash<QString, WordRe> terms {
        { QStringLiteral("fintech"),
            WordRe(QStringLiteral(
                "\\b(fintechs?|financial services|financial technology|payments?|payment "
                "(processing|processor|platform|provider|infrastructure|service provider)|"
                "psp|acquir(er|ing)|issuer|card issuing|cards?|banks?|banking|neobanks?|digital "
                "bank|challenger bank|lending|lenders?|loans?|credit|mortgages?|bnpl|buy now,? pay "
                "later|remittances?|money transfers?|wallets?|payouts?|treasury|wealth management|"
                "brokerage|trading platform|crypto exchange|insurtech|merchant services|checkout "
                "infrastructure|financial institutions?|e-money|emi licen[cs]e|banking licen[cs]e|"
                "transactions?|merchants?|chargebacks?|kyc|aml|anti-money laundering|identity "
                "verification|underwriting|credit risk|card "
                "testing|issuing|acquiring|finance|financial|"
                "insur\\w+|crypto\\w*|withdrawals?|deposits?|transfers?|invoices?|invoicing|"
                "accounts payable|expense management|spend management|payroll|billing|factoring|"
                "send(ing)? money|money home|cash pickup|remesas?|préstamos?|prêts?|leningen|"
                "betaalrekening\\w*|betaling\\w*|overboeking\\w*|bankier\\w*|"
                "zahlungs\\w*|\\w*zahlungen|girokont\\w*|überweisung\\w*|kredit\\w*|"
                "pagamentos?|pagos|paiements?|pix|adquirente|bancos?|banque|transaç\\w+|"
                // Words of the trade in other spellings and languages: a neobank, pay-later, a
                // bank account sold as the product, a transfer.
                "n[eé]o-?banques?|neo-?bancos?|pay[- ]later|(current|checking|savings) accounts?|"
                "business (bank|current|checking) accounts?|compte "
                "(pro|courant|bancaire|professionnel)\\w*|cuentas? (digital|"
                "corriente|bancaria|online)\\w*|contas? (digital|corrente)\\w*|(giro|geschäfts|"
                "tagesgeld|firmen)kont\\w*|virements?|transferencias?|bonific[io]|banca|banche|"
                "pagamenti|conto (corrente|aziendale|business)|banken|\\w+zahlung|tarjetas?|"
                "cart(ão|ões)|cartes? bancaires?|crédits?|"
                // What it processes, in more words and languages: accounts for businesses, Dutch
                // "betaal-" and "incasso", German credit compounds ("Ratenkredite"), cards and
                // wallets in French and Spanish, transactions, investing, wage advances.
                "(business|personal|joint|multi-currency|corporate|sme|company) (bank )?accounts?|"
                "\\w*betaal\\w*|incasso\\w*|(?!akkredit)\\w*kredit\\w*|cartes? (prépayées?|"
                "de (crédit|débit|paiement)|virtuelles?|professionnelles?|d'entreprise)|émetteur "
                "de cartes|monedero\\w*|billetera\\w*|portefeuilles? (électronique|numérique|"
                "mobile)s?|carteira digital|portafoglio (digitale|elettronico)|e-?wallets?|"
                "transactie\\w*|transaktion\\w*|transacci\\w+|transazion\\w*|beleggen|"
                "belegging\\w*|earned[- ]wage[- ]access)\\b")) },
        { QStringLiteral("logistics"),
            WordRe(QStringLiteral(
                "\\b(logisti\\w+|freight|supply[- ]chain|shipping|shipments?|trucking|haulage|"
                "hauliers?|carriers?|forwarders?|forwarding|3pl|4pl|fulfill?ment\\w*|warehous\\w*|"
                "parcel|last[- "
                "]mile|transport(ation)?|spedition|spediteur\\w*|intralogistics|cargo|"
                "containers?|"
                "fleet|dispatch|courier|delivery network|route planning|pallets?|lkw|"
                "logistik\\w*|\\w*paket\\w*|\\w*kurier\\w*|spedition\\w*|fracht\\w*|sendungen|"
                "zustell\\w*|lager\\w*|transport(?!er\\b)\\w*|\\w*güter(verkehr|bahn|zug|züge|wagen|"
                "transport|umschlag)\\w*|intermodal|rail freight|"
                "drayage|customs brokerage|contract logistics|ports?|port operator|terminals?|"
                "breakbulk|stevedor\\w*|haul\\w*|trucks?|trucking|locomotives|freight trains|"
                "groupage|full loads|part loads|truckloads?|\\w*ladungen|ladung\\w*|gefahrgut|"
                "stückgut|customs "
                "(broker\\w*|clearance)|zoll\\w*|inland port|car carriers|umschlag|"
                "binnenhafen|hafen\\w*|\\w+(fracht|spedition|logistik|transporte|kurier)\\w*|"
                "transportier\\w*|\\w*sattelz\\w+|lkw-?\\w*|verschiff\\w*|just-in-(sequence|time)|"
                "versorgungszentr\\w*|inbound logistics|short[- ]sea|liniendienst\\w*|"
                "reederei\\w*|shipping lines?|feeder services?|ro-?ro|ferry lines?|"
                // German words of the trade beyond the compounds above: pallets, a consignment
                // tracked, the supply chain and its planning.
                "palett\\w*|sendungs\\w*|\\w*lieferkette\\w*|bedarfsplanung|bestands(optimierung|"
                "planung|management)|demand planning|inventory (optimi[sz]ation|planning)|"
                // The trade in the languages of Germany's neighbours: forwarders, transport,
                // warehousing.
                "expediteur\\w*|expeditie\\w*|spedizion\\w*|transitari[oa]s?|transitaires?|"
                "vervoer\\w*|trasport\\w*|affr[eè]t\\w*|fret (a[ée]rien|maritime|routier|"
                "ferroviaire)|entrep[oô]ts?|almac[eé]n\\w*|magazzin\\w*|magazijn\\w*)\\b")) },
        { QStringLiteral("healthcare"),
            WordRe(
                QStringLiteral("\\b(health ?care|healthtech|medical|clinical|hospitals?|clinics?|"
                               "patients?|physicians?|doctors?|nurses?|care teams?|payers?|"
                               "health systems?|health plans?)\\b")) },
        { QStringLiteral("ecommerce"),
            WordRe(QStringLiteral("\\b(e-?commerce|online (store|shop|retailer)s?|retail(er|ers)?|"
                                  "shoppers?|dtc|d2c)\\b")) },
        { QStringLiteral("insurance"),
            WordRe(QStringLiteral("\\b(insurance|insurtech|insurers?|underwrit\\w*|claims)\\b")) },
        { QStringLiteral("education"),
            WordRe(QStringLiteral(
                "\\b(education|edtech|schools?|students|universit\\w+|learning)\\b")) },
        { QStringLiteral("real_estate"),
            WordRe(QStringLiteral(
                "\\b(real estate|proptech|property|properties|landlords?|tenants?)\\b")) },
        { QStringLiteral("manufacturing"),
            WordRe(QStringLiteral("\\b(manufactur\\w+|factor(y|ies)|industrial|plants?)\\b")) },
        { QStringLiteral("cybersecurity"),
            WordRe(QStringLiteral("\\b(cyber ?security|security|threats?|infosec|soc)\\b")) },
        { QStringLiteral("energy"),
            WordRe(QStringLiteral("\\b(energy|utilit(y|ies)|solar|renewables?|grid|power)\\b")) },
    };
    static const WordRe none(QStringLiteral("(?!)"));
    const auto it = terms.constFind(id);
    return it == terms.cend() ? none : *it;
}

// German names a thing by the last part of a compound: "Lagerverwaltungssoftware" is software
// and "Logistikimmobilien" real estate, both made for the trade, while "Luftfrachtspedition"
// and "Transportunternehmen" are the trade itself. Whether the word around [start, end) of
// `lower` joins a word of the trade to a thing made for it or about it, said last.
bool compoundHeadedElsewhere(const QString &lower, qsizetype start, qsizetype end)
{
    // A hyphen starts a word of its own: "Lkw-Ersatzteile" says "für" with the parts.
    while (start > 0 && lower.at(start - 1).isLetter())
        --start;
    while (end < lower.size() && lower.at(end).isLetter())
        ++end;
    const QString word = lower.mid(start, end - start);
    static const WordRe germanStem(QStringLiteral(
        "(logistik|fracht|spedition|lager|lkw|paket|kurier|transport|zustell|ladung|hafen|zoll)"));
    static const WordRe madeForIt(QStringLiteral(
        "(software|programm|systeme?|technik|technologien?|anlagen?|maschinen?|geräte?|"
        "teile|immobilien|parks?|flächen|akademie|schulen?|schulungen|seminare?|beratung|"
        "berater|versicherung(en)?|messen?|verband|verbände|magazin|zeitung|verlag|management|"
        // Its customers ("Logistikkunden"), and a street of an address ("Hafenstraße").
        "kunden|kundschaft|straße|strasse|allee|gasse|chaussee|weg|damm|ufer)$"));
    return germanStem.match(word).hasMatch() && madeForIt.match(word).hasMatch()
        && !germanStem.match(word).captured(0).endsWith(word);
}

// "X is a ... company", "we build ...": a sentence that says what the company is or does.
const WordRe &selfDescription()
{
    static const WordRe re(QStringLiteral(
        "\\b(is an?|are an?|is the|are the|we are|we're|we build|we built|we make|we provide|we "
        "offer|we help|we run|we operate|we move|we ship|we deliver|we connect|builds|provides|"
        "offers|operates|makes|helps|runs|moves|ships|delivers|processes|handles|powers|"
        "powering|issues|lends|underwrites|insures|serves|sells|specializ\\w+|specialis\\w+|"
        "focused on|founded|startup|company|platform|provider|firm|leading|our mission|mission|"
        "about us|who we are|a \\w+ "
        "(startup|company|firm|provider|platform|operator|carrier)|ist (ein|eine|der|die|das)|"
        "ist \\w*(spezialist|partner|dienstleister|anbieter|experte)|wir (sind|betreiben|"
        "transportieren|verschiffen|liefern|bieten)|betreibt|transportiert|liefert|verschifft|"
        "est (un|une|le|la)|è (un|una|il|la)|es (un|una|el|la))\\b"));
    return re;
}

// The opening of a sentence whose subject is a definite description: "The pay-later provider",
// "Der Frankfurter Zahlungsdienstleister", "La néobanque bordelaise".
const WordRe &definiteSubject()
{
    static const WordRe re(QStringLiteral("^(the|der|die|das|le|la|l'|el|il|het) (\\S+ ){0,2}$"));
    return re;
}

// An industry word that heads a noun for a kind of company: "pay-later provider", "néobanque",
// "Zahlungsdienstleister", "freight forwarder".
const WordRe &kindHead()
{
    static const WordRe re(QStringLiteral(
        "^\\S*(anbieter|dienstleister|spezialist|logistiker|spediteur|bank|banque|banco|"
        "unternehmen|firma|gesellschaft|bedrijf|"
        "fintech|forwarder|carrier|haulier|courier)\\b|^\\S+( \\S+)? (provider|company|"
        "firm|startup|fintech|lender|processor|platform|app|exchange|operator|bank|specialist|"
        "group|carrier|forwarder|haulier|insurer|broker|unternehmen|entreprise|empresa|"
        "soci[eé]t[eé]|anbieter|dienstleister)\\b"));
    return re;
}

// "Das Berliner Lastenrad-Logistikunternehmen ...", "The Hamburg-based 3PL ...": a later
// sentence whose subject is a definite description speaks of the company its item named, as
// "the company ..." does, unless the description is of another party (an investor, a
// customer). Whether the words up to `pos` lie in such a subject.
bool inDefiniteSubject(const QString &lower, qsizetype pos)
{
    static const WordRe opening(QStringLiteral(
        "^(the|der|die|das|het|de|le|la|l'|el|il) ([^\\s.,;:]+ ){0,5}[^\\s.,;:]*$"));
    static const WordRe otherParty(QStringLiteral(
        "\\b(investors?|\\w*investor(en)?|funds?|vcs?|backers?|\\w*geldgeber|customers?|clients?|"
        "\\w*kunden?|klant\\w*|partners?|\\w*partner|competitors?|rivals?|konkurrent\\w*|"
        "wettbewerber\\w*|concurrent\\w*|buyers?|käufer|acquirers?|parent|mutter\\w*|owners?)"
        "\\b"));
    // The subject ends where its verb or a comma begins.
    static const WordRe subjectEnd(QStringLiteral(
        "[,;:(]|\\b(has|have|had|is|are|was|were|will|said|says|hat|haben|ist|sind|war|wird|"
        "heeft|is|zijn|a|est|ha|es)\\b"));
    if (!opening.match(lower.left(pos)).hasMatch())
        return false;
    const auto end = subjectEnd.match(lower, pos);
    return !otherParty.match(lower.left(end.hasMatch() ? end.capturedStart() : lower.size()))
                .hasMatch();
}

// Healthcare providers and payers as buyers: words that name them whatever the context.
const WordRe &healthBuyers()
{
    static const WordRe re(QStringLiteral(
        "\\b(hospitals?|health systems?|health boards?|nhs|hospital groups?|clinic groups?|"
        "physician (groups?|practices?)|medical (groups?|practices?|cent(er|re)s?|staff)|"
        "(gp|dental|private|ambulatory|outpatient|specialty|primary care) (practices?|"
        "clinics?|surgeries)|(health ?care|care) providers?|health ?care organi[sz]ations?|"
        "provider organi[sz]ations?|health insurers?|health plans?|medical insurers?|acos?|"
        "(medicaid|medicare|medicare advantage|blues|blue cross|managed[- ]care|dental|"
        "commercial health) plans?|"
        "clinicians?|nurses|nursing (homes?|departments?|facilities|directors?)|care teams?|"
        "home[- ]health|hospices?|post-acute|senior living|skilled nursing|care homes?|"
        "(surgery|surgical|dialysis|imaging|urgent care) cent(er|re)s?|(clinical|diagnostic|"
        "pathology|hospital) lab(s|oratories)?|pharmacies|pharmacists|"
        "(physician|medical|dental|physio\\w*|therapy|orthodontic|chiropractic|"
        "optometry|mental[- ]health|behaviou?ral[- ]health|rehab\\w*)[\\w\\s-]{0,20}(practices?|"
        "clinics?|cent(er|re)s?|groups?|agencies)|practice[- ]management|practice managers?|"
        "dsos?|krankenkassen|krankenhäuser|kliniken|\\w*praxen|arztpraxis|ärzte|ärztinnen|"
        "pflegedienste?|pflegeheime?)\\b"));
    return re;
}

// Words that name providers or payers only when the item speaks of health: "insurers",
// "providers", "practices", "labs", "claims".
const WordRe &healthBuyersInContext()
{
    static const WordRe re(QStringLiteral(
        "\\b(clinics?|(?<!good clinical )(?<!best )practices?|providers|payers?|insurers|labs|"
        "agencies|trusts|doctors|"
        "physicians|therapists|dentists|revenue cycle|rcm|prior auth\\w*|claims? (processing|"
        "management|denials?|scrubb\\w*)|denials?|ehrs?|emrs?|epic|cerner|credentialing|"
        "care management|utili[sz]ation management|patient (intake|scheduling|engagement|"
        "flow|messaging))\\b"));
    return re;
}

const WordRe &facetHealthContext()
{
    static const WordRe re(QStringLiteral(
        "\\b(health\\w*|medical|medicine|clinical|patients?|hospitals?|physicians?|doctors?|"
        "nurs\\w+|dental|dentists?|hipaa|ehrs?|emrs?|fhir|hl7|medicare|medicaid|nhs|"
        "therap\\w+|physio\\w*|diagnos\\w+|care|surg\\w+|pharma\\w*|gp|gesundheit\\w*)\\b"));
    return re;
}

// The company is itself a provider or a payer (it buys software), or an investor in those
// who sell to them.
const WordRe &healthBuyerItself()
{
    static const WordRe re(QStringLiteral(
        "\\b(we|which|that) (operate|run|own)s? [\\w\\s,-]{0,40}(hospitals|clinics|practices|"
        "pharmacies|care homes|nursing homes|cent(er|re)s)\\b|"
        "\\b(is|are|we're) (a|an|the) (?:(?!for\\b|to\\b|software\\b|platform\\b|vendor\\b|saas\\b|"
        "app\\b|startup\\b)[\\w-]+ ){0,4}(health system|hospital|hospital group|health plan|"
        "health insurer|insurer|dental group|dso|medical group|physician group|clinic "
        "(operator|chain|group)|provider group|pharmacy chain|care provider|"
        "practice(?! management| software| systems?| platform))\\b|"
        "\\bwe use (a|an|our) [\\w -]{0,20}(ehr|emr)\\b|"
        "\\b(a|the) (group|hospital|health system|health plan|dso) is a customer\\b"));
    return re;
}

const WordRe &investor()
{
    static const WordRe re(QStringLiteral(
        "\\b(we invest|we back|invests? in|to invest in|venture (capital|firm|fund)|vc firm|"
        "our portfolio|portfolio compan\\w+|backing|has backed|we've backed|fund (i|ii|iii|iv|"
        "v|\\d))\\b"));
    return re;
}

const WordRe &sellsTo()
{
    static const WordRe re(QStringLiteral(
        "\\b(for|to|serv\\w+|help\\w*|used by|trusted by|relied on by|customers|clients|"
        "sell\\w*|built for|designed for|purpose-built|partners? with|work\\w* with|deployed "
        "(at|in|across)|live (at|in)|across|empower\\w*|enabl\\w*|lets|allows?|gives|use|uses|"
        "für|nutzen|nutzt|setzen|pour|utilisent|para|usam|per|utilizzano)\\b"));
    return re;
}

// How software is sold says SaaS more surely than any word for it: a subscription, a price per
// seat, clinician or site, "billed monthly".
const WordRe &saasPricing()
{
    static const WordRe re(QStringLiteral(
        "\\b(saas|software-as-a-service|subscriptions?|subscribe|per (seat|user|provider|"
        "clinician|practitioner|physician|doctor|nurse|location|site|bed|licensed bed|trust|"
        "practice|clinic|facility|room|operating room|active patient|patient|member|employee|"
        "scheduled employee|agent|month|year)|priced per|licen[cs]ed per|licen[cs]es? \\w+ per|"
        "billed (monthly|annually|yearly|per)|monthly (fee|plan|price|pricing|licen[cs]e)|"
        "annual (plan|licen[cs]e|contract)|pricing (starts|plans?)|plans (start|from)|"
        "(/|a |per )(month|mo)\\b|cloud[- ](based|hosted|native|software|platform|ehr|emr|app)|"
        "hosted (software|platform)|web-based (software|platform|app)|(is|are) hosted (on|in)|"
        "gehostet|hébergée?s?|monatsabo\\w*|abonnement\\w*|assinatura|suscripción)\\b"));
    return re;
}

const WordRe &b2bSaasTerms()
{
    static const WordRe re(
        QStringLiteral("\\b(software|platform|b2b|web app|mobile app|portal|apis?|ehr|emr|copilot|"
                       "ai-powered)\\b"));
    return re;
}

const WordRe &notSaasVendor()
{
    static const WordRe re(QStringLiteral(
        "\\bnot an? (software|saas|tech\\w*) (vendor|company|provider|firm|business)\\b|"
        "\\b(no|not plan an?|never) (subscription|saas)\\b|\\bbuy (them|it|the \\w+) outright\\b"));
    return re;
}

const WordRe &consumerTerms()
{
    static const WordRe re(QStringLiteral(
        "\\b(app store|google play|download (the|our) app|consumers?|for individuals|"
        "direct-to-consumer|d2c|b2c|our members|members can|users can|for patients|patients "
        "(can|use|download|book)|book (a|an) (visit|appointment|consult)|subscribers?|monthly "
        "membership|we (operate|run|own) (\\d+ )?(clinics|hospitals|practices|pharmacies)|our "
        "(clinics|clinicians|doctors|pharmacies)|in-person care|primary care provider|"
        "telehealth (service|provider)|physical therapy clinics?)\\b"));
    return re;
}

const WordRe &notSoftwareTerms()
{
    static const WordRe re(QStringLiteral(
        "\\b(consultancy|consulting firm|staffing (agency|firm)|recruit(ment|ing) agency|"
        "agency|law firm|clinic operator|hardware|devices?|medical device|manufacturer|"
        "distributor|wholesaler|we distribute|distributes|device maker|outsourcing|services "
        "company|advis(e|es|ory)|consultants|coders and billers|staffed with)\\b"));
    return re;
}

// --- Funding.
const WordRe &roundRe()
{
    static const WordRe re(QStringLiteral(
        "\\b(?:series|serie|série|serie-)[- ]?([a-h])\\b|\\b([a-h])[- ]?(?:runde|round)\\b|"
        "\\b(pre-seed|seed|angel|growth (?:round|equity|financing)|pre-ipo|late-stage round|"
        "mezzanine)\\b|"
        // "just closed our B": the letter alone, after the round's verb.
        "\\b(?:closed|raised|closes|raises|closing|raising) (?:our|its|their) ([a-h])\\b"));
    return re;
}

const WordRe &fundingVerb()
{
    static const WordRe re(QStringLiteral(
        "\\b(rais\\w+|closed|closes|closing|secur\\w+|announc\\w+|lands?|landed|bags?|bagged|"
        "nets?|netted|completed?|led by|co-led|funding|financing|round|investment|invest\\w*|"
        "backed|finanzierungsrunde|extension|injection|capital|\\$|€|£|million|billion|\\d+m\\b|"
        "miljoen|haalt|opgehaald|ronde|geleid|financiering|levanta|levantó|millones|ronda|"
        "cerró|financiación|liderada|tour de table|our (latest |new |recent )?"
        "(series|serie|série)[- ]?[a-h]|"
        "valuation|\\w*finanzierung\\w*|abgeschlossen|sammelt|erhält|millionen|mio|levée|lève|"
        "millions|runde|preferred (stock|shares)|form d|first sale)\\b"));
    return re;
}

const WordRe &notEquity()
{
    static const WordRe re(QStringLiteral(
        "\\b(debt|credit facility|credit line|loan facility|venture debt|notes? offering|"
        "convertible|warehouse facility|acquir\\w+|acquisition|merger|merges?|buyout|"
        "takeover|grant|bonds?|municipal)\\b"));
    return re;
}

const WordRe &fundingPlanned()
{
    static const WordRe re(QStringLiteral(
        "\\b(in talks|talks to|seeking|seeks|looking to raise|plans? to raise|planning to raise|"
        "aims? to raise|hopes? to raise|is raising|reportedly raising|expected to (close|raise)|"
        "would raise|could raise|will raise|preparing|rumou?red|targets?|next round|"
        "ahead of (its|a|our) series|before (its|a|our) series|next[- ](quarter|year|month|spring|"
        "summer|autumn|fall|winter)|(start|starting|kick off|kicking off|begin|beginning|open|"
        "opening) (our|its|a|the) (series|serie|round))\\b"));
    return re;
}

// --- Hiring.
struct RoleLexicon
{
    WordRe role;
    WordRe notRole; // a title that is close but is not it
};

RoleLexicon makeRoleLexicon(const QString &role)
{
    if (role == u"sdr")
        return {
            WordRe(QStringLiteral(
                "\\b(sdrs?|bdrs?|sales development|business development rep\\w*|"
                "business development associates?|outbound (sales )?rep\\w*|"
                "sales development rep\\w*|lead generation rep\\w*|pipeline generation rep\\w*|"
                "inbound sales rep\\w*|sales hunter|lead development rep\\w*|ldrs?)\\b")),
            // "SDR" is also a software-defined radio.
            WordRe(QStringLiteral("\\b(business development manager|bdm|sdr manager|head of sales "
                                  "development|director of sales development|sales development "
                                  "(manager|lead|leader|director)|sdr (firmware|engineer|developer|"
                                  "hardware)|software[- ]?defined|radio)\\b"))
        };
    if (role == u"data engineer")
        return { WordRe(QStringLiteral(
                     "\\b(data engineers?|data engineering|data platform engineers?|"
                     "data infrastructure engineers?|etl (engineers?|developers?)|"
                     "big data engineers?|dataops engineers?|data pipeline engineers?|"
                     "ingenier[oa](/a)?s? de datos|ingénieur(\\(e\\)|e)?s? (data|de données)|"
                     "dateningenieur\\w*|engenheir[oa](/a)?s? de dados|ingegnere dei dati)\\b")),
            WordRe(QStringLiteral("\\b(data analysts?|analytics engineers?|business analysts?|"
                                  "data scientists?|bi analysts?|data engineering manager|"
                                  "head of data)\\b")) };
    QString pattern = QRegularExpression::escape(role);
    if (!role.endsWith(u's'))
        pattern += QStringLiteral("s?");
    if (role == u"developer" || role == u"any role")
        pattern = QStringLiteral("developers?|engineers?|programmers?|\\w+ (engineer|developer)s?");
    return { WordRe(QStringLiteral("\\b(%1)\\b").arg(pattern)), WordRe(QStringLiteral("(?!)")) };
}

// Every company of a run asks for the same role: its patterns are compiled once.
const RoleLexicon &roleLexicon(const QString &role)
{
    static QMutex mutex;
    static std::unordered_map<QString, RoleLexicon> cache;
    const QMutexLocker lock(&mutex);
    auto it = cache.find(role);
    if (it == cache.end())
        it = cache.emplace(role, makeRoleLexicon(role)).first;
    return it->second;
}

// "We are hiring" as a company says it in the other languages of its careers page.
QString hiringNow()
{
    return QStringLiteral(
        "wir suchen|wir stellen ein|nous recrutons|nous recherchons|on recrute|buscamos|"
        "estamos contratando|contratamos|estamos a recrutar|cerchiamo|stiamo assumendo|"
        "wij zoeken|we zoeken|vi söker|vi rekryterar|vi søger|vi søker|szukamy|rekrutujemy");
}

const WordRe &agencyMarkers()
{
    static const WordRe re(QStringLiteral(
        "\\b((our|my) client(?! data| platform| portal| reporting| base| services| success| app)|a "
        "client of ours|for a client|for our client|on behalf of|recruitment "
        "(agency|partner|firm)|staffing (agency|firm|partner)|we are recruiting for|we're "
        "recruiting for|our partner company|client company|placing|retained search|"
        "headhunt\\w*|talent partner for|for our clients|for clients\\b|partner practice|"
        "(at|for|across) our portfolio( compan\\w*)?|client (projects?|engagements?|"
        "campaigns?)|(for|with) (a|an|one of our) ([\\w-]+ ){0,2}client|"
        // The same said in the languages the boards post in.
        "nuestro cliente|para (un|una|nuestro) cliente|empresa cliente|für (unseren|einen) "
        "kunden|kundenprojekt\\w*|pour (un|notre) client|notre client|voor (een|onze) klant|onze klant|per (un|il "
        "nostro) cliente|nosso cliente)\\b"));
    return re;
}

const WordRe &postingClosed()
{
    static const WordRe re(QStringLiteral(
        "\\b(no longer accepting|position (has been |was )?filled|role (has been |was )?filled|"
        "this (job|position|role) (is|has been) (closed|filled)|applications (are )?closed|"
        "job (is )?closed|applications for this (role|position|job) (are|is) closed|"
        "\\(closed\\)|closed (on|in) (19|20)\\d\\d|no open (roles|positions)|not hiring|"
        "hiring freeze|no current openings|we will (hire|be hiring|open)|plan to hire|"
        "planning to hire|next year we|future openings|talent pool|talent community|"
        "general application|expired|(hiring|role|position|search) (is |has been )?(paused|on "
        "hold)|paused (hiring|the role|this role)|have paused|put on hold)\\b"));
    return re;
}

// What a payments company watches move, in the languages of its customers.
QString movedMoney()
{
    return QStringLiteral(
        "(transactions?|payments?|transfers?|withdrawals?|log-?ins?|sign-ins?|activity|"
        "behaviou?r|chargebacks?|transacties|betalingen|opnames|overboekingen|gedrag|"
        "transaktion\\w*|zahlung\\w*|überweisung\\w*|abhebung\\w*|anmeldung\\w*|"
        "transacciones|pagos|transferencias|retiros|operaciones|paiements|virements|retraits|"
        "transazioni|pagamenti|bonifici|prelievi|transações|pagamentos|saques)");
}

// How that money may move: oddly, in the same languages.
QString oddlyWords()
{
    return QStringLiteral(
        "(suspicious|unusual|anomal\\w*|abnormal|atypical|verdacht\\w*|verdächtig\\w*|"
        "ungewöhnlich\\w*|auffällig\\w*|afwijkend\\w*|ongebruikelijk\\w*|sospechos\\w*|"
        "inusual\\w*|anómal\\w*|anormal\\w*|suspect\\w*|inhabituel\\w*|sospett\\w*|insolit\\w*|"
        "suspeit\\w*)");
}

const WordRe &fraudTerms()
{
    static const WordRe re(QStringLiteral(
        "\\b(fraud\\w*|anti-?fraud\\w*|chargebacks?|account[- ]takeovers?|ato|money laundering|"
        "aml|scams?|synthetic identit\\w*|mule accounts?|identity theft|suspicious "
        "(transactions?|activity)|transaction[- ]monitoring|risk[- ]scoring|card[- ]testing|"
        "friendly fraud|first-party fraud|bust-out|kyc|financial[- ]crime|money mules?|mules|"
        "suspicious (transfers?|payments?|logins?|accounts?|behaviou?r)|unauthori[sz]ed "
        "(transactions?|payments?)|betrug\\w*|\\w*betrug\\w*|fraude\\w*|golpes?|frod[ei]|estafas?|"
        "antifrode|geldwäsche|blanchiment|blanqueo|lavado de dinero|riciclaggio|lavagem de "
        "dinheiro|witwassen|\\w+fraude\\w*|identidad(es)? sintéticas?|identités? synthétiques?|"
        "synthetische\\w* identität\\w*|identità sintetich?e|suplantación de identidad|"
        "usurpation d'identité|identitätsdiebstahl|"
        // Money that moves oddly is what fraud screening looks for, in any language: "unusual
        // activity", "hold suspicious withdrawals", "verdachte logins", "ungewöhnliche
        // Zahlungen", "transaction anomaly detection".
        // Romance adjectives follow the noun: "transacciones sospechosas".
        "%2\\W+(\\w+\\W+){0,3}%1|%1\\W+(\\w+\\W+){0,8}%2|"
        // At a payments company "risk" is fraud risk; a credit risk is not.
        "(?<!credit )(?<!insurance )(?<!climate )risk (models?|scor\\w*|decisions?|platform|"
        "engines?|teams?|checks?)(?![\\w ]{0,12}\\b(insur\\w+|underwrit\\w+|credit|lend\\w*|"
        "climate|flood|marine))|"
        "risiko[- ]?(modell\\w*|scor\\w*|team\\w*|bewertung\\w*|engine)|"
        // A posting's title names the team the role sits in: "Data Engineer, Risk", "Risk Data
        // Scientist".
        "(engineer|scientist|analyst|developer|lead)\\w*\\s*[,\\-\u2013]\\s*(\\w+ )?risk$|"
        "risk (data scien\\w*|analysts?|ml engineer|machine learning engineer))\\b")
                               .arg(movedMoney(), oddlyWords()));
    return re;
}

const WordRe &mlTerms()
{
    static const WordRe re(QStringLiteral(
        "\\b(machine[- ]learn\\w*|ml|ai|a\\.i\\.|artificial intelligence|deep learning|"
        "models?|modell?ing|gradient[- ]boost\\w*|xgboost|lightgbm|"
        "random forests?|classifiers?|anomaly[- ]detection|predictive|trained|training data|"
        "learns|learning|llms?|graph neural|data scien\\w*|ai-powered|ai-driven|ml-powered|"
        "ml-based|ai-based|algorithm\\w*|behavioral biometrics|scoring engine|risk engine|"
        "tensorflow|pytorch|scikit-learn|sagemaker|vertex ai|embeddings?|transformer|gnns?|"
        "neural[- ]net\\w*|anomaly[- ]scor\\w*|learned (\\w+ )?(scores?|models?|rules)|"
        // Other languages: "KI" is German for AI, "IA" French, Spanish and Italian; "trainiert",
        // "entrenado" are "trained"; German
        // compounds end in -modell ("Betrugserkennungsmodell").
        "ki|ia|kunstmatige intelligentie|trainiert\\w*|entrenad[oa]s?|entraîn[ée]\\w*|"
        "treinad[oa]s?|addestrat[oi]|getraind|"
        "\\w+(erkennungs|bewertungs|scoring|risiko|betrugs|prognose)-?modell\\w*|"
        "behaviou?ral analytics|aprendizado de máquina|aprendizaje automático|apprendimento "
        "automatico|apprentissage automatique|maschinelle\\w* lernen|künstliche\\w* "
        "intelligenz|ki-\\w+|ml-\\w+|intelig[eê]ncia artificial|intelligence artificielle|"
        "intelligenza artificiale|modelos?|modèles?|modell\\w*|neuronal\\w*)\\b"));
    return re;
}

struct Contribution
{
    int item = -1;
    int sentence = -1;
    double strength = 0.0; // > 0 supports, < 0 counts against
    QString reason;
};

// Collected contributions of one facet, summarised into a verdict.
struct Tally
{
    QList<Contribution> support;
    QList<Contribution> against;
    QList<Contribution> rejected; // looked like a match, is not: with why

    void add(int item, int sentence, double strength, const QString &reason)
    {
        if (strength > 0.0)
            support << Contribution { item, sentence, strength, reason };
    }
    void oppose(int item, int sentence, double strength, const QString &reason)
    {
        if (strength > 0.0)
            against << Contribution { item, sentence, strength, reason };
    }
    void reject(int item, int sentence, const QString &reason)
    {
        rejected << Contribution { item, sentence, 0.0, reason };
    }
};

QString quoteOf(const QList<Item> &items, int item, int sentence)
{
    if (item < 0 || sentence < 0 || item >= items.size())
        return {};
    QString s = items.at(item).sentences.at(sentence).text.simplified();
    if (s.size() > 220)
        s = s.left(219) + QStringLiteral("…");
    return s;
}

FacetVerdict summarise(const GoalFacet &facet, const Tally &t, const QList<Item> &items)
{
    FacetVerdict v;
    v.facet = facet;
    // Independent evidence items: one item counts once, at its strongest sentence.
    QHash<int, Contribution> best;
    for (const Contribution &c : t.support)
        if (!best.contains(c.item) || best.value(c.item).strength < c.strength)
            best.insert(c.item, c);
    QList<Contribution> ordered = best.values();
    // Ties go by URL, so that the same evidence arriving in another order gives the same verdict.
    auto url = [&items](const Contribution &c) {
        return c.item >= 0 ? items.at(c.item).evidence->url : QString();
    };
    std::sort(ordered.begin(), ordered.end(), [&url](const Contribution &a, const Contribution &b) {
        if (a.strength != b.strength)
            return a.strength > b.strength;
        return url(a) != url(b) ? url(a) < url(b) : a.item < b.item;
    });
    // Independent sources: a second item of the same site or provider adds half as much.
    QList<double> strengths;
    QSet<QString> sources;
    for (const Contribution &c : std::as_const(ordered)) {
        QString source;
        if (c.item >= 0) {
            const Evidence &e = *items.at(c.item).evidence;
            source = QUrl(e.url).host().isEmpty() ? e.sourceName
                                                  : registrableLabel(QUrl(e.url).host());
        }
        strengths << (sources.contains(source) ? c.strength * 0.5 : c.strength);
        v.cues << FacetCue { c.reason, strengths.last(), c.item };
        sources.insert(source);
        if (c.item >= 0)
            v.evidence << c.item;
    }
    QHash<int, Contribution> againstBest;
    for (const Contribution &c : t.against)
        if (!againstBest.contains(c.item) || againstBest.value(c.item).strength < c.strength)
            againstBest.insert(c.item, c);
    QList<double> againstStrengths;
    for (const Contribution &c : std::as_const(againstBest)) {
        againstStrengths << c.strength;
        v.againstCues << FacetCue { c.reason, c.strength, c.item };
    }
    v.against = noisyOr(againstStrengths);
    v.strength = noisyOr(strengths) * (1.0 - 0.75 * v.against);
    if (!ordered.isEmpty()) {
        v.quote = quoteOf(items, ordered.first().item, ordered.first().sentence);
        v.reason = ordered.first().reason;
    }
    if (!t.against.isEmpty() && (ordered.isEmpty() || v.against > 0.5)) {
        v.rejectedEvidence = { t.against.first().item };
        v.rejectedQuote = quoteOf(items, t.against.first().item, t.against.first().sentence);
        v.rejectedReason = t.against.first().reason;
    } else if (!t.rejected.isEmpty()) {
        v.rejectedEvidence = { t.rejected.first().item };
        v.rejectedQuote = quoteOf(items, t.rejected.first().item, t.rejected.first().sentence);
        v.rejectedReason = t.rejected.first().reason;
    }
    return v;
}

// Whose words a hit needs: any but someone else's, or the company's by name (a round or an
// open role in a sentence that never names it may be anyone's).
enum class Speaker { NotSomeoneElse, Company };

// Whether a hit at [pos, pos + len) of sentence `s` (as `text`) counts for its facet: the
// sentence is about this company, and the hit is in none of the `refused` modalities. When it
// does not count, the tally keeps why, for the verdict's "Not counted" line.
bool hitCounts(const Item &item, int s, const QString &text, qsizetype pos, qsizetype len,
    std::initializer_list<Modality> refused, Tally &t, Speaker speaker = Speaker::NotSomeoneElse)
{
    const Sentence &sent = item.sentences.at(s);
    if (sent.entity == Entity::Other
        || (speaker == Speaker::Company && sent.entity == Entity::Unknown)) {
        t.reject(item.index, s, entityText(sent.entity));
        return false;
    }
    if (refused.size() == 0)
        return true;
    const Modality mod = modalityAt(text, pos, len, false);
    if (std::find(refused.begin(), refused.end(), mod) != refused.end()) {
        t.reject(item.index, s, modalityToString(mod));
        return false;
    }
    return true;
}

class Judge
{
public:
    Judge(const TechDictionary &dict, const GoalModel &goal, const AnalysisInput &input,
        QDate reference, const QList<TokenModel> &models)
        : m_dict(dict)
        , m_goal(goal)
        , m_input(input)
        , m_reference(reference.isValid() ? reference : QDate::currentDate())
        , m_models(models)
    {
        readEvidence();
    }

    FacetJudgement run();

private:
    void readEvidence();
    void addLearnedCues(QList<FacetVerdict> &verdicts) const;
    Entity sentenceEntity(const Item &item, const QList<TextToken> &tokens, bool namedBefore,
        bool itemNamed, const QString &lower) const;
    bool names(const QString &lower) const;
    bool namesAnotherCompany(const QString &text) const;
    QString withoutName(const QString &lower) const;

    QSet<int> techTargets(const GoalFacet &f) const;
    Tally judgeTechnology(const GoalFacet &f, const QList<int> &onlyItems = {}) const;
    Tally judgeIndustry(const GoalFacet &f) const;
    Tally judgeSegment(const GoalFacet &f) const;
    Tally judgeModel(const GoalFacet &f) const;
    void judgeMarketplace(const Item &item, Tally &t) const;
    Tally judgeFunding(const GoalFacet &f) const;
    Tally judgeHqLocation(const GoalFacet &f) const;
    Tally judgeSize(const GoalFacet &f) const;
    bool officesOnlyIn(const QString &region) const;
    QList<FacetVerdict> judgeHiring(const GoalFacet &role, const QList<GoalFacet> &scoped) const;
    ProfileReading readProfile(const GoalFacet &f) const;
    void adoptProfile(FacetVerdict &v) const;
    int sourcesOf(const QList<int> &evidence) const;

    const TechDictionary &m_dict;
    const GoalModel &m_goal;
    const AnalysisInput &m_input;
    QDate m_reference;
    const QList<TokenModel> &m_models;
    QString m_domain;
    QString m_label;
    QStringList m_nameWords;
    QString m_ownLegalForm; // "inc" when its own pages call it "Acme Inc."
    QString m_ownText; // its own pages' words, lower-cased
    QString m_shortName;
    QRegularExpression m_nameRe; // the name, the label or the short name as whole words
    QList<Item> m_items;
};

bool Judge::names(const QString &lower) const
{
    if (lower.contains(m_domain))
        return true;
    return m_nameRe.match(lower).hasMatch();
}

// The company's own name says nothing about its business ("Marketplace Analytics").
QString Judge::withoutName(const QString &lower) const
{
    const QString name = m_nameWords.join(u' ');
    return name.isEmpty() ? lower : QString(lower).replace(name, QStringLiteral("the company"));
}

QString sentenceText(const Item &item, const QList<TextToken> &tokens)
{
    return tokens.isEmpty()
        ? QString()
        : item.text.mid(tokens.first().start, tokens.last().end - tokens.first().start);
}

// Whether the text right before `at` (spaces aside) is a listing's field bar.
bool afterBar(const QString &text, qsizetype at)
{
    while (at > 0 && text.at(at - 1).isSpace())
        --at;
    return at > 0 && text.at(at - 1) == u'|';
}

Entity Judge::sentenceEntity(const Item &item, const QList<TextToken> &tokens, bool namedBefore,
    bool itemNamed, const QString &lower) const
{
    // "acme.io" named while we research acme.com: a namesake's sentence.
    for (const TextToken &t : tokens)
        if (t.lower != m_domain && t.lower.startsWith(m_label + u'.') && t.lower.count(u'.') <= 2
            && !t.lower.endsWith(QStringLiteral(".js")))
            return Entity::Other;
    static const WordRe namesake(QStringLiteral(
        "\\b(not to be confused|no relation|unrelated|not affiliated|no affiliation|namesake|"
        "different company|same name|similarly named|não tem relação|sem relação|de mesmo nome|"
        "sin relación|del mismo nombre|même nom|aucun lien|gleichnamig\\w*|nicht verwandt)\\b"));
    if (namesake.match(lower).hasMatch())
        return Entity::Other;
    const bool named = names(lower);
    if (item.ownVoice)
        return Entity::Own;
    if (named && namesAnotherCompany(sentenceText(item, tokens)))
        return Entity::Other;
    if (named)
        return Entity::Named;
    static const WordRe firstPerson(QStringLiteral("\\b(we|our|we're|we've|us)\\b"));
    static const WordRe pronoun(QStringLiteral(
        "^\\W*(it|its|the company|the company's|the startup|the startup's|the firm|the firm's|"
        "they|their|the business|the platform|the round|the funding|the raise|the team|the "
        "new (funding|capital)|this|founded|headquartered|based)\\b"));
    if (namedBefore && (firstPerson.match(lower).hasMatch() || pronoun.match(lower).hasMatch()))
        return Entity::Named;
    // "Sardine, a fraud prevention company, uses ...": another company is the subject.
    static const WordRe otherSubject(QStringLiteral(
        "^\\W*(?!The |This |That |These |It |Its |We |Our |They |Their |In |On |At |For |With |"
        "As |After |Since |Last |Next |Today |Now |A |An |And |But |Both |Each |Every |Most )"
        "[A-Z][\\w&.-]+( [A-Z][\\w&.-]+){0,2}('s|,| (is|was|uses|used|said|says|has|had|raised|"
        "runs|launched|announced|offers|builds|provides))"));
    if (itemNamed && otherSubject.match(sentenceText(item, tokens)).hasMatch())
        return Entity::Unknown;
    if (itemNamed)
        return Entity::Continuation;
    return Entity::Unknown;
}

// A company's legal form, as a word: "Ltd", "Inc.", "GmbH".
const WordRe &legalForm()
{
    static const WordRe re(QStringLiteral(
        "^(ltd|limited|inc|llc|gmbh|ag|sa|sas|sarl|bv|nv|ab|oy|aps|pty|plc|sl|srl|spa|corp)$"));
    return re;
}

// "Ostrander Systems, the Brisbane payroll bureau", "Storm Petrel Energy lands its round",
// "Tallowridge Ltd" where its own pages say "Tallowridge Inc.": the name followed by a
// capitalised word that is no part of the company's own name names another company. A
// headline in title case capitalises every word, so it says nothing of the kind.
bool Judge::namesAnotherCompany(const QString &text) const
{
    static const WordRe word(QStringLiteral("[\\w$.-]{4,}"));
    bool sentenceCase = false;
    for (auto it = word.globalMatch(text); it.hasNext() && !sentenceCase;)
        sentenceCase = it.next().captured(0).at(0).isLower();
    if (!sentenceCase)
        return false;
    static const QRegularExpression nextWord(QStringLiteral("^ ([A-Z][a-z]+)\\b(?!')"));
    const QString lower = text.toLower();
    for (auto it = m_nameRe.globalMatch(lower); it.hasNext();) {
        const auto m = it.next();
        const auto next = nextWord.match(text.mid(m.capturedEnd(2)));
        if (!next.hasMatch())
            continue;
        const QString w = next.captured(1).toLower();
        // "Oakenshaw Bank" is the name its own pages use too.
        if (m_nameWords.contains(w, Qt::CaseInsensitive)
            || m_ownText.contains(m.captured(2) + u' ' + w))
            continue;
        if (legalForm().match(w).hasMatch()) {
            if (!m_ownLegalForm.isEmpty() && w != m_ownLegalForm)
                return true;
            continue;
        }
        return true;
    }
    return false;
}

void Judge::readEvidence()
{
    m_domain = m_input.domain.toLower();
    m_label = registrableLabel(m_domain);
    const QString name
        = m_input.companyName.isEmpty() ? companyNameFromDomain(m_domain) : m_input.companyName;
    m_nameWords = phraseWords(name);
    if (m_nameWords.size() > 1 && m_nameWords.first().size() >= 5)
        m_shortName = m_nameWords.first();
    QStringList alternatives { WordRe::escape(m_nameWords.join(u' ')), WordRe::escape(m_label) };
    if (!m_shortName.isEmpty())
        alternatives << WordRe::escape(m_shortName);
    alternatives.removeAll(QString());
    // "Kestrel Bank" names kestrelbank.com: the label's letters with optional spaces.
    QString bare = QString(m_label).remove(u'-');
    if (bare.size() >= 6) {
        QStringList letters;
        for (QChar c : std::as_const(bare))
            letters << WordRe::escape(QString(c));
        alternatives << letters.join(QStringLiteral("[\\s-]?"));
    }
    // Every goal of a company judges it with the same name pattern: compiled once per thread
    // for the last companies seen.
    thread_local QHash<QString, WordRe> recentNames;
    const QString pattern
        = QStringLiteral("(^|[^\\w.])(%1)($|[^\\w])").arg(alternatives.join(u'|'));
    auto known = recentNames.constFind(pattern);
    if (known == recentNames.cend()) {
        if (recentNames.size() >= 64)
            recentNames.clear();
        known = recentNames.insert(pattern, WordRe(pattern));
    }
    m_nameRe = *known;
    for (const Evidence &e : m_input.evidence) {
        const QString host = QUrl(e.url).host().toLower();
        if (host != m_domain && !host.endsWith(u'.' + m_domain))
            continue;
        static const QRegularExpression formAfter(QStringLiteral("^ ([a-z]+)\\.?\\b"));
        const QString text = (e.title + u' ' + e.snippet).toLower();
        m_ownText += text + u'\n';
        for (auto it = m_nameRe.globalMatch(text); it.hasNext() && m_ownLegalForm.isEmpty();) {
            const auto f = formAfter.match(text.mid(it.next().capturedEnd(2)));
            if (f.hasMatch() && legalForm().match(f.captured(1)).hasMatch())
                m_ownLegalForm = f.captured(1);
        }
    }

    for (int i = 0; i < m_input.evidence.size(); ++i) {
        const Evidence &e = m_input.evidence.at(i);
        Item item;
        item.index = i;
        item.evidence = &e;
        item.text = e.title + QStringLiteral("\n") + e.snippet;
        item.titleLower = e.title.toLower();
        item.date = e.publishedAt.date();
        const QUrl url(e.url);
        const QString host = url.host().toLower();
        const QString path = url.path().toLower();
        const bool ownSite
            = !host.isEmpty() && (host == m_domain || host.endsWith(u'.' + m_domain));
        const bool board = isJobBoardHost(host);
        // boards.greenhouse.io/keystone/jobs/50 is keystone-cards.com's board, and so are
        // welcometothejungle.com/fr/companies/keystone/jobs/.. and lever.co/keystonehq/..
        const QString bare = QString(m_label).remove(u'-');
        const QString joinedName = m_nameWords.join(QString()).toLower();
        auto isOwnSlug = [this, &bare, &joinedName](const QString &slug) {
            return slug == m_label || slug == bare || (joinedName.size() >= 4 && slug == joinedName)
                || (slug.size() >= 4 && (m_label.startsWith(slug) || bare.startsWith(slug)))
                || (bare.size() >= 5 && slug.startsWith(bare));
        };
        const QStringList slugs = path.split(u'/', Qt::SkipEmptyParts).mid(0, 3);
        const bool ownBoard = board && std::any_of(slugs.cbegin(), slugs.cend(), isOwnSlug);
        static const WordRe careersPath(QStringLiteral(
            "/(careers?|jobs?|join|positions?|openings?|karriere|stellen\\w*|jobs-\\w+|"
            "vacatures?|werken-bij|empleos?|trabaja-con-nosotros|carrieres|carrières|emplois?|"
            "vagas|lavora-con-noi|carreiras|carreras|carriere|karriar|karriär|lediga-jobb|"
            "kariera|praca|vacantes|recrutement|rejoignez-nous|werken)\\b"));
        const bool careersPage = ownSite && careersPath.match(path).hasMatch();
        // A "Who is hiring" thread on Hacker News holds the companies' own job posts.
        static const WordRe hiringThread(QStringLiteral("\\bwho('s| is) hiring\\b"));
        item.posting = e.channel == channel::JobsSearch || board || careersPage
            || (e.channel == channel::HackerNews && hiringThread.match(item.titleLower).hasMatch());
        const bool foreignBoard = board && !ownBoard && !path.isEmpty() && path != u"/";
        item.ownVoice = ownSite || ownBoard
            || (!foreignBoard && (e.channel == channel::JobsSearch || e.channel == channel::Website)
                && (host.isEmpty() || registrableLabel(host) == m_label));
        const bool collision
            = !ownSite && !host.isEmpty() && registrableLabel(host) == m_label && !board;
        item.context = itemContext(item.titleLower, path, item.ownVoice, item.posting);
        static const WordRe aboutPath(QStringLiteral(
            "/(about|about-us|company|who-we-are|our-story|ueber-uns|uber-uns|über-uns|"
            "unternehmen|quienes-somos|quiénes-somos|sobre|sobre-nos|over|over-ons|a-propos|"
            "qui-sommes-nous|chi-siamo)/?$"));
        static const WordRe aboutTitle(QStringLiteral(
            "^(about|who we are|our story|über|ueber|unternehmen|quiénes somos|quienes somos|"
            "sobre|over|à propos|a propos|qui sommes-nous|chi siamo)\\b"));
        // The front page ("/", "/es/") opens with the company's one-line pitch, as the first line
        // of an About page does: "Card acquiring for independent retailers."
        static const WordRe frontPage(QStringLiteral("^/?([a-z]{2}([-_][a-z]{2})?/?)?$"));
        item.about = ownSite && !item.posting
            && (aboutPath.match(path).hasMatch() || aboutTitle.match(item.titleLower).hasMatch()
                || frontPage.match(path).hasMatch());
        item.tokens = tokenize(item.text);
        item.techHits
            = m_dict.findTechnologies(item.text, item.tokens, TechDictionary::Mode::Evidence);

        // Sentences: the title, then the snippet cut by the Unicode sentence rules, and again at
        // line breaks, bullets and bars (postings and listings use them as sentences).
        QList<std::pair<qsizetype, qsizetype>> spans;
        auto split = [&spans](const QString &text, qsizetype base) {
            QTextBoundaryFinder finder(QTextBoundaryFinder::Sentence, text);
            qsizetype from = 0;
            while (from < text.size()) {
                qsizetype to = finder.toNextBoundary();
                if (to < 0)
                    to = text.size();
                qsizetype s = from;
                for (qsizetype k = from; k < to; ++k) {
                    const QChar c = text.at(k);
                    if (c == u'\n' || c == u'|' || c == u';' || c == QChar(0x2022) || c == u'·') {
                        if (k > s)
                            spans << std::pair { base + s, base + k };
                        s = k + 1;
                    }
                }
                if (to > s)
                    spans << std::pair { base + s, base + to };
                from = to;
            }
        };
        split(e.title, 0);
        split(e.snippet, e.title.size() + 1);

        const bool itemNamed = names(item.text.toLower()) || item.ownVoice;
        bool namedBefore = false;
        const bool agency = agencyMarkers().match(item.text.toLower()).hasMatch();
        for (const auto &[from, to] : std::as_const(spans)) {
            Sentence s;
            s.start = from;
            while (s.start < to && item.text.at(s.start).isSpace())
                ++s.start;
            s.text = item.text.mid(s.start, to - s.start).trimmed();
            if (s.text.isEmpty())
                continue;
            s.lower = s.text.toLower();
            QList<TextToken> tokens;
            for (const TextToken &t : std::as_const(item.tokens))
                if (t.start >= from && t.end <= to)
                    tokens << t;
            s.entity = collision ? Entity::Other
                                 : sentenceEntity(item, tokens, namedBefore, itemNamed, s.lower);
            // "Acme | Warsaw | BDR, Backend Engineer": the fields of a listing line after the
            // company's name are the company's, whatever word a field starts with.
            if (namedBefore && (s.entity == Entity::Continuation || s.entity == Entity::Unknown)
                && afterBar(item.text, s.start))
                s.entity = Entity::Named;
            // A staffing agency's or consultancy's posting is for someone else's role, unless
            // it names this company as the client.
            if (agency && !names(s.lower) && (item.ownVoice || !itemNamed))
                s.entity = Entity::Other;
            namedBefore = namedBefore || names(s.lower);
            item.sentences << s;
        }
        if (item.sentences.isEmpty())
            item.sentences << Sentence { 0, item.text, item.text.toLower(), Entity::Unknown };
        // An item about a namesake ("Ravenwood.io is hiring") or a portfolio page is about
        // someone else throughout, unless it names this company's own domain.
        bool namesake = path.contains(QStringLiteral("portfolio"));
        for (const Sentence &sent : std::as_const(item.sentences))
            namesake = namesake || (sent.entity == Entity::Other && !agency);
        if (namesake && !item.text.toLower().contains(m_domain))
            for (Sentence &sent : item.sentences)
                sent.entity = Entity::Other;
        m_items << item;
    }
}

QSet<int> Judge::techTargets(const GoalFacet &f) const
{
    QSet<int> wanted;
    static const WordRe either(QStringLiteral(" or | and "));
    const QStringList names = f.value.split(either);
    for (int t = 0; t < m_dict.technologies().size(); ++t)
        for (const QString &n : names)
            if (m_dict.technologies().at(t).name.compare(n.trimmed(), Qt::CaseInsensitive) == 0)
                wanted.insert(t);
    // A product of the family is the family: GKE is Kubernetes and Google Cloud.
    bool grew = true;
    while (grew) {
        grew = false;
        for (int t = 0; t < m_dict.technologies().size(); ++t) {
            // A Helm chart is mostly something vendors ship for their customers' clusters.
            if (wanted.contains(t) || m_dict.technologies().at(t).name == u"Helm")
                continue;
            for (int implied : m_dict.technologies().at(t).impliedIds)
                if (wanted.contains(implied)) {
                    wanted.insert(t);
                    grew = true;
                    break;
                }
        }
    }
    return wanted;
}

QString modalityReason(Modality m)
{
    return modalityToString(m);
}

QString clauseAround(const QString &s, qsizetype pos, qsizetype len)
{
    qsizetype from = 0;
    qsizetype to = s.size();
    for (auto it = clauseBreak().globalMatch(s); it.hasNext();) {
        const auto m = it.next();
        if (m.capturedEnd() <= pos)
            from = m.capturedEnd();
        else if (m.capturedStart() >= pos + len) {
            to = m.capturedStart();
            break;
        }
    }
    return s.mid(from, to - from);
}

// A CRM is the company's own when a team works its pipeline in it. The name also stands for
// the company that makes it (a customer, an investor, a tower), for a sales force, and for
// an ecosystem others sell into (integrations, certifications, consulting).
bool isCrm(const QString &technology)
{
    static const QStringList crms { QStringLiteral("Salesforce"), QStringLiteral("HubSpot"),
        QStringLiteral("Pipedrive"), QStringLiteral("Microsoft Dynamics 365"),
        QStringLiteral("Zoho CRM"), QStringLiteral("Attio") };
    return crms.contains(technology);
}

const WordRe &crmWork()
{
    static const WordRe re(QStringLiteral(
        "\\b(track\\w*|log|logs|logged|logging|manag\\w*|works?|working|worked|runs?|running|"
        "lives?|living|record\\w*|pipeline\\w*|opportunit\\w*|org|instance|admin\\w*|crm|"
        "forecast\\w*|dashboards?|reports?|reporting|flows|cpq|lead routing|renewals?|"
        "sales cloud|service cloud|health cloud|financial services cloud|account engagement|"
        "pardot|moved (to|onto)|switched to|migrated to|rolled (it )?out|implemented|uses?|"
        "using|in (salesforce|hubspot|pipedrive|attio)|from (salesforce|hubspot|pipedrive)|"
        "been on|(we're|we are|are|is|and|still|now) (all )?on|stay\\w*)\\b"));
    return re;
}

QString crmNotUse(const Sentence &sent, qsizetype pos, qsizetype len)
{
    const QString before = sent.lower.left(pos);
    const QString after = sent.lower.mid(pos + len);
    // "doubles its salesforce": the sales team, written in lower case.
    static const WordRe salesForce(QStringLiteral("\\b(its|our|their|a|the|his|her|whose) $"));
    const QString written = sent.text.mid(pos, len);
    if (written.size() == len && written == written.toLower()
        && salesForce.match(before).hasMatch())
        return QStringLiteral("the sales force, not the product");
    static const WordRe notProduct(QStringLiteral(
        "^\\W*(tower|ventures|park|arena|world tour|foundation|certifi\\w*|consultants?|"
        "consulting|partners?|summit|customers|users|ecosystem|admin\\w* (exam|cert\\w*)|"
        "exams?|courses?|design lead|employees|staff)\\b"));
    static const WordRe partOf(QStringLiteral(
        "\\b(part of|owned by|acquired by|a|an) $|\\b(at|for|include|includes|including|"
        "like|such as|clients?|customers?|your|customers'|clients') (?!in )([\\w-]+ )?$|"
        "\\b(sells?|selling) to ([\\w-]+ )?$"));
    if (notProduct.match(after).hasMatch() || partOf.match(before).hasMatch())
        return QStringLiteral("the company or its ecosystem, not its CRM in use");
    static const WordRe integration(QStringLiteral(
        "\\b(integrat\\w*|connects?|connectors?|sync\\w*|push\\w*|writes?|into your|with your|"
        "for your) ([\\w-]+ ){0,2}$"));
    static const WordRe integrationAfter(QStringLiteral(
        "^\\W*(integration|connector|app|package|managed package|appexchange|listing|plugin|"
        "add-on)\\b"));
    static const WordRe consultancy(QStringLiteral(
        "\\b(for (our|their) clients|client (projects|delivery|implementations)|implementations "
        "for|consulting partner|summit partner|certified consultants)\\b"));
    if (integration.match(before).hasMatch() || integrationAfter.match(after).hasMatch()
        || consultancy.match(sent.lower).hasMatch())
        return modalityToString(Modality::Offered);
    static const WordRe chosenAgainst(QStringLiteral("\\b(over|instead of|rather than) $"));
    if (chosenAgainst.match(before).hasMatch())
        return QStringLiteral("chosen against");
    return {};
}

// What a company sells or teaches for a technology is not its own use of it: "Kubernetes-
// native backups", "cost dashboards for your clusters", "we sell to Kubernetes shops", "CKA
// courses". Empty when the sentence says nothing of the kind around the hit.
QString forOthersUse(const QString &lower, qsizetype pos, qsizetype len)
{
    static const WordRe teaching(QStringLiteral(
        "\\b(courses?|bootcamps?|taught|teach(es|ing)?|curriculum|exams?|"
        "training (company|courses?|provider|academy|programs?)|workshops?|tutorials?|"
        "schulung\\w*|kurse|formations?|cursos?|learners|students|lessons)\\b"));
    const qsizetype from = std::max<qsizetype>(0, pos - 40);
    const QString near = lower.mid(from, pos + len + 40 - from);
    // "Learn Kubernetes with hands-on labs": said to a student (models that learn are not).
    static const WordRe learn(QStringLiteral("^\\W*learn\\b"));
    if (teaching.match(near).hasMatch() || learn.match(lower).hasMatch())
        return QStringLiteral("taught to others, not run");
    static const WordRe productBefore(QStringLiteral(
        "\\b((monitor\\w*|observability|backups?|security|secrets?|costs?|dashboards?|agents?|"
        "tooling|plugins?|policies|governance|compliance|scann\\w+) (for|of|on|across)|"
        "(software|tools?|products?|solutions?) for|monitors?|sells? to|selling to) (your |any "
        "|their |customers'? |a customer's )?(own )?$"));
    static const WordRe productAfter(
        QStringLiteral("^(-native|-first|-ready| shops\\b| users\\b| customers\\b)"));
    if (productBefore.match(lower.left(pos)).hasMatch()
        || productAfter.match(lower.mid(pos + len)).hasMatch())
        return QStringLiteral("a product for its users, not its own use");
    return {};
}

// "Sync to our Salesforce org", "administer our Service Cloud queues", "our own 25 sellers work
// in the same Salesforce org": the company's own CRM, whatever the sentence does with its data,
// unless "our Salesforce app" names the product it sells.
bool ownCrmNamed(const QString &lower, qsizetype pos, qsizetype len)
{
    static const WordRe product(QStringLiteral(
        "^\\W*(integration|connector|apps?|package|managed package|appexchange|listing|plugin|"
        "add-on|partner\\w*|consult\\w*|practice|implementation\\w*)\\b"));
    if (product.match(lower.mid(pos + len)).hasMatch())
        return false;
    static const WordRe possessive(QStringLiteral("\\bour (own )?$"));
    static const WordRe ownSellers(QStringLiteral(
        "\\bour (own )?([\\w-]+ ){0,2}(sellers|reps|salespeople|sales team|account executives|"
        "aes)\\b(?![^,;]*\\b(integrat|sync|connect|push|sell|off|from|away|leav|left)\\w*)"
        "[^,;]{0,40}$"));
    const QString before = lower.left(pos);
    return possessive.match(before).hasMatch() || ownSellers.match(before).hasMatch();
}

// "Salesforce Certified Administrator required", "Salesforce Admin certification a plus": the
// company's own posting asks its new hire to know the CRM the team works in.
bool crmSkillAsked(const QString &lower, qsizetype end)
{
    static const WordRe cert(QStringLiteral(
        "^\\W*(certified|certification|admin\\w* (certification|certified|cert))\\b"));
    return cert.match(lower.mid(end)).hasMatch();
}

// "Send leads to Salesforce, HubSpot or Pipedrive", "deploy on EKS, GKE or AKS": a choice of
// three or more products left to the reader is what the company supports, not what it runs.
bool inChoiceList(const Item &item, int s, qsizetype pos, qsizetype len)
{
    int inSentence = 0;
    for (const TermHit &h : item.techHits)
        inSentence += item.sentenceAt(item.tokens.at(h.firstToken).start) == s ? 1 : 0;
    if (inSentence < 3)
        return false;
    const QString &lower = item.sentences.at(s).lower;
    static const WordRe listAfter(
        QStringLiteral("^(,\\s*[\\w./ -]{1,30}){0,4},?\\s+or\\s+\\w"));
    static const WordRe listBefore(
        QStringLiteral("\\w[\\w./ -]{0,30}(,\\s*[\\w./ -]{1,30}){0,4},?\\s+or\\s+$"));
    return listAfter.match(lower.mid(pos + len)).hasMatch()
        || listBefore.match(lower.left(pos)).hasMatch();
}

// "GCP" is also Good Clinical Practice and the Gulf Coast Ports: an acronym the item spells out
// as other capitalised words, or writes among clinical-trial words, is not the product.
bool acronymForSomethingElse(const Item &item, const Technology &tech, qsizetype at, qsizetype len)
{
    const QString written = item.text.mid(at, len);
    if (written.size() < 2 || written.size() > 5 || written != written.toUpper()
        || !written.at(0).isLetter())
        return false;
    QStringList words;
    for (QChar c : written)
        words << QStringLiteral("%1[\\w-]+").arg(WordRe::escape(QString(c)));
    const QRegularExpression spelled(QStringLiteral("\\b%1\\b").arg(words.join(u' ')),
        QRegularExpression::UseUnicodePropertiesOption);
    for (auto it = spelled.globalMatch(item.text); it.hasNext();) {
        const QString phrase = it.next().captured(0).toLower();
        if (!tech.aliases.contains(phrase) && phrase != tech.name.toLower())
            return true;
    }
    static const WordRe clinical(QStringLiteral(
        "\\b(clinical|trial sites?|sponsors|gxp|pharmacovigilance|etmf|cros?)\\b"));
    return written == u"GCP" && clinical.match(item.text.toLower()).hasMatch();
}

// A stack said years ago is history: a 2021 post, "In 2021 we moved everything to GKE".
bool saidYearsAgo(const Item &item, const QString &lower, QDate reference)
{
    if (item.date.isValid() && item.date.addYears(2) < reference)
        return true;
    static const WordRe yearBefore(QStringLiteral("\\b(?<!since )in ((19|20)\\d\\d)\\b"));
    static const WordRe stillSo(QStringLiteral("\\b(now|today|still|currently|since)\\b"));
    const auto m = yearBefore.match(lower);
    return m.hasMatch() && m.captured(1).toInt() + 3 <= reference.year()
        && !stillSo.match(lower).hasMatch();
}

Tally Judge::judgeTechnology(const GoalFacet &f, const QList<int> &onlyItems) const
{
    Tally t;
    const QSet<int> targets = techTargets(f);
    QSet<int> named; // the technologies the goal names, without the products of their family
    static const WordRe either(QStringLiteral(" or | and "));
    const QStringList names = f.value.split(either);
    for (int id : targets)
        for (const QString &n : names)
            if (m_dict.technologies().at(id).name.compare(n.trimmed(), Qt::CaseInsensitive) == 0)
                named.insert(id);
    const bool topic = targets.isEmpty(); // "AI / machine learning", "fraud detection", ...
    const bool ml = f.value.contains(QStringLiteral("machine learning"));
    const bool needsFraud = f.purpose.contains(QStringLiteral("fraud"))
        || (!ml && f.value.contains(QStringLiteral("fraud")));
    const bool crm = isCrm(f.value);
    for (const Item &item : m_items) {
        if (!onlyItems.isEmpty() && !onlyItems.contains(item.index))
            continue;
        static const WordRe requirement(QStringLiteral(
            "\\b(experience|familiar\\w*|knowledge|proficien\\w*|skills?|expertise|background|"
            "worked with|hands-on|exposure|understanding|requirements?|qualifications|you have|"
            "you bring|we'd love|we would love|stack|tools?|technologies)\\b"));
        QList<std::pair<int, std::pair<qsizetype, qsizetype>>>
            hits; // sentence, (pos, len) in sentence
        QList<int> hitIds; // the technology of each hit (-1: a topic's word)
        QSet<int> joined; // sentences whose purpose is said elsewhere in the item
        // A Hacker News reply's title is the thread's question, not the commenter's words.
        const bool reply = item.evidence->channel == channel::HackerNews
            && item.titleLower.startsWith(QStringLiteral("re:"));
        const qsizetype titleEnd = item.evidence->title.size();
        bool titleNamesGoal = false; // a technology the goal asks for is in the title
        bool titleNamesOther = false; // and one it does not ask for
        for (const TermHit &h : item.techHits)
            if (item.tokens.at(h.firstToken).start < titleEnd)
                (targets.contains(h.id) ? titleNamesGoal : titleNamesOther) = true;
        if (!topic) {
            for (const TermHit &h : item.techHits) {
                if (!targets.contains(h.id))
                    continue;
                const qsizetype at = item.tokens.at(h.firstToken).start;
                if (acronymForSomethingElse(item, m_dict.technologies().at(h.id), at,
                        item.tokens.at(h.lastToken).end - at)) {
                    t.reject(item.index, item.sentenceAt(at),
                        QStringLiteral("an acronym for something else"));
                    continue;
                }
                const int s = item.sentenceAt(at);
                const qsizetype rel = at - item.sentences.at(s).start;
                const qsizetype len = item.tokens.at(h.lastToken).end - at;
                hits << std::pair { s, std::pair { std::max<qsizetype>(0, rel), len } };
                hitIds << h.id;
                if (h.negated)
                    hits.last().second.second = -len; // mark: the dictionary read a negation
            }
        } else {
            // "Acme fights card fraud. Its models score every payment": the purpose may be said
            // in the item's title or the sentence next to the model, unless that sentence says
            // fraud is handled some other way, or the model has a purpose of its own.
            static const WordRe handledOtherwise(QStringLiteral(
                "\\b(manual\\w*|rules?|third-party|partners?|operations team|handled by|"
                "done by|performed by)\\b"));
            static const WordRe otherPurpose(QStringLiteral(
                "\\b(credit (model|scor\\w*|decision\\w*|limit\\w*)|assistant|"
                "chat\\w*|support|recommend\\w*|pricing|personali[sz]\\w*|search|marketing|"
                "forecast\\w*|churn)\\b"));
            QList<bool> fraudSaid;
            for (const Sentence &sent : std::as_const(item.sentences))
                fraudSaid << (fraudTerms().match(sent.lower).hasMatch()
                    && !handledOtherwise.match(sent.lower).hasMatch());
            auto purposeNearby = [&fraudSaid](int s) {
                return fraudSaid.at(0) || (s > 0 && fraudSaid.at(s - 1))
                    || (s + 1 < fraudSaid.size() && fraudSaid.at(s + 1));
            };
            for (int s = 0; s < item.sentences.size(); ++s) {
                const QString &lower = item.sentences.at(s).lower;
                const auto m = (ml ? mlTerms() : fraudTerms()).match(lower);
                if (!m.hasMatch())
                    continue;
                if (ml && needsFraud && !fraudTerms().match(lower).hasMatch()) {
                    if (!purposeNearby(s) || otherPurpose.match(lower).hasMatch())
                        continue;
                    joined.insert(s);
                }
                hits << std::pair { s, std::pair { m.capturedStart(), m.capturedLength() } };
                hitIds << -1;
            }
        }
        QSet<int> usedNow; // technologies of the family in use now, said in this item
        QSet<int> leftBehind; // and those it moved away from
        QSet<int> ownCrm; // sentences that name the company's own CRM: no other doubts them
        for (int k = 0; k < hits.size(); ++k) {
            const auto &[s, span] = hits.at(k);
            const Sentence &sent = item.sentences.at(s);
            const bool dictNegated = span.second < 0;
            const qsizetype len = std::abs(span.second);
            const bool reqList = item.posting || requirement.match(sent.lower).hasMatch();
            // Partners, customers and "their phones" around a team's CRM speak of others; what
            // the CRM's own name stands for is checked by crmNotUse.
            Modality mod = modalityAt(sent.lower, span.first, len, reqList, crm);
            // "Sync our billing and product data into Snowflake" in its own posting: the
            // company's own pipeline, not a connector it sells.
            static const WordRe ourData(QStringLiteral(
                "\\bour (?!(product|platform|app|tool|connector|integration|service)s?\\b)"));
            static const WordRe forOthers(
                QStringLiteral("\\b(customers?|clients?|your|partners?|users)\\b"));
            if (mod == Modality::Offered && item.posting && sent.entity == Entity::Own
                && ourData.match(sent.lower.left(span.first)).hasMatch()
                && !forOthers.match(sent.lower).hasMatch())
                mod = Modality::Current;
            const bool ownCrmHere = crm && ownCrmNamed(sent.lower, span.first, len);
            if (ownCrmHere) {
                // What follows the CRM is about its data or its own roadmap; a plan or a move
                // said before it still holds.
                mod = modalityAt(sent.lower.left(span.first + len), span.first, len, false, true);
                ownCrm.insert(s);
            } else if (crm && item.posting && sent.entity == Entity::Own
                && crmSkillAsked(sent.lower, span.first + len)) {
                continue;
            } else if (crm) {
                const QString why = crmNotUse(sent, span.first, len);
                if (!why.isEmpty()) {
                    t.reject(item.index, s, why);
                    continue;
                }
            }
            // "GKE isn't involved": the denial may follow the name.
            static const WordRe deniedAfter(QStringLiteral(
                "^\\W{0,3}(isn't|is not|aren't|are not|wasn't|was not|isn’t) (involved|used|in "
                "use|part of|running|deployed|what we)"));
            if (mod == Modality::Current
                && deniedAfter.match(sent.lower.mid(span.first + len)).hasMatch())
                mod = Modality::Negated;
            if (mod == Modality::Current && !item.posting
                && inChoiceList(item, s, span.first, len))
                mod = Modality::Offered;
            // "Now in Google Cloud Marketplace": listed in its store for its customers.
            static const WordRe storeAfter(QStringLiteral("^\\s+marketplace\\b"));
            if (mod == Modality::Current && storeAfter.match(sent.lower.mid(span.first + len)).hasMatch())
                mod = Modality::Offered;
            if (mod == Modality::Current && !crm) {
                const QString why = forOthersUse(sent.lower, span.first, len);
                if (!why.isEmpty()) {
                    t.reject(item.index, s, why);
                    continue;
                }
            }
            if (dictNegated && mod == Modality::Current
                && !(sent.lower.left(span.first).endsWith(QStringLiteral("no "))
                    && isRomance(sent.lower)))
                mod = Modality::Past;
            const bool ownSentence = mod != Modality::Current;
            // "evaluated X, then moved onto Y" in a trial write-up still says Y is used; a
            // partner page's "move workloads onto GKE" is work for clients.
            const bool chosen = selectedRightBefore(sent.lower, span.first)
                && (item.context == Modality::Evaluated || item.context == Modality::Past);
            // A docs page that says where the company itself runs ("Acme runs on Google Cloud:
            // EU data in europe-west1", "from our NAT addresses in GCP") speaks of its own use.
            static const WordRe ownInfra(QStringLiteral(
                "\\b(we|our|it) (run|runs|are hosted|is hosted|host|live|lives)( \\w+)? (on|in)\\b|"
                "\\bfrom our\\b"));
            static const WordRe addressed(
                QStringLiteral("\\b(you|your|yours|customers?'?|clients?'?|partners?)\\b"));
            const bool ownUseOnDocs = item.context == Modality::Offered
                && sent.entity != Entity::Unknown && !item.titleLower.contains(u"partner")
                && (ownInfra.match(sent.lower).hasMatch()
                    || ownInfra.match(QString(sent.lower).replace(m_nameRe, QStringLiteral(" it ")))
                           .hasMatch())
                && !addressed.match(sent.lower).hasMatch();
            // The title's plan, trial or move away is about what the title names: "Why we left
            // Google Cloud" says nothing against the EKS its body runs now.
            const bool contextElsewhere = reply
                || (titleNamesOther && !titleNamesGoal && item.sentences.at(s).start >= titleEnd
                    && (item.context == Modality::Past || item.context == Modality::Evaluated
                        || item.context == Modality::Planned));
            if (mod == Modality::Current && !chosen && !ownUseOnDocs && !contextElsewhere
                && !ownCrmHere)
                mod = item.context;
            // A reply's title is the thread's question: it may name what the reply runs, but
            // its "vs" or "worth it?" is not the commenter's doubt.
            if (reply && sent.start < titleEnd && mod != Modality::Current)
                continue;
            // Salesforce's other clouds are not its CRM.
            static const WordRe otherClouds(QStringLiteral(
                "^[\\w ]{0,12}(commerce cloud|marketing cloud|tableau|mulesoft|sfcc)"));
            if (f.value == u"Salesforce" && mod == Modality::Current
                && otherClouds.match(sent.lower.mid(span.first)).hasMatch()) {
                t.reject(item.index, s, QStringLiteral("another Salesforce product, not the CRM"));
                continue;
            }
            Q_UNUSED(ownSentence)
            // A job board's posting asking for the technology: the team works with it, unless
            // it is one option among several.
            const double factor = entityFactor(sent.entity);
            if (!hitCounts(item, s, sent.lower, span.first, len, {}, t))
                continue;
            switch (mod) {
            case Modality::Current: {
                // "AI to detect fraud" says its use; a bare product name needs a verb, a CRM a
                // team working in it.
                // A company's own posting naming its CRM as a tool of the job: the team works in
                // it.
                // "Servers running Talos", "a box running k3s": the verb that governs the name.
                static const WordRe verbRightBefore(QStringLiteral(
                    "(?<!customers )(?<!clients )(?<!users )(?<!teams )(?<!companies )"
                    "(?<!anyone "
                    ")\\b(run|runs|running|ran|use|uses|using|install|installs|installed|"
                    "deploy|deploys|deployed|operate|operates|operating)( [\\w-]+)? $"));
                const bool used = topic || ownCrmHere
                    || (crm ? (item.posting && sent.entity == Entity::Own)
                                || crmWork()
                                       .match(clauseAround(sent.lower, span.first, len))
                                       .hasMatch()
                            : useVerb().match(sent.lower).hasMatch()
                                || verbRightBefore.match(sent.lower.left(span.first)).hasMatch());
                // A posting's stack line names the team's tools, whether the company's own board
                // or a board line that names it ("Acme | SRE | Go, GKE, Terraform").
                const bool ownStack
                    = sent.entity == Entity::Own || (item.posting && sent.entity == Entity::Named);
                double base = used ? 0.9 : (ownStack ? 0.75 : 0.65);
                if (joined.contains(s))
                    base = 0.75;
                if (crm && !used)
                    base = 0.35;
                if (saidYearsAgo(item, sent.lower, m_reference))
                    base = std::min(base, 0.45);
                if (used && base * factor >= 0.85)
                    usedNow.insert(hitIds.at(k));
                t.add(item.index, s, base * factor,
                    QStringLiteral("%1, %2").arg(
                        used ? QStringLiteral("in use") : QStringLiteral("mentioned"),
                        entityText(sent.entity)));
                break;
            }
            case Modality::Past:
            case Modality::Negated:
                if (sent.entity == Entity::Own || sent.entity == Entity::Named) {
                    t.oppose(item.index, s, 0.8, modalityReason(mod));
                    leftBehind.insert(hitIds.at(k));
                } else
                    t.reject(item.index, s, modalityReason(mod));
                break;
            default:
                t.reject(item.index, s, modalityReason(mod));
                break;
            }
        }
        // An item that says in one sentence that it is a plan, a trial or past use does not
        // count as use through its title or a passing mention in another.
        // A sentence about someone else's use ("we run it for clients") doubts it too; one
        // about a namesake does not.
        bool doubted = false;
        for (const Contribution &c : std::as_const(t.rejected))
            doubted = doubted
                || (c.item == item.index && c.sentence >= 0
                    && item.sentences.at(c.sentence).entity != Entity::Other);
        for (const Contribution &c : std::as_const(t.against))
            doubted = doubted || c.item == item.index;
        if (doubted)
            for (Contribution &c : t.support)
                if (c.item == item.index && !ownCrm.contains(c.sentence)
                    && (c.sentence == 0 || c.strength < 0.85 || crm))
                    c.strength = std::min(c.strength, 0.3);
        // "We deleted our GKE cluster; every service now runs on Cloud Run": a move between
        // products of the family the goal asks for is no move away from it (a move off the
        // named technology itself is).
        if (!topic && !usedNow.isEmpty() && !usedNow.intersects(leftBehind)
            && !leftBehind.intersects(named))
            t.against.removeIf([&item](const Contribution &c) { return c.item == item.index; });
    }
    return t;
}

Tally Judge::judgeIndustry(const GoalFacet &f) const
{
    Tally t;
    const WordRe &terms = industryTerms(f.value);
    // "Trailer maker Brenner", "Sabre Cloud is an IT hosting provider": what the company says it
    // is outweighs the industry of the customers it names.
    static const WordRe otherKind(QStringLiteral(
        "\\b(energy supplier|utility|online retailer|retailer|\\w*händler|manufacturer|maker|"
        "hosting provider|research institute|institute|university|bank|insurer|law firm|"
        "agency|consultancy|software (company|vendor)|saas (company|vendor)|\\w*studio|"
        "publisher|\\w*zulieferer|\\w*hersteller|(parts|component|components) supplier|"
        "payment institution|zahlungsinstitut|factoring (company|firm|provider)|"
        // Businesses around a trade that are not in it: where its people find jobs or learn,
        // where it meets, where it eats.
        "job (board|portal|site)|\\w*jobbörse|stellen(börse|portal)|personalvermittlung|"
        "personaldienstleister|zeitarbeit\\w*|(recruitment|recruiting|staffing) (agency|firm|"
        "company)|\\w*fachmesse|messe|trade (fair|show)|exhibition|\\w*fahrschule|driving "
        "school|training (provider|school|centre|center)|\\w*restaurant|hotel|\\w*verband|"
        "association)\\b"));
    static const WordRe kindCue(QStringLiteral(
        "(\\b(is|are|we're|we are|ist|sind) (an?|the|ein|eine|der|die|das)|, (an?|the))"
        "[\\w\\s-]{0,30}$"));
    static const WordRe kindFirst(QStringLiteral("^[\\w\\s-]{0,30}$"));
    for (const Item &item : m_items) {
        for (int s = 0; s < item.sentences.size(); ++s) {
            const Sentence &sent = item.sentences.at(s);
            const QString &lower = sent.lower;
            // "Der Autozulieferer aus Chemnitz ...": a later sentence whose subject is the kind.
            static const WordRe theKind(QStringLiteral("^(the|der|die|das|le|la|il|el) $"));
            // The kind said of the company, not a word of its name ("Ravenmoor Bank is a ...").
            const auto inName = m_nameRe.match(lower);
            QRegularExpressionMatch k;
            for (auto it = otherKind.globalMatch(lower); it.hasNext() && !k.hasMatch();) {
                const auto c = it.next();
                if (!inName.hasMatch() || c.capturedEnd() <= inName.capturedStart(2)
                    || c.capturedStart() >= inName.capturedEnd(2))
                    k = c;
            }
            if (k.hasMatch()
                && (sent.entity == Entity::Own || sent.entity == Entity::Named
                    || (sent.entity == Entity::Continuation
                        && theKind.match(lower.left(k.capturedStart())).hasMatch()))) {
                const QString before = lower.left(k.capturedStart());
                // "Frachtpay ist ein Zahlungsinstitut": the name is no word for the kind.
                const QString phrase = QString(before.right(40) + k.captured(0))
                                           .replace(m_nameRe, QStringLiteral(" "));
                // "Acme gewinnt Automobilzulieferer": after the name and a verb the kind is
                // an object, not what the company is.
                if ((kindCue.match(before.right(45)).hasMatch()
                        || (kindFirst.match(before).hasMatch() && !names(before)))
                    && !terms.match(phrase).hasMatch()) {
                    t.oppose(item.index, s, 0.5,
                        QStringLiteral("describes itself as %1").arg(k.captured(0)));
                    continue;
                }
            }
            // "Die Kasseler Spedition hat den Betrieb eingestellt": a company that ceased
            // trading is in no trade now.
            static const WordRe ceased(QStringLiteral(
                "\\b(ceased (operations|trading)|out of business|filed for (bankruptcy|insolvency)|"
                "went (bust|bankrupt)|insolvenz\\w*|insolvent|konkurs\\w*|(stellt|stellte) "
                "(den |seinen |ihren )?(geschäfts)?betrieb\\b[^.;]{0,20}\\bein|(geschäfts)?betrieb\\b[^.;]{0,30}"
                "\\beingestellt|cessé (ses|son) activit\\w*|faillissement|failliet)\\b"));
            if (sent.entity != Entity::Unknown && ceased.match(lower).hasMatch()
                && modalityAt(lower, ceased.match(lower).capturedStart(), 1, false)
                    == Modality::Current) {
                t.oppose(item.index, s, 0.6, QStringLiteral("ceased trading"));
                continue;
            }
            // The first word of the trade that names it, not a thing made for it.
            QRegularExpressionMatch m;
            for (auto it = terms.globalMatch(lower); it.hasNext() && !m.hasMatch();) {
                const auto c = it.next();
                if (!(f.value == u"logistics"
                        && compoundHeadedElsewhere(lower, c.capturedStart(), c.capturedEnd())))
                    m = c;
            }
            if (!m.hasMatch())
                continue;
            if (!hitCounts(item, s, lower, m.capturedStart(), m.capturedLength(),
                    { Modality::Planned, Modality::Past, Modality::Negated, Modality::SomeoneElse },
                    t))
                continue;
            // "We help retailers and logistics companies": its customers' industry, not its own;
            // "fintech investors" invest in it.
            static const WordRe theirs(QStringLiteral(
                "\\b(help\\w*|serv(e|es|ing)|for|für|clients? (like|such as|include|including|"
                "are)|"
                "customers? (like|such as|include|including|are|from|in)|kunden (aus|wie|in)|"
                "clients? from|sell\\w* to|work\\w* with|"
                "partner\\w* with|(projects|contracts) with|demand from|supplies|supplying)\\b"
                "[\\w\\s,&-]{0,30}$"));
            static const WordRe theirsAfter(QStringLiteral(
                "^\\w*[\\w\\s,&-]{0,25}\\b(customers|clients|kunden|\\w+ trust us|use our|rely "
                "on (us|our))\\b|^\\w*kunden|^\\w*[\\s-]+(investors?|vcs?|venture)\\b"));
            // "Its own warehouses", "die Logistik bleibt im eigenen Haus": how it runs its own
            // business, not the business it is in.
            static const WordRe ownOps(
                QStringLiteral("\\b(own|in-house|eigene\\w*) ([\\w-]+ ){0,2}$"));
            if ((theirs.match(lower.left(m.capturedStart())).hasMatch()
                    || theirsAfter.match(lower.mid(m.capturedStart())).hasMatch())
                && !names(lower.left(m.capturedStart()))) {
                t.add(item.index, s, 0.25 * entityFactor(sent.entity),
                    QStringLiteral("its customers' industry"));
                continue;
            }
            if (ownOps.match(lower.left(m.capturedStart())).hasMatch()
                || lower.mid(m.capturedEnd(), 30).contains(QStringLiteral("im eigenen haus"))) {
                t.add(item.index, s, 0.15 * entityFactor(sent.entity),
                    QStringLiteral("its own operations"));
                continue;
            }
            // Postings say what the company is in their "About us" lines; a passing word in a
            // requirement list does not.
            // "The Magdeburg-based haulier Elbe Kühltransporte": the word right before the name
            // says what it is, as "X is a haulier" does.
            static const WordRe article(QStringLiteral("^(the|die|der|das|le|la|il) "));
            static const WordRe wordBeforeName(QStringLiteral("^\\w*[\\s-]+(\\w+ )?$"));
            const qsizetype nameLength = m_nameWords.join(u' ').size();
            const QString subject = QString(lower).remove(article);
            const QString next = lower.mid(m.capturedEnd(), nameLength + 12);
            const auto nameNext = m_nameRe.match(next);
            // A title about card fraud says what the item is about, not what the company is.
            // A posting's title names the role: "Projektleiter Logistik" at a wind-farm
            // builder is a function of the company, not its trade.
            const bool titleSays = s == 0 && !item.posting
                && !(f.value == u"fintech" && fraudTerms().match(lower).hasMatch());
            // "Een duurzame bank uit Rotterdam": a line that names what it is, with no verb.
            static const WordRe tagline(
                QStringLiteral("^(an?|one|een|ein|eine|un|una|une|uma|um) ([\\w-]+ ){0,3}$"));
            // "risk at Sendaro (remittances, US to LatAm)": what it is, in brackets after the
            // name.
            static const WordRe bracketAfterName(QStringLiteral("^[\\w\\s.-]{0,3}\\([^)]{0,20}$"));
            // "Sneaker resale with built-in payments": what comes with the product is not what
            // the company is.
            static const WordRe accessory(QStringLiteral(
                "\\b(with|mit|con|avec|com|met|including|featuring|plus|incl\\w*)\\b"));
            const auto named = m_nameRe.match(lower.left(m.capturedStart()));
            // "Fulfillment-Dienstleister aus Hannover ...": a line that opens with the trade
            // heading a kind of company is a tagline.
            static const WordRe nothingBefore(QStringLiteral("^\\W*$"));
            const bool kindOpens = nothingBefore.match(lower.left(m.capturedStart())).hasMatch()
                && kindHead().match(lower.mid(m.capturedStart(), 60)).hasMatch();
            const bool describes = selfDescription().match(lower).hasMatch() || titleSays
                || kindOpens
                || (item.about && s <= 1 && !accessory.match(lower.left(m.capturedStart())).hasMatch())
                || tagline.match(lower.left(m.capturedStart())).hasMatch()
                || (named.hasMatch()
                    && bracketAfterName
                           .match(lower.mid(
                               named.capturedEnd(2), m.capturedStart() - named.capturedEnd(2)))
                           .hasMatch())
                || m_nameRe.match(subject.left(nameLength + 2)).hasMatch()
                || (nameNext.hasMatch()
                    && wordBeforeName.match(next.left(nameNext.capturedStart(2))).hasMatch());
            // "Acme raises $80M. The pay-later provider ...": a later sentence whose subject is
            // the kind says what the company named before is, as "Acme is a ..." does.
            const bool kindAsSubject = sent.entity == Entity::Continuation
                && definiteSubject().match(lower.left(m.capturedStart())).hasMatch()
                && kindHead().match(lower.mid(m.capturedStart(), 60)).hasMatch();
            const bool says = describes || kindAsSubject;
            double base = says ? 0.75 : 0.45;
            if (item.posting && !says)
                base = 0.3;
            const double factor = kindAsSubject ? 1.0 : entityFactor(sent.entity);
            t.add(item.index, s, base * factor,
                QStringLiteral("%1, %2").arg(
                    says ? QStringLiteral("describes itself") : QStringLiteral("mentioned"),
                    entityText(sent.entity)));
        }
    }
    // "Caldera Pay", "Nordfracht": a name chosen to say what the company does is a hint.
    static const QHash<QString, WordRe> nameCues {
        { QStringLiteral("fintech"),
            WordRe(
                QStringLiteral("(pay|bank|banc|banq|fin|lend|card|cash|money|capital|credit|coin|"
                               "wallet|ledger|vault|remit|kredit|geld|pago)")) },
        { QStringLiteral("logistics"),
            WordRe(QStringLiteral("(freight|logist|cargo|ship|haul|fleet|transport|parcel|fracht|"
                                  "spedition|carrier|cargo|log$)")) },
        { QStringLiteral("healthcare"),
            WordRe(QStringLiteral("(health|med|care|clinic|pharma|bio)")) },
    };
    // With one mention in the company's own words (0.45) it reaches the threshold; alone it
    // does not.
    if (nameCues.contains(f.value) && nameCues.value(f.value).match(m_label).hasMatch())
        t.add(-1, -1, 0.5, QStringLiteral("the company's name"));
    return t;
}

Tally Judge::judgeSegment(const GoalFacet &f) const
{
    Tally t;
    const bool health = f.value == u"healthcare";
    const WordRe &buyers = health ? healthBuyers() : industryTerms(f.value);
    static const WordRe otherIndustries(QStringLiteral(
        "\\b(retail\\w*|banks?|banking|fintech|manufactur\\w+|logistics|education|schools|"
        "government|hospitality|restaurants|real estate|media|telecom|"
        "e-?commerce|construction|legal|law firms?|councils?|nonprofits?|automotive|energy|"
        "agencies|universities|retailers)\\b"));
    // Who a company sells to is said in the present; "rather than hospitals" and "plans to
    // sell to clinics" name buyers it does not have. (The general modality markers read
    // "replaces spreadsheets" as past use, which says nothing about the buyers.)
    static const WordRe notBuyer(QStringLiteral(
        "\\b(rather than|instead of|not|never|other than|except|no longer|used to|formerly|"
        "previously|pivoted \\w+ from)\\b[\\w\\s,-]{0,25}$"));
    static const WordRe plannedBuyer(QStringLiteral(
        "\\b(plans? to|planning|planned|aims? to|hopes? to|will (expand|enter|sell|move|launch|"
        "target)|"
        "next (year|quarter)|roadmap|eventually|exploring|considering|pilot\\w*)\\b"));
    // "Kestrel Hospital Group operates four hospitals": a provider, which buys software.
    static const WordRe runsSites(QStringLiteral(
        "^[\\w\\s.'&-]{0,40}\\b(operates|runs|owns) (?:(?!for\\b|at\\b|in\\b|across\\b|to\\b|"
        "on\\b)[\\w,-]+\\s){0,5}(hospitals|clinics|practices|pharmacies|care homes|nursing "
        "homes|cent(er|re)s)\\b"));
    for (const Item &item : m_items) {
        // Vets treat animals: their clinics and "patients" are not healthcare buyers.
        static const WordRe animals(QStringLiteral("\\b(veterinar\\w*|vets?|pets?|animals?)\\b"));
        const bool forAnimals = health && animals.match(item.text.toLower()).hasMatch();
        const bool healthItem
            = health && facetHealthContext().match(item.text.toLower()).hasMatch() && !forAnimals;
        for (int s = 0; s < item.sentences.size() && !forAnimals; ++s) {
            const Sentence &sent = item.sentences.at(s);
            auto m = buyers.match(sent.lower);
            if (!m.hasMatch() && healthItem)
                m = healthBuyersInContext().match(sent.lower);
            if (!m.hasMatch())
                continue;
            if (!hitCounts(item, s, sent.lower, m.capturedStart(), m.capturedLength(), {}, t))
                continue;
            const bool firm = sent.entity == Entity::Own || sent.entity == Entity::Named;
            if (health && firm
                && (healthBuyerItself().match(sent.lower).hasMatch()
                    || runsSites.match(sent.lower).hasMatch())) {
                t.oppose(item.index, s, 0.7, QStringLiteral("is itself a provider or payer"));
                continue;
            }
            if (investor().match(sent.lower).hasMatch()) {
                t.reject(item.index, s, QStringLiteral("invests in those who sell to them"));
                continue;
            }
            if (notBuyer.match(sent.lower.left(m.capturedStart())).hasMatch()) {
                t.reject(item.index, s, modalityReason(Modality::Negated));
                continue;
            }
            if (plannedBuyer.match(sent.lower).hasMatch()) {
                t.reject(item.index, s, modalityReason(Modality::Planned));
                continue;
            }
            // "sold its practice platform, used by 300 clinics": the buyers of a business it
            // no longer has.
            static const WordRe soldOff(QStringLiteral(
                "\\b(sold|divest\\w*|spun off|carved out|verkauft\\w*|veräußert\\w*|cédé\\w*|"
                "vendi\\w*|verkocht)\\b[^.;]{0,60}\\b(business|platform|unit|division|arm|"
                "product line|geschäft\\w*|sparte|plattform|activité|negocio|plataforma|"
                "bedrijfsonderdeel)\\b"));
            if (soldOff.match(sent.lower).hasMatch()) {
                t.reject(item.index, s, modalityReason(Modality::Past));
                continue;
            }
            const bool selling = sellsTo().match(sent.lower).hasMatch();
            // A vendor for every industry listing hospitals among its customers does not sell
            // to healthcare as a segment.
            int others = 0;
            for (auto it = otherIndustries.globalMatch(sent.lower); it.hasNext(); it.next())
                ++others;
            double base = selling ? 0.75 : 0.45;
            if (others >= 2)
                base = 0.15;
            else if (others == 1)
                base *= 0.6;
            if (consumerTerms().match(sent.lower).hasMatch())
                base *= 0.4;
            t.add(item.index, s, base * entityFactor(sent.entity),
                QStringLiteral("%1, %2").arg(
                    selling ? QStringLiteral("sells to them") : QStringLiteral("mentions them"),
                    entityText(sent.entity)));
        }
    }
    return t;
}

// A marketplace shows in how it works, often over several sentences: one side lists or posts
// (sellers, hosts, carriers), the other books or buys, and the company in between matches
// them and takes a cut. Being called one counts less than working like one: the word also
// names a deli, a sales channel ("on Amazon Marketplace"), software sold to marketplace
// operators, a marketplace closed last year or one planned for next year.
void Judge::judgeMarketplace(const Item &item, Tally &t) const
{
    int cues = 0;
    bool fee = false;
    bool sides = false;
    bool matches = false;
    bool lists = false;
    double surest = 0.0;
    bool supplySeen = false;
    bool demandSeen = false;
    int bestSentence = -1;
    double called = 0.0;
    int calledSentence = -1;
    // "Startup plans to connect riders with drivers": a marketplace planned is not run yet.
    if (item.context == Modality::Planned || item.context == Modality::Past) {
        t.reject(item.index, 0, modalityReason(item.context));
        return;
    }
    for (int s = 0; s < item.sentences.size(); ++s) {
        const Sentence &sent = item.sentences.at(s);
        if (sent.entity == Entity::Other)
            continue;
        const QString lower = withoutName(sent.lower);
        if (marketplace::software().match(lower).hasMatch()) {
            t.oppose(item.index, s, 0.6, QStringLiteral("sells to marketplaces, is not one"));
            return;
        }
        if (marketplace::notOne().match(lower).hasMatch()) {
            if (sent.entity == Entity::Own || sent.entity == Entity::Named)
                t.oppose(item.index, s, 0.7, QStringLiteral("not a marketplace"));
            return;
        }
        if (marketplace::plannedOne().match(lower).hasMatch()
            && lower.contains(QStringLiteral("marketplace"))) {
            t.reject(item.index, s, modalityReason(Modality::Planned));
            return;
        }
        // "We aren't a staffing agency" denies being one, as a marketplace says of itself.
        if (const auto agency = marketplace::agencyModel().match(lower); agency.hasMatch()
            && !marketplace::calledOne().match(lower).hasMatch()
            && modalityAt(lower, agency.capturedStart(), agency.capturedLength(), false)
                != Modality::Negated) {
            t.reject(item.index, s, QStringLiteral("a staffing agency"));
            return;
        }
        const bool word = marketplace::calledOne().match(lower).hasMatch();
        if (word && marketplace::channel().match(lower).hasMatch()
            && !marketplace::strong().match(lower).hasMatch()) {
            t.reject(item.index, s, QStringLiteral("a marketplace as a sales channel"));
            continue;
        }
        // The two sides may be named in different sentences of one item: "Plants list surplus
        // motors. Maintenance buyers search by part number."
        const bool sentSupply = marketplace::supply().match(lower).hasMatch();
        const bool sentDemand = marketplace::demand().match(lower).hasMatch();
        const bool sentSides = (sentSupply && sentDemand)
            || ((sentSupply || sentDemand) && marketplace::twoSides().match(lower).hasMatch())
            || (sentSupply && demandSeen) || (sentDemand && supplySeen);
        supplySeen = supplySeen || sentSupply;
        demandSeen = demandSeen || sentDemand;
        if (marketplace::othersMarketplaces().match(lower).hasMatch()) {
            t.reject(item.index, s, modalityReason(Modality::SomeoneElse));
            continue;
        }
        // A commission in a posting is the recruiter's pay, not the company's cut; "we never
        // take a cut" is a directory's promise; a referral programme pays for sending customers.
        const auto feeHit = marketplace::takeRate().match(lower);
        const bool sentFee = !item.posting && feeHit.hasMatch()
            && !marketplace::referral().match(lower).hasMatch()
            && modalityAt(lower, feeHit.capturedStart(), feeHit.capturedLength(), false)
                != Modality::Negated;
        // Matching needs a side named in the item: "connect your clusters with an agent" and
        // "invoice matching for companies" are any software's.
        const bool sentMatch = (supplySeen || demandSeen)
            && (marketplace::matching().match(lower).hasMatch()
                || marketplace::strong().match(lower).hasMatch());
        const bool sentList = marketplace::listing().match(lower).hasMatch();
        // Whose words they are: the surest sentence that shows a cue ("Machinerie connects
        // sellers with buyers. The platform takes 6%.")
        if (sentSides || sentFee || sentMatch || sentList)
            surest = std::max(surest, entityFactor(sent.entity));
        if ((sentSides || sentFee || sentMatch || sentList) && bestSentence < 0)
            bestSentence = s;
        if (sentFee && !fee)
            bestSentence = s;
        fee = fee || sentFee;
        sides = sides || sentSides;
        matches = matches || sentMatch;
        lists = lists || sentList;
        if (word) {
            const qsizetype at = marketplace::calledOne().match(lower).capturedStart();
            // "Why we stopped being a marketplace": what the item tells of one is its past.
            const Modality mod = modalityAt(lower, at, 11, false);
            if ((mod == Modality::Past || mod == Modality::Planned)
                && (sent.entity == Entity::Own || sent.entity == Entity::Named)) {
                t.oppose(item.index, s, 0.6, QStringLiteral("a marketplace no more or not yet"));
                return;
            }
            if (!hitCounts(item, s, lower, at, 11,
                    { Modality::Planned, Modality::Past, Modality::Negated, Modality::Evaluated,
                        Modality::SomeoneElse },
                    t))
                continue;
            // "Digital freight marketplace Carrylane", "Pawtrail, the pet-care marketplace".
            const double c = names(sent.lower) || sent.entity == Entity::Own ? 0.5 : 0.35;
            if (c > called) {
                called = c;
                calledSentence = s;
            }
        }
    }
    cues = (fee ? 1 : 0) + (sides ? 1 : 0) + (matches ? 1 : 0) + (lists ? 1 : 0);
    const int s = bestSentence >= 0 ? bestSentence : calledSentence;
    if (s < 0)
        return;
    double base = 0.0;
    if (cues >= 3)
        base = 0.9;
    else if (cues == 2)
        base = 0.75;
    else if (cues == 1)
        base = fee ? 0.45 : 0.3;
    // Called a marketplace and working like one: both together are sure.
    if (called > 0.0)
        base = cues > 0 ? std::max(base, 0.8) : called;
    const Sentence &sent = item.sentences.at(s);
    t.add(item.index, s, base * std::max(surest, entityFactor(sent.entity)),
        QStringLiteral("%1, %2").arg(fee ? QStringLiteral("takes a cut between two sides")
                                         : QStringLiteral("matches two sides"),
            entityText(sent.entity)));
}

Tally Judge::judgeModel(const GoalFacet &f) const
{
    Tally t;
    for (const Item &item : m_items) {
        if (f.value == u"marketplace") {
            judgeMarketplace(item, t);
            continue;
        }
        for (int s = 0; s < item.sentences.size(); ++s) {
            const Sentence &sent = item.sentences.at(s);
            if (sent.entity == Entity::Other)
                continue;
            const double factor = entityFactor(sent.entity);
            if (f.value == u"b2b_saas") {
                const bool firm = sent.entity == Entity::Own || sent.entity == Entity::Named;
                if (consumerTerms().match(sent.lower).hasMatch()
                    && sent.entity != Entity::Unknown) {
                    t.oppose(item.index, s, 0.55,
                        QStringLiteral("sells to consumers or runs the service itself"));
                    continue;
                }
                if (firm && notSaasVendor().match(sent.lower).hasMatch()) {
                    t.oppose(item.index, s, 0.7, QStringLiteral("not a software vendor"));
                    continue;
                }
                if (firm && investor().match(sent.lower).hasMatch()) {
                    t.oppose(item.index, s, 0.6, QStringLiteral("an investor"));
                    continue;
                }
                const auto pricing = saasPricing().match(sent.lower);
                if (notSoftwareTerms().match(sent.lower).hasMatch()
                    && selfDescription().match(sent.lower).hasMatch() && !pricing.hasMatch()) {
                    t.oppose(item.index, s, 0.4, QStringLiteral("not a software company"));
                    continue;
                }
                if (pricing.hasMatch()
                    && modalityAt(
                           sent.lower, pricing.capturedStart(), pricing.capturedLength(), false)
                        != Modality::Negated) {
                    t.add(item.index, s, 0.85 * factor,
                        QStringLiteral("sold as a subscription, %1").arg(entityText(sent.entity)));
                    continue;
                }
                if (!b2bSaasTerms().match(sent.lower).hasMatch())
                    continue;
                const bool describes = selfDescription().match(sent.lower).hasMatch() || s == 0
                    || m_nameRe.match(sent.lower.left(m_nameWords.join(u' ').size() + 2))
                           .hasMatch();
                t.add(item.index, s, (describes ? 0.5 : 0.3) * factor,
                    QStringLiteral("software for businesses, %1").arg(entityText(sent.entity)));
                continue;
            }
            if (f.value == u"b2c" && consumerTerms().match(sent.lower).hasMatch())
                t.add(item.index, s, 0.7 * factor,
                    QStringLiteral("sells to consumers, %1").arg(entityText(sent.entity)));
        }
    }
    return t;
}

Tally Judge::judgeFunding(const GoalFacet &f) const
{
    Tally t;
    // "We are bootstrapped", "never raised outside capital": the company's own word that a
    // round found elsewhere is a namesake's or its parent's.
    static const WordRe selfFunded(QStringLiteral(
        "\\b(bootstrapped|self-funded|self-financed|never (raised|taken) (any )?(outside |external "
        "|venture )?(capital|money|funding|investment)|no (outside|external|venture) (capital|"
        "funding|investors?)|not (vc|venture)[- ]backed|eigenfinanziert|ohne (investoren|"
        "risikokapital)|autofinancée?)\\b"));
    // "Our customer Harborly raised ...", "the lead investor led Series B rounds elsewhere":
    // another company's round.
    static const WordRe othersRound(QStringLiteral(
        "\\b(our|a|one of our) (customers?|clients?|partners?|portfolio compan(y|ies))\\b|"
        "\\b(investors?|backers?|vcs?|funds?) (\\w+ ){0,2}(led|co-led|backed|joined)\\b"));
    for (const Item &item : m_items) {
        for (int s = 0; s < item.sentences.size(); ++s) {
            const Sentence &sent = item.sentences.at(s);
            const QString &lower = sent.lower;
            if (const auto own = selfFunded.match(lower);
                own.hasMatch() && (sent.entity == Entity::Own || sent.entity == Entity::Named)) {
                if (hitCounts(item, s, lower, own.capturedStart(), own.capturedLength(),
                        { Modality::Past, Modality::Planned, Modality::Negated }, t))
                    t.oppose(
                        item.index, s, 0.9, QStringLiteral("says it raised no outside capital"));
                continue;
            }
            // A question asks about rounds; it tells of none ("Ask HN: raising a Series B?").
            static const WordRe question(QStringLiteral("^(re: )?ask hn\\b|\\?\\s*$"));
            // The round nearest to the company's name: round-ups name several companies.
            qsizetype nameAt = -1;
            for (const QString &w : { m_domain, m_nameWords.join(u' '), m_label, m_shortName }) {
                if (w.isEmpty())
                    continue;
                const qsizetype k = lower.indexOf(w);
                if (k >= 0 && (nameAt < 0 || k < nameAt))
                    nameAt = k;
            }
            int stage = -1;
            qsizetype stageAt = -1;
            qsizetype stageLen = 0;
            // "our seed investors joining": backers named by an earlier round, not a round.
            static const WordRe backers(
                QStringLiteral("^\\s*(investors?|backers?|funds?)\\b|^-backed\\b|"
                               // "a fund for Series B investments", "Series B companies": the
                               // round names a stage of others, not a round raised.
                               "^\\s*(investments?|stage|companies|startups|deals)\\b"));
            for (auto it = roundRe().globalMatch(lower); it.hasNext();) {
                const auto m = it.next();
                if (backers.match(lower.mid(m.capturedEnd())).hasMatch())
                    continue;
                // "will look at a Series B next year": a round ahead is not one raised.
                static const WordRe ahead(QStringLiteral(
                    "\\b(will|would|plans? to|planning to|aims? to|hopes? to|look(ing)? (at|to)|"
                    "eyes|eyeing|ahead of|before)\\b((?!rais|clos|secur|land|announc|complet)"
                    "[\\w\\s$€£.,-]){0,30}$"));
                if (ahead.match(lower.left(m.capturedStart())).hasMatch())
                    continue;
                int st = 0;
                if (!m.captured(1).isEmpty())
                    st = m.captured(1).at(0).unicode() - u'a' + 1;
                else if (!m.captured(2).isEmpty())
                    st = m.captured(2).at(0).unicode() - u'a' + 1;
                else if (!m.captured(4).isEmpty())
                    st = m.captured(4).at(0).unicode() - u'a' + 1;
                else if (m.captured(3).startsWith(QStringLiteral("growth"))
                    || m.captured(3) == u"pre-ipo"
                    || m.captured(3).startsWith(QStringLiteral("late"))
                    || m.captured(3) == u"mezzanine")
                    st = 3;
                else
                    st = 0; // seed, angel
                const bool nearer = stageAt < 0 || nameAt < 0
                    || std::abs(m.capturedStart() - nameAt) < std::abs(stageAt - nameAt);
                if (nearer) {
                    stage = st;
                    stageAt = m.capturedStart();
                    stageLen = m.capturedLength();
                }
            }
            // "raised $60 million" without a letter: a round of unknown stage.
            static const WordRe bigRaise(QStringLiteral(
                "\\b(rais\\w+|secur\\w+|closed|clos\\w+|lands?|landed|bags?|nets?)\\b[^.]{0,40}"
                "(\\$|€|£|usd|eur)\\s?(\\d+(?:[.,]\\d+)?)\\s?(m|mn|million|b|bn|billion)\\b"));
            const auto big = bigRaise.match(lower);
            if (stage < 0 && !big.hasMatch())
                continue;
            if (!fundingVerb().match(lower).hasMatch())
                continue;
            const qsizetype roundAt = stage >= 0 ? stageAt : big.capturedStart();
            if (!hitCounts(item, s, lower, roundAt, stage >= 0 ? stageLen : big.capturedLength(),
                    {}, t, Speaker::Company))
                continue;
            static const WordRe bonds(QStringLiteral("\\b(bonds?|municipal|notes due)\\b"));
            if ((notEquity().match(lower).hasMatch() && stage <= 0)
                || bonds.match(lower).hasMatch()) {
                t.reject(item.index, s,
                    QStringLiteral("debt, a grant or an acquisition, not an equity round"));
                continue;
            }
            // "Harlow Ventures led the Series B of ...", "we co-led": the company invested.
            static const WordRe ledIt(QStringLiteral(
                "^\\W{0,3}(\\w+ ){0,2}(led|co-led|co-leads|leads|joined|joins|participated|"
                "invested|backed|backs)\\b"));
            static const WordRe weLed(QStringLiteral(
                "\\bwe(('re| are) (thrilled|proud|excited|delighted|happy) to)? (led|co-led|lead|"
                "co-lead|joined|participated|invested|backed)\\b|\\b(led|co-led) by $|"
                "participation (from|of) $|\\bfund (i|ii|iii|iv|v|vi|\\d)\\b|\\b(first|second|"
                "third|fourth|fifth|new|latest) fund\\b|\\b(the firm|we) invests?\\b"));
            const auto named = m_nameRe.match(lower);
            if (weLed.match(lower).hasMatch()
                || (named.hasMatch()
                    && (ledIt.match(lower.mid(named.capturedEnd(2))).hasMatch()
                        || weLed.match(lower.left(named.capturedStart(2))).hasMatch()))) {
                t.reject(item.index, s, QStringLiteral("the company invested in the round"));
                continue;
            }
            if (fundingPlanned().match(lower).hasMatch()) {
                t.reject(item.index, s, modalityToString(Modality::Planned));
                continue;
            }
            if (question.match(lower).hasMatch()) {
                t.reject(item.index, s, QStringLiteral("a question, not a round"));
                continue;
            }
            if (othersRound.match(lower.left(roundAt)).hasMatch()) {
                t.reject(item.index, s, QStringLiteral("another company's round"));
                continue;
            }
            if (stage >= 0 && stage < f.minStage) {
                t.reject(item.index, s, QStringLiteral("an earlier stage than asked for"));
                continue;
            }
            double base = 0.9;
            if (stage < 0) {
                // An unnamed round: large ones are late-stage rounds more often than not.
                double amount = big.captured(3).replace(u',', u'.').toDouble();
                if (big.captured(4).startsWith(u'b'))
                    amount *= 1000.0;
                if (f.minStage >= 2 && amount < 40.0) {
                    t.reject(item.index, s, QStringLiteral("a round of unknown stage"));
                    continue;
                }
                base = f.minStage >= 2 ? 0.55 : 0.8;
            }
            // When: the latest date written in the sentence, or the item's date.
            const QDate written = sentenceDate(lower);
            QDate when = item.date;
            // "kicking off our Series B in Q1 2027", written in 2026: a round ahead.
            if (written.isValid() && when.isValid() && written.year() > when.year()) {
                t.reject(item.index, s, modalityToString(Modality::Planned));
                continue;
            }
            if (written.isValid() && (!when.isValid() || written.year() < when.year()))
                when = written;
            static const WordRe relative(
                QStringLiteral("\\b(last year|(two|three|four|2|3|4) years (ago|after|since)|back "
                               "in|(one|a) year (ago|since|after)|(twelve|12) months (since|after)|"
                               "anniversary)\\b"));
            if (when.isValid() && relative.match(lower).hasMatch())
                when = when.addYears(-1);
            if (f.withinMonths > 0) {
                if (!when.isValid()) {
                    base *= 0.55; // undated: it may be old
                } else if (when.addMonths(f.withinMonths) < m_reference
                    || when > m_reference.addDays(31)) {
                    t.reject(item.index, s,
                        QStringLiteral("outside the %1-month window (%2)")
                            .arg(f.withinMonths)
                            .arg(when.toString(Qt::ISODate)));
                    continue;
                }
            }
            t.add(item.index, s, base * entityFactor(sent.entity),
                QStringLiteral("%1, %2").arg(
                    stage >= 1 ? stageName(stage) : QStringLiteral("a large round"),
                    entityText(sent.entity)));
        }
    }
    return t;
}

Tally Judge::judgeHqLocation(const GoalFacet &f) const
{
    Tally t;
    // "headquartered in Chicago, with offices in Berlin": the place right after the
    // headquarters word decides, not every place in the sentence.
    static const WordRe hq(QStringLiteral(
        "\\b(headquartered|headquarters|head-?quartered|hq|head office|home base|registered "
        "office|main office|based|hauptsitz|firmensitz|unternehmenssitz|stammsitz|sitz|sitzt|"
        "hauptverwaltung|ansässig|domiciled|gevestigd|%1)\\b[\\s:,]*(is |are "
        "|remains? |located |still |(?<with>(and|und|&) [\\w-]+ ))*(in|at|out of|:|im|in "
        "der)?\\s*(the "
        ")?([^\\s,.;()]+( [A-Z]?[^\\s,.;()]+)?)")
                               .arg(seatWords()));
    static const WordRe notHq(QStringLiteral(
        "\\b(office\\w* in|opened|opens|opening|new office|branch|subsidiary|subsidiaries|hub "
        "in|european (hq|headquarters|base)|emea (hq|headquarters)|regional|satellite|"
        "expan\\w+|outpost|warehouse in|depot in|sales office|team in|engineers in|presence in|"
        "also in|niederlassung|tochter\\w*|zweigstelle)\\b"));
    // "Chicago-based", and Dutch "het in Frankfurt gevestigde ...".
    static const WordRe based(
        QStringLiteral("\\b([\\w\\x{00C0}-\\x{017F}]+)-(based|headquartered)\\b|"
                       "\\bin ([\\w\\x{00C0}-\\x{017F}]+) gevestigde?\\b"));
    static const WordRe foreign(QStringLiteral(
        "\\b(swiss|austrian|dutch|french|british|uk|american|us|u\\.s\\.|polish|danish|swedish|"
        "norwegian|finnish|italian|spanish|belgian|czech|irish|canadian|israeli|indian|chinese|"
        "japanese|australian) (operator|company|firm|startup|scale-?up|carrier|forwarder|group|"
        "provider|platform|logistics|freight|business|competitor|rival)\\b"));
    for (const Item &item : m_items) {
        for (int s = 0; s < item.sentences.size(); ++s) {
            const Sentence &sent = item.sentences.at(s);
            const QString &lower = sent.lower;
            if (sent.entity == Entity::Other)
                continue;
            const bool firm = sent.entity == Entity::Own || sent.entity == Entity::Named;
            // How surely a cue ending at `end` speaks of the company.
            auto about = [&sent, &lower](qsizetype end) {
                return sent.entity == Entity::Continuation && inDefiniteSubject(lower, end)
                    ? 1.0
                    : entityFactor(sent.entity);
            };
            const auto h = hq.match(lower);
            // "Chicago-based broker X has opened an office in Hamburg": the words after
            // "-based" are not a place (the pattern for "Chicago-based" reads it below).
            const bool compound = h.hasMatch()
                && (h.captured(1) == u"based" || h.captured(1).startsWith(u"head"))
                && h.capturedStart(1) > 0 && lower.at(h.capturedStart(1) - 1) == u'-';
            if (h.hasMatch() && !compound) {
                // The place named right after the word, up to the end of its phrase: "in
                // Rosenheim in Upper Bavaria, ...". A place the gazetteer does not know is
                // not a place elsewhere: the rest of the sentence may still say where it is.
                static const WordRe phraseEnd(QStringLiteral("[,.;()]|\\b(with|and|but|while)\\b"));
                // A move names the old seat after "from" and the new one after "to".
                static const WordRe moved(QStringLiteral(
                    "^[\\s:,]*(from|von|aus) [^,.;]{1,40}?\\b(to|nach|into|ins|in die|in den)\\b"));
                // "in Venlo, the Netherlands": a country after the comma belongs to the place.
                static const WordRe countryNext(
                    QStringLiteral("^,\\s*(the )?[\\w\\x{00C0}-\\x{017F}-]+( [\\w-]+)?"));
                // "HQ and team in Munich": the place follows what shares the seat.
                QString rest = lower.mid(
                    h.capturedEnd(u"with") > 0 ? h.capturedEnd(u"with") : h.capturedEnd(1));
                if (const auto mv = moved.match(rest); mv.hasMatch())
                    rest = u' ' + rest.mid(mv.capturedEnd());
                const auto end = phraseEnd.match(rest, 1);
                QString place = end.hasMatch() ? rest.left(end.capturedStart()) : rest;
                // "mit Sitz in Wien eröffnet einen Standort in Passau": the first place named
                // is the seat; a later one is what the sentence goes on to tell.
                qsizetype firstEnd = -1, firstStart = place.size();
                for (const WordRe *gazetteer :
                    { &germanPlace(), &europePlace(), &nonEuropePlace() })
                    if (const auto g = gazetteer->match(place);
                        g.hasMatch() && g.capturedStart() < firstStart) {
                        firstStart = g.capturedStart();
                        firstEnd = g.capturedEnd();
                    }
                if (firstEnd >= 0)
                    place = place.left(firstEnd);
                const auto country = end.hasMatch()
                    ? countryNext.match(rest.mid(end.capturedStart()))
                    : QRegularExpressionMatch();
                if (country.hasMatch() && !inRegion(f.value, place)
                    && !placeElsewhere(f.value, place)
                    && (inRegion(f.value, country.captured(0))
                        || placeElsewhere(f.value, country.captured(0))))
                    place += country.captured(0);
                // "Hamburg, New York", "London, Ontario": the state after the comma says
                // which town it is.
                else if (country.hasMatch()
                    && nonEuropePlace().match(country.captured(0)).hasMatch())
                    place = country.captured(0);
                // "plans to relocate its head office to Dresden": not yet.
                if (!hitCounts(item, s, lower, h.capturedStart(1), h.capturedLength(1),
                        { Modality::Planned }, t))
                    continue;
                static const WordRe surelySeat(
                    QStringLiteral("^(headquarter\\w*|\\w*sitz|%1)$").arg(seatWords()));
                const bool office = notHq.match(lower.left(h.capturedStart())).hasMatch()
                    && !surelySeat.match(h.captured(1)).hasMatch();
                if (inRegion(f.value, place) && !office) {
                    t.add(item.index, s, 0.9 * about(h.capturedEnd(1)),
                        QStringLiteral("headquarters, %1").arg(entityText(sent.entity)));
                    continue;
                }
                if (placeElsewhere(f.value, place)) {
                    // "Die Spedition aus Cottbus ...; die Zentrale zieht nach Paris": the seat
                    // said of the company in a later sentence of its item counts as well.
                    if (h.captured(1) != u"based"
                        && (firm || sent.entity == Entity::Continuation))
                        t.oppose(item.index, s, 0.85 * entityFactor(sent.entity),
                            QStringLiteral("headquartered elsewhere"));
                    continue;
                }
                // "Am Hauptsitz in Villingen-Schwenningen": no gazetteer knows every town, and
                // a seat said in German in a town known to lie nowhere else is most likely one
                // in Germany (Vienna, Zurich and the other towns of its neighbours are known).
                static const WordRe germanSeat(QStringLiteral(
                    "^(\\w*sitz|sitzt|hauptverwaltung|\\w*zentrale|hauptquartier)$"));
                static const WordRe townFirst(QStringLiteral(
                    "^[\\s:]*((in|im|am|an|bei|zu) )?(?!(der|die|das|dem|den|des|einer?|einem|"
                    "unser\\w*|ihr\\w*|seine\\w*|diese\\w*|nähe|herzen|zentrum|mitte|süden|"
                    "norden|osten|westen)\\b)[\\w\\x{00C0}-\\x{017F}]{3,}"));
                if (f.value == u"Germany" && germanSeat.match(h.captured(1)).hasMatch()
                    && !office && townFirst.match(place).hasMatch()) {
                    t.add(item.index, s, 0.6 * entityFactor(sent.entity),
                        QStringLiteral("seat in a town said in German, %1")
                            .arg(entityText(sent.entity)));
                    continue;
                }
            }
            // "Standort: Würzburg (Hauptsitz)": the headquarters word after the place.
            static const WordRe seatAfter(
                QStringLiteral("([\\w\\x{00C0}-\\x{017F}-]+)\\s*(\\((hauptsitz|firmensitz|zentrale|"
                               "headquarters|hq|"
                               "head office)\\)|(hq|headquarters)\\b(?! (in|at|of)\\b))|\\b(in|at) "
                               "([\\w\\x{00C0}-\\x{017F}-]+),? where ([\\w']+ "
                               "){0,4}(headquarter\\w*|hq|head office)\\b"));
            if (const auto a = seatAfter.match(lower); a.hasMatch()) {
                const QString seat = a.captured(1).isEmpty() ? a.captured(7) : a.captured(1);
                if (inRegion(f.value, seat)) {
                    t.add(item.index, s, 0.9 * entityFactor(sent.entity),
                        QStringLiteral("headquarters, %1").arg(entityText(sent.entity)));
                    continue;
                }
                if (placeElsewhere(f.value, seat) && firm) {
                    t.oppose(item.index, s, 0.85, QStringLiteral("headquartered elsewhere"));
                    continue;
                }
            }
            const auto b = based.match(lower);
            const QString basedIn = b.captured(1).isEmpty() ? b.captured(3) : b.captured(1);
            if (b.hasMatch()) {
                if (inRegion(f.value, basedIn)) {
                    t.add(item.index, s, 0.85 * about(b.capturedEnd()),
                        QStringLiteral("based there, %1").arg(entityText(sent.entity)));
                    continue;
                }
                if (firm
                    && (nonEuropePlace().match(basedIn).hasMatch()
                        || europePlace().match(basedIn).hasMatch())) {
                    t.oppose(item.index, s, 0.6, QStringLiteral("based elsewhere"));
                    continue;
                }
            }
            if (foreign.match(lower).hasMatch() && firm) {
                t.oppose(item.index, s, 0.6, QStringLiteral("a company of another country"));
                continue;
            }
            // An imprint's address or register entry: a German postcode after a street or a
            // legal form, a local court's commercial register. Germany's neighbours write
            // four-digit postcodes and keep other registers, so no gazetteer is needed.
            static const WordRe imprint(QStringLiteral(
                "(\\b(gmbh|mbh|ag|kg|kgaa|ug|ohg|se|e\\.\\s?k\\.?)\\b|[\\w\\x{00C0}-\\x{017F}]"
                "(straße|strasse|str\\.|weg|allee|platz|ring|damm|gasse|ufer|chaussee|kai|"
                "markt)\\s+\\d+\\s?[a-z]?\\b)[^.;]{0,80}?(\\bd-)?\\b\\d{5}\\s+\\p{L}|"
                "\\b(amtsgericht|registergericht)\\b[^.;]{0,40}\\bhr[ab]\\b|\\bhr[ab]\\s?\\d{3,}"));
            if (f.value == u"Germany" && firm && imprint.match(lower).hasMatch()
                && !placeElsewhere(f.value, lower)) {
                t.add(item.index, s, 0.8, QStringLiteral("a German imprint address or register"));
                continue;
            }
            if (!inRegion(f.value, lower))
                continue;
            if (notHq.match(lower).hasMatch()) {
                t.reject(item.index, s, QStringLiteral("an office there, not the headquarters"));
                continue;
            }
            // "a German freight forwarder", an address line, a legal form.
            static const WordRe adjective(QStringLiteral(
                "\\b(german|germany's|deutsche[rns]?|duitse|allemande?|alemana?|tedesc[ao]) "
                "[\\w -]{0,30}(company|startup|firm|forwarder|carrier|provider|operator|group|"
                "logistics|platform|scale-?up|leader|player|specialist|unternehmen|spedition|"
                "dienst|"
                "anbieter|\\w*expediteur|\\w*vervoerder|\\w*transporteur|bedrijf)\\b|\\b\\d{5} "
                "[a-zäöüß]+\\b|\\bgmbh\\b|\\b(ug|ag|se|kg)\\b|\\b(ist|sind|is|are) "
                "(die|der|das|ein|"
                "eine|a|an|the) [\\w\\s-]{0,40}\\b(aus|from) \\w+"));
            // "Die Nürnberger Frachtbörse", "der Spediteur aus Kiel".
            static const WordRe townAdjective(
                QStringLiteral("\\b(der|die|das|des|dem|den|ihre?|unsere?|eine?|het|de|een) ((%1) "
                               "[\\w-]+|([\\w-]+ ){1,3}(aus|uit) \\w+)|^\\W*[\\w-]+ (aus|uit) \\w+")
                    .arg(germanCityAdjectives()));
            const auto local = adjective.match(lower);
            // "Software aus Winterthur für Speditionen in der DACH-Region": the town it is
            // from decides, not another place of the sentence.
            const auto town = townAdjective.match(lower);
            const bool townHere
                = town.hasMatch() && !placeElsewhere(f.value, town.captured(0).section(u' ', -1));
            const bool strong = local.hasMatch() || townHere;
            const double said = strong
                ? about(std::max(local.hasMatch() ? local.capturedEnd() : 0,
                      town.hasMatch() ? town.capturedEnd() : 0))
                : entityFactor(sent.entity);
            t.add(item.index, s, (strong ? 0.7 : 0.35) * said,
                QStringLiteral("%1, %2").arg(strong ? QStringLiteral("described as local")
                                                    : QStringLiteral("place mentioned"),
                    entityText(sent.entity)));
        }
    }
    // The country's own domain. Its height was learned across the writers' sets, leaving each
    // writer out in turn (docs/bench-analysis.md, "Learned cues (session 9)"): the
    // strongest single hint of the seat short of a headquarters sentence, though not a match
    // alone; one more local hint must agree.
    if (!m_items.isEmpty() && onCountryDomain(f.value, m_domain))
        t.add(-1, -1, 0.6, QStringLiteral("the country's own domain"));
    // The company writing its own pages in German: a hint of its own, as an analyst reads it.
    if (f.value == u"Germany") {
        static const WordRe germanWords(QStringLiteral(
            "\\b(der|die|das|und|wir|unsere?|für|mit|ist|sind|bei|auf|von|zum|zur|ihre?)\\b"));
        for (const Item &item : m_items) {
            if (!item.ownVoice)
                continue;
            QSet<QString> seen;
            for (auto it = germanWords.globalMatch(item.text.toLower()); it.hasNext();)
                seen.insert(it.next().captured(1));
            if (seen.size() >= 4) {
                t.add(item.index, 0, 0.35, QStringLiteral("its own pages are in German"));
                break;
            }
        }
    }
    return t;
}

Tally Judge::judgeSize(const GoalFacet &f) const
{
    Tally t;
    static const WordRe people(QStringLiteral(
        "\\b(\\d[\\d,.]*)\\s*\\+?\\s*(k\\s)?(employees|people|staff|team members|colleagues|"
        "mitarbeiter)\\b|\\bteam of (\\d[\\d,]*)\\b"));
    for (const Item &item : m_items) {
        for (int s = 0; s < item.sentences.size(); ++s) {
            const Sentence &sent = item.sentences.at(s);
            const auto m = people.match(sent.lower);
            if (!m.hasMatch() || sent.entity == Entity::Other || sent.entity == Entity::Unknown)
                continue;
            QString digits = m.captured(1).isEmpty() ? m.captured(4) : m.captured(1);
            digits.remove(u',');
            int n = int(digits.toDouble() * (m.captured(2).isEmpty() ? 1 : 1000));
            const bool fits = n >= f.minEmployees && (f.maxEmployees == 0 || n <= f.maxEmployees);
            if (fits)
                t.add(item.index, s, 0.85, QStringLiteral("%1 people").arg(n));
            else
                t.oppose(item.index, s, 0.9, QStringLiteral("%1 people").arg(n));
        }
    }
    return t;
}

// The stretch of a listing around the role it names, up to the next "..." or bar.
QString roleStretch(const QString &lower, const QRegularExpression &role)
{
    const auto m = role.match(lower);
    if (!m.hasMatch())
        return lower;
    static const WordRe cut(QStringLiteral("\\.\\.\\.|…|\\||·|•"));
    qsizetype from = 0;
    qsizetype to = lower.size();
    for (auto it = cut.globalMatch(lower); it.hasNext();) {
        const auto c = it.next();
        if (c.capturedEnd() <= m.capturedStart())
            from = c.capturedEnd();
        else if (c.capturedStart() >= m.capturedEnd()) {
            to = c.capturedStart();
            break;
        }
    }
    return lower.mid(from, to - from);
}

// "BDR, European Accounts", "prospecting into US companies", "during EU morning hours",
// "SDR, North America (Amsterdam-based)": where the role sells or keeps its hours, not where
// it sits.
QString withoutTerritories(QString lower)
{
    static const WordRe territory(QStringLiteral(
        "\\b(european|europe|emea|dach|nordics?|benelux|uk|us|u\\.s\\.|north american?|americas?|"
        "latam|apac|german|french|spanish|dutch|eu|global) ([\\w-]+ )?(accounts|customers|"
        "clients|markets?|territor(y|ies)|brands|companies|prospects|enterprises?|region|"
        "mid-market|smbs?|morning hours|business hours|working hours|hours|time ?zones?)\\b|"
        "\\b(prospect\\w*|sell|sells|selling|outbound|calling|covering|cover) (in|into|to|across) "
        "(the )?[\\w .-]{0,20}?\\b(companies|accounts|customers|markets?|brands|businesses)\\b|"
        "^[^,(|]*\\b(sdrs?|bdrs?|representatives?|reps?)\\s*,\\s*(north america|americas|latam|"
        "apac|emea|europe|dach|nordics|us|uk)\\b"));
    return lower.replace(territory, QStringLiteral(" "));
}

// Whether the company's own words put its offices in `region` and nowhere else.
bool Judge::officesOnlyIn(const QString &region) const
{
    static const WordRe office(QStringLiteral(
        "\\b(office|offices|headquarter\\w*|hq|based|sitz|standort|kontor|bureaux?|sede|"
        "escritório|escritorio|oficina)\\b"));
    bool in = false;
    for (const Item &item : m_items) {
        if (item.posting)
            continue;
        for (const Sentence &sent : item.sentences) {
            if (sent.entity != Entity::Own && sent.entity != Entity::Named)
                continue;
            if (!office.match(sent.lower).hasMatch())
                continue;
            if (nonEuropePlace().match(sent.lower).hasMatch())
                return false;
            in = in || inRegion(region, sent.lower);
        }
    }
    return in;
}

QList<FacetVerdict> Judge::judgeHiring(
    const GoalFacet &roleFacet, const QList<GoalFacet> &scoped) const
{
    const RoleLexicon &lex = roleLexicon(roleFacet.value);
    Tally roles;
    QHash<int, Tally> scopedTallies; // index into scoped
    // Company-wide use of a role's technology counts for the role: the posting may not repeat
    // the stack the company writes about on its blog.
    QHash<int, FacetVerdict> companyWide;
    for (int k = 0; k < scoped.size(); ++k)
        if (scoped.at(k).kind == FacetKind::Technology)
            companyWide.insert(k, summarise(scoped.at(k), judgeTechnology(scoped.at(k)), m_items));

    for (const Item &item : m_items) {
        // The role: in a posting's title, or said by the company ("we're hiring SDRs").
        const QString lowerText = item.text.toLower();
        const bool titleRole = lex.role.match(item.titleLower).hasMatch()
            && !lex.notRole.match(item.titleLower).hasMatch();
        int roleSentence = -1;
        for (int s = 0; s < item.sentences.size() && roleSentence < 0; ++s)
            if (lex.role.match(item.sentences.at(s).lower).hasMatch()
                && !lex.notRole.match(item.sentences.at(s).lower).hasMatch())
                roleSentence = s;
        if (!titleRole && roleSentence < 0)
            continue;
        if (roleSentence < 0)
            roleSentence = 0;
        const Sentence &sent = item.sentences.at(roleSentence);
        // A namesake's or an agency's posting is someone else's role throughout.
        const int whose = item.sentences.first().entity == Entity::Other ? 0 : roleSentence;
        if (!hitCounts(item, whose, sent.lower, 0, 0, {}, roles))
            continue;
        static const WordRe hiringWords(QStringLiteral(
            "\\b(hiring|join|apply|we're looking|we are looking|looking for|open "
            "(roles?|positions?)|"
            "seeking|wanted|vacanc\\w*|you will|you'll|responsibilities|requirements|what you|"
            "about the role|the role|job|position|full-time|part-time|permanent|recherchons|"
            "procuramos|%1|"
            // What a posting says of its contract in other languages: permanent, full time.
            "cdi|cdd|à pourvoir|a pourvoir|tempo indeterminato|contratto|festanstellung|"
            "unbefristet|vollzeit|teilzeit|tillsvidareanställning|heltid|fastansättning|"
            "contrato|jornada completa|vaga|vacature|umowa|etat)\\b")
                                            .arg(hiringNow()));
        const bool isPosting = item.posting && titleRole;
        // The company's own careers page lists the roles it has open, under whatever title
        // ("Careers at Acme", "Trabaja con nosotros").
        static const WordRe careersTitle(QStringLiteral(
            "\\b(careers?|jobs|join|open (roles|positions)|work (with|at)|trabaja|karriere|"
            "vacatures|werken bij|emplois|carri[eè]res|kariera|praca|lavora)\\b"));
        const bool ownCareers = item.posting && item.ownVoice && !titleRole
            && careersTitle.match(item.titleLower).hasMatch();
        if (!isPosting && !ownCareers && !hiringWords.match(lowerText).hasMatch())
            continue;
        if (postingClosed().match(lowerText).hasMatch()) {
            roles.reject(item.index, roleSentence, QStringLiteral("closed or future role"));
            continue;
        }
        if (item.date.isValid() && item.date.addMonths(6) < m_reference) {
            roles.reject(item.index, roleSentence, QStringLiteral("an old posting"));
            continue;
        }
        static const WordRe openRoles(QStringLiteral(
            "\\b(open roles?|open positions?|openings|we're hiring|we are hiring|now hiring|is "
            "hiring|are hiring|join us as|join our team as|currently hiring|hiring for|job "
            "openings|vacancies|who's hiring|who is hiring|apply|%1)\\b")
                                          .arg(hiringNow()));
        const bool saysHiring = openRoles.match(lowerText).hasMatch();
        double strength = (isPosting ? 0.92 : (titleRole || saysHiring || ownCareers ? 0.8 : 0.6))
            * entityFactor(sent.entity);
        // Every role-scoped facet must hold in this posting (or, for a technology, company-wide).
        bool all = true;
        for (int k = 0; k < scoped.size(); ++k) {
            const GoalFacet &f = scoped.at(k);
            if (f.kind == FacetKind::Technology) {
                const Tally inPosting = judgeTechnology(f, { item.index });
                const FacetVerdict v = summarise(f, inPosting, m_items);
                const FacetVerdict &wide = companyWide.value(k);
                const double s
                    = std::max(v.strength > 0.0 ? std::max(v.strength, 0.8) : 0.0, wide.strength);
                if (s < 0.5) {
                    all = false;
                    if (!inPosting.rejected.isEmpty())
                        scopedTallies[k].reject(item.index, inPosting.rejected.first().sentence,
                            inPosting.rejected.first().reason);
                    continue;
                }
                if (v.strength >= wide.strength && !inPosting.support.isEmpty())
                    scopedTallies[k].add(item.index, inPosting.support.first().sentence, s,
                        QStringLiteral("asked for in the posting"));
                else if (!wide.evidence.isEmpty())
                    scopedTallies[k].add(
                        wide.evidence.first(), 0, s, QStringLiteral("used by the company"));
                strength = std::min(strength, std::max(s, 0.75));
            } else if (f.kind == FacetKind::Location) {
                // Where the role is: a "Location:" line, the title, then anywhere in the posting.
                static const WordRe locLine(
                    QStringLiteral("\\b(location|based in|based out "
                                   "of|office|remote|hybrid|on-?site|standort|arbeitsort|sede|"
                                   "escritório|oficina|bureaux?|lieu|kontor)\\b[^.]{0,60}"));
                // The seat said before its word: "work from our Lisbon office".
                static const WordRe seatBefore(QStringLiteral(
                    "\\b(from|in|at) (our|the|its) ([\\w-]+ ){1,2}(office|hq|headquarters)\\b"));
                const QString placeText = withoutTerritories(lowerText);
                const QString placeTitle = withoutTerritories(item.titleLower);
                // A "based in" line decides before the title: "SDR – EMEA, based in Dubai".
                QString lines;
                for (auto it = locLine.globalMatch(placeText); it.hasNext();)
                    lines += u' ' + it.next().captured(0);
                for (auto it = seatBefore.globalMatch(placeText); it.hasNext();)
                    lines += u' ' + it.next().captured(0);
                bool in = inRegion(f.value, lines);
                bool out = nonEuropePlace().match(lines).hasMatch();
                if (!in && !out) {
                    in = inRegion(f.value, placeTitle);
                    out = nonEuropePlace().match(placeTitle).hasMatch();
                }
                if (!in && !out) {
                    in = inRegion(f.value, placeText);
                    out = nonEuropePlace().match(placeText).hasMatch();
                }
                // "SDR - London | Account Executive - New York": a list of roles says each
                // role's place next to it. A territory ("SDR, EMEA") is not a seat.
                if (out && inRegion(f.value, lowerText)) {
                    static const WordRe territory(QStringLiteral(
                        "\\b(europe|european|europa|eu|emea|dach|nordics?|benelux|cet|cest)\\b"));
                    const QString own
                        = roleStretch(sent.lower, lex.role).replace(territory, QStringLiteral(" "));
                    if (inRegion(f.value, own) && !nonEuropePlace().match(own).hasMatch()) {
                        in = true;
                        out = false;
                    }
                }
                // "Remote (Europe)" is in; "remote, anywhere" and a US city are not.
                if (in && !out) {
                    scopedTallies[k].add(
                        item.index, roleSentence, 0.9, QStringLiteral("the role is there"));
                } else if (!out && officesOnlyIn(f.value)) {
                    // A posting that names no place is at the company's office.
                    scopedTallies[k].add(item.index, roleSentence, 0.8,
                        QStringLiteral("the company's office is there"));
                } else {
                    all = false;
                    scopedTallies[k].reject(item.index, roleSentence,
                        out ? QStringLiteral("the role is elsewhere")
                            : QStringLiteral("no location given"));
                }
            }
        }
        if (!all) {
            roles.reject(item.index, roleSentence,
                QStringLiteral("the role does not fit the rest of the goal"));
            continue;
        }
        roles.add(item.index, roleSentence, strength,
            QStringLiteral("%1, %2").arg(
                isPosting ? QStringLiteral("open posting") : QStringLiteral("hiring said"),
                entityText(sent.entity)));
    }
    QList<FacetVerdict> out;
    FacetVerdict rv = summarise(roleFacet, roles, m_items);
    out << rv;
    for (int k = 0; k < scoped.size(); ++k) {
        FacetVerdict v = summarise(scoped.at(k), scopedTallies.value(k), m_items);
        // Scoped facets hold exactly as far as a fitting role was found.
        v.strength = rv.strength > 0.0 ? std::min(v.strength, 1.0) : 0.0;
        out << v;
    }
    return out;
}

ProfileReading Judge::readProfile(const GoalFacet &f) const
{
    const bool segment = f.kind == FacetKind::CustomerSegment && f.value == u"healthcare";
    const bool software = f.kind == FacetKind::BusinessModel && f.value == u"b2b_saas";
    const bool marketplace = f.kind == FacetKind::BusinessModel && f.value == u"marketplace";
    if (!segment && !software && !marketplace)
        return {};
    QList<ProfileItem> items;
    for (const Item &item : m_items) {
        ProfileItem p;
        p.index = item.index;
        const QUrl url(item.evidence->url);
        p.source = url.host().isEmpty() ? item.evidence->sourceName : registrableLabel(url.host());
        p.titleLower = item.titleLower;
        p.pathLower = url.path().toLower();
        p.posting = item.posting;
        p.own = item.ownVoice;
        for (int s = 0; s < item.sentences.size(); ++s) {
            const Sentence &sent = item.sentences.at(s);
            if (sent.entity == Entity::Other)
                continue;
            p.sentences << ProfileSentence { withoutName(sent.lower), entityFactor(sent.entity),
                sent.entity == Entity::Own || sent.entity == Entity::Named };
            p.sentenceIndexes << s;
        }
        items << p;
    }
    if (marketplace)
        return readMarketplace(items);
    return segment ? readHealthBuyers(items) : readSoftwareVendor(items);
}

// The company read as a whole may show what no single sentence says in a known formula: the
// stronger of the two readings decides, citing its cues. What the whole says against it
// ("designs and manufactures infusion pumps") weighs on both.
void Judge::adoptProfile(FacetVerdict &v) const
{
    const ProfileReading r = readProfile(v.facet);
    v.profileAgainst = r.against.strength;
    if (r.against.strength > 0.0) {
        const double weakened = v.strength * (1.0 - 0.8 * r.against.strength);
        if (weakened < v.strength && (v.rejectedQuote.isEmpty() || v.strength >= 0.7)) {
            v.rejectedEvidence = { r.against.item };
            v.rejectedQuote = quoteOf(m_items, r.against.item, r.against.sentence);
            v.rejectedReason = r.against.reason;
        }
        v.strength = weakened;
    }
    if (r.support.isEmpty() || r.strength <= v.strength)
        return;
    v.strength = r.strength;
    v.profile = r.strength;
    v.evidence.clear();
    QStringList why;
    for (const ProfileCue &c : r.support) {
        if (!v.evidence.contains(c.item))
            v.evidence << c.item;
        why << c.reason;
    }
    v.quote = quoteOf(m_items, r.support.first().item, r.support.first().sentence);
    v.reason = QStringLiteral("the company as a whole: %1").arg(why.join(QStringLiteral(", ")));
    if (r.against.strength > 0.0) {
        v.rejectedEvidence = { r.against.item };
        v.rejectedQuote = quoteOf(m_items, r.against.item, r.against.sentence);
        v.rejectedReason = r.against.reason;
    }
}

int Judge::sourcesOf(const QList<int> &evidence) const
{
    QSet<QString> sources;
    for (int i : evidence) {
        const Evidence &e = *m_items.at(i).evidence;
        const QString host = QUrl(e.url).host();
        sources.insert(host.isEmpty() ? e.sourceName : registrableLabel(host));
    }
    return int(sources.size());
}

// The words of the whole evidence, read by the models learned from the writers' labelled
// companies (TokenModel): one more weak cue for each facet a model speaks for. Its height keeps
// it from deciding alone: a facet reaches a match only with a reading's support as well.
void Judge::addLearnedCues(QList<FacetVerdict> &verdicts) const
{
    constexpr double kLearnedHeight = 0.5;
    QSet<QString> words;
    for (const TokenModel &model : m_models) {
        if (!model.serves(m_goal))
            continue;
        if (words.isEmpty())
            words = TokenModel::words(m_input.evidence);
        const double cue = kLearnedHeight * model.probability(words);
        if (cue < 0.05) // words unlike the companies that fit say nothing either way
            continue;
        for (FacetVerdict &v : verdicts) {
            const bool served = std::any_of(model.facets().cbegin(), model.facets().cend(),
                [&v](const GoalFacet &f) { return f.kind == v.facet.kind && f.value == v.facet.value; });
            // Words cannot tell "we sold the clinic business" from a clinic business: where a
            // reading refused a sentence or the company spoke against the facet, they add nothing.
            if (!served || !v.judged || v.against > 0.0 || v.profileAgainst > 0.0
                || !v.rejectedReason.isEmpty())
                continue;
            v.learned = std::max(v.learned, cue);
            v.strength = noisyOr({ v.strength, cue });
            // The verdict says what it rests on, the learned part included.
            const QString words = QStringLiteral("its words read like the companies that fit "
                                                 "(learned, %1%)")
                                      .arg(qRound(cue * 100));
            v.reason = v.reason.isEmpty() ? words : v.reason + QStringLiteral("; ") + words;
        }
    }
}

FacetJudgement Judge::run()
{
    FacetJudgement j;
    const bool hiring = m_goal.has(FacetKind::HiringRole);
    QList<GoalFacet> scoped;
    for (const GoalFacet &f : m_goal.facets)
        if (hiring && f.roleScope
            && (f.kind == FacetKind::Technology || f.kind == FacetKind::Location))
            scoped << f;
    for (const GoalFacet &f : m_goal.facets) {
        if (hiring && scoped.contains(f))
            continue;
        switch (f.kind) {
        case FacetKind::Technology:
            j.verdicts << summarise(f, judgeTechnology(f), m_items);
            break;
        case FacetKind::Industry:
            j.verdicts << summarise(f, judgeIndustry(f), m_items);
            break;
        case FacetKind::CustomerSegment:
            j.verdicts << summarise(f, judgeSegment(f), m_items);
            adoptProfile(j.verdicts.last());
            break;
        case FacetKind::BusinessModel:
            j.verdicts << summarise(f, judgeModel(f), m_items);
            adoptProfile(j.verdicts.last());
            break;
        case FacetKind::Funding:
            j.verdicts << summarise(f, judgeFunding(f), m_items);
            break;
        case FacetKind::Location:
            j.verdicts << summarise(f, judgeHqLocation(f), m_items);
            break;
        case FacetKind::Size: {
            FacetVerdict v = summarise(f, judgeSize(f), m_items);
            v.judged = !v.evidence.isEmpty() || v.against > 0.0;
            j.verdicts << v;
            break;
        }
        case FacetKind::HiringRole:
            j.verdicts << judgeHiring(f, scoped);
            break;
        }
    }
    addLearnedCues(j.verdicts);
    // A goal is the conjunction of its facets: the weakest one decides.
    double confidence = 1.0;
    int counted = 0;
    for (FacetVerdict &v : j.verdicts) {
        v.sources = sourcesOf(v.evidence);
        if (!v.judged)
            continue;
        confidence = std::min(confidence, v.strength);
        ++counted;
    }
    j.confidence = counted > 0 ? confidence : 0.0;

    // The technologies the company itself shows, whatever the goal.
    QHash<int, int> seen;
    for (const Item &item : std::as_const(m_items)) {
        for (const TermHit &h : item.techHits) {
            const Entity e
                = item.sentences.at(item.sentenceAt(item.tokens.at(h.firstToken).start)).entity;
            if (!h.negated && (e == Entity::Own || e == Entity::Named))
                seen[h.id] += 1;
        }
    }
    QList<int> ids = seen.keys();
    std::sort(ids.begin(), ids.end(), [&seen](int a, int b) {
        return seen.value(a) != seen.value(b) ? seen.value(a) > seen.value(b) : a < b;
    });
    for (int id : std::as_const(ids).mid(0, 20))
        j.technologies << m_dict.technologies().at(id).name;
    return j;
}

} // namespace

QString modalityToString(Modality modality)
{
    switch (modality) {
    case Modality::Current:
        return QStringLiteral("current");
    case Modality::Planned:
        return QStringLiteral("planned");
    case Modality::Evaluated:
        return QStringLiteral("evaluated or trial only");
    case Modality::Past:
        return QStringLiteral("past use");
    case Modality::Option:
        return QStringLiteral("one option among several");
    case Modality::Offered:
        return QStringLiteral("offered to customers or an integration");
    case Modality::SomeoneElse:
        return QStringLiteral("about someone else");
    case Modality::Negated:
        return QStringLiteral("negated");
    }
    return {};
}

FacetJudgement judgeFacets(const TechDictionary &dictionary, const GoalModel &goal,
    const AnalysisInput &input, QDate reference, const QList<TokenModel> &models)
{
    return Judge(dictionary, goal, input, reference, models).run();
}

} // namespace gtm
