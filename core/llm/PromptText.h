#pragma once

#include <QString>

namespace gtm {

// A prompt text from resources/core/prompts/<name>.txt.
QString promptText(const QString &name);

} // namespace gtm
