#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace gtm {

// Reads typed fields out of a JSON object and remembers the first problem, so that a
// wrong type becomes a readable error ("evidence[2].url: expected a string") instead of a
// silently defaulted value.
class JsonReader
{
public:
    explicit JsonReader(const QJsonObject &object, QString path = {});

    QString string(const QString &key, const QString &fallback = {});
    QString requiredString(const QString &key);
    double number(const QString &key, double fallback = 0.0);
    qint64 integer(const QString &key, qint64 fallback = 0);
    // A whole number from min to max; anything else is a failure naming the range.
    qint64 integer(const QString &key, qint64 fallback, qint64 min, qint64 max);
    bool boolean(const QString &key, bool fallback = false);
    QStringList stringList(const QString &key);
    QJsonArray array(const QString &key);
    QJsonObject object(const QString &key);

    bool has(const QString &key) const { return m_object.contains(key); }
    QString childPath(const QString &key, int index = -1) const;

    void fail(const QString &message);
    bool ok() const { return m_error.isEmpty(); }
    QString error() const { return m_error; }

private:
    bool expect(const QString &key, QJsonValue::Type type, const char *typeName);

    QJsonObject m_object;
    QString m_path;
    QString m_error;
};

} // namespace gtm
