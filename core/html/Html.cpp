#include "Html.h"

#include "text/Text.h"

#include <gumbo.h>

namespace gtm::html {

namespace {

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

    void walk(const GumboNode *node, bool hidden)
    {
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
            walk(static_cast<const GumboNode *>(children->data[i]), childHidden);
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
    GumboOutput *output
        = gumbo_parse_with_options(&kGumboDefaultOptions, utf8.constData(), size_t(utf8.size()));
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
    const QByteArray utf8 = html.toUtf8();
    GumboOutput *output
        = gumbo_parse_with_options(&kGumboDefaultOptions, utf8.constData(), size_t(utf8.size()));
    if (!output)
        return text::collapseWhitespace(html);
    Walker w;
    w.walk(output->root, false);
    w.flush();
    gumbo_destroy_output(&kGumboDefaultOptions, output);
    return w.passages.join(u' ');
}

} // namespace gtm::html
