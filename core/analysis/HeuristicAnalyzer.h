#pragma once

#include "Analyzer.h"
#include "lexicon/TechDictionary.h"

#include <memory>

namespace gtm {

struct FacetJudgement;
// One signal per facet verdict, citing the evidence items and the deciding sentence, plus the
// strongest near-miss ("Not counted ... planned: ...").
QList<GoalSignal> facetSignals(const FacetJudgement &judgement);

// The offline analyzer: the technology dictionary with false-positive guards, the goal read
// into technologies, topics, industries and intents, each evidence item weighed by whether it
// is about this company and how relevant it is to the goal (BM25), negations counted against,
// agreement of independent sources counted for, and a logistic confidence calibrated so that
// 0.7 means "worth a rep's look". The CPU work runs on the thread pool.
class HeuristicAnalyzer : public Analyzer
{
public:
    explicit HeuristicAnalyzer(std::shared_ptr<const TechDictionary> dictionary);

    QString name() const override { return QStringLiteral("heuristic"); }
    QCoro::Task<AnalysisOutcome> analyze(AnalysisInput input) override;

    // The same analysis on the calling thread: for benchmarks and the LLM analyzer's fallback.
    AnalysisOutcome analyzeNow(const AnalysisInput &input) const;

    const std::shared_ptr<const TechDictionary> &dictionary() const { return m_dictionary; }

private:
    std::shared_ptr<const TechDictionary> m_dictionary;
};

} // namespace gtm
