#pragma once

#include <QJsonObject>
#include <QString>
#include <optional>

namespace gtm {

// One way of looking for evidence: a channel and a query template in which {DOMAIN} and
// {COMPANY_NAME} stand for the company being researched.
struct QueryStrategy
{
    QString channel;
    QString queryTemplate;
    double relevanceScore = 0.5;

    QString buildQuery(const QString &domain) const;

    QJsonObject toJson() const;
    static std::optional<QueryStrategy> fromJson(const QJsonObject &json, QString *error);

    bool operator==(const QueryStrategy &) const = default;
};

// Reads and writes the seed's strategies shape: {"strategies":[{channel, query_template,
// relevance_score}]}.
QJsonObject strategiesToJson(const QList<QueryStrategy> &strategies);
std::optional<QList<QueryStrategy>> strategiesFromJson(const QJsonObject &json, QString *error);

} // namespace gtm
