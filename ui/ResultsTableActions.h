#pragma once

#include <QList>
#include <QObject>
#include <QUrl>

class QAction;
class QMenu;
class QTableView;

namespace gtm {

class ResultsModel;
class ResultsProxyModel;

// What a user does with rows of the results table: several rows selected at once, copied as
// tab-separated text (pastes into a spreadsheet as cells), and a context menu to open a
// company's site, copy its domain, run it again or remove it. Rows are reported in the
// model's (input) order; the window carries the actions out.
class ResultsTableActions : public QObject
{
    Q_OBJECT
public:
    ResultsTableActions(QTableView *table, ResultsModel *model, ResultsProxyModel *proxy);

    // Source rows of the selection, in input order.
    QList<int> selectedRows() const;
    // The selected rows as shown (columns in view order, header first), tab-separated.
    QString selectionAsTsv() const;
    // While a run goes on, rows cannot be re-run or removed.
    void setRunning(bool running);
    QMenu *contextMenu() const { return m_menu; }

    QAction *copyRowsAction() const { return m_copyRows; }
    QAction *copyDomainAction() const { return m_copyDomain; }
    QAction *openSiteAction() const { return m_openSite; }
    QAction *rerunAction() const { return m_rerun; }
    QAction *removeAction() const { return m_remove; }

Q_SIGNALS:
    void openUrlRequested(const QUrl &url);
    void rerunRequested(const QList<int> &rows);
    void removeRequested(const QList<int> &rows);

private:
    void updateActions();

    QTableView *m_table;
    ResultsModel *m_model;
    ResultsProxyModel *m_proxy;
    QMenu *m_menu;
    QAction *m_copyRows;
    QAction *m_copyDomain;
    QAction *m_openSite;
    QAction *m_rerun;
    QAction *m_remove;
    bool m_running = false;
};

} // namespace gtm
