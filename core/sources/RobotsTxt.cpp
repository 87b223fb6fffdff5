#include "RobotsTxt.h"

#include <QStringList>
#include <QUrl>

namespace gtm {

namespace {

// Rules and paths are compared percent-encoded the same way, except for '/', '*' and '$'.
QString normalised(const QString &path)
{
    return QString::fromLatin1(
        QUrl::toPercentEncoding(QUrl::fromPercentEncoding(path.toUtf8()), "/*$?=&:;,+@!~'()"));
}

bool matches(const QString &pattern, const QString &path)
{
    // A small glob: '*' is any run of characters, a final '$' anchors at the end.
    const bool anchored = pattern.endsWith(u'$');
    const QString p = anchored ? pattern.chopped(1) : pattern;
    const QStringList parts = p.split(u'*');
    qsizetype pos = 0;
    for (int i = 0; i < parts.size(); ++i) {
        const QString &part = parts.at(i);
        if (i == 0) {
            if (!path.startsWith(part))
                return false;
            pos = part.size();
            continue;
        }
        if (i == parts.size() - 1 && anchored) {
            return path.size() - pos >= part.size() && path.endsWith(part);
        }
        const qsizetype at = path.indexOf(part, pos);
        if (at < 0)
            return false;
        pos = at + part.size();
    }
    return !anchored || pos == path.size();
}

} // namespace

RobotsTxt RobotsTxt::disallowAll()
{
    RobotsTxt r;
    r.m_rules.append({ QStringLiteral("/"), false });
    return r;
}

RobotsTxt RobotsTxt::parse(const QString &text, const QString &productToken)
{
    struct Group
    {
        QStringList agents;
        QList<Rule> rules;
    };
    QList<Group> groups;
    bool lastWasAgent = false;
    for (QString line : text.split(u'\n')) {
        const qsizetype hash = line.indexOf(u'#');
        if (hash >= 0)
            line.truncate(hash);
        const qsizetype colon = line.indexOf(u':');
        if (colon < 0)
            continue;
        const QString key = line.left(colon).trimmed().toLower();
        const QString value = line.mid(colon + 1).trimmed();
        if (key == u"user-agent") {
            // Consecutive user-agent lines share one group.
            if (!lastWasAgent || groups.isEmpty())
                groups.append(Group {});
            groups.last().agents << value.toLower();
            lastWasAgent = true;
        } else if (key == u"allow" || key == u"disallow") {
            lastWasAgent = false;
            if (groups.isEmpty())
                continue; // rules before any user-agent line belong to nobody
            // An empty Disallow allows everything: it adds no rule.
            if (value.isEmpty())
                continue;
            groups.last().rules.append({ normalised(value), key == u"allow" });
        } else {
            lastWasAgent = false; // sitemap, crawl-delay, ...: not rules, but they end a group
        }
    }

    const QString token = productToken.toLower();
    RobotsTxt out;
    bool specific = false;
    for (const Group &g : std::as_const(groups)) {
        for (const QString &agent : g.agents) {
            // "GTM-Research/0.1" names the same crawler as "gtm-research".
            const QString name = agent.section(u'/', 0, 0).trimmed();
            if (!name.isEmpty() && name != u"*" && name == token) {
                if (!specific)
                    out.m_rules.clear();
                specific = true;
                out.m_rules += g.rules;
            }
        }
    }
    if (!specific) {
        for (const Group &g : std::as_const(groups))
            if (g.agents.contains(QStringLiteral("*")))
                out.m_rules += g.rules;
    }
    return out;
}

bool RobotsTxt::allows(const QString &pathAndQuery) const
{
    const QString path = normalised(pathAndQuery.isEmpty() ? QStringLiteral("/") : pathAndQuery);
    if (path == u"/robots.txt")
        return true;
    qsizetype best = -1;
    bool allow = true;
    for (const Rule &r : m_rules) {
        if (!matches(r.pattern, path))
            continue;
        const qsizetype length = r.pattern.size();
        if (length > best || (length == best && r.allow)) {
            best = length;
            allow = r.allow;
        }
    }
    return allow;
}

} // namespace gtm
