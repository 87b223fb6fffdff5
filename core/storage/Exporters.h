#pragma once

#include "model/RunState.h"

class QIODevice;

namespace gtm {

struct CsvOptions
{
    bool byteOrderMark = false; // for Excel
    bool matchesOnly = false; // only rows with confidence >= threshold
    double threshold = 0.7;
    // A CRM export's other columns, written after the app's columns under their own names so
    // that each row maps back to its CRM record (results CSV only).
    CrmRecords crm;
};

// Results CSV with the columns of design.md; evidence CSV with one row per evidence item.
// RFC 4180 quoting, UTF-8, formula-like cells neutralised (docs/file-formats.md).
bool writeResultsCsv(
    QIODevice *out, const QList<CompanyResult> &results, const CsvOptions &options, QString *error);
bool writeEvidenceCsv(
    QIODevice *out, const QList<CompanyResult> &results, const CsvOptions &options, QString *error);

// The same, written atomically to a file (the old file stays if writing fails).
bool saveResultsCsv(const QString &path, const QList<CompanyResult> &results,
    const CsvOptions &options, QString *error);
bool saveEvidenceCsv(const QString &path, const QList<CompanyResult> &results,
    const CsvOptions &options, QString *error);

// The seed's response shape (research_id, total_companies, results[...], search_performance)
// plus the extra fields of RunMetrics.
QJsonObject researchResponseJson(const RunState &state, const QString &researchId);
bool saveResearchResponseJson(
    const QString &path, const RunState &state, const QString &researchId, QString *error);

// The header of the results CSV, in order.
QStringList resultsCsvColumns();
QStringList evidenceCsvColumns();

// A cell a spreadsheet would run as a formula (=, +, -, @, tab, CR and their full-width
// forms at the start) gets a leading apostrophe so it is shown as text instead.
QString neutraliseCell(const QString &cell);
// One RFC 4180 field: quoted when it holds a separator, quote, CR or LF; quotes doubled.
QString csvField(const QString &cell);

} // namespace gtm
