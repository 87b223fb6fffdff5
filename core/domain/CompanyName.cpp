#include "CompanyName.h"

#include <QSet>
#include <QStringList>

namespace gtm {

namespace {
// Second-level public suffixes common among company domains; a full public-suffix list is
// not worth its weight for picking a company's name.
bool isTwoLevelSuffix(const QString &a, const QString &b)
{
    static const QSet<QString> slds{QStringLiteral("co"),  QStringLiteral("com"),
                                    QStringLiteral("net"), QStringLiteral("org"),
                                    QStringLiteral("ac"),  QStringLiteral("gov"),
                                    QStringLiteral("ltd"), QStringLiteral("plc")};
    return b.size() == 2 && slds.contains(a);
}
} // namespace

QString registrableLabel(const QString &domain)
{
    QStringList labels = domain.toLower().split(u'.', Qt::SkipEmptyParts);
    if (labels.size() >= 2 && labels.first() == u"www")
        labels.removeFirst();
    if (labels.size() >= 3 && isTwoLevelSuffix(labels.at(labels.size() - 2), labels.last()))
        return labels.at(labels.size() - 3);
    if (labels.size() >= 2)
        return labels.at(labels.size() - 2);
    return labels.value(0);
}

QString companyNameFromDomain(const QString &domain)
{
    const QString label = registrableLabel(domain);
    QStringList words = label.split(u'-', Qt::SkipEmptyParts);
    for (QString &w : words)
        w[0] = w.at(0).toUpper();
    return words.join(u' ');
}

} // namespace gtm
