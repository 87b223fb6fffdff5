#pragma once

#include <cmath>
#include <limits>
#include <optional>

namespace gtm {

// The whole number a double holds, when Int can represent it. Converting a double outside the
// target's range (1e300 in a hostile file, NaN) is undefined behaviour in C++, not a wrap, so
// every double from outside goes through here before it becomes an integer. Truncate first
// (std::trunc) where fractions are allowed.
template<typename Int> std::optional<Int> wholeNumber(double d)
{
    static_assert(std::numeric_limits<Int>::is_integer && std::numeric_limits<Int>::is_signed);
    // -2^digits and 2^digits are exact in a double; Int's max() may not be.
    const double bound = std::ldexp(1.0, std::numeric_limits<Int>::digits);
    if (!std::isfinite(d) || d < -bound || d >= bound || d != std::trunc(d))
        return std::nullopt;
    return static_cast<Int>(d);
}

// A delay in milliseconds from a double that may be anything: rounded up, at least 0 and at
// most `ceiling`.
inline long long clampedMilliseconds(double ms, long long ceiling)
{
    if (std::isnan(ms) || ms <= 0)
        return 0;
    if (ms >= double(ceiling))
        return ceiling;
    return static_cast<long long>(std::ceil(ms));
}

} // namespace gtm
