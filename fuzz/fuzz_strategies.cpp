// Strategy files ({"strategies":[...]}), read from disk as the CLI and GUI do.
#include "FuzzSupport.h"
#include "strategy/StrategyFile.h"

#include <QFile>
#include <QTemporaryDir>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("strategies.json"));
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return 0;
    f.write(gtm::fuzz::bytes(data, size));
    f.close();
    QString error;
    if (const auto strategies = gtm::loadStrategiesFile(path, &error))
        for (const gtm::QueryStrategy &s : *strategies)
            (void)s.buildQuery(QStringLiteral("example.com"));
    return 0;
}
