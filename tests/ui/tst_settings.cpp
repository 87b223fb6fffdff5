#include "SettingsDialog.h"
#include "UiTestSupport.h"
#include "model/ResearchRequest.h"
#include "storage/AppSettings.h"
#include "storage/SecretStore.h"

#include <QCoroTask>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTest>

using namespace gtm;
using namespace Qt::StringLiterals;

class TestSettings : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void appSettings_roundTripsAndNeverHoldsKeys();
    void appSettings_buildsCoreSettingsWithKeysGiven();
    void secretStore_inMemoryReadsWritesDeletes();
    void dialog_masksKeysAndShowsTestVerdict();
    void dialog_environmentKeyOverridesAndIsShown();
    void dialog_acceptSavesServiceSettings();
    void dialog_environmentBaseUrlsAreShownAndNotSaved();
    void dialog_keychainProblemSaysKeysAreForThisSessionOnly();
};

void TestSettings::appSettings_roundTripsAndNeverHoldsKeys()
{
    QTemporaryDir dir;
    const QString ini = dir.filePath(u"s.ini"_s);
    {
        AppSettings s(ini);
        for (int i = 0; i < 12; ++i)
            s.addRecentGoal(u"goal %1"_s.arg(i));
        s.addRecentGoal(u"goal 5"_s);
        s.setDepth(Depth::Comprehensive);
        s.setMaxParallel(900);
        s.setThreshold(0.55);
        s.setBaseUrl(u"tavily"_s, QUrl(u"http://127.0.0.1:9/"_s));
        s.setLimits(u"newsapi"_s, ProviderLimits { 4, 60 });
        s.setLlmProvider(LlmProvider::OpenAiCompatible);
        s.setOpenAiModel(u"llama3.1"_s);
        s.sync();
    }
    AppSettings s(ini);
    QCOMPARE(s.recentGoals().size(), 10);
    QCOMPARE(s.recentGoals().first(), u"goal 5"_s);
    QCOMPARE(s.recentGoals().at(1), u"goal 11"_s);
    QCOMPARE(s.depth(), Depth::Comprehensive);
    QCOMPARE(s.maxParallel(), ResearchRequest::MaxParallelSearches); // clamped to the shared limit
    QCOMPARE(s.threshold(), 0.55);
    QCOMPARE(s.baseUrl(u"tavily"_s), QUrl(u"http://127.0.0.1:9/"_s));
    QCOMPARE(s.limits(u"newsapi"_s).concurrency, 4);
    QCOMPARE(s.limits(u"newsapi"_s).ratePerMinute, 60.0);
    QCOMPARE(s.limits(u"tavily"_s).ratePerMinute, 500.0); // the seed's default
    QCOMPARE(s.llmProvider(), LlmProvider::OpenAiCompatible);
    QCOMPARE(s.openAiModel(), u"llama3.1"_s);

    // Building core settings with keys never writes them to the settings file.
    QMap<QString, QString> keys { { u"tavily"_s, u"tvly-SECRET"_s },
        { u"openai"_s, u"sk-SECRET"_s } };
    s.sourceSettings(keys);
    s.llmSettings(keys);
    s.sync();
    QFile f(ini);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QVERIFY(!f.readAll().contains("SECRET"));
}

void TestSettings::appSettings_buildsCoreSettingsWithKeysGiven()
{
    QTemporaryDir dir;
    AppSettings s(dir.filePath(u"s.ini"_s));
    s.setBaseUrl(u"newsapi"_s, QUrl(u"http://127.0.0.1:7/"_s));
    s.setWebsiteUrlTemplate(u"http://127.0.0.1:7/site/{domain}"_s);
    s.setLlmProvider(LlmProvider::Gemini);
    const SourceSettings src
        = s.sourceSettings({ { u"tavily"_s, u"k1"_s }, { u"gemini"_s, u"k2"_s } });
    QCOMPARE(src.apiKeys.value(u"tavily"_s), u"k1"_s);
    QVERIFY(!src.apiKeys.contains(u"gemini"_s));
    QCOMPARE(src.baseUrls.value(u"newsapi"_s), QUrl(u"http://127.0.0.1:7/"_s));
    QCOMPARE(src.websiteUrlTemplate, u"http://127.0.0.1:7/site/{domain}"_s);
    const LlmSettings llm = s.llmSettings({ { u"gemini"_s, u"k2"_s } });
    QCOMPARE(llm.provider, LlmProvider::Gemini);
    QCOMPARE(llm.geminiApiKey, u"k2"_s);
}

void TestSettings::secretStore_inMemoryReadsWritesDeletes()
{
    InMemorySecretStore store;
    QVERIFY(QCoro::waitFor(store.write(u"tavily"_s, u"tvly-1"_s)).ok);
    QCOMPARE(QCoro::waitFor(store.read(u"tavily"_s)).value, u"tvly-1"_s);
    QVERIFY(QCoro::waitFor(store.write(u"tavily"_s, QString())).ok);
    const SecretResult missing = QCoro::waitFor(store.read(u"tavily"_s));
    QVERIFY(missing.ok);
    QVERIFY(missing.value.isEmpty());
}

namespace {
QCoro::Task<KeyTestResult> fakeTest(QString provider, QString key)
{
    co_return KeyTestResult { key == u"good"_s,
        provider + (key == u"good"_s ? u" ok"_s : u" rejected the key"_s) };
}
} // namespace

