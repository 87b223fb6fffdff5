#include "SessionFile.h"

#include "BoundedRead.h"
#include "ErrorOut.h"
#include "Version.h"
#include "domain/DomainNormalizer.h"
#include "goal/GoalModel.h"
#include "model/WholeNumber.h"

#include <QBuffer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QSet>
#include <QStringDecoder>
#include <QUrl>
#include <QUrlQuery>
#include <algorithm>
#include <cerrno>
#include <cstring>

#ifdef Q_OS_UNIX
#include <unistd.h>
#endif

namespace gtm {

namespace {

const QString kFormatName = QStringLiteral("gtm-research-session");
// Sessions of a few thousand companies are tens of megabytes; anything this big is not one.

// Query parameters that carry credentials in some services' URLs (NewsAPI takes apiKey=...).
// A source should never put one into an evidence URL; if one does, it stops here.
bool isCredentialParameter(const QString &name)
{
    static const QStringList names {
        QStringLiteral("apikey"),
        QStringLiteral("api_key"),
        QStringLiteral("api-key"),
        QStringLiteral("key"),
        QStringLiteral("token"),
        QStringLiteral("access_token"),
        QStringLiteral("auth"),
        QStringLiteral("secret"),
        QStringLiteral("client_secret"),
        QStringLiteral("password"),
        QStringLiteral("x-goog-api-key"),
        QStringLiteral("sig"),
    };
    return names.contains(name.toLower());
}

QString withoutCredentials(const QString &url)
{
    if (!url.contains(u'?'))
        return url;
    QUrl u(url);
    if (!u.isValid() || !u.hasQuery())
        return url;
    QUrlQuery query(u);
    bool changed = false;
    const auto items = query.queryItems(QUrl::FullyEncoded);
    for (const auto &item : items) {
        if (isCredentialParameter(item.first)) {
            query.removeAllQueryItems(item.first);
            changed = true;
        }
    }
    if (!changed)
        return url;
    u.setQuery(query);
    return u.toString();
}

QJsonObject resultToJson(const CompanyResult &result)
{
    CompanyResult copy = result;
    for (auto &e : copy.evidence)
        e.url = withoutCredentials(e.url);
    return copy.toJson();
}

bool looksBinary(const QByteArray &bytes)
{
    if (bytes.contains('\0'))
        return true;
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    const QString text = decoder.decode(bytes);
    Q_UNUSED(text);
    return decoder.hasError();
}

bool isCutOff(const QJsonParseError &parse, qsizetype size)
{
    switch (parse.error) {
    case QJsonParseError::UnterminatedObject:
    case QJsonParseError::UnterminatedArray:
    case QJsonParseError::UnterminatedString:
    case QJsonParseError::MissingObject:
    case QJsonParseError::IllegalNumber:
    case QJsonParseError::IllegalValue:
    case QJsonParseError::MissingNameSeparator:
    case QJsonParseError::MissingValueSeparator:
        // These are what a file cut short looks like when the parser is at its end.
        return parse.offset >= size - 1;
    default:
        return false;
    }
}

} // namespace

bool writeSessionJson(QIODevice *out, const RunState &state)
{
    // QJsonDocument's indented layout, written a member at a time: the whole session as one
    // document, and then its bytes, is several times the results' size (hundreds of megabytes
    // for 10,000 companies, at every autosave); one company at a time is a few kilobytes.
    bool ok = true;
    const auto write
        = [out, &ok](const QByteArray &bytes) { ok = ok && out->write(bytes) == bytes.size(); };
    const auto indented = [](QByteArray text, int level) {
        if (text.endsWith('\n'))
            text.chop(1);
        return text.replace("\n", QByteArray("\n" + QByteArray(4 * level, ' ')));
    };
    const auto object = [&indented](const QJsonObject &o, int level) {
        return indented(QJsonDocument(o).toJson(QJsonDocument::Indented), level);
    };
    const auto scalar = [](const QJsonValue &v) {
        const QByteArray text = QJsonDocument(QJsonArray { v }).toJson(QJsonDocument::Compact);
        return text.mid(1, text.size() - 2);
    };
    const auto member = [&write](const char *key, const QByteArray &value, bool last = false) {
        write(QByteArrayLiteral("    \"") + key + QByteArrayLiteral("\": ") + value
            + (last ? "\n" : ",\n"));
    };
    // One element per line group, like QJsonDocument's arrays.
    const auto array = [&write](const char *key, qsizetype count, const auto &element) {
        write(QByteArrayLiteral("    \"") + key + QByteArrayLiteral("\": [\n"));
        for (qsizetype i = 0; i < count; ++i)
            write(QByteArrayLiteral("        ") + element(i) + (i + 1 < count ? ",\n" : "\n"));
        write(QByteArrayLiteral("    ],\n"));
    };

    QStringList finished(state.finishedQueries.cbegin(), state.finishedQueries.cend());
    std::sort(finished.begin(), finished.end());
    QJsonArray strategies;
    for (const auto &s : state.strategies)
        strategies.append(s.toJson());

    // Keys in QJsonObject's order (sorted), as files written before looked.
    write(QByteArrayLiteral("{\n"));
    member("app_version", scalar(QString::fromLatin1(kVersion)));
    array("finished_queries", finished.size(), [&](qsizetype i) { return scalar(finished.at(i)); });
    member("format", scalar(kFormatName));
    member("metrics", object(state.metrics.toJson(), 1));
    member("request", object(state.request.toJson(), 1));
    array("results", state.results.size(),
        [&](qsizetype i) { return object(resultToJson(state.results.at(i)), 2); });
    member("saved_at", scalar(QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs)));
    member("strategies", indented(QJsonDocument(strategies).toJson(QJsonDocument::Indented), 1));
    member("version", scalar(kSessionFormatVersion), true);
    write(QByteArrayLiteral("}\n"));
    return ok;
}

