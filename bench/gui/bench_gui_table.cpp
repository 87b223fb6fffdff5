// Feeds the main window's results the way a run does (each company goes "searching", then
// final with evidence, technologies and signals) and measures how long the event loop is ever
// kept from turning: a 1 ms precise timer records the gaps between its ticks; the longest gap
// is the longest stall a user could feel. The feeding itself runs on the event loop, as the
// pipeline's signals do.
#include "DomainEditor.h"
#include "MainWindow.h"
#include "ResultsModel.h"
#include "storage/AppSettings.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QTableView>
#include <QTemporaryDir>
#include <QTimer>
#include <algorithm>
#include <cstdio>
#include <ctime>

using namespace gtm;
using namespace Qt::StringLiterals;

namespace {

// Times every top-level event dispatch, so a long stall can be told apart from the machine
// simply not scheduling the process (the probe gap includes both; this only the former).
// CPU time of this thread: what the window itself spent, whatever else the machine does.
double threadCpuMs()
{
    timespec ts {};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

class TimingApplication : public QApplication
{
public:
    using QApplication::QApplication;
    bool notify(QObject *receiver, QEvent *event) override
    {
        if (m_depth > 0)
            return QApplication::notify(receiver, event);
        ++m_depth;
        // Read before dispatching: a DeferredDelete destroys the receiver and the event.
        const char *className = receiver->metaObject()->className();
        const int type = int(event->type());
        const double start = threadCpuMs();
        const bool result = QApplication::notify(receiver, event);
        const double ms = threadCpuMs() - start;
        --m_depth;
        if (ms > longestMs) {
            longestMs = ms;
            longestWhat = QString::fromLatin1(className) + u" / event "_s + QString::number(type);
        }
        return result;
    }
    void reset()
    {
        longestMs = 0;
        longestWhat.clear();
    }
    double longestMs = 0;
    QString longestWhat;

private:
    int m_depth = 0;
};

TimingApplication *timingApp()
{
    return static_cast<TimingApplication *>(QCoreApplication::instance());
}

CompanyResult finalResult(const QString &domain, int i)
{
    CompanyResult r;
    r.domain = domain;
    r.status = i % 17 == 0 ? CompanyStatus::NoEvidence : CompanyStatus::Done;
    r.confidence = (i * 7919 % 1000) / 1000.0;
    r.technologies = { u"TensorFlow"_s, u"Kafka"_s };
    for (int e = 0; e < 6; ++e) {
        Evidence ev;
        ev.title = u"%1 evidence item %2 about fraud detection"_s.arg(domain).arg(e);
        ev.url = u"https://%1/page/%2"_s.arg(domain).arg(e);
        ev.snippet = QString(300, u'x');
        ev.sourceName = e % 2 ? u"Tavily"_s : u"NewsAPI"_s;
        r.evidence << ev;
    }
    r.signalsFound = { GoalSignal { u"Uses machine learning for fraud scoring"_s, { 0, 2 } } };
    r.evidenceSources = { u"NewsAPI"_s, u"Tavily"_s };
    r.analyzer = u"heuristic"_s;
    return r;
}

struct Scenario
{
    const char *name;
    int rows;
    int perTick; // companies started and finished per 5 ms tick
    int sortColumn; // -1: input order
    bool matchesOnly;
};

struct Outcome
{
    double longestDispatchMs = 0;
    QString longestDispatch;
    qint64 totalMs = 0;
    double maxGapMs = 0;
    double p99GapMs = 0;
    int ticks = 0;
};

Outcome runScenario(const Scenario &s)
{
    QTemporaryDir dir;
    AppSettings settings(dir.filePath(u"bench.ini"_s));
    MainWindowServices services;
    services.settings = &settings;
    services.autosavePath = dir.filePath(u"autosave.gtmr"_s);
    MainWindow window(std::move(services));
    window.resize(1400, 900);
    window.show();
    QCoreApplication::processEvents();

    QStringList domains;
    for (int i = 0; i < s.rows; ++i)
        domains << u"company-%1.example"_s.arg(i);
    ResultsModel *model = window.resultsModel();
    model->resetRows(domains, 0.7);
    if (s.sortColumn >= 0)
        window.resultsView()->sortByColumn(s.sortColumn, Qt::DescendingOrder);
    if (s.matchesOnly)
        window.findChild<QObject *>(u"matchesOnly"_s)->setProperty("checked", true);
    window.resultsView()->selectRow(0);

    QList<double> gaps;
    QElapsedTimer clock;
    clock.start();
    qint64 last = clock.nsecsElapsed();
    QTimer probe;
    probe.setTimerType(Qt::PreciseTimer);
    probe.setInterval(1);
    QObject::connect(&probe, &QTimer::timeout, [&] {
        const qint64 now = clock.nsecsElapsed();
        gaps << (now - last) / 1e6;
        last = now;
    });

    int next = 0;
    QTimer feeder;
    feeder.setTimerType(Qt::PreciseTimer);
    feeder.setInterval(5);
    QEventLoop loop;
    QObject::connect(&feeder, &QTimer::timeout, [&] {
        // This tick's companies start searching; the previous tick's become final.
        for (int i = next; i < std::min(s.rows, next + s.perTick); ++i) {
            CompanyResult searching;
            searching.domain = domains[i];
            searching.status = CompanyStatus::Searching;
            model->updateResult(i, searching);
        }
        for (int i = std::max(0, next - s.perTick); i < std::min(next, s.rows); ++i)
            model->updateResult(i, finalResult(domains[i], i));
        if (next >= s.rows + s.perTick) {
            feeder.stop();
            // Let the last batch flush and the chart redraw before stopping.
            QTimer::singleShot(700, &loop, &QEventLoop::quit);
        }
        next += s.perTick;
    });
    timingApp()->reset();
    probe.start();
    feeder.start();
    loop.exec();
    probe.stop();

    Outcome out;
    out.longestDispatchMs = timingApp()->longestMs;
    out.longestDispatch = timingApp()->longestWhat;
    out.totalMs = clock.elapsed();
    out.ticks = int(gaps.size());
    std::sort(gaps.begin(), gaps.end());
    out.maxGapMs = gaps.isEmpty() ? 0 : gaps.last();
    out.p99GapMs = gaps.isEmpty() ? 0 : gaps.at(int(gaps.size() * 0.99));
    if (model->finishedCount() != s.rows)
        std::fprintf(stderr, "warning: %d of %d rows final\n", model->finishedCount(), s.rows);
    return out;
}

// Importing a 100,000-row CRM export: read and parsed off the GUI thread, then shown and checked.
Outcome runImport(int rows)
{
    QTemporaryDir dir;
    AppSettings settings(dir.filePath(u"bench.ini"_s));
    MainWindowServices services;
    services.settings = &settings;
    services.autosavePath = dir.filePath(u"autosave.gtmr"_s);
    MainWindow window(std::move(services));
    window.resize(1400, 900);
    window.show();
    QCoreApplication::processEvents();
    const QString path = dir.filePath(u"crm.csv"_s);
    {
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly))
            return {};
        QByteArray data = "Company name;Website;Owner\n";
        for (int i = 0; i < rows; ++i)
            data += "\"Company " + QByteArray::number(i) + ", Inc\";https://www.company-"
                + QByteArray::number(i) + ".example/;someone@example.com\n";
        f.write(data);
    }
    QList<double> gaps;
    QElapsedTimer clock;
    clock.start();
    qint64 last = clock.nsecsElapsed();
    QTimer probe;
    probe.setTimerType(Qt::PreciseTimer);
    probe.setInterval(1);
    QObject::connect(&probe, &QTimer::timeout, [&] {
        const qint64 now = clock.nsecsElapsed();
        gaps << (now - last) / 1e6;
        last = now;
    });
    timingApp()->reset();
    probe.start();
    QEventLoop loop;
    QObject::connect(window.domainEditor(), &DomainEditor::domainListChanged, &loop,
        [&](const DomainList &list) {
            if (list.domains.size() == rows)
                QTimer::singleShot(200, &loop, &QEventLoop::quit);
        });
    window.importDomainsFrom(path);
    loop.exec();
    Outcome out;
    out.longestDispatchMs = timingApp()->longestMs;
    out.longestDispatch = timingApp()->longestWhat;
    out.totalMs = clock.elapsed();
    out.ticks = int(gaps.size());
    std::sort(gaps.begin(), gaps.end());
    out.maxGapMs = gaps.isEmpty() ? 0 : gaps.last();
    out.p99GapMs = gaps.isEmpty() ? 0 : gaps.at(int(gaps.size() * 0.99));
    return out;
}

} // namespace

