// Company web pages: the parse, the technology fingerprints and the fragment text.
#include "FuzzSupport.h"
#include "html/Html.h"
#include "sources/TechFingerprints.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray page = gtm::fuzz::bytes(data, size);
    const gtm::html::ParsedPage parsed = gtm::html::parsePage(page);
    const gtm::HeaderList headers { { QByteArrayLiteral("server"), QByteArrayLiteral("nginx") } };
    (void)gtm::TechFingerprints::builtIn().detect(parsed, headers);
    (void)gtm::html::toPlainText(QString::fromUtf8(page));
    return 0;
}