QByteArray sessionToJson(const RunState &state)
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    writeSessionJson(&buffer, state);
    return bytes;
}

std::optional<RunState> sessionFromJson(const QByteArray &bytes, QString *error, SessionMeta *meta)
{
    if (bytes.trimmed().isEmpty()) {
        setError(error, QStringLiteral("The file is empty."));
        return std::nullopt;
    }
    if (looksBinary(bytes)) {
        setError(error,
            QStringLiteral("It is not a GTM Research session: it holds binary data, not text."));
        return std::nullopt;
    }
    QJsonParseError parse;
    const QJsonDocument doc = QJsonDocument::fromJson(bytes, &parse);
    if (parse.error != QJsonParseError::NoError) {
        if (isCutOff(parse, bytes.size()))
            setError(error,
                QStringLiteral("The file is incomplete: it ends after %1 bytes, in the middle of "
                               "the session (was it cut off while being copied?).")
                    .arg(bytes.size()));
        else
            setError(error,
                QStringLiteral("The file is damaged: %1 at byte %2.")
                    .arg(parse.errorString())
                    .arg(parse.offset));
        return std::nullopt;
    }
    const QJsonObject root = doc.object();
    if (!doc.isObject() || root.value(QStringLiteral("format")).toString() != kFormatName) {
        setError(error, QStringLiteral("It is not a GTM Research session."));
        return std::nullopt;
    }
    const QJsonValue versionValue = root.value(QStringLiteral("version"));
    const std::optional<int> versionNumber = wholeNumber<int>(versionValue.toDouble(-1));
    if (!versionValue.isDouble() || !versionNumber || *versionNumber < 1) {
        setError(error,
            QStringLiteral(
                "The file is damaged: its format version is not a positive whole number."));
        return std::nullopt;
    }
    const int version = *versionNumber;
    if (version > kSessionFormatVersion) {
        setError(error,
            QStringLiteral("This session was written by a newer GTM Research (format %1); "
                           "this version reads up to %2. Update GTM Research to open it.")
                .arg(version)
                .arg(kSessionFormatVersion));
        return std::nullopt;
    }

    const auto damaged = [error](const QString &what) {
        setError(error, QStringLiteral("The file is damaged: %1.").arg(what));
        return std::nullopt;
    };

    RunState state;
    QString why;
    if (!root.value(QStringLiteral("request")).isObject())
        return damaged(QStringLiteral("request: missing"));
    auto request
        = ResearchRequest::fromJson(root.value(QStringLiteral("request")).toObject(), &why);
    if (!request)
        return damaged(why);
    state.request = *request;
    // Edited facets judge every company of a resumed run: a file that garbles them is refused
    // here rather than judged by facets nobody chose.
    if (!state.request.goalFacets.isEmpty() && !GoalModel::fromJson(state.request.goalFacets, &why))
        return damaged(QStringLiteral("request.goal_facets: %1").arg(why));
    // A session is researched as it stands: its domains pass the same check as typed ones, so
    // that a file cannot send the research to "127.0.0.1:18120", "localhost" or "x/../../".
    QSet<QString> seen;
    for (qsizetype i = 0; i < state.request.domains.size(); ++i) {
        const QString &domain = state.request.domains.at(i);
        const DomainCheck check = normalizeDomain(domain);
        if (!check.ok() || check.domain != domain || seen.contains(domain))
            return damaged(QStringLiteral("request.domains[%1]: “%2” %3")
                               .arg(i)
                               .arg(domain.left(80),
                                   !check.ok()                 ? check.error
                                       : seen.contains(domain) ? QStringLiteral("is listed twice")
                                                               : QStringLiteral("is not written as "
                                                                                "a bare domain")));
        seen.insert(domain);
    }

    const QJsonValue strategies = root.value(QStringLiteral("strategies"));
    if (!strategies.isArray() && !strategies.isUndefined())
        return damaged(QStringLiteral("strategies: expected an array"));
    const QJsonArray strategyArray = strategies.toArray();
    for (qsizetype i = 0; i < strategyArray.size(); ++i) {
        if (!strategyArray.at(i).isObject())
            return damaged(QStringLiteral("strategies[%1]: expected an object").arg(i));
        auto s = QueryStrategy::fromJson(strategyArray.at(i).toObject(), &why);
        if (!s)
            return damaged(QStringLiteral("strategies[%1]: %2").arg(i).arg(why));
        state.strategies << *s;
    }

    const QJsonValue results = root.value(QStringLiteral("results"));
    if (!results.isArray() && !results.isUndefined())
        return damaged(QStringLiteral("results: expected an array"));
    const QJsonArray resultArray = results.toArray();
    state.results.reserve(resultArray.size());
    for (qsizetype i = 0; i < resultArray.size(); ++i) {
        if (!resultArray.at(i).isObject())
            return damaged(QStringLiteral("results[%1]: expected an object").arg(i));
        auto r = CompanyResult::fromJson(resultArray.at(i).toObject(), &why);
        if (!r)
            return damaged(QStringLiteral("results[%1]: %2").arg(i).arg(why));
        state.results << *r;
    }

    const QJsonValue finished = root.value(QStringLiteral("finished_queries"));
    if (!finished.isArray() && !finished.isUndefined())
        return damaged(QStringLiteral("finished_queries: expected an array"));
    for (const auto &v : finished.toArray()) {
        if (!v.isString())
            return damaged(QStringLiteral("finished_queries: expected strings"));
        state.finishedQueries.insert(v.toString());
    }

    const QJsonValue metrics = root.value(QStringLiteral("metrics"));
    if (metrics.isObject()) {
        auto m = RunMetrics::fromJson(metrics.toObject(), &why);
        if (!m)
            return damaged(why);
        state.metrics = *m;
    } else if (!metrics.isUndefined()) {
        return damaged(QStringLiteral("metrics: expected an object"));
    }

    if (meta) {
        meta->version = version;
        meta->savedAt = QDateTime::fromString(
            root.value(QStringLiteral("saved_at")).toString(), Qt::ISODateWithMs);
        meta->appVersion = root.value(QStringLiteral("app_version")).toString();
    }
    return state;
}

