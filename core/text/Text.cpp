#include "Text.h"

#include <QHash>
#include <QSet>

namespace gtm::text {

namespace {

const QHash<QString, char32_t> &namedEntities()
{
    // The references that turn up in job ads, news descriptions and page text; the full HTML
    // table has over 2000 names, most of them mathematical.
    static const QHash<QString, char32_t> table {
        { QStringLiteral("amp"), U'&' },
        { QStringLiteral("lt"), U'<' },
        { QStringLiteral("gt"), U'>' },
        { QStringLiteral("quot"), U'"' },
        { QStringLiteral("apos"), U'\'' },
        { QStringLiteral("nbsp"), U'\u00A0' },
        { QStringLiteral("ndash"), U'\u2013' },
        { QStringLiteral("mdash"), U'\u2014' },
        { QStringLiteral("lsquo"), U'\u2018' },
        { QStringLiteral("rsquo"), U'\u2019' },
        { QStringLiteral("ldquo"), U'\u201C' },
        { QStringLiteral("rdquo"), U'\u201D' },
        { QStringLiteral("sbquo"), U'\u201A' },
        { QStringLiteral("bdquo"), U'\u201E' },
        { QStringLiteral("hellip"), U'\u2026' },
        { QStringLiteral("bull"), U'\u2022' },
        { QStringLiteral("middot"), U'\u00B7' },
        { QStringLiteral("copy"), U'\u00A9' },
        { QStringLiteral("reg"), U'\u00AE' },
        { QStringLiteral("trade"), U'\u2122' },
        { QStringLiteral("euro"), U'\u20AC' },
        { QStringLiteral("pound"), U'\u00A3' },
        { QStringLiteral("yen"), U'\u00A5' },
        { QStringLiteral("cent"), U'\u00A2' },
        { QStringLiteral("sect"), U'\u00A7' },
        { QStringLiteral("para"), U'\u00B6' },
        { QStringLiteral("deg"), U'\u00B0' },
        { QStringLiteral("plusmn"), U'\u00B1' },
        { QStringLiteral("times"), U'\u00D7' },
        { QStringLiteral("divide"), U'\u00F7' },
        { QStringLiteral("laquo"), U'\u00AB' },
        { QStringLiteral("raquo"), U'\u00BB' },
        { QStringLiteral("shy"), U'\u00AD' },
        { QStringLiteral("ensp"), U'\u2002' },
        { QStringLiteral("emsp"), U'\u2003' },
        { QStringLiteral("thinsp"), U'\u2009' },
        { QStringLiteral("zwj"), U'\u200D' },
        { QStringLiteral("zwnj"), U'\u200C' },
        { QStringLiteral("eacute"), U'\u00E9' },
        { QStringLiteral("egrave"), U'\u00E8' },
        { QStringLiteral("ecirc"), U'\u00EA' },
        { QStringLiteral("aacute"), U'\u00E1' },
        { QStringLiteral("agrave"), U'\u00E0' },
        { QStringLiteral("acirc"), U'\u00E2' },
        { QStringLiteral("auml"), U'\u00E4' },
        { QStringLiteral("ouml"), U'\u00F6' },
        { QStringLiteral("uuml"), U'\u00FC' },
        { QStringLiteral("Auml"), U'\u00C4' },
        { QStringLiteral("Ouml"), U'\u00D6' },
        { QStringLiteral("Uuml"), U'\u00DC' },
        { QStringLiteral("szlig"), U'\u00DF' },
        { QStringLiteral("ccedil"), U'\u00E7' },
        { QStringLiteral("ntilde"), U'\u00F1' },
        { QStringLiteral("oacute"), U'\u00F3' },
        { QStringLiteral("iacute"), U'\u00ED' },
        { QStringLiteral("uacute"), U'\u00FA' },
        { QStringLiteral("oslash"), U'\u00F8' },
        { QStringLiteral("aring"), U'\u00E5' },
        { QStringLiteral("rarr"), U'\u2192' },
        { QStringLiteral("larr"), U'\u2190' },
        { QStringLiteral("check"), U'\u2713' },
    };
    return table;
}

bool isWordChar(QChar c)
{
    return c.isLetterOrNumber();
}

} // namespace

QString decodeEntities(QStringView input)
{
    if (!input.contains(u'&'))
        return input.toString();
    QString out;
    out.reserve(input.size());
    qsizetype i = 0;
    while (i < input.size()) {
        const QChar c = input.at(i);
        if (c != u'&') {
            out += c;
            ++i;
            continue;
        }
        const qsizetype semi = input.indexOf(u';', i + 1);
        // Real references are short; a lone '&' followed much later by ';' is text.
        if (semi < 0 || semi - i > 32) {
            out += c;
            ++i;
            continue;
        }
        const QStringView name = input.mid(i + 1, semi - i - 1);
        char32_t code = 0;
        bool ok = false;
        if (name.startsWith(u'#')) {
            if (name.size() > 1 && (name.at(1) == u'x' || name.at(1) == u'X'))
                code = name.mid(2).toUInt(&ok, 16);
            else
                code = name.mid(1).toUInt(&ok, 10);
            // NUL, surrogates and out-of-range become the replacement character, as in HTML.
            if (ok && (code == 0 || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF)))
                code = 0xFFFD;
        } else {
            const auto it = namedEntities().constFind(name.toString());
            ok = it != namedEntities().constEnd();
            if (ok)
                code = *it;
        }
        if (!ok) {
            out += c;
            ++i;
            continue;
        }
        out += QString::fromUcs4(&code, 1);
        i = semi + 1;
    }
    return out;
}

