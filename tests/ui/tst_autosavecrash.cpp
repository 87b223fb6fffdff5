// End to end: a run started from the form on a fresh profile (empty HOME and XDG folders)
// leaves an autosave that survives kill -9, and the next start offers to restore it.
// The test starts itself again as the child (--child): a real window, a real autosaver on its
// default path, the fake sources on this process's loopback server.
#include "DomainEditor.h"
#include "MainWindow.h"
#include "ResultsModel.h"
#include "UiTestSupport.h"
#include "net/HttpClient.h"
#include "storage/AppSettings.h"
#include "storage/SecretStore.h"
#include "storage/SessionAutosaver.h"
#include "storage/SessionFile.h"

#include <QApplication>
#include <QPlainTextEdit>
#include <QProcess>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <cstdio>

using namespace gtm;
using namespace gtm::test;
using namespace Qt::StringLiterals;

namespace {

const QString kDomains = u"acme-pay.com\nglobex.io\ninitech.com\nslow-one.com\nslow-two.com"_s;

int finishedIn(const RunState &state)
{
    return int(std::count_if(state.results.cbegin(), state.results.cend(),
        [](const CompanyResult &r) { return isFinal(r.status); }));
}

// The child: what a user does on a fresh profile, then it waits to be killed.
int runChild(const QUrl &base)
{
    AppSettings settings; // the real location under XDG_CONFIG_HOME
    InMemorySecretStore secrets;
    HttpClient http;
    ScriptedPrompts prompts;
    MainWindowServices services;
    services.http = &http;
    services.settings = &settings;
    services.secrets = &secrets;
    services.prompts = &prompts;
    services.createEngine = fakeEngineFactory(&http, base);
    // autosavePath left empty: the product's default, under XDG_DATA_HOME.
    MainWindow window(std::move(services));
    window.show();
    window.goalEdit()->setPlainText(u"Fintech companies using AI for fraud detection"_s);
    window.domainEditor()->setPlainText(kDomains);
    if (!QTest::qWaitFor([&] { return window.runButton()->isEnabled(); }, 5000))
        return 2;
    QTest::mouseClick(window.runButton(), Qt::LeftButton);
    std::printf("running\n");
    std::fflush(stdout);
    return QApplication::exec();
}

} // namespace

class TestAutosaveCrash : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void freshProfile_runFromForm_killed_isOfferedForRestore();
};

void TestAutosaveCrash::freshProfile_runFromForm_killed_isOfferedForRestore()
{
    QTemporaryDir home;
    FakeHttpServer server;
    QVERIFY(server.listen());
    routeFixture(server);

    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const auto &[name, sub] :
        { std::pair { "HOME", "home" }, std::pair { "XDG_DATA_HOME", "home/.local/share" },
            std::pair { "XDG_CONFIG_HOME", "home/.config" },
            std::pair { "XDG_CACHE_HOME", "home/.cache" } }) {
        const QString path = home.filePath(QString::fromLatin1(sub));
        env.insert(QString::fromLatin1(name), path);
        qputenv(name, path.toLocal8Bit()); // the restoring window below reads the same profile
    }
    QVERIFY(!QFile::exists(home.filePath(u"home"_s))); // nothing at all yet
    const QString autosave = SessionAutosaver::defaultAutosavePath();
    QVERIFY2(autosave.startsWith(home.path()), qPrintable(autosave));

    QProcess child;
    child.setProcessEnvironment(env);
    child.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    child.start(
        QCoreApplication::applicationFilePath(), { u"--child"_s, server.baseUrl().toString() });
    QVERIFY(child.waitForStarted());
    QByteArray output; // QTRY_VERIFY evaluates again at the end: keep what was read
    QTRY_VERIFY_WITH_TIMEOUT((output += child.readAllStandardOutput()).contains("running")
            || child.state() != QProcess::Running,
        10000);
    QCOMPARE(child.state(), QProcess::Running);

    // Three companies finish; the slow two never answer. The autosave catches up.
    QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(autosave), 10000);
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            const auto state = loadSession(autosave, nullptr);
            return state && finishedIn(*state) == 3;
        }(),
        10000);
    child.kill(); // SIGKILL: no destructor, no flush
    QVERIFY(child.waitForFinished(5000));
    QCOMPARE(child.exitStatus(), QProcess::CrashExit);

    // The next start offers the run back, with what was finished.
    AppSettings settings;
    InMemorySecretStore secrets;
    HttpClient http;
    ScriptedPrompts prompts;
    prompts.restore = true;
    MainWindowServices services;
    services.http = &http;
    services.settings = &settings;
    services.secrets = &secrets;
    services.prompts = &prompts;
    services.createEngine = fakeEngineFactory(&http, server.baseUrl());
    MainWindow window(std::move(services));
    window.show();
    window.checkForAutosave();
    QCOMPARE(prompts.restoreQuestions, 1);
    QCOMPARE(window.resultsModel()->rowCount(), 5);
    QCOMPARE(window.resultsModel()->result(0).status, CompanyStatus::Done);
    QCOMPARE(window.resultsModel()->result(0).confidence, 1.0);
    QVERIFY(window.isRunning()); // resumed: only the slow two are asked again
    window.cancel();
    QTRY_VERIFY(!window.isRunning());
}

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    // The product's names: the autosave path depends on them.
    QApplication::setApplicationName(u"GTM Research"_s);
    QApplication::setOrganizationName(u"GTM Research"_s);
    const QStringList args = app.arguments();
    if (args.size() == 3 && args.at(1) == u"--child")
        return runChild(QUrl(args.at(2)));
    TestAutosaveCrash test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_autosavecrash.moc"
