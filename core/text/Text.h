#pragma once

#include <QString>
#include <QStringList>

namespace gtm::text {

// Named (a common set), decimal and hexadecimal character references; unknown ones stay as
// written, as browsers do.
QString decodeEntities(QStringView input);

// Runs of whitespace (including no-break spaces) become one space; trimmed.
QString collapseWhitespace(QStringView input);

// At most maxChars characters, cut on a word boundary with an ellipsis when cut.
QString truncateAtWord(const QString &input, int maxChars);

// Lower-case word tokens of two or more characters (letters and digits; "c++" and "c#" keep
// their suffix so that they stay distinct from "c").
QStringList tokenize(QStringView input);

bool isStopWord(const QString &lowerCaseToken);

// Tokens without English stop words.
QStringList contentTokens(QStringView input);

// Whether needle occurs in haystack as a whole word or phrase, case-insensitively: "Box"
// matches "Box raises" but not "Dropbox" or "boxes".
bool containsWord(const QString &haystack, const QString &needle);

} // namespace gtm::text
