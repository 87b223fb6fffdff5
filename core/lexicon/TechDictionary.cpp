#include "TechDictionary.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <utility>

// A resource in a static library is only linked in when something asks for it by name.
static void initLexiconResources()
{
    Q_INIT_RESOURCE(lexicon);
}

namespace gtm {

namespace {

QStringList toStringList(const QJsonValue &v)
{
    QStringList out;
    for (const QJsonValue &x : v.toArray())
        out << x.toString();
    return out;
}

// Words that, next to "Go", "React" or "Spark", show the technology is meant.
const QSet<QString> &technicalContext()
{
    static const QSet<QString> words {
        QStringLiteral("developer"),
        QStringLiteral("developers"),
        QStringLiteral("engineer"),
        QStringLiteral("engineers"),
        QStringLiteral("engineering"),
        QStringLiteral("programmer"),
        QStringLiteral("programmers"),
        QStringLiteral("programming"),
        QStringLiteral("language"),
        QStringLiteral("languages"),
        QStringLiteral("code"),
        QStringLiteral("codebase"),
        QStringLiteral("written"),
        QStringLiteral("rewrote"),
        QStringLiteral("rewritten"),
        QStringLiteral("ported"),
        QStringLiteral("services"),
        QStringLiteral("microservices"),
        QStringLiteral("microservice"),
        QStringLiteral("backend"),
        QStringLiteral("frontend"),
        QStringLiteral("fullstack"),
        QStringLiteral("stack"),
        QStringLiteral("framework"),
        QStringLiteral("library"),
        QStringLiteral("libraries"),
        QStringLiteral("sdk"),
        QStringLiteral("api"),
        QStringLiteral("apis"),
        QStringLiteral("experience"),
        QStringLiteral("proficiency"),
        QStringLiteral("proficient"),
        QStringLiteral("expertise"),
        QStringLiteral("skills"),
        QStringLiteral("modules"),
        QStringLiteral("compiler"),
        QStringLiteral("binaries"),
        QStringLiteral("idiomatic"),
        QStringLiteral("senior"),
        QStringLiteral("staff"),
        QStringLiteral("tooling"),
        QStringLiteral("devs"),
        QStringLiteral("write"),
        QStringLiteral("writes"),
        QStringLiteral("writing"),
        QStringLiteral("pipelines"),
        QStringLiteral("tools"),
        QStringLiteral("systems"),
    };
    return words;
}

// After an ambiguous word these make it the verb or phrase: "react to", "go ahead".
const QSet<QString> &verbFollowers()
{
    static const QSet<QString> words { QStringLiteral("to"), QStringLiteral("ahead"),
        QStringLiteral("live"), QStringLiteral("back"), QStringLiteral("out"),
        QStringLiteral("away"), QStringLiteral("up"), QStringLiteral("beyond"),
        QStringLiteral("further"), QStringLiteral("quickly"), QStringLiteral("belt"),
        QStringLiteral("capital"), QStringLiteral("joy"), QStringLiteral("through") };
    return words;
}

const QSet<QString> &verbLeaders()
{
    static const QSet<QString> words {
        QStringLiteral("to"),
        QStringLiteral("will"),
        QStringLiteral("would"),
        QStringLiteral("let"),
        QStringLiteral("lets"),
        QStringLiteral("can"),
        QStringLiteral("could"),
        QStringLiteral("should"),
        QStringLiteral("must"),
        QStringLiteral("we"),
        QStringLiteral("you"),
        QStringLiteral("they"),
        QStringLiteral("i"),
        QStringLiteral("ready"),
        QStringLiteral("series"),
        QStringLiteral("of"),
    };
    return words;
}

bool isVersion(const QString &word)
{
    return !word.isEmpty() && word.at(0).isDigit();
}

bool wordsAt(const QList<TextToken> &tokens, int at, const QStringList &words)
{
    if (at < 0 || at + words.size() > tokens.size())
        return false;
    for (int k = 0; k < words.size(); ++k)
        if (tokens.at(at + k).lower != words.at(k))
            return false;
    return true;
}

struct Cue
{
    QStringList words;
};

QList<QStringList> phraseList(std::initializer_list<const char16_t *> phrases)
{
    QList<QStringList> out;
    for (const char16_t *p : phrases)
        out << phraseWords(QString::fromUtf16(p));
    return out;
}

// Phrases before a technology that say the company does not (or no longer) use it.
const QList<QStringList> &negatingLeaders()
{
    static const QList<QStringList> cues = phraseList({
        u"moved off",
        u"moving off",
        u"move off",
        u"moved away from",
        u"moving away from",
        u"migrated away from",
        u"migrating away from",
        u"migrated off",
        u"migrating off",
        u"migrated from",
        u"migrating from",
        u"migration from",
        u"switched from",
        u"switching from",
        u"moved from",
        u"moving from",
        u"transitioned from",
        u"away from",
        u"off of",
        u"no longer",
        u"no longer use",
        u"no longer uses",
        u"no longer using",
        u"no longer run",
        u"no longer runs",
        u"no longer running",
        u"stopped using",
        u"stop using",
        u"replaced",
        u"replacing",
        u"deprecated",
        u"deprecating",
        u"sunset",
        u"sunsetting",
        u"sunsetted",
        u"retired",
        u"retiring",
        u"ditched",
        u"dropped",
        u"abandoned",
        u"phased out",
        u"phasing out",
        u"got rid of",
        u"getting rid of",
        u"without",
        u"instead of",
        u"rather than",
        u"don't use",
        u"do not use",
        u"never used",
        u"not using",
        u"doesn't use",
        u"does not use",
        u"didn't use",
        u"don't run",
        u"do not run",
        u"decommissioned",
        u"ripped out",
        u"outgrew",
        u"not on",
        u"left",
        u"leaving",
        u"quit",
        u"no",
        u"not",
        // Not (yet) in use: a plan or an evaluation is not adoption.
        u"considering",
        u"evaluating",
        u"evaluated",
        u"exploring",
        u"plan to",
        u"planning to",
        u"plans to",
        u"thinking about",
        u"might adopt",
        u"may adopt",
    });
    return cues;
}

// Phrases after a technology that negate it: "Kubernetes was deprecated".
const QList<QStringList> &negatingFollowers()
{
    static const QList<QStringList> cues = [] {
        QList<QStringList> out;
        const QStringList aux { QStringLiteral("was"), QStringLiteral("were"),
            QStringLiteral("been"), QStringLiteral("is"), QStringLiteral("are"),
            QStringLiteral("being"), QStringLiteral("got") };
        const QStringList verbs { QStringLiteral("replaced"), QStringLiteral("deprecated"),
            QStringLiteral("retired"), QStringLiteral("removed"), QStringLiteral("decommissioned"),
            QStringLiteral("sunset"), QStringLiteral("sunsetted"), QStringLiteral("dropped"),
            QStringLiteral("abandoned"), QStringLiteral("phased"), QStringLiteral("ripped"),
            QStringLiteral("shut") };
        for (const QString &a : aux)
            for (const QString &v : verbs)
                out << QStringList { a, v };
        out << phraseWords(QStringLiteral("no longer")) << phraseWords(QStringLiteral("is gone"))
            << phraseWords(QStringLiteral("are gone"));
        return out;
    }();
    return cues;
}

// A negation's reach ends where the sentence turns to what replaced the thing:
// "migrated from Heroku to Kubernetes", "replaced Jenkins with GitHub Actions".
bool breaksScope(const QList<TextToken> &tokens, int at)
{
    static const QSet<QString> breakers {
        QStringLiteral("with"),
        QStringLiteral("to"),
        QStringLiteral("into"),
        QStringLiteral("onto"),
        QStringLiteral("for"),
        QStringLiteral("by"),
        QStringLiteral("but"),
        QStringLiteral("now"),
        QStringLiteral("towards"),
        QStringLiteral("toward"),
        QStringLiteral("because"),
        QStringLiteral("since"),
        QStringLiteral("while"),
        QStringLiteral("whereas"),
        QStringLiteral("which"),
        QStringLiteral("favor"),
        QStringLiteral("favour"),
        QStringLiteral("uses"),
        QStringLiteral("use"),
        QStringLiteral("using"),
        QStringLiteral("runs"),
        QStringLiteral("adopted"),
        QStringLiteral("chose"),
        QStringLiteral("built"),
    };
    return breakers.contains(tokens.at(at).lower);
}

} // namespace

void PhraseMatcher::add(const QString &phrase, int id, bool exactCase)
{
    const QList<TextToken> tokens = tokenize(phrase);
    if (tokens.isEmpty())
        return;
    Entry e;
    for (const TextToken &t : tokens)
        e.words << (exactCase ? t.text : t.lower);
    e.id = id;
    e.exactCase = exactCase;
    m_byFirstWord[tokens.first().lower].append(e);
}

QList<TermHit> PhraseMatcher::find(const QList<TextToken> &tokens, bool consume) const
{
    if (!consume) {
        QList<TermHit> all;
        QHash<int, int> coveredUntil; // id -> last token already reported for it
        for (int i = 0; i < tokens.size(); ++i) {
            const auto it = m_byFirstWord.constFind(tokens.at(i).lower);
            if (it == m_byFirstWord.constEnd())
                continue;
            QHash<int, int> longest;
            for (const Entry &e : *it) {
                const int len = int(e.words.size());
                if (i + len > tokens.size())
                    continue;
                bool match = true;
                for (int k = 0; match && k < len; ++k)
                    match = (e.exactCase ? tokens.at(i + k).text : tokens.at(i + k).lower)
                        == e.words.at(k);
                if (match && len > longest.value(e.id))
                    longest.insert(e.id, len);
            }
            for (auto l = longest.cbegin(); l != longest.cend(); ++l) {
                if (coveredUntil.value(l.key(), -1) >= i)
                    continue;
                TermHit h;
                h.id = l.key();
                h.firstToken = i;
                h.lastToken = i + l.value() - 1;
                coveredUntil.insert(h.id, h.lastToken);
                all << h;
            }
        }
        return all;
    }

    QList<TermHit> hits;
    int i = 0;
    while (i < tokens.size()) {
        const auto it = m_byFirstWord.constFind(tokens.at(i).lower);
        int best = 0;
        QList<TermHit> atHere;
        if (it != m_byFirstWord.constEnd()) {
            for (const Entry &e : *it) {
                const int len = int(e.words.size());
                if (len < best || i + len > tokens.size())
                    continue;
                bool match = true;
                for (int k = 0; match && k < len; ++k) {
                    const TextToken &t = tokens.at(i + k);
                    match = (e.exactCase ? t.text : t.lower) == e.words.at(k);
                }
                if (!match)
                    continue;
                if (len > best) {
                    best = len;
                    atHere.clear();
                }
                TermHit h;
                h.id = e.id;
                h.firstToken = i;
                h.lastToken = i + len - 1;
                h.ambiguous = e.exactCase;
                // A plain alias beats an ambiguous one of the same length.
                bool seen = false;
                for (TermHit &o : atHere) {
                    if (o.id == h.id) {
                        o.ambiguous = o.ambiguous && h.ambiguous;
                        seen = true;
                    }
                }
                if (!seen)
                    atHere << h;
            }
        }
        if (best > 0) {
            hits << atHere;
            i += best;
        } else {
            ++i;
        }
    }
    return hits;
}

std::shared_ptr<const TechDictionary> TechDictionary::loadBuiltIn()
{
    // Parsed once per process: every engine built (each run, each Settings change) asks for it
    // several times, and the dictionary is immutable, so all of them share one instance. The
    // static's initialisation is thread-safe.
    static const std::shared_ptr<const TechDictionary> builtIn
        = []() -> std::shared_ptr<const TechDictionary> {
        initLexiconResources();
        QFile f(QStringLiteral(":/lexicon/technologies.json"));
        if (!f.open(QIODevice::ReadOnly))
            return nullptr;
        QString error;
        return fromJson(f.readAll(), &error);
    }();
    return builtIn;
}

std::shared_ptr<const TechDictionary> TechDictionary::fromJson(
    const QByteArray &json, QString *error)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (!doc.isObject()) {
        if (error)
            *error = parseError.errorString();
        return nullptr;
    }
    auto d = std::make_shared<TechDictionary>();
    const QJsonObject root = doc.object();
    for (const QJsonValue &v : root.value(QStringLiteral("technologies")).toArray()) {
        const QJsonObject o = v.toObject();
        Technology t;
        t.name = o.value(QStringLiteral("name")).toString();
        t.category = o.value(QStringLiteral("category")).toString();
        t.aliases = toStringList(o.value(QStringLiteral("aliases")));
        t.ambiguous = toStringList(o.value(QStringLiteral("ambiguous")));
        t.context = toStringList(o.value(QStringLiteral("context")));
        t.properNoun = o.value(QStringLiteral("properNoun")).toBool();
        t.implies = toStringList(o.value(QStringLiteral("implies")));
        const int id = int(d->m_technologies.size());
        d->m_technologies << t;
        // The name itself is an alias unless it is listed as an ambiguous one.
        if (!t.ambiguous.contains(t.name) && !t.aliases.contains(t.name, Qt::CaseInsensitive))
            d->m_techs.add(t.name, id);
        for (const QString &a : std::as_const(t.aliases))
            d->m_techs.add(a, id);
        for (const QString &a : std::as_const(t.ambiguous))
            d->m_techs.add(a, id, true);
    }
    for (const QJsonValue &v : root.value(QStringLiteral("concepts")).toArray()) {
        const QJsonObject o = v.toObject();
        Concept c;
        c.id = o.value(QStringLiteral("id")).toString();
        const QString kind = o.value(QStringLiteral("kind")).toString();
        c.kind = kind == u"industry" ? Concept::Kind::Industry
            : kind == u"intent"      ? Concept::Kind::Intent
                                     : Concept::Kind::Topic;
        c.label = o.value(QStringLiteral("label")).toString();
        c.query = o.value(QStringLiteral("query")).toString(c.label);
        c.triggers = toStringList(o.value(QStringLiteral("triggers")));
        c.terms = toStringList(o.value(QStringLiteral("terms")));
        c.techCategories = toStringList(o.value(QStringLiteral("techCategories")));
        const int id = int(d->m_concepts.size());
        d->m_concepts << c;
        for (const QString &t : std::as_const(c.triggers))
            d->m_triggers.add(t, id);
        for (const QString &t : std::as_const(c.terms))
            d->m_terms.add(t, id);
    }
    for (Technology &t : d->m_technologies)
        for (const QString &name : std::as_const(t.implies))
            for (int i = 0; i < d->m_technologies.size(); ++i)
                if (d->m_technologies.at(i).name == name)
                    t.impliedIds << i;
    d->m_roles = toStringList(root.value(QStringLiteral("roles")));
    for (int i = 0; i < d->m_roles.size(); ++i)
        d->m_roleMatcher.add(d->m_roles.at(i), i);
    if (d->m_technologies.isEmpty()) {
        if (error)
            *error = QStringLiteral("technologies: missing or empty");
        return nullptr;
    }
    return d;
}

