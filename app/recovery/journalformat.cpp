#include "journalformat.h"

#include "model/storyjson.h"

#include <QCryptographicHash>
#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>

namespace galley {

namespace {

const QByteArray Magic = QByteArrayLiteral("GALLEY-RECOVERY ");

QString timeText(const QDateTime &time) {
    return time.isValid() ? time.toUTC().toString(Qt::ISODateWithMs) : QString();
}

QDateTime timeFrom(const QJsonValue &value) {
    QDateTime time = QDateTime::fromString(value.toString(), Qt::ISODateWithMs);
    if (time.isValid())
        time = time.toUTC();
    return time;
}

JournalReadResult failure(JournalReadResult::Status status, const QString &problem) {
    JournalReadResult result;
    result.status = status;
    result.problem = problem;
    return result;
}

} // namespace

QByteArray encodeJournal(const RecoveryJournal &journal, const Story &saved) {
    QHash<QString, const StoryImage *> savedImages;
    for (const auto &image : saved.images)
        savedImages.insert(image.id, &image);
    QJsonObject pictureData;
    for (const auto &image : journal.story.images) {
        const StoryImage *known = savedImages.value(image.id);
        if (!image.data.isEmpty() && (!known || known->data != image.data))
            pictureData.insert(image.id, QString::fromLatin1(image.data.toBase64()));
    }
    QJsonObject payload{{u"library"_qs, journal.libraryPath},
                        {u"storyId"_qs, journal.storyId},
                        {u"session"_qs, journal.session},
                        {u"written"_qs, timeText(journal.written)},
                        {u"savedAt"_qs, timeText(journal.savedAt)},
                        {u"story"_qs, storyToJson(journal.story)},
                        {u"pictureData"_qs, pictureData}};
    if (journal.story.originalSource != saved.originalSource ||
        journal.story.originalFormat != saved.originalFormat) {
        payload.insert(u"originalSource"_qs, QString::fromLatin1(journal.story.originalSource.toBase64()));
        payload.insert(u"originalFormat"_qs, journal.story.originalFormat);
    }
    const QByteArray json = QJsonDocument(payload).toJson(QJsonDocument::Compact);
    const QByteArray sum = QCryptographicHash::hash(json, QCryptographicHash::Sha256).toHex();
    return Magic + QByteArray::number(RecoveryJournal::FormatVersion) + '\n' +
           QByteArray::number(json.size()) + ' ' + sum + '\n' + json;
}

JournalReadResult decodeJournal(const QByteArray &bytes) {
    using Status = JournalReadResult::Status;
    if (!bytes.startsWith(Magic)) {
        return Magic.startsWith(bytes)
                   ? failure(Status::Truncated, u"The file is cut off before its first line ends."_qs)
                   : failure(Status::Damaged, u"The file is not a Galley recovery file."_qs);
    }
    const qsizetype firstEnd = bytes.indexOf('\n');
    const qsizetype secondEnd = firstEnd < 0 ? -1 : bytes.indexOf('\n', firstEnd + 1);
    if (secondEnd < 0)
        return failure(Status::Truncated, u"The file is cut off in its header."_qs);
    bool ok = false;
    const int version = bytes.mid(Magic.size(), firstEnd - Magic.size()).toInt(&ok);
    if (!ok || version < 1)
        return failure(Status::Damaged, u"The file's header is damaged."_qs);
    if (version > RecoveryJournal::FormatVersion)
        return failure(Status::Damaged,
                       u"The file was written by a newer version of Galley (format %1)."_qs.arg(version));
    const QList<QByteArray> header = bytes.mid(firstEnd + 1, secondEnd - firstEnd - 1).split(' ');
    const qsizetype length = header.size() == 2 ? header.at(0).toLongLong(&ok) : -1;
    if (!ok || length < 0 || header.at(1).size() != 64)
        return failure(Status::Damaged, u"The file's header is damaged."_qs);
    const QByteArray json = bytes.mid(secondEnd + 1);
    if (json.size() < length)
        return failure(Status::Truncated,
                       u"The file is cut off: it holds %1 of its %2 bytes."_qs.arg(json.size()).arg(length));
    if (json.size() > length ||
        QCryptographicHash::hash(json, QCryptographicHash::Sha256).toHex() != header.at(1))
        return failure(Status::Damaged, u"The file's contents do not match its checksum."_qs);

    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (!document.isObject())
        return failure(Status::Damaged,
                       u"The file's contents cannot be read (%1)."_qs.arg(parseError.errorString()));
    const QJsonObject payload = document.object();
    JournalReadResult result;
    RecoveryJournal &journal = result.journal;
    journal.libraryPath = payload.value(u"library"_qs).toString();
    journal.storyId = payload.value(u"storyId"_qs).toString();
    journal.session = payload.value(u"session"_qs).toString();
    journal.written = timeFrom(payload.value(u"written"_qs));
    journal.savedAt = timeFrom(payload.value(u"savedAt"_qs));
    journal.story = storyFromJson(payload.value(u"story"_qs).toObject());
    if (journal.storyId.isEmpty() || journal.story.id != journal.storyId || !journal.written.isValid() ||
        journal.libraryPath.isEmpty())
        return failure(Status::Damaged, u"The file does not say which story it belongs to."_qs);
    const QJsonObject pictureData = payload.value(u"pictureData"_qs).toObject();
    for (auto &image : journal.story.images)
        image.data = QByteArray::fromBase64(pictureData.value(image.id).toString().toLatin1());
    if (payload.contains(u"originalSource"_qs)) {
        journal.story.originalSource =
            QByteArray::fromBase64(payload.value(u"originalSource"_qs).toString().toLatin1());
        journal.story.originalFormat = payload.value(u"originalFormat"_qs).toString();
    }
    result.status = Status::Ok;
    return result;
}

Story resolvedStory(const RecoveryJournal &journal, const Story *saved) {
    Story story = journal.story;
    if (!saved)
        return story;
    for (auto &image : story.images) {
        if (!image.data.isEmpty())
            continue;
        for (const auto &known : saved->images)
            if (known.id == image.id)
                image.data = known.data;
    }
    if (story.originalSource.isEmpty() && story.originalFormat.isEmpty()) {
        story.originalSource = saved->originalSource;
        story.originalFormat = saved->originalFormat;
    }
    return story;
}

} // namespace galley
