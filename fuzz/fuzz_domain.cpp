// Domain normalisation: typed, pasted or imported text.
#include "FuzzSupport.h"
#include "domain/DomainNormalizer.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString text = QString::fromUtf8(gtm::fuzz::bytes(data, size));
    const gtm::DomainCheck one = gtm::normalizeDomain(text);
    (void)one;
    (void)gtm::parseDomainList(text);
    return 0;
}
