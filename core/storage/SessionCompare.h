#pragma once

#include "model/RunState.h"

class QIODevice;

namespace gtm {

// How one company moved between two runs of the same goal.
struct CompanyChange
{
    enum class Kind {
        NewMatch, // below the threshold before (or not researched), a match now
        LostMatch, // a match before, not now
        Up, // confidence rose by at least the move threshold, same side of the threshold
        Down, // fell by at least the move threshold
        Same,
        Added, // only in the new run
        Removed, // only in the old run
    };
    QString domain;
    Kind kind = Kind::Same;
    std::optional<double> oldConfidence;
    std::optional<double> newConfidence;
    QString oldStatus;
    QString newStatus;
};

QString changeKindToString(CompanyChange::Kind kind); // "new_match", "lost_match", "up", ...

// Compares two sessions company by company, under one threshold (the new run's) so that a
// changed threshold does not pass for a change in the evidence. Moves smaller than minMove
// count as the same. New matches first, then lost matches, then moves (largest first), then
// the rest in the new run's order, then companies the new run dropped.
QList<CompanyChange> compareRuns(
    const RunState &before, const RunState &after, double threshold, double minMove = 0.05);

// domain,change,old_confidence,new_confidence,delta,old_status,new_status (RFC 4180,
// formula cells neutralised like the results CSV).
bool writeChangesCsv(QIODevice *out, const QList<CompanyChange> &changes, QString *error);
bool saveChangesCsv(const QString &path, const QList<CompanyChange> &changes, QString *error);

} // namespace gtm
