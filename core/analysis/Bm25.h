#pragma once

#include <QHash>
#include <QList>
#include <QStringList>

namespace gtm {

// Okapi BM25 over a small corpus (one company's evidence): how much each document is about
// the query words, with rare words counting more than common ones.
class Bm25
{
public:
    explicit Bm25(const QList<QStringList> &documents, double k1 = 1.2, double b = 0.75);
    double score(int document, const QStringList &query) const;

private:
    QList<QHash<QString, int>> m_termCounts;
    QList<int> m_lengths;
    QHash<QString, int> m_documentFrequency;
    double m_averageLength = 0.0;
    double m_k1;
    double m_b;
};

} // namespace gtm
