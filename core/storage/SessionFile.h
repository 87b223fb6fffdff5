#pragma once

#include "model/RunState.h"

#include <optional>

namespace gtm {

// .gtmr files: versioned JSON holding a RunState (docs/session-format.md). Saving is atomic;
// a file that cannot be read (corrupt, truncated, newer version) is refused and left untouched.
bool saveSession(const QString &path, const RunState &state, QString *error);
std::optional<RunState> loadSession(const QString &path, QString *error);

} // namespace gtm
