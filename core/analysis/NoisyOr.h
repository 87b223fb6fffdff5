#pragma once

#include <QList>
#include <algorithm>

namespace gtm {

// The chance that at least one of several independent signals holds: one strong reading is
// enough, and weak ones add up without ever reaching certainty.
inline double noisyOr(const QList<double> &values)
{
    double miss = 1.0;
    for (double v : values)
        miss *= 1.0 - std::clamp(v, 0.0, 1.0);
    return 1.0 - miss;
}

} // namespace gtm
