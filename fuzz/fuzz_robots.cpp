// robots.txt: the first line of the input is the path asked about, the rest is the file.
#include "FuzzSupport.h"
#include "sources/RobotsTxt.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString text = QString::fromUtf8(gtm::fuzz::bytes(data, size));
    const qsizetype newline = text.indexOf(u'\n');
    const QString path = newline < 0 ? QStringLiteral("/") : text.left(newline);
    const gtm::RobotsTxt robots = gtm::RobotsTxt::parse(
        newline < 0 ? text : text.mid(newline + 1), QStringLiteral("GTMResearch"));
    (void)robots.allows(path);
    (void)robots.allows(QStringLiteral("/careers?x=1"));
    return 0;
}
