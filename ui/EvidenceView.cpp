#include "EvidenceView.h"

#include "ResultsModel.h"
#include "ThemeColors.h"

#include <QApplication>
#include <QClipboard>
#include <QDesktopServices>
#include <QHeaderView>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QSplitter>
#include <QStandardItemModel>
#include <QTreeView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace gtm {

namespace {
constexpr int EvidenceRowRole = Qt::UserRole + 1;

QLabel *plainLabel(QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setTextFormat(Qt::PlainText);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

// A company can carry dozens of signals or errors; unbounded, the label pushes the evidence
// list off the pane (one row left at 1440x900). A few lines show, the rest scroll.
constexpr int VisibleLines = 6;

QScrollArea *cappedBox(QLabel *label, QWidget *parent)
{
    auto *box = new QScrollArea(parent);
    label->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    box->setWidget(label);
    box->setWidgetResizable(true);
    box->setFrameShape(QFrame::NoFrame);
    box->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    // The label paints on the pane's background, as it did before it could scroll.
    box->viewport()->setAutoFillBackground(false);
    label->setAutoFillBackground(false);
    return box;
}

// As tall as the text at the box's width, up to VisibleLines lines.
void fitBox(QScrollArea *box, QLabel *label)
{
    const int cap = label->fontMetrics().lineSpacing() * VisibleLines;
    // -1 before the label has been laid out (no width yet): its one-line height until then.
    const int needed = label->heightForWidth(box->width());
    box->setFixedHeight(qMin(cap, needed >= 0 ? needed : label->sizeHint().height()));
}
} // namespace

EvidenceView::EvidenceView(QWidget *parent)
    : QWidget(parent)
{
    m_heading = plainLabel(this);
    QFont headingFont = m_heading->font();
    headingFont.setBold(true);
    m_heading->setFont(headingFont);
    m_signals = plainLabel(this);
    m_errors = plainLabel(this);
    m_errors->setObjectName(u"evidenceErrors"_s);
    m_signalsBox = cappedBox(m_signals, this);
    m_errorsBox = cappedBox(m_errors, this);

    m_model = new QStandardItemModel(this);
    m_model->setHorizontalHeaderLabels(
        { tr("Title"), tr("Source"), tr("Supports"), tr("Snippet"), tr("Link") });
    m_view = new QTreeView(this);
    m_view->setModel(m_model);
    m_view->setRootIsDecorated(false);
    m_view->setUniformRowHeights(true);
    m_view->setAlternatingRowColors(true);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setTextElideMode(Qt::ElideRight);
    m_view->header()->setStretchLastSection(true);
    m_view->header()->resizeSection(Title, 320);
    m_view->header()->resizeSection(Source, 100);
    m_view->header()->resizeSection(Supports, 200);
    m_view->header()->resizeSection(Snippet, 320);

    auto *details = new QWidget(this);
    m_title = plainLabel(details);
    m_title->setFont(headingFont);
    m_meta = plainLabel(details);
    m_link = plainLabel(details);
    m_link->setForegroundRole(QPalette::Link);
    m_snippet = new QPlainTextEdit(details);
    m_snippet->setReadOnly(true);
    m_open = new QPushButton(tr("Open link"), details);
    m_open->setEnabled(false);
    m_copyLink = new QPushButton(tr("Copy link"), details);
    m_copyLink->setEnabled(false);
    auto *linkRow = new QHBoxLayout;
    linkRow->addWidget(m_link, 1);
    linkRow->addWidget(m_copyLink);
    linkRow->addWidget(m_open);
    auto *detailsLayout = new QVBoxLayout(details);
    detailsLayout->setContentsMargins(0, 0, 0, 0);
    detailsLayout->addWidget(m_title);
    detailsLayout->addWidget(m_meta);
    detailsLayout->addWidget(m_snippet, 1);
    detailsLayout->addLayout(linkRow);

    auto *split = new QSplitter(Qt::Vertical, this);
    split->setObjectName(u"evidenceSplitter"_s);
    split->addWidget(m_view);
    split->addWidget(details);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_heading);
    layout->addWidget(m_errorsBox);
    layout->addWidget(m_signalsBox);
    layout->addWidget(split, 1);

    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
        [this](const QModelIndex &current) {
            showDetails(
                current.isValid() ? current.siblingAtColumn(0).data(EvidenceRowRole).toInt() : -1);
        });
    connect(m_view, &QTreeView::activated, this, [this](const QModelIndex &index) {
        openLink(index.siblingAtColumn(0).data(EvidenceRowRole).toInt());
    });
    connect(m_open, &QPushButton::clicked, this, [this] { openLink(currentEvidenceRow()); });
    connect(m_copyLink, &QPushButton::clicked, this,
        [this] { QApplication::clipboard()->setText(m_link->text()); });
    clear();
}

void EvidenceView::setLinkOpener(std::function<bool(const QUrl &)> opener)
{
    m_opener = std::move(opener);
}

void EvidenceView::clear()
{
    setCompany({});
}

