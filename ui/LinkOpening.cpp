#include "LinkOpening.h"

#include "EvidenceView.h"
#include "UiServices.h"

#include <QApplication>
#include <QClipboard>
#include <QDesktopServices>

namespace gtm {

bool openLinkOrOfferCopy(QWidget *parent, const QUrl &url,
    const std::function<bool(const QUrl &)> &opener, UserPrompts *prompts)
{
    if (!EvidenceView::isOpenable(url))
        return false;
    if (opener ? opener(url) : QDesktopServices::openUrl(url))
        return true;
    const QString text = url.toString(QUrl::FullyEncoded);
    if (prompts && prompts->askCopyUnopenedLink(parent, text))
        QApplication::clipboard()->setText(text);
    return false;
}

} // namespace gtm
