#include "UiServices.h"

#include <QCheckBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QInputDialog>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QVBoxLayout>

namespace gtm {

namespace {

class WidgetPrompts : public UserPrompts
{
public:
    SaveChoice askSaveChanges(QWidget *parent, const QString &sessionName) override
    {
        const auto answer = QMessageBox::question(parent, QObject::tr("Unsaved results"),
            QObject::tr("“%1” has results that are not saved. Save them before closing?")
                .arg(sessionName),
            QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
        if (answer == QMessageBox::Save)
            return SaveChoice::Save;
        if (answer == QMessageBox::Discard)
            return SaveChoice::Discard;
        return SaveChoice::Cancel;
    }

    bool askRestoreAutosave(QWidget *parent, const QString &summary) override
    {
        return QMessageBox::question(parent, QObject::tr("Restore interrupted run?"),
                   QObject::tr("A run was interrupted: %1\n\nRestore it and run the "
                               "queries that had not finished?")
                       .arg(summary),
                   QMessageBox::Yes | QMessageBox::No, QMessageBox::Yes)
            == QMessageBox::Yes;
    }

    std::optional<int> askDomainColumn(QWidget *parent, const QStringList &header) override
    {
        bool ok = false;
        const QString choice
            = QInputDialog::getItem(parent, QObject::tr("Which column holds the domains?"),
                QObject::tr("No column named domain, website, company domain or url was found. "
                            "Choose the column with the company domains:"),
                header, 0, false, &ok);
        if (!ok)
            return std::nullopt;
        return int(header.indexOf(choice));
    }

    QString askOpenPath(QWidget *parent, const QString &title, const QString &filter) override
    {
        return QFileDialog::getOpenFileName(parent, title, QString(), filter);
    }

    QString askSavePath(QWidget *parent, const QString &title, const QString &suggested,
        const QString &filter) override
    {
        return QFileDialog::getSaveFileName(parent, title, suggested, filter);
    }

    std::optional<CsvExportChoice> askCsvExport(
        QWidget *parent, const QString &suggested, const CsvExportView &view) override
    {
        QDialog dialog(parent);
        dialog.setWindowTitle(QObject::tr("Export results as CSV"));
        auto *bom = new QCheckBox(QObject::tr("Add a byte order mark (for Excel)"), &dialog);
        auto *matches = new QCheckBox(
            QObject::tr("Matches only (confidence at or above the threshold)"), &dialog);
        matches->setChecked(view.matchesOnly);
        auto *shown = new QCheckBox(
            QObject::tr("Only the %1 of %2 companies the filter shows")
                .arg(QLocale().toString(view.shown), QLocale().toString(view.total)),
            &dialog);
        shown->setChecked(view.shown < view.total);
        shown->setVisible(view.shown < view.total);
        auto *buttons
            = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
        QObject::connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
        QObject::connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
        auto *layout = new QVBoxLayout(&dialog);
        layout->addWidget(bom);
        layout->addWidget(matches);
        layout->addWidget(shown);
        layout->addWidget(buttons);
        if (dialog.exec() != QDialog::Accepted)
            return std::nullopt;
        const QString path = askSavePath(parent, QObject::tr("Export results as CSV"), suggested,
            QObject::tr("CSV files (*.csv)"));
        if (path.isEmpty())
            return std::nullopt;
        return CsvExportChoice { path, bom->isChecked(), matches->isChecked(), shown->isChecked() };
    }

    ImportChoice askImportDomains(QWidget *parent, int current, int incoming) override
    {
        QMessageBox box(QMessageBox::Question, QObject::tr("Import domains"),
            QObject::tr("The list already holds %n line(s).", nullptr, current),
            QMessageBox::NoButton, parent);
        box.setInformativeText(
            QObject::tr("Replace them with the %n imported domain(s), or add those to the list? "
                        "Undo (Ctrl+Z) in the list brings the previous one back.",
                nullptr, incoming));
        QPushButton *replace = box.addButton(QObject::tr("Replace"), QMessageBox::AcceptRole);
        QPushButton *append = box.addButton(QObject::tr("Add to list"), QMessageBox::AcceptRole);
        box.addButton(QMessageBox::Cancel);
        box.setDefaultButton(append);
        box.exec();
        if (box.clickedButton() == replace)
            return ImportChoice::Replace;
        if (box.clickedButton() == append)
            return ImportChoice::Append;
        return ImportChoice::Cancel;
    }

    bool askCopyUnopenedLink(QWidget *parent, const QString &url) override
    {
        QMessageBox box(QMessageBox::Warning, QObject::tr("Could not open the link"),
            QObject::tr("No web browser opened this link:\n\n%1").arg(url), QMessageBox::NoButton,
            parent);
        box.setTextFormat(Qt::PlainText);
        QPushButton *copy = box.addButton(QObject::tr("Copy link"), QMessageBox::AcceptRole);
        box.addButton(QMessageBox::Close);
        box.setDefaultButton(copy);
        box.exec();
        return box.clickedButton() == copy;
    }

    void showError(QWidget *parent, const QString &title, const QString &text) override
    {
        QMessageBox box(QMessageBox::Warning, title, text, QMessageBox::Ok, parent);
        box.setTextFormat(Qt::PlainText); // file names and server messages are not markup
        box.exec();
    }
};

} // namespace

std::unique_ptr<UserPrompts> createWidgetPrompts()
{
    return std::make_unique<WidgetPrompts>();
}

} // namespace gtm