void EvidenceView::setCompany(const CompanyResult &result)
{
    m_company = result;
    m_model->removeRows(0, m_model->rowCount());
    if (result.domain.isEmpty()) {
        m_heading->setText(tr("Select a company to see its evidence."));
        m_signals->clear();
        m_signalsBox->hide();
        m_errors->clear();
        m_errorsBox->hide();
        showDetails(-1);
        return;
    }
    QString heading = tr("%1 — %n evidence item(s)", nullptr, int(result.evidence.size()))
                          .arg(displayDomain(result.domain));
    // Free first: paid queries the verdict did not need are part of the answer, not a gap.
    if (result.skipped > 0)
        heading += u" · "_s
            + tr("%n paid query(s) not sent: decided by free sources", nullptr, result.skipped);
    m_heading->setText(heading);

    // Why a company failed or came back incomplete is the first thing a user looks for here.
    QStringList errorLines;
    for (auto it = result.errors.cbegin(); it != result.errors.cend(); ++it)
        errorLines << u"• "_s + (it.key().isEmpty() ? it.value() : it.key() + u": "_s + it.value());
    if (result.status == CompanyStatus::Failed && errorLines.isEmpty())
        errorLines << u"• "_s + tr("no source answered");
    m_errors->setText(errorLines.isEmpty()
            ? QString()
            : (result.status == CompanyStatus::Failed ? tr("Failed:\n") : tr("Errors:\n"))
                + errorLines.join(u'\n'));
    m_errorsBox->setVisible(!errorLines.isEmpty());
    updateErrorColour();

    // Which signals each evidence item supports.
    QList<QStringList> supports(result.evidence.size());
    QStringList signalLines;
    for (const GoalSignal &s : result.signalsFound) {
        signalLines << u"• "_s + s.text;
        for (int i : s.evidenceIndexes)
            if (i >= 0 && i < supports.size())
                supports[i] << s.text;
    }
    m_signals->setText(signalLines.isEmpty() ? tr("No goal signals found.")
                                             : tr("Signals:\n") + signalLines.join(u'\n'));
    // A failed company was never analyzed: "no signals" would read as a verdict.
    m_signalsBox->setVisible(result.status != CompanyStatus::Failed || !signalLines.isEmpty());
    fitBoxes();

    const QColor highlight = theme::tint(theme::matchColor(palette()));
    for (int i = 0; i < result.evidence.size(); ++i) {
        const Evidence &e = result.evidence.at(i);
        // QStandardItem text is drawn as plain text by the default delegate.
        QList<QStandardItem *> row { new QStandardItem(e.title), new QStandardItem(e.sourceName),
            new QStandardItem(supports.at(i).join(u"; "_s)),
            new QStandardItem(e.snippet.simplified()), new QStandardItem(e.url) };
        row[0]->setData(i, EvidenceRowRole);
        for (QStandardItem *item : row)
            item->setEditable(false);
        if (!supports.at(i).isEmpty()) {
            QFont bold = m_view->font();
            bold.setBold(true);
            row[Title]->setFont(bold);
            row[Supports]->setFont(bold);
            for (QStandardItem *item : row)
                item->setBackground(highlight);
        }
        row[Supports]->setToolTip(plainToolTip(supports.at(i).join(u'\n')));
        m_model->appendRow(row);
    }
    if (m_model->rowCount() > 0)
        m_view->setCurrentIndex(m_model->index(0, 0));
    else
        showDetails(-1);
}

int EvidenceView::currentEvidenceRow() const
{
    const QModelIndex current = m_view->currentIndex();
    return current.isValid() ? current.siblingAtColumn(0).data(EvidenceRowRole).toInt() : -1;
}

void EvidenceView::showDetails(int evidenceRow)
{
    if (evidenceRow < 0 || evidenceRow >= m_company.evidence.size()) {
        m_title->clear();
        m_meta->clear();
        m_link->clear();
        m_snippet->clear();
        m_open->setEnabled(false);
        m_copyLink->setEnabled(false);
        return;
    }
    const Evidence &e = m_company.evidence.at(evidenceRow);
    m_title->setText(e.title.isEmpty() ? tr("(untitled)") : e.title);
    QStringList meta { e.sourceName };
    if (e.publishedAt.isValid())
        meta << QLocale().toString(e.publishedAt.toLocalTime(), QLocale::ShortFormat);
    if (!e.channel.isEmpty())
        meta << e.channel;
    m_meta->setText(meta.join(u" · "_s));
    m_snippet->setPlainText(e.snippet);
    m_link->setText(e.url);
    const bool openable = isOpenable(QUrl(e.url));
    m_open->setEnabled(openable);
    m_copyLink->setEnabled(!e.url.isEmpty());
    m_open->setToolTip(openable ? QString() : tr("Only http and https links are opened"));
}

void EvidenceView::updateErrorColour()
{
    QPalette pal = m_errors->palette();
    pal.setColor(QPalette::WindowText, theme::errorText(palette()));
    m_errors->setPalette(pal);
}

void EvidenceView::fitBoxes()
{
    fitBox(m_signalsBox, m_signals);
    fitBox(m_errorsBox, m_errors);
}

void EvidenceView::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    fitBoxes();
}

void EvidenceView::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange && m_errors)
        updateErrorColour();
}

bool EvidenceView::isOpenable(const QUrl &url)
{
    const QString scheme = url.scheme().toLower();
    return url.isValid() && !url.host().isEmpty() && (scheme == u"http" || scheme == u"https");
}

bool EvidenceView::openLink(int evidenceRow)
{
    if (evidenceRow < 0 || evidenceRow >= m_company.evidence.size())
        return false;
    const QString text = m_company.evidence.at(evidenceRow).url;
    const QUrl url(text, QUrl::StrictMode);
    if (!isOpenable(url)) {
        Q_EMIT linkRefused(text);
        return false;
    }
    return m_opener ? m_opener(url) : QDesktopServices::openUrl(url);
}

} // namespace gtm
