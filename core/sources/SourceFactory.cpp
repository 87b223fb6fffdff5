#include "SourceFactory.h"

#include "HackerNewsSource.h"
#include "JobsSource.h"
#include "NewsApiSource.h"
#include "TavilySource.h"
#include "WebsiteSource.h"

#include <QtGlobal>

namespace gtm {

namespace {

void overrideUrl(SourceSettings &s, const char *variable, const QString &provider)
{
    const QString value = qEnvironmentVariable(variable).trimmed();
    if (value.isEmpty())
        return;
    const QUrl url(value, QUrl::StrictMode);
    if (url.isValid() && !url.scheme().isEmpty() && !url.host().isEmpty())
        s.baseUrls.insert(provider, url);
}

void overrideKey(SourceSettings &s, const char *variable, const QString &provider)
{
    const QString value = qEnvironmentVariable(variable).trimmed();
    if (!value.isEmpty())
        s.apiKeys.insert(provider, value);
}

} // namespace

SourceSettings SourceSettings::withEnvironment() const
{
    SourceSettings s = *this;
    overrideKey(s, "TAVILY_API_KEY", QStringLiteral("tavily"));
    overrideKey(s, "NEWS_API_KEY", QStringLiteral("newsapi"));
    overrideUrl(s, "GTM_TAVILY_URL", QStringLiteral("tavily"));
    overrideUrl(s, "GTM_NEWSAPI_URL", QStringLiteral("newsapi"));
    overrideUrl(s, "GTM_GREENHOUSE_URL", QStringLiteral("greenhouse"));
    overrideUrl(s, "GTM_LEVER_URL", QStringLiteral("lever"));
    overrideUrl(s, "GTM_ASHBY_URL", QStringLiteral("ashby"));
    overrideUrl(s, "GTM_HN_URL", QStringLiteral("hackernews"));
    const QString website = qEnvironmentVariable("GTM_WEBSITE_URL").trimmed();
    if (!website.isEmpty())
        s.websiteUrlTemplate = website;
    return s;
}

std::vector<std::unique_ptr<Source>> createSources(HttpClient *http, const SourceSettings &settings)
{
    std::vector<std::unique_ptr<Source>> out;
    out.push_back(std::make_unique<TavilySource>(http, settings));
    out.push_back(std::make_unique<NewsApiSource>(http, settings));
    out.push_back(std::make_unique<JobsSource>(http, settings));
    out.push_back(std::make_unique<WebsiteSource>(http, settings));
    out.push_back(std::make_unique<HackerNewsSource>(http, settings));
    return out;
}

} // namespace gtm
