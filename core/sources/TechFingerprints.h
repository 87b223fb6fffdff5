#pragma once

#include "html/Html.h"
#include "net/HttpTypes.h"

#include <QList>
#include <QString>

namespace gtm {

// One technology seen on a page, with the rule that saw it.
struct TechnologyMatch
{
    QString technology; // "Next.js"
    QString category; // "JavaScript framework"
    QString evidence; // "script src contains /_next/"
};

// Recognises technologies from what a page loads (script, link and image URLs), its meta
// tags and its response headers, never from its text. The table is data:
// :/gtm/sources/technologies.json.
class TechFingerprints
{
public:
    struct Pattern
    {
        enum class Where { Script, Link, Resource, Meta, Header };
        Where where = Where::Script;
        QString name; // meta name or header name, as written in the table
        QString contains; // case-insensitive; empty on a header: present at all
    };
    struct Technology
    {
        QString name;
        QString category;
        QList<Pattern> patterns;
    };

    // The built-in table.
    static const TechFingerprints &builtIn();
    // A table in the JSON shape of technologies.json; error set when it is not one.
    static TechFingerprints fromJson(const QByteArray &json, QString *error);

    int size() const { return int(m_technologies.size()); }

    // Each technology once, with the first of its patterns that matched, in table order.
    QList<TechnologyMatch> detect(const html::ParsedPage &page, const HeaderList &headers) const;

private:
    QList<Technology> m_technologies;
};

} // namespace gtm
