#pragma once

#include "FakeHttpServer.h"
#include "UiServices.h"
#include "model/RunState.h"
#include "storage/SecretStore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <memory>

namespace gtm {
class MainWindow;
}

namespace gtm::test {

// A source that asks the fake server: GET /search/<channel>?domain=...&q=...; the answer is
// {"results":[{title,url,snippet}]}; a non-2xx answer fails the query.
class FakeSearchSource : public Source
{
public:
    FakeSearchSource(HttpClient *http, QUrl base, QString channel, QString name);
    QString channel() const override { return m_channel; }
    QString name() const override { return m_name; }
    bool requiresKey() const override { return m_requiresKey; }
    bool hasKey() const override { return m_hasKey; }
    QCoro::Task<SourceOutcome> search(SearchContext context) override;

    bool m_requiresKey = false;
    bool m_hasKey = true;

private:
    HttpClient *m_http;
    QUrl m_base;
    QString m_channel;
    QString m_name;
};

// Deterministic: confidence 0.25 per evidence item mentioning "fraud" (at most 1), the
// technologies named in the evidence from a fixed list, one signal for fraud detection, and
// one "Edited goal: <summary>" signal when the run was given an edited goal model.
class KeywordAnalyzer : public Analyzer
{
public:
    QString name() const override { return QStringLiteral("keywords"); }
    QCoro::Task<AnalysisOutcome> analyze(AnalysisInput input) override;
};

// Two strategies: one web search, one news search.
class FixedStrategyGenerator : public StrategyGenerator
{
public:
    QCoro::Task<StrategyPlan> generate(QString goal, Depth depth, QStringList channels,
        std::optional<GoalModel> edited = std::nullopt, CancelToken cancel = {}) override;
};

// Serves the fixture: per domain, what each channel finds.
//   acme-pay.com  two fraud/TensorFlow items per channel  -> confidence 1.0, TensorFlow
//   globex.io     one unrelated item per channel          -> confidence 0.0
//   initech.com   nothing                                 -> no evidence
//   hooli.xyz     HTTP 500                                -> failed
//   slow-*.com    never answers (for cancel tests)
void routeFixture(FakeHttpServer &server);

// Engine factory for MainWindowServices: the fake sources above on the given server.
std::function<std::shared_ptr<Engine>(const SourceSettings &, const LlmSettings &)>
fakeEngineFactory(HttpClient *http, QUrl base);

// Fills the window with these rows the way an opened session does: through its session, which
// the table, the metrics and every export read.
void showResults(MainWindow *window, const QList<CompanyResult> &rows, double threshold = 0.7);

// Answers the window's questions from a script, and counts them.
class ScriptedPrompts : public UserPrompts
{
public:
    SaveChoice saveChoice = SaveChoice::Cancel;
    bool restore = true;
    std::optional<int> column;
    QString openPath;
    QString savePath;
    std::optional<CsvExportChoice> csv;

    ImportChoice importChoice = ImportChoice::Replace;
    bool copyLink = true;
    std::optional<CsvExportView> lastExportView;

    int saveQuestions = 0;
    int importQuestions = 0;
    QStringList unopenedLinks;
    int restoreQuestions = 0;
    int columnQuestions = 0;
    QStringList errors;

    SaveChoice askSaveChanges(QWidget *, const QString &) override
    {
        ++saveQuestions;
        return saveChoice;
    }
    bool askRestoreAutosave(QWidget *, const QString &) override
    {
        ++restoreQuestions;
        return restore;
    }
    std::optional<int> askDomainColumn(QWidget *, const QStringList &) override
    {
        ++columnQuestions;
        return column;
    }
    QString askOpenPath(QWidget *, const QString &, const QString &) override { return openPath; }
    QString askSavePath(QWidget *, const QString &, const QString &, const QString &) override
    {
        return savePath;
    }
    std::optional<CsvExportChoice> askCsvExport(
        QWidget *, const QString &, const CsvExportView &view) override
    {
        lastExportView = view;
        return csv;
    }
    ImportChoice askImportDomains(QWidget *, int, int) override
    {
        ++importQuestions;
        return importChoice;
    }
    bool askCopyUnopenedLink(QWidget *, const QString &url) override
    {
        unopenedLinks << url;
        return copyLink;
    }
    void showError(QWidget *, const QString &, const QString &text) override { errors << text; }
};

// A window on fakes: settings in a temporary folder, keys in memory, the fixture's server
// (routeFixture), scripted prompts. Set settings, keys and the knobs below up before start();
// the window goes first when the harness does.
struct WindowHarness
{
    WindowHarness();
    ~WindowHarness();
    // A window on these services, shown; again: a new window, as after a restart.
    void start();

    std::unique_ptr<QTemporaryDir> dir;
    std::unique_ptr<AppSettings> settings;
    std::unique_ptr<InMemorySecretStore> secrets;
    std::unique_ptr<SecretStore> otherKeychain; // the window's instead of `secrets` (a broken one)
    std::unique_ptr<FakeHttpServer> server;
    std::unique_ptr<HttpClient> http;
    std::unique_ptr<ScriptedPrompts> prompts;

    std::function<bool(const QUrl &)> openUrl; // null: the desktop's browser
    QString autosavePath; // in `dir` unless set
    int keychainTimeoutMs = MainWindowServices().keychainTimeoutMs;
    QStringList startupNotices;

    std::unique_ptr<MainWindow> window;
};

} // namespace gtm::test
