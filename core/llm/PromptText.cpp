#include "PromptText.h"

#include "analysis/TechDictionary.h"

#include <QFile>

namespace gtm {

QString promptText(const QString &name)
{
    ensureAnalysisResources();
    QFile f(QStringLiteral(":/analysis/prompts/%1.txt").arg(name));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(f.readAll()).trimmed();
}

} // namespace gtm
