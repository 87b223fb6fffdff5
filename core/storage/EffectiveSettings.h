#pragma once

#include "llm/LlmSettings.h"
#include "sources/SourceFactory.h"

#include <QCoroTask>
#include <QHash>
#include <QMap>
#include <QStringList>

namespace gtm {

class AppSettings;
class HttpClient;
class SecretStore;

// What a run uses: the settings the user saved in the GUI (QSettings and the keychain), with
// the environment on top (design.md: each variable overrides the saved setting). The GUI and
// the CLI build their clients through these, so that both read the settings the same way.

struct SavedKeys
{
    QMap<QString, QString> keys; // provider -> key; only the providers that have one
    QString problem; // the first keychain error; empty when the keychain answered
};

// Reads the given providers' keys. An unavailable keychain is not an error: problem says
// why, and the keys it could not read are missing. Parameters by value: a coroutine.
QCoro::Task<SavedKeys> readSavedKeys(SecretStore *store, QStringList providers);

SourceSettings effectiveSourceSettings(
    const AppSettings &settings, const QMap<QString, QString> &keys);
LlmSettings effectiveLlmSettings(const AppSettings &settings, const QMap<QString, QString> &keys);

// The per-source "parallel" values, by channel, for PipelineServices::channelConcurrency. The
// job boards share one channel: the smallest limit set for any of them applies.
QHash<QString, int> savedChannelConcurrency(const AppSettings &settings);

// The user's request rates over the policies the clients installed.
void applySavedRateLimits(HttpClient *http, const AppSettings &settings);

} // namespace gtm
