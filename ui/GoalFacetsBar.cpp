#include "GoalFacetsBar.h"

#include "GoalFacetsDialog.h"
#include "lexicon/TechDictionary.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>

namespace gtm {

GoalFacetsBar::GoalFacetsBar(QWidget *parent)
    : QWidget(parent)
    , m_dictionary(TechDictionary::loadBuiltIn())
{
    m_summary = new QLabel;
    m_summary->setObjectName(QStringLiteral("goalFacetsSummary"));
    m_summary->setTextFormat(Qt::PlainText);
    m_summary->setWordWrap(true);
    m_edit = new QPushButton(tr("Edit…"));
    m_edit->setObjectName(QStringLiteral("goalFacetsEdit"));
    m_edit->setToolTip(tr("Change what the analyzer checks for this goal"));
    connect(m_edit, &QPushButton::clicked, this, &GoalFacetsBar::edit);
    m_editor = [](QWidget *parent, const GoalModel &current,
                   const GoalModel &parsed) -> std::optional<GoalModel> {
        GoalFacetsDialog dialog(current, parsed, parent);
        if (dialog.exec() != QDialog::Accepted)
            return std::nullopt;
        return dialog.model();
    };
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_summary, 1);
    layout->addWidget(m_edit);
    refresh();
}

void GoalFacetsBar::setGoal(const QString &goal)
{
    const QString text = goal.trimmed();
    if (text == m_parsed.text && !m_parsed.text.isEmpty())
        return;
    m_parsed = m_dictionary ? parseGoalModel(*m_dictionary, text) : GoalModel { text, {} };
    m_model = m_parsed;
    m_edited = false;
    refresh();
    Q_EMIT modelChanged();
}

QString GoalFacetsBar::summaryText() const
{
    return m_summary->text();
}

void GoalFacetsBar::edit()
{
    if (const auto changed = m_editor(this, m_model, m_parsed))
        setEditedModel(*changed);
}

void GoalFacetsBar::setEditedModel(const std::optional<GoalModel> &model)
{
    m_model = model.value_or(m_parsed);
    m_model.text = m_parsed.text;
    m_edited = !(m_model == m_parsed);
    refresh();
    Q_EMIT modelChanged();
}

void GoalFacetsBar::refresh()
{
    const bool empty = m_parsed.text.isEmpty();
    m_summary->setText(
        empty ? QString() : m_model.summary() + (m_edited ? tr(" (edited)") : QString()));
    m_edit->setEnabled(!empty);
}

} // namespace gtm