int TechDictionary::conceptIndex(const QString &id) const
{
    for (int i = 0; i < m_concepts.size(); ++i)
        if (m_concepts.at(i).id == id)
            return i;
    return -1;
}

QString TechDictionary::searchTerm(int technology) const
{
    const Technology &t = m_technologies.at(technology);
    if (t.ambiguous.contains(t.name) && !t.properNoun && !t.aliases.isEmpty())
        return t.aliases.first();
    return t.name;
}

bool TechDictionary::ambiguousHitHolds(const QList<TextToken> &tokens, const TermHit &hit,
    const QList<TermHit> &all, const QString &text) const
{
    const int n = int(tokens.size());
    const int next = hit.lastToken + 1;
    const int prev = hit.firstToken - 1;
    const bool sameSentenceNext
        = next < n && tokens.at(next).sentence == tokens.at(hit.lastToken).sentence;
    const bool sameSentencePrev
        = prev >= 0 && tokens.at(prev).sentence == tokens.at(hit.firstToken).sentence;

    if (sameSentenceNext && verbFollowers().contains(tokens.at(next).lower))
        return false;
    if (next < n && isVersion(tokens.at(next).text) && sameSentenceNext)
        return true; // "Go 1.22", "React 18"

    const Technology &tech = m_technologies.at(hit.id);
    if (tech.properNoun && sameSentencePrev) {
        // In a title every word is capitalised, so case says nothing there.
        // A sentence's first word is capitalised in prose too ("Everything lands in Snowflake").
        int words = 0, capitalised = 0;
        bool first = true;
        for (const TextToken &t : tokens) {
            if (t.sentence != tokens.at(hit.firstToken).sentence)
                continue;
            const bool opening = std::exchange(first, false);
            if (t.text.size() <= 3
                || (opening && &t != &tokens.at(hit.firstToken) && t.text.at(0).isUpper()))
                continue;
            ++words;
            capitalised += t.text.at(0).isUpper() ? 1 : 0;
        }
        // "The Snowflake Collection", "Spark Capital": part of a longer name, unless the
        // next word is technical ("Snowflake Native App" still needs its context below).
        const bool partOfLongerName = sameSentenceNext && tokens.at(next).text.at(0).isUpper();
        if ((words == 0 || capitalised * 10 < words * 6) && !partOfLongerName)
            return true;
    }
    // In a list with another technology: "Python, Go and Rust", "Java/Go", "Go (Golang)".
    for (const TermHit &o : all) {
        if (&o == &hit)
            continue;
        int gapFrom = -1, gapTo = -1;
        if (o.lastToken < hit.firstToken && hit.firstToken - o.lastToken <= 2) {
            gapFrom = o.lastToken;
            gapTo = hit.firstToken;
        } else if (o.firstToken > hit.lastToken && o.firstToken - hit.lastToken <= 2) {
            gapFrom = hit.lastToken;
            gapTo = o.firstToken;
        }
        if (gapFrom < 0 || tokens.at(gapFrom).sentence != tokens.at(gapTo).sentence)
            continue;
        const QString between
            = text.mid(tokens.at(gapFrom).end, tokens.at(gapTo).start - tokens.at(gapFrom).end)
                  .trimmed()
                  .toLower();
        // Two ambiguous words side by side prove little ("Go React"); written as a list
        // ("Go/Rust", "Go, Rust") they are languages.
        if (o.ambiguous ? (between == u"," || between == u"/")
                        : (between == u"," || between == u"/" || between == u"and"
                            || between == u"or" || between == u"&" || between == u", and"
                            || between == u", or" || between == u"+" || between == u"("))
            return true;
    }

    if (sameSentencePrev && verbLeaders().contains(tokens.at(prev).lower))
        return false;

    const int from = std::max(0, hit.firstToken - 3);
    const int to = std::min(n - 1, hit.lastToken + 3);
    for (int k = from; k <= to; ++k) {
        if (k >= hit.firstToken && k <= hit.lastToken)
            continue;
        if (tokens.at(k).sentence != tokens.at(hit.firstToken).sentence)
            continue;
        const QString &w = tokens.at(k).lower;
        if (technicalContext().contains(w) || tech.context.contains(w))
            return true;
    }
    return false;
}

