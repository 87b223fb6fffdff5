#pragma once

#include "StrategyGenerator.h"

namespace gtm {

struct StrategyCount
{
    int min;
    int max;
};

// quick 4-6, standard 7-10, comprehensive 11-13.
StrategyCount strategyCount(Depth depth);

// Why a strategy cannot run, or an empty string: an unknown or disabled channel, a missing
// {DOMAIN}/{COMPANY_NAME} (jobs_search needs none: it searches the company's own board).
QString strategyProblem(const QueryStrategy &strategy, const QStringList &channels);

// Drops what cannot run (counted in plan->dropped), removes duplicates, sorts best first
// (a stable sort: equal scores keep their order) and keeps at most `max`.
void finalizePlan(StrategyPlan *plan, const QStringList &channels, int max);

} // namespace gtm
