#include "CompanyEvidence.h"

#include "domain/CompanyName.h"
#include "text/Text.h"

#include <QUrl>

namespace gtm::sources {

bool isCompanyHost(const QString &host, const QString &domain)
{
    const QString h = host.toLower();
    const QString d = domain.toLower();
    if (h.isEmpty() || d.isEmpty())
        return false;
    return h == d || h.endsWith(u'.' + d);
}

bool namesCompany(const QString &text, const QString &companyName, const QString &domain)
{
    if (text::containsWord(text, domain))
        return true;
    const QString name = companyName.isEmpty() ? companyNameFromDomain(domain) : companyName;
    return text::containsWord(text, name);
}

bool belongsToCompany(const Evidence &evidence, const QString &domain, const QString &companyName)
{
    const QString host = QUrl(evidence.url).host();
    if (isCompanyHost(host, domain))
        return true;
    return namesCompany(evidence.title, companyName, domain)
        || namesCompany(evidence.snippet, companyName, domain);
}

QList<Evidence> keepCompanyEvidence(
    const QList<Evidence> &evidence, const QString &domain, const QString &companyName)
{
    QList<Evidence> kept;
    for (const Evidence &e : evidence)
        if (belongsToCompany(e, domain, companyName))
            kept << e;
    return kept;
}

} // namespace gtm::sources
