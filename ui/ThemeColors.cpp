#include "ThemeColors.h"

#include <cmath>

namespace gtm::theme {

namespace {
double luminance(const QColor &c)
{
    const auto channel
        = [](double v) { return v <= 0.03928 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4); };
    const QColor rgb = c.toRgb();
    return 0.2126 * channel(rgb.redF()) + 0.7152 * channel(rgb.greenF())
        + 0.0722 * channel(rgb.blueF());
}
} // namespace

bool isDark(const QPalette &palette)
{
    return luminance(palette.color(QPalette::Window)) < 0.2;
}

QColor errorText(const QPalette &palette)
{
    return isDark(palette) ? QColor(0xff, 0x8a, 0x80) : QColor(0xc6, 0x28, 0x28);
}

QColor okText(const QPalette &palette)
{
    return isDark(palette) ? QColor(0x81, 0xc7, 0x84) : QColor(0x2e, 0x7d, 0x32);
}

QColor matchColor(const QPalette &palette)
{
    return isDark(palette) ? QColor(0x4c, 0xc0, 0x6c) : QColor(0x2e, 0x9d, 0x4f);
}

QColor belowColor(const QPalette &palette)
{
    return isDark(palette) ? QColor(0xf0, 0xb0, 0x4a) : QColor(0xe0, 0x9b, 0x2d);
}

QColor tint(const QColor &colour)
{
    QColor out = colour;
    out.setAlpha(48);
    return out;
}

double contrast(const QColor &a, const QColor &b)
{
    const double la = luminance(a) + 0.05;
    const double lb = luminance(b) + 0.05;
    return la > lb ? la / lb : lb / la;
}

} // namespace gtm::theme
