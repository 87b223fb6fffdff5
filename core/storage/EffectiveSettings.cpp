#include "EffectiveSettings.h"

#include "AppSettings.h"
#include "SecretStore.h"
#include "model/Providers.h"
#include "net/HttpClient.h"

using namespace Qt::StringLiterals;

namespace gtm {

QCoro::Task<SavedKeys> readSavedKeys(SecretStore *store, QStringList providers)
{
    SavedKeys saved;
    if (!store)
        co_return saved;
    for (const QString &p : std::as_const(providers)) {
        const SecretResult r = co_await store->read(p);
        if (!r.ok && saved.problem.isEmpty())
            saved.problem = r.error;
        if (!r.value.isEmpty())
            saved.keys.insert(p, r.value);
    }
    co_return saved;
}

SourceSettings effectiveSourceSettings(
    const AppSettings &settings, const QMap<QString, QString> &keys)
{
    return settings.sourceSettings(keys).withEnvironment();
}

LlmSettings effectiveLlmSettings(const AppSettings &settings, const QMap<QString, QString> &keys)
{
    return settings.llmSettings(keys).withEnvironment();
}

QHash<QString, int> savedChannelConcurrency(const AppSettings &settings)
{
    QHash<QString, int> byChannel;
    for (const QString &provider : AppSettings::sourceProviders()) {
        const int limit = settings.limits(provider).concurrency;
        const QString channel = providerChannel(provider);
        if (limit <= 0 || channel.isEmpty())
            continue;
        const int current = byChannel.value(channel, 0);
        byChannel.insert(channel, current > 0 ? std::min(current, limit) : limit);
    }
    return byChannel;
}

void applySavedRateLimits(HttpClient *http, const AppSettings &settings)
{
    QStringList providers = AppSettings::sourceProviders();
    providers << u"gemini"_s << u"openai"_s;
    for (const QString &provider : std::as_const(providers)) {
        ProviderPolicy policy = http->providerPolicy(provider);
        policy.ratePerMinute = settings.limits(provider).ratePerMinute;
        policy.burst = std::max(1, int(policy.ratePerMinute / 60.0));
        http->setProviderPolicy(provider, policy);
    }
}

} // namespace gtm
