#include "CompareDialog.h"
#include "CostEstimateView.h"
#include "DomainEditor.h"
#include "EvidenceView.h"
#include "MainWindow.h"
#include "MetricsPanel.h"
#include "ResultsModel.h"
#include "ResultsProxyModel.h"
#include "UiTestSupport.h"
#include "net/HttpClient.h"
#include "storage/AppSettings.h"
#include "storage/ResponseCache.h"
#include "storage/SecretStore.h"
#include "storage/SessionFile.h"

#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QSplitter>
#include <QStandardItemModel>
#include <QStatusBar>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

using namespace gtm;
using namespace gtm::test;
using namespace Qt::StringLiterals;

namespace {
const QString kGoal = u"Fintech companies using AI for fraud detection"_s;
const QString kDomains = u"acme-pay.com\nglobex.io\ninitech.com\nhooli.xyz"_s;

CompanyResult hostileCompany()
{
    CompanyResult r;
    r.domain = u"evil.example"_s;
    r.status = CompanyStatus::Done;
    r.confidence = 0.9;
    Evidence e;
    e.title = u"<b>Bold</b> <img src=x onerror=alert(1)>"_s;
    e.snippet = u"<script>alert(2)</script> & <i>snippet</i>"_s;
    e.url = u"javascript:alert(document.cookie)"_s;
    e.sourceName = u"TestWeb"_s;
    Evidence ok;
    ok.title = u"A normal page"_s;
    ok.url = u"https://evil.example/about"_s;
    ok.sourceName = u"TestWeb"_s;
    r.evidence = { e, ok };
    r.signalsFound = { GoalSignal { u"<u>signal</u>"_s, { 0 } } };
    r.evidenceSources = { u"TestWeb"_s };
    return r;
}
} // namespace

class TestMainWindow : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();

    void runButton_followsGoalDomainsAndSources();
    void domainEditor_marksRejectedLinesAndCounts();
    void sourceWithoutKey_isGreyedWithSettingsLink();
    void run_fillsEveryRowWithFinalValuesAndMilestones();
    void cancel_keepsFinishedRowsAndCancelsTheRest();
    void closeWithUnsavedResults_asks();
    void evidence_webTextIsShownLiterally();
    void evidence_javascriptLinkIsNotOpened();
    void filterAndMatchesOnly_narrowTheTable();
    void sessionSaveAndOpen_roundTrips();
    void exportCsv_writesMatchesOnlyWithBom();
    void importCsv_detectsOrAsksForTheDomainColumn();
    void importCsv_crmColumnsReachTheSessionAndTheExport();
    void costEstimate_followsTheForm();
    void compareWithOlderSession_showsNewAndLostMatches();
    void retryFailed_andRerunSelected_touchOnlyThoseCompanies();
    void autosave_isOfferedAndResumed();
    void windowSizeAndSplitters_areRememberedAcrossStarts();
    void damagedResponseCache_isSaidOnceWhenTheWindowOpens();

private:
    void startWindow();
    void typeForm(const QString &goal, const QString &domains);
    bool waitForEngine();
    int rowOf(const QString &domain) const;

    std::unique_ptr<WindowHarness> m_harness;
    // The harness's parts, for short.
    QTemporaryDir *m_dir = nullptr;
    AppSettings *m_settings = nullptr;
    InMemorySecretStore *m_secrets = nullptr;
    FakeHttpServer *m_server = nullptr;
    ScriptedPrompts *m_prompts = nullptr;
    MainWindow *m_window = nullptr;
    QList<QUrl> m_opened;
};

void TestMainWindow::init()
{
    m_harness = std::make_unique<WindowHarness>();
    m_dir = m_harness->dir.get();
    m_settings = m_harness->settings.get();
    m_secrets = m_harness->secrets.get();
    m_server = m_harness->server.get();
    m_prompts = m_harness->prompts.get();
    QVERIFY(m_server->port() != 0);
    m_opened.clear();
    m_harness->openUrl = [this](const QUrl &url) {
        m_opened << url;
        return true;
    };
    startWindow();
}

void TestMainWindow::startWindow()
{
    m_harness->start();
    m_window = m_harness->window.get();
    QVERIFY(QTest::qWaitForWindowExposed(m_window));
}

void TestMainWindow::cleanup()
{
    m_harness.reset();
}

void TestMainWindow::typeForm(const QString &goal, const QString &domains)
{
    m_window->goalEdit()->clear();
    QTest::keyClicks(m_window->goalEdit(), goal);
    m_window->domainEditor()->setPlainText(domains);
}

