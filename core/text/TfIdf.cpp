#include "TfIdf.h"

#include "Text.h"

#include <algorithm>
#include <cmath>

namespace gtm::text {

namespace {

constexpr int MaxN = 3;
constexpr quint32 IdBits = 21;
constexpr quint32 MaxTokenId = (1u << IdBits) - 1;

// Unigram (a), bigram (a, b) and trigram (a, b, c) keys; ids start at 1, so the three kinds
// never collide. Id 0 stands for a token the index does not know: no term contains it.
template<typename Add> void forEachTerm(const QList<quint32> &ids, Add add)
{
    for (qsizetype i = 0; i < ids.size(); ++i) {
        quint64 key = 0;
        for (int n = 0; n < MaxN && i + n < ids.size(); ++n) {
            const quint32 id = ids.at(i + n);
            if (id == 0)
                break;
            key |= quint64(id) << (IdBits * n);
            add(key);
        }
    }
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
    auto idsOf = [this](const QString &text) {
        QList<quint32> ids;
        for (const QString &t : contentTokens(text)) {
            auto it = m_tokens.find(t);
            if (it == m_tokens.end()) {
                const auto next = quint32(m_tokens.size() + 1);
                it = m_tokens.insert(t, next <= MaxTokenId ? next : 0);
            }
            ids << *it;
        }
        return ids;
    };

    // Term counts per document: collected, sorted, duplicates summed.
    std::vector<Vector> counts;
    counts.reserve(size_t(documents.size()));
    std::vector<Term> all;
    for (const Document &d : documents) {
        Vector c;
        // N-grams do not run from the title into the body: they are separate texts.
        forEachTerm(idsOf(d.title), [&c](Term t) { c.emplace_back(t, 2.0f); });
        forEachTerm(idsOf(d.body), [&c](Term t) { c.emplace_back(t, 1.0f); });
        std::sort(
            c.begin(), c.end(), [](const auto &a, const auto &b) { return a.first < b.first; });
        Vector merged;
        merged.reserve(c.size());
        for (const auto &e : c) {
            if (!merged.empty() && merged.back().first == e.first)
                merged.back().second += e.second;
            else
                merged.push_back(e);
        }
        for (const auto &e : merged)
            all.push_back(e.first);
        counts.push_back(std::move(merged));
    }

    // Document frequencies: each document lists a term once, so counting runs is enough.
    std::sort(all.begin(), all.end());
    const double n = double(documents.size());
    for (size_t i = 0; i < all.size();) {
        size_t j = i;
        while (j < all.size() && all[j] == all[i])
            ++j;
        m_idf.emplace_back(all[i], float(std::log((1.0 + n) / (1.0 + double(j - i))) + 1.0));
        i = j;
    }

    m_vectors.reserve(counts.size());
    for (Vector &v : counts) {
        double sum = 0.0;
        // Both lists are sorted: each search starts where the previous one ended.
        auto from = m_idf.cbegin();
        for (auto &e : v) {
            from = std::lower_bound(
                from, m_idf.cend(), e.first, [](const auto &x, Term t) { return x.first < t; });
            e.second = float(e.second * from->second);
            sum += double(e.second) * double(e.second);
        }
        const double norm = sum > 0.0 ? std::sqrt(sum) : 1.0;
        for (auto &e : v)
            e.second = float(e.second / norm);
        m_vectors.push_back(std::move(v));
    }
}

double TfIdfIndex::idf(Term term) const
{
    const auto it = std::lower_bound(
        m_idf.begin(), m_idf.end(), term, [](const auto &e, Term t) { return e.first < t; });
    return it != m_idf.end() && it->first == term ? double(it->second) : 0.0;
}

QList<quint32> TfIdfIndex::tokenIds(const QString &text) const
{
    QList<quint32> ids;
    for (const QString &t : contentTokens(text))
        ids << m_tokens.value(t, 0);
    return ids;
}

TfIdfIndex::Vector TfIdfIndex::queryVector(const QString &query) const
{
    QHash<Term, double> q;
    forEachTerm(tokenIds(query), [&](Term t) {
        const double w = idf(t);
        if (w > 0.0)
            q[t] += w; // once per occurrence: tf * idf
    });
    double sum = 0.0;
    for (const double x : std::as_const(q))
        sum += x * x;
    const double norm = sum > 0.0 ? std::sqrt(sum) : 1.0;
    Vector v;
    for (auto it = q.cbegin(); it != q.cend(); ++it)
        v.emplace_back(it.key(), float(it.value() / norm));
    std::sort(v.begin(), v.end());
    return v;
}

double TfIdfIndex::dot(const Vector &query, const Vector &document)
{
    double sum = 0.0;
    auto from = document.begin();
    for (const auto &[term, weight] : query) {
        from = std::lower_bound(
            from, document.end(), term, [](const auto &e, Term t) { return e.first < t; });
        if (from == document.end())
            break;
        if (from->first == term)
            sum += double(weight) * double(from->second);
    }
    return sum;
}

double TfIdfIndex::similarity(const QString &query, int document) const
{
    if (document < 0 || document >= size())
        return 0.0;
    return dot(queryVector(query), m_vectors.at(size_t(document)));
}

QList<TfIdfIndex::Match> TfIdfIndex::rank(const QString &query, double threshold, int limit) const
{
    const Vector q = queryVector(query);
    QList<Match> matches;
    if (q.empty())
        return matches;
    for (int i = 0; i < size(); ++i) {
        const double s = dot(q, m_vectors.at(size_t(i)));
        if (s > 1e-12 && s >= threshold)
            matches << Match { i, s };
    }
    std::stable_sort(matches.begin(), matches.end(),
        [](const Match &a, const Match &b) { return a.similarity > b.similarity; });
    if (limit >= 0 && matches.size() > limit)
        matches.resize(limit);
    return matches;
}

} // namespace gtm::text
