#include "ResearchRequest.h"

#include "JsonReader.h"

namespace gtm {

QJsonObject ResearchRequest::toJson() const
{
    QJsonObject json {
        { QStringLiteral("goal"), goal },
        { QStringLiteral("domains"), QJsonArray::fromStringList(domains) },
        { QStringLiteral("depth"), depthToString(depth) },
        { QStringLiteral("max_parallel_searches"), maxParallelSearches },
        { QStringLiteral("confidence_threshold"), confidenceThreshold },
        { QStringLiteral("sources"), QJsonArray::fromStringList(sources) },
        { QStringLiteral("all_queries"), allQueries },
    };
    if (!crm.isEmpty())
        json.insert(QStringLiteral("crm"), crm.toJson());
    if (!goalFacets.isEmpty())
        json.insert(QStringLiteral("goal_facets"), goalFacets);
    return json;
}

std::optional<ResearchRequest> ResearchRequest::fromJson(const QJsonObject &json, QString *error)
{
    JsonReader r(json, QStringLiteral("request"));
    ResearchRequest req;
    req.goal = r.requiredString(QStringLiteral("goal"));
    req.domains = r.stringList(QStringLiteral("domains"));
    const QString depth = r.string(QStringLiteral("depth"), QStringLiteral("standard"));
    if (auto d = depthFromString(depth))
        req.depth = *d;
    else
        r.fail(QStringLiteral("request.depth: unknown depth \"%1\"").arg(depth));
    req.maxParallelSearches = int(r.integer(
        QStringLiteral("max_parallel_searches"), 20, MinParallelSearches, MaxParallelSearches));
    req.confidenceThreshold = r.number(QStringLiteral("confidence_threshold"), 0.7);
    if (req.confidenceThreshold < 0.0 || req.confidenceThreshold > 1.0)
        r.fail(QStringLiteral("request.confidence_threshold: must be between 0 and 1"));
    if (r.has(QStringLiteral("sources")))
        req.sources = r.stringList(QStringLiteral("sources"));
    // Absent in sessions saved before the option existed: they open with the default.
    req.allQueries = r.boolean(QStringLiteral("all_queries"), false);
    if (r.has(QStringLiteral("crm"))) {
        QString why;
        const auto crm = CrmRecords::fromJson(r.object(QStringLiteral("crm")), &why);
        if (crm)
            req.crm = *crm;
        else if (r.ok())
            r.fail(why);
    }
    if (r.has(QStringLiteral("goal_facets")))
        req.goalFacets = r.object(QStringLiteral("goal_facets"));
    if (!r.ok()) {
        if (error)
            *error = r.error();
        return std::nullopt;
    }
    return req;
}

} // namespace gtm
