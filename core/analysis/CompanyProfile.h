#pragma once

#include <QList>
#include <QString>

namespace gtm {

// What a company is, read from all its evidence at once, the way an analyst skims its pages:
// for the business-model and customer-segment facets, whose one-sentence formulas each writer
// words differently. Word classes (kinds of buyers, roles, pricing, how software is delivered)
// are looked for across the items; several independent weak cues may reach a match, one alone
// never does. A cue said as a plan, as the past or in the negative does not count.

struct ProfileSentence
{
    QString lower;
    double weight = 0.0; // whose words: 1 the company's or naming it, 0.4 never naming it
    bool company = false; // the company's own words or a sentence that names it
};

struct ProfileItem
{
    int index = 0; // the evidence index
    QString source; // the site or provider: a second item of the same one is not independent
    QString titleLower;
    QString pathLower;
    bool posting = false;
    bool own = false; // its own site or job board
    QList<ProfileSentence> sentences; // someone else's sentences left out
    QList<int> sentenceIndexes; // the judge's sentence index of each
};

struct ProfileCue
{
    int item = -1; // evidence index
    int sentence = -1; // the judge's sentence index
    double strength = 0.0;
    QString reason;
};

struct ProfileReading
{
    double strength = 0.0; // [0, 1]
    QList<ProfileCue> support; // one per kind of cue, strongest first
    ProfileCue against; // the strongest cue that the company is not one (strength 0: none)
};

// Sells software to organisations: a product, sold and delivered as software (pricing,
// implementation, go-lives), organisations counted as its users, vendor roles in its postings;
// against: consumers pay for it, it runs the service itself, it is an agency, a maker of
// devices, an investor.
ProfileReading readSoftwareVendor(const QList<ProfileItem> &items);

// Its customers are healthcare providers or payers: such organisations named as its users or
// buyers, the clinicians who work in them, their workflows (claims, prior authorisation,
// charting, scheduling), pages addressed to them; against: it is one itself, health is one
// vertical among many, its buyers are pharma, schools or pet owners.
ProfileReading readHealthBuyers(const QList<ProfileItem> &items);

// Runs a two-sided marketplace: how it works, said anywhere in its pages: the company in
// between matches or connects the sides, one side lists, posts or prices, the company takes a
// cut, both sides named together, the word itself; against: software for marketplace
// operators, a staffing agency, its own inventory, a marketplace closed or planned.
ProfileReading readMarketplace(const QList<ProfileItem> &items);

} // namespace gtm
