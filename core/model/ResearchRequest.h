#pragma once

#include "Channel.h"
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

    QJsonObject toJson() const;
    static std::optional<ResearchRequest> fromJson(const QJsonObject &json, QString *error);

    bool operator==(const ResearchRequest &) const = default;
};

} // namespace gtm
