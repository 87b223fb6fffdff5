#pragma once

#include <memory>

namespace gtm {

class BudgetLedger;
struct PipelineServices;

// A run's clients under the ledger's budgets: each paid source with a cap, and an LLM analyzer
// of a capped provider (falling back to the offline analyzer), are wrapped for this run only.
// The wrappers borrow the clients and keep their owner alive, so the engine itself stays as it
// was: the GUI hands the same engine to the next run, with a fresh ledger.
PipelineServices withBudgets(
    PipelineServices services, const std::shared_ptr<BudgetLedger> &ledger);

} // namespace gtm
