#pragma once

#include "goal/GoalModel.h"

#include <optional>

namespace gtm::cli {

// The goal facets a run uses: those in the --goal-facets file (the JSON that
// --print-goal-facets writes, edited), else those read from the goal's text.
std::optional<GoalModel> cliGoalModel(
    const QString &facetsPath, const QString &goal, QString *error);

// --print-goal-facets: the facets read from the goal, as indented JSON.
QByteArray goalFacetsJson(const QString &goal);

} // namespace gtm::cli
