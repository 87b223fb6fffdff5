#include "ResultsProxyModel.h"

#include "ResultsModel.h"

namespace gtm {

ResultsProxyModel::ResultsProxyModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setSortRole(ResultsModel::SortRole);
    setDynamicSortFilter(true);
}

void ResultsProxyModel::setFilterText(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed == m_text)
        return;
    m_text = trimmed;
    invalidateFilter();
}

void ResultsProxyModel::setMatchesOnly(bool on)
{
    if (on == m_matchesOnly)
        return;
    m_matchesOnly = on;
    invalidateFilter();
}

bool ResultsProxyModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (!m_matchesOnly && m_text.isEmpty())
        return true;
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    if (m_matchesOnly && !index.data(ResultsModel::MatchRole).toBool())
        return false;
    if (m_text.isEmpty())
        return true;
    return index.data(ResultsModel::FilterTextRole)
        .toString()
        .contains(m_text, Qt::CaseInsensitive);
}

bool ResultsProxyModel::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    const QVariant l = left.data(ResultsModel::SortRole);
    const QVariant r = right.data(ResultsModel::SortRole);
    const auto order = QVariant::compare(l, r);
    if (order != QPartialOrdering::Equivalent)
        return order == QPartialOrdering::Less;
    // Ties keep the input order, so a sorted table does not shuffle while it fills.
    return left.row() < right.row();
}

} // namespace gtm
