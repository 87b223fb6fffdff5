#include "MainWindow.h"

#include "CompareDialog.h"
#include "ConfidenceDelegate.h"
#include "CostEstimateView.h"
#include "DomainEditor.h"
#include "EvidenceView.h"
#include "GoalFacetsBar.h"
#include "KeyboardShortcuts.h"
#include "LinkOpening.h"
#include "MetricsPanel.h"
#include "ResultsModel.h"
#include "ResultsProxyModel.h"
#include "ResultsTableActions.h"
#include "SettingsDialog.h"
#include "ThemeColors.h"
#include "Version.h"
#include "model/Channel.h"
#include "net/HttpClient.h"
#include "pipeline/RetryPlan.h"
#include "session/ResearchSession.h"
#include "spend/Budget.h"
#include "storage/AppSettings.h"
#include "storage/BoundedRead.h"
#include "storage/CsvImport.h"
#include "storage/EffectiveSettings.h"
#include "storage/Exporters.h"
#include "storage/SecretStore.h"
#include "storage/SessionAutosaver.h"
#include "storage/SessionFile.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QCloseEvent>
#include <QComboBox>
#include <QDateTime>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDir>
#include <QDockWidget>
#include <QDoubleSpinBox>
#include <QFile>
#include <QFileInfo>
#include <QFormLayout>
#include <QFrame>
#include <QFutureWatcher>
#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QScreen>
#include <QScrollArea>
#include <QSlider>
#include <QSpinBox>
#include <QSplitter>
#include <QStatusBar>
#include <QStyle>
#include <QTabWidget>
#include <QTableView>
#include <QTextBrowser>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>
#include <QtConcurrent>

using namespace Qt::StringLiterals;

// ui is a static library: its resources are registered by hand, outside any namespace.
static void initUiResources()
{
    Q_INIT_RESOURCE(ui);
}

namespace gtm {

namespace {
// Asks for the width its form needs, measured once fonts and styles apply, so the splitter
// never squeezes the form under it (it scrolls vertically only). The form gets the height in
// view, and scrolls only once its editors are down to their minimum: a resizable QScrollArea
// gives a form with word-wrapped labels its preferred height and scrolls long before that
// (at 1366x768 the sources and everything under them were out of sight).
class FormScrollArea : public QScrollArea
{
public:
    void setForm(QWidget *form)
    {
        setWidget(form);
        form->installEventFilter(this);
        fitForm();
    }
    QSize minimumSizeHint() const override
    {
        QSize size = QScrollArea::minimumSizeHint();
        if (widget())
            size.setWidth(widget()->minimumSizeHint().width() + 2 * frameWidth()
                + style()->pixelMetric(QStyle::PM_ScrollBarExtent));
        return size;
    }

protected:
    bool viewportEvent(QEvent *event) override
    {
        if (event->type() == QEvent::Resize)
            fitForm();
        return QScrollArea::viewportEvent(event);
    }
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        // The form's content changed (a longer goal summary, a message): measure once the
        // layout has settled.
        if (watched == widget() && event->type() == QEvent::LayoutRequest)
            QMetaObject::invokeMethod(
                this, [this] { fitForm(); }, Qt::QueuedConnection);
        return QScrollArea::eventFilter(watched, event);
    }

private:
    void fitForm()
    {
        QWidget *form = widget();
        if (!form || !form->layout() || m_fitting)
            return;
        m_fitting = true;
        const int width = std::max(viewport()->width(), form->minimumSizeHint().width());
        const QLayout *layout = form->layout();
        const int least = layout->hasHeightForWidth() ? layout->totalMinimumHeightForWidth(width)
                                                      : layout->totalMinimumSize().height();
        form->resize(width, std::max(viewport()->height(), least));
        m_fitting = false;
    }

    bool m_fitting = false;
};
} // namespace

namespace {

QString channelLabel(const QString &channel)
{
    if (channel == channel::GoogleSearch)
        return MainWindow::tr("Web search");
    if (channel == channel::NewsSearch)
        return MainWindow::tr("News");
    if (channel == channel::JobsSearch)
        return MainWindow::tr("Job boards");
    if (channel == channel::Website)
        return MainWindow::tr("Company websites");
    if (channel == channel::HackerNews)
        return MainWindow::tr("Hacker News");
    return channel;
}

QString seconds(qint64 ms)
{
    return QLocale().toString(ms / 1000.0, 'f', 1);
}

// What an import worker hands back to the GUI thread.
struct ImportResult
{
    QString error;
    QStringList lines; // a .txt file
    std::optional<CsvTable> table; // a .csv file
    int column = -1; // its domain column, when recognised
    CrmImport crm; // read by that column
};

ImportResult readImportFile(const QString &path)
{
    ImportResult result;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        result.error = file.errorString();
        return result;
    }
    const auto bytes
        = readBounded(file, kMaxDomainListBytes, QFileInfo(path).fileName(), &result.error);
    if (!bytes)
        return result;
    if (path.endsWith(u".csv"_s, Qt::CaseInsensitive)) {
        result.table = readCsv(*bytes, &result.error);
        if (result.table)
            result.column = detectDomainColumn(result.table->header);
        if (result.column >= 0)
            result.crm = importCrmTable(*result.table, result.column);
        return result;
    }
    QString text = QString::fromUtf8(*bytes);
    if (text.startsWith(QChar(0xFEFF)))
        text.remove(0, 1);
    text.replace(u"\r\n"_s, u"\n"_s);
    result.lines = text.split(u'\n');
    while (!result.lines.isEmpty() && result.lines.last().trimmed().isEmpty())
        result.lines.removeLast();
    return result;
}

} // namespace

MainWindow::MainWindow(MainWindowServices services, QWidget *parent)
    : QMainWindow(parent)
    , m_services(std::move(services))
{
    Q_ASSERT(m_services.settings);
    initUiResources();
    if (!m_services.prompts)
        m_ownPrompts = createWidgetPrompts();
    setWindowIcon(QIcon(u":/icons/app.svg"_s));

    m_model = new ResultsModel(this);
    m_proxy = new ResultsProxyModel(this);
    m_proxy->setSourceModel(m_model);
    m_session = new ResearchSession(this);
    m_session->setAutosave(m_services.autosavePath.isEmpty()
            ? SessionAutosaver::defaultAutosavePath()
            : m_services.autosavePath,
        std::chrono::milliseconds(m_services.autosaveIntervalMs),
        ResearchSession::AutosaveMode::Recovery);

    auto *form = new QWidget;
    auto *runPanel = new QWidget;
    buildForm(form, runPanel);
    auto *formScroll = new FormScrollArea;
    formScroll->setForm(form);
    formScroll->setFrameShape(QFrame::NoFrame);
    // Run, Cancel and the progress stay in sight however small the window is.
    // No fixed minimum width: it would override the form's own, which the layout reports.
    auto *left = new QWidget;
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->setSpacing(0);
    leftLayout->addWidget(formScroll, 1);
    // Where the scrolling form ends and the estimate and Run, always in sight, begin.
    auto *rule = new QFrame;
    rule->setFrameShape(QFrame::HLine);
    rule->setFrameShadow(QFrame::Sunken);
    leftLayout->addWidget(rule);
    leftLayout->addWidget(runPanel);

    auto *results = new QWidget;
    buildResults(results);

    m_mainSplitter = new QSplitter(Qt::Horizontal, this);
    m_mainSplitter->setObjectName(u"mainSplitter"_s);
    m_mainSplitter->addWidget(left);
    m_mainSplitter->addWidget(results);
    m_mainSplitter->setStretchFactor(0, 0);
    m_mainSplitter->setStretchFactor(1, 1);
    m_mainSplitter->setSizes({ std::max(360, left->minimumSizeHint().width()), 900 });
    setCentralWidget(m_mainSplitter);
    // The form's true width is known only once styles and fonts apply, after the first show:
    // widen its column then if it came up too narrow (first run, or a smaller saved layout).
    QTimer::singleShot(0, this, [this, form, formScroll] {
        const int need = form->minimumSizeHint().width() + 2 * formScroll->frameWidth()
            + formScroll->style()->pixelMetric(QStyle::PM_ScrollBarExtent);
        QList<int> sizes = m_mainSplitter->sizes();
        if (sizes.size() == 2 && sizes.at(0) < need && sizes.at(1) > need - sizes.at(0)) {
            sizes[1] -= need - sizes.at(0);
            sizes[0] = need;
            m_mainSplitter->setSizes(sizes);
        }
    });

    m_log = new QPlainTextEdit;
    m_log->setObjectName(u"logView"_s);
    m_log->setReadOnly(true);
    m_log->setMaximumBlockCount(20000);
    m_log->setContextMenuPolicy(Qt::ActionsContextMenu);
    auto *copyAll = new QAction(tr("Copy all"), m_log);
    connect(copyAll, &QAction::triggered, this,
        [this] { QApplication::clipboard()->setText(m_log->toPlainText()); });
    auto *copy = new QAction(tr("Copy"), m_log);
    copy->setShortcut(QKeySequence::Copy);
    copy->setShortcutContext(Qt::WidgetShortcut);
    connect(copy, &QAction::triggered, m_log, &QPlainTextEdit::copy);
    m_log->addActions({ copy, copyAll });
    auto *logDock = new QDockWidget(tr("Log"), this);
    logDock->setObjectName(u"logDock"_s);
    logDock->setWidget(m_log);
    addDockWidget(Qt::BottomDockWidgetArea, logDock);
    resizeDocks({ logDock }, { m_log->fontMetrics().lineSpacing() * 4 }, Qt::Vertical);

    m_finishedLabel = new QLabel;
    // A fixed size: a count that changes ten times a second must not relayout the window.
    m_finishedLabel->setText(tr("%1 of %2 companies finished · %3 matches")
                                 .arg(u"888,888"_s, u"888,888"_s, u"888,888"_s));
    m_finishedLabel->setFixedSize(m_finishedLabel->sizeHint());
    m_finishedLabel->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    statusBar()->addPermanentWidget(m_finishedLabel);

    logDock->toggleViewAction()->setText(tr("Show &log"));
    buildMenus(logDock->toggleViewAction());
    connectSession();
    new WindowShortcutGuard(this);

    rebuildEngine();
    updateChannelStatus();
    updateRunEnabled();
    updateFinishedCount();
    setRunning(false);
    updateTitle();
    restoreUiState();
    for (const QString &notice : std::as_const(m_services.startupNotices)) {
        log(notice);
        statusBar()->showMessage(notice, 15000);
    }
}

