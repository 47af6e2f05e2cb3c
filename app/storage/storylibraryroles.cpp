// Newsroom roles (issue 10): the group roles a library's server knows its people by, what each may
// do (LibraryPermissions, for the window), and `galley admin init` / `grant` / `revoke`. The server
// enforces the rules itself with the triggers of schema step 15; this file only reads and grants.

#include "storylibrary.h"

#include "libraryerrors.h"
#include "logging.h"
#include "storylibrary_p.h"

namespace galley {

namespace {

const QList<LibraryRole> AllRoles = {LibraryRole::Reporter, LibraryRole::Editor, LibraryRole::Producer};

QString allGroupRoles() {
    QStringList names;
    for (const LibraryRole role : AllRoles)
        names.append(libraryRoleName(role));
    return names.join(u", "_qs);
}

QString fileHasNoRolesMessage() {
    return u"Roles belong to a newsroom library on a PostgreSQL server; in a library file every action is "
           u"allowed."_qs;
}

} // namespace

QString libraryRoleKey(LibraryRole role) {
    switch (role) {
    case LibraryRole::Reporter:
        return u"reporter"_qs;
    case LibraryRole::Editor:
        return u"editor"_qs;
    case LibraryRole::Producer:
        return u"producer"_qs;
    }
    return {};
}

QString libraryRoleName(LibraryRole role) {
    return u"galley_"_qs + libraryRoleKey(role);
}

std::optional<LibraryRole> libraryRoleFromString(const QString &text) {
    const QString key = text.trimmed().toLower();
    for (const LibraryRole role : AllRoles)
        if (key == libraryRoleKey(role) || key == libraryRoleName(role))
            return role;
    return std::nullopt;
}

bool LibraryPermissions::mayChange(const QString &owner, bool shared, StoryStatus status) const {
    if (everything || editor || producer)
        return true;
    return reporter && status == StoryStatus::Draft && (owner.isEmpty() || owner == user || shared);
}

bool LibraryPermissions::mayMove(StoryStatus from, StoryStatus to) const {
    if (from == to || everything)
        return true;
    if (from == StoryStatus::Published || to == StoryStatus::Published)
        return producer;
    if (from == StoryStatus::Ready || to == StoryStatus::Ready)
        return editor;
    return reporter || editor || producer;
}

QString LibraryPermissions::roleLabel() const {
    if (everything)
        return user.isEmpty() ? QString() : u"administrator"_qs; // a superuser "belongs" to every role
    QStringList keys;
    if (reporter)
        keys.append(libraryRoleKey(LibraryRole::Reporter));
    if (editor)
        keys.append(libraryRoleKey(LibraryRole::Editor));
    if (producer)
        keys.append(libraryRoleKey(LibraryRole::Producer));
    return galley::roleLabel(keys);
}

LibraryPermissions StoryLibrary::permissions(QString *error) const {
    LibraryPermissions allowed;
    if (!isOpen()) {
        allowed.everything = false;
        if (error)
            *error = notOpenMessage();
        return allowed;
    }
    if (d->dialect->kind() != SqlDialect::Kind::PostgreSQL)
        return allowed;
    allowed.everything = false;
    QSqlQuery query(d->db);
    query.prepare(u"SELECT current_user, galley_is_admin(CAST('stories' AS regclass)),"
                  u" galley_in_role('galley_reporter'), galley_in_role('galley_editor'),"
                  u" galley_in_role('galley_producer')"_qs);
    if (!d->exec(query, error) || !query.next())
        return allowed;
    allowed.user = query.value(0).toString();
    allowed.everything = query.value(1).toBool();
    allowed.reporter = query.value(2).toBool();
    allowed.editor = query.value(3).toBool();
    allowed.producer = query.value(4).toBool();
    return allowed;
}

std::optional<StoryOwnership> StoryLibrary::ownership(const QString &storyId, QString *error) const {
    if (!isOpen()) {
        if (error)
            *error = notOpenMessage();
        return std::nullopt;
    }
    QSqlQuery query(d->db);
    query.prepare(u"SELECT owner, shared FROM stories WHERE id = ? AND trashed IS NULL"_qs);
    query.addBindValue(storyId);
    if (!d->exec(query, error))
        return std::nullopt;
    if (!query.next()) {
        if (error)
            *error = u"That story is no longer in the library; it may have been deleted in another window."_qs;
        return std::nullopt;
    }
    return StoryOwnership{query.value(0).toString(), query.value(1).toInt() != 0};
}

bool StoryLibrary::setSharedWithDesk(const QString &storyId, bool shared, QString *error) {
    if (!isOpen()) {
        if (error)
            *error = notOpenMessage();
        return false;
    }
    QSqlQuery query(d->db);
    query.prepare(u"UPDATE stories SET shared = ? WHERE id = ? AND trashed IS NULL"_qs);
    query.addBindValue(shared ? 1 : 0);
    query.addBindValue(storyId);
    if (!d->exec(query, error))
        return false;
    if (query.numRowsAffected() == 1)
        return true;
    if (error)
        *error = u"That story is no longer in the library; it may have been deleted in another window."_qs;
    return false;
}

bool StoryLibrary::setUpRoles(QString *error) {
    if (!isOpen()) {
        if (error)
            *error = notOpenMessage();
        return false;
    }
    if (d->dialect->kind() != SqlDialect::Kind::PostgreSQL)
        return true;
    QSqlQuery query(d->db);
    for (const LibraryRole role : AllRoles) {
        query.prepare(u"SELECT 1 FROM pg_roles WHERE rolname = ?"_qs);
        query.addBindValue(libraryRoleName(role));
        if (!d->exec(query, error))
            return false;
        if (query.next())
            continue;
        query.finish();
        // Another desk's admin init (or a test beside this one) may make it at the same moment:
        // the loser of that race sees the winner's role, which is just as good.
        if (!query.exec(u"DO $$ BEGIN CREATE ROLE %1 NOLOGIN; EXCEPTION WHEN duplicate_object OR unique_violation "
                        u"THEN NULL; END $$"_qs.arg(libraryRoleName(role)))) {
            qCWarning(lcStorage) << "Cannot make role" << libraryRoleName(role) << query.lastError().text();
            if (error)
                *error = query.lastError().nativeErrorCode() == u"42501"_qs
                             ? u"The newsroom roles (galley_reporter, galley_editor, galley_producer) are not on the "
                               u"server yet, and your login may not make roles; run “galley admin init” as a login "
                               u"with the CREATEROLE privilege (or the server's superuser)."_qs
                             : d->dialect->describeError(query.lastError(), d->path);
            return false;
        }
        qCInfo(lcStorage) << "Made the role" << libraryRoleName(role);
    }
    if (!query.exec(u"SELECT current_schema()"_qs) || !query.next()) {
        d->fail(query.lastError(), error);
        return false;
    }
    const QString schema = quotedIdentifier(query.value(0).toString());
    query.finish();
    const QString roles = allGroupRoles();
    // Every role gets the same table privileges: what each may do with them is the triggers' to say
    // (schema step 15), so the rules live in one place and a role's members get their union.
    const QStringList statements = {
        u"GRANT USAGE ON SCHEMA %1 TO %2"_qs.arg(schema, roles),
        u"GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA %1 TO %2"_qs.arg(schema, roles),
        u"REVOKE INSERT, UPDATE, DELETE ON %1.galley_schema FROM %2"_qs.arg(schema, roles),
        u"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA %1 TO %2"_qs.arg(schema, roles),
        u"ALTER DEFAULT PRIVILEGES IN SCHEMA %1 GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO %2"_qs.arg(schema,
                                                                                                          roles),
        u"ALTER DEFAULT PRIVILEGES IN SCHEMA %1 GRANT USAGE, SELECT ON SEQUENCES TO %2"_qs.arg(schema, roles),
    };
    if (!d->beginWrite(error))
        return false;
    for (const QString &statement : statements) {
        if (!d->exec(statement, error)) {
            d->rollback();
            return false;
        }
    }
    if (!d->exec(u"COMMIT"_qs, error)) {
        d->rollback();
        return false;
    }
    return true;
}

bool StoryLibrary::setRoleMember(const QString &user, LibraryRole role, bool member, QString *error) {
    if (!isOpen()) {
        if (error)
            *error = notOpenMessage();
        return false;
    }
    if (d->dialect->kind() != SqlDialect::Kind::PostgreSQL) {
        if (error)
            *error = fileHasNoRolesMessage();
        return false;
    }
    QSqlQuery query(d->db);
    const auto exists = [&](const QString &name, bool *found) {
        query.prepare(u"SELECT 1 FROM pg_roles WHERE rolname = ?"_qs);
        query.addBindValue(name);
        if (!d->exec(query, error))
            return false;
        *found = query.next();
        query.finish();
        return true;
    };
    bool found = false;
    if (!exists(libraryRoleName(role), &found))
        return false;
    if (!found) {
        if (error)
            *error = u"The newsroom roles are not on the server yet; make them first with “galley admin init %1”."_qs
                         .arg(d->path);
        return false;
    }
    if (!exists(user, &found))
        return false;
    if (!found) {
        if (error)
            *error = u"There is no login “%1” on the server of the library “%2”; make it first (createuser %1), "
                     u"then grant it a role."_qs.arg(user, d->path);
        return false;
    }
    const QString sql = member ? u"GRANT %1 TO %2"_qs : u"REVOKE %1 FROM %2"_qs;
    if (!query.exec(sql.arg(libraryRoleName(role), quotedIdentifier(user)))) {
        qCWarning(lcStorage) << "Cannot change the roles of" << user << query.lastError().text();
        if (error)
            *error = query.lastError().nativeErrorCode() == u"42501"_qs
                         ? u"Your login may not give or take newsroom roles; run this as the login that ran "
                           u"“galley admin init” (or one with the CREATEROLE privilege)."_qs
                         : d->dialect->describeError(query.lastError(), d->path);
        return false;
    }
    return true;
}

} // namespace galley
