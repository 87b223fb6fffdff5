#include "GoalModel.h"

#include "model/JsonReader.h"

#include <QJsonArray>

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

QString lookup(const Label *table, size_t n, const QString &id)
{
    for (size_t i = 0; i < n; ++i)
        if (id == QStringView(table[i].id))
            return QString::fromUtf16(table[i].label);
    return id;
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
        if (maxEmployees > 0 && minEmployees == 0)
            return QStringLiteral("up to %1 employees").arg(maxEmployees);
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

} // namespace gtm