MainWindow::~MainWindow()
{
    // The session cancels a run still going; its coroutines keep their engine alive.
    m_session->disconnect(this);
    delete m_session;
}

UserPrompts *MainWindow::prompts() const
{
    return m_services.prompts ? m_services.prompts : m_ownPrompts.get();
}

// --- Form ---------------------------------------------------------------------------------

void MainWindow::buildForm(QWidget *form, QWidget *runPanel)
{
    m_form = form;
    AppSettings *settings = m_services.settings;

    m_goal = new QPlainTextEdit;
    m_goal->setObjectName(u"goalEdit"_s);
    m_goal->setPlaceholderText(
        tr("What are you looking for? e.g. Fintech companies using AI for fraud detection"));
    m_goal->setTabChangesFocus(true);
    m_goal->setMinimumHeight(m_goal->fontMetrics().lineSpacing() * 3 + 12);
    m_goal->setMaximumHeight(m_goal->fontMetrics().lineSpacing() * 6 + 12);
    const QStringList recent = settings->recentGoals();
    if (!recent.isEmpty())
        m_goal->setPlainText(recent.first());
    m_recentGoals = new QToolButton;
    m_recentGoals->setText(tr("Recent goals"));
    m_recentGoals->setPopupMode(QToolButton::InstantPopup);
    m_recentGoals->setMenu(new QMenu(m_recentGoals));
    connect(m_recentGoals->menu(), &QMenu::aboutToShow, this, &MainWindow::showRecentGoals);

    m_domains = new DomainEditor;
    m_domains->setObjectName(u"domainEditor"_s);
    m_domains->setMinimumHeight(140);
    m_domainCounter = new QLabel;
    m_domainCounter->setObjectName(u"domainCounter"_s);
    m_domainCounter->setTextFormat(Qt::PlainText);
    m_importButton = new QPushButton(tr("Import…"));
    m_importButton->setToolTip(tr("Read domains from a .txt file or a CRM export (.csv)"));
    connect(m_importButton, &QPushButton::clicked, this, &MainWindow::importDomainsDialog);

    m_depth = new QComboBox;
    m_depth->setObjectName(u"depthCombo"_s);
    m_depth->addItem(tr("Quick"), int(Depth::Quick));
    m_depth->addItem(tr("Standard"), int(Depth::Standard));
    m_depth->addItem(tr("Comprehensive"), int(Depth::Comprehensive));
    m_depth->setCurrentIndex(m_depth->findData(int(settings->depth())));

    m_maxParallel = new QSpinBox;
    m_maxParallel->setRange(
        ResearchRequest::MinParallelSearches, ResearchRequest::MaxParallelSearches);
    m_maxParallel->setValue(settings->maxParallel());
    m_maxParallel->setToolTip(tr("How many searches may run at once (%1–%2)")
                                  .arg(ResearchRequest::MinParallelSearches)
                                  .arg(ResearchRequest::MaxParallelSearches));

    m_thresholdSlider = new QSlider(Qt::Horizontal);
    m_thresholdSlider->setRange(0, 100);
    m_thresholdSpin = new QDoubleSpinBox;
    m_thresholdSpin->setRange(0.0, 1.0);
    m_thresholdSpin->setSingleStep(0.05);
    m_thresholdSpin->setDecimals(2);
    connect(m_thresholdSlider, &QSlider::valueChanged, this, [this](int v) {
        if (qRound(m_thresholdSpin->value() * 100) != v)
            m_thresholdSpin->setValue(v / 100.0);
    });
    connect(m_thresholdSpin, &QDoubleSpinBox::valueChanged, this, [this](double v) {
        if (m_thresholdSlider->value() != qRound(v * 100))
            m_thresholdSlider->setValue(qRound(v * 100));
        m_proxy->invalidate();
        if (isRunning())
            return;
        // Table, status bar, Metrics, chart and exports all read the session's one threshold.
        const bool changed = !qFuzzyCompare(m_session->threshold() + 1, v + 1);
        m_session->setThreshold(v);
        if (changed && m_model->rowCount() > 0 && !m_session->state().request.domains.isEmpty())
            m_session->setDirty(true);
    });
    m_thresholdSpin->setValue(settings->threshold());
    m_allQueries = new QCheckBox(tr("Always run every query"));
    m_allQueries->setObjectName(u"allQueriesCheck"_s);
    m_allQueries->setToolTip(
        tr("Ask the paid sources (Tavily, NewsAPI) about every company. Off: they are asked "
           "only while the free sources leave a company undecided, which saves credits."));
    m_allQueries->setChecked(settings->allQueries());
    auto *thresholdRow = new QHBoxLayout;
    thresholdRow->addWidget(m_thresholdSlider, 1);
    thresholdRow->addWidget(m_thresholdSpin);

    auto *sourcesBox = new QGroupBox(tr("Sources"));
    auto *sourcesGrid = new QGridLayout(sourcesBox);
    const QStringList enabled = settings->enabledChannels();
    int row = 0;
    for (const QString &c : channel::all()) {
        auto *check = new QCheckBox(channelLabel(c));
        check->setObjectName(u"channel_"_s + c);
        check->setChecked(enabled.contains(c));
        auto *status = new QLabel;
        status->setTextFormat(Qt::RichText); // our own text with a link to Settings
        status->setForegroundRole(QPalette::PlaceholderText);
        connect(status, &QLabel::linkActivated, this, &MainWindow::showSettings);
        connect(check, &QCheckBox::toggled, this, &MainWindow::updateRunEnabled);
        sourcesGrid->addWidget(check, row, 0);
        sourcesGrid->addWidget(status, row, 1);
        m_channelChecks.insert(c, check);
        m_channelStatus.insert(c, status);
        ++row;
    }
    sourcesGrid->setColumnStretch(1, 1);

    m_runButton = new QPushButton(tr("Run"));
    m_runButton->setObjectName(u"runButton"_s);
    m_runButton->setDefault(true);
    m_runButton->setIcon(QIcon(u":/icons/run.svg"_s));
    m_cancelButton = new QPushButton(tr("Cancel"));
    m_cancelButton->setObjectName(u"cancelButton"_s);
    m_cancelButton->setIcon(QIcon(u":/icons/cancel.svg"_s));
    connect(m_runButton, &QPushButton::clicked, this, &MainWindow::run);
    connect(m_cancelButton, &QPushButton::clicked, this, &MainWindow::cancel);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_runButton, 1);
    buttons->addWidget(m_cancelButton);

    m_progress = new QProgressBar;
    m_progress->setObjectName(u"progressBar"_s);
    m_progress->setRange(0, 100);
    m_progress->setValue(0);
    m_stage = new QLabel(tr("Ready"));
    m_stage->setObjectName(u"stageLabel"_s);
    m_stage->setTextFormat(Qt::PlainText);
    m_stage->setWordWrap(true);
    m_warning = new QLabel;
    m_warning->setObjectName(u"warningLabel"_s);
    m_warning->setTextFormat(Qt::PlainText);
    m_warning->setWordWrap(true);
    m_warning->hide();

    auto *goalHeader = new QHBoxLayout;
    goalHeader->addWidget(new QLabel(tr("<b>Research goal</b>")), 1);
    goalHeader->addWidget(m_recentGoals);
    auto *domainsHeader = new QHBoxLayout;
    domainsHeader->addWidget(new QLabel(tr("<b>Company domains</b>")), 1);
    domainsHeader->addWidget(m_importButton);

    auto *options = new QFormLayout;
    options->addRow(tr("Depth:"), m_depth);
    options->addRow(tr("Parallel searches:"), m_maxParallel);
    options->addRow(tr("Match threshold:"), thresholdRow);
    options->addRow(m_allQueries);

    auto *layout = new QVBoxLayout(form);
    layout->addLayout(goalHeader);
    // What the analyzer will look for, read from the goal as it is typed; an edit holds until
    // the text changes.
    m_goalFacets = new GoalFacetsBar;
    m_goalFacets->setObjectName(u"goalFacets"_s);
    m_goalFacets->setGoal(m_goal->toPlainText());
    connect(m_goal, &QPlainTextEdit::textChanged, m_goalFacets,
        [this] { m_goalFacets->setGoal(m_goal->toPlainText()); });
    layout->addWidget(m_goal);
    layout->addWidget(m_goalFacets);
    layout->addLayout(domainsHeader);
    layout->addWidget(m_domains, 1);
    layout->addWidget(m_domainCounter);
    layout->addLayout(options);
    layout->addWidget(sourcesBox);
    m_costEstimate = new CostEstimateView([this] { return estimateFromForm(); });
    connect(m_depth, &QComboBox::currentIndexChanged, m_costEstimate,
        &CostEstimateView::scheduleUpdate);
    connect(
        m_maxParallel, &QSpinBox::valueChanged, m_costEstimate, &CostEstimateView::scheduleUpdate);
    connect(m_allQueries, &QCheckBox::toggled, m_costEstimate, &CostEstimateView::scheduleUpdate);

    auto *runLayout = new QVBoxLayout(runPanel);
    runLayout->addWidget(m_costEstimate);
    runLayout->addLayout(buttons);
    runLayout->addWidget(m_progress);
    runLayout->addWidget(m_stage);
    runLayout->addWidget(m_warning);

    connect(m_goal, &QPlainTextEdit::textChanged, this, &MainWindow::updateRunEnabled);
    connect(m_domains, &DomainEditor::loadingChanged, this, &MainWindow::updateRunEnabled);
    connect(m_domains, &DomainEditor::domainListChanged, this, [this](const DomainList &list) {
        updateDomainCounter(list);
        updateRunEnabled();
    });
    updateDomainCounter({});
}

