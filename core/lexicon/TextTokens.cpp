#include "TextTokens.h"

namespace gtm {

namespace {
bool isWordChar(QChar c)
{
    return c.isLetterOrNumber();
}
} // namespace

QList<TextToken> tokenize(const QString &text)
{
    QList<TextToken> tokens;
    const qsizetype n = text.size();
    int sentence = 0;
    qsizetype i = 0;
    qsizetype lastEnd = 0;
    while (i < n) {
        const QChar c = text.at(i);
        const bool leadingDot = c == u'.' && i + 1 < n && text.at(i + 1).isLetter()
            && (i == 0 || text.at(i - 1).isSpace());
        if (!isWordChar(c) && !leadingDot) {
            ++i;
            continue;
        }
        const qsizetype start = i;
        ++i;
        while (i < n) {
            const QChar d = text.at(i);
            if (isWordChar(d)) {
                ++i;
            } else if (d == u'.' && i + 1 < n && isWordChar(text.at(i + 1))) {
                i += 2; // "node.js", "asp.net", "h2o.ai"; a final dot ends the sentence
            } else if ((d == u'+' || d == u'#') && isWordChar(text.at(i - 1))) {
                while (i < n && (text.at(i) == u'+' || text.at(i) == u'#'))
                    ++i;
                break;
            } else {
                break;
            }
        }
        // Sentence and clause boundaries are read from the characters between two words.
        bool clause = false;
        for (qsizetype k = lastEnd; k < start; ++k) {
            const QChar s = text.at(k);
            if (s == u',' || s == u':' || s == u'(' || s == u')' || s == QChar(0x2014)
                || s == QChar(0x2013))
                clause = true;
        }
        for (qsizetype k = lastEnd; k < start; ++k) {
            const QChar s = text.at(k);
            if (s == u'.' || s == u'!' || s == u'?' || s == u';' || s == u'\n' || s == u'|'
                || s == QChar(0x2022)) {
                if (!tokens.isEmpty())
                    ++sentence;
                break;
            }
        }
        TextToken t;
        t.text = text.mid(start, i - start);
        t.lower = t.text.toLower();
        t.start = start;
        t.end = i;
        t.sentence = sentence;
        t.clauseStart = clause;
        tokens.append(t);
        lastEnd = i;
    }
    return tokens;
}

QStringList phraseWords(const QString &phrase)
{
    QStringList words;
    for (const TextToken &t : tokenize(phrase))
        words << t.lower;
    return words;
}

} // namespace gtm