QString describeWriteError(QFileDevice::FileError error, int errnoValue, const QString &qtText)
{
    // Qt reports ENOSPC as a ResourceError; by the time QSaveFile answers, its text is often
    // just "Unknown error".
    if (error == QFileDevice::ResourceError || errnoValue == ENOSPC || errnoValue == EDQUOT)
        return QStringLiteral("the disk is full. Free some space and save again; the previous "
                              "file is unchanged.");
    if (errnoValue == EFBIG)
        return QStringLiteral("the file is larger than this disk or account allows; the "
                              "previous file is unchanged.");
    if (qtText.isEmpty() || qtText == u"Unknown error")
        return errnoValue != 0 ? QString::fromLocal8Bit(std::strerror(errnoValue))
                               : QStringLiteral("the system did not say why");
    return qtText;
}

bool writeFileAtomically(const QString &path, const QByteArray &bytes, QString *error)
{
    return writeFileAtomically(
        path, [&bytes](QIODevice *out) { return out->write(bytes) == bytes.size(); }, error);
}

bool writeFileAtomically(
    const QString &path, const std::function<bool(QIODevice *)> &write, QString *error)
{
    const QString name = QFileInfo(path).fileName();
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        setError(error, QStringLiteral("Cannot save “%1”: %2").arg(name, file.errorString()));
        return false;
    }
    errno = 0;
    if (!write(&file) || !file.flush()) {
        const QString why = describeWriteError(file.error(), errno, file.errorString());
        file.cancelWriting();
        setError(error, QStringLiteral("Cannot save “%1”: %2").arg(name, why));
        return false;
    }
