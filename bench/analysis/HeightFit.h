#pragma once

#include "LabelledFixture.h"

#include <QTextStream>

namespace gtm::bench {

// Cue heights learned across writers. The facet judges add up cues ("a .de domain", "place
// mentioned, own words") at heights set by hand while reading the tuning sets; this learns one
// factor per cue from every writer's labels, and scores each set by the factors learned on the
// others (leave one writer out), next to the hand heights. A cue's factor only says how far the
// hand height is off: the judge keeps its readings, its refusals and its order of evidence.

// One company x goal whose goal has the facet: what the facet's verdict adds up, and the
// weakest of the other facets (a goal is the conjunction of its facets).
struct HeightCase
{
    QString set;
    QString goal;
    bool truth = false;
    double others = 1.0;
    double hand = 0.0; // the judge's strength
    QList<std::pair<QString, double>> cues; // reason, strength as counted
    QList<std::pair<QString, double>> against;
    double profile = 0.0; // CompanyProfile's reading, a floor the cues do not move
    double profileAgainst = 0.0;
    double learned = 0.0; // TokenModel's cue, added last
};

QList<HeightCase> heightCases(const TechDictionary &dictionary, const LabelledFixture &fixture,
    const QString &set, FacetKind facet);

// `--fit-heights FACET`: F1 per set with the hand heights and with factors learned on the
// other sets, then the factors learned on all of them.
void printHeightFit(QTextStream &out, const QList<HeightCase> &cases, double threshold);

} // namespace gtm::bench
