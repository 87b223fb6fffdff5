// Session files (.gtmr): whatever loads must save and load back to the same state.
#include "FuzzSupport.h"
#include "storage/SessionFile.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace {

QJsonObject withoutSaveTime(const QByteArray &json)
{
    QJsonObject o = QJsonDocument::fromJson(json).object();
    o.remove(QStringLiteral("saved_at"));
    return o;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    QString error;
    const auto state = gtm::sessionFromJson(gtm::fuzz::bytes(data, size), &error);
    if (!state)
        return 0;
    const QByteArray saved = gtm::sessionToJson(*state);
    const auto again = gtm::sessionFromJson(saved, &error);
    // A session we wrote ourselves must read back unchanged (the save time aside).
    if (!again || withoutSaveTime(gtm::sessionToJson(*again)) != withoutSaveTime(saved))
        __builtin_trap();
    return 0;
}
