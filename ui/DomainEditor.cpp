#include "DomainEditor.h"

#include "ResultsModel.h"
#include "ThemeColors.h"

#include <QHelpEvent>
#include <QTextBlock>
#include <QToolTip>
#include <QtConcurrent>

using namespace Qt::StringLiterals;

namespace gtm {

namespace {
// Above this size a check runs in a worker thread; below it, it is instant anyway.
constexpr qsizetype kAsyncThreshold = 20000;
// Marking more lines than anyone reads only slows the editor down.
constexpr int kMaxMarkedLines = 2000;
// Lines inserted per event-loop turn while loading: about 10 ms each.
constexpr int kLinesPerChunk = 2000;
} // namespace

DomainEditor::DomainEditor(QWidget *parent)
    : QPlainTextEdit(parent)
{
    setLineWrapMode(QPlainTextEdit::NoWrap);
    setPlaceholderText(
        tr("One domain per line, or comma-separated:\nstripe.com\nadyen.com, klarna.com"));
    m_debounce.setSingleShot(true);
    m_debounce.setInterval(150);
    connect(&m_debounce, &QTimer::timeout, this, &DomainEditor::startCheck);
    connect(this, &QPlainTextEdit::textChanged, this, &DomainEditor::scheduleCheck);
    connect(&m_watcher, &QFutureWatcher<DomainList>::finished, this, [this] {
        applyCheck(m_watcher.result(), m_runningRevision);
        if (m_checkedRevision != m_revision && !m_debounce.isActive())
            startCheck();
    });
}

void DomainEditor::scheduleCheck()
{
    ++m_revision;
    m_debounce.start();
}

void DomainEditor::startCheck()
{
    const QString text = toPlainText();
    if (text.size() < kAsyncThreshold) {
        applyCheck(parseDomainList(text), m_revision);
        return;
    }
    if (m_watcher.isRunning())
        return; // picked up when the running check finishes
    m_runningRevision = m_revision;
    m_watcher.setFuture(QtConcurrent::run([text] { return parseDomainList(text); }));
}

void DomainEditor::loadLines(const QStringList &lines)
{
    if (lines.size() <= kLinesPerChunk) {
        // One edit on the undo stack, so Undo brings the previous list back.
        QTextCursor cursor(document());
        cursor.select(QTextCursor::Document);
        cursor.insertText(lines.join(u'\n'));
        return;
    }
    m_toLoad = lines;
    m_loaded = 0;
    if (!m_loading)
        m_wasReadOnly = isReadOnly();
    m_loading = true;
    setReadOnly(true);
    setUndoRedoEnabled(false); // an undo stack of 100,000 insertions is of no use to anyone
    clear();
    Q_EMIT loadingChanged(true);
    QTimer::singleShot(0, this, &DomainEditor::loadNextChunk);
}

void DomainEditor::loadNextChunk()
{
    if (!m_loading)
        return;
    const qsizetype end = std::min(m_toLoad.size(), m_loaded + kLinesPerChunk);
    QString chunk = m_toLoad.mid(m_loaded, end - m_loaded).join(u'\n');
    if (m_loaded > 0)
        chunk.prepend(u'\n');
    QTextCursor cursor(document());
    cursor.movePosition(QTextCursor::End);
    cursor.insertText(chunk);
    m_loaded = end;
    if (m_loaded < m_toLoad.size()) {
        QTimer::singleShot(0, this, &DomainEditor::loadNextChunk);
        return;
    }
    m_toLoad.clear();
    m_loading = false;
    setUndoRedoEnabled(true);
    setReadOnly(m_wasReadOnly);
    moveCursor(QTextCursor::Start);
    Q_EMIT loadingChanged(false);
}

DomainList DomainEditor::domainList()
{
    if (!isChecked()) {
        m_debounce.stop();
        applyCheck(parseDomainList(toPlainText()), m_revision);
    }
    return m_list;
}

void DomainEditor::applyCheck(const DomainList &list, quint64 revision)
{
    if (revision != m_revision || revision == m_checkedRevision)
        return; // stale: the text changed while it was checked
    m_checkedRevision = revision;
    m_list = list;
    highlight(list);
    Q_EMIT domainListChanged(m_list);
}

void DomainEditor::highlight(const DomainList &list)
{
    m_problems.clear();
    QList<QTextEdit::ExtraSelection> selections;

    QTextCharFormat rejected;
    rejected.setUnderlineStyle(QTextCharFormat::WaveUnderline);
    rejected.setUnderlineColor(theme::errorText(palette()));
    rejected.setBackground(theme::tint(theme::errorText(palette())));
    QTextCharFormat duplicate;
    duplicate.setUnderlineStyle(QTextCharFormat::DotLine);
    duplicate.setUnderlineColor(palette().color(QPalette::PlaceholderText));
    duplicate.setForeground(palette().color(QPalette::PlaceholderText));

    auto mark = [&](const DomainLine &line, const QTextCharFormat &format, const QString &problem) {
        QString &text = m_problems[line.line];
        text += (text.isEmpty() ? QString() : u"\n"_s) + problem;
        if (selections.size() >= kMaxMarkedLines)
            return;
        const QTextBlock block = document()->findBlockByNumber(line.line - 1);
        if (!block.isValid())
            return;
        QTextEdit::ExtraSelection sel;
        sel.cursor = QTextCursor(block);
        // Mark the entry itself when the line holds several; the whole line otherwise.
        const int at = line.input.isEmpty() ? -1 : int(block.text().indexOf(line.input));
        if (at >= 0) {
            sel.cursor.setPosition(block.position() + at);
            sel.cursor.setPosition(
                block.position() + at + int(line.input.size()), QTextCursor::KeepAnchor);
        } else {
            sel.cursor.movePosition(QTextCursor::EndOfBlock, QTextCursor::KeepAnchor);
        }
        sel.format = format;
        selections << sel;
    };
    for (const DomainLine &line : list.rejected)
        mark(line, rejected, tr("“%1”: %2").arg(line.input, line.error));
    for (const DomainLine &line : list.duplicates)
        mark(line, duplicate, tr("“%1”: already listed as %2").arg(line.input, line.domain));
    setExtraSelections(selections);
}

bool DomainEditor::viewportEvent(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        const QTextCursor cursor = cursorForPosition(help->pos());
        const QString problem = m_problems.value(cursor.blockNumber() + 1);
        if (problem.isEmpty())
            QToolTip::hideText();
        else
            QToolTip::showText(help->globalPos(), plainToolTip(problem), this);
        return true;
    }
    return QPlainTextEdit::viewportEvent(event);
}

} // namespace gtm
