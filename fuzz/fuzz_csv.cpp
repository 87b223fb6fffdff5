// CSV import (domain lists and CRM exports).
#include "FuzzSupport.h"
#include "storage/CsvImport.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    QString error;
    const auto table = gtm::readCsv(gtm::fuzz::bytes(data, size), &error);
    if (!table)
        return 0;
    const int column = gtm::detectDomainColumn(table->header);
    if (column >= 0) {
        (void)gtm::columnValues(*table, column);
        (void)gtm::importCrmTable(*table, column);
    }
    return 0;
}