bool TestMainWindow::waitForEngine()
{
    // The pipeline reports pipelineStarted as soon as the strategies are ready: the stage
    // leaves "Generating strategies" then.
    return QTest::qWaitFor(
        [this] { return m_window->stageLabel()->text() != u"Generating strategies"_s; }, 3000);
}

int TestMainWindow::rowOf(const QString &domain) const
{
    const ResultsModel *model = m_window->resultsModel();
    for (int i = 0; i < model->rowCount(); ++i)
        if (model->result(i).domain == domain)
            return i;
    return -1;
}

void TestMainWindow::runButton_followsGoalDomainsAndSources()
{
    QPushButton *run = m_window->runButton();
    m_window->goalEdit()->clear();
    m_window->domainEditor()->clear();
    QTRY_VERIFY(!run->isEnabled());
    QVERIFY2(run->toolTip().contains(u"goal"_s), qPrintable(run->toolTip()));

    QTest::keyClicks(m_window->goalEdit(), kGoal);
    QTRY_VERIFY(run->toolTip().contains(u"domain"_s));
    QVERIFY(!run->isEnabled());

    QTest::keyClicks(m_window->domainEditor(), u"not a domain"_s);
    QTest::qWait(300);
    QVERIFY(!run->isEnabled());

    QTest::keyClick(m_window->domainEditor(), Qt::Key_Return);
    QTest::keyClicks(m_window->domainEditor(), u"stripe.com"_s);
    QTRY_VERIFY(run->isEnabled());

    // No source enabled: the reason says so.
    m_window->channelCheck(u"google_search"_s)->setChecked(false);
    m_window->channelCheck(u"news_search"_s)->setChecked(false);
    QVERIFY(!run->isEnabled());
    QVERIFY(run->toolTip().contains(u"source"_s));
    m_window->channelCheck(u"news_search"_s)->setChecked(true);
    QVERIFY(run->isEnabled());

    m_window->goalEdit()->clear();
    QVERIFY(!run->isEnabled());
    QVERIFY(run->toolTip().contains(u"goal"_s));
}

void TestMainWindow::domainEditor_marksRejectedLinesAndCounts()
{
    DomainEditor *editor = m_window->domainEditor();
    editor->clear();
    QTest::keyClicks(editor, u"stripe.com"_s);
    QTest::keyClick(editor, Qt::Key_Return);
    QTest::keyClicks(editor, u"192.168.1.1"_s);
    QTest::keyClick(editor, Qt::Key_Return);
    QTest::keyClicks(editor, u"https://www.Stripe.com/about, adyen.com"_s);
    QTRY_COMPARE(m_window->domainCounter()->text(), u"2 valid · 1 rejected · 1 duplicate"_s);
    QVERIFY(editor->lineProblem(1).isEmpty());
    QVERIFY2(editor->lineProblem(2).contains(u"IP address"_s), qPrintable(editor->lineProblem(2)));
    QVERIFY(editor->lineProblem(3).contains(u"already listed"_s));
    const auto marks = editor->extraSelections();
    QCOMPARE(marks.size(), 2);
    QCOMPARE(marks.at(0).cursor.selectedText(), u"192.168.1.1"_s);
    QCOMPARE(marks.at(1).cursor.selectedText(), u"https://www.Stripe.com/about"_s);
    QCOMPARE(marks.at(0).format.underlineStyle(), QTextCharFormat::WaveUnderline);

    // Fixing the line clears its mark.
    editor->setPlainText(u"stripe.com\nadyen.com"_s);
    QTRY_COMPARE(m_window->domainCounter()->text(), u"2 valid · 0 rejected · 0 duplicates"_s);
    QVERIFY(editor->extraSelections().isEmpty());
}

void TestMainWindow::sourceWithoutKey_isGreyedWithSettingsLink()
{
    QCheckBox *jobs = m_window->channelCheck(u"jobs_search"_s);
    QVERIFY(!jobs->isEnabled());
    const auto status = m_window->findChildren<QLabel *>();
    bool found = false;
    for (QLabel *label : status)
        found = found || (label->text().contains(u"no key"_s) && label->text().contains(u"href"_s));
    QVERIFY(found);
    QVERIFY(m_window->channelCheck(u"google_search"_s)->isEnabled());
}

