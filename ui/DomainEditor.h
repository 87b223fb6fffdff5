#pragma once

#include "domain/DomainNormalizer.h"

#include <QFutureWatcher>
#include <QHash>
#include <QPlainTextEdit>
#include <QTimer>

namespace gtm {

// The domains box: one domain per line or comma-separated. Each rejected line is underlined
// and its reason shown in a tool tip; duplicates are marked too. Checking runs shortly after
// typing stops, in a worker thread for long lists, so a pasted CRM export never freezes typing.
class DomainEditor : public QPlainTextEdit
{
    Q_OBJECT
public:
    explicit DomainEditor(QWidget *parent = nullptr);

    // Shows a long list without freezing the window: a few thousand lines per event-loop turn.
    // The editor is read-only until the last line is in.
    void loadLines(const QStringList &lines);
    bool isLoading() const { return m_loading; }
    // The list of the last check, which may be older than the text.
    const DomainList &lastList() const { return m_list; }

    // The checked list for the current text; checks now if typing has not settled yet.
    DomainList domainList();
    bool isChecked() const { return m_checkedRevision == m_revision; }
    // Why the given 1-based line was rejected or marked, empty if it was not.
    QString lineProblem(int line) const { return m_problems.value(line); }

Q_SIGNALS:
    void domainListChanged(const gtm::DomainList &list);
    void loadingChanged(bool loading);

protected:
    bool viewportEvent(QEvent *event) override;

private:
    void scheduleCheck();
    void startCheck();
    void applyCheck(const DomainList &list, quint64 revision);
    void highlight(const DomainList &list);
    void loadNextChunk();

    QTimer m_debounce;
    QFutureWatcher<DomainList> m_watcher;
    quint64 m_revision = 0;
    quint64 m_checkedRevision = 0;
    quint64 m_runningRevision = 0;
    DomainList m_list;
    QHash<int, QString> m_problems;
    QStringList m_toLoad;
    qsizetype m_loaded = 0;
    bool m_loading = false;
    bool m_wasReadOnly = false;
};

} // namespace gtm
