#include "CsvImport.h"

#include "ErrorOut.h"

#include <QFile>
#include <QFileInfo>
#include <QIODevice>
#include <QStringDecoder>
#include <algorithm>

namespace gtm {

namespace {

// CRM exports come as UTF-8 (with or without BOM), UTF-16 with a BOM (Excel's "Unicode
// text"), or the Windows code page of whoever saved them; domains survive Latin-1 decoding.
QString decode(const QByteArray &bytes)
{
    if (bytes.startsWith("\xEF\xBB\xBF"))
        return QString::fromUtf8(bytes.constData() + 3, bytes.size() - 3);
    if (bytes.startsWith("\xFF\xFE") || bytes.startsWith("\xFE\xFF")) {
        QStringDecoder utf16(QStringDecoder::Utf16);
        QString text = utf16.decode(bytes);
        if (text.startsWith(QChar(0xFEFF)))
            text.remove(0, 1);
        return text;
    }
    QStringDecoder utf8(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    QString text = utf8.decode(bytes);
    if (!utf8.hasError())
        return text;
    return QString::fromLatin1(bytes);
}

// The separator is the candidate seen most often in the first record outside quotes.
QChar detectSeparator(QStringView text)
{
    int commas = 0, semicolons = 0, tabs = 0;
    bool quoted = false;
    for (QChar c : text) {
        if (c == u'"')
            quoted = !quoted;
        else if (!quoted && (c == u'\n' || c == u'\r'))
            break;
        else if (!quoted && c == u',')
            ++commas;
        else if (!quoted && c == u';')
            ++semicolons;
        else if (!quoted && c == u'\t')
            ++tabs;
    }
    if (semicolons > commas && semicolons >= tabs)
        return u';';
    if (tabs > commas && tabs > semicolons)
        return u'\t';
    return u',';
}

QString normalisedHeader(const QString &name)
{
    QString out;
    out.reserve(name.size());
    for (QChar c : name)
        if (c.isLetterOrNumber())
            out += c.toLower();
    return out;
}

} // namespace

std::optional<CsvTable> readCsv(const QByteArray &bytes, QString *error)
{
    QString text = decode(bytes);
    CsvTable table;

    // Excel writes a "sep=;" line first when asked to say which separator it used.
    QStringView view(text);
    if (view.startsWith(u"sep=") && view.size() >= 5 && view.at(4) != u'\r'
        && view.at(4) != u'\n') {
        table.separator = view.at(4);
        qsizetype eol = 5;
        while (eol < view.size() && (view.at(eol) == u'\r' || view.at(eol) == u'\n'))
            ++eol;
        view = view.mid(eol);
    } else {
        table.separator = detectSeparator(view);
    }

    const QChar sep = table.separator;
    const qsizetype n = view.size();
    const QChar *data = view.data();
    qsizetype i = 0;
    int line = 1;
    int recordLine = 1;
    QStringList record;
    bool headerDone = false;

    const auto endRecord = [&] {
        const bool blank = record.size() == 1 && record.front().trimmed().isEmpty();
        if (!blank) {
            if (!headerDone) {
                for (auto &name : record)
                    name = name.trimmed();
                table.header = std::move(record);
                headerDone = true;
            } else {
                table.rows.append(std::move(record));
                table.rowLines.append(recordLine);
            }
        }
        record = QStringList();
    };

    while (i <= n) {
        // One field starts at i.
        if (i < n && data[i] == u'"') {
            const int startLine = line;
            QString field;
            qsizetype segment = ++i;
            bool closed = false;
            while (i < n) {
                if (data[i] == u'"') {
                    field.append(data + segment, i - segment);
                    if (i + 1 < n && data[i + 1] == u'"') {
                        field += u'"';
                        i += 2;
                        segment = i;
                        continue;
                    }
                    ++i;
                    closed = true;
                    break;
                }
                if (data[i] == u'\n')
                    ++line;
                ++i;
            }
            if (!closed) {
                setError(error,
                    QStringLiteral("Line %1: a quoted field is never closed.").arg(startLine));
                return std::nullopt;
            }
            // Anything between the closing quote and the separator is kept, as spreadsheets do.
            const qsizetype rest = i;
            while (i < n && data[i] != sep && data[i] != u'\n' && data[i] != u'\r')
                ++i;
            field.append(data + rest, i - rest);
            record.append(field);
        } else {
            const qsizetype start = i;
            while (i < n && data[i] != sep && data[i] != u'\n' && data[i] != u'\r')
                ++i;
            record.append(QString(data + start, i - start));
        }

        if (i >= n) {
            endRecord();
            break;
        }
        if (data[i] == sep) {
            ++i;
            continue;
        }
        // A line end: CRLF, LF or a lone CR.
        if (data[i] == u'\r' && i + 1 < n && data[i + 1] == u'\n')
            ++i;
        ++i;
        ++line;
        endRecord();
        recordLine = line;
        if (i >= n)
            break;
    }

    if (table.header.isEmpty()) {
        setError(error, QStringLiteral("The file holds no rows."));
        return std::nullopt;
    }
    return table;
}

std::optional<CsvTable> readCsv(QIODevice *in, QString *error)
{
    if (!in || !in->isReadable()) {
        setError(error, QStringLiteral("The file is not open for reading."));
        return std::nullopt;
    }
    return readCsv(in->readAll(), error);
}

std::optional<CsvTable> readCsvFile(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        setError(error,
            QStringLiteral("Cannot open “%1”: %2")
                .arg(QFileInfo(path).fileName(), file.errorString()));
        return std::nullopt;
    }
    return readCsv(&file, error);
}

int detectDomainColumn(const QStringList &header)
{
    // Lower rank wins; a column named for the domain beats a website URL beats any URL.
    static const QList<QPair<QString, int>> exact {
        { QStringLiteral("domain"), 0 },
        { QStringLiteral("companydomain"), 0 },
        { QStringLiteral("companydomainname"), 0 },
        { QStringLiteral("domainname"), 0 },
        { QStringLiteral("primarydomain"), 0 },
        { QStringLiteral("websitedomain"), 0 },
        { QStringLiteral("website"), 1 },
        { QStringLiteral("websiteurl"), 1 },
        { QStringLiteral("companywebsite"), 1 },
        { QStringLiteral("companywebsiteurl"), 1 },
        { QStringLiteral("web"), 1 },
        { QStringLiteral("webaddress"), 1 },
        { QStringLiteral("homepage"), 1 },
        { QStringLiteral("companyurl"), 1 },
        { QStringLiteral("url"), 2 },
    };
    int best = -1;
    int bestRank = 100;
    for (qsizetype column = 0; column < header.size(); ++column) {
        const QString name = normalisedHeader(header.at(column));
        int rank = 100;
        for (const auto &[candidate, r] : exact)
            if (name == candidate)
                rank = r;
        if (rank == 100 && name.contains(QStringLiteral("domain"))
            && !name.startsWith(QStringLiteral("email")))
            rank = 3;
        else if (rank == 100 && name.contains(QStringLiteral("website")))
            rank = 4;
        else if (rank == 100 && name == QStringLiteral("emaildomain"))
            rank = 5; // a contact export: the domain of the person's address is the company's
        if (rank < bestRank) {
            bestRank = rank;
            best = int(column);
        }
    }
    return best;
}

QStringList columnValues(const CsvTable &table, int column)
{
    QStringList values;
    if (column < 0)
        return values;
    values.reserve(table.rows.size());
    for (const auto &row : table.rows) {
        if (column >= row.size())
            continue;
        const QString value = row.at(column).trimmed();
        if (!value.isEmpty())
            values << value;
    }
    return values;
}

int findColumn(const QStringList &header, const QString &name)
{
    const QString wanted = name.trimmed();
    for (qsizetype column = 0; column < header.size(); ++column)
        if (header.at(column).trimmed().compare(wanted, Qt::CaseInsensitive) == 0)
            return int(column);
    return -1;
}

CrmImport importCrmTable(const CsvTable &table, int domainColumn)
{
    CrmImport out;
    if (domainColumn < 0 || domainColumn >= table.header.size())
        return out;
    for (qsizetype c = 0; c < table.header.size(); ++c)
        if (c != domainColumn)
            out.crm.columns << table.header.at(c);
    for (qsizetype r = 0; r < table.rows.size(); ++r) {
        const QStringList &row = table.rows.at(r);
        const QString cell = row.value(domainColumn).trimmed();
        DomainLine line { table.rowLines.value(r, int(r) + 2), cell, {}, {} };
        const DomainCheck check = normalizeDomain(cell);
        if (!check.ok()) {
            line.error = check.error;
            out.list.rejected << line;
            continue;
        }
        line.domain = check.domain;
        if (out.crm.byDomain.contains(check.domain)) {
            line.error = QStringLiteral("duplicate of an earlier line");
            out.list.duplicates << line;
            continue;
        }
        QStringList values;
        values.reserve(out.crm.columns.size());
        for (qsizetype c = 0; c < table.header.size(); ++c)
            if (c != domainColumn)
                values << row.value(c);
        out.crm.byDomain.insert(check.domain, values);
        out.list.domains << check.domain;
    }
    return out;
}

std::optional<DomainInput> readDomainInput(
    const QByteArray &bytes, const QString &fileName, const QString &columnName, QString *error)
{
    const QString text = decode(bytes);
    const bool namedCsv = fileName.endsWith(QStringLiteral(".csv"), Qt::CaseInsensitive);

    // The header decides; reading only the first lines keeps a million-line plain list cheap.
    QStringView head(text);
    for (int lines = 0, at = 0; at < head.size(); ++at) {
        if (head.at(at) == u'\n' && ++lines == (head.startsWith(u"sep=") ? 2 : 1)) {
            head.truncate(at);
            break;
        }
    }
    const auto firstRecord = readCsv(head.toUtf8(), nullptr);
    const QStringList header = firstRecord ? firstRecord->header : QStringList();
    int column = -1;
    if (!columnName.isEmpty()) {
        column = findColumn(header, columnName);
        if (column < 0) {
            setError(error,
                QStringLiteral("%1 has no column \"%2\" (columns: %3)")
                    .arg(fileName, columnName, header.join(QStringLiteral(", "))));
            return std::nullopt;
        }
    } else {
        column = detectDomainColumn(header);
        // "mydomain.com" on the first line of a plain list is a domain, not a column name.
        if (column >= 0 && normalizeDomain(header.at(column)).ok())
            column = -1;
    }

    DomainInput input;
    if (column < 0) {
        const bool allDomains
            = std::all_of(header.cbegin(), header.cend(), [](const QString &cell) {
                  return cell.trimmed().isEmpty() || normalizeDomain(cell).ok();
              });
        if (namedCsv && !allDomains) {
            setError(error,
                QStringLiteral("%1 has no column of domains or websites (columns: %2); name it "
                               "with --domain-column")
                    .arg(fileName, header.join(QStringLiteral(", "))));
            return std::nullopt;
        }
        input.list = parseDomainList(text);
        return input;
    }

    QString why;
    const auto table = readCsv(bytes, &why);
    if (!table) {
        setError(error, QStringLiteral("%1: %2").arg(fileName, why));
        return std::nullopt;
    }
    CrmImport crm = importCrmTable(*table, column);
    input.list = std::move(crm.list);
    input.crm = std::move(crm.crm);
    input.column = table->header.at(column);
    return input;
}

} // namespace gtm
