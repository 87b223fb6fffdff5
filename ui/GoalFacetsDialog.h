#pragma once

#include "goal/GoalModel.h"

#include <QDialog>

class QTableWidget;

namespace gtm {

// Edits the facets a goal was read into: one row per facet (kind, value, purpose, stage,
// months, of the role, in production). Rows can be added and removed; OK returns the model.
class GoalFacetsDialog : public QDialog
{
    Q_OBJECT
public:
    GoalFacetsDialog(const GoalModel &model, const GoalModel &parsed, QWidget *parent = nullptr);

    GoalModel model() const;

private:
    void load(const GoalModel &model);
    void addRow(const GoalFacet &facet);

    QTableWidget *m_table = nullptr;
    GoalModel m_parsed;
    QString m_goal;
};

} // namespace gtm
