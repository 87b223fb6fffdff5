#pragma once

#include "goal/GoalModel.h"
#include "model/CompanyResult.h"
#include "net/CancelToken.h"

#include <QCoroTask>
#include <QDate>

namespace gtm {

struct AnalysisInput
{
    QString goal;
    QString domain;
    QString companyName;
    QList<Evidence> evidence; // deduplicated
    // The facets the user confirmed or edited; empty: parsed from `goal`.
    std::optional<GoalModel> goalModel;
    QDate referenceDate; // what "recently" counts back from; invalid: today
    CancelToken cancel; // the run's: a raised token ends an LLM request early
};

struct AnalysisOutcome
{
    double confidence = 0.0; // [0, 1]
    QStringList technologies;
    QList<GoalSignal> signalsFound; // indexes into AnalysisInput::evidence
    QString analyzer;               // "heuristic", "gemini:gemini-2.5-flash-lite", ...
    QString notice;                 // e.g. "LLM answer malformed, used the offline analyzer"
    // Why an analyzer could not answer, by its name, for the row's errors (and so --json, the
    // session file and domain_analyzed events): "gemini:gemini-2.5-flash-lite" -> the reason.
    QMap<QString, QString> errors;
    qint64 promptTokens = 0;
    qint64 completionTokens = 0;
};

// Turns a company's evidence into a confidence, technologies and goal-match signals.
class Analyzer
{
public:
    virtual ~Analyzer() = default;
    virtual QString name() const = 0;
    virtual QCoro::Task<AnalysisOutcome> analyze(AnalysisInput input) = 0;
};

} // namespace gtm
