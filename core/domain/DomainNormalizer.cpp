#include "DomainNormalizer.h"

#include <QHostAddress>
#include <QRegularExpression>
#include <QSet>
#include <QUrl>

namespace gtm {

namespace {

bool isLdhLabel(QStringView label)
{
    if (label.isEmpty() || label.startsWith(u'-') || label.endsWith(u'-'))
        return false;
    for (QChar c : label) {
        const bool ok = (c >= u'a' && c <= u'z') || (c >= u'0' && c <= u'9') || c == u'-';
        if (!ok)
            return false;
    }
    return true;
}

} // namespace

DomainCheck normalizeDomain(QStringView input)
{
    QString s = input.trimmed().toString();
    if (s.isEmpty())
        return {{}, QStringLiteral("empty")};
    for (QChar c : s)
        if (c.isSpace())
            return {{}, QStringLiteral("contains a space")};

    // Accept pasted URLs: take the host, drop scheme, user info, port, path, query.
    QString host;
    if (s.contains(QStringLiteral("://"))) {
        const QUrl url(s, QUrl::TolerantMode);
        if (!url.isValid() || url.host().isEmpty())
            return {{}, QStringLiteral("not a valid URL")};
        host = url.host(QUrl::FullyDecoded);
    } else {
        host = s;
        const qsizetype cut = host.indexOf(QRegularExpression(QStringLiteral("[/?#]")));
        if (cut >= 0)
            host.truncate(cut);
        const qsizetype at = host.lastIndexOf(u'@');
        if (at >= 0)
            host.remove(0, at + 1);
        if (host.startsWith(u'['))
            return {{}, QStringLiteral("is an IP address, not a domain")};
        const qsizetype colon = host.lastIndexOf(u':');
        if (colon >= 0)
            host.truncate(colon);
    }

    if (!QHostAddress(host).isNull())
        return {{}, QStringLiteral("is an IP address, not a domain")};

    host = host.toLower();
    while (host.endsWith(u'.'))
        host.chop(1);
    if (host.startsWith(QStringLiteral("www.")))
        host.remove(0, 4);
    if (host.isEmpty())
        return {{}, QStringLiteral("empty")};
    if (host == u"localhost" || host.endsWith(QStringLiteral(".localhost")))
        return {{}, QStringLiteral("localhost is not a company domain")};

    const QStringList unicodeLabels = host.split(u'.');
    if (unicodeLabels.size() < 2)
        return {{}, QStringLiteral("has no dot (expected a name like example.com)")};
    QStringList labels;
    for (const QString &label : unicodeLabels) {
        if (label.isEmpty())
            return {{}, QStringLiteral("has an empty label (two dots in a row)")};
        bool ascii = true;
        for (QChar c : label)
            ascii = ascii && c.unicode() < 128;
        const QString ace = ascii ? label : QString::fromLatin1(QUrl::toAce(label)).toLower();
        if (ace.isEmpty())
            return {{}, QStringLiteral("not a valid international domain name (\"%1\")").arg(label)};
        if (ace.size() > 63)
            return {{}, QStringLiteral("has a label longer than 63 characters")};
        if (!isLdhLabel(ace))
            return {{}, QStringLiteral("contains characters not allowed in a domain (\"%1\")").arg(label)};
        labels << ace;
    }
    const QString ace = labels.join(u'.');
    if (ace.size() > 253)
        return {{}, QStringLiteral("longer than 253 characters")};
    const QString &tld = labels.last();
    bool numericTld = true;
    for (QChar c : tld)
        numericTld = numericTld && c.isDigit();
    if (numericTld)
        return {{}, QStringLiteral("is an IP address, not a domain")};
    return {ace, {}};
}

DomainList parseDomainList(const QString &text)
{
    DomainList out;
    QSet<QString> seen;
    const QStringList lines = text.split(u'\n');
    for (int i = 0; i < lines.size(); ++i) {
        QString line = lines.at(i);
        if (line.endsWith(u'\r'))
            line.chop(1);
        if (line.trimmed().startsWith(u'#'))
            continue;
        for (const QString &entry : line.split(u',')) {
            if (entry.trimmed().isEmpty())
                continue;
            DomainLine dl{i + 1, entry.trimmed(), {}, {}};
            const DomainCheck check = normalizeDomain(entry);
            if (!check.ok()) {
                dl.error = check.error;
                out.rejected << dl;
                continue;
            }
            dl.domain = check.domain;
            if (seen.contains(check.domain)) {
                dl.error = QStringLiteral("duplicate of an earlier line");
                out.duplicates << dl;
                continue;
            }
            seen.insert(check.domain);
            out.domains << check.domain;
        }
    }
    return out;
}

} // namespace gtm
