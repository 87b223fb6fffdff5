#pragma once

#include <QColor>
#include <QPalette>

namespace gtm::theme {

// Colours that carry meaning (a rejected line, a match, a failed test), picked for the palette
// in use: a dark system theme gets lighter variants, so nothing turns unreadable on it.
bool isDark(const QPalette &palette);
QColor errorText(const QPalette &palette);
QColor okText(const QPalette &palette);
QColor matchColor(const QPalette &palette);
QColor belowColor(const QPalette &palette);
// A faint background behind text, readable in both themes.
QColor tint(const QColor &colour);

// WCAG contrast ratio between two colours (1 to 21): tests check that text stays readable.
double contrast(const QColor &a, const QColor &b);

} // namespace gtm::theme
