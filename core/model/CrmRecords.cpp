#include "CrmRecords.h"

#include <QJsonArray>

namespace gtm {

QStringList CrmRecords::valuesFor(const QString &domain) const
{
    QStringList values = byDomain.value(domain);
    // A record written by a CRM with fewer cells than its header still fills every column.
    values.resize(columns.size());
    return values;
}

CrmRecords CrmRecords::restrictedTo(const QStringList &domains) const
{
    CrmRecords out;
    out.columns = columns;
    for (const QString &d : domains) {
        const auto it = byDomain.constFind(d);
        if (it != byDomain.cend())
            out.byDomain.insert(d, it.value());
    }
    return out;
}

QJsonObject CrmRecords::toJson() const
{
    QJsonObject records;
    for (auto it = byDomain.cbegin(); it != byDomain.cend(); ++it)
        records.insert(it.key(), QJsonArray::fromStringList(it.value()));
    return { { QStringLiteral("columns"), QJsonArray::fromStringList(columns) },
        { QStringLiteral("records"), records } };
}

std::optional<CrmRecords> CrmRecords::fromJson(const QJsonObject &json, QString *error)
{
    const auto fail = [error](const QString &message) -> std::optional<CrmRecords> {
        if (error)
            *error = message;
        return std::nullopt;
    };
    const auto strings = [](const QJsonValue &value, QStringList *out) {
        if (!value.isArray())
            return false;
        for (const QJsonValue &v : value.toArray()) {
            if (!v.isString())
                return false;
            *out << v.toString();
        }
        return true;
    };
    CrmRecords crm;
    if (!strings(json.value(QStringLiteral("columns")), &crm.columns))
        return fail(QStringLiteral("request.crm.columns: expected an array of strings"));
    const QJsonValue records = json.value(QStringLiteral("records"));
    if (!records.isObject() && !records.isUndefined())
        return fail(QStringLiteral("request.crm.records: expected an object"));
    const QJsonObject object = records.toObject();
    for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
        QStringList values;
        if (!strings(it.value(), &values) || values.size() > crm.columns.size())
            return fail(
                QStringLiteral("request.crm.records.%1: expected at most one string per column")
                    .arg(it.key()));
        crm.byDomain.insert(it.key(), values);
    }
    return crm;
}

} // namespace gtm
