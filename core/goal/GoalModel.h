#pragma once

#include <QJsonObject>
#include <QList>
#include <QStringList>
#include <optional>

namespace gtm {

class TechDictionary;

// One thing a research goal asks of a company. A goal is the conjunction of its facets:
// "hiring data engineers who work with Snowflake" is a hiring-role facet plus a technology
// facet scoped to that role.
enum class FacetKind {
    Technology, // uses a technology or a product family ("Kubernetes", "Google Cloud", "AI for
                // fraud")
    Industry, // what the company is: "fintech", "logistics", "healthcare"
    CustomerSegment, // who it sells to: "healthcare providers and payers"
    BusinessModel, // "B2B SaaS", "marketplace"
    Funding, // a round of at least a stage, within a recency window
    HiringRole, // an open role: "data engineer", "SDR"
    Location, // where the company is headquartered, or where the role is
    Size, // head count
};

QString facetKindToString(FacetKind kind); // "technology", "customer_segment", ...
std::optional<FacetKind> facetKindFromString(QStringView text);

struct GoalFacet
{
    FacetKind kind = FacetKind::Technology;
    // The canonical value the judge knows: a technology or concept name, an industry id
    // ("fintech"), a segment ("healthcare"), a model ("b2b_saas", "marketplace"), a role
    // ("data engineer", "sdr"), a place ("Europe", "Germany"). Funding and size use the numbers.
    QString value;
    QString purpose; // technology: what it is used for ("fraud detection"), may be empty
    bool inProduction = false; // technology: staging, pilots and hackathons do not count
    int minStage = 0; // funding: 1 = Series A, 2 = Series B, ...; 0 = any priced round
    int withinMonths = 0; // funding: how recent the round must be; 0 = any time
    bool roleScope = false; // technology / location: of the hiring role, not of the company
    int minEmployees = 0; // size
    int maxEmployees = 0; // size; 0 = no upper bound

    QString describe() const; // "uses Kubernetes · in production"
    QJsonObject toJson() const;
    static std::optional<GoalFacet> fromJson(const QJsonObject &json, QString *error);
    bool operator==(const GoalFacet &) const = default;
};

// What the user is looking for, read from the goal's free text offline. Shown to the user
// ("Looking for: ...") and editable; an edited model replaces the parsed one for a run.
struct GoalModel
{
    QString text;
    QList<GoalFacet> facets;

    QString summary() const; // "Looking for: uses Kubernetes · in production"
    bool has(FacetKind kind) const;
    QList<GoalFacet> ofKind(FacetKind kind) const;

    QJsonObject toJson() const;
    static std::optional<GoalModel> fromJson(const QJsonObject &json, QString *error);
    bool operator==(const GoalModel &) const = default;
};

GoalModel parseGoalModel(const TechDictionary &dictionary, const QString &goal);

// The labels the parser and the judge share.
QString industryLabel(const QString &id);
QString modelLabel(const QString &id);
QString stageName(int stage); // 2 -> "Series B"

} // namespace gtm