void MainWindow::showRecentGoals()
{
    QMenu *menu = m_recentGoals->menu();
    menu->clear();
    const QStringList goals = m_services.settings->recentGoals();
    if (goals.isEmpty())
        menu->addAction(tr("(none yet)"))->setEnabled(false);
    for (const QString &goal : goals) {
        QString label = goal.simplified();
        if (label.size() > 80)
            label = label.left(79) + u'…';
        label.replace(u'&', u"&&"_s);
        menu->addAction(label, this, [this, goal] { m_goal->setPlainText(goal); });
    }
}

void MainWindow::updateDomainCounter(const DomainList &list)
{
    const qsizetype duplicates = list.duplicates.size();
    m_domainCounter->setText(
        (duplicates == 1 ? tr("%1 valid · %2 rejected · %3 duplicate")
                         : tr("%1 valid · %2 rejected · %3 duplicates"))
            .arg(QLocale().toString(list.domains.size()), QLocale().toString(list.rejected.size()),
                QLocale().toString(duplicates)));
    m_domainCounter->setProperty("rejected", !list.rejected.isEmpty());
    updateWarningColours();
}

void MainWindow::updateChannelStatus()
{
    QList<const Source *> sources;
    if (m_engine)
        for (const auto &source : m_engine->sources)
            sources << source.get();
    for (const QString &c : channel::all()) {
        QStringList names;
        QStringList missing;
        for (const Source *source : std::as_const(sources)) {
            if (source->channel() != c)
                continue;
            names << source->name();
            if (source->requiresKey() && !source->hasKey())
                missing << source->name();
        }
        QCheckBox *check = m_channelChecks.value(c);
        QLabel *status = m_channelStatus.value(c);
        const bool usable = !names.isEmpty() && missing.size() < names.size();
        check->setEnabled(usable && !isRunning());
        check->setProperty("usable", usable);
        // A source that cannot run is shown off, whatever was chosen before.
        if (!usable)
            check->setChecked(false);
        if (names.isEmpty()) {
            status->setText(tr("not available"));
        } else if (!usable) {
            status->setText(tr("%1 · no key — <a href=\"settings\">Settings…</a>")
                                .arg(names.join(u", "_s).toHtmlEscaped()));
        } else {
            status->setText(names.join(u", "_s).toHtmlEscaped());
        }
        status->setToolTip(
            usable ? QString() : tr("Add an API key in Settings to use this source"));
    }
    updateRunEnabled();
}

void MainWindow::updateRunEnabled()
{
    QString reason;
    bool anyChannel = false;
    for (auto it = m_channelChecks.cbegin(); it != m_channelChecks.cend(); ++it)
        anyChannel
            = anyChannel || (it.value()->isChecked() && it.value()->property("usable").toBool());
    if (isRunning())
        reason = tr("A run is in progress");
    else if (m_goal->toPlainText().trimmed().isEmpty())
        reason = tr("Type a research goal first");
    else if (m_domains->isLoading())
        reason = tr("The domain list is still loading");
    else if (m_domains->lastList().domains.isEmpty())
        reason = tr("Add at least one valid company domain");
    else if (!anyChannel)
        reason = tr("Enable at least one source");
    const bool enabled = reason.isEmpty();
    m_runButton->setEnabled(enabled);
    m_runAction->setEnabled(enabled);
    m_runButton->setToolTip(enabled ? tr("Start the research (Ctrl+Enter)") : reason);
    m_runAction->setToolTip(m_runButton->toolTip());
    if (m_costEstimate)
        m_costEstimate->scheduleUpdate();
}

CostEstimate MainWindow::estimateFromForm() const
{
    QHash<QString, double> rates;
    if (m_services.http)
        for (const QString &provider : defaultProviderPolicies().keys())
            rates.insert(provider, m_services.http->providerPolicy(provider).ratePerMinute);
    // The keys the run would use: those in the environment as well as the saved ones.
    const AppSettings *s = m_services.settings;
    EstimateInput input = estimateInputFor(requestFromForm(m_domains->lastList()), {},
        effectiveSourceSettings(*s, m_keys), effectiveLlmSettings(*s, m_keys), rates,
        savedChannelConcurrency(*s));
    input.budgets = savedBudgets(*s);
    return estimateCost(input);
}

void MainWindow::setRunning(bool running)
{
    m_goal->setReadOnly(running);
    m_domains->setReadOnly(running);
    for (QWidget *w : std::initializer_list<QWidget *> { m_importButton, m_depth, m_maxParallel,
             m_thresholdSlider, m_thresholdSpin, m_recentGoals, m_allQueries })
        w->setEnabled(!running);
    for (auto it = m_channelChecks.cbegin(); it != m_channelChecks.cend(); ++it)
        it.value()->setEnabled(!running && it.value()->property("usable").toBool());
    m_cancelButton->setEnabled(running);
    m_cancelAction->setEnabled(running);
    m_resumeAction->setEnabled(!running && m_session->canResume());
    for (QAction *a : std::as_const(m_exportActions))
        a->setEnabled(m_model->rowCount() > 0);
    m_newAction->setEnabled(!running);
    m_tableActions->setRunning(running);
    updateRunEnabled();
}

// --- Results ------------------------------------------------------------------------------

