#pragma once

#include "TextTokens.h"

#include <QHash>
#include <QStringList>
#include <memory>

namespace gtm {

struct Technology
{
    QString name;
    QString category; // language, frontend, backend, database, cloud, data, ml, saas, ...
    QStringList aliases; // matched case-insensitively as whole words
    QStringList ambiguous; // common words too ("Go", "React", "Spark"): exact case and context
    QStringList context; // words that, near an ambiguous alias, mark the technology
    // The product is what the capitalised word means mid-sentence ("data lands in Snowflake"),
    // the common word is lower-case ("snowflake ornaments"): outside titles, case is enough.
    bool properNoun = false;
    // Using this means using those too: EKS is Kubernetes, Django is Python.
    QStringList implies;
    QList<int> impliedIds;
};

// A named idea a goal can ask for: a topic ("fraud detection"), an industry ("fintech") or an
// intent ("hiring"), with the phrases that show it in evidence.
struct Concept
{
    enum class Kind { Topic, Industry, Intent };
    QString id;
    Kind kind = Kind::Topic;
    QString label;
    QString query; // how a person would type it into a search box
    QStringList triggers; // phrases in a goal that ask for it
    QStringList terms; // phrases in evidence that show it
    QStringList techCategories; // a technology of these categories shows it too
};

struct TermHit
{
    int id = -1; // technology or concept index
    int firstToken = 0;
    int lastToken = 0;
    bool negated = false; // "moved off Kubernetes", "no longer use X", "replaced X with"
    bool ambiguous = false; // matched through an ambiguous alias
};

// Finds whole-word phrases in a token list; the longest phrase starting at a word wins.
class PhraseMatcher
{
public:
    void add(const QString &phrase, int id, bool exactCase = false);
    // consume: a match hides shorter ones inside it ("React Native" is not also "React").
    // Without, every id's longest match at every word is reported ("fraud models" is both
    // a fraud term and a machine-learning term).
    QList<TermHit> find(const QList<TextToken> &tokens, bool consume = true) const;

private:
    struct Entry
    {
        QStringList words; // lower-cased, or as written for exact-case entries
        int id;
        bool exactCase;
    };
    QHash<QString, QList<Entry>> m_byFirstWord; // keyed by the lower-cased first word
};

// The built-in technology dictionary (resources/core/lexicon/technologies.json) and the
// matching rules that keep common words from counting as technologies. Immutable once
// loaded: shared between threads.
class TechDictionary
{
public:
    enum class Mode {
        Evidence, // ambiguous aliases need their exact case and technical context
        Goal, // a goal names technologies on purpose: the exact case is enough
    };

    // The one built-in instance, parsed on first use; null if the resource is missing.
    static std::shared_ptr<const TechDictionary> loadBuiltIn();
    static std::shared_ptr<const TechDictionary> fromJson(const QByteArray &json, QString *error);

    const QList<Technology> &technologies() const { return m_technologies; }
    const QList<Concept> &concepts() const { return m_concepts; }
    const QStringList &roles() const { return m_roles; }
    int conceptIndex(const QString &id) const;
    // The words a person would search for: "golang" rather than the ambiguous "Go".
    QString searchTerm(int technology) const;

    // `text` is what `tokens` were made from: the characters between words matter ("Python, Go").
    QList<TermHit> findTechnologies(
        const QString &text, const QList<TextToken> &tokens, Mode mode) const;
    // Hits of concept terms; `id` is the concept index. Several concepts may share a phrase.
    QList<TermHit> findConceptTerms(const QList<TextToken> &tokens) const;
    QList<TermHit> findConceptTriggers(const QList<TextToken> &tokens) const;
    QList<TermHit> findRoles(const QList<TextToken> &tokens) const;

    // Whether a hit stands in a negating phrase: "moved off", "migrated away from", "no
    // longer", "replaced X with", "instead of", "X was deprecated".
    static bool isNegated(const QList<TextToken> &tokens, int firstToken, int lastToken);

private:
    bool ambiguousHitHolds(const QList<TextToken> &tokens, const TermHit &hit,
        const QList<TermHit> &all, const QString &text) const;

    QList<Technology> m_technologies;
    QList<Concept> m_concepts;
    QStringList m_roles;
    PhraseMatcher m_techs; // id = technology index
    PhraseMatcher m_terms; // id = concept index
    PhraseMatcher m_triggers; // id = concept index
    PhraseMatcher m_roleMatcher; // id = role index
};

} // namespace gtm
