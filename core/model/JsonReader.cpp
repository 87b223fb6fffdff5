#include "JsonReader.h"

#include "WholeNumber.h"

namespace gtm {

JsonReader::JsonReader(const QJsonObject &object, QString path)
    : m_object(object)
    , m_path(std::move(path))
{
}

QString JsonReader::childPath(const QString &key, int index) const
{
    QString p = m_path.isEmpty() ? key : m_path + u'.' + key;
    if (index >= 0)
        p += u'[' + QString::number(index) + u']';
    return p;
}

void JsonReader::fail(const QString &message)
{
    if (m_error.isEmpty())
        m_error = message;
}

bool JsonReader::expect(const QString &key, QJsonValue::Type type, const char *typeName)
{
    const QJsonValue v = m_object.value(key);
    if (v.isUndefined() || v.isNull())
        return false;
    if (v.type() != type) {
        fail(childPath(key) + QStringLiteral(": expected ") + QLatin1StringView(typeName));
        return false;
    }
    return true;
}

QString JsonReader::string(const QString &key, const QString &fallback)
{
    return expect(key, QJsonValue::String, "a string") ? m_object.value(key).toString() : fallback;
}

QString JsonReader::requiredString(const QString &key)
{
    if (!m_object.contains(key) || m_object.value(key).isNull()) {
        fail(childPath(key) + QStringLiteral(": missing"));
        return {};
    }
    return string(key);
}

double JsonReader::number(const QString &key, double fallback)
{
    return expect(key, QJsonValue::Double, "a number") ? m_object.value(key).toDouble() : fallback;
}

qint64 JsonReader::integer(const QString &key, qint64 fallback)
{
    if (!expect(key, QJsonValue::Double, "a number"))
        return fallback;
    const std::optional<qint64> n = wholeNumber<qint64>(m_object.value(key).toDouble());
    if (!n) {
        fail(childPath(key) + QStringLiteral(": expected a whole number"));
        return fallback;
    }
    return *n;
}

qint64 JsonReader::integer(const QString &key, qint64 fallback, qint64 min, qint64 max)
{
    const qint64 n = integer(key, fallback);
    if (n < min || n > max) {
        fail(childPath(key) + QStringLiteral(": must be between %1 and %2").arg(min).arg(max));
        return fallback;
    }
    return n;
}

bool JsonReader::boolean(const QString &key, bool fallback)
{
    return expect(key, QJsonValue::Bool, "true or false") ? m_object.value(key).toBool() : fallback;
}

QStringList JsonReader::stringList(const QString &key)
{
    QStringList out;
    if (!expect(key, QJsonValue::Array, "an array"))
        return out;
    const QJsonArray a = m_object.value(key).toArray();
    for (int i = 0; i < a.size(); ++i) {
        if (!a.at(i).isString()) {
            fail(childPath(key, i) + QStringLiteral(": expected a string"));
            return {};
        }
        out << a.at(i).toString();
    }
    return out;
}

QJsonArray JsonReader::array(const QString &key)
{
    return expect(key, QJsonValue::Array, "an array") ? m_object.value(key).toArray() : QJsonArray{};
}

QJsonObject JsonReader::object(const QString &key)
{
    return expect(key, QJsonValue::Object, "an object") ? m_object.value(key).toObject()
                                                          : QJsonObject{};
}

} // namespace gtm
