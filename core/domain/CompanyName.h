#pragma once

#include <QString>

namespace gtm {

// "stripe.com" -> "Stripe", "acme-robotics.co.uk" -> "Acme Robotics": the name a person
// would search for, from the registrable part of the domain.
QString companyNameFromDomain(const QString &domain);

// "acme-robotics.co.uk" -> "acme-robotics": the label job boards and slugs are built from.
QString registrableLabel(const QString &domain);

} // namespace gtm
