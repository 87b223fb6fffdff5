#include "GoalFacetsDialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QTableWidget>
#include <QVBoxLayout>

namespace gtm {

namespace {

enum Column { Kind, Value, Purpose, Stage, Months, Role, Production, ColumnCount };

const FacetKind kKinds[] = { FacetKind::Technology, FacetKind::Industry, FacetKind::CustomerSegment,
    FacetKind::BusinessModel, FacetKind::Funding, FacetKind::HiringRole, FacetKind::Location,
    FacetKind::Size };

} // namespace

GoalFacetsDialog::GoalFacetsDialog(const GoalModel &model, const GoalModel &parsed, QWidget *parent)
    : QDialog(parent)
    , m_parsed(parsed)
    , m_goal(model.text)
{
    setWindowTitle(tr("What the goal asks for"));
    auto *hint = new QLabel(tr("Each row is one thing a company must show. Values the offline "
                               "analyzer knows: technology names (Kubernetes, Google Cloud), "
                               "industries (fintech, logistics, healthcare), business models "
                               "(b2b_saas, marketplace), roles (sdr, data engineer), places "
                               "(Germany, Europe). Stage 2 = Series B."));
    hint->setWordWrap(true);
    m_table = new QTableWidget(0, ColumnCount);
    m_table->setObjectName(QStringLiteral("goalFacetsTable"));
    m_table->setHorizontalHeaderLabels({ tr("Kind"), tr("Value"), tr("For"), tr("Min. stage"),
        tr("Within months"), tr("Of the role"), tr("In production") });
    m_table->horizontalHeader()->setSectionResizeMode(Value, QHeaderView::Stretch);
    m_table->verticalHeader()->hide();

    auto *add = new QPushButton(tr("&Add facet"));
    auto *remove = new QPushButton(tr("&Remove facet"));
    auto *reset = new QPushButton(tr("Re&set to the goal's text"));
    connect(add, &QPushButton::clicked, this, [this] { addRow(GoalFacet {}); });
    connect(remove, &QPushButton::clicked, this, [this] {
        if (m_table->currentRow() >= 0)
            m_table->removeRow(m_table->currentRow());
    });
    connect(reset, &QPushButton::clicked, this, [this] { load(m_parsed); });
    auto *rowButtons = new QHBoxLayout;
    rowButtons->addWidget(add);
    rowButtons->addWidget(remove);
    rowButtons->addStretch();
    rowButtons->addWidget(reset);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(hint);
    layout->addWidget(m_table, 1);
    layout->addLayout(rowButtons);
    layout->addWidget(buttons);
    resize(820, 360);
    load(model);
}

void GoalFacetsDialog::load(const GoalModel &model)
{
    m_table->setRowCount(0);
    for (const GoalFacet &f : model.facets)
        addRow(f);
}

void GoalFacetsDialog::addRow(const GoalFacet &f)
{
    const int row = m_table->rowCount();
    m_table->insertRow(row);
    auto *kind = new QComboBox;
    for (FacetKind k : kKinds)
        kind->addItem(facetKindToString(k), int(k));
    kind->setCurrentIndex(kind->findData(int(f.kind)));
    m_table->setCellWidget(row, Kind, kind);
    m_table->setItem(row, Value, new QTableWidgetItem(f.value));
    m_table->setItem(row, Purpose, new QTableWidgetItem(f.purpose));
    auto *stage = new QSpinBox;
    stage->setRange(0, 8);
    stage->setValue(f.minStage);
    m_table->setCellWidget(row, Stage, stage);
    auto *months = new QSpinBox;
    months->setRange(0, 120);
    months->setSpecialValueText(tr("any time"));
    months->setValue(f.withinMonths);
    m_table->setCellWidget(row, Months, months);
    auto *role = new QCheckBox;
    role->setChecked(f.roleScope);
    m_table->setCellWidget(row, Role, role);
    auto *production = new QCheckBox;
    production->setChecked(f.inProduction);
    m_table->setCellWidget(row, Production, production);
}

GoalModel GoalFacetsDialog::model() const
{
    GoalModel m;
    m.text = m_goal;
    for (int row = 0; row < m_table->rowCount(); ++row) {
        GoalFacet f;
        f.kind = FacetKind(
            qobject_cast<QComboBox *>(m_table->cellWidget(row, Kind))->currentData().toInt());
        f.value
            = m_table->item(row, Value) ? m_table->item(row, Value)->text().trimmed() : QString();
        f.purpose = m_table->item(row, Purpose) ? m_table->item(row, Purpose)->text().trimmed()
                                                : QString();
        f.minStage = qobject_cast<QSpinBox *>(m_table->cellWidget(row, Stage))->value();
        f.withinMonths = qobject_cast<QSpinBox *>(m_table->cellWidget(row, Months))->value();
        f.roleScope = qobject_cast<QCheckBox *>(m_table->cellWidget(row, Role))->isChecked();
        f.inProduction
            = qobject_cast<QCheckBox *>(m_table->cellWidget(row, Production))->isChecked();
        // A row left without a value says nothing the analyzer could check.
        if (f.value.isEmpty() && f.kind != FacetKind::Funding && f.kind != FacetKind::Size)
            continue;
        m.facets << f;
    }
    return m;
}

} // namespace gtm
