#pragma once

#include "analysis/Analyzer.h"
#include "sources/Source.h"
#include "strategy/StrategyGenerator.h"

#include <QHash>
#include <QString>
#include <memory>
#include <vector>

namespace gtm {

struct PipelineServices;

// The clients one run uses: built from the settings and keys of the moment. A run holds its
// engine through a shared pointer, and so does every coroutine the run starts, so a new
// engine (Settings changed, keys arrived) never pulls the old one from under a run.
struct Engine
{
    std::vector<std::unique_ptr<Source>> sources;
    std::unique_ptr<Analyzer> analyzer;
    // Free of charge whatever `analyzer` is: judges whether paid queries are still needed.
    std::unique_ptr<Analyzer> offlineAnalyzer;
    std::unique_ptr<StrategyGenerator> strategyGenerator;
    QHash<QString, int> channelConcurrency; // PipelineServices::channelConcurrency
};

// What a pipeline gets from an engine; the services keep the engine alive.
PipelineServices pipelineServices(const std::shared_ptr<Engine> &engine);

} // namespace gtm
