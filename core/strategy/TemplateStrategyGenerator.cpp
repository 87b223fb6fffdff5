#include "TemplateStrategyGenerator.h"

#include "StrategyRules.h"
#include "goal/GoalModel.h"
#include "goal/GoalParser.h"
#include "model/Channel.h"

#include <QSet>

namespace gtm {

namespace {

struct Terms
{
    QStringList technologies; // search spellings: "golang", "Kubernetes"
    QStringList topics; // "machine learning", "fraud detection"
    QStringList industries; // "fintech"
    QStringList roles; // "developer"
    QStringList phrases; // what no dictionary entry covers
    QStringList expansions; // further words of the topics, for more varied queries
    bool hiring = false;

    // The goal's key terms, most specific first.
    QStringList key() const
    {
        QStringList k = technologies + topics + phrases;
        if (k.isEmpty())
            k = industries;
        return k;
    }
};

// What the dictionary recognises in some words of a goal.
Terms termsOf(const TechDictionary &dict, const ParsedGoal &g)
{
    Terms t;
    for (int i : g.technologies)
        t.technologies << dict.searchTerm(i);
    for (int c : g.concepts) {
        const Concept &con = dict.concepts().at(c);
        switch (con.kind) {
        case Concept::Kind::Intent:
            t.hiring = t.hiring || con.id == u"hiring";
            break;
        case Concept::Kind::Industry:
            t.industries << con.query;
            break;
        case Concept::Kind::Topic:
            t.topics << con.query;
            for (const QString &term : con.terms)
                if (term.size() > 4 && term != con.query && t.expansions.size() < 6
                    && term.contains(u' '))
                    t.expansions << term;
            break;
        }
    }
    for (QString r : g.roles) {
        if (r.endsWith(u's') && !r.endsWith(QStringLiteral("ss")))
            r.chop(1); // "developers" -> "developer": job titles are singular
        if (!t.roles.contains(r))
            t.roles << r;
    }
    t.phrases = g.phrases;
    return t;
}

// Every plan needs a key term: the goal's first words, else a generic one.
void keepAKey(Terms *t, const ParsedGoal &goal)
{
    if (t->key().isEmpty() && !goal.keywords.isEmpty())
        t->phrases << goal.keywords.mid(0, 3).join(u' ');
    if (t->key().isEmpty())
        t->phrases << QStringLiteral("technology stack");
}

QString roleQuery(const QString &role)
{
    return role == u"sdr" ? QStringLiteral("sales development representative") : role;
}

// The key terms of an edited model: the user's technology facets (value and purpose, read with
// the dictionary like a goal), industries and roles replace those of the text, whose leftover
// words would bring back what the edit removed ("raised series") and so only stand in when the
// model names nothing to search for.
Terms termsOf(const TechDictionary &dict, const GoalModel &edited, const ParsedGoal &text)
{
    QStringList words;
    for (const GoalFacet &f : edited.ofKind(FacetKind::Technology))
        words << f.value << f.purpose;
    words.removeAll(QString());
    Terms t = termsOf(dict, parseGoal(dict, words.join(QStringLiteral(", "))));
    t.industries.clear();
    for (const GoalFacet &f : edited.ofKind(FacetKind::Industry)) {
        const int c = dict.conceptIndex(f.value);
        t.industries << (c >= 0 ? dict.concepts().at(c).query
                                : QString(f.value).replace(u'_', u' '));
    }
    t.roles.clear();
    for (const GoalFacet &f : edited.ofKind(FacetKind::HiringRole))
        if (f.value != u"any role")
            t.roles << roleQuery(f.value);
    t.hiring = edited.has(FacetKind::HiringRole);
    keepAKey(&t, text);
    return t;
}

QString join(const QStringList &words)
{
    return words.join(u' ').simplified();
}

// The queries that find each facet's deciding evidence, added before the generic ones: funding
// rounds are news, what a company is and whom it sells to is on its own site and customer
// pages, open roles are on the job boards.
template<typename Add>
void addFacetQueries(const TechDictionary &dict, const GoalModel &goal, const Add &add)
{
    QString role;
    QString roleTech;
    QString place;
    for (const GoalFacet &f : goal.facets) {
        if (f.kind == FacetKind::HiringRole)
            role = roleQuery(f.value);
        if (f.kind == FacetKind::Technology && f.roleScope) {
            const QString name = f.value.section(QStringLiteral(" or "), 0, 0);
            for (int i = 0; i < dict.technologies().size(); ++i)
                if (dict.technologies().at(i).name == name)
                    roleTech = dict.searchTerm(i); // "golang", not the ambiguous "Go"
        }
        if (f.kind == FacetKind::Location && f.roleScope)
            place = f.value;
    }
    for (const GoalFacet &f : goal.facets) {
        switch (f.kind) {
        case FacetKind::Funding: {
            const QString stage
                = f.minStage > 0 ? stageName(f.minStage) : QStringLiteral("funding");
            add(channel::NewsSearch, QStringLiteral("\"{COMPANY_NAME}\" raises %1").arg(stage),
                0.99);
            add(channel::NewsSearch, QStringLiteral("\"{COMPANY_NAME}\" funding round led by"),
                0.96);
            add(channel::GoogleSearch,
                QStringLiteral("\"{COMPANY_NAME}\" raises %1 led by").arg(stage), 0.97);
            add(channel::Website, QStringLiteral("{DOMAIN} press funding announcement"), 0.9);
            add(channel::HackerNews, QStringLiteral("{COMPANY_NAME} raises"), 0.8);
            break;
        }
        case FacetKind::Industry:
        case FacetKind::CustomerSegment:
        case FacetKind::BusinessModel: {
            add(channel::Website, QStringLiteral("{DOMAIN} about us"), 0.99);
            add(channel::GoogleSearch, QStringLiteral("site:{DOMAIN} about"), 0.98);
            if (f.kind == FacetKind::CustomerSegment) {
                add(channel::Website, QStringLiteral("{DOMAIN} customers case studies"), 0.97);
                add(channel::GoogleSearch,
                    QStringLiteral("site:{DOMAIN} customers %1").arg(f.value), 0.96);
            } else if (f.kind == FacetKind::BusinessModel) {
                add(channel::Website,
                    f.value == u"marketplace"
                        ? QStringLiteral("{DOMAIN} how it works sellers buyers")
                        : QStringLiteral("{DOMAIN} pricing plans"),
                    0.97);
            } else {
                add(channel::NewsSearch,
                    QStringLiteral("\"{COMPANY_NAME}\" %1 company").arg(f.value), 0.9);
            }
            break;
        }
        case FacetKind::Location:
            if (!f.roleScope) {
                add(channel::Website, QStringLiteral("{DOMAIN} about headquarters"), 0.96);
                if (f.value == u"Germany")
                    add(channel::Website, QStringLiteral("{DOMAIN} impressum"), 0.95);
                add(channel::GoogleSearch, QStringLiteral("\"{COMPANY_NAME}\" headquartered in"),
                    0.93);
            }
            break;
        case FacetKind::HiringRole:
            add(channel::JobsSearch, join({ roleTech, role, place }), 0.99);
            add(channel::JobsSearch, role, 0.97);
            if (f.value == u"sdr")
                add(channel::JobsSearch, QStringLiteral("business development representative"),
                    0.96);
            add(channel::GoogleSearch,
                QStringLiteral("site:{DOMAIN} careers ") + join({ roleTech, role }), 0.95);
            add(channel::Website, QStringLiteral("{DOMAIN} careers ") + role, 0.95);
            add(channel::HackerNews, QStringLiteral("{COMPANY_NAME} hiring ") + role, 0.85);
            break;
        case FacetKind::Technology:
        case FacetKind::Size:
            break;
        }
    }
}

} // namespace

TemplateStrategyGenerator::TemplateStrategyGenerator(
    std::shared_ptr<const TechDictionary> dictionary)
    : m_dictionary(std::move(dictionary))
{
}

QCoro::Task<StrategyPlan> TemplateStrategyGenerator::generate(
    QString goal, Depth depth, QStringList channels, std::optional<GoalModel> edited, CancelToken)
{
    co_return plan(goal, depth, channels, edited);
}

StrategyPlan TemplateStrategyGenerator::plan(const QString &goal, Depth depth,
    const QStringList &requested, const std::optional<GoalModel> &edited) const
{
    const QStringList channels = requested.isEmpty() ? channel::all() : requested;
    const ParsedGoal parsed = parseGoal(*m_dictionary, goal);
    Terms t;
    if (edited) {
        t = termsOf(*m_dictionary, *edited, parsed);
    } else {
        t = termsOf(*m_dictionary, parsed);
        keepAKey(&t, parsed);
    }
    const QStringList key = t.key();
    const QString k1 = key.value(0);
    const QString k2 = key.value(1);
    const QString pair = join({ k1, k2 });
    const QString industry = t.industries.value(0);
    const QString role = t.roles.value(0, t.hiring ? QStringLiteral("engineer") : QString());

    // Candidates per channel, best first; the score says how likely the query finds
    // decisive evidence, so that the run order puts the telling queries first.
    QHash<QString, QList<QueryStrategy>> pool;
    auto add = [&pool](const QString &ch, const QString &query, double score) {
        const QString q = query.simplified();
        if (!q.isEmpty())
            pool[ch] << QueryStrategy { ch, q, std::clamp(score, 0.05, 1.0) };
    };
    const double hiringBoost = t.hiring ? 0.1 : 0.0;
    addFacetQueries(*m_dictionary, edited ? *edited : parseGoalModel(*m_dictionary, goal), add);

    // Google (Tavily): the company's own pages first, then what others write about it.
    add(channel::GoogleSearch, QStringLiteral("site:{DOMAIN} ") + pair, t.hiring ? 0.9 : 0.95);
    if (t.hiring || !t.technologies.isEmpty())
        add(channel::GoogleSearch, QStringLiteral("site:{DOMAIN} careers ") + join({ k1, role }),
            0.8 + hiringBoost);
    add(channel::GoogleSearch, QStringLiteral("\"{COMPANY_NAME}\" ") + pair, 0.85);
    add(channel::GoogleSearch, QStringLiteral("\"{COMPANY_NAME}\" engineering blog ") + k1, 0.75);
    for (int i = 1; i < key.size(); ++i)
        add(channel::GoogleSearch, QStringLiteral("site:{DOMAIN} ") + key.at(i), 0.72 - 0.02 * i);
    add(channel::GoogleSearch, QStringLiteral("\"{COMPANY_NAME}\" case study ") + k1, 0.6);
    for (int i = 0; i < t.expansions.size(); ++i)
        add(channel::GoogleSearch, QStringLiteral("site:{DOMAIN} ") + t.expansions.at(i),
            0.5 - 0.02 * i);

    // News (NewsAPI): the quoted name keeps namesakes out.
    add(channel::NewsSearch, QStringLiteral("\"{COMPANY_NAME}\" ") + pair, 0.8);
    if (!industry.isEmpty())
        add(channel::NewsSearch, QStringLiteral("\"{COMPANY_NAME}\" ") + join({ industry, k1 }),
            0.65);
    add(channel::NewsSearch, QStringLiteral("\"{COMPANY_NAME}\" partnership ") + k1, 0.55);
    for (int i = 1; i < key.size(); ++i)
        add(channel::NewsSearch, QStringLiteral("\"{COMPANY_NAME}\" ") + key.at(i), 0.6 - 0.02 * i);
    add(channel::NewsSearch, QStringLiteral("\"{COMPANY_NAME}\" launches ") + k1, 0.45);

    // Jobs: matched against the company's own board, so no placeholder.
    if (!t.technologies.isEmpty())
        add(channel::JobsSearch, join({ t.technologies.first(), role }), 0.85 + hiringBoost);
    add(channel::JobsSearch, pair, 0.75 + hiringBoost);
    for (int i = 1; i < key.size(); ++i)
        add(channel::JobsSearch, join({ key.at(i), role }), 0.65 - 0.02 * i);
    for (const QString &r : t.roles.mid(1))
        add(channel::JobsSearch, join({ k1, r }), 0.6);
    for (int i = 0; i < t.expansions.size(); ++i)
        add(channel::JobsSearch, t.expansions.at(i), 0.45 - 0.02 * i);

    // The company's own site.
    add(channel::Website, QStringLiteral("{DOMAIN} ") + pair, 0.8);
    add(channel::Website, QStringLiteral("{DOMAIN} careers ") + k1, 0.65 + hiringBoost);
    add(channel::Website, QStringLiteral("{DOMAIN} engineering blog ") + k1, 0.6);
    for (int i = 1; i < key.size(); ++i)
        add(channel::Website, QStringLiteral("{DOMAIN} ") + key.at(i), 0.55 - 0.02 * i);
    add(channel::Website, QStringLiteral("{DOMAIN} customers case studies"), 0.4);

    // Hacker News: engineers talking about their stack, and "who is hiring" threads.
    add(channel::HackerNews, QStringLiteral("{COMPANY_NAME} ") + k1, 0.7);
    if (t.hiring)
        add(channel::HackerNews, QStringLiteral("{COMPANY_NAME} hiring ") + k1, 0.68);
    for (int i = 1; i < key.size(); ++i)
        add(channel::HackerNews, QStringLiteral("{COMPANY_NAME} ") + key.at(i), 0.55 - 0.02 * i);
    add(channel::HackerNews, QStringLiteral("{COMPANY_NAME} engineering"), 0.4);

    // With few channels enabled, one channel has to carry the whole depth: plainer variants
    // of every key term keep its pool deep enough.
    QStringList fillTerms = key + t.expansions + t.industries;
    for (const QString &suffix :
        { QStringLiteral("engineering"), QStringLiteral("team"), QStringLiteral("platform"),
            QStringLiteral("architecture"), QStringLiteral("case study"),
            QStringLiteral("interview"), QStringLiteral("announcement"),
            QStringLiteral("open source"), QStringLiteral("conference talk") })
        fillTerms << join({ k1, suffix });
    const QList<QPair<QString, QStringList>> prefixes {
        { channel::GoogleSearch,
            { QStringLiteral("site:{DOMAIN} "), QStringLiteral("\"{COMPANY_NAME}\" ") } },
        { channel::NewsSearch, { QStringLiteral("\"{COMPANY_NAME}\" ") } },
        { channel::JobsSearch, { QString() } },
        { channel::Website, { QStringLiteral("{DOMAIN} ") } },
        { channel::HackerNews, { QStringLiteral("{COMPANY_NAME} ") } },
    };
    for (const auto &[ch, starts] : prefixes) {
        double score = 0.35;
        for (const QString &term : fillTerms) {
            for (const QString &start : starts) {
                if (pool.value(ch).size() >= 16)
                    break;
                add(ch, start + term, score);
                score = std::max(0.1, score - 0.01);
            }
        }
    }

    // Round robin over the channels, best remaining candidate of each, so that every
    // enabled channel is used before any gets a second query.
    const StrategyCount count = strategyCount(depth);
    const int want = (count.min + count.max) / 2;
    StrategyPlan plan;
    plan.generator = QStringLiteral("templates");
    QHash<QString, int> next;
    QSet<QString> seen;
    bool progress = true;
    while (plan.strategies.size() < want && progress) {
        progress = false;
        for (const QString &ch : channels) {
            const QList<QueryStrategy> &candidates = pool.value(ch);
            int &i = next[ch];
            while (i < candidates.size()) {
                const QueryStrategy &s = candidates.at(i++);
                const QString k = s.channel + u'|' + s.queryTemplate.toLower();
                if (seen.contains(k))
                    continue;
                seen.insert(k);
                plan.strategies << s;
                progress = true;
                break;
            }
            if (plan.strategies.size() >= want)
                break;
        }
    }
    finalizePlan(&plan, channels, count.max);
    return plan;
}

} // namespace gtm
