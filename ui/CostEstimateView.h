#pragma once

#include "spend/CostEstimate.h"

#include <QLabel>
#include <QTimer>
#include <functional>

namespace gtm {

// Above Run, in sight however the form is scrolled: what the run would cost (queries, the
// expected duration, credits or requests per paid provider, what a budget will leave out; each
// source's share in the tooltip), recomputed shortly after the form stops changing. The
// numbers come from core (estimateCost); this only shows them.
class CostEstimateView : public QLabel
{
    Q_OBJECT
public:
    using Compute = std::function<CostEstimate()>;
    explicit CostEstimateView(Compute compute, QWidget *parent = nullptr);

    // The form changed: recompute after a short pause (typing a goal costs one estimate).
    void scheduleUpdate();
    void updateNow();
    const CostEstimate &estimate() const { return m_estimate; }

protected:
    void changeEvent(QEvent *event) override;

private:
    void render();

    Compute m_compute;
    QTimer m_debounce;
    CostEstimate m_estimate;
};

} // namespace gtm