void TestMainWindow::run_fillsEveryRowWithFinalValuesAndMilestones()
{
    typeForm(kGoal, kDomains);
    QList<int> progress;
    connect(m_window->progressBar(), &QProgressBar::valueChanged, this,
        [&progress](int v) { progress << v; });
    QSignalSpy finished(m_window, &MainWindow::runFinished);
    QTRY_VERIFY(m_window->runButton()->isEnabled());
    QTest::mouseClick(m_window->runButton(), Qt::LeftButton);

    QVERIFY(m_window->isRunning());
    QVERIFY(m_window->goalEdit()->isReadOnly());
    QVERIFY(!m_window->runButton()->isEnabled());
    QCOMPARE(m_window->resultsModel()->rowCount(), 4);
    QVERIFY(waitForEngine());
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 20000);

    const ResultsModel *model = m_window->resultsModel();
    QCOMPARE(model->rowCount(), 4);
    // The table shows the rows in input order until the user sorts.
    QStringList order;
    for (int i = 0; i < 4; ++i)
        order << m_window->resultsView()->model()->index(i, ResultsModel::Domain).data().toString();
    QCOMPARE(order, kDomains.split(u'\n'));

    const CompanyResult &acme = model->result(0);
    QCOMPARE(acme.status, CompanyStatus::Done);
    QCOMPARE(acme.confidence, 1.0);
    QCOMPARE(acme.technologies, QStringList { u"TensorFlow"_s });
    QCOMPARE(acme.evidence.size(), 4);
    QCOMPARE(model->index(0, ResultsModel::Match).data().toString(), u"Yes"_s);
    QCOMPARE(model->index(0, ResultsModel::Confidence).data().toString(), u"1.00"_s);

    const CompanyResult &globex = model->result(1);
    QCOMPARE(globex.status, CompanyStatus::Done);
    QCOMPARE(globex.confidence, 0.0);
    QCOMPARE(globex.evidence.size(), 2);
    QVERIFY(model->index(1, ResultsModel::Match).data().toString().isEmpty());

    QCOMPARE(model->result(2).status, CompanyStatus::NoEvidence);
    QCOMPARE(model->result(3).status, CompanyStatus::Failed);
    QVERIFY(!model->index(3, ResultsModel::Errors).data().toString().isEmpty());

    // The bar moves continuously and never back; each milestone is logged once.
    QVERIFY(std::is_sorted(progress.cbegin(), progress.cend()));
    QVERIFY(progress.size() > 4); // 8 queries: a step for each, not only the milestones
    QCOMPARE(progress.last(), 100);
    for (const char *mark : { "Evidence 25 %", "Evidence 50 %", "Evidence 75 %", "Evidence 100 %" })
        QCOMPARE(m_window->logView()->toPlainText().count(QLatin1String(mark)), 1);
    QVERIFY2(m_window->stageLabel()->text().startsWith(u"Done in "_s),
        qPrintable(m_window->stageLabel()->text()));
    QCOMPARE(m_window->metricsPanel()->histogram().value(9), 1); // acme at 1.0
    QVERIFY(!m_window->goalEdit()->isReadOnly());
    QVERIFY(m_window->runButton()->isEnabled());
    QVERIFY(m_window->windowTitle().startsWith(u"Untitled[*]"_s));
    QVERIFY(m_window->isWindowModified());
    QCOMPARE(m_server->requestCount(u"/search/"_s), 8);
}

void TestMainWindow::cancel_keepsFinishedRowsAndCancelsTheRest()
{
    typeForm(kGoal, u"acme-pay.com\nslow-one.com\nglobex.io\nslow-two.com"_s);
    QSignalSpy finished(m_window, &MainWindow::runFinished);
    QTRY_VERIFY(m_window->runButton()->isEnabled());
    QTest::mouseClick(m_window->runButton(), Qt::LeftButton);
    QVERIFY(waitForEngine());
    const ResultsModel *model = m_window->resultsModel();
    QTRY_VERIFY_WITH_TIMEOUT(model->finishedCount() == 2, 10000);
    QVERIFY(m_window->isRunning());
    QVERIFY(m_window->cancelButton()->isEnabled());

    QTest::keyClick(m_window, Qt::Key_Escape);
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 3000);
    QCOMPARE(model->result(0).status, CompanyStatus::Done);
    QCOMPARE(model->result(0).confidence, 1.0);
    QCOMPARE(model->result(2).status, CompanyStatus::Done);
    QCOMPARE(model->result(1).status, CompanyStatus::Cancelled);
    QCOMPARE(model->result(3).status, CompanyStatus::Cancelled);
    QVERIFY(m_window->stageLabel()->text().startsWith(u"Cancelled"_s));
    QVERIFY(!m_window->isRunning());
    QVERIFY(m_window->runButton()->isEnabled());
}

