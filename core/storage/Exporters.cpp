#include "Exporters.h"

#include <QJsonObject>

// Placeholder until sessions and exports land (issue 7).
namespace gtm {

bool writeResultsCsv(QIODevice *, const QList<CompanyResult> &, const CsvOptions &, QString *error)
{
    if (error)
        *error = QStringLiteral("CSV export is not implemented yet");
    return false;
}

bool writeEvidenceCsv(QIODevice *, const QList<CompanyResult> &, const CsvOptions &, QString *error)
{
    if (error)
        *error = QStringLiteral("CSV export is not implemented yet");
    return false;
}

QJsonObject researchResponseJson(const RunState &, const QString &researchId)
{
    return {{QStringLiteral("research_id"), researchId}};
}

} // namespace gtm
