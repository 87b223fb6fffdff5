#pragma once

#include <QUrl>
#include <functional>

class QWidget;

namespace gtm {

class UserPrompts;

// Opens an http(s) link through the opener (QDesktopServices when null). When nothing opens it
// (no browser configured), the user is told so and offered to copy the link instead. Other
// schemes are never opened. True when the link was opened.
bool openLinkOrOfferCopy(QWidget *parent, const QUrl &url,
    const std::function<bool(const QUrl &)> &opener, UserPrompts *prompts);

} // namespace gtm
