#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace gtm {

// The result of normalising one line of user input to a bare, lower-case, ASCII (punycode)
// domain. Exactly one of domain / error is set.
struct DomainCheck
{
    QString domain;
    QString error;

    bool ok() const { return error.isEmpty(); }
};

DomainCheck normalizeDomain(QStringView input);

struct DomainLine
{
    int line = 0; // 1-based line in the input
    QString input;
    QString domain; // normalised, when valid
    QString error;  // why it was rejected
};

struct DomainList
{
    QStringList domains;          // valid and distinct, in first-seen order
    QList<DomainLine> rejected;   // with reasons
    QList<DomainLine> duplicates; // valid but already listed
};

// Splits pasted text on new lines and commas. Blank entries and lines starting with '#'
// are ignored; every other entry is either a domain, a rejection or a duplicate.
DomainList parseDomainList(const QString &text);

} // namespace gtm
