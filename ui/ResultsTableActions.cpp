#include "ResultsTableActions.h"

#include "ResultsModel.h"
#include "ResultsProxyModel.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QHeaderView>
#include <QMenu>
#include <QTableView>

using namespace Qt::StringLiterals;

namespace gtm {

namespace {
// A cell never breaks the row or column structure of the pasted text.
QString tsvCell(QString text)
{
    text.replace(u'\t', u' ');
    text.replace(u'\n', u' ');
    text.remove(u'\r');
    return text;
}
} // namespace

ResultsTableActions::ResultsTableActions(
    QTableView *table, ResultsModel *model, ResultsProxyModel *proxy)
    : QObject(table)
    , m_table(table)
    , m_model(model)
    , m_proxy(proxy)
    , m_menu(new QMenu(table))
{
    table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    table->setContextMenuPolicy(Qt::CustomContextMenu);

    m_openSite = m_menu->addAction(tr("Open company site"), this, [this] {
        const QList<int> rows = selectedRows();
        if (!rows.isEmpty())
            Q_EMIT openUrlRequested(QUrl(u"https://"_s + m_model->result(rows.first()).domain));
    });
    m_copyDomain = m_menu->addAction(tr("Copy domain"), this, [this] {
        QStringList domains;
        for (int row : selectedRows())
            domains << m_model->result(row).domain;
        QApplication::clipboard()->setText(domains.join(u'\n'));
    });
    m_copyRows = m_menu->addAction(
        tr("Copy rows"), this, [this] { QApplication::clipboard()->setText(selectionAsTsv()); });
    m_copyRows->setShortcut(QKeySequence::Copy);
    m_copyRows->setShortcutContext(Qt::WidgetShortcut);
    m_copyRows->setToolTip(tr("Tab-separated, to paste into a spreadsheet"));
    table->addAction(m_copyRows);
    m_menu->addSeparator();
    m_rerun = m_menu->addAction(
        tr("Re-run selected companies"), this, [this] { Q_EMIT rerunRequested(selectedRows()); });
    m_remove = m_menu->addAction(
        tr("Remove from results"), this, [this] { Q_EMIT removeRequested(selectedRows()); });
    m_remove->setShortcut(QKeySequence::Delete);
    m_remove->setShortcutContext(Qt::WidgetShortcut);
    table->addAction(m_remove);

    connect(table, &QWidget::customContextMenuRequested, this, [this](const QPoint &pos) {
        updateActions();
        m_menu->popup(m_table->viewport()->mapToGlobal(pos));
    });
    connect(table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
        &ResultsTableActions::updateActions);
    connect(proxy, &QAbstractItemModel::modelReset, this, &ResultsTableActions::updateActions);
    updateActions();
}

QList<int> ResultsTableActions::selectedRows() const
{
    QList<int> rows;
    for (const QModelIndex &index : m_table->selectionModel()->selectedRows())
        rows << m_proxy->mapToSource(index).row();
    std::sort(rows.begin(), rows.end());
    rows.erase(std::unique(rows.begin(), rows.end()), rows.end());
    return rows;
}

QString ResultsTableActions::selectionAsTsv() const
{
    QList<int> viewRows;
    for (const QModelIndex &index : m_table->selectionModel()->selectedRows())
        viewRows << index.row();
    std::sort(viewRows.begin(), viewRows.end());
    const QHeaderView *header = m_table->horizontalHeader();
    QList<int> columns;
    for (int visual = 0; visual < header->count(); ++visual) {
        const int logical = header->logicalIndex(visual);
        if (!header->isSectionHidden(logical))
            columns << logical;
    }
    QStringList lines;
    QStringList cells;
    for (int c : columns)
        cells << tsvCell(m_proxy->headerData(c, Qt::Horizontal).toString());
    lines << cells.join(u'\t');
    for (int row : viewRows) {
        cells.clear();
        for (int c : columns) {
            const QModelIndex index = m_proxy->index(row, c);
            // The domain as exported (punycode), so a pasted list imports back unchanged.
            const QVariant value = c == ResultsModel::Domain
                ? QVariant(m_model->result(m_proxy->mapToSource(index).row()).domain)
                : index.data();
            cells << tsvCell(value.toString());
        }
        lines << cells.join(u'\t');
    }
    return lines.join(u'\n') + u'\n';
}

void ResultsTableActions::setRunning(bool running)
{
    m_running = running;
    updateActions();
}

void ResultsTableActions::updateActions()
{
    const int count = int(m_table->selectionModel()->selectedRows().size());
    m_openSite->setEnabled(count == 1);
    m_copyDomain->setEnabled(count > 0);
    m_copyRows->setEnabled(count > 0);
    m_rerun->setEnabled(count > 0 && !m_running);
    m_remove->setEnabled(count > 0 && !m_running);
    m_copyDomain->setText(count > 1 ? tr("Copy %n domains", nullptr, count) : tr("Copy domain"));
    m_copyRows->setText(count > 1 ? tr("Copy %n rows", nullptr, count) : tr("Copy row"));
    m_rerun->setText(tr("Re-run %n selected companies", nullptr, std::max(count, 1)));
    m_remove->setText(tr("Remove %n from results", nullptr, std::max(count, 1)));
}

} // namespace gtm
