#include "ConfidenceDelegate.h"

#include "ResultsModel.h"
#include "ThemeColors.h"

#include <QApplication>
#include <QPainter>

namespace gtm {

QColor ConfidenceDelegate::barColor(double confidence, double threshold, const QPalette &palette)
{
    return confidence >= threshold ? theme::matchColor(palette) : theme::belowColor(palette);
}

void ConfidenceDelegate::paint(
    QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const QString text = opt.text;
    opt.text.clear();
    QStyle *style = opt.widget ? opt.widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, opt.widget);

    const QVariant value = index.data(ResultsModel::ConfidenceRole);
    if (!value.isValid())
        return;
    const double confidence = std::clamp(value.toDouble(), 0.0, 1.0);
    const double threshold = index.data(ResultsModel::ThresholdRole).toDouble();

    const QRect area = opt.rect.adjusted(4, 4, -4, -4);
    const int textWidth = opt.fontMetrics.horizontalAdvance(QStringLiteral("0.00")) + 6;
    QRect track = area.adjusted(0, 0, -textWidth, 0);
    track.setHeight(std::min(track.height(), std::max(6, opt.fontMetrics.height() / 2)));
    track.moveCenter(QPoint(track.center().x(), area.center().y()));

    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(Qt::NoPen);
    painter->setBrush(opt.palette.color(QPalette::Mid).lighter(130));
    painter->drawRoundedRect(track, 2, 2);
    QRect bar = track;
    bar.setWidth(int(track.width() * confidence));
    painter->setBrush(barColor(confidence, threshold, opt.palette));
    painter->drawRoundedRect(bar, 2, 2);
    // The threshold as a tick on the track, so "how far from a match" reads at a glance.
    const int tickX = track.left() + int(track.width() * std::clamp(threshold, 0.0, 1.0));
    painter->setPen(QPen(opt.palette.color(QPalette::WindowText), 1));
    painter->drawLine(tickX, track.top() - 2, tickX, track.bottom() + 2);

    const bool selected = opt.state & QStyle::State_Selected;
    painter->setPen(opt.palette.color(selected ? QPalette::HighlightedText : QPalette::Text));
    painter->drawText(
        area.adjusted(area.width() - textWidth, 0, 0, 0), Qt::AlignRight | Qt::AlignVCenter, text);
    painter->restore();
}

QSize ConfidenceDelegate::sizeHint(
    const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    size.setWidth(
        std::max(size.width(), option.fontMetrics.horizontalAdvance(QStringLiteral("0.00")) * 4));
    return size;
}

} // namespace gtm
