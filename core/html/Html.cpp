#include "Html.h"

#include "text/Text.h"

#include <cstring>
#include <gumbo.h>
#include <vector>

namespace gtm::html {

namespace {

// gumbo's tree construction looks through the stack of open elements for almost every tag, so
// time grows with the square of the nesting: 40,000 unclosed <div>s (200 KB) take seconds.
// Browsers cap the depth too (Chromium at 512); deeper start tags are dropped before parsing,
// their text stays.
constexpr int kMaxNesting = 512;

bool isAsciiLetter(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

bool isTagSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

bool nameIn(const QByteArray &name, std::initializer_list<const char *> names)
{
    for (const char *n : names)
        if (name == n)
            return true;
    return false;
}

// Elements without an end tag: they never stay open.
bool isVoid(const QByteArray &name)
{
    return nameIn(name,
        { "area", "base", "br", "col", "embed", "hr", "img", "input", "keygen", "link", "meta",
            "param", "source", "track", "wbr" });
}

// Elements whose content is text up to their own end tag: nothing inside them nests.
bool isRawText(const QByteArray &name)
{
    return nameIn(name,
        { "script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes",
            "noscript" });
}

// A second <p>, <li>, ... closes the first one.
bool closesItsSibling(const QByteArray &name)
{
    return nameIn(name, { "p", "li", "dt", "dd", "option", "tr", "td", "th" });
}

qsizetype indexOfCaseless(const QByteArray &hay, const QByteArray &lowerNeedle, qsizetype from)
{
    for (qsizetype i = hay.indexOf('<', from); i >= 0; i = hay.indexOf('<', i + 1)) {
        if (i + lowerNeedle.size() > hay.size())
            return -1;
        if (qstrnicmp(hay.constData() + i, lowerNeedle.constData(), lowerNeedle.size()) == 0)
            return i;
    }
    return -1;
}

// The end of the tag that starts at `from` ('<'): the index after its '>', or -1. Quotes hide a
// '>' only in an attribute value, as in the HTML tokenizer.
qsizetype tagEnd(const QByteArray &html, qsizetype from)
{
    const char *d = html.constData();
    const qsizetype n = html.size();
    char lastNonSpace = 0;
    for (qsizetype i = from + 1; i < n; ++i) {
        const char c = d[i];
        if (c == '>')
            return i + 1;
        if ((c == '"' || c == '\'') && lastNonSpace == '=') {
            const char *close
                = static_cast<const char *>(std::memchr(d + i + 1, c, size_t(n - i - 1)));
            if (!close)
                return -1;
            i = close - d;
            lastNonSpace = c;
            continue;
        }
        if (!isTagSpace(c))
            lastNonSpace = c;
    }
    return -1;
}

// A cheap pass over the markup that follows which elements are open (approximately: more open
// than a browser would count, never fewer for the nesting that costs) and drops start tags
// beyond kMaxNesting. Returns the input itself when nothing is that deep.
QByteArray capNesting(const QByteArray &html)
{
    std::vector<QByteArray> open;
    QByteArray out;
    qsizetype copied = 0; // html[0, copied) is in out
    bool dropped = false;
    const qsizetype n = html.size();
    qsizetype i = 0;
    while (i < n) {
        const qsizetype lt = html.indexOf('<', i);
        if (lt < 0 || lt + 1 >= n)
            break;
        const char next = html.at(lt + 1);
        if (html.mid(lt, 4) == "<!--") {
            const qsizetype close = html.indexOf("-->", lt + 4);
            if (close < 0)
                break;
            i = close + 3;
            continue;
        }
        if (next == '!' || next == '?') {
            const qsizetype close = html.indexOf('>', lt + 2);
            if (close < 0)
                break;
            i = close + 1;
            continue;
        }
        const bool endTag = next == '/';
        const qsizetype nameStart = lt + (endTag ? 2 : 1);
        if (nameStart >= n || !isAsciiLetter(html.at(nameStart))) {
            i = lt + 1; // a lone '<' is text
            continue;
        }
        qsizetype nameEnd = nameStart;
        while (nameEnd < n && !isTagSpace(html.at(nameEnd)) && html.at(nameEnd) != '/'
            && html.at(nameEnd) != '>')
            ++nameEnd;
        const QByteArray name = html.mid(nameStart, nameEnd - nameStart).toLower();
        const qsizetype end = tagEnd(html, nameEnd - 1);
        if (end < 0)
            break;
        i = end;
        if (endTag) {
            for (auto it = open.rbegin(); it != open.rend(); ++it) {
                if (*it == name) {
                    open.erase(std::prev(it.base()), open.end());
                    break;
                }
            }
            continue;
        }
        if (isVoid(name))
            continue;
        if (isRawText(name)) {
            const qsizetype close = indexOfCaseless(html, "</" + name, end);
            if (close < 0)
                break;
            i = close;
            continue;
        }
        if (name == "plaintext")
            break;
        if (closesItsSibling(name) && !open.empty() && open.back() == name)
            open.pop_back();
        if (open.size() < size_t(kMaxNesting)) {
            open.push_back(name);
            continue;
        }
        if (!dropped) {
            out.reserve(n);
            dropped = true;
        }
        out.append(html.constData() + copied, lt - copied);
        out.append(' '); // words on either side of the tag stay apart
        copied = end;
    }
    if (!dropped)
        return html;
    out.append(html.constData() + copied, n - copied);
    return out;
}

// Parses after capping the nesting; gumbo keeps no error list (a page with thousands of
// unclosed elements would otherwise cost gigabytes: each error copies the open-element stack).
GumboOutput *parseBounded(const QByteArray &utf8, QByteArray &keepAlive)
{
    keepAlive = capNesting(utf8);
    GumboOptions options = kGumboDefaultOptions;
    options.max_errors = 0;
    return gumbo_parse_with_options(&options, keepAlive.constData(), size_t(keepAlive.size()));
}

bool isHidden(GumboTag tag)
{
    switch (tag) {
    case GUMBO_TAG_SCRIPT:
    case GUMBO_TAG_STYLE:
    case GUMBO_TAG_NOSCRIPT:
    case GUMBO_TAG_TEMPLATE:
    case GUMBO_TAG_HEAD:
    case GUMBO_TAG_SVG:
    case GUMBO_TAG_MATH:
    case GUMBO_TAG_IFRAME:
    case GUMBO_TAG_OBJECT:
    case GUMBO_TAG_SELECT:
    case GUMBO_TAG_CANVAS:
        return true;
    default:
        return false;
    }
}

// Elements that start a new passage: text on either side of them reads as separate blocks.
bool isBlock(GumboTag tag)
{
    switch (tag) {
    case GUMBO_TAG_P:
    case GUMBO_TAG_DIV:
    case GUMBO_TAG_LI:
    case GUMBO_TAG_UL:
    case GUMBO_TAG_OL:
    case GUMBO_TAG_DL:
    case GUMBO_TAG_DT:
    case GUMBO_TAG_DD:
    case GUMBO_TAG_H1:
    case GUMBO_TAG_H2:
    case GUMBO_TAG_H3:
    case GUMBO_TAG_H4:
    case GUMBO_TAG_H5:
    case GUMBO_TAG_H6:
    case GUMBO_TAG_TABLE:
    case GUMBO_TAG_TR:
    case GUMBO_TAG_TD:
    case GUMBO_TAG_TH:
    case GUMBO_TAG_SECTION:
    case GUMBO_TAG_ARTICLE:
    case GUMBO_TAG_HEADER:
    case GUMBO_TAG_FOOTER:
    case GUMBO_TAG_NAV:
    case GUMBO_TAG_MAIN:
    case GUMBO_TAG_ASIDE:
    case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_PRE:
    case GUMBO_TAG_BR:
    case GUMBO_TAG_HR:
    case GUMBO_TAG_FORM:
    case GUMBO_TAG_FIGURE:
    case GUMBO_TAG_FIGCAPTION:
    case GUMBO_TAG_ADDRESS:
    case GUMBO_TAG_BODY:
        return true;
    default:
        return false;
    }
}

QString attribute(const GumboElement &e, const char *name)
{
    const GumboAttribute *a = gumbo_get_attribute(&e.attributes, name);
    return a ? QString::fromUtf8(a->value).trimmed() : QString();
}

struct Walker
{
    ParsedPage *page = nullptr; // null: text only
    QStringList passages;
    QString current;

    void flush()
    {
        const QString t = text::collapseWhitespace(current);
        if (!t.isEmpty())
            passages << t;
        current.clear();
    }

    void collect(const GumboElement &e)
    {
        if (!page)
            return;
        switch (e.tag) {
        case GUMBO_TAG_SCRIPT: {
            const QString src = attribute(e, "src");
            if (!src.isEmpty())
                page->scriptSources << src;
            break;
        }
        case GUMBO_TAG_LINK: {
            const QString href = attribute(e, "href");
            if (!href.isEmpty())
                page->linkHrefs << href;
            break;
        }
        case GUMBO_TAG_IMG: {
            const QString src = attribute(e, "src");
            if (!src.isEmpty())
                page->imageSources << src;
            break;
        }
        case GUMBO_TAG_META: {
            QString name = attribute(e, "name");
            if (name.isEmpty())
                name = attribute(e, "property");
            if (name.isEmpty())
                name = attribute(e, "http-equiv");
            if (!name.isEmpty())
                page->metas.append(
                    { name.toLower(), text::collapseWhitespace(attribute(e, "content")) });
            break;
        }
        case GUMBO_TAG_TITLE:
            if (page->title.isEmpty() && e.children.length > 0) {
                const auto *child = static_cast<const GumboNode *>(e.children.data[0]);
                if (child->type == GUMBO_NODE_TEXT)
                    page->title = text::collapseWhitespace(QString::fromUtf8(child->v.text.text));
            }
            break;
        default:
            break;
        }
    }

    void walk(const GumboNode *node, bool hidden, int depth = 0)
    {
        // gumbo may nest deeper than the capped markup (formatting elements it re-opens); the
        // recursion stays bounded whatever the tree.
        if (depth > 4 * kMaxNesting)
            return;
        switch (node->type) {
        case GUMBO_NODE_TEXT:
        case GUMBO_NODE_CDATA:
        case GUMBO_NODE_WHITESPACE:
            if (!hidden)
                current += QString::fromUtf8(node->v.text.text);
            return;
        case GUMBO_NODE_COMMENT:
            return;
        case GUMBO_NODE_DOCUMENT:
        case GUMBO_NODE_ELEMENT:
        case GUMBO_NODE_TEMPLATE:
            break;
        }
        const GumboVector *children = nullptr;
        bool block = false;
        bool childHidden = hidden;
        if (node->type == GUMBO_NODE_DOCUMENT) {
            children = &node->v.document.children;
        } else {
            const GumboElement &e = node->v.element;
            collect(e);
            children = &e.children;
            block = isBlock(e.tag);
            childHidden = hidden || isHidden(e.tag) || node->type == GUMBO_NODE_TEMPLATE
                || gumbo_get_attribute(&e.attributes, "hidden") != nullptr;
            if (!childHidden && !block)
                current += u' '; // inline neighbours ("<span>a</span><span>b</span>") stay words
        }
        if (block)
            flush();
        for (unsigned i = 0; i < children->length; ++i)
            walk(static_cast<const GumboNode *>(children->data[i]), childHidden, depth + 1);
        if (block)
            flush();
    }
};

} // namespace

QString ParsedPage::meta(const QString &lowerCaseName) const
{
    for (const auto &m : metas)
        if (m.first == lowerCaseName)
            return m.second;
    return {};
}

ParsedPage parsePage(const QByteArray &utf8)
{
    ParsedPage page;
    QByteArray input;
    GumboOutput *output = parseBounded(utf8, input);
    if (!output)
        return page;
    Walker w;
    w.page = &page;
    w.walk(output->document, false);
    w.flush();
    page.passages = std::move(w.passages);
    gumbo_destroy_output(&kGumboDefaultOptions, output);
    return page;
}

QString toPlainText(const QString &html)
{
    if (!html.contains(u'<') && !html.contains(u'&'))
        return text::collapseWhitespace(html);
    QByteArray input;
    GumboOutput *output = parseBounded(html.toUtf8(), input);
    if (!output)
        return text::collapseWhitespace(html);
    Walker w;
    w.walk(output->root, false);
    w.flush();
    gumbo_destroy_output(&kGumboDefaultOptions, output);
    return w.passages.join(u' ');
}

} // namespace gtm::html
