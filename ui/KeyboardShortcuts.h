#pragma once

#include <QDialog>
#include <QObject>

class QAction;
class QTableWidget;

namespace gtm {

// Makes a window's menu shortcuts work wherever the focus is. Text fields claim some keys for
// themselves (a line edit takes Ctrl+E as "end of line" on X11), so Export did nothing while
// the filter box had the focus. The guard lets the window's enabled actions win, except for
// the editing keys a text field needs (copy, paste, undo, select all, ...).
class WindowShortcutGuard : public QObject
{
    Q_OBJECT
public:
    explicit WindowShortcutGuard(QWidget *window);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QWidget *m_window;
};

// Help › Keyboard shortcuts: every menu action that has one, grouped by menu.
class ShortcutsDialog : public QDialog
{
    Q_OBJECT
public:
    explicit ShortcutsDialog(QWidget *window, QWidget *parent = nullptr);
    QTableWidget *table() const { return m_table; }

private:
    QTableWidget *m_table;
};

} // namespace gtm
