#include "EvidenceDeduplicator.h"

#include <QUrl>
#include <QUrlQuery>

namespace gtm {

QString EvidenceDeduplicator::normalizeUrl(const QString &url)
{
    QUrl u(url.trimmed());
    if (!u.isValid() || u.host().isEmpty())
        return url.trimmed().toLower();
    QString host = u.host().toLower();
    if (host.startsWith(u"www."))
        host = host.mid(4);
    QString path = u.path();
    while (path.endsWith(u'/'))
        path.chop(1);
    // Tracking parameters do not make another page.
    QUrlQuery query(u);
    const auto items = query.queryItems(QUrl::FullyEncoded);
    QStringList kept;
    for (const auto &item : items)
        if (!item.first.startsWith(u"utm_") && item.first != u"fbclid" && item.first != u"gclid")
            kept << item.first + u'=' + item.second;
    kept.sort();
    QString out = host + path;
    if (!kept.isEmpty())
        out += u'?' + kept.join(u'&');
    return out;
}

bool EvidenceDeduplicator::add(const Evidence &evidence)
{
    // Hashed with distinct seeds so that a title equal to some URL text is not a match.
    const QString url = evidence.url.trimmed().isEmpty() ? QString() : normalizeUrl(evidence.url);
    const QString title = evidence.title.simplified().toCaseFolded();
    const QString snippet = evidence.snippet.simplified().toCaseFolded();
    const size_t u = qHash(url, 1);
    const size_t t = qHash(title, 2);
    const size_t s = qHash(snippet, 3);
    if ((!url.isEmpty() && m_urls.contains(u)) || (!title.isEmpty() && m_titles.contains(t))
        || (!snippet.isEmpty() && m_snippets.contains(s)))
        return false;
    if (!url.isEmpty())
        m_urls.insert(u);
    if (!title.isEmpty())
        m_titles.insert(t);
    if (!snippet.isEmpty())
        m_snippets.insert(s);
    return true;
}

void EvidenceDeduplicator::clear()
{
    m_urls = {};
    m_titles = {};
    m_snippets = {};
}

} // namespace gtm
