#pragma once

#include "Channel.h"
#include "CrmRecords.h"
#include "Depth.h"

#include <QJsonObject>
#include <QStringList>
#include <optional>

namespace gtm {

struct ResearchRequest
{
    QString goal;
    QStringList domains;
    Depth depth = Depth::Standard;
    int maxParallelSearches = 20;
    double confidenceThreshold = 0.7;
    QStringList sources = channel::all();
    CrmRecords crm; // the imported CRM export's other columns; empty for a typed list

    QJsonObject toJson() const;
    static std::optional<ResearchRequest> fromJson(const QJsonObject &json, QString *error);

    bool operator==(const ResearchRequest &) const = default;
};

} // namespace gtm
