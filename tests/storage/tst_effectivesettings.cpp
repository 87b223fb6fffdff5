#include "model/Channel.h"
#include "storage/AppSettings.h"
#include "storage/EffectiveSettings.h"
#include "storage/SecretStore.h"

#include <QCoroTask>
#include <QTemporaryDir>
#include <QTest>

using namespace gtm;
using namespace Qt::StringLiterals;

namespace {

// A keychain that cannot be reached for one provider.
class PartlyBrokenStore : public InMemorySecretStore
{
public:
    QCoro::Task<SecretResult> read(QString id) override
    {
        reads << id;
        if (id == u"newsapi") {
            SecretResult r;
            r.ok = false;
            r.error = u"No keychain service is available"_s;
            co_return r;
        }
        co_return co_await InMemorySecretStore::read(std::move(id));
    }
    QStringList reads;
};

} // namespace

class TestEffectiveSettings : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;

private Q_SLOTS:
    void init()
    {
        for (const char *v : { "TAVILY_API_KEY", "NEWS_API_KEY", "GTM_TAVILY_URL",
                 "GTM_NEWSAPI_URL", "GTM_OPENAI_URL", "GTM_OPENAI_MODEL", "OPENAI_API_KEY" })
            qunsetenv(v);
    }

    void savedKeys_readOnlyTheAskedProviders_andReportTheFirstProblem()
    {
        PartlyBrokenStore store;
        store.entries.insert(u"tavily"_s, u"tvly-saved"_s);
        store.entries.insert(u"openai"_s, u"sk-saved"_s);
        const SavedKeys saved
            = QCoro::waitFor(readSavedKeys(&store, { u"tavily"_s, u"newsapi"_s, u"gemini"_s }));
        QCOMPARE(store.reads, QStringList({ u"tavily"_s, u"newsapi"_s, u"gemini"_s }));
        QCOMPARE(saved.keys.value(u"tavily"_s), u"tvly-saved"_s);
        QVERIFY(!saved.keys.contains(u"openai"_s));
        QVERIFY(!saved.keys.contains(u"gemini"_s));
        QCOMPARE(saved.problem, u"No keychain service is available"_s);
    }

    void environment_overridesSavedUrlsKeysAndModels()
    {
        AppSettings settings(m_dir.filePath(u"env.ini"_s));
        settings.setBaseUrl(u"tavily"_s, QUrl(u"http://127.0.0.1:1111"_s));
        settings.setBaseUrl(u"newsapi"_s, QUrl(u"http://127.0.0.1:2222"_s));
        settings.setLlmProvider(LlmProvider::OpenAiCompatible);
        settings.setOpenAiModel(u"saved-model"_s);
        const QMap<QString, QString> keys { { u"tavily"_s, u"tvly-saved"_s } };

        SourceSettings sources = effectiveSourceSettings(settings, keys);
        QCOMPARE(sources.baseUrls.value(u"tavily"_s), QUrl(u"http://127.0.0.1:1111"_s));
        QCOMPARE(sources.apiKeys.value(u"tavily"_s), u"tvly-saved"_s);
        QCOMPARE(effectiveLlmSettings(settings, keys).openAiModel, u"saved-model"_s);
        QCOMPARE(effectiveLlmSettings(settings, keys).provider, LlmProvider::OpenAiCompatible);

        qputenv("GTM_TAVILY_URL", "http://127.0.0.1:3333");
        qputenv("TAVILY_API_KEY", "tvly-env");
        qputenv("GTM_OPENAI_MODEL", "env-model");
        sources = effectiveSourceSettings(settings, keys);
        const LlmSettings llm = effectiveLlmSettings(settings, keys);
        init();
        QCOMPARE(sources.baseUrls.value(u"tavily"_s), QUrl(u"http://127.0.0.1:3333"_s));
        QCOMPARE(sources.apiKeys.value(u"tavily"_s), u"tvly-env"_s);
        QCOMPARE(sources.baseUrls.value(u"newsapi"_s), QUrl(u"http://127.0.0.1:2222"_s));
        QCOMPARE(llm.openAiModel, u"env-model"_s);
    }

    void parallelValues_becomeChannelLimits()
    {
        AppSettings settings(m_dir.filePath(u"limits.ini"_s));
        QVERIFY(savedChannelConcurrency(settings).isEmpty());
        settings.setLimits(u"tavily"_s, ProviderLimits { 3, 0 });
        settings.setLimits(u"greenhouse"_s, ProviderLimits { 8, 0 });
        settings.setLimits(u"lever"_s, ProviderLimits { 4, 0 });
        settings.setLimits(u"ashby"_s, ProviderLimits { 0, 0 });
        const QHash<QString, int> limits = savedChannelConcurrency(settings);
        QCOMPARE(limits.value(channel::GoogleSearch), 3);
        // The job boards share a channel: the tightest limit holds for all of them.
        QCOMPARE(limits.value(channel::JobsSearch), 4);
        QVERIFY(!limits.contains(channel::NewsSearch));
        QCOMPARE(limits.size(), 2);
    }
};

QTEST_GUILESS_MAIN(TestEffectiveSettings)
#include "tst_effectivesettings.moc"
