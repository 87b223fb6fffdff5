#pragma once

#include "Analyzer.h"

#include <memory>

namespace gtm {

// Runs another analyzer with the goal facets the user confirmed or edited, instead of the
// facets each analyzer would read from the goal's text.
class GoalModelAnalyzer : public Analyzer
{
public:
    GoalModelAnalyzer(std::unique_ptr<Analyzer> inner, GoalModel model)
        : m_owned(std::move(inner))
        , m_inner(m_owned.get())
        , m_model(std::move(model))
    {
    }
    // Borrows `inner`, which must outlive this analyzer (the GUI's engine owns it).
    GoalModelAnalyzer(Analyzer *inner, GoalModel model)
        : m_inner(inner)
        , m_model(std::move(model))
    {
    }

    QString name() const override { return m_inner->name(); }
    QCoro::Task<AnalysisOutcome> analyze(AnalysisInput input) override
    {
        input.goalModel = m_model;
        return m_inner->analyze(std::move(input));
    }

private:
    std::unique_ptr<Analyzer> m_owned;
    Analyzer *m_inner;
    GoalModel m_model;
};

} // namespace gtm
