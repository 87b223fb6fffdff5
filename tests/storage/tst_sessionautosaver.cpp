#include "StorageTestData.h"
#include "storage/SessionAutosaver.h"
#include "storage/SessionFile.h"

#include <QFileInfo>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace gtm;
using namespace std::chrono_literals;

namespace {

// The state a run would hand out, changed by the test between saves.
struct FakeRun
{
    std::shared_ptr<RunState> state = std::make_shared<RunState>(test::sampleRunState());
    SessionAutosaver::StateProvider provider() const
    {
        return [s = state]() -> std::optional<RunState> { return *s; };
    }
    void finishQuery(const QString &domain, int strategy)
    {
        state->finishedQueries.insert(RunState::queryKey(domain, strategy));
    }
};

std::optional<RunState> loadOrFail(const QString &path)
{
    QString error;
    auto state = loadSession(path, &error);
    if (!state)
        qWarning("%s", qPrintable(error));
    return state;
}

} // namespace

class TestSessionAutosaver : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void checkpoint_writesTheCurrentStateOffThread()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("auto.gtmr"));
        FakeRun run;
        SessionAutosaver saver(path, 60s);
        QSignalSpy saved(&saver, &SessionAutosaver::saved);
        saver.attach(run.provider());

        saver.checkpoint();
        QTRY_COMPARE_WITH_TIMEOUT(saved.size(), 1, 10000);
        QCOMPARE(saved.at(0).at(0).toString(), path);
        const auto loaded = loadOrFail(path);
        QVERIFY(loaded);
        test::compareRunStates(*loaded, *run.state);
    }

    void stateChanged_isWrittenSoonNotAfterTheWholeInterval()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("auto.gtmr"));
        FakeRun run;
        SessionAutosaver saver(path, 600s);
        QSignalSpy saved(&saver, &SessionAutosaver::saved);
        saver.attach(run.provider());

        run.finishQuery(QStringLiteral("klarna.com"), 0);
        for (int i = 0; i < 20; ++i)
            saver.stateChanged();
        QVERIFY(!QFileInfo::exists(path)); // off this thread, not on the spot
        QTRY_COMPARE_WITH_TIMEOUT(saved.size(), 1, 10000);
        QVERIFY(loadOrFail(path)->finishedQueries.contains(QStringLiteral("klarna.com|0")));

        // Nothing changed since: no more writes.
        QTest::qWait(700);
        QCOMPARE(saved.size(), 1);

        run.finishQuery(QStringLiteral("klarna.com"), 1);
        saver.stateChanged();
        QTRY_COMPARE_WITH_TIMEOUT(saved.size(), 2, 10000);
        QVERIFY(loadOrFail(path)->finishedQueries.contains(QStringLiteral("klarna.com|1")));
    }

    void changeDuringASave_isWrittenAfterIt()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("auto.gtmr"));
        FakeRun run;
        SessionAutosaver saver(path, 600s);
        QSignalSpy saved(&saver, &SessionAutosaver::saved);
        saver.attach(run.provider());

        saver.checkpoint(); // in flight until the event loop runs
        run.finishQuery(QStringLiteral("klarna.com"), 1);
        saver.stateChanged();
        QTRY_COMPARE_WITH_TIMEOUT(saved.size(), 2, 10000);
        QVERIFY(loadOrFail(path)->finishedQueries.contains(QStringLiteral("klarna.com|1")));
    }

    void burstOfCheckpoints_isCoalescedAndEndsWithTheLastState()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("auto.gtmr"));
        FakeRun run;
        SessionAutosaver saver(path, 60s);
        saver.attach(run.provider());

        // The first starts a save; the rest arrive while it is in flight and become one more.
        for (int i = 0; i < 50; ++i) {
            run.state->metrics.completedQueries = i;
            saver.checkpoint();
        }
        saver.flush();
        QCOMPARE(saver.saveCount(), 2);
        QCOMPARE(loadOrFail(path)->metrics.completedQueries, 49);
    }

    void flushAndDestruction_writeWhatIsPending()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("auto.gtmr"));
        FakeRun run;
        {
            SessionAutosaver saver(path, 60s);
            saver.attach(run.provider());
            run.finishQuery(QStringLiteral("klarna.com"), 1);
            saver.stateChanged(); // not written yet
        }
        QVERIFY(loadOrFail(path)->finishedQueries.contains(QStringLiteral("klarna.com|1")));
    }

    void saveNow_isSynchronous()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("auto.gtmr"));
        FakeRun run;
        SessionAutosaver saver(path, 60s);
        QVERIFY(!saver.saveNow()); // nothing attached: nothing to save
        saver.attach(run.provider());
        QVERIFY(saver.saveNow());
        QVERIFY(loadOrFail(path));
    }

    void failingSave_isReported()
    {
        QTemporaryDir dir;
        FakeRun run;
        // A folder that cannot be created: its parent is a file. (A missing folder is made.)
        QFile blocker(dir.filePath(QStringLiteral("blocker")));
        QVERIFY(blocker.open(QIODevice::WriteOnly));
        blocker.close();
        SessionAutosaver saver(dir.filePath(QStringLiteral("blocker/auto.gtmr")), 60s);
        QSignalSpy failed(&saver, &SessionAutosaver::saveFailed);
        saver.attach(run.provider());
        saver.checkpoint();
        QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, 10000);
        QVERIFY(failed.at(0).at(0).toString().contains(QStringLiteral("auto.gtmr")));
        QVERIFY(!saver.saveNow());
        QCOMPARE(failed.size(), 2);
    }

    void sourceGoneBeforeThePendingSave_writesItsLastCheckpointedState()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("auto.gtmr"));
        auto state = std::make_shared<RunState>(test::sampleRunState());
        auto alive = std::make_shared<bool>(true);
        SessionAutosaver saver(path, 60s);
        saver.attach([state, alive]() -> std::optional<RunState> {
            if (!*alive)
                return std::nullopt;
            return *state;
        });
        saver.checkpoint(); // in flight
        state->metrics.completedQueries = 6;
        saver.checkpoint(); // pending: the end of the run
        *alive = false; // the run object is deleted before the pending save starts
        saver.flush();
        QCOMPARE(loadOrFail(path)->metrics.completedQueries, 6);
    }
};

QTEST_GUILESS_MAIN(TestSessionAutosaver)
#include "tst_sessionautosaver.moc"
