#pragma once

#include "model/RunState.h"

class QIODevice;

namespace gtm {

struct CsvOptions
{
    bool byteOrderMark = false; // for Excel
    bool matchesOnly = false;   // only rows with confidence >= threshold
    double threshold = 0.7;
};

// Results CSV with the columns of design.md; evidence CSV with one row per evidence item.
// RFC 4180 quoting, UTF-8, formula-like cells neutralised.
bool writeResultsCsv(QIODevice *out, const QList<CompanyResult> &results, const CsvOptions &options, QString *error);
bool writeEvidenceCsv(QIODevice *out, const QList<CompanyResult> &results, const CsvOptions &options, QString *error);

// The seed's response shape (research_id, total_companies, results[...], search_performance)
// plus the extra fields of RunMetrics.
QJsonObject researchResponseJson(const RunState &state, const QString &researchId);

} // namespace gtm
