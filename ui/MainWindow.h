#pragma once

#include "UiServices.h"
#include "domain/DomainNormalizer.h"
#include "model/RunState.h"

#include <QElapsedTimer>
#include <QHash>
#include <QMainWindow>
#include <QPointer>

class QAction;
class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QMenu;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QSlider;
class QSpinBox;
class QSplitter;
class QTableView;
class QTabWidget;
class QToolButton;

namespace gtm {

struct CostEstimate;
class CostEstimateView;
class DomainEditor;
class GoalFacetsBar;
class EvidenceView;
class MetricsPanel;
class ResearchSession;
class ResultsModel;
class ResultsProxyModel;
class ResultsTableActions;

// The research window: the form on the left, the live results with evidence and metrics on
// the right, the log at the bottom. Everything it uses arrives through MainWindowServices.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(MainWindowServices services, QWidget *parent = nullptr);
    ~MainWindow() override;

    // Offers to restore an autosave left by an interrupted run; called once after show().
    void checkForAutosave();
    bool openSession(const QString &path);
    bool saveSession(const QString &path);
    void importDomainsFrom(const QString &path);
    // Opens the changes between an older session and this run (CompareDialog) once it is read.
    void compareWith(const QString &path);
    // Runs again only the failed queries, or every query of the companies selected in the
    // table; the other rows stay as they are.
    void retryFailedQueries();
    void rerunSelectedCompanies();

    bool isRunning() const;
    bool isDirty() const;
    QString sessionName() const;
    // Reads keys from the SecretStore and rebuilds the clients; the window works before it ends.
    QCoro::Task<> loadKeys();

    ResearchSession *session() const { return m_session; }
    ResultsModel *resultsModel() const { return m_model; }
    ResultsProxyModel *proxyModel() const { return m_proxy; }
    QTableView *resultsView() const { return m_table; }
    EvidenceView *evidenceView() const { return m_evidence; }
    MetricsPanel *metricsPanel() const { return m_metrics; }
    DomainEditor *domainEditor() const { return m_domains; }
    QPlainTextEdit *goalEdit() const { return m_goal; }
    QPushButton *runButton() const { return m_runButton; }
    QPushButton *cancelButton() const { return m_cancelButton; }
    QProgressBar *progressBar() const { return m_progress; }
    QLabel *stageLabel() const { return m_stage; }
    QLabel *domainCounter() const { return m_domainCounter; }
    CostEstimateView *costEstimate() const { return m_costEstimate; }
    QPlainTextEdit *logView() const { return m_log; }
    QCheckBox *channelCheck(const QString &channel) const { return m_channelChecks.value(channel); }
    QCheckBox *allQueriesCheck() const { return m_allQueries; }
    ResultsTableActions *tableActions() const { return m_tableActions; }
    QLabel *shownLabel() const { return m_shownLabel; }
    QLabel *warningLabel() const { return m_warning; }
    RunState currentState() const;

Q_SIGNALS:
    void runFinished();

public Q_SLOTS:
    void run();
    void cancel();
    void showSettings();

protected:
    void closeEvent(QCloseEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void buildForm(QWidget *form, QWidget *runPanel);
    void buildResults(QWidget *results);
    void buildMenus(QAction *showLog);
    void showShortcuts();
    void showWarning(const QString &text);
    void updateWarningColours();
    void updateShownCount();
    // How much of a run is done, in percent: its finished queries, else its final companies.
    static int doneFraction(const RunState &state);
    void applyImportedLines(QStringList lines);
    void clearResults();
    void newSession();
    void removeRows(const QList<int> &rows);
    void restoreUiState();
    void saveUiState();

    void rebuildEngine();
    void updateChannelStatus();
    void updateRunEnabled();
    void updateDomainCounter(const DomainList &list);
    void updateTitle();
    void updateFinishedCount();
    void setRunning(bool running);
    void showRecentGoals();
    void rebuildRecentMenu();
    void showSelectedCompany();
    void log(const QString &message);
    UserPrompts *prompts() const;

    ResearchRequest requestFromForm(const DomainList &domains) const;
    CostEstimate estimateFromForm() const;
    void loadState(const RunState &state, const QString &path = {});
    void connectSession();
    void startRun(const std::function<bool(const std::shared_ptr<Engine> &)> &launch);
    void finishRun(const RunMetrics &metrics);
    void resumeRun();

    bool maybeSave();
    bool save();
    bool saveAs();
    void openDialog();
    void exportCsv();
    void exportJson();
    void exportEvidenceCsv();
    void importDomainsDialog();
    void showAbout();

    MainWindowServices m_services;
    std::unique_ptr<UserPrompts> m_ownPrompts;
    std::shared_ptr<Engine> m_engine; // for the next run; a running one holds its own
    QMap<QString, QString> m_keys;

    // Form.
    QWidget *m_form = nullptr;
    QPlainTextEdit *m_goal = nullptr;
    GoalFacetsBar *m_goalFacets = nullptr;
    QToolButton *m_recentGoals = nullptr;
    DomainEditor *m_domains = nullptr;
    QLabel *m_domainCounter = nullptr;
    QPushButton *m_importButton = nullptr;
    CostEstimateView *m_costEstimate = nullptr;
    CrmRecords m_crm; // the imported CRM export's other columns, for the next run
    QComboBox *m_depth = nullptr;
    QSpinBox *m_maxParallel = nullptr;
    QSlider *m_thresholdSlider = nullptr;
    QDoubleSpinBox *m_thresholdSpin = nullptr;
    QHash<QString, QCheckBox *> m_channelChecks;
    QCheckBox *m_allQueries = nullptr;
    QHash<QString, QLabel *> m_channelStatus;
    QPushButton *m_runButton = nullptr;
    QPushButton *m_cancelButton = nullptr;
    QProgressBar *m_progress = nullptr;
    QLabel *m_stage = nullptr;
    QLabel *m_finishedLabel = nullptr;
    QLabel *m_warning = nullptr;

    // Results.
    ResultsModel *m_model = nullptr;
    ResultsProxyModel *m_proxy = nullptr;
    QTableView *m_table = nullptr;
    QLineEdit *m_filter = nullptr;
    QCheckBox *m_matchesOnly = nullptr;
    QLabel *m_shownLabel = nullptr;
    ResultsTableActions *m_tableActions = nullptr;
    QTabWidget *m_tabs = nullptr;
    EvidenceView *m_evidence = nullptr;
    MetricsPanel *m_metrics = nullptr;
    QPlainTextEdit *m_log = nullptr;
    QSplitter *m_mainSplitter = nullptr;
    QSplitter *m_rightSplitter = nullptr;
    QTimer *m_chartTimer = nullptr;

    // Actions.
    QAction *m_runAction = nullptr;
    QAction *m_cancelAction = nullptr;
    QAction *m_resumeAction = nullptr;
    QAction *m_saveAction = nullptr;
    QAction *m_newAction = nullptr;
    QList<QAction *> m_exportActions;
    QMenu *m_recentMenu = nullptr;

    // The run and its results.
    ResearchSession *m_session = nullptr;
    bool m_autosaveFailureShown = false;
    bool m_keysRead = false;
    QString m_keychainProblem; // why saved keys are unavailable; empty when the keychain works
    QElapsedTimer m_runClock;
};

} // namespace gtm