void MainWindow::buildResults(QWidget *results)
{
    m_filter = new QLineEdit;
    m_filter->setObjectName(u"filterEdit"_s);
    m_filter->setPlaceholderText(tr("Filter by domain, technology, signal, source (Ctrl+F)"));
    m_filter->setClearButtonEnabled(true);
    connect(m_filter, &QLineEdit::textChanged, m_proxy, &ResultsProxyModel::setFilterText);
    m_matchesOnly = new QCheckBox(tr("Matches only"));
    m_matchesOnly->setObjectName(u"matchesOnly"_s);
    m_matchesOnly->setToolTip(tr("Only companies with a confidence at or above the threshold"));
    connect(m_matchesOnly, &QCheckBox::toggled, m_proxy, &ResultsProxyModel::setMatchesOnly);
    m_shownLabel = new QLabel;
    m_shownLabel->setObjectName(u"shownLabel"_s);
    m_shownLabel->setTextFormat(Qt::PlainText);
    for (auto signal : { &QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved })
        connect(m_proxy, signal, this, &MainWindow::updateShownCount);
    connect(m_proxy, &QAbstractItemModel::modelReset, this, &MainWindow::updateShownCount);
    connect(m_proxy, &QAbstractItemModel::layoutChanged, this, &MainWindow::updateShownCount);

    m_table = new QTableView;
    m_table->setObjectName(u"resultsTable"_s);
    m_table->setModel(m_proxy);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(-1, Qt::AscendingOrder); // input order until the user sorts
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->setTextElideMode(Qt::ElideRight);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 10);
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->setItemDelegateForColumn(ResultsModel::Confidence, new ConfidenceDelegate(m_table));
    QHeaderView *header = m_table->horizontalHeader();
    header->setSectionsMovable(true);
    header->setStretchLastSection(true);
    const QFontMetrics fm = m_table->fontMetrics();
    header->resizeSection(ResultsModel::Domain, fm.horizontalAdvance(u"www.example-company.com"_s));
    header->resizeSection(ResultsModel::Status, fm.horizontalAdvance(u"No evidence"_s) + 40);
    header->resizeSection(ResultsModel::Confidence, fm.horizontalAdvance(u"0.00"_s) * 4);
    header->resizeSection(ResultsModel::Match, fm.horizontalAdvance(u"Match"_s) + 16);
    header->resizeSection(
        ResultsModel::Technologies, fm.horizontalAdvance(u"TensorFlow, Kafka, Spark"_s));
    header->resizeSection(
        ResultsModel::Signals, fm.horizontalAdvance(u"Uses machine learning for fraud"_s));
    header->resizeSection(ResultsModel::EvidenceCount, fm.horizontalAdvance(u"Evidence"_s) + 16);
    header->resizeSection(ResultsModel::Sources, fm.horizontalAdvance(u"Tavily, NewsAPI, Lever"_s));
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
        &MainWindow::showSelectedCompany);
    m_tableActions = new ResultsTableActions(m_table, m_model, m_proxy);
    connect(m_tableActions, &ResultsTableActions::openUrlRequested, this,
        [this](const QUrl &url) { openLinkOrOfferCopy(this, url, m_services.openUrl, prompts()); });
    connect(m_tableActions, &ResultsTableActions::rerunRequested, this,
        &MainWindow::rerunSelectedCompanies);
    connect(m_tableActions, &ResultsTableActions::removeRequested, this, &MainWindow::removeRows);

    m_evidence = new EvidenceView;
    m_evidence->setObjectName(u"evidenceView"_s);
    m_evidence->setLinkOpener([this](const QUrl &url) {
        return openLinkOrOfferCopy(this, url, m_services.openUrl, prompts());
    });
    connect(m_evidence, &EvidenceView::linkRefused, this, [this](const QString &url) {
        log(tr("Not opened (only http and https links are): %1").arg(url));
    });
    m_metrics = new MetricsPanel;
    m_metrics->setObjectName(u"metricsPanel"_s);
    m_tabs = new QTabWidget;
    // The panes scroll rather than claim their full height: on a small screen (1280×720, or
    // 1366×768 at 150 %) the table keeps most of the window.
    const auto scrolled = [](QWidget *pane) {
        auto *scroll = new QScrollArea;
        scroll->setWidget(pane);
        scroll->setWidgetResizable(true);
        scroll->setFrameShape(QFrame::NoFrame);
        scroll->setMinimumHeight(0);
        return scroll;
    };
    m_tabs->addTab(scrolled(m_evidence), tr("Evidence"));
    m_tabs->addTab(scrolled(m_metrics), tr("Metrics"));

    auto *top = new QWidget;
    auto *filterRow = new QHBoxLayout;
    filterRow->addWidget(m_filter, 1);
    filterRow->addWidget(m_matchesOnly);
    filterRow->addWidget(m_shownLabel);
    auto *topLayout = new QVBoxLayout(top);
    topLayout->setContentsMargins(0, 0, 0, 0);
    topLayout->addLayout(filterRow);
    topLayout->addWidget(m_table, 1);

    m_rightSplitter = new QSplitter(Qt::Vertical);
    m_rightSplitter->setObjectName(u"rightSplitter"_s);
    m_rightSplitter->addWidget(top);
    m_rightSplitter->addWidget(m_tabs);
    m_rightSplitter->setStretchFactor(0, 4);
    m_rightSplitter->setStretchFactor(1, 1);
    m_rightSplitter->setSizes({ 700, 250 });
    auto *layout = new QVBoxLayout(results);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_rightSplitter);

    // The histogram is redrawn at most twice a second, however fast rows arrive.
    m_chartTimer = new QTimer(this);
    m_chartTimer->setSingleShot(true);
    m_chartTimer->setInterval(500);
    // Drawn only where it can be seen: a hidden chart costs nothing while rows pour in.
    connect(m_chartTimer, &QTimer::timeout, this, [this] {
        if (m_metrics->isVisible())
            m_metrics->setConfidences(m_model->rows(), m_model->threshold());
    });
    connect(m_tabs, &QTabWidget::currentChanged, this, [this] {
        if (m_metrics->isVisible())
            m_metrics->setConfidences(m_model->rows(), m_model->threshold());
    });
    connect(m_model, &ResultsModel::rowsUpdated, this, [this] {
        updateFinishedCount();
        updateShownCount();
        for (QAction *a : std::as_const(m_exportActions))
            a->setEnabled(m_model->rowCount() > 0);
        if (!m_chartTimer->isActive())
            m_chartTimer->start();
        const QModelIndex current = m_table->currentIndex();
        if (current.isValid()) {
            const CompanyResult &r = m_model->result(m_proxy->mapToSource(current).row());
            if (!(r == m_evidence->company()))
                m_evidence->setCompany(r);
        }
    });
}

void MainWindow::showSelectedCompany()
{
    const QModelIndex current = m_table->currentIndex();
    if (!current.isValid()) {
        m_evidence->clear();
        return;
    }
    m_evidence->setCompany(m_model->result(m_proxy->mapToSource(current).row()));
}

int MainWindow::doneFraction(const RunState &state)
{
    const qsizetype queries = state.request.domains.size() * state.strategies.size();
    if (queries > 0 && !state.finishedQueries.isEmpty())
        return int(std::min<qsizetype>(100, state.finishedQueries.size() * 100 / queries));
    if (state.results.isEmpty())
        return 0;
    const auto done
        = std::count_if(state.results.cbegin(), state.results.cend(), [](const CompanyResult &r) {
              return isFinal(r.status) && r.status != CompanyStatus::Cancelled;
          });
    return int(done * 100 / state.results.size());
}

void MainWindow::updateFinishedCount()
{
    const int total = m_model->rowCount();
    // A cancelled company is final for the table but not finished: the panel says the same.
    const int cancelled = int(std::count_if(m_model->rows().cbegin(), m_model->rows().cend(),
        [](const CompanyResult &r) { return r.status == CompanyStatus::Cancelled; }));
    m_finishedLabel->setText(total == 0
            ? QString()
            : tr("%1 of %2 companies finished · %3 matches")
                  .arg(QLocale().toString(m_model->finishedCount() - cancelled),
                      QLocale().toString(total), QLocale().toString(m_model->matchCount())));
}

// --- Menus --------------------------------------------------------------------------------

