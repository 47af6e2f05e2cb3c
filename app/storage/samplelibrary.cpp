#include "samplelibrary.h"

#include "logging.h"
#include "model/slug.h"
#include "model/storyjson.h"
#include "storylibrary.h"

#include <QDir>
#include <QFile>
#include <QHash>
#include <QJsonDocument>
#include <QMimeDatabase>

namespace galley {

namespace {

const QString samplesFolder = u":/galley/samples"_qs;

/// Gives everything in @p story a fresh id, keeping each placement on its (renamed) block.
void freshIds(Story &story)
{
    story.id = newId();
    QHash<QString, QString> renamed;
    for (Block &block : story.body) {
        const QString id = newId();
        renamed.insert(block.id, id);
        block.id = id;
    }
    auto follow = [&](Placement &placement) {
        if (!placement.isLead())
            placement.afterBlockId = renamed.value(placement.afterBlockId);
    };
    for (PullQuote &quote : story.pullQuotes) {
        quote.id = newId();
        follow(quote.placement);
    }
    for (StoryImage &image : story.images) {
        image.id = newId();
        follow(image.placement);
    }
}

std::optional<Story> readSample(const QString &fileName, QString *error)
{
    auto fail = [&](const QString &why) -> std::optional<Story> {
        if (error)
            *error = u"The sample story “%1” could not be read: %2"_qs.arg(fileName, why);
        return std::nullopt;
    };
    QFile file(QDir(samplesFolder).filePath(fileName));
    if (!file.open(QIODevice::ReadOnly))
        return fail(file.errorString() + u'.');
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (!document.isObject())
        return fail(parseError.errorString() + u'.');
    QString problem;
    Story story = storyFromJson(document.object(), &problem);
    if (!problem.isEmpty())
        return fail(problem);
    // A placement naming no block of the sample is a typo in the JSON; catch it here, not on a page.
    for (const PullQuote &quote : std::as_const(story.pullQuotes))
        if (!quote.placement.isLead() && story.blockIndex(quote.placement.afterBlockId) < 0)
            return fail(u"a pull quote follows the unknown block “%1”."_qs.arg(quote.placement.afterBlockId));
    static const QMimeDatabase mimeDatabase;
    for (StoryImage &image : story.images) {
        if (!image.placement.isLead() && story.blockIndex(image.placement.afterBlockId) < 0)
            return fail(u"a picture follows the unknown block “%1”."_qs.arg(image.placement.afterBlockId));
        QFile picture(QDir(samplesFolder).filePath(u"images/"_qs + image.fileName));
        if (!picture.open(QIODevice::ReadOnly))
            return fail(u"its picture “%1” is missing."_qs.arg(image.fileName));
        image.data = picture.readAll();
        if (image.mimeType.isEmpty())
            image.mimeType = mimeDatabase.mimeTypeForFileNameAndData(image.fileName, image.data).name();
    }
    freshIds(story);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    if (!story.created.isValid())
        story.created = now;
    if (!story.updated.isValid())
        story.updated = now;
    return story;
}

} // namespace

std::optional<QList<Story>> sampleStories(QString *error)
{
    const QStringList files = QDir(samplesFolder).entryList({u"*.json"_qs}, QDir::Files, QDir::Name);
    if (files.isEmpty()) {
        if (error)
            *error = u"This Galley was built without its sample stories."_qs;
        return std::nullopt;
    }
    QList<Story> stories;
    for (const QString &fileName : files) {
        std::optional<Story> story = readSample(fileName, error);
        if (!story)
            return std::nullopt;
        stories.append(*story);
    }
    return stories;
}

bool fillWithSamples(StoryLibrary &library, QString *error)
{
    std::optional<QList<Story>> stories = sampleStories(error);
    if (!stories)
        return false;
    for (qsizetype i = stories->size() - 1; i >= 0; --i) {
        Story &story = (*stories)[i];
        if (!story.slug.isEmpty())
            story.slug =
                uniqueSlug(story.slug, [&](const QString &slug) { return library.isSlugTaken(slug); });
        if (!library.save(story, error))
            return false;
    }
    qCInfo(lcStorage) << "Added" << stories->size() << "sample stories to" << library.path();
    return true;
}

} // namespace galley
