#pragma once

#include "domain/DomainNormalizer.h"
#include "model/CrmRecords.h"

#include <QList>
#include <QStringList>
#include <optional>

class QIODevice;

namespace gtm {

struct CsvTable
{
    QStringList header;
    QList<QStringList> rows;
    QList<int> rowLines; // the 1-based line of the file each row starts on
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

// The column a user named (any case, surrounding spaces ignored); -1 if there is none.
int findColumn(const QStringList &header, const QString &name);

// A CRM export as a domain list: the domain column normalised like typed domains (rejections
// and duplicates carry the line their row starts on; an empty cell is rejected as "empty"), and
// every other column kept per domain, the first row of a domain winning.
struct CrmImport
{
    DomainList list;
    CrmRecords crm;
};
CrmImport importCrmTable(const CsvTable &table, int domainColumn);

// What a domains file holds, told apart by its content the same way for every front end: a
// CRM export (a header naming a domain column, or the column the user named), or a plain list
// (one domain per line or comma-separated).
struct DomainInput
{
    DomainList list;
    CrmRecords crm; // empty for a plain list
    QString column; // the CRM column the domains came from; empty for a plain list
};
// fileName: for messages, and a name ending in ".csv" must be a CRM export. Nullopt: *error
// says why (a CSV without a recognisable domain column names its columns).
std::optional<DomainInput> readDomainInput(
    const QByteArray &bytes, const QString &fileName, const QString &columnName, QString *error);

} // namespace gtm
