#include "GoalModel.h"

#include "goal/GoalParser.h"
#include "lexicon/TechDictionary.h"
#include "model/JsonReader.h"

#include <QJsonArray>
#include <QMutex>
#include <QRegularExpression>
#include <unordered_map>

namespace gtm {

namespace {

struct KindName
{
    FacetKind kind;
    const char16_t *name;
};
constexpr KindName kKindNames[] = {
    { FacetKind::Technology, u"technology" },
    { FacetKind::Industry, u"industry" },
    { FacetKind::CustomerSegment, u"customer_segment" },
    { FacetKind::BusinessModel, u"business_model" },
    { FacetKind::Funding, u"funding" },
    { FacetKind::HiringRole, u"hiring_role" },
    { FacetKind::Location, u"location" },
    { FacetKind::Size, u"size" },
};

struct Label
{
    const char16_t *id;
    const char16_t *label;
};
constexpr Label kIndustries[] = {
    { u"fintech", u"fintech / payments / banking" },
    { u"logistics", u"logistics / freight / supply chain" },
    { u"healthcare", u"healthcare" },
    { u"ecommerce", u"e-commerce / retail" },
    { u"insurance", u"insurance" },
    { u"education", u"education" },
    { u"real_estate", u"real estate" },
    { u"manufacturing", u"manufacturing" },
    { u"cybersecurity", u"cybersecurity" },
    { u"energy", u"energy" },
};
constexpr Label kModels[] = {
    { u"b2b_saas", u"B2B SaaS" },
    { u"marketplace", u"two-sided marketplace" },
    { u"b2c", u"consumer (B2C)" },
};

// Goal phrases that name an industry, as regular expressions over the lower-cased goal.
struct Trigger
{
    const char16_t *id;
    const char16_t *pattern;
};
constexpr Trigger kIndustryTriggers[] = {
    { u"fintech",
        u"\\b(fintechs?|financial services|financial technology|payments?|banking|banks?|"
        u"neobanks?|lending|lenders?|credit card|card issuing|remittance)\\b" },
    { u"logistics",
        u"\\b(logistics|freight|supply[- ]chain|shipping|trucking|haulage|forwarders?|"
        u"forwarding|3pl|fulfil?ment|transport(ation)?|spedition)\\b" },
    { u"healthcare",
        u"\\b(health ?care|healthtech|health tech|medical|clinical|hospitals?|clinics?|"
        u"health systems?|providers?|payers?|physicians?|life sciences|pharma)\\b" },
    { u"ecommerce", u"\\b(e-?commerce|retail(ers)?|online stores?|dtc|d2c|shopify merchants)\\b" },
    { u"insurance", u"\\b(insurance|insurtech|insurers?)\\b" },
    { u"education", u"\\b(education|edtech|schools|universities)\\b" },
    { u"real_estate", u"\\b(real estate|proptech|property management)\\b" },
    { u"manufacturing", u"\\b(manufacturing|manufacturers|factories|industrial)\\b" },
    { u"cybersecurity", u"\\b(cybersecurity|cyber security|infosec)\\b" },
    { u"energy", u"\\b(energy|utilities|solar|renewables?)\\b" },
};

struct RoleDef
{
    const char16_t *value;
    const char16_t *pattern; // over the lower-cased goal
};
constexpr RoleDef kRoles[] = {
    { u"sdr",
        u"\\b(sdrs?|bdrs?|sales development|business development rep\\w*|"
        u"outbound (sales )?reps?|lead gen\\w* reps?)\\b" },
    { u"data engineer", u"\\b(data engineer\\w*|data platform engineers?|etl engineers?)\\b" },
    { u"analytics engineer", u"\\banalytics engineers?\\b" },
    { u"data scientist", u"\\bdata scien\\w*\\b" },
    { u"ml engineer", u"\\b(ml|machine learning|ai) engineers?\\b" },
    { u"data analyst", u"\\bdata analysts?\\b" },
    { u"account executive", u"\\b(account executives?|aes)\\b" },
    { u"sre", u"\\b(sres?|site reliability)\\b" },
    { u"devops engineer", u"\\b(devops|platform) engineers?\\b" },
    { u"product manager", u"\\bproduct managers?\\b" },
    { u"designer", u"\\b(product |ux |ui )?designers?\\b" },
    { u"software engineer",
        u"\\b(software|backend|back-end|frontend|front-end|full[- ]?stack) "
        u"(engineers?|developers?)\\b" },
    { u"developer", u"\\b(developers?|engineers?|programmers?|devs)\\b" },
};

struct PlaceTrigger
{
    const char16_t *value;
    const char16_t *pattern;
};
constexpr PlaceTrigger kPlaces[] = {
    { u"Germany", u"\\b(germany|german|deutschland|dach)\\b" },
    { u"United Kingdom", u"\\b(uk|united kingdom|britain|british|england)\\b" },
    { u"France", u"\\b(france|french)\\b" },
    { u"Netherlands", u"\\b(netherlands|dutch)\\b" },
    { u"Nordics", u"\\b(nordics?|scandinavia\\w*)\\b" },
    { u"Europe", u"\\b(europe|european|eu|emea)\\b" },
    { u"United States", u"\\b(us|usa|united states|american|north america)\\b" },
};

QString lookup(const Label *table, size_t n, const QString &id)
{
    for (size_t i = 0; i < n; ++i)
        if (id == QStringView(table[i].id))
            return QString::fromUtf16(table[i].label);
    return id;
}

int stageFromLetter(QChar c)
{
    return c.isLetter() ? c.toLower().unicode() - u'a' + 1 : 0;
}

int numberWord(const QString &w)
{
    static const QStringList words { QStringLiteral("one"), QStringLiteral("two"),
        QStringLiteral("three"), QStringLiteral("four"), QStringLiteral("five"),
        QStringLiteral("six"), QStringLiteral("seven"), QStringLiteral("eight"),
        QStringLiteral("nine"), QStringLiteral("ten"), QStringLiteral("eleven"),
        QStringLiteral("twelve"), QStringLiteral("eighteen"), QStringLiteral("twenty-four") };
    static const int values[] = { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 18, 24 };
    bool ok = false;
    const int n = w.toInt(&ok);
    if (ok)
        return n;
    const qsizetype i = words.indexOf(w);
    return i >= 0 ? values[i] : 0;
}

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

bool matches(const QString &text, const char16_t *pattern)
{
    return compiled(pattern).match(text).hasMatch();
}

} // namespace

QString facetKindToString(FacetKind kind)
{
    for (const KindName &k : kKindNames)
        if (k.kind == kind)
            return QString::fromUtf16(k.name);
    return {};
}

std::optional<FacetKind> facetKindFromString(QStringView text)
{
    for (const KindName &k : kKindNames)
        if (text == QStringView(k.name))
            return k.kind;
    return std::nullopt;
}

QString industryLabel(const QString &id)
{
    return lookup(kIndustries, std::size(kIndustries), id);
}

QString modelLabel(const QString &id)
{
    return lookup(kModels, std::size(kModels), id);
}

QString stageName(int stage)
{
    return stage <= 0 ? QStringLiteral("a priced round")
                      : QStringLiteral("Series %1").arg(QChar(u'A' + stage - 1));
}

QString GoalFacet::describe() const
{
    switch (kind) {
    case FacetKind::Technology: {
        QString s = QStringLiteral("uses %1").arg(value);
        if (!purpose.isEmpty())
            s += QStringLiteral(" for %1").arg(purpose);
        if (roleScope)
            s += QStringLiteral(" in the role");
        if (inProduction)
            s += QStringLiteral(" · in production");
        return s;
    }
    case FacetKind::Industry:
        return QStringLiteral("is in %1").arg(industryLabel(value));
    case FacetKind::CustomerSegment:
        return QStringLiteral("sells to %1")
            .arg(value == u"healthcare" ? QStringLiteral("healthcare providers / payers")
                                        : industryLabel(value));
    case FacetKind::BusinessModel:
        return QStringLiteral("business model: %1").arg(modelLabel(value));
    case FacetKind::Funding: {
        QString s
            = QStringLiteral("raised %1%2")
                  .arg(stageName(minStage), minStage > 0 ? QStringLiteral(" or later") : QString());
        if (withinMonths > 0)
            s += QStringLiteral(" · within %1 months").arg(withinMonths);
        return s;
    }
    case FacetKind::HiringRole:
        return QStringLiteral("hiring: %1")
            .arg(value == u"sdr" ? QStringLiteral("SDR / BDR (sales development)") : value);
    case FacetKind::Location:
        return (roleScope ? QStringLiteral("role in %1") : QStringLiteral("headquartered in %1"))
            .arg(value);
    case FacetKind::Size:
        return maxEmployees > 0
            ? QStringLiteral("%1-%2 employees").arg(minEmployees).arg(maxEmployees)
            : QStringLiteral("%1+ employees").arg(minEmployees);
    }
    return value;
}

QJsonObject GoalFacet::toJson() const
{
    QJsonObject o { { QStringLiteral("kind"), facetKindToString(kind) },
        { QStringLiteral("value"), value } };
    if (!purpose.isEmpty())
        o.insert(QStringLiteral("purpose"), purpose);
    if (inProduction)
        o.insert(QStringLiteral("in_production"), true);
    if (kind == FacetKind::Funding) {
        o.insert(QStringLiteral("min_stage"), minStage);
        o.insert(QStringLiteral("within_months"), withinMonths);
    }
    if (roleScope)
        o.insert(QStringLiteral("role_scope"), true);
    if (kind == FacetKind::Size) {
        o.insert(QStringLiteral("min_employees"), minEmployees);
        o.insert(QStringLiteral("max_employees"), maxEmployees);
    }
    o.insert(QStringLiteral("description"), describe());
    return o;
}

std::optional<GoalFacet> GoalFacet::fromJson(const QJsonObject &json, QString *error)
{
    JsonReader r(json);
    GoalFacet f;
    const QString kind = r.requiredString(QStringLiteral("kind"));
    f.value = r.string(QStringLiteral("value"));
    f.purpose = r.string(QStringLiteral("purpose"));
    f.inProduction = r.boolean(QStringLiteral("in_production"));
    f.minStage = int(r.integer(QStringLiteral("min_stage")));
    f.withinMonths = int(r.integer(QStringLiteral("within_months")));
    f.roleScope = r.boolean(QStringLiteral("role_scope"));
    f.minEmployees = int(r.integer(QStringLiteral("min_employees")));
    f.maxEmployees = int(r.integer(QStringLiteral("max_employees")));
    if (!r.ok()) {
        *error = r.error();
        return std::nullopt;
    }
    const auto k = facetKindFromString(kind);
    if (!k) {
        *error = QStringLiteral("unknown facet kind \"%1\"").arg(kind);
        return std::nullopt;
    }
    f.kind = *k;
    if (f.value.isEmpty() && f.kind != FacetKind::Funding && f.kind != FacetKind::Size) {
        *error = QStringLiteral("a %1 facet needs a \"value\"").arg(kind);
        return std::nullopt;
    }
    if (f.minStage < 0 || f.minStage > 8 || f.withinMonths < 0 || f.withinMonths > 600
        || f.minEmployees < 0 || f.maxEmployees < 0) {
        *error = QStringLiteral("facet \"%1\": a number is out of range").arg(kind);
        return std::nullopt;
    }
    return f;
}

QString GoalModel::summary() const
{
    QStringList parts;
    for (const GoalFacet &f : facets)
        parts << f.describe();
    return parts.isEmpty() ? QStringLiteral("Looking for: (nothing recognised, words of the goal)")
                           : QStringLiteral("Looking for: ") + parts.join(QStringLiteral(" · "));
}

bool GoalModel::has(FacetKind kind) const
{
    for (const GoalFacet &f : facets)
        if (f.kind == kind)
            return true;
    return false;
}

QList<GoalFacet> GoalModel::ofKind(FacetKind kind) const
{
    QList<GoalFacet> out;
    for (const GoalFacet &f : facets)
        if (f.kind == kind)
            out << f;
    return out;
}

QJsonObject GoalModel::toJson() const
{
    QJsonArray list;
    for (const GoalFacet &f : facets)
        list << f.toJson();
    return { { QStringLiteral("goal"), text }, { QStringLiteral("summary"), summary() },
        { QStringLiteral("facets"), list } };
}

std::optional<GoalModel> GoalModel::fromJson(const QJsonObject &json, QString *error)
{
    GoalModel m;
    m.text = json.value(QStringLiteral("goal")).toString();
    if (!json.value(QStringLiteral("facets")).isArray()) {
        *error = QStringLiteral("\"facets\" must be an array of objects");
        return std::nullopt;
    }
    const QJsonArray list = json.value(QStringLiteral("facets")).toArray();
    for (int i = 0; i < list.size(); ++i) {
        QString why;
        const auto f = GoalFacet::fromJson(list.at(i).toObject(), &why);
        if (!f) {
            *error = QStringLiteral("facets[%1]: %2").arg(i).arg(why);
            return std::nullopt;
        }
        m.facets << *f;
    }
    return m;
}

GoalModel parseGoalModel(const TechDictionary &dict, const QString &goal)
{
    GoalModel m;
    m.text = goal;
    const QString lower = goal.toLower().simplified();
    const ParsedGoal parsed = parseGoal(dict, goal);

    // --- Hiring: an intent word, a role, or both.
    static const QRegularExpression hiringWords(QStringLiteral(
        "\\b(hiring|hires?|recruit\\w*|open (roles?|positions?|reqs?)|openings?|vacanc\\w*|"
        "job (posts?|postings?|ads?|openings?)|jobs|headcount for|staffing up|adding|"
        "looking for (a|an)|advertis\\w+ for|posting for)\\b"));
    static const QRegularExpression seat(QStringLiteral(
        "\\b(seats?|roles?|positions?|openings?|reqs?|jobs?|headcount|vacanc\\w*)\\b"));
    bool namedRole = false;
    for (const RoleDef &r : kRoles)
        namedRole
            = namedRole || (QStringView(r.value) != u"developer" && matches(lower, r.pattern));
    const bool hiring
        = hiringWords.match(lower).hasMatch() || (namedRole && seat.match(lower).hasMatch());
    QString role;
    if (hiring) {
        for (const RoleDef &r : kRoles) {
            if (matches(lower, r.pattern)) {
                role = QString::fromUtf16(r.value);
                break;
            }
        }
        if (role.isEmpty() && !parsed.roles.isEmpty())
            role = parsed.roles.first();
        if (role.isEmpty())
            role = QStringLiteral("any role");
    }

    // --- Technologies and topics.
    const bool production = lower.contains(QStringLiteral("production"))
        || lower.contains(QStringLiteral(" in prod"));
    QStringList techNames;
    for (int t : parsed.technologies) {
        const QString name = dict.technologies().at(t).name;
        // "Series C" is a round, not the C language.
        if (name.size() == 1 && lower.contains(QStringLiteral("series ") + name.toLower()))
            continue;
        techNames << name;
    }
    QStringList topics;
    bool ml = false;
    for (int c : parsed.concepts) {
        const Concept &topic = dict.concepts().at(c);
        if (topic.kind != Concept::Kind::Topic)
            continue;
        if (topic.id == u"machine_learning")
            ml = true;
        else if (techNames.isEmpty())
            topics << (topic.id == u"fraud" ? QStringLiteral("fraud detection") : topic.label);
    }
    auto addTech = [&](const QString &value, const QString &purpose) {
        GoalFacet f;
        f.kind = FacetKind::Technology;
        f.value = value;
        f.purpose = purpose;
        f.inProduction = production;
        f.roleScope = hiring;
        m.facets << f;
    };
    if (!techNames.isEmpty())
        addTech(
            techNames.join(parsed.anyTechnology ? QStringLiteral(" or ") : QStringLiteral(" and ")),
            {});
    if (ml)
        addTech(dict.concepts().at(dict.conceptIndex(QStringLiteral("machine_learning"))).label,
            topics.join(QStringLiteral(", ")));
    else
        for (const QString &t : std::as_const(topics))
            addTech(t, {});

    // --- Industry, or the customers it sells to.
    static const QRegularExpression sellsTo(QStringLiteral(
        "\\b(sells?|selling|sold|serves?|serving|for|to|customers?|clients?|targeting|"
        "buyers?|used by)\\b[\\w\\s,/&-]{0,40}$"));
    for (const Trigger &t : kIndustryTriggers) {
        const QRegularExpressionMatch hit = compiled(t.pattern).match(lower);
        if (!hit.hasMatch())
            continue;
        const QString id = QString::fromUtf16(t.id);
        // "health insurers" are payers: the healthcare segment, not the insurance industry.
        if (id == u"insurance"
            && lower.left(hit.capturedStart(0)).endsWith(QStringLiteral("health ")))
            continue;
        // "providers" alone is healthcare only next to other healthcare words.
        if (id == u"healthcare" && (hit.captured(0) == u"providers" || hit.captured(0) == u"payers")
            && !lower.contains(QStringLiteral("health")))
            continue;
        // "Series B payments" reads as an industry; "hiring SDRs" does not name one.
        const bool segment = sellsTo.match(lower.left(hit.capturedStart(0))).hasMatch()
            && !lower.left(hit.capturedStart(0)).contains(QStringLiteral("for fraud"));
        GoalFacet f;
        f.kind = segment && id != u"fintech" ? FacetKind::CustomerSegment : FacetKind::Industry;
        f.value = id;
        bool dup = false;
        for (const GoalFacet &g : std::as_const(m.facets))
            dup = dup || (g.kind == f.kind && g.value == f.value);
        if (!dup)
            m.facets << f;
    }

    // --- Business model.
    static const QRegularExpression marketplace(
        QStringLiteral("\\b(marketplaces?|two-sided|two sided|multi-sided|buyers and sellers|"
                       "platforms? (that )?(connect|match)\\w*)\\b"));
    static const QRegularExpression saas(
        QStringLiteral("\\b(b2b|saas|software|enterprise software)\\b"));
    auto addModel = [&m](const QString &id) {
        GoalFacet f;
        f.kind = FacetKind::BusinessModel;
        f.value = id;
        m.facets << f;
    };
    if (marketplace.match(lower).hasMatch())
        addModel(QStringLiteral("marketplace"));
    else if (saas.match(lower).hasMatch())
        addModel(QStringLiteral("b2b_saas"));
    else if (matches(lower, u"\\b(b2c|consumer apps?|d2c brands)\\b"))
        addModel(QStringLiteral("b2c"));

    // --- Funding.
    static const QRegularExpression stage(QStringLiteral("\\bseries[- ]?([a-h])\\b"));
    static const QRegularExpression fundingWords(
        QStringLiteral("\\b(raised|raise|raising|funding|funded|round|backed|financing|investment|"
                       "late[- ]stage|growth[- ]stage|venture)\\b"));
    const QRegularExpressionMatch st = stage.match(lower);
    if (st.hasMatch() || fundingWords.match(lower).hasMatch()) {
        GoalFacet f;
        f.kind = FacetKind::Funding;
        if (st.hasMatch())
            f.minStage = stageFromLetter(st.captured(1).at(0));
        else if (lower.contains(QStringLiteral("late")) || lower.contains(QStringLiteral("growth")))
            f.minStage = 3;
        static const QRegularExpression window(
            QStringLiteral("\\b(last|past|previous|within)\\s+(\\w+(?:-\\w+)?)?\\s*(months?|years?|"
                           "quarters?)\\b"));
        const QRegularExpressionMatch w = window.match(lower);
        if (w.hasMatch()) {
            const int n = w.captured(2).isEmpty() ? 1 : numberWord(w.captured(2));
            const QString unit = w.captured(3);
            f.withinMonths = std::max(1, n)
                * (unit.startsWith(u'y')        ? 12
                        : unit.startsWith(u'q') ? 3
                                                : 1);
        } else if (matches(lower, u"\\b(recent\\w*|just|new(ly)?|fresh\\w*|this year)\\b")) {
            f.withinMonths = 12;
        }
        m.facets << f;
    }

    if (hiring) {
        GoalFacet f;
        f.kind = FacetKind::HiringRole;
        f.value = role;
        m.facets << f;
    }

    // --- Location: of the role when hiring, else of the headquarters.
    for (const PlaceTrigger &p : kPlaces) {
        if (!matches(lower, p.pattern))
            continue;
        GoalFacet f;
        f.kind = FacetKind::Location;
        f.value = QString::fromUtf16(p.value);
        f.roleScope = hiring;
        m.facets << f;
        break;
    }

    // --- Size.
    static const QRegularExpression employees(QStringLiteral(
        "\\b(\\d+)\\s*(\\+|-|to|–)?\\s*(\\d+)?\\s*(employees|people|staff|headcount)\\b"));
    const QRegularExpressionMatch e = employees.match(lower);
    if (e.hasMatch()) {
        GoalFacet f;
        f.kind = FacetKind::Size;
        f.minEmployees = e.captured(1).toInt();
        f.maxEmployees = e.captured(3).toInt();
        m.facets << f;
    } else if (matches(lower, u"\\b(smbs?|small businesses)\\b")) {
        // "sells to SMBs" is a segment, not a size: left to the words of the goal.
    }

    // A hiring goal without a technology keeps its role; an empty model keeps the goal's words.
    return m;
}

} // namespace gtm
