// The SQLite side of SqlDialect: the engine of a library kept in one file.

#include "libraryerrors.h"
#include "searchquery.h"
#include "sqldialect.h"

#include <QCoreApplication>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QSysInfo>

#include <cerrno>
#include <csignal>

namespace galley {

namespace {

class SqliteDialect final : public SqlDialect {
public:
    Kind kind() const override { return Kind::SQLite; }
    QString driverName() const override { return u"QSQLITE"_qs; }

    bool setUpConnection(QSqlDatabase &db, bool readOnly, QSqlError *error) const override {
        // A library opened only to read must not write even the journal mode into the file.
        if (readOnly)
            return true;
        return run(db, u"PRAGMA foreign_keys = ON"_qs, error) && run(db, u"PRAGMA journal_mode = WAL"_qs, error);
    }

    QStringList beginWrite() const override { return {u"BEGIN IMMEDIATE"_qs}; }
    QStringList beginStoryWrite() const override { return beginWrite(); }
    QString lockSlugClaims() const override { return {}; }
    QString beginRead() const override { return u"BEGIN"_qs; }

    int readVersion(const QSqlDatabase &db, QSqlError *error) const override {
        QSqlQuery query(db);
        if (!query.exec(u"PRAGMA user_version"_qs) || !query.next()) {
            if (error)
                *error = query.lastError();
            return -1;
        }
        return query.value(0).toInt();
    }
    QStringList writeVersion(int version) const override {
        // PRAGMA takes no bound values; the version is our own integer.
        return {u"PRAGMA user_version = %1"_qs.arg(version)};
    }
    QString countTables() const override { return u"SELECT COUNT(*) FROM sqlite_master"_qs; }

    QString lastInsertedSearchRow() const override { return u"last_insert_rowid()"_qs; }

    QString searchMatch(const QString &userText) const override { return ftsMatchExpression(userText); }
    QString searchCondition() const override {
        return u"s.id IN (SELECT story_id FROM story_search WHERE story_search MATCH :match)"_qs;
    }
    QString rankedMatches(int window, QString *rankOrder) const override {
        // BM25: lower is better. Columns: story_id, headline, deck, body, bylines, slug, pictures,
        // pull_quotes. The search row is rewritten on every save, so a higher rowid is a later save.
        if (rankOrder)
            *rankOrder = u"m.score"_qs;
        return u"SELECT story_id, bm25(story_search, 0.0, 10.0, 4.0, 1.0, 4.0, 2.0, 1.0, 1.0) AS score FROM story_search"
               u" WHERE story_search MATCH :match ORDER BY rowid DESC LIMIT %1"_qs.arg(window);
    }
    QString rankedSearchSettings() const override { return {}; }
    QString replaceSearchRow() const override { return {}; }
    QString insertSearchRow() const override {
        return u"INSERT INTO story_search (story_id, headline, deck, body, bylines, slug, pictures, pull_quotes)"
               u" VALUES (?, ?, ?, ?, ?, ?, ?, ?)"_qs;
    }
    QString searchText(const QString &text) const override { return text; }

    QString appendToJsonArray(const QString &column) const override {
        return u"json_insert(%1, '$[#]', ?)"_qs.arg(column);
    }
    QString wireSlugExpression() const override {
        // json_valid() keeps a damaged metadata cell from failing every write to the table.
        return u"CASE WHEN json_valid(metadata) THEN json_extract(metadata, '$.slugline') END"_qs;
    }

    QString connectionId(const QSqlDatabase &) const override {
        return QString::number(QCoreApplication::applicationPid());
    }
    bool isConnectionAlive(const QSqlDatabase &, const QString &id, const QString &machine) const override {
        if (machine != QSysInfo::machineHostName())
            return true;
        bool ok = false;
        const qint64 pid = id.toLongLong(&ok);
        if (!ok || pid <= 0)
            return false;
        // Signal 0 only asks whether the process exists (EPERM: it does, under another user).
        return ::kill(pid_t(pid), 0) == 0 || errno == EPERM;
    }

    QString describeError(const QSqlError &error, const QString &shownName) const override {
        return describeLibraryError(error, shownName);
    }
};

} // namespace

const SqlDialect &SqlDialect::sqlite() {
    static const SqliteDialect dialect;
    return dialect;
}

bool SqlDialect::run(QSqlDatabase &db, const QString &sql, QSqlError *error) {
    QSqlQuery query(db);
    if (query.exec(sql))
        return true;
    if (error)
        *error = query.lastError();
    return false;
}

const SqlDialect &SqlDialect::of(const QSqlDatabase &db) {
    return db.driverName() == postgresql().driverName() ? postgresql() : sqlite();
}

} // namespace galley