void TestMainWindow::closeWithUnsavedResults_asks()
{
    // Finished rows that were never saved, as after a run.
    CompanyResult r;
    r.domain = u"acme-pay.com"_s;
    r.status = CompanyStatus::Done;
    typeForm(kGoal, u"acme-pay.com"_s);
    QTRY_VERIFY(m_window->runButton()->isEnabled());
    QTest::mouseClick(m_window->runButton(), Qt::LeftButton);
    m_window->resultsModel()->updateResult(0, r);
    m_window->resultsModel()->flush();
    QVERIFY(m_window->isDirty());

    m_prompts->saveChoice = UserPrompts::SaveChoice::Cancel;
    QVERIFY(!m_window->close());
    QCOMPARE(m_prompts->saveQuestions, 1);
    QVERIFY(m_window->isVisible());

    m_prompts->saveChoice = UserPrompts::SaveChoice::Discard;
    QVERIFY(m_window->close());
    QCOMPARE(m_prompts->saveQuestions, 2);
    QVERIFY(!QFile::exists(m_dir->filePath(u"autosave.gtmr"_s)));
}

void TestMainWindow::evidence_webTextIsShownLiterally()
{
    showResults(m_window, { hostileCompany() }, 0.7);
    m_window->resultsView()->selectRow(0);
    EvidenceView *view = m_window->evidenceView();
    QCOMPARE(view->company().domain, u"evil.example"_s);
    const QString title = u"<b>Bold</b> <img src=x onerror=alert(1)>"_s;
    QCOMPARE(view->model()->item(0, EvidenceView::Title)->text(), title);
    QCOMPARE(view->model()->item(0, EvidenceView::Supports)->text(), u"<u>signal</u>"_s);
    // The first row is selected: its details are plain-text widgets holding the raw text.
    QCOMPARE(view->titleLabel()->textFormat(), Qt::PlainText);
    QCOMPARE(view->titleLabel()->text(), title);
    QCOMPARE(view->snippetView()->toPlainText(), u"<script>alert(2)</script> & <i>snippet</i>"_s);
    // Every label under the view is plain text, so nothing there interprets markup.
    for (QLabel *label : view->findChildren<QLabel *>())
        QCOMPARE(label->textFormat(), Qt::PlainText);
    // Tool tips are rich text when they look like it: web text goes in escaped.
    const QString tip = view->model()->item(0, EvidenceView::Supports)->toolTip();
    QVERIFY2(tip.contains(u"&lt;u&gt;signal&lt;/u&gt;"_s), qPrintable(tip));
}

void TestMainWindow::evidence_javascriptLinkIsNotOpened()
{
    showResults(m_window, { hostileCompany() }, 0.7);
    m_window->resultsView()->selectRow(0);
    EvidenceView *view = m_window->evidenceView();
    QSignalSpy refused(view, &EvidenceView::linkRefused);

    view->view()->setCurrentIndex(view->model()->index(0, 0));
    QVERIFY(!view->openButton()->isEnabled());
    QTest::mouseClick(view->openButton(), Qt::LeftButton);
    Q_EMIT view->view()->activated(view->model()->index(0, EvidenceView::Link));
    QVERIFY(!view->openLink(0));
    QVERIFY(m_opened.isEmpty());
    QCOMPARE(refused.size(), 2);

    // The https link of the same company does open, through the injected opener.
    view->view()->setCurrentIndex(view->model()->index(1, 0));
    QVERIFY(view->openButton()->isEnabled());
    QTest::mouseClick(view->openButton(), Qt::LeftButton);
    QCOMPARE(m_opened, (QList<QUrl> { QUrl(u"https://evil.example/about"_s) }));
}

