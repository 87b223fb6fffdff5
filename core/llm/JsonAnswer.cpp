#include "JsonAnswer.h"

#include <QJsonDocument>
#include <QJsonParseError>

namespace gtm {

bool parseJsonAnswer(const QString &text, QJsonObject *out, QString *error)
{
    const qsizetype open = text.indexOf(u'{');
    const qsizetype close = text.lastIndexOf(u'}');
    if (open < 0 || close < open) {
        if (error)
            *error = QStringLiteral("the answer holds no JSON object");
        return false;
    }
    const QByteArray json = text.mid(open, close - open + 1).toUtf8();
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject()) {
        if (error)
            *error = QStringLiteral("invalid JSON at offset %1: %2")
                         .arg(parseError.offset)
                         .arg(parseError.errorString());
        return false;
    }
    *out = doc.object();
    return true;
}

} // namespace gtm
