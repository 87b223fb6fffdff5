#pragma once

#include "model/Evidence.h"

#include <QDateTime>

namespace gtm::test {

// Where an evidence item comes from: a search result from Tavily unless a test says otherwise
// ({.channel = u"jobs_search"_s, .publishedAt = u"2026-11-01T00:00:00Z"_s}).
struct EvidenceSource
{
    QString name = QStringLiteral("Tavily");
    QString channel = QStringLiteral("google_search");
    QString publishedAt; // ISO 8601; empty: undated, as company pages are
};

// One evidence item as a source would return it, for the analyzer and facet judge tests.
inline Evidence evidence(const QString &url, const QString &title, const QString &snippet,
    const EvidenceSource &from = {})
{
    Evidence e;
    e.url = url;
    e.title = title;
    e.snippet = snippet;
    e.sourceName = from.name;
    e.channel = from.channel;
    e.publishedAt = QDateTime::fromString(from.publishedAt, Qt::ISODate);
    return e;
}

} // namespace gtm::test