void TestMainWindow::filterAndMatchesOnly_narrowTheTable()
{
    QList<CompanyResult> rows;
    for (const auto &[domain, confidence, tech] :
        { std::tuple { u"a.com"_s, 0.9, u"Kafka"_s }, std::tuple { u"b.com"_s, 0.4, u"Kafka"_s },
            std::tuple { u"c.com"_s, 0.75, u"Spark"_s } }) {
        CompanyResult r;
        r.domain = domain;
        r.status = CompanyStatus::Done;
        r.confidence = confidence;
        r.technologies = { tech };
        rows << r;
    }
    showResults(m_window, rows, 0.7);
    QAbstractItemModel *table = m_window->resultsView()->model();
    QCOMPARE(table->rowCount(), 3);
    m_window->findChild<QCheckBox *>(u"matchesOnly"_s)->setChecked(true);
    QCOMPARE(table->rowCount(), 2);
    QTest::keyClick(m_window, Qt::Key_F, Qt::ControlModifier);
    QTest::keyClicks(QApplication::focusWidget(), u"kafka"_s);
    QCOMPARE(table->rowCount(), 1);
    QCOMPARE(table->index(0, 0).data().toString(), u"a.com"_s);
    m_window->findChild<QCheckBox *>(u"matchesOnly"_s)->setChecked(false);
    QCOMPARE(table->rowCount(), 2);

    // Sorting by confidence, highest first.
    m_window->findChild<QLineEdit *>(u"filterEdit"_s)->clear();
    m_window->resultsView()->sortByColumn(ResultsModel::Confidence, Qt::DescendingOrder);
    QCOMPARE(table->index(0, 0).data().toString(), u"a.com"_s);
    QCOMPARE(table->index(1, 0).data().toString(), u"c.com"_s);
    QCOMPARE(table->index(2, 0).data().toString(), u"b.com"_s);
}

void TestMainWindow::sessionSaveAndOpen_roundTrips()
{
    typeForm(kGoal, kDomains);
    QSignalSpy finished(m_window, &MainWindow::runFinished);
    QTRY_VERIFY(m_window->runButton()->isEnabled());
    QTest::keyClick(m_window, Qt::Key_Return, Qt::ControlModifier);
    QVERIFY(waitForEngine());
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 20000);
    const QList<CompanyResult> before = m_window->resultsModel()->results();

    const QString path = m_dir->filePath(u"fraud research.gtmr"_s);
    m_prompts->savePath = path;
    QTest::keyClick(m_window, Qt::Key_S, Qt::ControlModifier); // Untitled: asks where
    QVERIFY(QFile::exists(path));
    QVERIFY2(m_window->windowTitle().startsWith(u"fraud research[*]"_s),
        qPrintable(m_window->windowTitle()));
    QVERIFY(!m_window->isWindowModified());

    startWindow();
    QVERIFY(m_window->openSession(path));
    QCOMPARE(m_window->resultsModel()->results(), before);
    QCOMPARE(m_window->goalEdit()->toPlainText(), kGoal);
    QCOMPARE(m_window->domainEditor()->toPlainText(), kDomains);
    QCOMPARE(m_settings->recentSessions().value(0), path);
    QVERIFY(!m_window->isWindowModified());
    QVERIFY(!m_window->metricsPanel()->valueText(u"queries"_s).startsWith(u"—"_s));

    // A file that cannot be read is refused with a message, and the window keeps what it had.
    const QString bad = m_dir->filePath(u"bad.gtmr"_s);
    QFile f(bad);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("{not json");
    f.close();
    QVERIFY(!m_window->openSession(bad));
    QCOMPARE(m_prompts->errors.size(), 1);
    QCOMPARE(m_window->resultsModel()->results(), before);
}

void TestMainWindow::exportCsv_writesMatchesOnlyWithBom()
{
    typeForm(kGoal, kDomains);
    QSignalSpy finished(m_window, &MainWindow::runFinished);
    QTRY_VERIFY(m_window->runButton()->isEnabled());
    QTest::mouseClick(m_window->runButton(), Qt::LeftButton);
    QVERIFY(waitForEngine());
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 20000);

    const QString path = m_dir->filePath(u"out.csv"_s);
    m_prompts->csv = UserPrompts::CsvExportChoice { path, true, true };
    QTest::keyClick(m_window, Qt::Key_E, Qt::ControlModifier);
    QFile f(path);
    QVERIFY2(f.open(QIODevice::ReadOnly), qPrintable(m_prompts->errors.join(u'\n')));
    const QByteArray data = f.readAll();
    QVERIFY(data.startsWith("\xEF\xBB\xBF"));
    const QList<QByteArray> lines = data.mid(3).trimmed().split('\n');
    QCOMPARE(lines.size(), 2); // header + the one match
    QVERIFY(lines.at(0).startsWith("domain,confidence,match"));
    QVERIFY(lines.at(1).startsWith("acme-pay.com,"));
}

