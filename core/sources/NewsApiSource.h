#pragma once

#include "Source.h"
#include "SourceFactory.h"

namespace gtm {

class HttpClient;

// news_search through NewsAPI's /v2/everything: the company's name quoted AND the strategy's
// query, English, by relevancy, 2/3/5 articles by depth, key in X-Api-Key.
class NewsApiSource : public Source
{
public:
    NewsApiSource(HttpClient *http, SourceSettings settings);

    QString channel() const override;
    QString name() const override;
    bool requiresKey() const override { return true; }
    bool hasKey() const override { return !m_key.isEmpty(); }

    QCoro::Task<SourceOutcome> search(SearchContext context) override;

    // "\"Stripe\" AND (fraud detection)", at most 500 characters: the query is cut on a word
    // boundary, never inside a quoted phrase, and the parentheses stay balanced.
    static QString buildQuery(const QString &companyName, const QString &query);
    // The readable reason for one of NewsAPI's error codes, and whether it ends the run for
    // this source.
    static QString reasonForCode(const QString &code, const QString &message, bool *stop);

    static constexpr int MaxQueryLength = 500;

private:
    HttpClient *m_http;
    SourceSettings m_settings;
    QString m_key;
};

} // namespace gtm
