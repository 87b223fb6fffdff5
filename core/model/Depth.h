#pragma once

#include <QString>
#include <optional>

namespace gtm {

// How hard to look: the number of strategies and results per query follow from it.
enum class Depth { Quick, Standard, Comprehensive };

QString depthToString(Depth depth);
std::optional<Depth> depthFromString(QStringView text);

} // namespace gtm
