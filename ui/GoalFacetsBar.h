#pragma once

#include "goal/GoalModel.h"

#include <QWidget>
#include <functional>
#include <memory>

class QLabel;
class QPushButton;

namespace gtm {

class TechDictionary;

// A read-only line under the goal: "Looking for: uses Kubernetes · in production", and an
// Edit button that opens GoalFacetsDialog. An edit holds until the goal's text changes.
class GoalFacetsBar : public QWidget
{
    Q_OBJECT
public:
    // `edit` runs the dialog; a test replaces it. Nullopt: cancelled.
    using Editor = std::function<std::optional<GoalModel>(
        QWidget *, const GoalModel &current, const GoalModel &parsed)>;

    explicit GoalFacetsBar(QWidget *parent = nullptr);
    void setEditor(Editor editor) { m_editor = std::move(editor); }

    void setGoal(const QString &goal);
    const GoalModel &model() const { return m_model; }
    bool edited() const { return m_edited; }
    QString summaryText() const;
    void edit();
    // Facets edited earlier (an opened session's), or none: those read from the goal's text.
    // An edit holds until the goal's text changes.
    void setEditedModel(const std::optional<GoalModel> &model);

Q_SIGNALS:
    void modelChanged();

private:
    void refresh();

    std::shared_ptr<const TechDictionary> m_dictionary;
    QLabel *m_summary = nullptr;
    QPushButton *m_edit = nullptr;
    Editor m_editor;
    GoalModel m_parsed;
    GoalModel m_model;
    bool m_edited = false;
};

} // namespace gtm
