#pragma once

#include "goal/GoalModel.h"

#include <QList>
#include <array>

namespace gtm {
struct FacetVerdict;
}

namespace gtm::bench {

// Facet verdicts turned into the probability that the company fits, by a small logistic model
// per facet group fitted on five writers' labelled sets (docs/bench-analysis.md, "Calibration
// across writers"). The hand-set strengths of the judges are heights tuned while reading those
// sets; the calibration learns what a given height has meant across writers, so that 0.7 reads
// "about seven in ten such companies fit" whichever judge produced it.
// Measured, not adopted (heldout5: 0.859 calibrated, 0.870 not), so it lives with the bench
// that fits and scores it; the analyzer's confidence is the judges' own.

// The calibration's rows: one per facet kind, a role's technology and place apart (they hold
// only as far as a fitting posting does, so their strengths mean something else).
enum class CalibrationGroup {
    Technology,
    Industry,
    CustomerSegment,
    BusinessModel,
    Funding,
    HiringRole,
    Location,
    Size,
    RoleTechnology,
    RoleLocation,
};
inline constexpr int kCalibrationGroups = 10;
CalibrationGroup calibrationGroup(const GoalFacet &facet);
QString calibrationGroupName(CalibrationGroup group);

// What the calibration reads of one judged facet.
struct FacetFeatures
{
    CalibrationGroup group = CalibrationGroup::Technology;
    double strength = 0.0; // the judge's strength, [0, 1]
    double against = 0.0; // the company's own word against it, [0, 1]
    int sources = 0; // independent sources (sites, providers) among the supporting items
    bool rejected = false; // a sentence looked like a match and was refused
};

// The model's inputs: bias, strength, strength above the judges' match line (0.7), found at
// all, further sources (at most two), against, refused sentence.
inline constexpr int kCalibrationInputs = 7;
using CalibrationInputs = std::array<double, kCalibrationInputs>;
CalibrationInputs calibrationInputs(const FacetFeatures &f);

// What the calibration reads of a verdict.
FacetFeatures calibrationFeatures(const FacetVerdict &verdict);

using CalibrationRow = std::array<double, kCalibrationInputs>; // weight of each input
using CalibrationTable = std::array<CalibrationRow, kCalibrationGroups>;

// How facet probabilities make the goal's: a goal is the conjunction of its facets.
enum class Combination { Min, Product };

// The table last fitted (FacetCalibration.cpp says how to refit it).
const CalibrationTable &fittedCalibration();
inline constexpr Combination kCombination = Combination::Product;

double facetProbability(const FacetFeatures &f, const CalibrationTable &table);
double combineFacets(const QList<double> &probabilities, Combination combination);

} // namespace gtm::bench