void MainWindow::buildMenus(QAction *showLog)
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    m_newAction
        = file->addAction(tr("&New session"), QKeySequence::New, this, &MainWindow::newSession);
    file->addAction(tr("&Open session…"), QKeySequence::Open, this, &MainWindow::openDialog);
    m_recentMenu = file->addMenu(tr("Open &recent"));
    connect(m_recentMenu, &QMenu::aboutToShow, this, &MainWindow::rebuildRecentMenu);
    m_saveAction
        = file->addAction(tr("&Save session"), QKeySequence::Save, this, [this] { save(); });
    file->addAction(tr("Save session &as…"), QKeySequence::SaveAs, this, [this] { saveAs(); });
    file->addSeparator();
    file->addAction(tr("&Import domains…"), this, &MainWindow::importDomainsDialog);
    file->addAction(tr("Compare with session…"), this, [this] {
        const QString path = prompts()->askOpenPath(
            this, tr("Compare with session"), tr("GTM Research sessions (*.gtmr)"));
        if (!path.isEmpty())
            compareWith(path);
    });
    m_exportActions << file->addAction(tr("&Export results as CSV…"),
        QKeySequence(Qt::CTRL | Qt::Key_E), this, &MainWindow::exportCsv);
    m_exportActions << file->addAction(
        tr("Export results as &JSON…"), this, &MainWindow::exportJson);
    m_exportActions << file->addAction(
        tr("Export e&vidence as CSV…"), this, &MainWindow::exportEvidenceCsv);
    file->addSeparator();
    file->addAction(tr("&Quit"), QKeySequence::Quit, this, &QWidget::close);

    QMenu *research = menuBar()->addMenu(tr("&Research"));
    m_runAction
        = research->addAction(QIcon(u":/icons/run.svg"_s), tr("&Run"), this, &MainWindow::run);
    m_runAction->setShortcuts(
        { QKeySequence(Qt::CTRL | Qt::Key_Return), QKeySequence(Qt::CTRL | Qt::Key_Enter) });
    m_cancelAction = research->addAction(
        QIcon(u":/icons/cancel.svg"_s), tr("&Cancel"), this, &MainWindow::cancel);
    m_cancelAction->setShortcut(QKeySequence(Qt::Key_Escape));
    m_resumeAction
        = research->addAction(tr("Resume &unfinished queries"), this, &MainWindow::resumeRun);
    research->addAction(tr("Retry &failed queries"), this, &MainWindow::retryFailedQueries);
    research->addAction(
        tr("Re-run &selected companies"), this, &MainWindow::rerunSelectedCompanies);
    research->addSeparator();
    research->addAction(tr("&Filter results"), QKeySequence::Find, this, [this] {
        m_filter->setFocus();
        m_filter->selectAll();
    });
    research->addSeparator();
    auto *settings = research->addAction(tr("&Settings…"), this, &MainWindow::showSettings);
    settings->setShortcut(QKeySequence::Preferences);
    settings->setMenuRole(QAction::PreferencesRole);

    QMenu *view = menuBar()->addMenu(tr("&View"));
    view->addAction(showLog);
    view->addSeparator();
    view->addAction(m_tableActions->copyRowsAction());
    view->addAction(tr("&Matches only"), QKeySequence(Qt::CTRL | Qt::Key_M), m_matchesOnly,
        &QAbstractButton::toggle);

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(
        tr("&Keyboard shortcuts"), QKeySequence::HelpContents, this, &MainWindow::showShortcuts);
    help->addSeparator();
    help->addAction(tr("&About GTM Research"), this, &MainWindow::showAbout)
        ->setMenuRole(QAction::AboutRole);
}

void MainWindow::showShortcuts()
{
    // Not modal: the list stays open beside the window while the user tries the keys.
    auto *dialog = new ShortcutsDialog(this, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
}

void MainWindow::rebuildRecentMenu()
{
    m_recentMenu->clear();
    const QStringList files = m_services.settings->recentSessions();
    if (files.isEmpty())
        m_recentMenu->addAction(tr("(none)"))->setEnabled(false);
    for (const QString &path : files) {
        QString label = QFileInfo(path).fileName();
        label.replace(u'&', u"&&"_s);
        QAction *a = m_recentMenu->addAction(label, this, [this, path] {
            if (!isRunning() && maybeSave())
                openSession(path);
        });
        a->setToolTip(path);
    }
}

void MainWindow::showAbout()
{
    QDialog dialog(this);
    dialog.setWindowTitle(tr("About GTM Research"));
    auto *text = new QTextBrowser(&dialog);
    text->setOpenExternalLinks(false);
    text->setHtml(tr("<h2>GTM Research %1</h2>"
                     "<p>Research companies against a goal from the web, news, job boards and "
                     "their own sites.</p>"
                     "<p>Built with Qt %2.</p>"
                     "<h3>Licences of the components used</h3><ul>"
                     "<li>Qt %2 — GNU LGPL v3</li>"
                     "<li>QCoro — MIT</li>"
                     "<li>QtKeychain — BSD 3-Clause</li>"
                     "<li>gumbo-parser — Apache 2.0</li></ul>")
                      .arg(QString::fromLatin1(kVersion), QString::fromLatin1(qVersion())));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, &dialog);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    auto *aboutQt = buttons->addButton(tr("About Qt"), QDialogButtonBox::ActionRole);
    connect(aboutQt, &QPushButton::clicked, qApp, &QApplication::aboutQt);
    auto *layout = new QVBoxLayout(&dialog);
    layout->addWidget(text);
    layout->addWidget(buttons);
    dialog.resize(460, 360);
    dialog.exec();
}

// --- Engine and settings ------------------------------------------------------------------

void MainWindow::rebuildEngine()
{
    if (!m_services.createEngine)
        return;
    // A run keeps the engine it started with until its work has drained; the next run gets
    // this one.
    AppSettings *s = m_services.settings;
    m_engine = m_services.createEngine(s->sourceSettings(m_keys), s->llmSettings(m_keys));
    updateChannelStatus();
}

QCoro::Task<> MainWindow::loadKeys()
{
    if (!m_services.secrets)
        co_return;
    QPointer<MainWindow> self(this);
    m_keysRead = false;
    // A keychain that hangs (a locked or absent Secret Service) must not leave the user
    // wondering: the window works without saved keys and says why.
    QTimer::singleShot(m_services.keychainTimeoutMs, this, [this] {
        if (m_keysRead)
            return;
        m_keychainProblem = tr("the keychain did not answer within %1 s")
                                .arg(QLocale().toString(m_services.keychainTimeoutMs / 1000.0));
        showWarning(tr("Keychain: %1; saved keys are not available (environment variables "
                       "still work).")
                        .arg(m_keychainProblem));
    });
    const SavedKeys saved = co_await readSavedKeys(m_services.secrets, AppSettings::keyProviders());
    if (!self)
        co_return;
    m_keysRead = true;
    if (!saved.problem.isEmpty()) {
        m_keychainProblem = saved.problem;
        log(tr("Keychain: %1; saved keys are not available (environment variables still work)")
                .arg(saved.problem));
    }
    // Keys typed in Settings while the keychain was slow win over the saved ones.
    for (auto it = saved.keys.cbegin(); it != saved.keys.cend(); ++it)
        if (!m_keys.contains(it.key()))
            m_keys.insert(it.key(), it.value());
    rebuildEngine();
}

void MainWindow::showSettings()
{
    SettingsDialog dialog(
        m_services.settings, m_keys, m_services.testKey, m_services.clearCache, this);
    dialog.setKeychainProblem(m_keychainProblem);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const QMap<QString, QString> edited = dialog.keys();
    for (auto it = edited.cbegin(); it != edited.cend(); ++it) {
        if (it.value() == m_keys.value(it.key()))
            continue;
        if (it.value().isEmpty())
            m_keys.remove(it.key());
        else
            m_keys.insert(it.key(), it.value());
        if (m_services.secrets) {
            m_services.secrets->write(it.key(), it.value())
                .then([self = QPointer<MainWindow>(this), provider = it.key()](
                          const SecretResult &r) {
                    if (!self || r.ok)
                        return;
                    self->m_keychainProblem = r.error;
                    self->showWarning(tr("Could not save the %1 key in the keychain: %2. It is "
                                         "used for this session only.")
                                          .arg(AppSettings::providerLabel(provider), r.error));
                });
        }
    }
    rebuildEngine();
    log(tr("Settings saved"));
}

// --- Running ------------------------------------------------------------------------------

bool MainWindow::isRunning() const
{
    return m_session->isRunning();
}

ResearchRequest MainWindow::requestFromForm(const DomainList &domains) const
{
    ResearchRequest request;
    request.goal = m_goal->toPlainText().trimmed();
    request.domains = domains.domains;
    request.depth = Depth(m_depth->currentData().toInt());
    request.maxParallelSearches = m_maxParallel->value();
    request.confidenceThreshold = m_thresholdSpin->value();
    request.sources.clear();
    for (const QString &c : channel::all()) {
        const QCheckBox *check = m_channelChecks.value(c);
        if (check->isChecked() && check->property("usable").toBool())
            request.sources << c;
    }
    request.crm = m_crm.restrictedTo(request.domains);
    request.allQueries = m_allQueries->isChecked();
    if (m_goalFacets->edited())
        request.goalFacets = m_goalFacets->model().toJson();
    return request;
}

void MainWindow::run()
{
    if (isRunning() || m_domains->isLoading())
        return;
    // Checks the text now if typing has not settled yet: Ctrl+Enter right after typing works.
    const DomainList domains = m_domains->domainList();
    updateRunEnabled();
    if (!m_runButton->isEnabled())
        return;
    const ResearchRequest request = requestFromForm(domains);
    if (request.goal.isEmpty() || request.domains.isEmpty() || request.sources.isEmpty())
        return;
    // A new run replaces the table: unsaved results are offered for saving first.
    if (!maybeSave())
        return;

    AppSettings *s = m_services.settings;
    s->addRecentGoal(request.goal);
    s->setDepth(request.depth);
    s->setMaxParallel(request.maxParallelSearches);
    s->setThreshold(request.confidenceThreshold);
    QStringList checked;
    for (const QString &c : channel::all())
        if (m_channelChecks.value(c)->isChecked())
            checked << c;
    s->setEnabledChannels(checked);
    s->setAllQueries(request.allQueries);

    if (!domains.rejected.isEmpty())
        log(tr(
            "%n line(s) rejected and left out of the run", nullptr, int(domains.rejected.size())));
    m_evidence->clear();
    m_metrics->clear();
    log(tr("Run requested: %n companies", nullptr, int(request.domains.size())));
    startRun([this, request](const std::shared_ptr<Engine> &engine) {
        return m_session->start(request, engine);
    });
}

