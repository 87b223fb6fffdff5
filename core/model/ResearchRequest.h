#pragma once

#include "Channel.h"
#include "CrmRecords.h"
#include "Depth.h"

#include <QJsonObject>
#include <QStringList>
#include <optional>

namespace gtm {

struct ResearchRequest
{
    // The one range for max_parallel_searches: the CLI, the GUI and session files all accept
    // exactly this, so whatever one of them saved the others can open.
    static constexpr int MinParallelSearches = 1;
    static constexpr int MaxParallelSearches = 500;

    QString goal;
    QStringList domains;
    Depth depth = Depth::Standard;
    int maxParallelSearches = 20;
    double confidenceThreshold = 0.7;
    QStringList sources = channel::all();
    CrmRecords crm; // the imported CRM export's other columns; empty for a typed list
    // The goal's facets as the user edited them (GoalModel's JSON, as --print-goal-facets
    // writes it); empty: the analyzer reads them from the goal's text. Kept as JSON because
    // the model layer sits below the goal parser; sessionFromJson checks it.
    QJsonObject goalFacets;
    // Paid sources are asked only while the free ones leave the verdict open; this turns that
    // off for runs where every query must be sent (comparisons with earlier runs, audits).
    bool allQueries = false;

    QJsonObject toJson() const;
    static std::optional<ResearchRequest> fromJson(const QJsonObject &json, QString *error);

    bool operator==(const ResearchRequest &) const = default;
};

} // namespace gtm
