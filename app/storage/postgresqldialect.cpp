// The PostgreSQL side of SqlDialect: the engine of a newsroom's shared library on a server.

#include "libraryerrors.h"
#include "searchquery.h"
#include "sqldialect.h"

#include <QSqlDatabase>
#include <QSqlQuery>

namespace galley {

namespace {

// Key of the advisory lock every write transaction takes ("Galley" in ASCII): writers take turns as
// they do on a SQLite file, while readers never wait.
constexpr qint64 WriteLockKey = 0x47616c6c6579;
// Lock classes of the two-key advisory locks of a story's save ("Gs" and "Gc" in ASCII): one per
// story (the key is hashtext() of its id), and the one lock for claiming a slug.
constexpr int StoryLockClass = 0x4773;
constexpr int SlugClaimClass = 0x4763;
// As SQLite's busy timeout: long enough to ride out another desk's save, short enough that nobody
// is left waiting.
constexpr int LockTimeoutMs = 2500;

class PostgresqlDialect final : public SqlDialect {
public:
    Kind kind() const override { return Kind::PostgreSQL; }
    QString driverName() const override { return u"QPSQL"_qs; }

    bool setUpConnection(QSqlDatabase &db, bool readOnly, QSqlError *error) const override {
        if (!run(db, u"SET lock_timeout = %1"_qs.arg(LockTimeoutMs), error) ||
            !run(db, u"SET client_min_messages = warning"_qs, error))
            return false;
        // The server's side of the keepalives Galley's connection asks for (storylibraryserver.cpp):
        // a desk whose network went quiet loses its session within about half a minute, and with
        // it its edit locks, rather than after the kernel's two hours. Any login may set these.
        if (!run(db, u"SELECT set_config('tcp_keepalives_idle', '15', false), "
                     u"set_config('tcp_keepalives_interval', '5', false), "
                     u"set_config('tcp_keepalives_count', '3', false), "
                     u"set_config('tcp_user_timeout', '30000', false)"_qs,
                 error))
            return false;
        return !readOnly || run(db, u"SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY"_qs, error);
    }

    QStringList beginWrite() const override {
        return {u"BEGIN"_qs, u"SELECT pg_advisory_xact_lock(%1)"_qs.arg(WriteLockKey)};
    }
    QStringList beginStoryWrite() const override {
        // Library lock first, then the story's, then (lockSlugClaims) the slug claim: no two writers
        // wait for each other in opposite orders. The materialized CTE is run before the outer
        // SELECT, which keeps that order in one round trip. A hashtext() collision only makes two
        // stories' saves take turns.
        return {u"BEGIN"_qs, u"WITH library AS MATERIALIZED (SELECT pg_advisory_xact_lock_shared(%1))"
                             u" SELECT pg_advisory_xact_lock(%2, hashtext(CAST(? AS text))) FROM library"_qs
                                 .arg(WriteLockKey)
                                 .arg(StoryLockClass)};
    }
    QString lockSlugClaims() const override {
        return u"SELECT pg_advisory_xact_lock(%1, 0)"_qs.arg(SlugClaimClass);
    }
    QString beginRead() const override { return u"BEGIN ISOLATION LEVEL REPEATABLE READ"_qs; }

    int readVersion(const QSqlDatabase &db, QSqlError *error) const override {
        QSqlQuery query(db);
        const auto failed = [&] {
            if (error)
                *error = query.lastError();
            return -1;
        };
        // A schema of the search path that exists but that this login may not use is one whose
        // library did not grant it a newsroom role; PostgreSQL would just skip it and see no library.
        if (!query.exec(u"SELECT EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = ANY (string_to_array("
                        u"replace(current_setting('search_path'), ' ', ''), ','))"
                        u" AND NOT has_schema_privilege(oid, 'USAGE'))"_qs) ||
            !query.next())
            return failed();
        if (query.value(0).toBool()) {
            if (error)
                *error = QSqlError(QString(), u"no schema of the search path may be used"_qs,
                                   QSqlError::StatementError, u"42501"_qs);
            return -1;
        }
        if (!query.exec(u"SELECT COUNT(*) FROM pg_tables WHERE schemaname = current_schema()"
                        u" AND tablename = 'galley_schema'"_qs) ||
            !query.next())
            return failed();
        if (query.value(0).toInt() == 0)
            return 0;
        if (!query.exec(u"SELECT version FROM galley_schema"_qs))
            return failed();
        return query.next() ? query.value(0).toInt() : 0;
    }
    QStringList writeVersion(int version) const override {
        return {u"CREATE TABLE IF NOT EXISTS galley_schema (version INTEGER NOT NULL)"_qs,
                u"DELETE FROM galley_schema"_qs,
                u"INSERT INTO galley_schema (version) VALUES (%1)"_qs.arg(version)};
    }
    QString countTables() const override {
        return u"SELECT COUNT(*) FROM pg_tables WHERE schemaname = current_schema()"_qs;
    }

    QString lastInsertedSearchRow() const override { return u"lastval()"_qs; }

