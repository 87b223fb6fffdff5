#pragma once

#include <QHash>
#include <QJsonObject>
#include <QStringList>
#include <optional>

namespace gtm {

// The columns a CRM export carried besides the domain (Company, Owner, Record ID, ...), kept
// per domain so that results map back to the CRM's records. The names are the CRM's own, in
// the file's order.
struct CrmRecords
{
    QStringList columns;
    QHash<QString, QStringList> byDomain; // normalised domain -> one value per column

    bool isEmpty() const { return columns.isEmpty(); }
    // One value per column; empty cells for a domain the CRM did not list.
    QStringList valuesFor(const QString &domain) const;
    // The same columns with only the given domains' records (a list edited after the import).
    CrmRecords restrictedTo(const QStringList &domains) const;

    // {"columns": [...], "records": {"stripe.com": [...]}}
    QJsonObject toJson() const;
    static std::optional<CrmRecords> fromJson(const QJsonObject &json, QString *error);

    bool operator==(const CrmRecords &) const = default;
};

} // namespace gtm