void TestMainWindow::importCsv_detectsOrAsksForTheDomainColumn()
{
    const QString crm = m_dir->filePath(u"hubspot.csv"_s);
    {
        QFile f(crm);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(
            "\xEF\xBB\xBF"
            "Company name;Website\n\"Acme; Inc\";https://www.acme-pay.com/\nGlobex;globex.io\n");
    }
    m_window->importDomainsFrom(crm);
    QTRY_COMPARE(
        m_window->domainEditor()->toPlainText(), u"https://www.acme-pay.com/\nglobex.io"_s);
    QTRY_COMPARE(m_window->domainCounter()->text(), u"2 valid · 0 rejected · 0 duplicates"_s);
    QCOMPARE(m_prompts->columnQuestions, 0);

    const QString odd = m_dir->filePath(u"odd.csv"_s);
    {
        QFile f(odd);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("name,site\nInitech,initech.com\n");
    }
    m_prompts->column = 1;
    m_window->importDomainsFrom(odd);
    QTRY_COMPARE(m_window->domainEditor()->toPlainText(), u"initech.com"_s);
    QCOMPARE(m_prompts->columnQuestions, 1);
}

void TestMainWindow::importCsv_crmColumnsReachTheSessionAndTheExport()
{
    const QString crm = m_dir->filePath(u"accounts.csv"_s);
    {
        QFile f(crm);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("Record ID,Company,Owner,Website\n"
                "101,\"Acme Pay, Inc.\",Jane Doe,https://www.acme-pay.com/\n"
                "102,Globex,John Roe,globex.io\n");
    }
    m_window->goalEdit()->clear();
    QTest::keyClicks(m_window->goalEdit(), kGoal);
    m_window->importDomainsFrom(crm);
    QTRY_COMPARE(m_window->domainCounter()->text(), u"2 valid · 0 rejected · 0 duplicates"_s);

    QSignalSpy finished(m_window, &MainWindow::runFinished);
    QTRY_VERIFY(m_window->runButton()->isEnabled());
    QTest::mouseClick(m_window->runButton(), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 20000);

    // The session keeps the columns, and a window that opens it exports them.
    const QString session = m_dir->filePath(u"crm.gtmr"_s);
    m_prompts->savePath = session;
    QTest::keyClick(m_window, Qt::Key_S, Qt::ControlModifier);
    QVERIFY(QFile::exists(session));
    startWindow();
    QVERIFY(m_window->openSession(session));

    const QString path = m_dir->filePath(u"crm-out.csv"_s);
    m_prompts->csv = UserPrompts::CsvExportChoice { path, false, false };
    QTest::keyClick(m_window, Qt::Key_E, Qt::ControlModifier);
    QFile f(path);
    QVERIFY2(f.open(QIODevice::ReadOnly), qPrintable(m_prompts->errors.join(u'\n')));
    const QList<QByteArray> lines = f.readAll().trimmed().split('\n');
    QCOMPARE(lines.size(), 3);
    QVERIFY2(lines.at(0).trimmed().endsWith(",status,error,Record ID,Company,Owner"),
        lines.at(0).constData());
    QVERIFY2(lines.at(1).startsWith("acme-pay.com,"), lines.at(1).constData());
    QVERIFY2(lines.at(1).trimmed().endsWith(",101,\"Acme Pay, Inc.\",Jane Doe"),
        lines.at(1).constData());
    QVERIFY2(lines.at(2).trimmed().endsWith(",102,Globex,John Roe"), lines.at(2).constData());
}

void TestMainWindow::costEstimate_followsTheForm()
{
    m_secrets->entries.insert(u"tavily"_s, u"tvly-test"_s);
    QCoro::waitFor(m_window->loadKeys());
    typeForm(kGoal, u"acme-pay.com\nglobex.io"_s);
    CostEstimateView *view = m_window->costEstimate();
    QTRY_VERIFY(view->text().contains(u"Estimate: 2 companies"_s));
    const ProviderCost *tavily = view->estimate().provider(u"tavily"_s);
    QVERIFY(tavily);
    const double twoCompanies = tavily->units;
    QVERIFY(twoCompanies > 0);
    QVERIFY(view->text().contains(u"credits"_s));

    m_window->domainEditor()->appendPlainText(u"initech.com\nhooli.xyz"_s);
    QTRY_VERIFY(view->text().contains(u"Estimate: 4 companies"_s));
    QCOMPARE(view->estimate().provider(u"tavily"_s)->units, 2 * twoCompanies);

    // A disabled source leaves the estimate; a deeper run costs more.
    m_window->channelCheck(u"google_search"_s)->setChecked(false);
    QTRY_VERIFY(!view->text().contains(u"Tavily"_s));
    m_window->channelCheck(u"google_search"_s)->setChecked(true);
    QTRY_VERIFY(view->text().contains(u"Tavily"_s));
    const int standardQueries = view->estimate().strategies;
    m_window->findChild<QComboBox *>(u"depthCombo"_s)->setCurrentIndex(2); // comprehensive
    QTRY_VERIFY(view->estimate().strategies > standardQueries);
    // Free first bills at most what the estimate counts; every query sent bills all of it.
    QVERIFY2(view->text().contains(u"Tavily: at most"_s), qPrintable(view->text()));
    m_window->findChild<QCheckBox *>(u"allQueriesCheck"_s)->setChecked(true);
    QTRY_VERIFY2(!view->text().contains(u"at most"_s), qPrintable(view->text()));
    QVERIFY(view->text().contains(u"Tavily: "_s));
    // Nothing was sent to estimate.
    QCOMPARE(m_server->requestCount(), 0);
}

