#include "GoalParser.h"

#include <QSet>

namespace gtm {

bool isGoalStopword(const QString &w)
{
    static const QSet<QString> words {
        QStringLiteral("a"),
        QStringLiteral("an"),
        QStringLiteral("the"),
        QStringLiteral("and"),
        QStringLiteral("or"),
        QStringLiteral("of"),
        QStringLiteral("for"),
        QStringLiteral("in"),
        QStringLiteral("on"),
        QStringLiteral("at"),
        QStringLiteral("by"),
        QStringLiteral("to"),
        QStringLiteral("from"),
        QStringLiteral("as"),
        QStringLiteral("with"),
        QStringLiteral("that"),
        QStringLiteral("which"),
        QStringLiteral("who"),
        QStringLiteral("whose"),
        QStringLiteral("are"),
        QStringLiteral("is"),
        QStringLiteral("be"),
        QStringLiteral("have"),
        QStringLiteral("has"),
        QStringLiteral("their"),
        QStringLiteral("its"),
        QStringLiteral("them"),
        QStringLiteral("find"),
        QStringLiteral("show"),
        QStringLiteral("list"),
        QStringLiteral("me"),
        QStringLiteral("all"),
        QStringLiteral("any"),
        QStringLiteral("some"),
        QStringLiteral("companies"),
        QStringLiteral("company"),
        QStringLiteral("firms"),
        QStringLiteral("firm"),
        QStringLiteral("businesses"),
        QStringLiteral("startups"),
        QStringLiteral("startup"),
        QStringLiteral("organizations"),
        QStringLiteral("organisations"),
        QStringLiteral("teams"),
        QStringLiteral("using"),
        QStringLiteral("use"),
        QStringLiteral("uses"),
        QStringLiteral("used"),
        QStringLiteral("running"),
        QStringLiteral("run"),
        QStringLiteral("runs"),
        QStringLiteral("based"),
        QStringLiteral("looking"),
        QStringLiteral("like"),
        QStringLiteral("production"),
        QStringLiteral("built"),
        QStringLiteral("building"),
        QStringLiteral("adopted"),
        QStringLiteral("adopting"),
        QStringLiteral("do"),
        QStringLiteral("does"),
        QStringLiteral("doing"),
        QStringLiteral("into"),
        QStringLiteral("about"),
        QStringLiteral("currently"),
        QStringLiteral("who're"),
        QStringLiteral("where"),
        QStringLiteral("what"),
        QStringLiteral("heavily"),
        QStringLiteral("invest"),
        QStringLiteral("investing"),
        QStringLiteral("new"),
        QStringLiteral("our"),
        QStringLiteral("we"),
        QStringLiteral("they"),
    };
    return words.contains(w);
}

bool ParsedGoal::hasConcept(const TechDictionary &dict, const QString &id) const
{
    return concepts.contains(dict.conceptIndex(id));
}

ParsedGoal parseGoal(const TechDictionary &dict, const QString &goal)
{
    ParsedGoal g;
    g.text = goal;
    const QList<TextToken> tokens = tokenize(goal);
    QList<bool> covered(tokens.size(), false);
    auto cover = [&covered](const TermHit &h) {
        for (int k = h.firstToken; k <= h.lastToken; ++k)
            covered[k] = true;
    };

    const QList<TermHit> triggers = dict.findConceptTriggers(tokens);
    for (const TermHit &h : triggers) {
        if (!g.concepts.contains(h.id))
            g.concepts << h.id;
        cover(h);
    }
    for (const TermHit &h : dict.findTechnologies(goal, tokens, TechDictionary::Mode::Goal)) {
        // "AI" or "ML" in a goal is a topic, not a product: the concept already holds it.
        bool insideConcept = false;
        for (const TermHit &t : triggers)
            insideConcept
                = insideConcept || (h.firstToken >= t.firstToken && h.lastToken <= t.lastToken);
        if (insideConcept)
            continue;
        if (!g.technologies.contains(h.id)) {
            g.technologies << h.id;
            g.technologyHits << h;
        }
        cover(h);
    }
    for (const TermHit &h : dict.findRoles(tokens)) {
        g.roles << dict.roles().at(h.id);
        cover(h);
    }
    for (const TextToken &t : tokens)
        if (t.lower == u"or" && g.technologies.size() > 1)
            g.anyTechnology = true;

    QStringList run;
    for (int i = 0; i <= tokens.size(); ++i) {
        const bool content = i < tokens.size() && !covered.at(i)
            && !isGoalStopword(tokens.at(i).lower) && tokens.at(i).lower.size() > 1;
        if (content) {
            run << tokens.at(i).lower;
            continue;
        }
        if (!run.isEmpty())
            g.phrases << run.join(u' ');
        run.clear();
    }
    for (const TextToken &t : tokens)
        if (!isGoalStopword(t.lower) && !g.keywords.contains(t.lower))
            g.keywords << t.lower;
    return g;
}

} // namespace gtm
