#pragma once

#include <QString>

namespace gtm {

// Functions that report a failure through an optional `QString *error` write it only when
// the caller asked for it.
inline void setError(QString *error, const QString &message)
{
    if (error)
        *error = message;
}

} // namespace gtm
