#pragma once

#include <QList>
#include <QString>

namespace gtm {

// A word of evidence or goal text, with where it stands. Words keep the characters that make
// technology names ("node.js", "c++", "c#", ".net") and split on everything else, hyphens and
// slashes included, so that a dictionary phrase is matched as a sequence of whole words.
struct TextToken
{
    QString text; // as written
    QString lower;
    qsizetype start = 0;
    qsizetype end = 0; // one past the last character
    int sentence = 0; // sentences split at . ! ? ; and line breaks
    bool clauseStart = false; // a comma, colon, dash or parenthesis stands before it
};

QList<TextToken> tokenize(const QString &text);
// The words of a phrase, lower-cased, split the same way.
QStringList phraseWords(const QString &phrase);

} // namespace gtm
