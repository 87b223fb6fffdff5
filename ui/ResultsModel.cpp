#include "ResultsModel.h"

#include <QIcon>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace gtm {

namespace {

// Counted signals first: a cell opens with what raised the score, and what the analyzer did not
// count (its text leads with saying so) comes after.
QStringList signalLines(const CompanyResult &r)
{
    QStringList counted;
    QStringList notCounted;
    for (const GoalSignal &s : r.signalsFound)
        (s.counted ? counted : notCounted) << s.text;
    return counted + notCounted;
}

const QIcon &statusIcon(CompanyStatus status)
{
    static const std::array<QIcon, 7> icons = [] {
        std::array<QIcon, 7> out;
        for (int i = 0; i < 7; ++i)
            out[size_t(i)]
                = QIcon(u":/icons/status-"_s + statusToString(CompanyStatus(i)) + u".svg"_s);
        return out;
    }();
    return icons[size_t(status)];
}

bool hasScore(const CompanyResult &r)
{
    return r.status == CompanyStatus::Done || r.status == CompanyStatus::NoEvidence;
}

QString errorText(const CompanyResult &r)
{
    QStringList parts;
    for (auto it = r.errors.cbegin(); it != r.errors.cend(); ++it)
        parts << (it.key().isEmpty() ? it.value() : it.key() + u": "_s + it.value());
    return parts.join(u"; "_s);
}

} // namespace

QString plainToolTip(const QString &text)
{
    if (text.isEmpty())
        return {};
    return u"<p style='white-space:pre-wrap'>"_s + text.toHtmlEscaped() + u"</p>"_s;
}

QString displayDomain(const QString &domain)
{
    if (!domain.contains(u"xn--"_s, Qt::CaseInsensitive))
        return domain;
    const QString unicode = QUrl::fromAce(domain.toLatin1());
    return unicode.isEmpty() ? domain : unicode;
}

ResultsModel::ResultsModel(QObject *parent)
    : QAbstractTableModel(parent)
{
    m_timer.setSingleShot(true);
    m_timer.setInterval(100);
    connect(&m_timer, &QTimer::timeout, this, &ResultsModel::flush);
}

void ResultsModel::resetRows(const QStringList &domains, double threshold)
{
    QList<CompanyResult> rows;
    rows.reserve(domains.size());
    for (const QString &d : domains) {
        CompanyResult r;
        r.domain = d;
        rows << r;
    }
    resetResults(rows, threshold);
}

void ResultsModel::resetResults(const QList<CompanyResult> &results, double threshold)
{
    beginResetModel();
    m_timer.stop();
    m_pending.clear();
    m_rows = results;
    m_threshold = threshold;
    recount();
    endResetModel();
    Q_EMIT rowsUpdated();
}

void ResultsModel::clear()
{
    resetResults({}, m_threshold);
}

void ResultsModel::updateResult(int row, const CompanyResult &result)
{
    if (row < 0 || row >= m_rows.size())
        return;
    m_pending.insert(row, result);
    if (!m_timer.isActive())
        m_timer.start();
}

void ResultsModel::flush()
{
    m_timer.stop();
    if (m_pending.isEmpty())
        return;
    int first = int(m_rows.size());
    int last = -1;
    for (auto it = m_pending.cbegin(); it != m_pending.cend(); ++it) {
        const bool wasFinal = isFinal(m_rows[it.key()].status);
        m_rows[it.key()] = it.value();
        m_finished += int(isFinal(it.value().status)) - int(wasFinal);
        first = std::min(first, it.key());
        last = std::max(last, it.key());
    }
    m_pending.clear();
    Q_EMIT dataChanged(index(first, 0), index(last, ColumnCount - 1));
    Q_EMIT rowsUpdated();
}

void ResultsModel::removeResults(QList<int> rows)
{
    flush();
    std::sort(rows.begin(), rows.end(), std::greater<>());
    rows.erase(std::unique(rows.begin(), rows.end()), rows.end());
    for (int row : std::as_const(rows)) {
        if (row < 0 || row >= m_rows.size())
            continue;
        beginRemoveRows({}, row, row);
        m_rows.removeAt(row);
        endRemoveRows();
    }
    recount();
    Q_EMIT rowsUpdated();
}

void ResultsModel::setThreshold(double threshold)
{
    if (qFuzzyCompare(threshold + 1, m_threshold + 1))
        return;
    m_threshold = threshold;
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0, Confidence), index(int(m_rows.size()) - 1, Match));
}

QList<CompanyResult> ResultsModel::results() const
{
    QList<CompanyResult> out = m_rows;
    for (auto it = m_pending.cbegin(); it != m_pending.cend(); ++it)
        out[it.key()] = it.value();
    return out;
}

