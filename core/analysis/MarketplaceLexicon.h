#pragma once

#include <QRegularExpression>

// The words of a two-sided marketplace: its sides, how they meet and what the company in
// between earns, and the ways the word names something else (a sales channel, software for
// marketplace operators, a staffing agency). Shared by the facet judge's reading of one
// evidence item and the company profile's reading of all of them.
namespace gtm::marketplace {

// The two sides: who lists or offers (sellers, hosts, carriers, tutors) and who books or buys.
const QRegularExpression &supply();
const QRegularExpression &demand();
// What the company in between earns: a commission, a booking fee, a take rate.
const QRegularExpression &takeRate();
// How the sides meet: matched, connected, bidding, booking, browsing offers.
const QRegularExpression &matching();
// One side lists, posts or prices what it offers.
const QRegularExpression &listing();
// Software or payments sold to marketplace operators, an internal talent marketplace.
const QRegularExpression &software();
// Not one (any more): first-party stock, a marketplace closed or pivoted away from.
const QRegularExpression &notOne();
// A marketplace planned, piloted or still being decided.
const QRegularExpression &plannedOne();
// Said of the company itself: it has not opened yet ("Launching 2027.", "no hosts signed up yet").
const QRegularExpression &notLiveYet();
// The word itself, in the languages of the evidence.
const QRegularExpression &calledOne();
// Two sides and the match in one phrase: "connects nursing homes with per-diem nurses".
const QRegularExpression &twoSides();
// A staffing agency employs and places people itself.
const QRegularExpression &agencyModel();
// Marketplaces talked about, not run: "marketplaces like ...".
const QRegularExpression &othersMarketplaces();
// Phrases that say two-sided by themselves: "two-sided", "take rate", "hosts and guests".
const QRegularExpression &strong();
// A marketplace as somebody's sales channel: "sells on Amazon Marketplace".
const QRegularExpression &channel();
// Peers trading among themselves: "swap homes with each other", "entre particuliers".
const QRegularExpression &peers();
// What the sides do with each other: book, hire, rent, buy, sell, bid, swap.
const QRegularExpression &transacts();
// The company in between holds the money: "guarantees payment", "pays crew", payouts.
const QRegularExpression &holdsPayment();

// The company vets those who provide: "vetted removal companies", "sitters are screened".
const QRegularExpression &vetsProviders();
// Addressed to a buyer who books someone else's service: "Book a private chef", "Order dinner
// from a home cook", "Get quotes from vetted movers".
const QRegularExpression &buyerBooks();
// Those who provide are paid through it: "you keep 85%", "hosts earn per night", "we pay you
// weekly, minus our fee".
const QRegularExpression &supplyEarns();
// The supply side as a function of the company: "Head of Supply", "the doctor side of our
// platform", "balance supply and demand".
const QRegularExpression &supplyTeam();
// A directory: providers pay to be listed and the sides deal directly, nothing passes through.
const QRegularExpression &directory();
// A referral or affiliate programme pays partners too, for sending customers, not serving them.
const QRegularExpression &referral();

} // namespace gtm::marketplace
