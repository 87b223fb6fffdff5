#include "Providers.h"

#include "Channel.h"

using namespace Qt::StringLiterals;

namespace gtm {

const QList<ProviderInfo> &providers()
{
    using K = ProviderInfo::Kind;
    static const QList<ProviderInfo> table {
        { u"tavily"_s, u"Tavily"_s, K::Source, channel::GoogleSearch, u"TAVILY_API_KEY"_s,
            u"GTM_TAVILY_URL"_s, 500, true, u"search"_s },
        { u"newsapi"_s, u"NewsAPI"_s, K::Source, channel::NewsSearch, u"NEWS_API_KEY"_s,
            u"GTM_NEWSAPI_URL"_s, 300, true, u"request"_s },
        { u"greenhouse"_s, u"Greenhouse"_s, K::Source, channel::JobsSearch, {},
            u"GTM_GREENHOUSE_URL"_s, 0, false, {} },
        { u"lever"_s, u"Lever"_s, K::Source, channel::JobsSearch, {}, u"GTM_LEVER_URL"_s, 0, false,
            {} },
        { u"ashby"_s, u"Ashby"_s, K::Source, channel::JobsSearch, {}, u"GTM_ASHBY_URL"_s, 0, false,
            {} },
        { u"hackernews"_s, u"Hacker News"_s, K::Source, channel::HackerNews, {}, u"GTM_HN_URL"_s, 0,
            false, {} },
        // The company's own site: a URL template (GTM_WEBSITE_URL) rather than a base URL.
        { u"website"_s, u"Company websites"_s, K::Source, channel::Website, {},
            u"GTM_WEBSITE_URL"_s, 0, false, {}, false },
        { u"gemini"_s, u"Gemini"_s, K::Llm, {}, u"GEMINI_API_KEY"_s, u"GTM_GEMINI_URL"_s, 2000,
            true, u"token"_s },
        // Local servers (Ollama, llama.cpp) take no key; OpenAI itself does.
        { u"openai"_s, u"OpenAI-compatible"_s, K::Llm, {}, u"OPENAI_API_KEY"_s, u"GTM_OPENAI_URL"_s,
            0, false, u"token"_s },
    };
    return table;
}

const ProviderInfo *findProvider(const QString &id)
{
    for (const ProviderInfo &p : providers())
        if (p.id == id)
            return &p;
    return nullptr;
}

QStringList sourceProviderIds()
{
    QStringList ids;
    for (const ProviderInfo &p : providers())
        if (p.kind == ProviderInfo::Kind::Source && p.inSettings)
            ids << p.id;
    return ids;
}

QStringList keyProviderIds()
{
    QStringList ids;
    for (const ProviderInfo &p : providers())
        if (!p.keyVariable.isEmpty())
            ids << p.id;
    return ids;
}

QString providerChannel(const QString &id)
{
    const ProviderInfo *p = findProvider(id);
    return p ? p->channel : QString();
}

} // namespace gtm
