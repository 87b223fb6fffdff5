#pragma once

#include "model/Evidence.h"

#include <QSet>

namespace gtm {

// One company's evidence seen so far. An item is a duplicate when its normalised URL, else
// its title, else its snippet was already seen: the same article syndicated under another
// URL, or the same page found by two strategies.
class EvidenceDeduplicator
{
public:
    // True when the item is new (and now remembered).
    bool add(const Evidence &evidence);

    static QString normalizeUrl(const QString &url);

private:
    QSet<QString> m_urls;
    QSet<QString> m_titles;
    QSet<QString> m_snippets;
};

} // namespace gtm
