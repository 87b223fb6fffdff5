#pragma once

#include "model/RunState.h"

#include <QDateTime>
#include <QFileDevice>
#include <functional>
#include <optional>

namespace gtm {

// The newest session format this build reads and the one it writes.
inline constexpr int kSessionFormatVersion = 1;

// What a session file says about itself, besides the run.
struct SessionMeta
{
    int version = 0;
    QDateTime savedAt; // UTC
    QString appVersion;
};

// .gtmr files: versioned JSON holding a RunState (docs/session-format.md). Saving is atomic;
// a file that cannot be read (corrupt, truncated, newer version) is refused and left untouched.
// Both touch no shared state and may run on a worker thread: a 2,000-company session (13 MB)
// takes most of a second each way in a debug build.
bool saveSession(const QString &path, const RunState &state, QString *error);
std::optional<RunState> loadSession(const QString &path, QString *error);
std::optional<RunState> loadSession(const QString &path, QString *error, SessionMeta *meta);

// The two halves of saveSession/loadSession, for callers that serialise on one thread and
// write on another (SessionAutosaver) or that hold the bytes already.
QByteArray sessionToJson(const RunState &state);
// The same bytes, written as they are made (a company at a time), for files of any size.
bool writeSessionJson(QIODevice *out, const RunState &state);
std::optional<RunState> sessionFromJson(
    const QByteArray &bytes, QString *error, SessionMeta *meta = nullptr);

// Replaces path with bytes or leaves the old file as it was: written to a temporary file in the
// same directory, flushed to disk, then renamed over the old one.
bool writeFileAtomically(const QString &path, const QByteArray &bytes, QString *error);
// The same, for contents written piece by piece; write returns false when a write failed.
bool writeFileAtomically(
    const QString &path, const std::function<bool(QIODevice *)> &write, QString *error);

// Why a write failed, for the message after "Cannot save “NAME”: ". A full disk says so.
QString describeWriteError(QFileDevice::FileError error, int errnoValue, const QString &qtText);

} // namespace gtm
