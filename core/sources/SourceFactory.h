#pragma once

#include "Source.h"

#include <QMap>
#include <QUrl>
#include <memory>
#include <vector>

namespace gtm {

class HttpClient;

// What the source clients need from settings: keys, base URLs and per-domain overrides.
// Provider ids: "tavily", "newsapi", "greenhouse", "lever", "ashby", "hackernews".
struct SourceSettings
{
    QMap<QString, QString> apiKeys;   // provider id -> key
    QMap<QString, QUrl> baseUrls;     // provider id -> scheme://host:port; empty: the real service
    QString websiteUrlTemplate;       // e.g. http://127.0.0.1:8080/site/{domain}; empty: https://{domain}
    QMap<QString, QString> jobBoardOverrides; // domain -> "greenhouse:token" | "lever:site" | "ashby:name"

    // Applies the environment of design.md (TAVILY_API_KEY, GTM_TAVILY_URL, ...) over this.
    SourceSettings withEnvironment() const;
};

// Builds one client per outside service.
std::vector<std::unique_ptr<Source>> createSources(HttpClient *http, const SourceSettings &settings);

} // namespace gtm
