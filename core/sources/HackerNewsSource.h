#pragma once

#include "Source.h"
#include "SourceFactory.h"

namespace gtm {

class HttpClient;

// hackernews through Algolia's HN search: stories matching the company's name and the
// strategy's terms; evidence is the story with its points and date.
class HackerNewsSource : public Source
{
public:
    HackerNewsSource(HttpClient *http, SourceSettings settings);

    QString channel() const override;
    QString name() const override;

    QCoro::Task<SourceOutcome> search(SearchContext context) override;

    // Algolia requires every word to match, so a long strategy query finds nothing: the
    // company's name and the first MaxTerms words that say what to look for.
    static QString buildQuery(
        const QString &companyName, const QString &domain, const QString &query);
    static constexpr int MaxTerms = 2;

private:
    HttpClient *m_http;
    SourceSettings m_settings;
};

} // namespace gtm