int main(int argc, char *argv[])
{
    TimingApplication app(argc, argv);
    const Scenario scenarios[] = {
        { "10,000 rows, input order, 20 companies per 5 ms", 10000, 20, -1, false },
        { "10,000 rows, sorted by confidence, 20 per 5 ms", 10000, 20, ResultsModel::Confidence,
            false },
        { "10,000 rows, sorted + matches only, 20 per 5 ms", 10000, 20, ResultsModel::Confidence,
            true },
        { "10,000 rows, sorted by confidence, burst 200 per 5 ms", 10000, 200,
            ResultsModel::Confidence, false },
    };
    std::printf("| scenario | feed time | longest probe gap | p99 gap | longest event handled "
                "(CPU) | in |\n"
                "|---|---|---|---|---|---|\n");
    {
        // The machine's own noise: the probe alone, nothing to do.
        QList<double> gaps;
        QElapsedTimer clock;
        clock.start();
        qint64 last = clock.nsecsElapsed();
        QTimer probe;
        probe.setTimerType(Qt::PreciseTimer);
        probe.setInterval(1);
        QObject::connect(&probe, &QTimer::timeout, [&] {
            const qint64 now = clock.nsecsElapsed();
            gaps << (now - last) / 1e6;
            last = now;
        });
        QEventLoop idle;
        QTimer::singleShot(3000, &idle, &QEventLoop::quit);
        probe.start();
        idle.exec();
        std::sort(gaps.begin(), gaps.end());
        std::printf(
            "| baseline: the probe alone, idle window | 3000 ms | %.1f ms | %.1f ms | — | — |\n",
            gaps.last(), gaps.at(int(gaps.size() * 0.99)));
    }
    for (const Scenario &s : scenarios) {
        const Outcome o = runScenario(s);
        std::printf("| %s | %lld ms | %.1f ms | %.1f ms | %.1f ms | %s |\n", s.name,
            static_cast<long long>(o.totalMs), o.maxGapMs, o.p99GapMs, o.longestDispatchMs,
            qPrintable(o.longestDispatch));
        std::fflush(stdout);
    }
    const Outcome o = runImport(100000);
    std::printf("| import of a 100,000-row CRM CSV (read, show, check) | %lld ms | %.1f ms | %.1f "
                "ms | %.1f ms | %s |\n",
        static_cast<long long>(o.totalMs), o.maxGapMs, o.p99GapMs, o.longestDispatchMs,
        qPrintable(o.longestDispatch));
    return 0;
}
