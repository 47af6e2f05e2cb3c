#include "librarybuilder.h"

#include "model/slug.h"
#include "model/storyjson.h"
#include "storage/storylibrary.h"
#include "storygenerator.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTextStream>

namespace galley::bench {

namespace {

// Bump when StoryGenerator::libraryStory() or the rows written here change, so an old cached
// library is not measured by mistake.
constexpr int GeneratorVersion = 2;
// Stories per transaction. StoryLibrary::save() commits each story alone: measured at about 11 ms
// a story over 5,000 stories, so 100,000 would take some twenty minutes; batches take about 1 ms.
constexpr int BatchSize = 1000;

void removeDatabase(const QString &path) {
    for (const QString &suffix : {u""_qs, u"-wal"_qs, u"-shm"_qs, u"-journal"_qs})
        QFile::remove(path % suffix);
}

QString jsonText(const QJsonArray &array) {
    return QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact));
}

QString stored(const QDateTime &time) {
    return time.toUTC().toString(Qt::ISODateWithMs);
}

/// The rows StoryLibrary::save() writes for @p story, many stories to one transaction. Only the
/// columns of schema version 1 are written; later columns keep their defaults, which is what a story
/// typed in Galley has. checkRoundTrip() proves the rows read back as the same story.
class BulkWriter final {
public:
    explicit BulkWriter(const QSqlDatabase &db)
        : m_db(db)
        , m_story(db)
        , m_image(db)
        , m_search(db) {
        m_story.prepare(
            u"INSERT INTO stories (id, slug, section, headline, deck, bylines, dateline, status, body, "
            u"pull_quotes, created, updated) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_qs);
        m_image.prepare(u"INSERT INTO images (id, story_id, position, data, mime_type, file_name, caption, "
                        u"credit, alt_text, placement) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_qs);
        m_search.prepare(u"INSERT INTO story_search (story_id, headline, deck, body) VALUES (?, ?, ?, ?)"_qs);
    }
    Q_DISABLE_COPY_MOVE(BulkWriter)

    /// Gives @p story a unique slug from its headline, as save() would, and writes its rows.
    bool write(Story &story, QString *error) {
        story.slug =
            uniqueSlug(slugify(story.headline), [&](const QString &slug) { return m_slugs.contains(slug); });
        m_slugs.insert(story.slug);
        const QVariantList row = {story.id,
                                  story.slug,
                                  story.section,
                                  story.headline,
                                  story.deck,
                                  jsonText(bylinesToJson(story.bylines)),
                                  story.dateline,
                                  statusKey(story.status),
                                  jsonText(bodyToJson(story.body)),
                                  jsonText(pullQuotesToJson(story.pullQuotes)),
                                  stored(story.created),
                                  stored(story.updated)};
        if (!run(m_story, row, error))
            return false;
        for (qsizetype i = 0; i < story.images.size(); ++i) {
            const StoryImage &image = story.images.at(i);
            if (!run(m_image,
                     {image.id, story.id, int(i), image.data, image.mimeType, image.fileName, image.caption,
                      image.credit, image.altText, image.placement.afterBlockId},
                     error))
                return false;
        }
        return run(m_search, {story.id, story.headline, story.deck, story.bodyPlainText()}, error);
    }

    bool exec(const QString &sql, QString *error) {
        QSqlQuery query(m_db);
        if (query.exec(sql))
            return true;
        *error = u"%1 failed: %2"_qs.arg(sql, query.lastError().text());
        return false;
    }

private:
    static bool run(QSqlQuery &query, const QVariantList &values, QString *error) {
        for (const QVariant &value : values)
            query.addBindValue(value.typeId() == QMetaType::QString && value.toString().isNull()
                                   ? QVariant(QStringLiteral(""))
                                   : value);
        if (query.exec())
            return true;
        *error =
            u"Writing the generated library failed (has the schema changed? update librarybuilder.cpp): %1"_qs
                .arg(query.lastError().text());
        return false;
    }

    QSqlDatabase m_db;
    QSqlQuery m_story;
    QSqlQuery m_image;
    QSqlQuery m_search;
    QSet<QString> m_slugs;
};

/// Reads @p expected back through StoryLibrary::load(): the bulk rows must be what save() writes.
bool checkRoundTrip(const StoryLibrary &library, const Story &expected, QString *error) {
    const std::optional<Story> loaded = library.load(expected.id, error);
    if (loaded && *loaded == expected)
        return true;
    if (loaded)
        *error = u"The generated library does not read back as written (has the schema changed? update "
                 u"librarybuilder.cpp)."_qs;
    return false;
}

} // namespace

std::optional<QString> cachedLibrary(const QString &dataDir, int stories, double *buildSeconds,
                                     QString *error) {
    *buildSeconds = 0;
    const QString path = QDir(dataDir).filePath(u"library-%1-g%2-s%3.sqlite"_qs.arg(stories)
                                                    .arg(GeneratorVersion)
                                                    .arg(StoryLibrary::currentSchemaVersion()));
    if (QFile::exists(path))
        return path;
    // A library of another size, generator or schema is stale: drop it (they run to gigabytes).
    for (const QString &stale : QDir(dataDir).entryList({u"library-*.sqlite*"_qs}, QDir::Files))
        QFile::remove(QDir(dataDir).filePath(stale));

    const QString partial = path % u".partial"_qs;
    removeDatabase(partial);
    QTextStream out(stdout);
    out << "Generating a library of " << stories << " stories in " << path << " (once; reused afterwards)\n";
    out.flush();
    QElapsedTimer timer;
    timer.start();
    {
        StoryLibrary library;
        if (!library.open(partial, error))
            return std::nullopt;
        Story first;
        {
            BulkWriter writer(QSqlDatabase::database(library.connectionNameForTesting()));
            // A throw-away file until it is complete: no fsync.
            if (!writer.exec(u"PRAGMA synchronous = OFF"_qs, error))
                return std::nullopt;
            StoryGenerator generator(20260405);
            for (int i = 0; i < stories; ++i) {
                if (i % BatchSize == 0 && !writer.exec(u"BEGIN IMMEDIATE"_qs, error))
                    return std::nullopt;
                Story story = generator.libraryStory();
                if (!writer.write(story, error))
                    return std::nullopt;
                if (i == 0)
                    first = story;
                if ((i + 1) % BatchSize == 0 || i + 1 == stories) {
                    if (!writer.exec(u"COMMIT"_qs, error))
                        return std::nullopt;
                }
                if ((i + 1) % 10000 == 0) {
                    out << "  " << (i + 1) << " stories, "
                        << QString::number(double(timer.elapsed()) / 1000, 'f', 1) << " s\n";
                    out.flush();
                }
            }
            if (!writer.exec(u"PRAGMA wal_checkpoint(TRUNCATE)"_qs, error))
                return std::nullopt;
        }
        if (!checkRoundTrip(library, first, error))
            return std::nullopt;
        library.close();
    }
    removeDatabase(path);
    if (!QFile::rename(partial, path)) {
        *error = u"Cannot rename the generated library %1 to %2."_qs.arg(partial, path);
        return std::nullopt;
    }
    removeDatabase(partial);
    *buildSeconds = double(timer.elapsed()) / 1000;
    return path;
}

QStringList searchQueries() {
    const QStringList &words = StoryGenerator::newsWords();
    return {
        u"council"_qs,
        u"harbour"_qs,
        u"levy"_qs,
        u"tannery"_qs,
        words.at(words.size() / 2),
        StoryGenerator::firstName(0),
        StoryGenerator::surname(123),
        StoryGenerator::surname(1501),
        StoryGenerator::place(45),
        u"harbour levy"_qs,
        u"council "_qs % StoryGenerator::surname(777),
        u"flood gates"_qs,
        u"harb"_qs,
        u"coun"_qs,
        StoryGenerator::surname(900).left(4),
    };
}

} // namespace galley::bench
