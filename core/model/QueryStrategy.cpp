#include "QueryStrategy.h"

#include "JsonReader.h"
#include "domain/CompanyName.h"

namespace gtm {

QString QueryStrategy::buildQuery(const QString &domain) const
{
    QString q = queryTemplate;
    q.replace(QStringLiteral("{DOMAIN}"), domain);
    q.replace(QStringLiteral("{COMPANY_NAME}"), companyNameFromDomain(domain));
    return q.simplified();
}

QJsonObject QueryStrategy::toJson() const
{
    return {
        {QStringLiteral("channel"), channel},
        {QStringLiteral("query_template"), queryTemplate},
        {QStringLiteral("relevance_score"), relevanceScore},
    };
}

std::optional<QueryStrategy> QueryStrategy::fromJson(const QJsonObject &json, QString *error)
{
    JsonReader r(json, QStringLiteral("strategy"));
    QueryStrategy s;
    s.channel = r.requiredString(QStringLiteral("channel"));
    s.queryTemplate = r.requiredString(QStringLiteral("query_template"));
    s.relevanceScore = r.number(QStringLiteral("relevance_score"), 0.5);
    if (r.ok() && (s.relevanceScore < 0.0 || s.relevanceScore > 1.0))
        r.fail(QStringLiteral("strategy.relevance_score: must be between 0 and 1"));
    if (!r.ok()) {
        if (error)
            *error = r.error();
        return std::nullopt;
    }
    return s;
}

QJsonObject strategiesToJson(const QList<QueryStrategy> &strategies)
{
    QJsonArray a;
    for (const auto &s : strategies)
        a.append(s.toJson());
    return {{QStringLiteral("strategies"), a}};
}

std::optional<QList<QueryStrategy>> strategiesFromJson(const QJsonObject &json, QString *error)
{
    JsonReader r(json);
    if (!json.contains(QStringLiteral("strategies"))) {
        if (error)
            *error = QStringLiteral("strategies: missing");
        return std::nullopt;
    }
    const QJsonArray a = r.array(QStringLiteral("strategies"));
    QList<QueryStrategy> out;
    for (int i = 0; r.ok() && i < a.size(); ++i) {
        if (!a.at(i).isObject()) {
            r.fail(QStringLiteral("strategies[%1]: expected an object").arg(i));
            break;
        }
        QString e;
        auto s = QueryStrategy::fromJson(a.at(i).toObject(), &e);
        if (!s) {
            r.fail(QStringLiteral("strategies[%1]: %2").arg(i).arg(e));
            break;
        }
        out << *s;
    }
    if (!r.ok()) {
        if (error)
            *error = r.error();
        return std::nullopt;
    }
    return out;
}

} // namespace gtm
