#include "storylibrary.h"

#include "storylibrary_p.h"

namespace galley {

QStringList StoryLibrary::houseWords(QString *error) const {
    QStringList out;
    if (!isOpen()) {
        if (error)
            *error = notOpenMessage();
        return out;
    }
    QSqlQuery query(d->db);
    query.setForwardOnly(true);
    query.prepare(u"SELECT word FROM house_dictionary ORDER BY word"_qs);
    if (!d->exec(query, error))
        return out;
    while (query.next())
        out.append(query.value(0).toString());
    return out;
}

bool StoryLibrary::addHouseWord(const QString &word, QString *error) {
    if (!isOpen()) {
        if (error)
            *error = notOpenMessage();
        return false;
    }
    const QString w = word.trimmed();
    bool space = false;
    for (QChar c : w)
        space = space || c.isSpace();
    if (w.isEmpty() || space || w.size() > 100) {
        if (error)
            *error = u"“%1” cannot go in the house dictionary: it takes one word at a time, without spaces."_qs.arg(w);
        return false;
    }
    QSqlQuery query(d->db);
    query.prepare(u"INSERT INTO house_dictionary (word, added) VALUES (?, ?) ON CONFLICT(word) DO NOTHING"_qs);
    query.addBindValue(w);
    query.addBindValue(storedTime(QDateTime::currentDateTimeUtc()));
    return d->exec(query, error);
}

bool StoryLibrary::removeHouseWord(const QString &word, QString *error) {
    if (!isOpen()) {
        if (error)
            *error = notOpenMessage();
        return false;
    }
    QSqlQuery query(d->db);
    query.prepare(u"DELETE FROM house_dictionary WHERE word = ?"_qs);
    query.addBindValue(word);
    return d->exec(query, error);
}

QStringList StoryLibrary::ignoredFindings(const QString &storyId, QString *error) const {
    QStringList out;
    if (!isOpen()) {
        if (error)
            *error = notOpenMessage();
        return out;
    }
    QSqlQuery query(d->db);
    query.setForwardOnly(true);
    query.prepare(u"SELECT key FROM story_ignores WHERE story_id = ? ORDER BY rowid"_qs);
    query.addBindValue(storyId);
    if (!d->exec(query, error))
        return out;
    while (query.next())
        out.append(query.value(0).toString());
    return out;
}

bool StoryLibrary::setFindingIgnored(const QString &storyId, const QString &key, bool ignored, QString *error) {
    if (!isOpen()) {
        if (error)
            *error = notOpenMessage();
        return false;
    }
    QSqlQuery query(d->db);
    if (ignored) {
        QSqlQuery exists(d->db);
        exists.prepare(u"SELECT 1 FROM stories WHERE id = ?"_qs);
        exists.addBindValue(storyId);
        if (!d->exec(exists, error))
            return false;
        if (!exists.next()) {
            if (error)
                *error = u"The story is not in the library (save it first, or it was deleted in another window), "
                         u"so the finding cannot be ignored."_qs;
            return false;
        }
        query.prepare(u"INSERT INTO story_ignores (story_id, key) VALUES (?, ?) ON CONFLICT DO NOTHING"_qs);
    } else {
        query.prepare(u"DELETE FROM story_ignores WHERE story_id = ? AND key = ?"_qs);
    }
    query.addBindValue(storyId);
    query.addBindValue(key);
    return d->exec(query, error);
}

} // namespace galley