void MainWindow::resumeRun()
{
    if (!m_session->canResume())
        return;
    // The checkbox as it is now: the rest of a run may ask for every query (as --all-queries).
    if (m_session->state().request.allQueries != m_allQueries->isChecked()) {
        RunState state = currentState();
        state.request.allQueries = m_allQueries->isChecked();
        m_session->replaceState(std::move(state));
    }
    log(tr("Resuming: %n queries already finished", nullptr,
        int(m_session->state().finishedQueries.size())));
    startRun([this](const std::shared_ptr<Engine> &engine) { return m_session->resume(engine); });
}

void MainWindow::retryFailedQueries()
{
    if (isRunning() || m_session->state().request.domains.isEmpty())
        return;
    QHash<QString, QString> channelOfSource;
    if (m_engine)
        for (const auto &source : m_engine->sources)
            channelOfSource.insert(source->name(), source->channel());
    RunState state = currentState();
    const int again = requeueFailedQueries(state, channelOfSource);
    log(tr("Retrying %n failed queries", nullptr, again));
    if (again == 0)
        return;
    m_session->replaceState(std::move(state));
    resumeRun();
}

void MainWindow::rerunSelectedCompanies()
{
    if (isRunning() || m_session->state().request.domains.isEmpty())
        return;
    QStringList domains;
    for (const QModelIndex &index : m_table->selectionModel()->selectedRows())
        domains << m_model->result(m_proxy->mapToSource(index).row()).domain;
    if (domains.isEmpty())
        return;
    RunState state = currentState();
    requeueCompanies(state, domains);
    log(tr("Re-running %n companies", nullptr, int(domains.size())));
    m_session->replaceState(std::move(state));
    resumeRun();
}

void MainWindow::startRun(const std::function<bool(const std::shared_ptr<Engine> &)> &launch)
{
    if (!m_engine)
        rebuildEngine();
    // Every run, resumes and retries included, judges by the facets the bar shows.
    m_session->setGoalModel(
        m_goalFacets->edited() ? std::optional<GoalModel>(m_goalFacets->model()) : std::nullopt);
    // The budgets saved in Settings, whole for each run, as the CLI applies them.
    const Budgets budgets = savedBudgets(*m_services.settings);
    m_session->setBudgets(budgets);
    if (!m_engine || !launch(m_engine))
        return;
    if (!budgets.isEmpty())
        log(tr("Budget for this run: %1").arg(budgets.toString()));
    m_autosaveFailureShown = false;
    // A resume starts where the run stopped, not at 0 %.
    m_progress->setValue(doneFraction(m_session->state()));
    m_stage->setText(tr("Generating strategies"));
    m_runClock.start();
    setRunning(true);
    updateTitle();
}

void MainWindow::connectSession()
{
    ResearchSession *session = m_session;
    // Once per run, where it is seen: a failing autosave repeats with every finished query.
    connect(session, &ResearchSession::autosaveFailed, this, [this](const QString &error) {
        if (m_autosaveFailureShown)
            return;
        m_autosaveFailureShown = true;
        showWarning(tr("Autosave failed: %1. An interrupted run cannot be restored; save the "
                       "session yourself (Ctrl+S).")
                        .arg(error));
    });
    connect(session, &ResearchSession::resultsReset, this, [this] {
        m_model->resetResults(m_session->results(), m_session->threshold());
        setRunning(isRunning());
    });
    connect(session, &ResearchSession::thresholdChanged, this, [this](double threshold) {
        m_model->setThreshold(threshold);
        updateFinishedCount();
        m_metrics->setMetrics(m_session->metrics());
        m_metrics->setConfidences(m_session->results(), threshold);
    });
    connect(session, &ResearchSession::dirtyChanged, this, [this] { updateTitle(); });
    connect(session, &ResearchSession::runStarted, this,
        [this](int domains, int strategies, int total) {
            log(tr("Run started: %1 companies × %2 strategies = %3 queries")
                    .arg(QLocale().toString(domains), QLocale().toString(strategies),
                        QLocale().toString(total)));
            m_stage->setText(tr("Collecting evidence 0 % (0/%1)").arg(QLocale().toString(total)));
        });
    connect(session, &ResearchSession::strategiesReady, this, [this](const StrategyPlan &plan) {
        log(tr("%n strategies ready (%1)", nullptr, int(plan.strategies.size()))
                .arg(plan.generator));
        if (!plan.notice.isEmpty())
            log(plan.notice);
        if (plan.dropped > 0)
            log(tr("%n invalid strategies dropped", nullptr, plan.dropped));
    });
    connect(session, &ResearchSession::evidenceProgress, this,
        [this](int percent, int done, int total) {
            m_progress->setValue(std::max(m_progress->value(), percent));
            m_stage->setText(tr("Collecting evidence %1 % (%2/%3)")
                                 .arg(percent)
                                 .arg(QLocale().toString(done), QLocale().toString(total)));
            log(tr("Evidence %1 % after %2 s").arg(percent).arg(seconds(m_runClock.elapsed())));
        });
    // The bar moves with every query; the milestones (25/50/75/100 %) stay in the log.
    connect(session, &ResearchSession::queryFinished, this,
        [this, startDone = -1](int done, int total) mutable {
            if (total <= 0)
                return;
            if (startDone < 0)
                startDone = done - 1; // a resume counts its speed from where it began
            m_progress->setValue(std::max(m_progress->value(), int(qint64(done) * 100 / total)));
            QString text = tr("Collecting evidence %1 % (%2/%3)")
                               .arg(m_progress->value())
                               .arg(QLocale().toString(done), QLocale().toString(total));
            const qint64 elapsed = m_runClock.elapsed();
            if (done - startDone >= 5 && elapsed > 1000 && done < total) {
                const double perQueryMs = double(elapsed) / (done - startDone);
                const qint64 left = qint64(perQueryMs * (total - done) / 1000.0) + 1;
                text += tr(" · about %1 left")
                            .arg(left < 90 ? tr("%n s", nullptr, int(left))
                                           : tr("%n min", nullptr, int((left + 59) / 60)));
            }
            m_stage->setText(text);
        });
    connect(session, &ResearchSession::evidenceComplete, this, [this](int total) {
        log(tr("Evidence complete: %1 items after %2 s")
                .arg(QLocale().toString(total), seconds(m_runClock.elapsed())));
    });
    connect(session, &ResearchSession::analysisStarted, this, [this](int domains) {
        if (!m_session->isCancelling())
            m_stage->setText(tr("Analyzing"));
        log(tr("Analyzing %n companies", nullptr, domains));
    });
    connect(session, &ResearchSession::rowChanged, m_model, &ResultsModel::updateResult);
    connect(
        session, &ResearchSession::rowFinished, this, [this](int row, const CompanyResult &result) {
            m_model->updateResult(row, result);
            if (result.status == CompanyStatus::Failed) {
                QStringList reasons;
                for (auto it = result.errors.cbegin(); it != result.errors.cend(); ++it)
                    reasons << it.key() + u": "_s + it.value();
                log(tr("%1 failed: %2").arg(result.domain, reasons.join(u"; "_s)));
            }
        });
    connect(session, &ResearchSession::logMessage, this, &MainWindow::log);
    connect(session, &ResearchSession::finished, this, &MainWindow::finishRun);
}

void MainWindow::cancel()
{
    if (!isRunning() || m_session->isCancelling())
        return;
    m_cancelButton->setEnabled(false);
    m_cancelAction->setEnabled(false);
    m_stage->setText(tr("Cancelling…"));
    log(tr("Cancel requested"));
    // Rows not final turn "Cancelled" at once; the run reports finished when the requests
    // it aborted have returned, which takes no longer than the event loop needs to see them.
    m_session->cancel();
}

