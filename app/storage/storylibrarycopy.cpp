// Copying a whole library from one engine to the other (`galley copy-library`), and the per-story
// checksums that prove the copy equal to its original.

#include "storylibrary.h"

#include "logging.h"
#include "storylibrary_p.h"

#include <QCryptographicHash>
#include <QJsonDocument>

namespace galley {

namespace {

/// How a column's value is read for copying and hashing, whatever type the driver hands back
/// (SQLite's integers are qlonglong, PostgreSQL's int; a JSON array comes back as PostgreSQL's jsonb
/// prints it, with spaces, and as SQLite's json_insert() wrote it, without).
enum class Kind { Text, Bytes, Integer, Real, JsonText };

struct Column {
    QString name;
    Kind kind;
};

struct Table {
    QString name;
    QList<Column> columns;
    QString storyColumn; ///< the column naming the story; empty for tables of the whole library
    QString copyOrder;   ///< insertion order, so lists that break ties by it stay the same
    QString storyOrder;  ///< order of one story's rows in its checksum
};

// Every table and column a library holds, except what is derived and rebuilt by the copy: the search
// index (story_search, stories.search_rowid) and the row ids; and edit_locks, which belong to the
// source's connections, not to its stories. Parents before children.
const QList<Table> &tables() {
    using K = Kind;
    static const QList<Table> list = {
        {u"stories"_qs,
         {{u"id"_qs, K::Text},           {u"slug"_qs, K::Text},          {u"section"_qs, K::Text},
          {u"headline"_qs, K::Text},     {u"deck"_qs, K::Text},          {u"bylines"_qs, K::Text},
          {u"dateline"_qs, K::Text},     {u"status"_qs, K::Text},        {u"body"_qs, K::Text},
          {u"pull_quotes"_qs, K::Text},  {u"created"_qs, K::Text},       {u"updated"_qs, K::Text},
          {u"original_source"_qs, K::Bytes}, {u"original_format"_qs, K::Text}, {u"metadata"_qs, K::Text},
          {u"notes"_qs, K::Text},        {u"original_id"_qs, K::Text},   {u"trashed"_qs, K::Text},
          {u"published"_qs, K::Text},    {u"owner"_qs, K::Text},         {u"shared"_qs, K::Integer}},
         u"id"_qs, u"rowid"_qs, u"id"_qs},
        {u"images"_qs,
         {{u"id"_qs, K::Text}, {u"story_id"_qs, K::Text}, {u"position"_qs, K::Integer}, {u"data"_qs, K::Bytes},
          {u"mime_type"_qs, K::Text}, {u"file_name"_qs, K::Text}, {u"caption"_qs, K::Text},
          {u"credit"_qs, K::Text}, {u"alt_text"_qs, K::Text}, {u"placement"_qs, K::Text},
          {u"source_href"_qs, K::Text}, {u"width"_qs, K::Integer}, {u"height"_qs, K::Integer},
          {u"crop_x"_qs, K::Real}, {u"crop_y"_qs, K::Real}, {u"crop_width"_qs, K::Real}, {u"crop_height"_qs, K::Real},
          {u"focus_x"_qs, K::Real}, {u"focus_y"_qs, K::Real}},
         u"story_id"_qs, u"story_id, position"_qs, u"position"_qs},
        {u"revision_pieces"_qs,
         {{u"story_id"_qs, K::Text}, {u"key"_qs, K::Bytes}, {u"revision"_qs, K::Integer}, {u"data"_qs, K::Bytes}},
         u"story_id"_qs, u"story_id, key"_qs, u"key"_qs},
        {u"revisions"_qs,
         {{u"story_id"_qs, K::Text}, {u"number"_qs, K::Integer}, {u"created"_qs, K::Text}, {u"saved"_qs, K::Text},
          {u"author"_qs, K::Text}, {u"status"_qs, K::Text}, {u"kind"_qs, K::Text}, {u"summary"_qs, K::Text},
          {u"session"_qs, K::Text}, {u"open"_qs, K::Integer}, {u"autosaves"_qs, K::JsonText},
          {u"root"_qs, K::Bytes}},
         u"story_id"_qs, u"story_id, number"_qs, u"number"_qs},
        {u"status_changes"_qs,
         {{u"story_id"_qs, K::Text}, {u"time"_qs, K::Text}, {u"author"_qs, K::Text}, {u"from_status"_qs, K::Text},
          {u"to_status"_qs, K::Text}},
         u"story_id"_qs, u"rowid"_qs, u"time, rowid"_qs},
        {u"story_ignores"_qs, {{u"story_id"_qs, K::Text}, {u"key"_qs, K::Text}}, u"story_id"_qs, u"rowid"_qs,
         u"rowid"_qs},
        {u"house_dictionary"_qs, {{u"word"_qs, K::Text}, {u"added"_qs, K::Text}}, QString(), u"word"_qs, QString()},
    };
    return list;
}

QString columnList(const Table &table) {
    QStringList names;
    for (const Column &column : table.columns)
        names.append(column.name);
    return names.join(u", "_qs);
}

/// @p value as the engines agree on it: SQL NULL stays null, the rest takes the column's type.
QVariant normalized(const QVariant &value, Kind kind) {
    if (value.isNull())
        return QVariant();
    switch (kind) {
    case Kind::Bytes:
        return value.toByteArray();
    case Kind::Integer:
        return value.toLongLong();
    case Kind::Real:
        return value.toDouble();
    case Kind::JsonText:
        return QString::fromUtf8(QJsonDocument::fromJson(value.toString().toUtf8()).toJson(QJsonDocument::Compact));
    case Kind::Text:
        break;
    }
    return value.toString();
}

/// Feeds one value to @p hash with its type and length, so no two different rows hash alike.
void addToHash(QCryptographicHash &hash, const QVariant &value, Kind kind) {
    if (value.isNull()) {
        hash.addData("N");
        return;
    }
    QByteArray bytes;
    switch (kind) {
    case Kind::Bytes:
        bytes = value.toByteArray();
        hash.addData("B");
        break;
    case Kind::Integer:
        bytes = QByteArray::number(value.toLongLong());
        hash.addData("I");
        break;
    case Kind::Real:
        bytes = QByteArray::number(value.toDouble(), 'g', 17); // every bit of the double, alike on both engines
        hash.addData("R");
        break;
    case Kind::Text:
    case Kind::JsonText:
        bytes = value.toString().toUtf8();
        hash.addData("T");
        break;
    }
    hash.addData(QByteArray(QByteArray::number(bytes.size()) + ':'));
    hash.addData(bytes);
}

} // namespace

QStringList StoryLibrary::allStoryIds(QString *error) const {
    QStringList ids;
    if (!isOpen()) {
        if (error)
            *error = notOpenMessage();
        return ids;
    }
    QSqlQuery query(d->db);
    query.setForwardOnly(true);
    query.prepare(u"SELECT id FROM stories ORDER BY rowid"_qs);
    if (!d->exec(query, error))
        return ids;
    while (query.next())
        ids.append(query.value(0).toString());
    return ids;
}

QString StoryLibrary::Private::checksum(const QString &storyId, QString *error) const {
    QCryptographicHash hash(QCryptographicHash::Sha256);
    bool found = false;
    for (const Table &table : tables()) {
        if (table.storyColumn.isEmpty())
            continue;
        const PreparedQuery statement = prepared(u"SELECT "_qs % columnList(table) % u" FROM "_qs % table.name %
                                                 u" WHERE "_qs % table.storyColumn % u" = ? ORDER BY "_qs %
                                                 table.storyOrder);
        QSqlQuery &query = *statement;
        query.setForwardOnly(true);
        query.addBindValue(storyId);
        if (!exec(query, error))
            return {};
        hash.addData(QByteArray(table.name.toUtf8() + '\n'));
        while (query.next()) {
            found = true;
            for (qsizetype i = 0; i < table.columns.size(); ++i) {
                const Kind kind = table.columns.at(i).kind;
                addToHash(hash, normalized(query.value(int(i)), kind), kind);
            }
            hash.addData("\n");
        }
    }
    if (!found) {
        if (error)
            *error = u"That story is no longer in the library; it may have been deleted in another window."_qs;
        return {};
    }
    return QString::fromLatin1(hash.result().toHex());
}

QString StoryLibrary::storyChecksum(const QString &storyId, QString *error) const {
    if (!isOpen()) {
        if (error)
            *error = notOpenMessage();
        return {};
    }
    if (!d->beginRead(error))
        return {};
    const QString sum = d->checksum(storyId, error);
    d->exec(u"COMMIT"_qs, nullptr);
    return sum;
}

bool StoryLibrary::copyTo(StoryLibrary &target, LibraryCopySummary *summary, QString *error) const {
    if (!isOpen() || !target.isOpen()) {
        if (error)
            *error = notOpenMessage();
        return false;
    }
    // The source is read in one snapshot; the target is written in one transaction, so a copy that
    // fails (or does not verify) leaves nothing behind.
    if (!d->beginRead(error))
        return false;
    if (!target.d->beginWrite(error)) {
        d->rollback();
        return false;
    }
    const auto abandon = [&] {
        target.d->rollback();
        d->rollback();
        return false;
    };
    {
        QSqlQuery query(target.d->db);
        query.prepare(u"SELECT (SELECT COUNT(*) FROM stories) + (SELECT COUNT(*) FROM house_dictionary)"_qs);
        if (!target.d->exec(query, error) || !query.next())
            return abandon();
        if (query.value(0).toLongLong() > 0) {
            if (error)
                *error = u"The library “%1” already holds stories or house words; copy into a new, empty library so "
                         u"nothing is mixed or overwritten."_qs.arg(target.path());
            return abandon();
        }
    }

    LibraryCopySummary counts;
    for (const Table &table : tables()) {
        QSqlQuery read(d->db);
        read.setForwardOnly(true);
        read.prepare(u"SELECT "_qs % columnList(table) % u" FROM "_qs % table.name % u" ORDER BY "_qs % table.copyOrder);
        if (!d->exec(read, error))
            return abandon();
        QStringList marks;
        for (qsizetype i = 0; i < table.columns.size(); ++i)
            marks.append(u"?"_qs);
        QSqlQuery write(target.d->db);
        write.prepare(u"INSERT INTO "_qs % table.name % u" ("_qs % columnList(table) % u") VALUES ("_qs %
                      marks.join(u", "_qs) % u")"_qs);
        int rows = 0;
        while (read.next()) {
            for (qsizetype i = 0; i < table.columns.size(); ++i) {
                const Kind kind = table.columns.at(i).kind;
                // JSON text is copied as it is; only its checksum reads it as JSON.
                write.addBindValue(kind == Kind::JsonText ? normalized(read.value(int(i)), Kind::Text)
                                                          : normalized(read.value(int(i)), kind));
            }
            if (!target.d->exec(write, error))
                return abandon();
            ++rows;
        }
        if (table.name == u"stories"_qs)
            counts.stories = rows;
        else if (table.name == u"images"_qs)
            counts.pictures = rows;
        else if (table.name == u"revisions"_qs)
            counts.revisions = rows;
        else if (table.name == u"house_dictionary"_qs)
            counts.houseWords = rows;
    }

    // The search index is the target engine's own: written again from every story, oldest save first.
    QSqlError sqlError;
    if (Private::forEachStory(
            target.d->db, u"updated, rowid"_qs,
            [](const Private &library, const Story &story, QString *problem) {
                return library.writeSearchRow(story, problem);
            },
            &sqlError) < 0) {
        if (error)
            *error = sqlError.text();
        return abandon();
    }

    // Verified before anything is committed: the same number of stories, each with the same checksum.
    const QStringList ids = allStoryIds(error);
    if (ids.size() != counts.stories)
        return abandon();
    for (const QString &id : ids) {
        const QString original = d->checksum(id, error);
        const QString copy = target.d->checksum(id, error);
        if (original.isEmpty() || copy.isEmpty())
            return abandon();
        if (original != copy) {
            if (error)
                *error = u"The copy of story %1 did not come out equal to the original, so nothing was copied."_qs.arg(id);
            return abandon();
        }
    }
    if (!target.d->exec(u"COMMIT"_qs, error))
        return abandon();
    d->exec(u"COMMIT"_qs, nullptr);
    qCInfo(lcStorage) << "Copied" << counts.stories << "stories from" << d->path << "to" << target.d->path;
    if (summary)
        *summary = counts;
    return true;
}

} // namespace galley
