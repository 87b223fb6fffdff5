#pragma once

#include <QStyledItemDelegate>

namespace gtm {

// Draws a confidence as a bar with its value, green at or above the threshold, amber below.
class ConfidenceDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
        const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    static QColor barColor(double confidence, double threshold, const QPalette &palette);
};

} // namespace gtm