QList<TermHit> TechDictionary::findTechnologies(
    const QString &text, const QList<TextToken> &tokens, Mode mode) const
{
    QList<TermHit> hits = m_techs.find(tokens);
    QList<TermHit> out;
    for (const TermHit &h : std::as_const(hits)) {
        if (h.ambiguous && mode == Mode::Evidence && !ambiguousHitHolds(tokens, h, hits, text))
            continue;
        TermHit kept = h;
        kept.negated = mode == Mode::Evidence && isNegated(tokens, h.firstToken, h.lastToken);
        out << kept;
    }
    return out;
}

QList<TermHit> TechDictionary::findConceptTerms(const QList<TextToken> &tokens) const
{
    QList<TermHit> hits = m_terms.find(tokens, false);
    for (TermHit &h : hits)
        h.negated = isNegated(tokens, h.firstToken, h.lastToken);
    return hits;
}

QList<TermHit> TechDictionary::findConceptTriggers(const QList<TextToken> &tokens) const
{
    return m_triggers.find(tokens, false);
}

QList<TermHit> TechDictionary::findRoles(const QList<TextToken> &tokens) const
{
    return m_roleMatcher.find(tokens);
}

bool TechDictionary::isNegated(const QList<TextToken> &tokens, int firstToken, int lastToken)
{
    const int sentence = tokens.at(firstToken).sentence;
    // "Unlike rivals running Kubernetes, we ...": the whole clause is about others.
    for (int k = firstToken - 1; k >= 0 && k >= firstToken - 12; --k) {
        if (tokens.at(k).sentence != sentence || tokens.at(k + 1).clauseStart)
            break;
        if (tokens.at(k).lower == u"unlike")
            return true;
    }
    // Backwards from the word before the hit: the nearest cue counts unless the scope broke.
    for (int end = firstToken - 1; end >= 0 && end >= firstToken - 7; --end) {
        if (tokens.at(end).sentence != sentence)
            break;
        bool cueHere = false;
        for (const QStringList &cue : negatingLeaders()) {
            if (wordsAt(tokens, end - int(cue.size()) + 1, cue)
                && tokens.at(end - int(cue.size()) + 1).sentence == sentence) {
                // A bare "no" or "not" only negates what follows it directly: "not hiring".
                if (cue.size() == 1 && (cue.first() == u"no" || cue.first() == u"not")
                    && end != firstToken - 1)
                    continue;
                cueHere = true;
                break;
            }
        }
        if (cueHere)
            return true;
        if (breaksScope(tokens, end))
            break;
    }
    for (int start = lastToken + 1; start < tokens.size() && start <= lastToken + 4; ++start) {
        if (tokens.at(start).sentence != sentence)
            break;
        for (const QStringList &cue : negatingFollowers())
            if (wordsAt(tokens, start, cue))
                return true;
    }
    return false;
}

} // namespace gtm
