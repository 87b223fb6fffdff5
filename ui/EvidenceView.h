#pragma once

#include "model/CompanyResult.h"

#include <QWidget>
#include <functional>

class QLabel;
class QPlainTextEdit;
class QPushButton;
class QScrollArea;
class QStandardItemModel;
class QTreeView;

namespace gtm {

// The evidence of one company: title, source, the signals each item supports, snippet, link.
// Everything that came from the web is plain text: titles and snippets are never interpreted
// as HTML, and a link opens only when it is http or https.
class EvidenceView : public QWidget
{
    Q_OBJECT
public:
    enum Column { Title, Source, Supports, Snippet, Link, ColumnCount };

    explicit EvidenceView(QWidget *parent = nullptr);

    // Null opener: QDesktopServices::openUrl.
    void setLinkOpener(std::function<bool(const QUrl &)> opener);
    void setCompany(const CompanyResult &result);
    void clear();
    const CompanyResult &company() const { return m_company; }

    // Opens the link of an evidence row (index into the company's evidence). False, and
    // nothing opened, for any scheme but http and https.
    bool openLink(int evidenceRow);
    static bool isOpenable(const QUrl &url);

    QTreeView *view() const { return m_view; }
    QStandardItemModel *model() const { return m_model; }
    QLabel *titleLabel() const { return m_title; }
    QPlainTextEdit *snippetView() const { return m_snippet; }
    QPushButton *openButton() const { return m_open; }
    QPushButton *copyLinkButton() const { return m_copyLink; }
    QLabel *errorsLabel() const { return m_errors; }
    QLabel *signalsLabel() const { return m_signals; }

Q_SIGNALS:
    void linkRefused(const QString &url);

protected:
    void changeEvent(QEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    void updateErrorColour();
    void fitBoxes();
    void showDetails(int evidenceRow);
    int currentEvidenceRow() const;

    std::function<bool(const QUrl &)> m_opener;
    CompanyResult m_company;
    QLabel *m_heading = nullptr;
    QLabel *m_signals = nullptr;
    QLabel *m_errors = nullptr;
    QScrollArea *m_signalsBox = nullptr;
    QScrollArea *m_errorsBox = nullptr;
    QTreeView *m_view = nullptr;
    QStandardItemModel *m_model = nullptr;
    QLabel *m_title = nullptr;
    QLabel *m_meta = nullptr;
    QLabel *m_link = nullptr;
    QPlainTextEdit *m_snippet = nullptr;
    QPushButton *m_open = nullptr;
    QPushButton *m_copyLink = nullptr;
};

} // namespace gtm
