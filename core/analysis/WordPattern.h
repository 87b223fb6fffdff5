#pragma once

#include <QRegularExpression>

namespace gtm {

// A lexicon pattern over text in several languages: "é", "ä" are letters of a word, so that
// \b and \w read "utilisé" and "ärzte" as words.
inline QRegularExpression wordPattern(const QString &pattern)
{
    return QRegularExpression(pattern, QRegularExpression::UseUnicodePropertiesOption);
}

} // namespace gtm
