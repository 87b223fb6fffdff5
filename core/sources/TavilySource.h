#pragma once

#include "Source.h"
#include "SourceFactory.h"

namespace gtm {

class HttpClient;

// google_search through Tavily's /search (bearer key). A basic search costs 1 credit, an
// advanced one 2 (docs.tavily.com/documentation/api-credits): quick -> basic with 2 results,
// standard -> basic with 3, comprehensive -> advanced with 5.
class TavilySource : public Source
{
public:
    TavilySource(HttpClient *http, SourceSettings settings);

    QString channel() const override;
    QString name() const override;
    bool requiresKey() const override { return true; }
    bool hasKey() const override { return !m_key.isEmpty(); }

    QCoro::Task<SourceOutcome> search(SearchContext context) override;

    static QString searchDepth(Depth depth);
    // "news" for a query about announcements, funding or press (Tavily's news index, dated),
    // else "general".
    static QString topicFor(const QString &query);
    static constexpr int MaxQueryLength = 400;

private:
    HttpClient *m_http;
    SourceSettings m_settings;
    QString m_key;
};

} // namespace gtm