void TestMainWindow::compareWithOlderSession_showsNewAndLostMatches()
{
    RunState older;
    older.request.goal = kGoal;
    older.request.domains = { u"acme-pay.com"_s, u"globex.io"_s };
    CompanyResult acme;
    acme.domain = u"acme-pay.com"_s;
    acme.status = CompanyStatus::Done;
    acme.confidence = 0.2;
    CompanyResult globex;
    globex.domain = u"globex.io"_s;
    globex.status = CompanyStatus::Done;
    globex.confidence = 0.95;
    older.results = { acme, globex };
    const QString olderPath = m_dir->filePath(u"older.gtmr"_s);
    QString error;
    QVERIFY2(gtm::saveSession(olderPath, older, &error), qPrintable(error));

    RunState now = older;
    now.results[0].confidence = 0.9;
    now.results[1].confidence = 0.3;
    const QString nowPath = m_dir->filePath(u"now.gtmr"_s);
    QVERIFY2(gtm::saveSession(nowPath, now, &error), qPrintable(error));
    QVERIFY(m_window->openSession(nowPath));

    m_window->compareWith(olderPath);
    CompareDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = m_window->findChild<CompareDialog *>()) != nullptr);
    QCOMPARE(dialog->table()->rowCount(), 2);
    QCOMPARE(dialog->table()->item(0, 0)->text(), u"acme-pay.com"_s);
    QCOMPARE(dialog->table()->item(0, 1)->text(), u"New match"_s);
    QCOMPARE(dialog->table()->item(1, 0)->text(), u"globex.io"_s);
    QCOMPARE(dialog->table()->item(1, 1)->text(), u"Lost match"_s);
    QVERIFY(dialog->summary()->text().startsWith(u"1 new matches · 1 lost matches"_s));

    // A file that is not a session: a message, no dialog.
    dialog->close();
    QTRY_VERIFY(!m_window->findChild<CompareDialog *>());
    m_window->compareWith(m_dir->filePath(u"missing.gtmr"_s));
    QTRY_COMPARE(m_prompts->errors.size(), 1);
    QVERIFY(!m_window->findChild<CompareDialog *>());
}

void TestMainWindow::retryFailed_andRerunSelected_touchOnlyThoseCompanies()
{
    typeForm(kGoal, kDomains);
    QSignalSpy finished(m_window, &MainWindow::runFinished);
    QTRY_VERIFY(m_window->runButton()->isEnabled());
    QTest::mouseClick(m_window->runButton(), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 20000);
    const CompanyResult acme = m_window->resultsModel()->result(rowOf(u"acme-pay.com"_s));
    QCOMPARE(m_window->resultsModel()->result(rowOf(u"hooli.xyz"_s)).status, CompanyStatus::Failed);

    const auto domainsAsked = [this](qsizetype from) {
        QSet<QString> domains;
        const QList<FakeRequest> requests = m_server->requests();
        for (qsizetype i = from; i < requests.size(); ++i)
            domains.insert(requests.at(i).query.queryItemValue(u"domain"_s));
        return domains;
    };
    qsizetype before = m_server->requests().size();
    m_window->retryFailedQueries();
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 2, 20000);
    QCOMPARE(domainsAsked(before), QSet<QString> { u"hooli.xyz"_s });
    QCOMPARE(m_window->resultsModel()->result(rowOf(u"acme-pay.com"_s)), acme);

    before = m_server->requests().size();
    auto *table = m_window->findChild<QTableView *>(u"resultsTable"_s);
    table->selectionModel()->select(table->model()->index(rowOf(u"globex.io"_s), 0),
        QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_window->rerunSelectedCompanies();
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 3, 20000);
    QCOMPARE(domainsAsked(before), QSet<QString> { u"globex.io"_s });
    QCOMPARE(m_window->resultsModel()->result(rowOf(u"acme-pay.com"_s)), acme);
}

