#include "Exporters.h"

#include "ErrorOut.h"
#include "SessionFile.h"

#include <QBuffer>
#include <QFileDevice>
#include <QIODevice>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <cerrno>

namespace gtm {

namespace {

const QString kListSeparator = QStringLiteral("; ");

QString topEvidenceUrl(const CompanyResult &result)
{
    // The evidence the analyzer quoted first is the one a rep should open first; a sentence it
    // quoted only to say why it did not count is no reason to open a page.
    for (const auto &signal : result.signalsFound)
        for (int i : signal.counted ? signal.evidenceIndexes : QList<int> {})
            if (i >= 0 && i < result.evidence.size() && !result.evidence.at(i).url.isEmpty())
                return result.evidence.at(i).url;
    for (const auto &e : result.evidence)
        if (!e.url.isEmpty())
            return e.url;
    return {};
}

QString errorText(const CompanyResult &result)
{
    QStringList parts;
    for (auto it = result.errors.cbegin(); it != result.errors.cend(); ++it)
        parts << it.key() + QStringLiteral(": ") + it.value();
    return parts.join(kListSeparator);
}

class CsvWriter
{
public:
    CsvWriter(QIODevice *out, bool byteOrderMark)
        : m_out(out)
    {
        if (byteOrderMark)
            m_buffer.append("\xEF\xBB\xBF");
    }

    void row(const QStringList &cells)
    {
        QString line;
        for (qsizetype i = 0; i < cells.size(); ++i) {
            if (i)
                line += u',';
            line += csvField(neutraliseCell(cells.at(i)));
        }
        line += QStringLiteral("\r\n");
        m_buffer += line.toUtf8();
        if (m_buffer.size() >= 64 * 1024)
            flush();
    }

    bool finish(QString *error)
    {
        flush();
        if (!m_ok) {
            const auto *file = qobject_cast<QFileDevice *>(m_out);
            setError(error,
                QStringLiteral("Cannot write the CSV: %1")
                    .arg(file ? describeWriteError(file->error(), m_errno, file->errorString())
                              : m_out->errorString()));
        }
        return m_ok;
    }

private:
    void flush()
    {
        errno = 0;
        if (m_ok && !m_buffer.isEmpty() && m_out->write(m_buffer) != m_buffer.size()) {
            m_ok = false;
            m_errno = errno;
        }
        m_buffer.clear();
    }

    QIODevice *m_out;
    QByteArray m_buffer;
    bool m_ok = true;
    int m_errno = 0; // of the failed write: a full disk says so
};

bool checkWritable(QIODevice *out, QString *error)
{
    if (!out || !out->isWritable()) {
        setError(error, QStringLiteral("Cannot write the CSV: the output is not open for writing"));
        return false;
    }
    return true;
}

template<typename Writer> bool saveAtomically(const QString &path, Writer write, QString *error)
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    if (!write(&buffer))
        return false;
    return writeFileAtomically(path, bytes, error);
}

} // namespace

QStringList resultsCsvColumns()
{
    return { QStringLiteral("domain"), QStringLiteral("confidence"), QStringLiteral("match"),
        QStringLiteral("technologies"), QStringLiteral("signals"), QStringLiteral("evidence_count"),
        QStringLiteral("evidence_sources"), QStringLiteral("top_evidence_url"),
        QStringLiteral("status"), QStringLiteral("error") };
}

QStringList evidenceCsvColumns()
{
    return { QStringLiteral("domain"), QStringLiteral("source"), QStringLiteral("title"),
        QStringLiteral("url"), QStringLiteral("snippet") };
}

QString neutraliseCell(const QString &cell)
{
    if (cell.isEmpty())
        return cell;
    switch (cell.front().unicode()) {
    case u'=':
    case u'+':
    case u'-': // also "-1": no column of ours holds a negative number, so no exception is made
    case u'@':
    case u'\t':
    case u'\r':
    case 0xFF1D: // FULLWIDTH EQUALS SIGN: some spreadsheets fold full-width forms to ASCII
    case 0xFF0B: // FULLWIDTH PLUS SIGN
    case 0xFF0D: // FULLWIDTH HYPHEN-MINUS
    case 0xFF20: // FULLWIDTH COMMERCIAL AT
        return u'\'' + cell;
    default:
        return cell;
    }
}

QString csvField(const QString &cell)
{
    const bool needsQuotes = cell.contains(u',') || cell.contains(u'"') || cell.contains(u'\r')
        || cell.contains(u'\n');
    if (!needsQuotes)
        return cell;
    QString quoted = cell;
    quoted.replace(u'"', QStringLiteral("\"\""));
    return u'"' + quoted + u'"';
}

bool writeResultsCsv(
    QIODevice *out, const QList<CompanyResult> &results, const CsvOptions &options, QString *error)
{
    if (!checkWritable(out, error))
        return false;
    CsvWriter csv(out, options.byteOrderMark);
    csv.row(resultsCsvColumns() + options.crm.columns);
    for (const auto &r : results) {
        const bool match = r.isMatch(options.threshold);
        if (options.matchesOnly && !match)
            continue;
        QStringList cells {
            r.domain,
            QString::number(r.confidence, 'f', 3),
            match ? QStringLiteral("true") : QStringLiteral("false"),
            r.technologies.join(kListSeparator),
            r.signalTexts().join(kListSeparator),
            QString::number(r.evidence.size()),
            r.evidenceSources.join(kListSeparator),
            topEvidenceUrl(r),
            statusToString(r.status),
            errorText(r),
        };
        if (!options.crm.isEmpty())
            cells += options.crm.valuesFor(r.domain);
        csv.row(cells);
    }
    return csv.finish(error);
}

