#pragma once

#include "CompanyResult.h"
#include "QueryStrategy.h"
#include "ResearchRequest.h"
#include "RunMetrics.h"

#include <QSet>

namespace gtm {

// Everything a run has produced so far: what a session file holds and what resume starts from.
// A company whose queries are not all finished keeps the evidence of those that are.
struct RunState
{
    ResearchRequest request;
    QList<QueryStrategy> strategies;
    QList<CompanyResult> results; // one per request domain, in the request's order
    QSet<QString> finishedQueries; // queryKey(domain, strategyIndex)
    RunMetrics metrics;

    static QString queryKey(const QString &domain, int strategyIndex)
    {
        return domain + u'|' + QString::number(strategyIndex);
    }
};

} // namespace gtm
