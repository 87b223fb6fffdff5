#pragma once

#include "goal/GoalModel.h"
#include "model/Evidence.h"

#include <QHash>
#include <QJsonObject>
#include <QSet>
#include <QStringList>

namespace gtm {

// What a company's evidence says in words, learned from labelled companies rather than written
// as readings: a naive Bayes model over the words of all the evidence, trained on the writers'
// labelled sets for the goals whose facets it serves (bench_analysis --train-token-models).
// The facet judges' readings generalise to a new writer only as far as the writer uses the
// phrasings they know; the words learned across many writers carry over further
// (docs/bench-analysis.md, "Learned cues (session 9)"). The judge uses it as one more weak
// cue, never as a verdict.
class TokenModel
{
public:
    // The words of a text as the model counts them: folded, three letters or more, not a
    // number, cut to six letters so that "marketplaces" and "marketplace" are one word.
    static QSet<QString> words(const QString &text);
    // The words of a company: of every evidence item's title and snippet.
    static QSet<QString> words(const QList<Evidence> &evidence);

    // Trains on companies' words and labels (Bernoulli naive Bayes, words seen at least three
    // times, add-half smoothing).
    static TokenModel train(const QList<GoalFacet> &facets, const QList<QSet<QString>> &documents,
        const QList<bool> &labels);

    // The probability that a company with these words fits.
    double probability(const QSet<QString> &words) const;

    // Whether the model serves `facet`: the goal must have all of the model's facets.
    bool serves(const GoalModel &goal) const;
    const QList<GoalFacet> &facets() const { return m_facets; }

    QJsonObject toJson() const;
    static TokenModel fromJson(const QJsonObject &json);

    // The models trained on the tuning sets (resources/core/analysis/token-models.json).
    static const QList<TokenModel> &builtIn();

private:
    QList<GoalFacet> m_facets; // kind and value of each facet the model speaks for
    double m_base = 0.0; // log odds of a company with none of the words
    QHash<QString, double> m_weights; // what each word present adds to the log odds
};

} // namespace gtm
