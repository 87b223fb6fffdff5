#include "ResearchPipeline.h"

// Placeholder until the engine lands (issue 3): the interface is fixed, the run is not.
namespace gtm {

struct ResearchPipeline::Private
{
    PipelineServices services;
    RunState state;
    bool running = false;
};

ResearchPipeline::ResearchPipeline(PipelineServices services, QObject *parent)
    : QObject(parent)
    , d(std::make_unique<Private>())
{
    d->services = std::move(services);
}

ResearchPipeline::~ResearchPipeline() = default;

void ResearchPipeline::start(ResearchRequest request, QList<QueryStrategy> strategies)
{
    d->state = {};
    d->state.request = std::move(request);
    d->state.strategies = std::move(strategies);
}

void ResearchPipeline::resume(RunState state)
{
    d->state = std::move(state);
}

void ResearchPipeline::cancel() { }

bool ResearchPipeline::isRunning() const
{
    return d->running;
}

RunState ResearchPipeline::state() const
{
    return d->state;
}

} // namespace gtm
