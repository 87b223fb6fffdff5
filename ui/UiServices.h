#pragma once

#include "llm/LlmSettings.h"
#include "session/Engine.h"
#include "sources/SourceFactory.h"

#include <QCoroTask>
#include <QHash>
#include <QStringList>
#include <QUrl>
#include <functional>
#include <memory>
#include <optional>
#include <vector>

class QWidget;

namespace gtm {

class AppSettings;
class HttpClient;
class SecretStore;

// The verdict of a key's "Test" button: one real request through core.
struct KeyTestResult
{
    bool ok = false;
    QString message; // "Tavily answered with 5 results", "NewsAPI rejected the API key"
};

// Questions the window asks the user. A test replaces them with scripted answers.
class UserPrompts
{
public:
    enum class SaveChoice { Save, Discard, Cancel };
    enum class ImportChoice { Replace, Append, Cancel };
    struct CsvExportChoice
    {
        QString path;
        bool byteOrderMark = false;
        bool matchesOnly = false;
        bool shownOnly = false; // only the rows the table's filter shows
    };
    // What the table shows, so the export dialog starts from the same view.
    struct CsvExportView
    {
        bool matchesOnly = false;
        int shown = 0;
        int total = 0;
    };

    virtual ~UserPrompts() = default;
    virtual SaveChoice askSaveChanges(QWidget *parent, const QString &sessionName) = 0;
    virtual bool askRestoreAutosave(QWidget *parent, const QString &summary) = 0;
    // Which column of a CSV file holds the domains; nullopt: cancelled.
    virtual std::optional<int> askDomainColumn(QWidget *parent, const QStringList &header) = 0;
    virtual QString askOpenPath(QWidget *parent, const QString &title, const QString &filter) = 0;
    virtual QString askSavePath(
        QWidget *parent, const QString &title, const QString &suggested, const QString &filter)
        = 0;
    virtual std::optional<CsvExportChoice> askCsvExport(
        QWidget *parent, const QString &suggested, const CsvExportView &view)
        = 0;
    // The domain box already holds a list: replace it, add to it, or leave it.
    virtual ImportChoice askImportDomains(QWidget *parent, int current, int incoming) = 0;
    // No browser opened the link: true when the user wants it copied instead.
    virtual bool askCopyUnopenedLink(QWidget *parent, const QString &url) = 0;
    virtual void showError(QWidget *parent, const QString &title, const QString &text) = 0;
};

// QMessageBox / QFileDialog / QInputDialog.
std::unique_ptr<UserPrompts> createWidgetPrompts();

// What the window is given; app/gui_main.cpp builds it from core, tests from fakes.
struct MainWindowServices
{
    HttpClient *http = nullptr; // shared by every run and the key tests; never aborted wholesale
    AppSettings *settings = nullptr;
    SecretStore *secrets = nullptr;
    UserPrompts *prompts = nullptr; // null: the widget dialogs
    // Builds the clients from the current settings and keys (environment already applied by
    // the builder). Called at start and after Settings changed.
    std::function<std::shared_ptr<Engine>(const SourceSettings &, const LlmSettings &)>
        createEngine;
    // Runs one real request with the given key (provider: tavily, newsapi, gemini, openai).
    std::function<QCoro::Task<KeyTestResult>(QString provider, QString key)> testKey;
    // Empties the response cache; null when no cache is configured.
    std::function<bool(QString *error)> clearCache;
    // Opens an http(s) link; null: QDesktopServices. Never called for other schemes.
    std::function<bool(const QUrl &)> openUrl;
    // The autosave file of interrupted runs; empty: SessionAutosaver::defaultAutosavePath().
    QString autosavePath;
    int autosaveIntervalMs = 3000;
    // How long start-up waits for the keychain before it says the saved keys are unavailable.
    int keychainTimeoutMs = 5000;
    // Said once when the window opens, in the log and the status bar: what start-up had to
    // repair (a damaged response cache moved aside and started afresh).
    QStringList startupNotices;
};

} // namespace gtm