    QString searchMatch(const QString &userText) const override {
        // Each word quoted and marked as a prefix ('harbour':* & 'wall':*), so no word is read as
        // tsquery syntax; the words hold no quote, the escape is for safety should the rule change.
        QStringList terms;
        for (const QString &word : searchWords(userText)) {
            QString folded = searchText(word);
            if (folded.isEmpty())
                continue;
            folded.replace(u'\\', u"\\\\"_qs).replace(u'\'', u"''"_qs);
            terms.append(u'\'' + folded + u"':*");
        }
        return terms.join(u" & "_qs);
    }
    QString searchCondition() const override {
        return u"s.id IN (SELECT story_id FROM story_search WHERE document @@ to_tsquery('simple', :match))"_qs;
    }
    QString rankedMatches(int window, QString *rankOrder) const override {
        // ts_rank's default weights {D 0.1, C 0.2, B 0.4, A 1.0} with insertSearchRow()'s labels give
        // the headline ten times the body, deck and bylines four times, the slug twice. Higher is
        // better; among equals the later save (higher rowid) first, which is the order the window
        // hands them on in, so the join to stories stops after the first few rows it needs.
        if (rankOrder)
            *rankOrder = u"m.score DESC, m.rowid DESC"_qs;
        // Ranked outside the window's subquery: PostgreSQL computes a cheap-looking select-list
        // function for every row before it sorts and limits, and ts_rank() unpacks each matching
        // story's whole vector, so a common word ranked every match in the library.
        return u"SELECT w.story_id, ts_rank(w.document, to_tsquery('simple', :match)) AS score, w.rowid FROM"
               u" (SELECT story_id, document, rowid FROM story_search WHERE document @@ to_tsquery('simple', :match)"
               u" ORDER BY rowid DESC LIMIT %1) AS w ORDER BY score DESC, w.rowid DESC"_qs.arg(window);
    }
    QString rankedSearchSettings() const override {
        // The planner does not count the cost of unpacking a story's tsvector (stored apart, TOAST),
        // so for a word in one story of ten it walks the newest rows testing each vector: 60-85 ms
        // in 100,000 stories. The GIN index's bitmap never unpacks one (its heap blocks are exact),
        // and only the window's 2,000 are ranked: 20-40 ms for any word (docs/storage.md, Figures).
        // Parallel workers cost more to start than they save on that.
        return u"SELECT set_config('enable_indexscan', 'off', true), set_config('enable_seqscan', 'off', true), "
               u"set_config('max_parallel_workers_per_gather', '0', true)"_qs;
    }
    QString insertSearchRow() const override {
        const auto field = [](char weight) {
            return u"setweight(to_tsvector('simple', CAST(? AS text)), '%1')"_qs.arg(QChar::fromLatin1(weight));
        };
        // headline A, deck B, body D, bylines B, slug C, pictures D, pull quotes D
        const QStringList fields = {field('A'), field('B'), field('D'), field('B'), field('C'), field('D'), field('D')};
        return u"INSERT INTO story_search (story_id, document) VALUES (?, "_qs + fields.join(u" || "_qs) + u')';
    }
    QString replaceSearchRow() const override {
        // The CTEs all see the rows as they were before the statement: "gone" deletes the row the
        // story points to, "added" inserts the new one, and the UPDATE points the story at it.
        return u"WITH gone AS (DELETE FROM story_search WHERE rowid = (SELECT search_rowid FROM stories WHERE id = ?)),"
               u" added AS ("_qs +
               insertSearchRow() +
               u" RETURNING rowid) UPDATE stories SET search_rowid = (SELECT rowid FROM added) WHERE id = ?"_qs;
    }
    QString searchText(const QString &text) const override {
        // As SQLite's unicode61 tokenizer with remove_diacritics 2: "café" is indexed as "cafe".
        const QString decomposed = text.normalized(QString::NormalizationForm_KD);
        QString out;
        out.reserve(decomposed.size());
        for (const QChar c : decomposed)
            if (!c.isMark())
                out.append(c);
        return out;
    }

    QString appendToJsonArray(const QString &column) const override {
        return u"CAST(CAST(%1 AS jsonb) || jsonb_build_array(CAST(? AS text)) AS text)"_qs.arg(column);
    }
    QString wireSlugExpression() const override { return u"galley_wire_slug(metadata)"_qs; }

    QString connectionId(const QSqlDatabase &db) const override {
        QSqlQuery query(db);
        if (!query.exec(u"SELECT pg_backend_pid()"_qs) || !query.next())
            return {};
        return query.value(0).toString();
    }
    bool isConnectionAlive(const QSqlDatabase &db, const QString &id, const QString &) const override {
        // The pid only: a role without pg_read_all_stats sees no more of other roles' sessions.
        QSqlQuery query(db);
        query.prepare(u"SELECT 1 FROM pg_stat_activity WHERE pid = ?"_qs);
        query.addBindValue(id.toInt());
        return query.exec() && query.next();
    }

    QString describeError(const QSqlError &error, const QString &shownName) const override {
        return describeServerError(error, shownName);
    }
};

} // namespace

const SqlDialect &SqlDialect::postgresql() {
    static const PostgresqlDialect dialect;
    return dialect;
}

} // namespace galley
