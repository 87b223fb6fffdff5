#include "SourceFactory.h"

#include "HackerNewsSource.h"
#include "JobsSource.h"
#include "NewsApiSource.h"
#include "TavilySource.h"
#include "WebsiteSource.h"
#include "model/Providers.h"

#include <QtGlobal>

namespace gtm {

SourceSettings SourceSettings::withEnvironment() const
{
    SourceSettings s = *this;
    for (const ProviderInfo &p : providers()) {
        if (p.kind != ProviderInfo::Kind::Source)
            continue;
        const QString value = qEnvironmentVariable(p.urlVariable.toLatin1().constData()).trimmed();
        if (!p.inSettings) {
            // The website's variable is a template with {domain}, not a base URL.
            if (!value.isEmpty())
                s.websiteUrlTemplate = value;
            continue;
        }
        const QUrl url(value, QUrl::StrictMode);
        if (!value.isEmpty() && url.isValid() && !url.scheme().isEmpty() && !url.host().isEmpty())
            s.baseUrls.insert(p.id, url);
        if (!p.keyVariable.isEmpty()) {
            const QString key
                = qEnvironmentVariable(p.keyVariable.toLatin1().constData()).trimmed();
            if (!key.isEmpty())
                s.apiKeys.insert(p.id, key);
        }
    }
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
