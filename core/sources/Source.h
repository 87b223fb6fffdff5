#pragma once

#include "model/Depth.h"
#include "model/Evidence.h"
#include "model/QueryStrategy.h"
#include "net/CancelToken.h"

#include <QCoroTask>
#include <QList>
#include <memory>

namespace gtm {

class PoolSlot;

// What a source is asked: one strategy's query for one company.
struct SearchContext
{
    QString domain;
    QString companyName;
    QueryStrategy strategy;
    QString query; // strategy.buildQuery(domain)
    QString goal;
    Depth depth = Depth::Standard;
    // The run's cancel token: put it on every HttpRequest (request.cancel = context.cancel) so
    // that cancelling the run aborts this query's requests and waits, and nothing else.
    CancelToken cancel;
    // The query's slot in its source's concurrency pool, the channel's limit: the pipeline
    // took it before the call and frees it when the query returns. A source whose queries
    // share one fetch per company (job boards) frees it while a query waits for another's
    // fetch, and takes one from slot->pool() per request it sends at the same time. Null
    // outside a pipeline.
    std::shared_ptr<PoolSlot> slot;
};

struct SourceOutcome
{
    enum class Status {
        Ok, // answered (evidence may be empty: nothing found is a valid answer)
        Failed, // this query failed; reason says why
        Skipped, // not run: no API key, or the source is stopped; not a failure
    };
    Status status = Status::Ok;
    QList<Evidence> evidence;
    QString reason; // readable, shown in the row: "NewsAPI rejected the API key"
    // Ok, but part of the query could not be answered (one job board of three was down): shown
    // in the row next to the evidence the rest found.
    QString partialFailure;
    bool stopSource = false; // the provider refuses for the rest of the run (quota, plan, key)
    // The failure is the company's own (its site answered 404 or 500), or one job board's of
    // three (with a breaker of its own), not the whole source's: reported in the row, but no
    // sign that the source is down, so the pipeline's breaker ignores it.
    bool companyFault = false;
    int requests = 0; // requests sent on the wire, retries included
    int retries = 0;
    int cacheHits = 0;
};

// A client of one outside service. Implementations live in core/sources and are given their
// HttpClient, settings and keys through their constructors.
class Source
{
public:
    virtual ~Source() = default;

    virtual QString channel() const = 0; // model/Channel.h
    virtual QString name() const = 0; // shown to the user and in evidence: "Tavily"
    virtual bool requiresKey() const { return false; }
    virtual bool hasKey() const { return true; }

    // Parameters by value: coroutine reference parameters dangle after the first suspension.
    virtual QCoro::Task<SourceOutcome> search(SearchContext context) = 0;

    // Sources that fetch something once per company and run (job boards, website pages) keep
    // it until this is called; a pipeline calls it when a run starts so a new run sees fresh
    // answers. Must not be called while searches are in flight.
    virtual void resetRunCache() { }

    // Every query of the run for this company has finished: what was kept for it (its pages,
    // its job board) can go. Without it a run holds every company's site and board until it
    // ends: megabytes per company on real sites, for thousands of companies.
    virtual void releaseCompany(const QString &domain) { Q_UNUSED(domain); }
};

} // namespace gtm
