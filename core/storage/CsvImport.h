#pragma once

#include <QList>
#include <QStringList>
#include <optional>

class QIODevice;

namespace gtm {

struct CsvTable
{
    QStringList header;
    QList<QStringList> rows;
    QChar separator = u',';
};

// Reads a CRM export: UTF-8 with or without BOM, RFC 4180 quotes, ',' or ';' (detected).
// Runs in a worker thread for large files: it touches no GUI.
std::optional<CsvTable> readCsv(QIODevice *in, QString *error);
std::optional<CsvTable> readCsv(const QByteArray &bytes, QString *error);
std::optional<CsvTable> readCsvFile(const QString &path, QString *error);

// The column holding domains: "domain", "website", "company domain", "url" (any case).
// -1: none recognised; ask the user.
int detectDomainColumn(const QStringList &header);

// The non-empty, trimmed values of one column, in file order (rows too short are skipped).
QStringList columnValues(const CsvTable &table, int column);

} // namespace gtm
