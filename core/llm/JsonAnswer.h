#pragma once

#include <QJsonObject>
#include <QString>

namespace gtm {

// Parses a model's text answer as one JSON object. Tolerates what models wrap around it
// (```json fences, a sentence before or after) but not a broken object: the error says where
// parsing stopped, so that it can be quoted back to the model.
bool parseJsonAnswer(const QString &text, QJsonObject *out, QString *error);

} // namespace gtm
