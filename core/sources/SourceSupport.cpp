#include "SourceSupport.h"

#include "SourceFactory.h"
#include "domain/CompanyName.h"
#include "html/Html.h"
#include "text/Text.h"

namespace gtm::sources {

int resultsForDepth(Depth depth)
{
    switch (depth) {
    case Depth::Quick:
        return 2;
    case Depth::Standard:
        return 3;
    case Depth::Comprehensive:
        return 5;
    }
    return 3;
}

QUrl endpoint(const SourceSettings &settings, const QString &provider, const QString &realBase,
    const QString &path)
{
    QUrl url = settings.baseUrls.value(provider);
    if (url.isEmpty() || !url.isValid())
        url = QUrl(realBase);
    QString prefix = url.path();
    while (prefix.endsWith(u'/'))
        prefix.chop(1);
    url.setPath(prefix + path);
    url.setQuery(QString());
    url.setFragment(QString());
    return url;
}

QString cleanText(const QString &raw, int maxChars)
{
    return text::truncateAtWord(html::toPlainText(raw), maxChars);
}

QDateTime parseDate(const QString &text)
{
    const QString t = text.trimmed();
    if (t.isEmpty())
        return {};
    QDateTime d = QDateTime::fromString(t, Qt::ISODateWithMs);
    if (!d.isValid())
        d = QDateTime::fromString(t, Qt::ISODate);
    if (!d.isValid()) {
        // Qt reads only numeric zones in RFC 2822 dates; HTTP-style dates say "GMT".
        QString rfc = t;
        if (rfc.endsWith(u" GMT") || rfc.endsWith(u" UTC"))
            rfc = rfc.left(rfc.size() - 4) + QStringLiteral(" +0000");
        d = QDateTime::fromString(rfc, Qt::RFC2822Date);
    }
    if (d.isValid() && d.timeSpec() == Qt::LocalTime && !t.contains(u'T'))
        d.setTimeSpec(Qt::UTC); // a bare date is a calendar day, not local midnight
    return d;
}

void countResponse(SourceOutcome &outcome, const HttpResponse &response)
{
    if (response.fromCache) {
        outcome.cacheHits += 1;
        return;
    }
    const int attempts = std::max(1, response.attempts);
    outcome.requests += attempts;
    outcome.retries += attempts - 1;
}

QString serverMessage(const QString &raw)
{
    return text::truncateAtWord(text::collapseWhitespace(raw), 200);
}

SourceOutcome failed(QString reason, bool stopSource)
{
    SourceOutcome out;
    out.status = SourceOutcome::Status::Failed;
    out.reason = std::move(reason);
    out.stopSource = stopSource;
    return out;
}

QStringList queryTerms(
    const QString &query, const QString &domain, const QString &companyName, int maxTerms)
{
    QStringList words;
    for (const QString &w : query.split(u' ', Qt::SkipEmptyParts)) {
        if (w.contains(u':') || w == u"AND" || w == u"OR" || w == u"NOT" || w.startsWith(u'-'))
            continue;
        words << w;
    }
    QStringList own = text::tokenize(domain);
    own << text::tokenize(companyName.isEmpty() ? companyNameFromDomain(domain) : companyName);
    own << text::tokenize(registrableLabel(domain));
    QStringList terms;
    for (const QString &t : text::contentTokens(words.join(u' '))) {
        if (own.contains(t) || terms.contains(t))
            continue;
        terms << t;
        if (maxTerms >= 0 && terms.size() >= maxTerms)
            break;
    }
    return terms;
}

QString passageAround(const QString &text, const QStringList &terms, int maxChars)
{
    qsizetype first = -1;
    for (const QString &term : terms) {
        qsizetype from = 0;
        for (;;) {
            const qsizetype at = text.indexOf(term, from, Qt::CaseInsensitive);
            if (at < 0)
                break;
            const qsizetype end = at + term.size();
            const bool whole = (at == 0 || !text.at(at - 1).isLetterOrNumber())
                && (end >= text.size() || !text.at(end).isLetterOrNumber());
            if (whole) {
                if (first < 0 || at < first)
                    first = at;
                break;
            }
            from = at + 1;
        }
    }
    if (first < maxChars / 3)
        return text::truncateAtWord(text, maxChars);
    // Start at the sentence holding the term when it is near, else a little before the term.
    qsizetype start = text.lastIndexOf(QStringLiteral(". "), first);
    if (start < 0 || first - start > maxChars / 2) {
        start = text.lastIndexOf(u' ', std::max<qsizetype>(0, first - maxChars / 4));
        start = start < 0 ? 0 : start + 1;
    } else {
        start += 2;
    }
    const QString tail = text.mid(start);
    return QChar(0x2026) + text::truncateAtWord(tail, maxChars - 1);
}

} // namespace gtm::sources
