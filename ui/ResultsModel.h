#pragma once

#include "model/CompanyResult.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QTimer>

namespace gtm {

// One row per requested domain, in the request's order, filled live as the pipeline reports.
// Updates are batched: they are applied and announced (one dataChanged over the changed
// range) at most every flushInterval, so a run of thousands of companies does not flood the
// views with signals.
class ResultsModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        Domain,
        Status,
        Confidence,
        Match,
        Technologies,
        Signals,
        EvidenceCount,
        Sources,
        Errors,
        ColumnCount
    };
    enum Role {
        SortRole = Qt::UserRole + 1, // numbers for numeric columns, lower-case text otherwise
        ConfidenceRole, // double, or invalid while the row has no score
        ThresholdRole, // double
        StatusRole, // int(CompanyStatus)
        MatchRole, // bool
        FilterTextRole, // everything the filter box searches
    };

    explicit ResultsModel(QObject *parent = nullptr);

    // A new run: every domain queued.
    void resetRows(const QStringList &domains, double threshold);
    // A loaded session or a resumed run.
    void resetResults(const QList<CompanyResult> &results, double threshold);
    void clear();

    // Queued until the next flush; a later update of the same row replaces an earlier one.
    void updateResult(int row, const CompanyResult &result);
    void flush();
    void setFlushInterval(int ms) { m_timer.setInterval(ms); }

    // Rows (model rows, any order) taken out of the results; not during a run.
    void removeResults(QList<int> rows);

    double threshold() const { return m_threshold; }
    void setThreshold(double threshold);

    const CompanyResult &result(int row) const { return m_rows.at(row); }
    QList<CompanyResult> results() const; // pending updates included
    const QList<CompanyResult> &rows() const { return m_rows; } // as last flushed: no copy
    int finishedCount() const { return m_finished; }
    int matchCount() const;

    static bool isMatch(const CompanyResult &result, double threshold);
    static QString statusLabel(CompanyStatus status);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(
        int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

Q_SIGNALS:
    // After each flush that changed something: for counters and the status bar.
    void rowsUpdated();

private:
    void recount();

    QList<CompanyResult> m_rows;
    QHash<int, CompanyResult> m_pending;
    QTimer m_timer;
    double m_threshold = 0.7;
    int m_finished = 0;
};

// A domain as a user reads it: münchen.de for xn--mnchen-3ya.de. Files keep the ASCII form.
QString displayDomain(const QString &domain);

// Tool tips are rich text when they look like it: web text goes in escaped.
QString plainToolTip(const QString &text);

} // namespace gtm