void MainWindow::finishRun(const RunMetrics &metrics)
{
    m_model->flush();
    const QString elapsed
        = seconds(metrics.processingTimeMs > 0 ? metrics.processingTimeMs : m_runClock.elapsed());
    const int rows = int(m_session->results().size());
    if (m_session->wasCancelled()) {
        m_stage->setText(
            tr("Cancelled after %1 s — %2 of %3 companies finished")
                .arg(elapsed,
                    QLocale().toString(m_session->finishedCount() - m_session->cancelledCount()),
                    QLocale().toString(rows)));
        log(tr("Run cancelled after %1 s").arg(elapsed));
    } else {
        m_progress->setValue(100);
        m_stage->setText(tr("Done in %1 s").arg(elapsed));
        log(tr("Run finished in %1 s: %2 matches of %3 companies")
                .arg(elapsed, QLocale().toString(m_session->matchCount()),
                    QLocale().toString(rows)));
    }
    // What the budgets left out, where the run's outcome is read: under the progress bar, in
    // the log and on the Metrics tab.
    const BudgetLedger *budget = m_session->budgetLedger();
    const QStringList spending = budget ? budget->readableSummary() : QStringList();
    if (budget && budget->leftOutTotal() > 0)
        m_stage->setText(m_stage->text() + u"\n"_s + spending.join(u'\n'));
    for (const QString &line : spending)
        log(tr("Budget: %1").arg(line));
    // What free first saved, next to what the budgets left out: both are queries not sent.
    if (const int saved = m_session->metrics().paidQueriesSaved; saved > 0) {
        const QString line = tr("Free first: %n paid query(s) not sent", nullptr, saved);
        m_stage->setText(m_stage->text() + u"\n"_s + line);
        log(line + tr(" (decided by free sources)"));
    }
    m_metrics->setSpending(spending);
    m_metrics->setMetrics(m_session->metrics());
    m_metrics->setConfidences(m_session->results(), m_session->threshold());
    setRunning(false);
    updateFinishedCount();
    Q_EMIT runFinished();
}

RunState MainWindow::currentState() const
{
    return m_session->snapshot();
}

// --- Log, title ---------------------------------------------------------------------------

void MainWindow::log(const QString &message)
{
    m_log->appendPlainText(QTime::currentTime().toString(u"HH:mm:ss.zzz"_s) + u"  "_s + message);
}

QString MainWindow::sessionName() const
{
    const QString path = m_session->filePath();
    return path.isEmpty() ? tr("Untitled") : QFileInfo(path).completeBaseName();
}

void MainWindow::updateTitle()
{
    setWindowTitle(sessionName() + u"[*] — GTM Research"_s);
    setWindowModified(m_session->isDirty());
}

bool MainWindow::isDirty() const
{
    return m_session->isDirty();
}

// --- Sessions -----------------------------------------------------------------------------

void MainWindow::loadState(const RunState &state, const QString &path)
{
    m_session->load(state, path);
    m_crm = state.request.crm;
    m_goal->setPlainText(state.request.goal);
    m_goalFacets->setEditedModel(m_session->goalModel());
    m_domains->setPlainText(state.request.domains.join(u'\n'));
    m_depth->setCurrentIndex(m_depth->findData(int(state.request.depth)));
    m_maxParallel->setValue(state.request.maxParallelSearches);
    m_thresholdSpin->setValue(state.request.confidenceThreshold);
    m_allQueries->setChecked(state.request.allQueries);
    for (auto it = m_channelChecks.cbegin(); it != m_channelChecks.cend(); ++it)
        it.value()->setChecked(state.request.sources.contains(it.key()));
    m_evidence->clear();
    m_metrics->clear();
    m_metrics->setMetrics(m_session->metrics());
    m_metrics->setConfidences(m_session->results(), m_session->threshold());
    m_progress->setValue(doneFraction(state));
    m_stage->setText(tr("%1 of %2 companies finished")
                         .arg(QLocale().toString(m_session->finishedCount()),
                             QLocale().toString(m_session->results().size())));
    setRunning(false);
    updateTitle();
}

bool MainWindow::openSession(const QString &path)
{
    QString error;
    const std::optional<RunState> state = gtm::loadSession(path, &error);
    if (!state) {
        prompts()->showError(this, tr("Could not open the session"),
            tr("%1\n\n%2").arg(QDir::toNativeSeparators(path), error));
        m_services.settings->removeRecentSession(path);
        return false;
    }
    loadState(*state, path);
    m_services.settings->addRecentSession(path);
    log(tr("Opened %1").arg(QDir::toNativeSeparators(path)));
    return true;
}

bool MainWindow::saveSession(const QString &path)
{
    QString error;
    if (!m_session->saveTo(path, &error)) {
        prompts()->showError(this, tr("Could not save the session"),
            tr("%1\n\n%2").arg(QDir::toNativeSeparators(path), error));
        return false;
    }
    m_services.settings->addRecentSession(path);
    updateTitle();
    log(tr("Saved %1").arg(QDir::toNativeSeparators(path)));
    return true;
}

bool MainWindow::save()
{
    if (m_session->filePath().isEmpty())
        return saveAs();
    return saveSession(m_session->filePath());
}

bool MainWindow::saveAs()
{
    QString path = prompts()->askSavePath(this, tr("Save session"),
        m_session->filePath().isEmpty() ? tr("research.gtmr") : m_session->filePath(),
        tr("GTM Research sessions (*.gtmr)"));
    if (path.isEmpty())
        return false;
    if (QFileInfo(path).suffix().isEmpty())
        path += u".gtmr"_s;
    return saveSession(path);
}

void MainWindow::openDialog()
{
    if (isRunning() || !maybeSave())
        return;
    const QString path
        = prompts()->askOpenPath(this, tr("Open session"), tr("GTM Research sessions (*.gtmr)"));
    if (!path.isEmpty())
        openSession(path);
}

bool MainWindow::maybeSave()
{
    if (!m_session->isDirty() || m_model->finishedCount() == 0)
        return true;
    switch (prompts()->askSaveChanges(this, sessionName())) {
    case UserPrompts::SaveChoice::Save:
        return save();
    case UserPrompts::SaveChoice::Discard:
        return true;
    case UserPrompts::SaveChoice::Cancel:
        break;
    }
    return false;
}

void MainWindow::checkForAutosave()
{
    const QString path = m_session->autosavePath();
    if (path.isEmpty() || !QFile::exists(path))
        return;
    QString error;
    const std::optional<RunState> state = gtm::loadSession(path, &error);
    if (!state) {
        log(tr("An autosave could not be read and was left in place (%1): %2")
                .arg(QDir::toNativeSeparators(path), error));
        return;
    }
    const int finished = int(std::count_if(state->results.cbegin(), state->results.cend(),
        [](const CompanyResult &r) { return isFinal(r.status); }));
    const QString summary = tr("“%1”, %2 of %3 companies finished.")
                                .arg(state->request.goal.left(120), QLocale().toString(finished),
                                    QLocale().toString(state->request.domains.size()));
    if (!prompts()->askRestoreAutosave(this, summary)) {
        QFile::remove(path);
        log(tr("Autosave of an interrupted run discarded"));
        return;
    }
    loadState(*state);
    m_session->setDirty(true);
    log(tr("Restored an interrupted run"));
    resumeRun();
}

// --- Import / export ----------------------------------------------------------------------

void MainWindow::importDomainsDialog()
{
    if (isRunning())
        return;
    const QString path = prompts()->askOpenPath(
        this, tr("Import domains"), tr("Domain lists (*.txt *.csv);;All files (*)"));
    if (!path.isEmpty())
        importDomainsFrom(path);
}

void MainWindow::importDomainsFrom(const QString &path)
{
    m_importButton->setEnabled(false);
    m_stage->setText(tr("Reading %1…").arg(QFileInfo(path).fileName()));
    auto *watcher = new QFutureWatcher<ImportResult>(this);
    connect(watcher, &QFutureWatcher<ImportResult>::finished, this, [this, watcher, path] {
        watcher->deleteLater();
        m_importButton->setEnabled(!isRunning());
        m_stage->setText(tr("Ready"));
        const ImportResult result = watcher->result();
        if (!result.error.isEmpty()
            || (path.endsWith(u".csv"_s, Qt::CaseInsensitive) && !result.table)) {
            prompts()->showError(this, tr("Could not import domains"),
                tr("%1\n\n%2").arg(QDir::toNativeSeparators(path), result.error));
            return;
        }
        QStringList lines = result.lines;
        if (result.table) {
            int column = result.column;
            m_crm = result.crm.crm;
            if (column < 0) {
                const std::optional<int> chosen
                    = prompts()->askDomainColumn(this, result.table->header);
                if (!chosen || *chosen < 0)
                    return;
                column = *chosen;
                m_crm = importCrmTable(*result.table, column).crm;
            }
            lines = columnValues(*result.table, column);
            log(tr("Imported %1 rows from column “%2” of %3")
                    .arg(QLocale().toString(result.table->rows.size()),
                        result.table->header.value(column), QFileInfo(path).fileName()));
        } else {
            m_crm = {};
            log(tr("Imported %1").arg(QFileInfo(path).fileName()));
        }
        applyImportedLines(lines);
    });
    watcher->setFuture(QtConcurrent::run(readImportFile, path));
}

