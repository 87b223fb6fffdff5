#include "UiServices.h"

#include <QCheckBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QInputDialog>
#include <QMessageBox>
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

    std::optional<CsvExportChoice> askCsvExport(QWidget *parent, const QString &suggested) override
    {
        QDialog dialog(parent);
        dialog.setWindowTitle(QObject::tr("Export results as CSV"));
        auto *bom = new QCheckBox(QObject::tr("Add a byte order mark (for Excel)"), &dialog);
        auto *matches = new QCheckBox(
            QObject::tr("Matches only (confidence at or above the threshold)"), &dialog);
        auto *buttons
            = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
        QObject::connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
        QObject::connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
        auto *layout = new QVBoxLayout(&dialog);
        layout->addWidget(bom);
        layout->addWidget(matches);
        layout->addWidget(buttons);
        if (dialog.exec() != QDialog::Accepted)
            return std::nullopt;
        const QString path = askSavePath(parent, QObject::tr("Export results as CSV"), suggested,
            QObject::tr("CSV files (*.csv)"));
        if (path.isEmpty())
            return std::nullopt;
        return CsvExportChoice { path, bom->isChecked(), matches->isChecked() };
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
