#include "BoundedRead.h"

#include <QIODevice>

namespace gtm {

std::optional<QByteArray> readBounded(
    QIODevice &device, qint64 limit, const QString &name, QString *error)
{
    constexpr qint64 kChunk = qint64(1) << 20;
    QByteArray out;
    for (;;) {
        // One byte past the limit tells "exactly at the limit" from "over it".
        const qint64 want = std::min(kChunk, limit + 1 - out.size());
        const QByteArray chunk = device.read(want);
        if (chunk.isEmpty()) {
            if (device.bytesAvailable() > 0 || device.waitForReadyRead(-1))
                continue; // a pipe with more to come
            break;
        }
        out += chunk;
        if (out.size() > limit) {
            if (error)
                *error = QStringLiteral("%1 is larger than %2 MB and was not read: split it, or "
                                        "check that it is the file you meant")
                             .arg(name)
                             .arg(limit >> 20);
            return std::nullopt;
        }
    }
    return out;
}

} // namespace gtm
