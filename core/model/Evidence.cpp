#include "Evidence.h"

#include "JsonReader.h"

namespace gtm {

QJsonObject Evidence::toJson() const
{
    QJsonObject o{
        {QStringLiteral("url"), url},
        {QStringLiteral("title"), title},
        {QStringLiteral("snippet"), snippet},
        {QStringLiteral("source_name"), sourceName},
    };
    if (!channel.isEmpty())
        o.insert(QStringLiteral("channel"), channel);
    if (publishedAt.isValid())
        o.insert(QStringLiteral("published_at"), publishedAt.toUTC().toString(Qt::ISODate));
    if (score != 0.0)
        o.insert(QStringLiteral("score"), score);
    return o;
}

std::optional<Evidence> Evidence::fromJson(const QJsonObject &json, QString *error)
{
    JsonReader r(json, QStringLiteral("evidence"));
    Evidence e;
    e.url = r.string(QStringLiteral("url"));
    e.title = r.string(QStringLiteral("title"));
    e.snippet = r.string(QStringLiteral("snippet"));
    e.sourceName = r.string(QStringLiteral("source_name"));
    e.channel = r.string(QStringLiteral("channel"));
    const QString published = r.string(QStringLiteral("published_at"));
    if (!published.isEmpty()) {
        e.publishedAt = QDateTime::fromString(published, Qt::ISODate);
        if (!e.publishedAt.isValid())
            r.fail(QStringLiteral("evidence.published_at: not an ISO 8601 date"));
    }
    e.score = r.number(QStringLiteral("score"), 0.0);
    if (!r.ok()) {
        if (error)
            *error = r.error();
        return std::nullopt;
    }
    return e;
}

} // namespace gtm