QString collapseWhitespace(QStringView input)
{
    QString out;
    out.reserve(input.size());
    bool pendingSpace = false;
    for (const QChar c : input) {
        if (c.isSpace() || c == QChar(0x00A0) || c == QChar(0x200B)) {
            pendingSpace = !out.isEmpty();
            continue;
        }
        if (c == QChar(0x00AD)) // soft hyphen: invisible
            continue;
        if (pendingSpace)
            out += u' ';
        pendingSpace = false;
        out += c;
    }
    return out;
}

QString truncateAtWord(const QString &input, int maxChars)
{
    if (input.size() <= maxChars)
        return input;
    const int room = std::max(1, maxChars - 1);
    qsizetype cut = input.lastIndexOf(u' ', room);
    if (cut < room / 2)
        cut = room; // one long word: cut inside it rather than lose most of the text
    QString out = input.left(cut);
    while (!out.isEmpty() && (out.back().isSpace() || out.back().isPunct()))
        out.chop(1);
    return out + QChar(0x2026);
}

QStringList tokenize(QStringView input)
{
    QStringList tokens;
    QString current;
    auto flush = [&] {
        if (current.size() >= 2)
            tokens << current;
        current.clear();
    };
    for (qsizetype i = 0; i < input.size(); ++i) {
        const QChar c = input.at(i);
        if (isWordChar(c)) {
            current += c.toLower();
        } else if (!current.isEmpty() && (c == u'+' || c == u'#')) {
            // "c++", "c#", "f#": the suffix is part of the name.
            while (i < input.size() && (input.at(i) == u'+' || input.at(i) == u'#'))
                current += input.at(i++);
            --i;
            if (current.size() < 2)
                current.clear();
            tokens << current;
            current.clear();
        } else {
            flush();
        }
    }
    flush();
    tokens.removeAll(QString());
    return tokens;
}

bool isStopWord(const QString &t)
{
    static const QSet<QString> words = [] {
        const char *list[] = {
            "a",
            "about",
            "above",
            "after",
            "again",
            "against",
            "all",
            "almost",
            "also",
            "am",
            "among",
            "an",
            "and",
            "any",
            "are",
            "as",
            "at",
            "be",
            "because",
            "been",
            "before",
            "being",
            "below",
            "between",
            "both",
            "but",
            "by",
            "can",
            "cannot",
            "could",
            "did",
            "do",
            "does",
            "doing",
            "done",
            "down",
            "during",
            "each",
            "either",
            "else",
            "etc",
            "ever",
            "every",
            "few",
            "for",
            "from",
            "further",
            "get",
            "gets",
            "got",
            "had",
            "has",
            "have",
            "having",
            "he",
            "her",
            "here",
            "hers",
            "herself",
            "him",
            "himself",
            "his",
            "how",
            "however",
            "i",
            "if",
            "in",
            "into",
            "is",
            "it",
            "its",
            "itself",
            "just",
            "least",
            "less",
            "let",
            "like",
            "may",
            "me",
            "might",
            "more",
            "most",
            "much",
            "must",
            "my",
            "myself",
            "neither",
            "no",
            "nor",
            "not",
            "now",
            "of",
            "off",
            "often",
            "on",
            "once",
            "one",
            "only",
            "or",
            "other",
            "others",
            "otherwise",
            "our",
            "ours",
            "ourselves",
            "out",
            "over",
            "own",
            "per",
            "perhaps",
            "please",
            "quite",
            "rather",
            "really",
            "same",
            "see",
            "seem",
            "seems",
            "several",
            "shall",
            "she",
            "should",
            "since",
            "so",
            "some",
            "such",
            "than",
            "that",
            "the",
            "their",
            "theirs",
            "them",
            "themselves",
            "then",
            "there",
            "therefore",
            "these",
            "they",
            "this",
            "those",
            "though",
            "through",
            "thus",
            "to",
            "together",
            "too",
            "toward",
            "towards",
            "under",
            "until",
            "up",
            "upon",
            "us",
            "use",
            "used",
            "using",
            "very",
            "via",
            "was",
            "we",
            "well",
            "were",
            "what",
            "whatever",
            "when",
            "whenever",
            "where",
            "whereas",
            "wherever",
            "whether",
            "which",
            "while",
            "who",
            "whoever",
            "whole",
            "whom",
            "whose",
            "why",
            "will",
            "with",
            "within",
            "without",
            "would",
            "yet",
            "you",
            "your",
            "yours",
            "yourself",
            "yourselves",
            "ll",
            "ve",
            "re",
            "don",
            "doesn",
            "isn",
            "aren",
            "won",
            "wasn",
            "weren",
            "didn",
            "hasn",
            "haven",
            "hadn",
            "couldn",
            "shouldn",
            "wouldn",
        };
        QSet<QString> set;
        for (const char *w : list)
            set.insert(QString::fromLatin1(w));
        return set;
    }();
    return words.contains(t);
}

QStringList contentTokens(QStringView input)
{
    QStringList out;
    for (const QString &t : tokenize(input))
        if (!isStopWord(t))
            out << t;
    return out;
}

bool containsWord(const QString &haystack, const QString &needle)
{
    const QString n = needle.trimmed();
    if (n.isEmpty())
        return false;
    qsizetype from = 0;
    for (;;) {
        const qsizetype at = haystack.indexOf(n, from, Qt::CaseInsensitive);
        if (at < 0)
            return false;
        const qsizetype end = at + n.size();
        const bool startOk = at == 0 || !isWordChar(haystack.at(at - 1));
        const bool endOk = end >= haystack.size() || !isWordChar(haystack.at(end));
        if (startOk && endOk)
            return true;
        from = at + 1;
    }
}

} // namespace gtm::text
