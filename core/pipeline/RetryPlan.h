#pragma once

#include "model/RunState.h"

#include <QHash>

namespace gtm {

// Prepares a finished (or interrupted) run so that resuming it runs again only what failed:
// each company with a failure gets the queries of the failing sources' channels unmarked,
// their error cleared and its row queued again, keeping the evidence it has; every other
// company and query is left as it was. channelOfSource maps a source's name (the key of
// CompanyResult::errors) to its channel; a failure of a source not in it re-runs all of that
// company's queries. Returns the number of queries that will run again.
int requeueFailedQueries(RunState &state, const QHash<QString, QString> &channelOfSource);

// The same for the given companies, every query of theirs ("re-run selected companies"): their
// rows start over, evidence and errors included.
int requeueCompanies(RunState &state, const QStringList &domains);

} // namespace gtm
