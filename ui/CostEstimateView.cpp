#include "CostEstimateView.h"

using namespace Qt::StringLiterals;

namespace gtm {

CostEstimateView::CostEstimateView(Compute compute, QWidget *parent)
    : QLabel(parent)
    , m_compute(std::move(compute))
{
    setObjectName(u"costEstimate"_s);
    setTextFormat(Qt::PlainText);
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
    if (m_estimate.companies == 0 || m_estimate.strategies == 0) {
        setText(tr("Estimate: add a goal, domains and a source to see what the run costs."));
        return;
    }
    QStringList lines = m_estimate.lines();
    lines.first().prepend(tr("Estimate: "));
    setText(lines.join(u'\n'));
}

} // namespace gtm
