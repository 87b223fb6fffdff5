#pragma once

#include <QList>
#include <QString>

namespace gtm {

// The rules of one robots.txt (RFC 9309) for one crawler: the group naming our product
// token, else the "*" group. Longest matching rule wins, Allow on a tie; '*' and '$' are
// wildcards.
class RobotsTxt
{
public:
    RobotsTxt() = default; // allows everything
    static RobotsTxt parse(const QString &text, const QString &productToken);
    static RobotsTxt disallowAll();

    bool allows(const QString &pathAndQuery) const;

private:
    struct Rule
    {
        QString pattern;
        bool allow = false;
    };
    QList<Rule> m_rules;
};

} // namespace gtm
