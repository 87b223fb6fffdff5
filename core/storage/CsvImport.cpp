#include "CsvImport.h"

// Placeholder until CSV import lands (issue 7).
namespace gtm {

std::optional<CsvTable> readCsv(QIODevice *, QString *error)
{
    if (error)
        *error = QStringLiteral("CSV import is not implemented yet");
    return std::nullopt;
}

int detectDomainColumn(const QStringList &)
{
    return -1;
}

QStringList columnValues(const CsvTable &, int)
{
    return {};
}

} // namespace gtm