void TestSettings::dialog_masksKeysAndShowsTestVerdict()
{
    qunsetenv("NEWS_API_KEY");
    QTemporaryDir dir;
    AppSettings s(dir.filePath(u"s.ini"_s));
    QStringList tested;
    SettingsDialog dialog(&s, { { u"newsapi"_s, u"bad"_s } },
        [&tested](QString provider, QString key) {
            tested << provider;
            return fakeTest(std::move(provider), std::move(key));
        },
        {});
    QLineEdit *edit = dialog.keyEdit(u"newsapi"_s);
    QCOMPARE(edit->echoMode(), QLineEdit::Password);
    QCOMPARE(edit->text(), u"bad"_s);
    QTest::mouseClick(dialog.testButton(u"newsapi"_s), Qt::LeftButton);
    QTRY_VERIFY(dialog.verdictLabel(u"newsapi"_s)->text().contains(u"rejected"_s));
    edit->setText(u"good"_s);
    QTest::mouseClick(dialog.testButton(u"newsapi"_s), Qt::LeftButton);
    QTRY_VERIFY(dialog.verdictLabel(u"newsapi"_s)->text().contains(u"newsapi ok"_s));
    QCOMPARE(tested, (QStringList { u"newsapi"_s, u"newsapi"_s }));
    QCOMPARE(dialog.keys().value(u"newsapi"_s), u"good"_s);
}

void TestSettings::dialog_environmentKeyOverridesAndIsShown()
{
    qputenv("TAVILY_API_KEY", "tvly-from-env");
    QTemporaryDir dir;
    AppSettings s(dir.filePath(u"s.ini"_s));
    SettingsDialog dialog(&s, { { u"tavily"_s, u"saved"_s } }, {}, {});
    QLineEdit *edit = dialog.keyEdit(u"tavily"_s);
    QVERIFY(!edit->isEnabled());
    QVERIFY(edit->text().isEmpty()); // the environment's key is not shown, not even masked
    QVERIFY(edit->placeholderText().contains(u"TAVILY_API_KEY"_s));
    QVERIFY(!dialog.keys().contains(u"tavily"_s));
    qunsetenv("TAVILY_API_KEY");
}

void TestSettings::dialog_acceptSavesServiceSettings()
{
    QTemporaryDir dir;
    AppSettings s(dir.filePath(u"s.ini"_s));
    SettingsDialog dialog(&s, {}, {}, {});
    QLineEdit *website = nullptr;
    for (QLineEdit *edit : dialog.findChildren<QLineEdit *>())
        if (edit->placeholderText() == u"https://{domain}"_s)
            website = edit;
    QVERIFY(website);
    website->setText(u"http://127.0.0.1:8080/site/{domain}"_s);
    dialog.accept();
    QCOMPARE(s.websiteUrlTemplate(), u"http://127.0.0.1:8080/site/{domain}"_s);
    QCOMPARE(s.limits(u"tavily"_s).ratePerMinute, 500.0);
    QCOMPARE(s.llmProvider(), LlmProvider::None);
    QVERIFY(s.baseUrl(u"openai"_s).isEmpty());
}

void TestSettings::dialog_environmentBaseUrlsAreShownAndNotSaved()
{
    QTemporaryDir dir;
    AppSettings settings(dir.filePath(u"s.ini"_s));
    settings.setBaseUrl(u"openai"_s, QUrl(u"http://saved.example:1/"_s));
    qputenv("GTM_OPENAI_URL", "http://127.0.0.1:11434");
    qputenv("GTM_WEBSITE_URL", "http://127.0.0.1:8080/site/{domain}");
    {
        SettingsDialog dialog(&settings, {}, {}, {});
        QCOMPARE(dialog.openAiUrlEdit()->text(), u"http://127.0.0.1:11434"_s);
        QVERIFY(dialog.openAiUrlEdit()->isReadOnly());
        QVERIFY(dialog.openAiUrlEdit()->toolTip().contains(u"GTM_OPENAI_URL"_s));
        QCOMPARE(dialog.websiteTemplateEdit()->text(), u"http://127.0.0.1:8080/site/{domain}"_s);
        QVERIFY(dialog.websiteTemplateEdit()->isReadOnly());
        dialog.accept();
    }
    qunsetenv("GTM_OPENAI_URL");
    qunsetenv("GTM_WEBSITE_URL");
    // The environment's values stay the environment's: the saved ones are untouched.
    QCOMPARE(settings.baseUrl(u"openai"_s), QUrl(u"http://saved.example:1/"_s));
    QVERIFY(!settings.websiteUrlTemplate().contains(u"8080"_s));
    SettingsDialog dialog(&settings, {}, {}, {});
    QCOMPARE(dialog.openAiUrlEdit()->text(), u"http://saved.example:1/"_s);
    QVERIFY(!dialog.openAiUrlEdit()->isReadOnly());
}

void TestSettings::dialog_keychainProblemSaysKeysAreForThisSessionOnly()
{
    QTemporaryDir dir;
    AppSettings settings(dir.filePath(u"s.ini"_s));
    SettingsDialog dialog(&settings, {}, {}, {});
    dialog.show();
    QVERIFY(!dialog.keychainBanner()->isVisible());
    dialog.setKeychainProblem(u"No keychain service is available"_s);
    QVERIFY(dialog.keychainBanner()->isVisible());
    QVERIFY(dialog.keychainBanner()->text().contains(u"No keychain service"_s));
    QVERIFY(dialog.keychainBanner()->text().contains(u"this session only"_s));
}

QTEST_MAIN(TestSettings)
#include "tst_settings.moc"
