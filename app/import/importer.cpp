#include "importer.h"

#include "formatdetect.h"
#include "importdraft.h"
#include "importlimits.h"
#include "logging.h"
#include "pictures/picturemetadata.h"
#include "readers.h"
#include "textdecoder.h"

#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>

#include <cerrno>
#include <cstring>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace galley {

namespace {

QString megabytes(qint64 bytes) {
    return QString::number(double(bytes) / (1024.0 * 1024.0), 'f', 1);
}

QString tooLarge(qint64 size) {
    return u"The file is %1 MB, more than the %2 MB Galley imports at once. Import the story's own "
           "text or split the file."_qs.arg(megabytes(size), megabytes(MaxImportBytes));
}

} // namespace

ImportResult::ImportResult(std::shared_ptr<const ImportDraft> draft)
    : d(std::move(draft)) {}

const ImportReport &ImportResult::report() const {
    return d->report;
}

Story ImportResult::story() const {
    return buildStory(*d, {});
}

Story ImportResult::story(const QList<bool> &accepted) const {
    return buildStory(*d, accepted);
}

namespace {

std::optional<ImportResult> fail(QString *error, const QString &message) {
    if (error)
        *error = message;
    qCInfo(lcImport) << "import refused:" << message;
    return std::nullopt;
}

/// A reader's single story as the one-element list every reader gives.
std::optional<QList<ReadStory>> one(std::optional<QList<Segment>> segments) {
    if (!segments)
        return std::nullopt;
    return QList<ReadStory>{ReadStory{*segments}};
}

/// The stories @p text holds, read by the reader for @p format; nullopt with @p error from the reader.
std::optional<QList<ReadStory>> readStories(ImportFormat format, const QString &text, QString *error) {
    switch (format) {
    case ImportFormat::Nitf: {
        auto story = readNitf(text, error);
        if (!story)
            return std::nullopt;
        return QList<ReadStory>{std::move(*story)};
    }
    case ImportFormat::Html: {
        auto story = readHtmlStory(text.toUtf8(), error);
        if (!story)
            return std::nullopt;
        return QList<ReadStory>{std::move(*story)};
    }
    case ImportFormat::WireText:
        return readWireText(text, error);
    case ImportFormat::Ninjs:
        return readNinjs(text, error);
    case ImportFormat::NewsMLG2:
        return readNewsMl(text, error);
    case ImportFormat::Auto:
    case ImportFormat::PlainText:
        break;
    }
    if (const QString tooLong = plainTextTooLong(text); !tooLong.isEmpty()) {
        if (error)
            *error = tooLong;
        return std::nullopt;
    }
    return one(readPlainText(text));
}

/// Report key and MIME type of what @p format reads.
std::pair<QString, QString> formatNames(ImportFormat format) {
    switch (format) {
    case ImportFormat::Nitf:
        return {u"nitf"_qs, u"application/nitf+xml"_qs};
    case ImportFormat::Html:
        return {u"html"_qs, u"text/html"_qs};
    case ImportFormat::Ninjs:
        return {u"ninjs"_qs, u"application/ninjs+json"_qs};
    case ImportFormat::NewsMLG2:
        return {u"newsml-g2"_qs, u"application/vnd.iptc.g2.newsitem+xml"_qs};
    case ImportFormat::WireText:
        return {u"wire-text"_qs, u"text/vnd.iptc.anpa"_qs};
    case ImportFormat::Auto:
    case ImportFormat::PlainText:
        break;
    }
    return {u"text"_qs, u"text/plain"_qs};
}

/// Pictures the file holds (an HTML data: picture, a Word document's) carry their own caption,
/// credit and alt text in IPTC/XMP/EXIF: they fill what the file's markup left empty, and the
/// report says which fields of which picture were filled.
void fillFromPictureMetadata(ReadStory &story) {
    int number = 0;
    for (Segment &segment : story.segments) {
        if (segment.markupRole != SegmentRole::Caption)
            continue;
        ++number;
        if (segment.imageData.isEmpty())
            continue;
        const PictureMetadata metadata = readPictureMetadata(segment.imageData);
        if (metadata.isEmpty())
            continue;
        StoryImage fields;
        fields.caption = segment.text.plainText().trimmed();
        fields.credit = segment.credit;
        fields.altText = segment.altText;
        const QStringList filled = fillEmptyPictureFields(fields, metadata);
        if (filled.isEmpty())
            continue;
        if (filled.contains(u"caption"_qs))
            segment.text = InlineText::plain(fields.caption);
        segment.credit = fields.credit;
        segment.altText = fields.altText;
        story.reportNotes.append(segment.imageFileName.isEmpty()
                                     ? u"Picture %1: "_qs.arg(number) % filledFieldsSentence(filled)
                                     : filledFieldsSentence(filled, segment.imageFileName));
    }
}

bool hasText(const ReadStory &story) {
    for (const Segment &segment : story.segments) {
        // A picture counts as analyseSegments() keeps it: a paste of one picture is a story.
        const bool picture = segment.markupRole == SegmentRole::Caption &&
                             (!segment.imageFileName.isEmpty() || !segment.pictureRefused.isEmpty() ||
                              !segment.imageData.isEmpty());
        if (!segment.text.plainText().trimmed().isEmpty() || segment.isStructure() || picture)
            return true;
    }
    return false;
}

} // namespace

