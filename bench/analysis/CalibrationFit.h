#pragma once

#include "FacetCalibration.h"
#include "LabelledFixture.h"

#include <QTextStream>

namespace gtm::bench {

// One company x goal of a labelled set, judged once: what the calibration reads of each facet,
// so that fitting and scoring never run the judges again.
struct CalibrationCase
{
    QString set; // "dev", "heldout", ...
    QString goal;
    QString kind;
    bool truth = false;
    bool facetModel = true; // false: the goal was not understood, the keyword fallback judged
    double uncalibrated = 0.0; // the weakest facet's strength (or the fallback's confidence)
    QList<FacetFeatures> facets; // judged facets only
};

QList<CalibrationCase> calibrationCases(const std::shared_ptr<const TechDictionary> &dictionary,
    const LabelledFixture &fixture, const QString &set);

// Maximum likelihood of the goal labels under `combination`, with an L2 pull towards `prior`
// (groups the cases never show keep the prior's row).
CalibrationTable fitCalibration(const QList<CalibrationCase> &cases, Combination combination,
    const CalibrationTable &prior, double positiveWeight = 1.0);

double calibratedConfidence(
    const CalibrationCase &c, const CalibrationTable &table, Combination combination);

// `--lowo`: each set scored by the parameters fitted on the others, next to the uncalibrated
// judge, the table last fitted (FacetCalibration.cpp) and the fit on all sets; a reliability table
// of the held-out predictions.
void printLeaveOneWriterOut(QTextStream &out, const QStringList &sets,
    const QList<CalibrationCase> &cases, Combination combination, double threshold,
    double positiveWeight = 1.0);

// `--fit-calibration`: the table fitted on all `cases`, as C++ rows for FacetCalibration.cpp.
void printFittedTable(QTextStream &out, const QList<CalibrationCase> &cases,
    Combination combination, double positiveWeight = 1.0);

} // namespace gtm::bench
