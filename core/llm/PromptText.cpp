#include "PromptText.h"

#include <QFile>

// A resource in a static library is only linked in when something asks for it by name.
static void initPromptResources()
{
    Q_INIT_RESOURCE(prompts);
}

namespace gtm {

QString promptText(const QString &name)
{
    static const bool once = (initPromptResources(), true);
    Q_UNUSED(once);
    QFile f(QStringLiteral(":/prompts/%1.txt").arg(name));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(f.readAll()).trimmed();
}

} // namespace gtm
