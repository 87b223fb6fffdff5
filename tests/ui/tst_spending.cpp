#include "CostEstimateView.h"
#include "DomainEditor.h"
#include "EvidenceView.h"
#include "MainWindow.h"
#include "MetricsPanel.h"
#include "ResultsModel.h"
#include "SettingsDialog.h"
#include "UiTestSupport.h"
#include "net/HttpClient.h"
#include "session/ResearchSession.h"
#include "spend/Budget.h"
#include "storage/AppSettings.h"
#include "storage/SecretStore.h"
#include "storage/SessionFile.h"

#include <QCheckBox>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace gtm;
using namespace gtm::test;
using namespace Qt::StringLiterals;

namespace {
const QString kGoal = u"Fintech companies using AI for fraud detection"_s;
} // namespace

// What a run may spend, as the window shows it: the budgets in Settings, what the estimate
// says they will leave out, and what a run left out, in its rows and its summary.
class TestSpending : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();

    void settings_budgetsPerRunAreValidatedAndSaved();
    void estimate_saysWhatABudgetWillSkip();
    void run_sendsNoMoreThanTheBudget_rowsAndSummarySayWhatWasLeftOut();
    void allQueries_checkboxReachesTheRunAndIsSavedWithTheSession();
    void layout_estimateInSight_formFitsOrScrollsVisibly_data();
    void layout_estimateInSight_formFitsOrScrollsVisibly();

private:
    void startWindow();
    void typeForm(const QString &domains);
    int rowOf(const QString &domain) const;

    std::unique_ptr<WindowHarness> m_harness;
    // The harness's parts, for short.
    AppSettings *m_settings = nullptr;
    InMemorySecretStore *m_secrets = nullptr;
    FakeHttpServer *m_server = nullptr;
    ScriptedPrompts *m_prompts = nullptr;
    MainWindow *m_window = nullptr;
};

void TestSpending::init()
{
    m_harness = std::make_unique<WindowHarness>();
    m_settings = m_harness->settings.get();
    m_secrets = m_harness->secrets.get();
    m_server = m_harness->server.get();
    m_prompts = m_harness->prompts.get();
    m_window = nullptr;
    QVERIFY(m_server->port() != 0);
}

void TestSpending::startWindow()
{
    m_harness->start();
    m_window = m_harness->window.get();
    QVERIFY(QTest::qWaitForWindowExposed(m_window));
}

void TestSpending::cleanup()
{
    m_harness.reset();
}

void TestSpending::typeForm(const QString &domains)
{
    m_window->goalEdit()->clear();
    QTest::keyClicks(m_window->goalEdit(), kGoal);
    m_window->domainEditor()->setPlainText(domains);
}

int TestSpending::rowOf(const QString &domain) const
{
    const ResultsModel *model = m_window->resultsModel();
    for (int i = 0; i < model->rowCount(); ++i)
        if (model->result(i).domain == domain)
            return i;
    return -1;
}

void TestSpending::settings_budgetsPerRunAreValidatedAndSaved()
{
    m_settings->setBudgetSpec(u"newsapi=50"_s);
    SettingsDialog dialog(m_settings, {}, {}, {});
    const auto field = [&dialog](const QString &provider) {
        return dialog.findChild<QLineEdit *>(u"budget_"_s + provider);
    };
    for (const QString &p : { u"tavily"_s, u"newsapi"_s, u"gemini"_s, u"openai"_s })
        QVERIFY2(field(p), qPrintable(p));
    QLineEdit *tavily = field(u"tavily"_s);
    QLineEdit *gemini = field(u"gemini"_s);
    auto *error = dialog.findChild<QLabel *>(u"budgetError"_s);
    QVERIFY(error);
    // What is saved shows; an empty field means no cap.
    QCOMPARE(field(u"newsapi"_s)->text(), u"50"_s);
    QVERIFY(tavily->text().isEmpty());
    QVERIFY(tavily->placeholderText().contains(u"no cap"_s));

    // Letters never get in; a number cut short keeps the dialog open and says why.
    QTest::keyClicks(tavily, u"1x00"_s);
    QCOMPARE(tavily->text(), u"100"_s);
    QTest::keyClicks(gemini, u"20,00"_s);
    dialog.accept();
    QCOMPARE(dialog.result(), int(QDialog::Rejected)); // not accepted
    QVERIFY(error->isVisibleTo(&dialog));
    QVERIFY2(error->text().contains(u"Gemini"_s) && error->text().contains(u"tokens"_s),
        qPrintable(error->text()));
    QCOMPARE(m_settings->budgetSpec(), u"newsapi=50"_s); // nothing saved yet

    // Thousands separators are fine; clearing a field lifts its cap.
    QTest::keyClick(gemini, Qt::Key_End);
    QTest::keyClicks(gemini, u"0"_s);
    QCOMPARE(gemini->text(), u"20,000"_s);
    QVERIFY(!error->isVisibleTo(&dialog));
    field(u"newsapi"_s)->clear();
    dialog.accept();
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    const Budgets saved = savedBudgets(*m_settings);
    QCOMPARE(saved.caps.size(), 2);
    QCOMPARE(saved.caps.value(u"tavily"_s), 100.0);
    QCOMPARE(saved.caps.value(u"gemini"_s), 20000.0);
    QVERIFY(!saved.caps.contains(u"newsapi"_s));
}

