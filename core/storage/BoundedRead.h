#pragma once

#include <QByteArray>
#include <QString>
#include <optional>

class QIODevice;

namespace gtm {

// What the app reads from a file or pipe the user names is capped: `--domains /dev/zero`, a
// 20 GB file picked by mistake or an endless pipe end with a message instead of eating memory.
// A 1,000,000-line domain list is about 20 MB; a 10,000-company session about 65 MB.
inline constexpr qint64 kMaxDomainListBytes = qint64(128) << 20;
inline constexpr qint64 kMaxSessionBytes = qint64(256) << 20;

// Reads `device` to its end, or fails once more than `limit` bytes arrive. `name` is how the
// message calls the input ("domains.csv", "standard input").
std::optional<QByteArray> readBounded(
    QIODevice &device, qint64 limit, const QString &name, QString *error);

} // namespace gtm
