#include "Bm25.h"

#include <QSet>
#include <cmath>

namespace gtm {

Bm25::Bm25(const QList<QStringList> &documents, double k1, double b)
    : m_k1(k1)
    , m_b(b)
{
    qint64 total = 0;
    for (const QStringList &doc : documents) {
        QHash<QString, int> counts;
        for (const QString &w : doc)
            counts[w] += 1;
        for (auto it = counts.cbegin(); it != counts.cend(); ++it)
            m_documentFrequency[it.key()] += 1;
        m_termCounts << counts;
        m_lengths << int(doc.size());
        total += doc.size();
    }
    m_averageLength = documents.isEmpty() ? 0.0 : double(total) / double(documents.size());
}

double Bm25::score(int document, const QStringList &query) const
{
    if (document < 0 || document >= m_termCounts.size() || m_averageLength <= 0.0)
        return 0.0;
    const double n = double(m_termCounts.size());
    const QHash<QString, int> &counts = m_termCounts.at(document);
    const double lengthNorm = 1.0 - m_b + m_b * double(m_lengths.at(document)) / m_averageLength;
    double s = 0.0;
    QSet<QString> seen;
    for (const QString &q : query) {
        if (seen.contains(q))
            continue;
        seen.insert(q);
        const int tf = counts.value(q);
        if (tf == 0)
            continue;
        const double df = m_documentFrequency.value(q);
        // The +1 keeps the weight positive when a word is in most of a handful of documents.
        const double idf = std::log(1.0 + (n - df + 0.5) / (df + 0.5));
        s += idf * (tf * (m_k1 + 1.0)) / (tf + m_k1 * lengthNorm);
    }
    return s;
}

} // namespace gtm
