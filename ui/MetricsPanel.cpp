#include "MetricsPanel.h"

#include "ResultsModel.h"
#include "ThemeColors.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QStackedBarSeries>
#include <QTableWidget>
#include <QValueAxis>

using namespace Qt::StringLiterals;

namespace gtm {

MetricsPanel::MetricsPanel(QWidget *parent)
    : QWidget(parent)
    , m_counts(kBins, 0)
{
    auto *form = new QFormLayout;
    form->setLabelAlignment(Qt::AlignRight);
    addValue(form, u"time"_s, tr("Processing time"));
    addValue(form, u"queries"_s, tr("Queries"));
    addValue(form, u"qps"_s, tr("Queries per second"));
    addValue(form, u"failed"_s, tr("Failed requests"));
    addValue(form, u"retries"_s, tr("Retries"));
    addValue(form, u"cache"_s, tr("Cache hits"));
    addValue(form, u"evidence"_s, tr("Evidence items"));
    addValue(form, u"matches"_s, tr("Matches"));
    addValue(form, u"strategies"_s, tr("Strategies"));
    addValue(form, u"analyzer"_s, tr("Analyzer"));
    addValue(form, u"tokens"_s, tr("LLM tokens"));
    addValue(form, u"budget"_s, tr("Budgets"));

    m_sources = new QTableWidget(0, 5, this);
    m_sources->setHorizontalHeaderLabels(
        { tr("Source"), tr("Requests"), tr("Failures"), tr("Cache hits"), tr("Breaker") });
    m_sources->verticalHeader()->hide();
    m_sources->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_sources->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_sources->horizontalHeader()->setStretchLastSection(true);

    m_below = new QBarSet(tr("Below threshold"));
    m_above = new QBarSet(tr("At or above"));
    auto *series = new QStackedBarSeries;
    series->append(m_below);
    series->append(m_above);
    series->setBarWidth(0.95);
    auto *chart = new QChart;
    m_chart = chart;
    chart->addSeries(series);
    chart->setTitle(tr("Confidence distribution"));
    chart->legend()->setAlignment(Qt::AlignBottom);
    chart->setMargins(QMargins(4, 4, 4, 4));
    QStringList categories;
    for (int i = 0; i < kBins; ++i)
        categories << QString::number(double(i) / kBins, 'f', 1);
    auto *xAxis = new QBarCategoryAxis;
    xAxis->append(categories);
    m_yAxis = new QValueAxis;
    m_yAxis->setLabelFormat(u"%d"_s);
    m_xAxis = xAxis;
    m_yAxis->setRange(0, 1);
    chart->addAxis(xAxis, Qt::AlignBottom);
    chart->addAxis(m_yAxis, Qt::AlignLeft);
    series->attachAxis(xAxis);
    series->attachAxis(m_yAxis);
    m_chartView = new QChartView(chart, this);
    m_chartView->setRenderHint(QPainter::Antialiasing);
    m_chartView->setMinimumHeight(180);

    auto *left = new QVBoxLayout;
    left->addLayout(form);
    left->addWidget(m_sources, 1);
    auto *layout = new QHBoxLayout(this);
    layout->addLayout(left, 1);
    layout->addWidget(m_chartView, 1);
    applyPalette();
    clear();
}

MetricsPanel::AxisScale MetricsPanel::niceScale(int peak)
{
    // Steps of 1, 2, 2.5 and 5 times a power of ten (2.5 only where it stays whole), at most
    // five intervals: 0/1/2/3, 0/2/4/6/8, 0/25/50/75/100, 0/500/1000/...
    peak = std::max(peak, 1);
    for (int magnitude = 1;; magnitude *= 10) {
        for (int base : { 10, 20, 25, 50 }) {
            if (base == 25 && magnitude < 10)
                continue;
            const int step = base * magnitude / 10;
            if (step == 0)
                continue;
            const int intervals = (peak + step - 1) / step;
            if (intervals <= 5)
                return { intervals * step, intervals + 1 };
        }
    }
}

void MetricsPanel::applyPalette()
{
    // The chart has its own light theme: follow the window's palette instead, so the chart
    // does not stay a white box on a dark desktop.
    const QPalette pal = palette();
    m_chart->setBackgroundBrush(pal.color(QPalette::Base));
    m_chart->setBackgroundPen(QPen(pal.color(QPalette::Mid)));
    m_chart->setTitleBrush(pal.color(QPalette::Text));
    m_chart->legend()->setLabelColor(pal.color(QPalette::Text));
    for (QAbstractAxis *axis :
        { static_cast<QAbstractAxis *>(m_xAxis), static_cast<QAbstractAxis *>(m_yAxis) }) {
        axis->setLabelsColor(pal.color(QPalette::Text));
        axis->setLinePenColor(pal.color(QPalette::Mid));
        axis->setGridLineColor(pal.color(QPalette::Midlight));
    }
    m_below->setColor(theme::belowColor(pal));
    m_above->setColor(theme::matchColor(pal));
    m_below->setBorderColor(pal.color(QPalette::Base));
    m_above->setBorderColor(pal.color(QPalette::Base));
}

void MetricsPanel::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange && m_chart)
        applyPalette();
}

