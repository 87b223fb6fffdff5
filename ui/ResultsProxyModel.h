#pragma once

#include <QSortFilterProxyModel>

namespace gtm {

// Sorts by ResultsModel::SortRole; filters by free text and, optionally, matches only.
class ResultsProxyModel : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    explicit ResultsProxyModel(QObject *parent = nullptr);

    void setFilterText(const QString &text);
    void setMatchesOnly(bool on);
    bool matchesOnly() const { return m_matchesOnly; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    QString m_text;
    bool m_matchesOnly = false;
};

} // namespace gtm
