#pragma once

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>
#include <vector>

namespace gtm::text {

// Word n-grams from minN to maxN tokens long, joined with single spaces.
QStringList ngrams(const QStringList &tokens, int minN, int maxN);

// A TF-IDF model over a fixed set of documents (job postings), to rank them against short
// queries by cosine similarity. Tokens are lower-cased words without English stop words,
// terms are unigrams to trigrams, the title counts twice, IDF is smoothed
// (ln((1 + n) / (1 + df)) + 1) and vectors are L2-normalised. Immutable once built, so one
// index can serve queries from several threads.
class TfIdfIndex
{
public:
    struct Document
    {
        QString title;
        QString body; // plain text
    };

    struct Match
    {
        int document = -1;
        double similarity = 0.0;
    };

    TfIdfIndex() = default;
    explicit TfIdfIndex(const QList<Document> &documents);

    int size() const { return int(m_vectors.size()); }

    // Documents whose similarity to the query is at least threshold (and above zero), best
    // first, ties in document order, at most limit.
    QList<Match> rank(const QString &query, double threshold, int limit) const;

    double similarity(const QString &query, int document) const;

private:
    // A term is up to three token ids packed into 63 bits, and vectors are sorted arrays:
    // a big board has millions of n-grams, and strings or hash tables would make building its
    // index take seconds.
    using Term = quint64;
    using Vector = std::vector<std::pair<Term, float>>; // sorted by term

    QList<quint32> tokenIds(const QString &text) const;
    double idf(Term term) const; // 0 for a term no document has
    Vector queryVector(const QString &query) const;
    static double dot(const Vector &query, const Vector &document);

    QHash<QString, quint32> m_tokens; // token -> id, from 1
    Vector m_idf; // sorted by term
    std::vector<Vector> m_vectors;
};

} // namespace gtm::text