void MainWindow::applyImportedLines(QStringList lines)
{
    const QString current = m_domains->toPlainText();
    if (!current.trimmed().isEmpty()) {
        const int currentLines = int(current.split(u'\n', Qt::SkipEmptyParts).size());
        switch (prompts()->askImportDomains(this, currentLines, int(lines.size()))) {
        case UserPrompts::ImportChoice::Cancel:
            log(tr("Import cancelled: the domain list is unchanged"));
            return;
        case UserPrompts::ImportChoice::Append:
            lines = current.split(u'\n') + lines;
            break;
        case UserPrompts::ImportChoice::Replace:
            // The table's rows are the old list's: they go with it (after asking to save them).
            if (m_model->rowCount() > 0) {
                if (!maybeSave()) {
                    log(tr("Import cancelled: the domain list is unchanged"));
                    return;
                }
                clearResults();
            }
            break;
        }
    }
    m_domains->loadLines(lines);
    log(tr("Domain list replaced; Undo (Ctrl+Z) in the list brings the previous one back"));
}

void MainWindow::clearResults()
{
    m_session->load(RunState {});
    m_evidence->clear();
    m_metrics->clear();
    m_progress->setValue(0);
    m_stage->setText(tr("Ready"));
    setRunning(false);
    updateTitle();
}

void MainWindow::newSession()
{
    if (isRunning() || !maybeSave())
        return;
    clearResults();
    m_goal->clear();
    m_domains->clear();
    m_goal->setFocus();
    log(tr("New session"));
}

void MainWindow::removeRows(const QList<int> &rows)
{
    if (isRunning() || rows.isEmpty())
        return;
    RunState state = currentState();
    QSet<QString> removed;
    for (int row : rows)
        if (row >= 0 && row < m_model->rowCount())
            removed.insert(m_model->result(row).domain);
    state.request.domains.removeIf([&](const QString &d) { return removed.contains(d); });
    state.results.removeIf([&](const CompanyResult &r) { return removed.contains(r.domain); });
    state.finishedQueries.removeIf(
        [&](const QString &key) { return removed.contains(key.section(u'|', 0, -2)); });
    m_session->replaceState(std::move(state));
    m_evidence->clear();
    m_metrics->setConfidences(m_session->results(), m_session->threshold());
    setRunning(false);
    log(tr("%n companies removed from the results", nullptr, int(removed.size())));
}

void MainWindow::updateShownCount()
{
    const int total = m_model->rowCount();
    const int shown = m_proxy->rowCount();
    m_shownLabel->setText(total == 0 ? QString()
            : shown == total
            ? tr("%n companies", nullptr, total)
            : tr("Showing %1 of %2").arg(QLocale().toString(shown), QLocale().toString(total)));
}

void MainWindow::showWarning(const QString &text)
{
    log(text);
    m_warning->setText(u"⚠ "_s + text);
    m_warning->show();
    updateWarningColours();
    statusBar()->showMessage(text, 15000);
}

void MainWindow::updateWarningColours()
{
    const QColor error = theme::errorText(palette());
    for (QLabel *label : { m_warning, m_domainCounter }) {
        QPalette pal = label->palette();
        const bool alert = label == m_warning || label->property("rejected").toBool();
        pal.setColor(QPalette::WindowText, alert ? error : palette().color(QPalette::WindowText));
        label->setPalette(pal);
    }
}

void MainWindow::changeEvent(QEvent *event)
{
    QMainWindow::changeEvent(event);
    if (event->type() == QEvent::PaletteChange && m_warning)
        updateWarningColours();
}

void MainWindow::compareWith(const QString &path)
{
    auto *watcher = new QFutureWatcher<std::pair<std::optional<RunState>, QString>>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, path] {
        watcher->deleteLater();
        const auto [older, error] = watcher->result();
        if (!older) {
            prompts()->showError(this, tr("Could not compare"), error);
            return;
        }
        const RunState now = currentState();
        auto *dialog = new CompareDialog(compareRuns(*older, now, now.request.confidenceThreshold),
            QFileInfo(path).fileName(), this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->show();
    });
    watcher->setFuture(QtConcurrent::run([path] {
        QString error;
        std::optional<RunState> state = loadSession(path, &error);
        return std::make_pair(std::move(state), error);
    }));
}

void MainWindow::exportCsv()
{
    if (m_session->results().isEmpty())
        return;
    const UserPrompts::CsvExportView view { m_proxy->matchesOnly(), m_proxy->rowCount(),
        m_model->rowCount() };
    const auto choice = prompts()->askCsvExport(this, sessionName() + u".csv"_s, view);
    if (!choice)
        return;
    QString error;
    CsvOptions options;
    options.crm = m_session->state().request.crm;
    options.byteOrderMark = choice->byteOrderMark;
    options.matchesOnly = choice->matchesOnly;
    // The session's rows, which the table mirrors row for row.
    options.threshold = m_session->threshold();
    QList<CompanyResult> rows = m_session->results();
    if (choice->shownOnly) {
        // The rows the table shows, in its order: what the user looked at is what is exported.
        QList<CompanyResult> shown;
        for (int r = 0; r < m_proxy->rowCount(); ++r) {
            const int row = m_proxy->mapToSource(m_proxy->index(r, 0)).row();
            if (row >= 0 && row < rows.size())
                shown << rows.at(row);
        }
        rows = shown;
    }
    if (!saveResultsCsv(choice->path, rows, options, &error)) {
        prompts()->showError(this, tr("Could not export"),
            tr("%1\n\n%2").arg(QDir::toNativeSeparators(choice->path), error));
        return;
    }
    log(tr("Exported results to %1").arg(QDir::toNativeSeparators(choice->path)));
}

void MainWindow::exportEvidenceCsv()
{
    if (m_session->results().isEmpty())
        return;
    const QString path = prompts()->askSavePath(this, tr("Export evidence as CSV"),
        sessionName() + u"-evidence.csv"_s, tr("CSV files (*.csv)"));
    if (path.isEmpty())
        return;
    QString error;
    CsvOptions options;
    options.threshold = m_session->threshold();
    if (!saveEvidenceCsv(path, m_session->results(), options, &error)) {
        prompts()->showError(this, tr("Could not export"),
            tr("%1\n\n%2").arg(QDir::toNativeSeparators(path), error));
        return;
    }
    log(tr("Exported evidence to %1").arg(QDir::toNativeSeparators(path)));
}

void MainWindow::exportJson()
{
    if (m_session->results().isEmpty())
        return;
    const QString path = prompts()->askSavePath(
        this, tr("Export results as JSON"), sessionName() + u".json"_s, tr("JSON files (*.json)"));
    if (path.isEmpty())
        return;
    QString error;
    if (!saveResearchResponseJson(path, currentState(), m_session->researchId(), &error)) {
        prompts()->showError(this, tr("Could not export"),
            tr("%1\n\n%2").arg(QDir::toNativeSeparators(path), error));
        return;
    }
    log(tr("Exported JSON to %1").arg(QDir::toNativeSeparators(path)));
}

// --- Window state -------------------------------------------------------------------------

void MainWindow::restoreUiState()
{
    AppSettings *s = m_services.settings;
    const QByteArray geometry = s->uiState(u"geometry"_s).toByteArray();
    if (geometry.isEmpty() || !restoreGeometry(geometry)) {
        // First run: most of the screen, never more than it.
        const QRect avail = screen() ? screen()->availableGeometry() : QRect(0, 0, 1366, 768);
        resize(std::min(1400, avail.width() * 9 / 10), std::min(900, avail.height() * 9 / 10));
        // A short screen (720 px at 150 %) is better spent on the table: the log is in View.
        if (avail.height() < 600)
            if (auto *logDock = findChild<QDockWidget *>(u"logDock"_s))
                logDock->hide();
    }
    restoreState(s->uiState(u"windowState"_s).toByteArray());
    m_mainSplitter->restoreState(s->uiState(u"mainSplitter"_s).toByteArray());
    m_rightSplitter->restoreState(s->uiState(u"rightSplitter"_s).toByteArray());
    m_table->horizontalHeader()->restoreState(s->uiState(u"resultsHeader"_s).toByteArray());
    m_table->sortByColumn(-1, Qt::AscendingOrder);
}

void MainWindow::saveUiState()
{
    AppSettings *s = m_services.settings;
    s->setUiState(u"geometry"_s, saveGeometry());
    s->setUiState(u"windowState"_s, saveState());
    s->setUiState(u"mainSplitter"_s, m_mainSplitter->saveState());
    s->setUiState(u"rightSplitter"_s, m_rightSplitter->saveState());
    s->setUiState(u"resultsHeader"_s, m_table->horizontalHeader()->saveState());
    s->sync();
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (!maybeSave()) {
        event->ignore();
        return;
    }
    // The user chose: a run stops, and there is nothing to offer to restore later.
    if (isRunning()) {
        m_session->disconnect(this);
        m_session->abandon();
    }
    saveUiState();
    event->accept();
}

} // namespace gtm
