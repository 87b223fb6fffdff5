#pragma once

#include "Source.h"
#include "net/HttpTypes.h"

#include <QDateTime>
#include <QUrl>

namespace gtm {

struct SourceSettings;

namespace sources {

// Results asked of a search API per query: quick 2, standard 3, comprehensive 5 (the seed's).
int resultsForDepth(Depth depth);

// The service's base URL from the settings (scheme://host:port, maybe a path prefix for a
// proxy), or the real service, with the documented path appended.
QUrl endpoint(const SourceSettings &settings, const QString &provider, const QString &realBase,
    const QString &path);

// Web text is data: markup dropped, entities decoded, whitespace collapsed, cut to maxChars
// on a word boundary.
QString cleanText(const QString &raw, int maxChars = 400);

// ISO 8601 ("2024-05-01T10:00:00Z", "2024-05-01") or RFC 2822 ("Wed, 01 May 2024 10:00:00
// GMT"); invalid when neither.
QDateTime parseDate(const QString &text);

// Counts one answer into the outcome's request statistics.
void countResponse(SourceOutcome &outcome, const HttpResponse &response);

// Text a server put in an error answer, made safe to show in a row: one line, short.
QString serverMessage(const QString &raw);

SourceOutcome failed(QString reason, bool stopSource = false);

// The words of a strategy's query that say what to look for: search operators ("site:...",
// AND/OR/NOT), stop words and the company's own name and domain removed, each once, in order.
// maxTerms < 0: all of them.
QStringList queryTerms(
    const QString &query, const QString &domain, const QString &companyName, int maxTerms = -1);

// A passage of text of at most maxChars around the first of terms it contains (whole words),
// starting at a sentence or word boundary; the start of the text when no term occurs.
QString passageAround(const QString &text, const QStringList &terms, int maxChars = 400);

} // namespace sources
} // namespace gtm
