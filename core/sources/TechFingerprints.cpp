#include "TechFingerprints.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

// The resource lives in a static library: it has to be pulled in by name.
static void initSourcesResource()
{
    Q_INIT_RESOURCE(sources);
}

namespace gtm {

namespace {

std::optional<TechFingerprints::Pattern::Where> whereFrom(const QString &text)
{
    using W = TechFingerprints::Pattern::Where;
    if (text == u"script")
        return W::Script;
    if (text == u"link")
        return W::Link;
    if (text == u"resource")
        return W::Resource;
    if (text == u"meta")
        return W::Meta;
    if (text == u"header")
        return W::Header;
    return std::nullopt;
}

bool anyContains(const QStringList &values, const QString &needle)
{
    for (const QString &v : values)
        if (v.contains(needle, Qt::CaseInsensitive))
            return true;
    return false;
}

} // namespace

TechFingerprints TechFingerprints::fromJson(const QByteArray &json, QString *error)
{
    TechFingerprints out;
    auto fail = [&](const QString &why) {
        if (error)
            *error = why;
        return TechFingerprints {};
    };
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &pe);
    if (pe.error != QJsonParseError::NoError)
        return fail(pe.errorString());
    const QJsonArray list = doc.object().value(QStringLiteral("technologies")).toArray();
    for (const QJsonValue &v : list) {
        const QJsonObject o = v.toObject();
        Technology t;
        t.name = o.value(QStringLiteral("name")).toString();
        t.category = o.value(QStringLiteral("category")).toString();
        if (t.name.isEmpty())
            return fail(QStringLiteral("a technology without a name"));
        for (const QJsonValue &pv : o.value(QStringLiteral("patterns")).toArray()) {
            const QJsonObject po = pv.toObject();
            const auto where = whereFrom(po.value(QStringLiteral("where")).toString());
            if (!where)
                return fail(QStringLiteral("%1: unknown pattern place").arg(t.name));
            Pattern p;
            p.where = *where;
            p.contains = po.value(QStringLiteral("contains")).toString();
            if (p.where == Pattern::Where::Meta)
                p.name = po.value(QStringLiteral("meta")).toString();
            else if (p.where == Pattern::Where::Header)
                p.name = po.value(QStringLiteral("header")).toString();
            const bool needsName
                = p.where == Pattern::Where::Meta || p.where == Pattern::Where::Header;
            if ((needsName && p.name.isEmpty())
                || (p.contains.isEmpty() && p.where != Pattern::Where::Header))
                return fail(QStringLiteral("%1: incomplete pattern").arg(t.name));
            t.patterns << p;
        }
        if (t.patterns.isEmpty())
            return fail(QStringLiteral("%1: no patterns").arg(t.name));
        out.m_technologies << t;
    }
    if (error)
        error->clear();
    return out;
}

const TechFingerprints &TechFingerprints::builtIn()
{
    static const TechFingerprints table = [] {
        initSourcesResource();
        QFile f(QStringLiteral(":/gtm/sources/technologies.json"));
        if (!f.open(QIODevice::ReadOnly))
            qFatal("technology table missing from the resources");
        QString error;
        TechFingerprints t = fromJson(f.readAll(), &error);
        if (!error.isEmpty())
            qFatal("technology table broken: %s", qPrintable(error));
        return t;
    }();
    return table;
}

QList<TechnologyMatch> TechFingerprints::detect(
    const html::ParsedPage &page, const HeaderList &headers) const
{
    QList<TechnologyMatch> out;
    for (const Technology &t : m_technologies) {
        for (const Pattern &p : t.patterns) {
            QString seen;
            switch (p.where) {
            case Pattern::Where::Script:
                if (anyContains(page.scriptSources, p.contains))
                    seen = QStringLiteral("script src contains ") + p.contains;
                break;
            case Pattern::Where::Link:
                if (anyContains(page.linkHrefs, p.contains))
                    seen = QStringLiteral("link href contains ") + p.contains;
                break;
            case Pattern::Where::Resource:
                if (anyContains(page.scriptSources, p.contains))
                    seen = QStringLiteral("script src contains ") + p.contains;
                else if (anyContains(page.linkHrefs, p.contains))
                    seen = QStringLiteral("link href contains ") + p.contains;
                else if (anyContains(page.imageSources, p.contains))
                    seen = QStringLiteral("img src contains ") + p.contains;
                break;
            case Pattern::Where::Meta:
                if (page.meta(p.name.toLower()).contains(p.contains, Qt::CaseInsensitive))
                    seen = QStringLiteral("meta %1 contains %2").arg(p.name, p.contains);
                break;
            case Pattern::Where::Header: {
                const QByteArray wanted = p.name.toLatin1().toLower();
                for (const auto &h : headers) {
                    if (h.first.toLower() != wanted)
                        continue;
                    if (p.contains.isEmpty()) {
                        seen = QStringLiteral("header %1 present").arg(p.name);
                        break;
                    }
                    if (QString::fromLatin1(h.second).contains(p.contains, Qt::CaseInsensitive)) {
                        seen = QStringLiteral("header %1 contains %2").arg(p.name, p.contains);
                        break;
                    }
                }
                break;
            }
            }
            if (!seen.isEmpty()) {
                out.append({ t.name, t.category, seen });
                break;
            }
        }
    }
    return out;
}

} // namespace gtm