QLabel *MetricsPanel::addValue(QFormLayout *form, const QString &name, const QString &label)
{
    auto *value = new QLabel(this);
    value->setTextFormat(Qt::PlainText);
    value->setTextInteractionFlags(Qt::TextSelectableByMouse);
    form->addRow(label + u':', value);
    m_values.insert(name, value);
    return value;
}

QString MetricsPanel::valueText(const QString &name) const
{
    const QLabel *label = m_values.value(name);
    return label ? label->text() : QString();
}

void MetricsPanel::clear()
{
    for (QLabel *label : std::as_const(m_values))
        label->setText(u"—"_s);
    m_sources->setRowCount(0);
    setConfidences({}, 1.0);
}

void MetricsPanel::setMetrics(const RunMetrics &m)
{
    const QLocale locale;
    m_values[u"time"_s]->setText(
        tr("%1 s").arg(locale.toString(m.processingTimeMs / 1000.0, 'f', 1)));
    m_values[u"queries"_s]->setText(
        tr("%1 of %2").arg(locale.toString(m.completedQueries), locale.toString(m.totalQueries)));
    m_values[u"qps"_s]->setText(locale.toString(m.queriesPerSecond, 'f', 1));
    m_values[u"failed"_s]->setText(locale.toString(m.failedRequests));
    m_values[u"retries"_s]->setText(locale.toString(m.retries));
    m_values[u"cache"_s]->setText(locale.toString(m.cacheHits));
    m_values[u"evidence"_s]->setText(locale.toString(m.totalEvidence));
    m_values[u"matches"_s]->setText(
        tr("%1 of %2 (average confidence %3)")
            .arg(locale.toString(m.highConfidenceMatches), locale.toString(m.totalDomains),
                locale.toString(m.averageConfidence, 'f', 2)));
    QString strategies = locale.toString(m.strategiesGenerated);
    if (!m.strategySource.isEmpty())
        strategies += u" ("_s + m.strategySource + u')';
    if (m.strategiesDropped > 0)
        strategies += tr(", %n dropped", nullptr, m.strategiesDropped);
    m_values[u"strategies"_s]->setText(strategies);
    m_values[u"analyzer"_s]->setText(m.analyzer.isEmpty() ? u"—"_s : m.analyzer);
    m_values[u"tokens"_s]->setText(
        tr("%1 prompt, %2 completion")
            .arg(locale.toString(m.llmPromptTokens), locale.toString(m.llmCompletionTokens)));

    m_sources->setRowCount(int(m.perSource.size()));
    int row = 0;
    for (auto it = m.perSource.cbegin(); it != m.perSource.cend(); ++it, ++row) {
        const SourceStats &s = it.value();
        QString breaker = s.breakerState;
        if (!s.stopReason.isEmpty())
            breaker += u" — "_s + s.stopReason;
        const QStringList cells { it.key(), locale.toString(s.requests),
            locale.toString(s.failures), locale.toString(s.cacheHits), breaker };
        for (int c = 0; c < cells.size(); ++c) {
            auto *item = new QTableWidgetItem(cells.at(c));
            if (c > 0 && c < 4)
                item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            m_sources->setItem(row, c, item);
        }
    }
}

void MetricsPanel::setSpending(const QStringList &lines)
{
    m_values[u"budget"_s]->setText(lines.isEmpty() ? tr("none set") : lines.join(u'\n'));
}

void MetricsPanel::setConfidences(const QList<CompanyResult> &results, double threshold)
{
    QList<int> below(kBins, 0);
    QList<int> above(kBins, 0);
    for (const CompanyResult &r : results) {
        if (r.status != CompanyStatus::Done && r.status != CompanyStatus::NoEvidence)
            continue;
        const int bin = std::clamp(int(r.confidence * kBins), 0, kBins - 1);
        // Coloured as the table's Match column: a company without evidence never matches.
        (ResultsModel::isMatch(r, threshold) ? above : below)[bin] += 1;
    }
    int peak = 1;
    for (int i = 0; i < kBins; ++i) {
        m_counts[i] = below[i] + above[i];
        peak = std::max(peak, m_counts[i]);
    }
    QList<qreal> b, a;
    for (int i = 0; i < kBins; ++i) {
        b << below[i];
        a << above[i];
    }
    m_below->remove(0, m_below->count());
    m_above->remove(0, m_above->count());
    m_below->append(b);
    m_above->append(a);
    const AxisScale scale = niceScale(peak);
    m_yAxis->setRange(0, scale.max);
    m_yAxis->setTickCount(scale.ticks);
}

} // namespace gtm
