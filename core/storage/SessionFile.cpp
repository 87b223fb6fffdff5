#include "SessionFile.h"

// Placeholder until sessions land (issue 7).
namespace gtm {

bool saveSession(const QString &, const RunState &, QString *error)
{
    if (error)
        *error = QStringLiteral("sessions are not implemented yet");
    return false;
}

std::optional<RunState> loadSession(const QString &, QString *error)
{
    if (error)
        *error = QStringLiteral("sessions are not implemented yet");
    return std::nullopt;
}

} // namespace gtm
