#pragma once

#include "analysis/HeuristicAnalyzer.h"

#include <QHash>
#include <QList>
#include <QString>

namespace gtm::bench {

struct LabelledGoal
{
    QString id;
    QString text;
};

struct LabelledCompany
{
    QString domain;
    QString split; // "dev" (used while calibrating) or "heldout" (never looked at while tuning)
    QString note;
    QList<Evidence> evidence;
    QHash<QString, bool> truth; // goal id -> should a rep look at it
};

struct LabelledFixture
{
    QList<LabelledGoal> goals;
    QList<LabelledCompany> companies;
};

std::optional<LabelledFixture> loadFixture(const QString &path, QString *error);

struct Counts
{
    int tp = 0, fp = 0, fn = 0, tn = 0;
    double precision() const { return tp + fp ? double(tp) / (tp + fp) : 1.0; }
    double recall() const { return tp + fn ? double(tp) / (tp + fn) : 1.0; }
    double f1() const
    {
        const double p = precision(), r = recall();
        return p + r > 0 ? 2 * p * r / (p + r) : 0.0;
    }
    void add(bool predicted, bool truth)
    {
        (predicted ? (truth ? tp : fp) : (truth ? fn : tn)) += 1;
    }
};

struct Miss
{
    QString goal;
    QString domain;
    double confidence;
    bool truth;
    QString note;
    QString split;
};

struct Scores
{
    QHash<QString, Counts> perGoal;
    QHash<QString, Counts> perSplit; // "dev", "heldout"
    Counts overall;
    QList<Miss> misses;
};

// Runs the analyzer over every company x goal, on the calling thread.
Scores score(const HeuristicAnalyzer &analyzer, const LabelledFixture &fixture, double threshold);

} // namespace gtm::bench
