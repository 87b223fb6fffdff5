#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

namespace gtm::html {

// What the research needs from one HTML page, copied out of gumbo's tree so that it can be
// passed between threads and kept after the parser's memory is gone.
struct ParsedPage
{
    QString title;
    // Visible text, one entry per block (paragraph, heading, list item, cell, ...), entities
    // decoded and whitespace collapsed. Scripts, styles, templates and the head are not text.
    QStringList passages;
    QStringList scriptSources; // <script src>
    QStringList linkHrefs; // <link href> (stylesheets, preloads, icons)
    QStringList imageSources; // <img src>
    QList<QPair<QString, QString>> metas; // (name or property, lower-cased; content)

    QString meta(const QString &lowerCaseName) const;
};

// Parses a whole document the way a browser would (gumbo, HTML5 tree construction).
ParsedPage parsePage(const QByteArray &utf8);

// Plain text of an HTML fragment: tags dropped, entities decoded, whitespace collapsed,
// block boundaries kept as spaces. For text that may carry markup (news descriptions,
// job descriptions).
QString toPlainText(const QString &html);

} // namespace gtm::html
