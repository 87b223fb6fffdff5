#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace gtm {

// One outside service the application talks to. Every layer that needs a provider's id,
// label, channel, environment variables or default rate reads it here, so that adding a
// provider is one row and the GUI and the CLI cannot disagree about it.
struct ProviderInfo
{
    enum class Kind { Source, Llm };

    QString id; // "tavily": settings keys, keychain entries, HttpRequest::provider
    QString label; // "Tavily": what the user reads
    Kind kind = Kind::Source;
    QString channel; // the strategy channel it serves; empty for LLMs
    QString keyVariable; // TAVILY_API_KEY; empty when the service takes no key
    QString urlVariable; // GTM_TAVILY_URL: scheme + host + port of a stand-in
    double defaultRatePerMinute = 0.0; // the seed's limits; 0: none published
    bool keyNeeded = false; // no key: the source skips its queries
    QString billingUnit; // what the provider charges for: "search", "request", "token", ""
    bool inSettings = true; // has a row of its own in Settings (keys, URL, limits)
};

// Every provider, in the order settings show them.
const QList<ProviderInfo> &providers();
// nullptr for an unknown id.
const ProviderInfo *findProvider(const QString &id);

QStringList sourceProviderIds(); // tavily, newsapi, greenhouse, lever, ashby, hackernews
QStringList keyProviderIds(); // the providers that take a key: tavily, newsapi, gemini, openai
QString providerChannel(const QString &id); // empty for LLMs and unknown ids

} // namespace gtm