#ifdef Q_OS_UNIX
    // The rename is only as durable as the data under it: a power cut after commit() must
    // find the new contents, not an empty file.
    if (::fsync(file.handle()) != 0) {
        const int fsyncErrno = errno;
        file.cancelWriting();
        const QString why = fsyncErrno == ENOSPC || fsyncErrno == EDQUOT
            ? describeWriteError(QFileDevice::ResourceError, fsyncErrno, {})
            : QStringLiteral("the disk refused to flush it");
        setError(error, QStringLiteral("Cannot save “%1”: %2").arg(name, why));
        return false;
    }
#endif
    errno = 0;
    if (!file.commit()) {
        setError(error,
            QStringLiteral("Cannot save “%1”: %2")
                .arg(name, describeWriteError(file.error(), errno, file.errorString())));
        return false;
    }
    return true;
}

bool saveSession(const QString &path, const RunState &state, QString *error)
{
    return writeFileAtomically(
        path, [&state](QIODevice *out) { return writeSessionJson(out, state); }, error);
}

std::optional<RunState> loadSession(const QString &path, QString *error)
{
    return loadSession(path, error, nullptr);
}

std::optional<RunState> loadSession(const QString &path, QString *error, SessionMeta *meta)
{
    const QString name = QFileInfo(path).fileName();
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        setError(error, QStringLiteral("“%1” cannot be opened: %2").arg(name, file.errorString()));
        return std::nullopt;
    }
    QString tooLarge;
    const auto read = readBounded(file, kMaxSessionBytes, name, &tooLarge);
    if (!read) {
        setError(error,
            QStringLiteral("“%1” cannot be opened. It is too large to be a GTM Research session "
                           "(more than %2 MB).")
                .arg(name)
                .arg(kMaxSessionBytes >> 20));
        return std::nullopt;
    }
    const QByteArray &bytes = *read;
    QString why;
    auto state = sessionFromJson(bytes, &why, meta);
    if (!state)
        setError(error, QStringLiteral("“%1” cannot be opened. %2").arg(name, why));
    return state;
}

} // namespace gtm
