#include "KeyboardShortcuts.h"

#include <QAction>
#include <QApplication>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QKeyEvent>
#include <QMenu>
#include <QMenuBar>
#include <QTableWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace gtm {

namespace {
bool isEditingKey(const QKeyEvent *key)
{
    static const QKeySequence::StandardKey editing[] = { QKeySequence::Copy, QKeySequence::Paste,
        QKeySequence::Cut, QKeySequence::Undo, QKeySequence::Redo, QKeySequence::SelectAll,
        QKeySequence::Delete, QKeySequence::Backspace, QKeySequence::MoveToPreviousChar,
        QKeySequence::MoveToNextChar };
    for (QKeySequence::StandardKey k : editing)
        if (key->matches(k))
            return true;
    // Plain typing, Return and Escape stay with the widget unless a modifier says otherwise.
    return !(key->modifiers() & (Qt::ControlModifier | Qt::AltModifier | Qt::MetaModifier))
        && !(key->key() >= Qt::Key_F1 && key->key() <= Qt::Key_F35);
}

QString menuTitle(const QMenu *menu)
{
    QString title = menu->title();
    title.remove(u'&');
    return title;
}
} // namespace

WindowShortcutGuard::WindowShortcutGuard(QWidget *window)
    : QObject(window)
    , m_window(window)
{
    qApp->installEventFilter(this);
}

bool WindowShortcutGuard::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() != QEvent::ShortcutOverride || !watched->isWidgetType())
        return false;
    auto *widget = static_cast<QWidget *>(watched);
    if (widget->window() != m_window)
        return false;
    auto *key = static_cast<QKeyEvent *>(event);
    if (isEditingKey(key))
        return false;
    const QKeySequence pressed(key->keyCombination());
    const QList<QAction *> actions = m_window->findChildren<QAction *>();
    for (const QAction *action : actions) {
        if (!action->isEnabled() || action->shortcutContext() == Qt::WidgetShortcut)
            continue;
        for (const QKeySequence &s : action->shortcuts()) {
            if (s.matches(pressed) == QKeySequence::ExactMatch) {
                // Left unaccepted and swallowed: the shortcut map takes the key, not the field.
                event->ignore();
                return true;
            }
        }
    }
    return false;
}

ShortcutsDialog::ShortcutsDialog(QWidget *window, QWidget *parent)
    : QDialog(parent)
    , m_table(new QTableWidget(0, 3, this))
{
    setObjectName(u"shortcutsDialog"_s);
    setWindowTitle(tr("Keyboard shortcuts"));
    m_table->setHorizontalHeaderLabels({ tr("Menu"), tr("Command"), tr("Shortcut") });
    m_table->verticalHeader()->hide();
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->horizontalHeader()->setStretchLastSection(true);
    const auto addRow = [this](const QString &menu, const QString &command, const QString &keys) {
        const int row = m_table->rowCount();
        m_table->insertRow(row);
        m_table->setItem(row, 0, new QTableWidgetItem(menu));
        m_table->setItem(row, 1, new QTableWidgetItem(command));
        m_table->setItem(row, 2, new QTableWidgetItem(keys));
    };
    if (auto *bar = window->findChild<QMenuBar *>()) {
        for (QAction *top : bar->actions()) {
            QMenu *menu = top->menu();
            if (!menu)
                continue;
            for (QAction *a : menu->actions()) {
                if (a->shortcuts().isEmpty())
                    continue;
                QStringList keys;
                for (const QKeySequence &s : a->shortcuts())
                    keys << s.toString(QKeySequence::NativeText);
                QString text = a->text();
                text.remove(u'&');
                addRow(menuTitle(menu), text, keys.join(tr(" or ")));
            }
        }
    }
    addRow(tr("Results table"), tr("Copy the selected rows (tab-separated)"),
        QKeySequence(QKeySequence::Copy).toString(QKeySequence::NativeText));
    addRow(tr("Results table"), tr("Open the company's evidence"), tr("Up, Down"));
    addRow(tr("Results table"), tr("More actions"), tr("Right click, Menu key"));
    m_table->resizeColumnsToContents();

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_table);
    layout->addWidget(buttons);
    resize(560, 420);
}

} // namespace gtm
