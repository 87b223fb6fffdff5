#pragma once

#include "goal/GoalModel.h"

#include <QList>
#include <QMap>
#include <QString>
#include <optional>

namespace gtm::bench {

// A goal as a sales rep typed it, with the facets a careful reader takes from it
// (tests/data/goal/phrasings-*.json, written by people who did not write the parser).
struct Phrasing
{
    QString text;
    QString lang; // "en", "de", "fr", "es", "nl"
    QString meaning; // the goal it rephrases when the file says so ("k8s"), else empty
    QList<GoalFacet> facets;
    bool checkProduction = false; // in_production is compared only where the writer set it
};

std::optional<QList<Phrasing>> loadPhrasings(const QString &path, QString *error);

// The held-out file is scored in aggregate only: nobody reads or prints its cases.
bool isHeldOutPhrasings(const QString &path);

struct Tally
{
    int right = 0;
    int total = 0;
    double accuracy() const { return total ? double(right) / total : 1.0; }
    QString line() const; // "0.873 (131/150)"
};

struct PhrasingMiss
{
    const Phrasing *phrasing = nullptr;
    GoalModel parsed;
};

struct PhrasingScores
{
    Tally overall; // every facet of the phrasing read right
    QMap<QString, Tally> perLang;
    QMap<QString, Tally> perMeaning;
    // Per facet kind, over the phrasings where the writer or the parser has that kind: are the
    // facets of that kind the expected ones?
    QMap<QString, Tally> perKind;
    QList<PhrasingMiss> misses;
    double usPerGoal = 0.0; // parse time once the patterns are compiled, on this thread
};

// Facets match when kind, value, purpose, role scope, stage, window and head counts are equal
// (in_production too where the writer set it), in any order; a technology by its dictionary name.
bool sameFacets(const TechDictionary &dictionary, const QList<GoalFacet> &expected,
    const QList<GoalFacet> &parsed, bool checkProduction);

PhrasingScores scorePhrasings(const TechDictionary &dictionary, const QList<Phrasing> &phrasings);

} // namespace gtm::bench
