#pragma once

#include "Analyzer.h"
#include "TokenModel.h"
#include "goal/GoalModel.h"

#include <QDate>

namespace gtm {

class TechDictionary;

// How a sentence speaks of what a facet asks for.
enum class Modality {
    Current, // in use now, or simply stated
    Planned, // roadmap, "next quarter we will"
    Evaluated, // trial, pilot, bake-off, staging, hackathon
    Past, // used to, migrated away, replaced
    Option, // "X, Y or Z", nice to have, "such as"
    Offered, // integrations, listings, Helm charts for customers' clusters
    SomeoneElse, // a client, a competitor, a portfolio company
    Negated, // "we do not use"
};
QString modalityToString(Modality modality);

// One reading that counted for (or against) a facet: the strongest of its evidence item.
struct FacetCue
{
    QString reason; // "place mentioned, own words", "a .de domain", ...
    double strength = 0.0; // as counted: a second item of the same source counts half
    int item = -1; // evidence index, -1 for what the company's domain says
};

// One facet judged across all the evidence: how strongly it holds for this company, and the
// sentences the verdict rests on.
struct FacetVerdict
{
    GoalFacet facet;
    double strength = 0.0; // [0, 1]: several weak hints may add up, one alone does not suffice
    double against = 0.0; // the company's own word that it does not (any more)
    bool judged = true; // false: nothing in the evidence speaks to it (size), left out
    QList<int> evidence; // supporting evidence indexes, strongest first
    QList<FacetCue> cues; // what `strength` adds up, strongest first
    QList<FacetCue> againstCues; // what `against` adds up
    double profile = 0.0; // the company read as a whole (CompanyProfile), when it decided
    double profileAgainst = 0.0; // the whole company read against it
    double learned = 0.0; // the cue of the words learned from labelled companies (TokenModel)
    int sources = 0; // independent sources (sites, providers) among `evidence`
    QString quote; // the deciding sentence
    QString reason; // "current use, own site", ...
    QList<int> rejectedEvidence; // the strongest sentence that looked like a match but is not
    QString rejectedQuote;
    QString rejectedReason; // "planned", "offered to customers", ...
};

struct FacetJudgement
{
    QList<FacetVerdict> verdicts;
    double confidence = 0.0;
    QStringList technologies; // technologies the company itself shows
};

// Judges every facet of `goal` against the company's evidence, offline. `reference` is the
// date "recently" counts back from.
// `models`: the word models to read the evidence with as well (TokenModel::builtIn unless a
// bench compares them).
FacetJudgement judgeFacets(const TechDictionary &dictionary, const GoalModel &goal,
    const AnalysisInput &input, QDate reference,
    const QList<TokenModel> &models = TokenModel::builtIn());

} // namespace gtm
