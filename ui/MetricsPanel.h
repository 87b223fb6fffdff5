#pragma once

#include "model/CompanyResult.h"
#include "model/RunMetrics.h"

#include <QWidget>

class QBarCategoryAxis;
class QBarSet;
class QChart;
class QChartView;
class QFormLayout;
class QLabel;
class QTableWidget;
class QValueAxis;

namespace gtm {

// What a run cost and how it went: time, throughput, failures, retries, cache hits, per-source
// figures with breaker state, LLM tokens, and a histogram of the confidences.
class MetricsPanel : public QWidget
{
    Q_OBJECT
public:
    static constexpr int kBins = 10;

    explicit MetricsPanel(QWidget *parent = nullptr);

    void setMetrics(const RunMetrics &metrics);
    // One line per capped provider: what the run spent and left out; empty: no budget.
    void setSpending(const QStringList &lines);
    void setConfidences(const QList<CompanyResult> &results, double threshold);
    void clear();

    QString valueText(const QString &name) const; // for tests: "time", "qps", "failed", ...
    QList<int> histogram() const { return m_counts; }
    QValueAxis *countAxis() const { return m_yAxis; }
    QChart *chart() const { return m_chart; }
    QBarSet *aboveSet() const { return m_above; }

    // The count axis: its top and how many ticks, so every label is a round number.
    struct AxisScale
    {
        int max;
        int ticks;
    };
    static AxisScale niceScale(int peak);

protected:
    void changeEvent(QEvent *event) override;

private:
    void applyPalette();
    QLabel *addValue(QFormLayout *form, const QString &name, const QString &label);

    QHash<QString, QLabel *> m_values;
    QTableWidget *m_sources = nullptr;
    QChartView *m_chartView = nullptr;
    QChart *m_chart = nullptr;
    QBarCategoryAxis *m_xAxis = nullptr;
    QBarSet *m_below = nullptr;
    QBarSet *m_above = nullptr;
    QValueAxis *m_yAxis = nullptr;
    QList<int> m_counts;
};

} // namespace gtm