std::optional<QList<ImportResult>> importAll(const QByteArray &bytes, const ImportOptions &options,
                                             QString *error) {
    if (bytes.size() > MaxImportBytes) {
        fail(error, tooLarge(bytes.size()));
        return std::nullopt;
    }
    QElapsedTimer timer;
    timer.start();

    QString decodeError;
    const auto decoded = decodeText(bytes, declaredEncoding(bytes), &decodeError);
    if (!decoded) {
        fail(error, decodeError);
        return std::nullopt;
    }
    const ImportFormat format = options.format == ImportFormat::Auto
                                    ? detectImportFormat(decoded->text, options.sourceName)
                                    : options.format;
    QString readError;
    auto stories = readStories(format, decoded->text, &readError);
    if (!stories) {
        fail(error, readError);
        return std::nullopt;
    }
    qsizetype paragraphs = 0;
    for (const ReadStory &story : std::as_const(*stories))
        paragraphs += story.segments.size();
    if (paragraphs > MaxImportParagraphs) {
        fail(error, tooManyParagraphs(MaxImportParagraphs));
        return std::nullopt;
    }
    QList<ReadStory> withText;
    for (ReadStory &story : *stories) {
        fillFromPictureMetadata(story);
        if (hasText(story))
            withText.append(std::move(story));
    }
    if (withText.isEmpty()) {
        fail(error, u"The file holds no story text to import."_qs);
        return std::nullopt;
    }

    const auto [formatKey, mime] = formatNames(format);
    QList<ImportResult> results;
    for (const ReadStory &story : std::as_const(withText)) {
        auto draft = std::make_shared<ImportDraft>(analyseSegments(story.segments, story.metadata.language));
        draft->source = bytes;
        draft->sourceFormat = mime % u"; charset="_qs % decoded->encoding;
        draft->metadata = story.metadata;
        draft->notes = story.notes;
        draft->report.sourceName = options.sourceName.isEmpty() ? u"input"_qs : options.sourceName;
        draft->report.format = formatKey;
        draft->report.encoding = decoded->encoding;
        draft->report.notes = decoded->notes + draft->report.notes + story.reportNotes;
        results.append(ImportResult(std::move(draft)));
    }
    qCDebug(lcImport) << "imported" << options.sourceName << "as" << formatKey << decoded->encoding
                      << "giving" << results.size() << "stories in" << timer.elapsed() << "ms";
    return results;
}

std::optional<ImportResult> importBytes(const QByteArray &bytes, const ImportOptions &options,
                                        QString *error) {
    auto all = importAll(bytes, options, error);
    if (!all)
        return std::nullopt;
    return all->constFirst();
}

namespace {

/// What a path that is not a regular file is, for the refusal; empty for a regular file.
QString notAFile(mode_t mode) {
    if (S_ISREG(mode))
        return {};
    if (S_ISDIR(mode))
        return u"a folder"_qs;
    if (S_ISFIFO(mode))
        return u"a named pipe"_qs;
    if (S_ISSOCK(mode))
        return u"a socket"_qs;
    if (S_ISCHR(mode) || S_ISBLK(mode))
        return u"a device"_qs;
    return u"not a regular file"_qs;
}

} // namespace

std::optional<QList<ImportResult>> importAllFromFile(const QString &path, QString *error) {
    const QString name = QFileInfo(path).fileName();
    auto refuse = [error](const QString &message) -> std::optional<QList<ImportResult>> {
        if (error)
            *error = message;
        return std::nullopt;
    };
    auto refuseKind = [&](const QString &kind) {
        return refuse(u"“%1” is %2, not a file: Galley imports only regular files."_qs.arg(path, kind));
    };
    const QByteArray native = QFile::encodeName(path);
    // Look before opening: opening a named pipe waits for a writer, and a device may never end.
    struct stat before {};
    if (::stat(native.constData(), &before) != 0) {
        if (errno == ENOENT || errno == ENOTDIR)
            return refuse(u"There is no file “%1”."_qs.arg(path));
        return refuse(
            u"Galley could not open “%1”: %2."_qs.arg(path, QString::fromLocal8Bit(std::strerror(errno))));
    }
    if (const QString kind = notAFile(before.st_mode); !kind.isEmpty())
        return refuseKind(kind);
    if (before.st_size > MaxImportBytes)
        return refuse(u"“%1”: "_qs.arg(name) % tooLarge(before.st_size));
    // Non-blocking, and checked again once open: the path may have been replaced meanwhile.
    const int fd = ::open(native.constData(), O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
    if (fd < 0)
        return refuse(
            u"Galley could not open “%1”: %2."_qs.arg(path, QString::fromLocal8Bit(std::strerror(errno))));
    QFile file;
    if (!file.open(fd, QIODevice::ReadOnly, QFileDevice::AutoCloseHandle)) {
        ::close(fd);
        return refuse(u"Galley could not open “%1”: %2."_qs.arg(path, file.errorString()));
    }
    struct stat opened {};
    if (::fstat(fd, &opened) != 0 || !S_ISREG(opened.st_mode))
        return refuseKind(notAFile(opened.st_mode));
    const QByteArray bytes = file.read(MaxImportBytes + 1);
    if (file.error() != QFileDevice::NoError)
        return refuse(u"Galley could not read “%1”: %2."_qs.arg(path, file.errorString()));
    if (bytes.size() > MaxImportBytes)
        return refuse(u"“%1”: "_qs.arg(name) % tooLarge(bytes.size()));
    QString message;
    auto results = importAll(bytes, ImportOptions{name, ImportFormat::Auto}, &message);
    if (!results)
        return refuse(u"“%1”: "_qs.arg(name) % message);
    return results;
}

std::optional<ImportResult> importFile(const QString &path, QString *error) {
    auto all = importAllFromFile(path, error);
    if (!all)
        return std::nullopt;
    return all->constFirst();
}

} // namespace galley
