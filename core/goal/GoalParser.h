#pragma once

#include "goal/GoalModel.h"
#include "lexicon/TechDictionary.h"

#include <QDate>

namespace gtm {

// What a research goal asks for, read with the technology dictionary: "Find fintech companies
// using AI for fraud detection" -> topics {AI / machine learning, fraud detection}, industry
// {fintech}; "Companies hiring Go developers" -> technology Go, intent hiring, role developer.
struct ParsedGoal
{
    QString text;
    QList<int> technologies; // dictionary indexes, in goal order
    QList<TermHit> technologyHits; // where each of them is first named (same order)
    bool anyTechnology = false; // "Python or Go": one of them is enough
    QList<int> concepts; // concept indexes: topics, industries, intents
    QStringList roles; // "data scientist", "backend engineer"
    QStringList phrases; // words of the goal no dictionary entry covers ("carbon accounting")
    QStringList keywords; // every content word, lower-cased: the relevance query

    bool hasConcept(const TechDictionary &dict, const QString &id) const;
};

ParsedGoal parseGoal(const TechDictionary &dict, const QString &goal);

// parseGoalModel (GoalModel.h) reading "since Dec 2025" or "in 2026" back from `today` rather
// than from the current date: a run's reference date, a labelled set's writing date.
GoalModel parseGoalModel(const TechDictionary &dictionary, const QString &goal, QDate today);

// Words that carry no meaning in a goal or a query ("find", "companies", "using").
bool isGoalStopword(const QString &lowerWord);

} // namespace gtm