bool writeEvidenceCsv(
    QIODevice *out, const QList<CompanyResult> &results, const CsvOptions &options, QString *error)
{
    if (!checkWritable(out, error))
        return false;
    CsvWriter csv(out, options.byteOrderMark);
    csv.row(evidenceCsvColumns());
    for (const auto &r : results) {
        if (options.matchesOnly && !r.isMatch(options.threshold))
            continue;
        for (const auto &e : r.evidence)
            csv.row({ r.domain, e.sourceName, e.title, e.url, e.snippet });
    }
    return csv.finish(error);
}

bool saveResultsCsv(const QString &path, const QList<CompanyResult> &results,
    const CsvOptions &options, QString *error)
{
    return saveAtomically(
        path, [&](QIODevice *out) { return writeResultsCsv(out, results, options, error); }, error);
}

bool saveEvidenceCsv(const QString &path, const QList<CompanyResult> &results,
    const CsvOptions &options, QString *error)
{
    return saveAtomically(
        path, [&](QIODevice *out) { return writeEvidenceCsv(out, results, options, error); },
        error);
}

QJsonObject researchResponseJson(const RunState &state, const QString &researchId)
{
    const RunMetrics &m = state.metrics;
    QJsonArray results;
    bool complete = !state.results.isEmpty() || state.request.domains.isEmpty();
    for (const auto &r : state.results) {
        complete = complete && isFinal(r.status);
        QJsonArray evidence;
        for (const auto &e : r.evidence)
            evidence.append(QJsonObject {
                { QStringLiteral("url"), e.url },
                { QStringLiteral("title"), e.title },
                { QStringLiteral("snippet"), e.snippet },
                { QStringLiteral("source_name"), e.sourceName },
            });
        QJsonObject errors;
        for (auto it = r.errors.cbegin(); it != r.errors.cend(); ++it)
            errors.insert(it.key(), it.value());
        QJsonObject result {
            { QStringLiteral("domain"), r.domain },
            { QStringLiteral("confidence_score"), r.confidence },
            // The seed counts the sources; their names follow in evidence_source_names.
            { QStringLiteral("evidence_sources"), r.evidenceSources.size() },
            { QStringLiteral("evidence_source_names"),
                QJsonArray::fromStringList(r.evidenceSources) },
            { QStringLiteral("findings"),
                QJsonObject {
                    { QStringLiteral("technologies"), QJsonArray::fromStringList(r.technologies) },
                    { QStringLiteral("evidence"), evidence },
                    { QStringLiteral("signals_found"), r.signalsFound.size() },
                    { QStringLiteral("signals"), QJsonArray::fromStringList(r.signalTexts()) },
                } },
            { QStringLiteral("match"), r.isMatch(state.request.confidenceThreshold) },
            { QStringLiteral("status"), statusToString(r.status) },
            { QStringLiteral("errors"), errors },
            { QStringLiteral("analyzer"), r.analyzer },
            { QStringLiteral("skipped_queries"), r.skipped },
        };
        if (r.skipped > 0)
            result.insert(QStringLiteral("skipped_reason"), CompanyResult::SkippedReason);
        if (!state.request.crm.isEmpty()) {
            QJsonObject crm;
            const QStringList values = state.request.crm.valuesFor(r.domain);
            for (qsizetype c = 0; c < values.size(); ++c)
                crm.insert(state.request.crm.columns.at(c), values.at(c));
            result.insert(QStringLiteral("crm"), crm);
        }
        results.append(result);
    }
    complete = complete && state.results.size() == state.request.domains.size();

    // Why a source stopped for the whole run (no key, quota gone), for scripts to notice.
    QJsonObject runErrors;
    for (auto it = m.perSource.cbegin(); it != m.perSource.cend(); ++it)
        if (!it.value().stopReason.isEmpty())
            runErrors.insert(it.key(), it.value().stopReason);

    const qsizetype planned = m.totalQueries > 0
        ? m.totalQueries
        : state.request.domains.size() * state.strategies.size();
    return {
        { QStringLiteral("research_id"), researchId },
        { QStringLiteral("status"),
            complete ? QStringLiteral("completed") : QStringLiteral("incomplete") },
        { QStringLiteral("goal"), state.request.goal },
        { QStringLiteral("total_companies"), state.request.domains.size() },
        { QStringLiteral("search_strategies_generated"), state.strategies.size() },
        { QStringLiteral("total_searches_executed"), planned },
        { QStringLiteral("processing_time_ms"), m.processingTimeMs },
        { QStringLiteral("results"), results },
        { QStringLiteral("search_performance"),
            QJsonObject {
                { QStringLiteral("queries_per_second"), m.queriesPerSecond },
                { QStringLiteral("failed_requests"), m.failedRequests },
                { QStringLiteral("cache_hits"), m.cacheHits },
                { QStringLiteral("retries"), m.retries },
                { QStringLiteral("paid_queries_saved"), m.paidQueriesSaved },
            } },
        { QStringLiteral("errors"), runErrors },
        { QStringLiteral("analyzer"), m.analyzer },
        { QStringLiteral("metrics"), m.toJson() },
    };
}

bool saveResearchResponseJson(
    const QString &path, const RunState &state, const QString &researchId, QString *error)
{
    const QJsonDocument doc(researchResponseJson(state, researchId));
    return writeFileAtomically(path, doc.toJson(QJsonDocument::Indented), error);
}

} // namespace gtm
