#pragma once

#include "CliOptions.h"
#include "goal/GoalModel.h"
#include "model/RunState.h"

#include <QMap>
#include <QObject>
#include <memory>
#include <vector>

namespace gtm {
class AppSettings;
class HttpClient;
class ResearchSession;
class ResponseCache;
} // namespace gtm

namespace gtm::cli {

// One CLI run: builds the services, feeds the pipeline, reports progress (stderr, or JSON
// lines on stdout with --events), writes the outputs and quits the application with the exit
// code: 0 completed, 1 could not complete. Bad input found while preparing exits with 2.
class CliRun : public QObject
{
    Q_OBJECT
public:
    // The clients start from what the user saved in the GUI (settings and the keys read from
    // the keychain); the environment overrides both. settings must outlive the run.
    CliRun(CliOptions options, const AppSettings *settings, QMap<QString, QString> savedKeys,
        QObject *parent = nullptr);
    ~CliRun() override;

    // Reads the inputs and starts. False: *error says why, and the exit code is 2 (bad input)
    // or 1 (a file that should exist could not be read).
    bool start(QString *error, int *exitCode);
    // Cancels the run (Ctrl+C): finished rows are kept and written, the exit code is 1.
    void interrupt();

private:
    // --budget, else the budgets saved in Settings.
    Budgets runBudgets() const;
    void printEstimate(const ResearchRequest &request, const QList<QueryStrategy> &strategies);
    void connectSession();
    void onFinished(const RunMetrics &metrics);
    void emitEvent(const QJsonObject &event);
    void progress(const QString &line);
    bool writeOutputs(QString *error);
    bool writeComparison(const RunState &state, QString *error);

    CliOptions m_options;
    const AppSettings *m_settings;
    QMap<QString, QString> m_savedKeys;
    QString m_researchId;
    std::unique_ptr<ResponseCache> m_cache; // outlives the client that uses it
    std::unique_ptr<HttpClient> m_http;
    std::unique_ptr<ResearchSession> m_session;
    std::optional<RunState> m_compareWith; // --compare: the older run
    GoalModel m_goalModel;
    bool m_interrupted = false;
    int m_finishedAtStart = 0; // queries a resumed session had already done
};

} // namespace gtm::cli