void TestSpending::estimate_saysWhatABudgetWillSkip()
{
    m_secrets->entries.insert(u"tavily"_s, u"tvly-test"_s);
    m_settings->setBudgetSpec(u"tavily=2"_s);
    startWindow();
    QCoro::waitFor(m_window->loadKeys());
    typeForm(u"acme-pay.com\nglobex.io\ninitech.com"_s);
    CostEstimateView *view = m_window->costEstimate();
    QTRY_VERIFY(view->text().contains(u"Estimate: 3 companies"_s));
    const ProviderCost *tavily = view->estimate().provider(u"tavily"_s);
    QVERIFY(tavily);
    QVERIFY(tavily->queries > 2);
    // Standard depth: one credit a search, so two of them fit.
    const QString warning
        = u"Tavily: budget 2 credits — about %1 queries will be skipped"_s.arg(tavily->queries - 2);
    QVERIFY2(view->text().contains(warning), qPrintable(view->text()));
    // NewsAPI has no budget (and no key): nothing said about it.
    QCOMPARE(view->text().count(u"budget"_s), 1);

    // A budget that covers the run says nothing.
    m_settings->setBudgetSpec(u"tavily=1000"_s);
    m_window->domainEditor()->appendPlainText(u"hooli.xyz"_s);
    QTRY_VERIFY(view->text().contains(u"Estimate: 4 companies"_s));
    QVERIFY2(!view->text().contains(u"budget"_s), qPrintable(view->text()));
    QCOMPARE(m_server->requestCount(), 0);
}

void TestSpending::run_sendsNoMoreThanTheBudget_rowsAndSummarySayWhatWasLeftOut()
{
    // Each company gets one web search (TestWeb bills to Tavily) and one news search.
    m_settings->setBudgetSpec(u"tavily=2"_s);
    startWindow();
    typeForm(u"acme-pay.com\nglobex.io\ninitech.com"_s);
    QSignalSpy finished(m_window, &MainWindow::runFinished);
    QTRY_VERIFY(m_window->runButton()->isEnabled());
    QTest::mouseClick(m_window->runButton(), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 20000);

    QCOMPARE(m_server->requestCount(u"/search/google_search"_s), 2);
    QCOMPARE(m_server->requestCount(u"/search/news_search"_s), 3);
    // The company whose web search was left out says so in its row and its evidence pane.
    int leftOut = -1;
    for (const QString &domain : { u"acme-pay.com"_s, u"globex.io"_s, u"initech.com"_s }) {
        const int row = rowOf(domain);
        QVERIFY(row >= 0);
        const QString errors = m_window->resultsModel()
                                   ->index(row, ResultsModel::Errors)
                                   .data(Qt::DisplayRole)
                                   .toString();
        if (errors.contains(u"TestWeb: budget spent"_s)) {
            QCOMPARE(leftOut, -1);
            leftOut = row;
        }
        QVERIFY(isFinal(m_window->resultsModel()->result(row).status));
    }
    QVERIFY2(leftOut >= 0, "no row says \"budget spent\"");
    m_window->resultsView()->selectRow(leftOut);
    QLabel *errors = m_window->evidenceView()->findChild<QLabel *>(u"evidenceErrors"_s);
    QVERIFY(errors);
    QTRY_VERIFY2(errors->text().contains(u"TestWeb: budget spent"_s), qPrintable(errors->text()));

    // The run's summary says what was left out, per provider, under the progress bar and on
    // the Metrics tab.
    const QString summary = u"Tavily: 2 of 2 credits spent, 1 query left out"_s;
    QVERIFY2(m_window->stageLabel()->text().contains(summary),
        qPrintable(m_window->stageLabel()->text()));
    QCOMPARE(m_window->metricsPanel()->valueText(u"budget"_s), summary);
    QVERIFY(m_window->logView()->toPlainText().contains(u"tavily budget spent"_s));

    // The next run starts with the whole budget again.
    m_prompts->saveChoice = UserPrompts::SaveChoice::Discard;
    QTest::mouseClick(m_window->runButton(), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 2, 20000);
    QCOMPARE(m_server->requestCount(u"/search/google_search"_s), 4);
}

