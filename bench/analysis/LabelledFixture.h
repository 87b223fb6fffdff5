#pragma once

#include "analysis/HeuristicAnalyzer.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

namespace gtm::bench {

struct LabelledGoal
{
    QString id;
    QString text;
    QString kind; // eval files: "tech_use", "funding_recency", ...; old fixture: empty
};

struct LabelledCompany
{
    QString domain;
    QString name; // eval files give it; empty: derived from the domain
    QString split; // "dev" (used while calibrating) or "heldout" (never looked at while tuning)
    QString note;
    QList<Evidence> evidence;
    QHash<QString, bool> truth; // goal id -> should a rep look at it
};

struct LabelledFixture
{
    QList<LabelledGoal> goals;
    QList<LabelledCompany> companies;
    QDate referenceDate; // what "recently" counts back from; invalid: today
};

// "dev", "heldout", "heldout2", ... name the files of tests/data/analysis/eval; anything else is a
// path.
QString evalPath(const QString &nameOrPath);

// The fresh held-out set nobody reads: benches score it per goal kind only, never a company.
// Once its cases have been read it becomes tuning data and the next fresh set takes its place.
bool isBlindSet(const QString &nameOrPath);

// Every evaluation set that is not blind, by name in the order written ("dev", "heldout",
// "heldout2", ...): a set joins the tuning data when isBlindSet lets it go, without an edit here.
// Blind files are only listed, never opened. `dir`: tests/data/analysis/eval unless given.
QStringList tuningSets();
QStringList tuningSets(const QString &dir);

// Reads the old fixture (tests/data/analysis/labelled-companies.json) and the evaluation files
// (tests/data/analysis/eval/*.json, format in tests/data/analysis/eval/README.md) alike.
std::optional<LabelledFixture> loadFixture(const QString &path, QString *error);

// loadFixture for the benches that fit or read cases: a blind set is refused by its name before
// its file is opened, so not even a parse error can tell anything about it.
std::optional<LabelledFixture> loadTuningFixture(const QString &nameOrPath, QString *error);

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
    // "P 0.912  R 0.880  F1 0.896  (tp 22 fp 2 fn 3 tn 257)", the benches' one row format.
    QString line() const;
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
    QHash<QString, Counts> perKind; // goal kinds of the eval files
    double macroF1 = 0.0; // mean of the per-goal F1
    double msPerCompany = 0.0; // all goals of one company, on this thread
    QHash<QString, Counts> perSplit; // "dev", "heldout"
    Counts overall;
    QList<Miss> misses;
};

// What the analyzer is given for one company x goal of a labelled set.
AnalysisInput analysisInput(
    const LabelledGoal &goal, const LabelledCompany &company, const LabelledFixture &fixture);

// Runs the analyzer over every company x goal, on the calling thread.
Scores score(const HeuristicAnalyzer &analyzer, const LabelledFixture &fixture, double threshold);

// The two naive keyword baselines the analyzer must beat, over title + snippet of all items.
// The key terms of a goal are its content words minus words that frame the request
// ("companies", "whose", "round"); words of six letters or more match by their first five.
// HalfKeyTerms: at least half of the key terms appear somewhere in the evidence (session 6;
// "every content word" matched no company at all on goals typed the way people type them);
// AnyKeyTerm: any key term appears.
enum class Baseline { HalfKeyTerms, AnyKeyTerm };
Scores scoreBaseline(
    const TechDictionary &dictionary, Baseline baseline, const LabelledFixture &fixture);

} // namespace gtm::bench
