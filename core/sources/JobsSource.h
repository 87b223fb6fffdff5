#pragma once

#include "JobBoards.h"
#include "Source.h"
#include "SourceFactory.h"
#include "net/CircuitBreaker.h"

#include <QFuture>
#include <QHash>
#include <array>
#include <memory>

namespace gtm {

class ConcurrencyPool;
class HttpClient;

namespace text {
class TfIdfIndex;
}

// jobs_search through the company's public job board. The board is found once per company
// and run: Greenhouse, Lever and Ashby are asked at the same time and the first of them in
// that order that has the company is its board (or the configured one is read). Every
// strategy's query is ranked against its postings with TF-IDF, off the calling thread.
// In a pipeline each board request takes a slot of the jobs channel's pool; a query waiting
// for its company's board holds none. Each board is its own service with its own rate limit
// and circuit breaker: one that keeps failing is left out for a while, the others still count.
class JobsSource : public Source
{
public:
    JobsSource(HttpClient *http, SourceSettings settings);
    ~JobsSource() override;

    QString channel() const override;
    QString name() const override;

    QCoro::Task<SourceOutcome> search(SearchContext context) override;
    void resetRunCache() override;
    void releaseCompany(const QString &domain) override;
    int companiesKept() const { return int(m_boards.size()); } // for tests

    // Postings below this cosine similarity to the query are not evidence.
    static constexpr double SimilarityThreshold = 0.08;
    static constexpr int MaxPostings = 10;
    static constexpr qint64 MaxBoardBytes = 32 * 1024 * 1024;

    // Board slugs to try for a domain: the configured one, else its registrable label (and the
    // label without hyphens, a common alternative).
    QList<QPair<jobs::Board, QString>> candidates(const QString &domain) const;

private:
    struct BoardState;
    struct Probe;
    using BoardPtr = std::shared_ptr<const BoardState>;

    QCoro::Task<BoardPtr> discover(
        QString domain, CancelToken cancel, std::shared_ptr<PoolSlot> slot);
    QCoro::Task<Probe> probe(jobs::Board board, QString slug, CancelToken cancel,
        std::shared_ptr<PoolSlot> slot, std::shared_ptr<ConcurrencyPool> pool);

    HttpClient *m_http;
    SourceSettings m_settings;
    QHash<QString, QFuture<BoardPtr>> m_boards; // domain -> the board, fetched or in flight
    std::array<CircuitBreaker, 3> m_breakers; // per jobs::Board, for one run
};

} // namespace gtm
