#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QString>
#include <optional>

namespace gtm {

// One thing a source found about a company, with where it came from.
struct Evidence
{
    QString url;
    QString title;
    QString snippet;
    QString sourceName; // the provider shown to the user: "Tavily", "NewsAPI", "Greenhouse", ...
    QString channel;    // the channel of the strategy that found it
    QDateTime publishedAt; // invalid when unknown
    double score = 0.0; // the provider's own relevance, when it gives one

    QJsonObject toJson() const;
    static std::optional<Evidence> fromJson(const QJsonObject &json, QString *error);

    bool operator==(const Evidence &) const = default;
};

} // namespace gtm
