#include "CompareDialog.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QMap>
#include <QTableWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace gtm {

namespace {

QString kindText(CompanyChange::Kind kind)
{
    switch (kind) {
    case CompanyChange::Kind::NewMatch:
        return CompareDialog::tr("New match");
    case CompanyChange::Kind::LostMatch:
        return CompareDialog::tr("Lost match");
    case CompanyChange::Kind::Up:
        return CompareDialog::tr("Up");
    case CompanyChange::Kind::Down:
        return CompareDialog::tr("Down");
    case CompanyChange::Kind::Same:
        return CompareDialog::tr("Same");
    case CompanyChange::Kind::Added:
        return CompareDialog::tr("Not in the older run");
    case CompanyChange::Kind::Removed:
        return CompareDialog::tr("Only in the older run");
    }
    return {};
}

QString confidenceText(const std::optional<double> &value, const QString &status)
{
    return value ? QLocale().toString(*value, 'f', 2) : status;
}

} // namespace

CompareDialog::CompareDialog(
    const QList<CompanyChange> &changes, const QString &olderName, QWidget *parent)
    : QDialog(parent)
{
    setObjectName(u"compareDialog"_s);
    setWindowTitle(tr("Changes since %1").arg(olderName));
    QMap<CompanyChange::Kind, int> counts;
    for (const CompanyChange &c : changes)
        counts[c.kind] += 1;
    m_summary = new QLabel(tr("%1 new matches · %2 lost matches · %3 up · %4 down")
                               .arg(counts.value(CompanyChange::Kind::NewMatch))
                               .arg(counts.value(CompanyChange::Kind::LostMatch))
                               .arg(counts.value(CompanyChange::Kind::Up))
                               .arg(counts.value(CompanyChange::Kind::Down)));
    m_summary->setTextFormat(Qt::PlainText);

    m_table = new QTableWidget(int(changes.size()), 5);
    m_table->setHorizontalHeaderLabels(
        { tr("Domain"), tr("Change"), tr("Before"), tr("Now"), tr("Move") });
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    for (int row = 0; row < changes.size(); ++row) {
        const CompanyChange &c = changes.at(row);
        QString move;
        if (c.oldConfidence && c.newConfidence)
            move = QLocale().toString(*c.newConfidence - *c.oldConfidence, 'f', 2);
        const QStringList cells { c.domain, kindText(c.kind),
            confidenceText(c.oldConfidence, c.oldStatus),
            confidenceText(c.newConfidence, c.newStatus), move };
        for (int column = 0; column < cells.size(); ++column)
            m_table->setItem(row, column, new QTableWidgetItem(cells.at(column)));
    }
    m_table->resizeColumnsToContents();

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addWidget(m_table, 1);
    layout->addWidget(buttons);
    resize(640, 480);
}

} // namespace gtm