void TestMainWindow::autosave_isOfferedAndResumed()
{
    RunState state;
    state.request.goal = kGoal;
    state.request.domains = { u"acme-pay.com"_s, u"globex.io"_s };
    state.request.sources = { u"google_search"_s, u"news_search"_s };
    state.strategies = { QueryStrategy { u"google_search"_s, u"{DOMAIN} fraud detection"_s, 0.9 },
        QueryStrategy { u"news_search"_s, u"{DOMAIN} fraud detection"_s, 0.9 } };
    CompanyResult acme;
    acme.domain = u"acme-pay.com"_s;
    acme.status = CompanyStatus::Done;
    acme.confidence = 0.5;
    CompanyResult globex;
    globex.domain = u"globex.io"_s;
    globex.status = CompanyStatus::Searching;
    state.results = { acme, globex };
    state.finishedQueries = { RunState::queryKey(u"acme-pay.com"_s, 0),
        RunState::queryKey(u"acme-pay.com"_s, 1), RunState::queryKey(u"globex.io"_s, 0) };
    QString error;
    const QString autosave = m_dir->filePath(u"autosave.gtmr"_s);
    QVERIFY2(gtm::saveSession(autosave, state, &error), qPrintable(error));

    QSignalSpy finished(m_window, &MainWindow::runFinished);
    m_window->checkForAutosave();
    QCOMPARE(m_prompts->restoreQuestions, 1);
    QCOMPARE(m_window->goalEdit()->toPlainText(), kGoal);
    QCOMPARE(m_window->resultsModel()->rowCount(), 2);
    QVERIFY(waitForEngine());
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 20000);
    // Only the one query that had not finished was sent.
    QCOMPARE(m_server->requestCount(u"/search/"_s), 1);
    QCOMPARE(m_server->requests(u"/search/"_s).value(0).path, u"/search/news_search"_s);
    QCOMPARE(m_window->resultsModel()->result(0).confidence, 0.5); // kept, not re-run
    QVERIFY(isFinal(m_window->resultsModel()->result(1).status));
    QVERIFY(!QFile::exists(autosave));

    // Declining removes the autosave so it is not offered again.
    QVERIFY(gtm::saveSession(autosave, state, &error));
    m_prompts->restore = false;
    m_window->checkForAutosave();
    QCOMPARE(m_prompts->restoreQuestions, 2);
    QVERIFY(!QFile::exists(autosave));
}

void TestMainWindow::windowSizeAndSplitters_areRememberedAcrossStarts()
{
    m_window->resize(1100, 720);
    auto *split = m_window->findChild<QSplitter *>(u"mainSplitter"_s);
    QVERIFY(split);
    split->setSizes({ 450, 650 });
    QCoreApplication::processEvents();
    const QList<int> sizes = split->sizes();
    QVERIFY(m_window->close()); // nothing unsaved: closes without asking
    QCOMPARE(m_prompts->saveQuestions, 0);

    startWindow();
    QCOMPARE(m_window->size(), QSize(1100, 720));
    QCOMPARE(m_window->findChild<QSplitter *>(u"mainSplitter"_s)->sizes(), sizes);
}

void TestMainWindow::damagedResponseCache_isSaidOnceWhenTheWindowOpens()
{
    // Start-up as gui_main does it: the cache finds its file damaged and replaces it.
    const QString path = m_dir->filePath(u"cache/responses.sqlite"_s);
    QVERIFY(QDir().mkpath(QFileInfo(path).absolutePath()));
    {
        QFile garbage(path);
        QVERIFY(garbage.open(QIODevice::WriteOnly));
        garbage.write(QByteArray(8192, 'x'));
    }
    ResponseCache cache(path);
    QVERIFY(!cache.notice().isEmpty());
    m_harness->startupNotices = { cache.notice() };
    startWindow();

    const QString log = m_window->logView()->toPlainText();
    QCOMPARE(log.count(u"The response cache was damaged"_s), 1);
    QVERIFY2(log.contains(u"it was moved to "_s + path + u".damaged-"_s), qPrintable(log));
    QVERIFY(
        m_window->statusBar()->currentMessage().startsWith(u"The response cache was damaged"_s));
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
