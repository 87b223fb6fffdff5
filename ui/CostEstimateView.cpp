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
        setToolTip({});
        return;
    }
    // Two lines and what a budget leaves out stay in sight next to Run; every source's share
    // is in the tooltip.
    QStringList lines = m_estimate.shortLines();
    lines.first().prepend(tr("Estimate: "));
    QStringList html;
    for (const QString &line : std::as_const(lines))
        html << line.toHtmlEscaped();
    for (const QString &warning : m_estimate.budgetWarnings())
        html << u"<span style=\"color:%1; font-weight:600\">%2</span>"_s.arg(
            theme::errorText(palette()).name(), warning.toHtmlEscaped());
    setText(html.join(u"<br>"_s));
    setToolTip(u"<p style=\"white-space:pre\">"_s + m_estimate.lines().join(u'\n').toHtmlEscaped()
        + u"</p>"_s);
}

void CostEstimateView::changeEvent(QEvent *event)
{
    QLabel::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        render();
}

} // namespace gtm
