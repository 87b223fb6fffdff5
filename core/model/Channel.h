#pragma once

#include <QString>
#include <QStringList>

namespace gtm::channel {

// The channel names are the seed's; strategies files and sessions carry them.
inline const QString GoogleSearch = QStringLiteral("google_search");
inline const QString NewsSearch = QStringLiteral("news_search");
inline const QString JobsSearch = QStringLiteral("jobs_search");
inline const QString Website = QStringLiteral("website");
inline const QString HackerNews = QStringLiteral("hackernews");

inline QStringList all()
{
    return {GoogleSearch, NewsSearch, JobsSearch, Website, HackerNews};
}

inline bool isKnown(const QString &name)
{
    return all().contains(name);
}

} // namespace gtm::channel
