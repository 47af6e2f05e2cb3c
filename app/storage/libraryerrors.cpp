#include "libraryerrors.h"

#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>
#include <QStorageInfo>
#include <QSqlError>

namespace galley {

namespace {

QString shown(const QString &path)
{
    return QDir::toNativeSeparators(path);
}

} // namespace

int sqliteCode(const QSqlError &error)
{
    bool ok = false;
    const int code = error.nativeErrorCode().toInt(&ok);
    // Extended codes keep the primary code in their low byte.
    return ok ? (code & 0xff) : -1;
}

QString describeLibraryError(int code, const QString &path, const QString &detail, qint64 bytesAvailable)
{
    const QString file = shown(path);
    constexpr qint64 NearlyFullBytes = 1024 * 1024;
    const bool diskFull = code == SqliteIoErrShmSize ||
                          ((code & 0xff) == int(SqliteCode::IoError) && bytesAvailable >= 0 &&
                           bytesAvailable < NearlyFullBytes);
    if (diskFull)
        code = int(SqliteCode::Full);
    switch (static_cast<SqliteCode>(code & 0xff)) {
    case SqliteCode::Busy:
    case SqliteCode::Locked:
        return u"The library “%1” is in use by another Galley window; close it and try again."_qs.arg(file);
    case SqliteCode::Full:
        return u"The disk holding the library “%1” is full, so nothing was saved; free some space and try again."_qs
            .arg(file);
    case SqliteCode::ReadOnly:
        return readOnlyLibraryMessage(path);
    case SqliteCode::Corrupt:
    case SqliteCode::NotADatabase:
        return u"The file “%1” is not a Galley library, or it is damaged; Galley has not changed it."_qs.arg(
            file);
    case SqliteCode::CantOpen:
        return u"The library “%1” could not be opened; check that its folder exists and that you may write to it."_qs
            .arg(file);
    case SqliteCode::IoError:
        return u"Galley could not read or write the library “%1” because of a disk error; nothing was saved."_qs
            .arg(file);
    default:
        break;
    }
    if (detail.trimmed().isEmpty())
        return u"The library “%1” could not be used."_qs.arg(file);
    return u"The library “%1” could not be used: %2."_qs.arg(file, detail.trimmed());
}

QString describeLibraryError(int code, const QString &path, const QString &detail)
{
    const QStorageInfo storage(QFileInfo(path).absolutePath());
    return describeLibraryError(code, path, detail, storage.isValid() ? storage.bytesAvailable() : -1);
}

QString describeLibraryError(const QSqlError &error, const QString &path)
{
    QString detail = error.databaseText();
    if (detail.isEmpty())
        detail = error.driverText();
    // The whole code, so that an extended one (the shared-memory error) keeps its meaning.
    bool ok = false;
    const int code = error.nativeErrorCode().toInt(&ok);
    return describeLibraryError(ok ? code : -1, path, detail);
}

bool isServerConnectionLost(const QSqlError &error)
{
    const QString code = error.nativeErrorCode();
    QString detail = error.databaseText().trimmed();
    if (detail.isEmpty())
        detail = error.driverText().trimmed();
    const auto says = [&](const char *words) { return detail.contains(QLatin1String(words), Qt::CaseInsensitive); };
    return code.startsWith(u"08"_qs) || code.startsWith(u"57P"_qs) || says("server closed the connection") ||
           says("no connection to the server") || says("terminating connection") ||
           says("connection to server was lost") || says("could not send data to server") ||
           says("could not receive data from server");
}

QString roleLabel(const QStringList &roleKeys)
{
    if (roleKeys.isEmpty())
        return u"no Galley role"_qs;
    if (roleKeys.size() == 1)
        return roleKeys.constFirst();
    return roleKeys.mid(0, roleKeys.size() - 1).join(u", "_qs) + u" and "_qs + roleKeys.constLast();
}

QString roleRefusalMessage(const QString &what, const QString &user, const QStringList &roleKeys)
{
    QString rule;
    if (what == u"ready")
        rule = u"Only editors can move a story to Ready"_qs;
    else if (what == u"unready")
        rule = u"Only editors can move a story back from Ready"_qs;
    else if (what == u"publish")
        rule = u"Only producers can mark a story Published"_qs;
    else if (what == u"unpublish")
        rule = u"Only producers can take a story back from Published"_qs;
    else if (what == u"delete")
        rule = u"Only producers can delete a story"_qs;
    else if (what == u"restore")
        rule = u"Only producers can bring a story back from the Trash"_qs;
    else if (what == u"not-draft")
        rule = u"Reporters can change only drafts, and this story is past Draft"_qs;
    else if (what == u"not-own")
        rule = u"Reporters can change only their own drafts and drafts shared with the desk"_qs;
    else if (what == u"share")
        rule = u"Only the reporter who wrote a draft, or an editor, can share it with the desk"_qs;
    else if (what == u"owner")
        rule = u"Only whoever runs the server can change whose story it is"_qs;
    else if (what == u"take-over")
        rule = u"Only editors can take over a story another desk is editing"_qs;
    else
        rule = u"Your role may not change stories in this library"_qs;
    return u"%1; you are signed in to the newsroom as %2 (%3)."_qs.arg(rule, user, roleLabel(roleKeys));
}

QString describeServerError(const QSqlError &error, const QString &address)
{
    const QString code = error.nativeErrorCode();
    QString detail = error.databaseText().trimmed();
    if (detail.isEmpty())
        detail = error.driverText().trimmed();
    // Raised by schema step 15's triggers; the user name cannot hold "|" unnoticed, it is the
    // last field but one.
    static const QRegularExpression refusal(u"galley-refused\\|([a-z-]+)\\|(.*)\\|([a-z,]*)\\|"_qs);
    if (code == u"42501"_qs) {
        const QRegularExpressionMatch match = refusal.match(detail);
        if (match.hasMatch())
            return roleRefusalMessage(match.captured(1), match.captured(2),
                                      match.captured(3).split(u',', Qt::SkipEmptyParts));
    }
    const auto says = [&](const char *words) { return detail.contains(QLatin1String(words), Qt::CaseInsensitive); };
    if (says("does not exist") && says("database") && !says("role"))
        return u"The server has no database for the library “%1”; ask whoever runs the server to create it with "
               u"“galley admin init %1”."_qs.arg(address);
    if (code.startsWith(u"28"_qs) || says("password authentication failed") || says("no password supplied") ||
        says("peer authentication failed") || says("pg_hba.conf") ||
        (says("role") && says("does not exist")))
        return u"The server refused to let you into the library “%1”: check the user name in the address and your "
               u"password in ~/.pgpass (or PGPASSWORD)."_qs.arg(address);
    if (says("connection refused") || says("no such file or directory") ||
        says("could not translate host name") || says("timeout expired") || says("could not connect") ||
        (says("connection to server") && says("failed")))
        return u"Galley could not reach the server of the library “%1”: it is not running, or the address is wrong; "
               u"check the address and that the server is up."_qs.arg(address);
    if (isServerConnectionLost(error))
        return u"Galley lost its connection to the server of the library “%1”, so nothing was saved; check the "
               u"network and try again."_qs.arg(address);
    if (code == u"55P03"_qs || code == u"40P01"_qs || code == u"40001"_qs)
        return u"The library “%1” is busy with another desk's save; try again."_qs.arg(address);
    if (code == u"53100"_qs)
        return u"The disk of the server holding the library “%1” is full, so nothing was saved; tell whoever runs "
               u"the server."_qs.arg(address);
    if (code == u"25006"_qs)
        return u"The library “%1” was opened only to read, so Galley cannot save to it."_qs.arg(address);
    if (code == u"42501"_qs)
        return u"Your login on the server has no newsroom role in the library “%1”, or one that may not do that; "
               u"ask whoever runs the server to grant you one (galley admin grant USER reporter)."_qs.arg(address);
    if (detail.isEmpty())
        return u"The library “%1” could not be used."_qs.arg(address);
    // libpq's messages span lines ("ERROR:  ...\n\tHINT ..."): one line reads better in a box.
    detail = detail.simplified();
    if (detail.endsWith(u'.'))
        detail.chop(1);
    return u"The library “%1” could not be used: %2."_qs.arg(address, detail);
}

QString uninitializedServerMessage(const QString &address)
{
    return u"The database “%1” holds no Galley library yet; make it once with “galley admin init %1”."_qs.arg(address);
}

QString newerLibraryMessage(const QString &path, int fileVersion, int ourVersion)
{
    return u"The library “%1” was written by a newer version of Galley (library format %2; this Galley reads "
           u"up "
           u"to %3). Update Galley to open it; the file has not been changed."_qs.arg(shown(path))
               .arg(fileVersion)
               .arg(ourVersion);
}

QString readOnlyLibraryMessage(const QString &path)
{
    return u"The library “%1” is read-only, so Galley cannot save to it; check the file's permissions or "
           u"copy it "
           u"to a folder you can write to."_qs.arg(shown(path));
}

QString emptyFileMessage(const QString &path)
{
    return u"The file “%1” is empty, not a Galley library; Galley has not changed it. Name a new file to "
           u"start a library there."_qs.arg(shown(path));
}

QString olderReadOnlyLibraryMessage(const QString &path)
{
    return u"The library “%1” was made by an earlier version of Galley and must be updated before it can be "
           u"read; open it once in Galley with permission to write to it."_qs.arg(shown(path));
}

} // namespace galley