int ResultsModel::matchCount() const
{
    return int(std::count_if(m_rows.cbegin(), m_rows.cend(),
        [this](const CompanyResult &r) { return isMatch(r, m_threshold); }));
}

bool ResultsModel::isMatch(const CompanyResult &result, double threshold)
{
    return result.isMatch(threshold);
}

QString ResultsModel::statusLabel(CompanyStatus status)
{
    switch (status) {
    case CompanyStatus::Queued:
        return tr("Queued");
    case CompanyStatus::Searching:
        return tr("Searching");
    case CompanyStatus::Analyzing:
        return tr("Analyzing");
    case CompanyStatus::Done:
        return tr("Done");
    case CompanyStatus::NoEvidence:
        return tr("No evidence");
    case CompanyStatus::Failed:
        return tr("Failed");
    case CompanyStatus::Cancelled:
        return tr("Cancelled");
    }
    return {};
}

void ResultsModel::recount()
{
    m_finished = int(std::count_if(
        m_rows.cbegin(), m_rows.cend(), [](const CompanyResult &r) { return isFinal(r.status); }));
}

int ResultsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ResultsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ResultsModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const CompanyResult &r = m_rows.at(index.row());
    const int column = index.column();

    switch (role) {
    case ConfidenceRole:
        return hasScore(r) ? QVariant(r.confidence) : QVariant();
    case ThresholdRole:
        return m_threshold;
    case StatusRole:
        return int(r.status);
    case MatchRole:
        return isMatch(r, m_threshold);
    case FilterTextRole:
        return QStringList { r.domain, displayDomain(r.domain), statusLabel(r.status),
            r.technologies.join(u' '), r.signalTexts().join(u' '), r.evidenceSources.join(u' ') }
            .join(u'\n');
    case Qt::DecorationRole:
        return column == Status ? QVariant(statusIcon(r.status)) : QVariant();
    case Qt::TextAlignmentRole:
        if (column == EvidenceCount || column == Confidence)
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        if (column == Match)
            return QVariant(Qt::AlignCenter);
        return {};
    case Qt::ToolTipRole:
        switch (column) {
        case Technologies:
            return plainToolTip(r.technologies.join(u'\n'));
        case Signals:
            return plainToolTip(signalLines(r).join(u'\n'));
        case Errors:
            return plainToolTip(errorText(r));
        case Domain:
            return displayDomain(r.domain) == r.domain ? QString() : plainToolTip(r.domain);
        case Sources:
            return plainToolTip(r.evidenceSources.join(u'\n'));
        default:
            return {};
        }
    case SortRole:
        switch (column) {
        case Domain:
            return displayDomain(r.domain).toLower();
        case Status:
            return int(r.status);
        case Confidence:
            return hasScore(r) ? r.confidence : -1.0;
        case Match:
            return int(isMatch(r, m_threshold));
        case EvidenceCount:
            return int(r.evidence.size());
        case Signals:
            return int(r.signalsFound.size());
        case Technologies:
            return r.technologies.join(u", "_s).toLower();
        case Sources:
            return r.evidenceSources.join(u", "_s).toLower();
        case Errors:
            return errorText(r).toLower();
        }
        return {};
    case Qt::DisplayRole:
        switch (column) {
        case Domain:
            return displayDomain(r.domain);
        case Status:
            return statusLabel(r.status);
        case Confidence:
            return hasScore(r) ? QString::number(r.confidence, 'f', 2) : QString();
        case Match:
            return isMatch(r, m_threshold) ? tr("Yes") : QString();
        case Technologies:
            return r.technologies.join(u", "_s);
        case Signals:
            return signalLines(r).join(u"; "_s);
        case EvidenceCount:
            return isFinal(r.status) || !r.evidence.isEmpty() ? QVariant(int(r.evidence.size()))
                                                              : QVariant();
        case Sources:
            return r.evidenceSources.join(u", "_s);
        case Errors:
            return errorText(r);
        }
        return {};
    default:
        return {};
    }
}

QVariant ResultsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    // The first click on a score sorts the best first: that is what a user looks for.
    if (orientation == Qt::Horizontal && role == Qt::InitialSortOrderRole)
        return section == Confidence || section == Match || section == EvidenceCount
                || section == Signals
            ? Qt::DescendingOrder
            : Qt::AscendingOrder;
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Domain:
        return tr("Domain");
    case Status:
        return tr("Status");
    case Confidence:
        return tr("Confidence");
    case Match:
        return tr("Match");
    case Technologies:
        return tr("Technologies");
    case Signals:
        return tr("Signals");
    case EvidenceCount:
        return tr("Evidence");
    case Sources:
        return tr("Sources");
    case Errors:
        return tr("Errors");
    }
    return {};
}

} // namespace gtm
