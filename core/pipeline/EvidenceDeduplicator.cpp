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
    const QString url = evidence.url.trimmed().isEmpty() ? QString() : normalizeUrl(evidence.url);
    const QString title = evidence.title.simplified().toCaseFolded();
    const QString snippet = evidence.snippet.simplified().toCaseFolded();
    if ((!url.isEmpty() && m_urls.contains(url)) || (!title.isEmpty() && m_titles.contains(title))
        || (!snippet.isEmpty() && m_snippets.contains(snippet)))
        return false;
    if (!url.isEmpty())
        m_urls.insert(url);
    if (!title.isEmpty())
        m_titles.insert(title);
    if (!snippet.isEmpty())
        m_snippets.insert(snippet);
    return true;
}

} // namespace gtm
