#pragma once

#include "storage/SessionCompare.h"

#include <QDialog>

class QLabel;
class QTableWidget;

namespace gtm {

// What changed between an older session and this one: new matches, lost matches and
// confidence moves per company (the comparison itself is core's compareRuns).
class CompareDialog : public QDialog
{
    Q_OBJECT
public:
    CompareDialog(
        const QList<CompanyChange> &changes, const QString &olderName, QWidget *parent = nullptr);

    QTableWidget *table() const { return m_table; }
    QLabel *summary() const { return m_summary; }

private:
    QTableWidget *m_table = nullptr;
    QLabel *m_summary = nullptr;
};

} // namespace gtm
