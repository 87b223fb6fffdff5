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

    // Forgets everything: for a company whose row is final.
    void clear();

private:
    // 64-bit hashes instead of the texts: a 10,000-company run would otherwise keep a second
    // copy of every URL, title and snippet it found.
    QSet<size_t> m_urls;
    QSet<size_t> m_titles;
    QSet<size_t> m_snippets;
};

} // namespace gtm