void TestSpending::allQueries_checkboxReachesTheRunAndIsSavedWithTheSession()
{
    startWindow();
    auto *all = m_window->findChild<QCheckBox *>(u"allQueriesCheck"_s);
    QVERIFY(all);
    QVERIFY(!all->isChecked()); // free sources first, by default
    typeForm(u"acme-pay.com\nglobex.io"_s);
    QTest::mouseClick(all, Qt::LeftButton, {}, QPoint(4, all->height() / 2));
    QVERIFY(all->isChecked());
    QSignalSpy finished(m_window, &MainWindow::runFinished);
    QTRY_VERIFY(m_window->runButton()->isEnabled());
    QTest::mouseClick(m_window->runButton(), Qt::LeftButton);
    QVERIFY(!all->isEnabled()); // the running request does not change under it
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 20000);
    QVERIFY(all->isEnabled());
    QVERIFY(m_window->session()->state().request.allQueries);

    // Saved with the session and restored with it, like depth and sources.
    const QString path = m_harness->dir->filePath(u"all.gtmr"_s);
    QVERIFY(m_window->saveSession(path));
    QString error;
    const auto saved = loadSession(path, &error);
    QVERIFY2(saved, qPrintable(error));
    QVERIFY(saved->request.allQueries);
    all->setChecked(false);
    QVERIFY(m_window->openSession(path));
    QVERIFY(all->isChecked());

    // The next window starts as the last run left the form.
    startWindow();
    all = m_window->findChild<QCheckBox *>(u"allQueriesCheck"_s);
    QVERIFY(all->isChecked());
}

void TestSpending::layout_estimateInSight_formFitsOrScrollsVisibly_data()
{
    QTest::addColumn<QSize>("size");
    QTest::addColumn<bool>("fits");
    QTest::newRow("1366x768") << QSize(1366, 768) << false;
    QTest::newRow("1920x1080") << QSize(1920, 1080) << true;
}

// The estimate, and what a budget will skip, are in sight next to Run at any window size; the
// form above fits, or shrinks its editors to their minimum and then scrolls, with its scroll
// bar showing. It used to be cut under the form at 1366x768 until one scrolled.
void TestSpending::layout_estimateInSight_formFitsOrScrollsVisibly()
{
    QFETCH(QSize, size);
    QFETCH(bool, fits);
    m_secrets->entries.insert(u"tavily"_s, u"tvly-test"_s);
    m_settings->setBudgetSpec(u"tavily=2"_s);
    startWindow();
    QCoro::waitFor(m_window->loadKeys());
    m_window->setMinimumSize(0, 0);
    m_window->resize(size);
    QTRY_COMPARE(m_window->size(), size);
    typeForm(u"acme-pay.com\nglobex.io\ninitech.com"_s);
    CostEstimateView *view = m_window->costEstimate();
    QTRY_VERIFY(view->text().contains(u"about"_s) && view->text().contains(u"budget 2"_s));
    QTRY_COMPARE(view->visibleRegion().boundingRect().size(), view->size());

    auto *scroll = qobject_cast<QScrollArea *>(
        m_window->goalEdit()->parentWidget()->parentWidget()->parentWidget());
    QVERIFY(scroll);
    const auto wholeInView
        = [](QWidget *w) { return w->visibleRegion().boundingRect().size() == w->size(); };
    QCheckBox *last = m_window->channelCheck(u"hackernews"_s);
    if (fits) {
        QVERIFY(!scroll->verticalScrollBar()->isVisible());
        QTRY_VERIFY(wholeInView(last));
    } else {
        // Scrolling comes only after the domain list is down to its minimum height.
        QVERIFY(scroll->verticalScrollBar()->isVisible());
        QCOMPARE(m_window->domainEditor()->height(), m_window->domainEditor()->minimumHeight());
        scroll->ensureWidgetVisible(last);
        QTRY_VERIFY(wholeInView(last));
    }
    QVERIFY(wholeInView(m_window->goalEdit()) || !fits);
    QVERIFY(wholeInView(m_window->runButton()));
}

QTEST_MAIN(TestSpending)
#include "tst_spending.moc"
