#pragma once

#include "LabelledFixture.h"
#include "analysis/TokenModel.h"

#include <QTextStream>

namespace gtm::bench {

// The word models of TokenModel, trained on the writers' labelled sets.

// The goals a model is trained for, by the id the evaluation sets give them.
QStringList tokenModelGoals();

// One model per goal of tokenModelGoals(), trained on the companies of `sets`.
QList<TokenModel> trainTokenModels(
    const TechDictionary &dictionary, const QList<std::pair<QString, LabelledFixture>> &sets);

// `--token-models`: each set's F1 on the models' goals without the models, with the models
// trained on the other sets (leave one writer out), and the models alone at p >= 0.5.
void printTokenModelsLowo(QTextStream &out, const TechDictionary &dictionary,
    const QList<std::pair<QString, LabelledFixture>> &sets, double threshold);

// `--write-token-models FILE`: the models trained on all `sets`, as
// resources/core/analysis/token-models.json holds them.
QByteArray tokenModelsJson(
    const TechDictionary &dictionary, const QList<std::pair<QString, LabelledFixture>> &sets);

} // namespace gtm::bench
