#include "Depth.h"

namespace gtm {

QString depthToString(Depth depth)
{
    switch (depth) {
    case Depth::Quick:
        return QStringLiteral("quick");
    case Depth::Standard:
        return QStringLiteral("standard");
    case Depth::Comprehensive:
        return QStringLiteral("comprehensive");
    }
    return QStringLiteral("standard");
}

std::optional<Depth> depthFromString(QStringView text)
{
    const QString t = text.trimmed().toString().toLower();
    if (t == u"quick")
        return Depth::Quick;
    if (t == u"standard")
        return Depth::Standard;
    if (t == u"comprehensive")
        return Depth::Comprehensive;
    return std::nullopt;
}

} // namespace gtm
