#include "model/Channel.h"
#include "net/HttpClient.h"
#include "sources/SourceFactory.h"

#include <QTest>

using namespace gtm;
using namespace Qt::StringLiterals;

class TestFactory : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void cleanup();
    void createSources_coversEveryChannel();
    void keys_decideWhichSourcesCanRun();
    void environment_overridesKeysAndUrls();
    void environment_ignoresMalformedUrls();
};

void TestFactory::cleanup()
{
    for (const char *v : { "TAVILY_API_KEY", "NEWS_API_KEY", "GTM_TAVILY_URL", "GTM_NEWSAPI_URL",
             "GTM_GREENHOUSE_URL", "GTM_LEVER_URL", "GTM_ASHBY_URL", "GTM_HN_URL",
             "GTM_WEBSITE_URL" })
        qunsetenv(v);
}

void TestFactory::createSources_coversEveryChannel()
{
    HttpClient http;
    const auto sources = createSources(&http, SourceSettings {});
    QStringList channels;
    for (const auto &s : sources)
        channels << s->channel();
    for (const QString &c : channel::all())
        QVERIFY2(channels.contains(c), qPrintable(c));
    QCOMPARE(int(sources.size()), int(channel::all().size()));
}

void TestFactory::keys_decideWhichSourcesCanRun()
{
    HttpClient http;
    SourceSettings settings;
    settings.apiKeys.insert(u"newsapi"_s, u"k"_s);
    const auto sources = createSources(&http, settings);
    for (const auto &s : sources) {
        if (s->channel() == channel::GoogleSearch) {
            QVERIFY(s->requiresKey());
            QVERIFY(!s->hasKey());
        } else if (s->channel() == channel::NewsSearch) {
            QVERIFY(s->requiresKey());
            QVERIFY(s->hasKey());
        } else {
            // A run with no key at all still has these.
            QVERIFY2(!s->requiresKey() && s->hasKey(), qPrintable(s->name()));
        }
    }
}

void TestFactory::environment_overridesKeysAndUrls()
{
    SourceSettings saved;
    saved.apiKeys.insert(u"tavily"_s, u"saved-key"_s);
    saved.baseUrls.insert(u"lever"_s, QUrl(u"http://saved.example"_s));
    qputenv("TAVILY_API_KEY", "env-tavily");
    qputenv("NEWS_API_KEY", "env-news");
    qputenv("GTM_TAVILY_URL", "http://127.0.0.1:9001");
    qputenv("GTM_NEWSAPI_URL", "http://127.0.0.1:9002");
    qputenv("GTM_GREENHOUSE_URL", "http://127.0.0.1:9003");
    qputenv("GTM_ASHBY_URL", "http://127.0.0.1:9005");
    qputenv("GTM_HN_URL", "http://127.0.0.1:9006");
    qputenv("GTM_WEBSITE_URL", "http://127.0.0.1:9007/site/{domain}");
    const SourceSettings s = saved.withEnvironment();
    QCOMPARE(s.apiKeys.value(u"tavily"_s), u"env-tavily"_s);
    QCOMPARE(s.apiKeys.value(u"newsapi"_s), u"env-news"_s);
    QCOMPARE(s.baseUrls.value(u"tavily"_s), QUrl(u"http://127.0.0.1:9001"_s));
    QCOMPARE(s.baseUrls.value(u"newsapi"_s), QUrl(u"http://127.0.0.1:9002"_s));
    QCOMPARE(s.baseUrls.value(u"greenhouse"_s), QUrl(u"http://127.0.0.1:9003"_s));
    QCOMPARE(
        s.baseUrls.value(u"lever"_s), QUrl(u"http://saved.example"_s)); // not in the environment
    QCOMPARE(s.baseUrls.value(u"ashby"_s), QUrl(u"http://127.0.0.1:9005"_s));
    QCOMPARE(s.baseUrls.value(u"hackernews"_s), QUrl(u"http://127.0.0.1:9006"_s));
    QCOMPARE(s.websiteUrlTemplate, u"http://127.0.0.1:9007/site/{domain}"_s);
    // The saved settings themselves are untouched.
    QCOMPARE(saved.apiKeys.value(u"tavily"_s), u"saved-key"_s);
}

void TestFactory::environment_ignoresMalformedUrls()
{
    qputenv("GTM_TAVILY_URL", "not a url");
    const SourceSettings s = SourceSettings {}.withEnvironment();
    QVERIFY(!s.baseUrls.contains(u"tavily"_s));
}

QTEST_GUILESS_MAIN(TestFactory)
#include "tst_factory.moc"
