#pragma once

#include "model/Evidence.h"

#include <QList>

namespace gtm::sources {

// Whether host is the company's domain or one of its subdomains ("www.stripe.com",
// "docs.stripe.com" for "stripe.com").
bool isCompanyHost(const QString &host, const QString &domain);

// Whether text names the company: its name or its domain as a whole word, any case.
bool namesCompany(const QString &text, const QString &companyName, const QString &domain);

// Evidence belongs to the company when it comes from the company's own site, or, from any
// other site, when its title or snippet names the company. Keeps another company's pages (a
// search for "stripe" that returns adyen.com) out of this company's evidence.
bool belongsToCompany(const Evidence &evidence, const QString &domain, const QString &companyName);

// The evidence that belongs to the company, in order. companyName empty: from the domain.
QList<Evidence> keepCompanyEvidence(
    const QList<Evidence> &evidence, const QString &domain, const QString &companyName);

} // namespace gtm::sources
