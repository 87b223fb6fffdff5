#include "CostEstimateView.h"

#include "ThemeColors.h"

#include <QEvent>

using namespace Qt::StringLiterals;

namespace gtm {

CostEstimateView::CostEstimateView(Compute compute, QWidget *parent)
    : QLabel(parent)
    , m_compute(std::move(compute))
{
    setObjectName(u"costEstimate"_s);
    setTextFormat(Qt::RichText); // our own text, escaped: a spent budget stands out
    setWordWrap(true);
    setForegroundRole(QPalette::PlaceholderText);
    setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_debounce.setSingleShot(true);
    m_debounce.setInterval(250);
    connect(&m_debounce, &QTimer::timeout, this, &CostEstimateView::updateNow);
}

void CostEstimateView::scheduleUpdate()
{
    m_debounce.start();
}

void CostEstimateView::updateNow()
{
    m_debounce.stop();
    m_estimate = m_compute ? m_compute() : CostEstimate {};
    render();
}

void CostEstimateView::render()
{
    if (m_estimate.companies == 0 || m_estimate.strategies == 0) {
        setText(tr("Estimate: add a goal, domains and a source to see what the run costs."));
        return;
    }
    const QStringList warnings = m_estimate.budgetWarnings();
    QStringList lines = m_estimate.lines();
    lines.first().prepend(tr("Estimate: "));
    QStringList html;
    for (const QString &line : std::as_const(lines)) {
        const QString escaped = line.toHtmlEscaped();
        html << (warnings.contains(line.trimmed())
                ? u"<span style=\"color:%1; font-weight:600\">%2</span>"_s.arg(
                      theme::errorText(palette()).name(), escaped)
                : escaped);
    }
    setText(u"<div style=\"white-space:pre-wrap\">"_s + html.join(u"<br>"_s) + u"</div>"_s);
}

void CostEstimateView::changeEvent(QEvent *event)
{
    QLabel::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        render();
}

} // namespace gtm
