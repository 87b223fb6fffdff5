#include "TfIdf.h"

#include "Text.h"

#include <algorithm>
#include <cmath>

namespace gtm::text {

namespace {

constexpr int MinN = 1;
constexpr int MaxN = 3;

void addTerms(QHash<QString, double> &counts, const QString &text, double weight)
{
    for (const QString &term : ngrams(contentTokens(text), MinN, MaxN))
        counts[term] += weight;
}

void normalise(QHash<QString, double> &v)
{
    double sum = 0.0;
    for (const double x : std::as_const(v))
        sum += x * x;
    if (sum <= 0.0)
        return;
    const double norm = std::sqrt(sum);
    for (double &x : v)
        x /= norm;
}

} // namespace

QStringList ngrams(const QStringList &tokens, int minN, int maxN)
{
    QStringList out;
    for (int n = minN; n <= maxN; ++n) {
        for (qsizetype i = 0; i + n <= tokens.size(); ++i) {
            QString term = tokens.at(i);
            for (int k = 1; k < n; ++k)
                term += u' ' + tokens.at(i + k);
            out << term;
        }
    }
    return out;
}

TfIdfIndex::TfIdfIndex(const QList<Document> &documents)
{
    QList<Vector> counts;
    counts.reserve(documents.size());
    QHash<QString, int> df;
    for (const Document &d : documents) {
        Vector c;
        // N-grams do not run from the title into the body: they are separate texts.
        addTerms(c, d.title, 2.0);
        addTerms(c, d.body, 1.0);
        for (auto it = c.cbegin(); it != c.cend(); ++it)
            df[it.key()] += 1;
        counts << std::move(c);
    }
    const double n = double(documents.size());
    for (auto it = df.cbegin(); it != df.cend(); ++it)
        m_idf.insert(it.key(), std::log((1.0 + n) / (1.0 + it.value())) + 1.0);
    for (Vector &c : counts) {
        for (auto it = c.begin(); it != c.end(); ++it)
            it.value() *= m_idf.value(it.key());
        normalise(c);
    }
    m_vectors = std::move(counts);
}

TfIdfIndex::Vector TfIdfIndex::queryVector(const QString &query) const
{
    Vector q;
    for (const QString &term : ngrams(contentTokens(query), MinN, MaxN)) {
        const auto idf = m_idf.constFind(term);
        if (idf != m_idf.constEnd())
            q[term] += *idf;
    }
    // Repeated terms were added once per occurrence already weighted by idf: tf * idf.
    normalise(q);
    return q;
}

double TfIdfIndex::similarity(const QString &query, int document) const
{
    if (document < 0 || document >= m_vectors.size())
        return 0.0;
    const Vector q = queryVector(query);
    const Vector &d = m_vectors.at(document);
    double dot = 0.0;
    for (auto it = q.cbegin(); it != q.cend(); ++it)
        dot += it.value() * d.value(it.key());
    return dot;
}

QList<TfIdfIndex::Match> TfIdfIndex::rank(const QString &query, double threshold, int limit) const
{
    const Vector q = queryVector(query);
    QList<Match> matches;
    if (q.isEmpty())
        return matches;
    for (int i = 0; i < m_vectors.size(); ++i) {
        const Vector &d = m_vectors.at(i);
        double dot = 0.0;
        for (auto it = q.cbegin(); it != q.cend(); ++it)
            dot += it.value() * d.value(it.key());
        if (dot > 0.0 && dot >= threshold)
            matches << Match { i, dot };
    }
    std::stable_sort(matches.begin(), matches.end(),
        [](const Match &a, const Match &b) { return a.similarity > b.similarity; });
    if (limit >= 0 && matches.size() > limit)
        matches.resize(limit);
    return matches;
}

} // namespace gtm::text
