#pragma once

#include "Evidence.h"

#include <QList>
#include <QMap>
#include <QStringList>

namespace gtm {

enum class CompanyStatus { Queued, Searching, Analyzing, Done, NoEvidence, Failed, Cancelled };

QString statusToString(CompanyStatus status); // "no_evidence": stable, for files
std::optional<CompanyStatus> statusFromString(QStringView text);
bool isFinal(CompanyStatus status);
// The resume rule: a row runs again unless it ended on its own (done, no evidence, failed);
// a cancelled row is picked up again with the evidence it already has.
bool runsOnResume(CompanyStatus status);

// A goal-match signal ("uses TensorFlow for fraud scoring") and the evidence items, by index
// into CompanyResult::evidence, that support it.
struct GoalSignal
{
    QString text;
    QList<int> evidenceIndexes;
    // false: the analyzer looked and did not count it toward the confidence (a facet not shown,
    // a sentence it rejected); its text says so.
    bool counted = true;

    bool operator==(const GoalSignal &) const = default;
};

struct CompanyResult
{
    QString domain;
    CompanyStatus status = CompanyStatus::Queued;
    double confidence = 0.0;
    QStringList technologies;
    QList<GoalSignal> signalsFound;
    QList<Evidence> evidence;
    QStringList evidenceSources;     // distinct source names, in order of first evidence
    QMap<QString, QString> errors;   // source name -> readable reason
    QString analyzer;                // "heuristic", "gemini:gemini-2.5-flash-lite", ...
    // Paid queries not sent because the free sources had decided the company (free first,
    // issue 17); not an error.
    int skipped = 0;
    static inline const QString SkippedReason = QStringLiteral("decided by free sources");

    QStringList signalTexts() const;
    // The match rule, for the table, the status bar, metrics and every export: analysed, and
    // confident enough. A failed or cancelled row never matches, even at threshold 0.
    bool isMatch(double threshold) const
    {
        return status == CompanyStatus::Done && confidence >= threshold;
    }

    QJsonObject toJson() const;
    static std::optional<CompanyResult> fromJson(const QJsonObject &json, QString *error);

    bool operator==(const CompanyResult &) const = default;
};

} // namespace gtm
