#include "importer.h"

#include "importdraft.h"
#include "logging.h"
#include "readers.h"
#include "textdecoder.h"

#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>

namespace galley {

namespace {

QString megabytes(qint64 bytes) {
    return QString::number(double(bytes) / (1024.0 * 1024.0), 'f', 1);
}

QString tooLarge(qint64 size) {
    return u"The file is %1 MB, more than the %2 MB Galley imports at once. Import the story's own "
           "text or split the file."_qs.arg(megabytes(size), megabytes(MaxImportBytes));
}

ImportFormat detectFormat(const QString &text, const QString &sourceName) {
    const QString head = text.left(4096).trimmed().toLower();
    if (head.contains(u"<nitf"_qs))
        return ImportFormat::Nitf;
    if (head.startsWith(u"<?xml"_qs) && !head.contains(u"<html"_qs))
        return ImportFormat::Nitf; // the reader says plainly when it is not NITF
    for (const auto tag : {u"<html", u"<body", u"<!doctype html", u"<p>", u"<p ", u"<div", u"<meta", u"<span",
                           u"<h1", u"<article"}) {
        if (head.contains(QStringView(tag)))
            return ImportFormat::Html;
    }
    const QString suffix = QFileInfo(sourceName).suffix().toLower();
    if (suffix == u"nitf" || suffix == u"xml")
        return ImportFormat::Nitf;
    if (suffix == u"html" || suffix == u"htm" || suffix == u"xhtml")
        return ImportFormat::Html;
    return ImportFormat::PlainText;
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

std::optional<ImportResult> importBytes(const QByteArray &bytes, const ImportOptions &options,
                                        QString *error) {
    auto fail = [error](const QString &message) -> std::optional<ImportResult> {
        if (error)
            *error = message;
        qCInfo(lcImport) << "import refused:" << message;
        return std::nullopt;
    };
    if (bytes.size() > MaxImportBytes)
        return fail(tooLarge(bytes.size()));
    QElapsedTimer timer;
    timer.start();

    QString decodeError;
    const auto decoded = decodeText(bytes, declaredEncoding(bytes), &decodeError);
    if (!decoded)
        return fail(decodeError);

    const ImportFormat format = options.format == ImportFormat::Auto
                                    ? detectFormat(decoded->text, options.sourceName)
                                    : options.format;
    QList<Segment> segments;
    QString readError;
    QString formatKey;
    QString mime;
    switch (format) {
    case ImportFormat::Nitf: {
        auto read = readNitf(decoded->text, &readError);
        if (!read)
            return fail(readError);
        segments = *read;
        formatKey = u"nitf"_qs;
        mime = u"application/nitf+xml"_qs;
        break;
    }
    case ImportFormat::Html: {
        auto read = readHtml(decoded->text.toUtf8(), &readError);
        if (!read)
            return fail(readError);
        segments = *read;
        formatKey = u"html"_qs;
        mime = u"text/html"_qs;
        break;
    }
    case ImportFormat::Auto:
    case ImportFormat::PlainText:
        segments = readPlainText(decoded->text);
        formatKey = u"text"_qs;
        mime = u"text/plain"_qs;
        break;
    }
    bool anyText = false;
    for (const Segment &segment : std::as_const(segments))
        anyText = anyText || !segment.text.plainText().trimmed().isEmpty();
    if (!anyText)
        return fail(u"The file holds no story text to import."_qs);

    auto draft = std::make_shared<ImportDraft>(analyseSegments(segments));
    draft->source = bytes;
    draft->sourceFormat = mime % u"; charset="_qs % decoded->encoding;
    draft->report.sourceName = options.sourceName.isEmpty() ? u"input"_qs : options.sourceName;
    draft->report.format = formatKey;
    draft->report.encoding = decoded->encoding;
    qCDebug(lcImport) << "imported" << draft->report.sourceName << "as" << formatKey << decoded->encoding
                      << "with" << draft->report.changes.size() << "changes in" << timer.elapsed() << "ms";
    return ImportResult(std::move(draft));
}

std::optional<ImportResult> importFile(const QString &path, QString *error) {
    const QFileInfo info(path);
    auto fail = [error](const QString &message) -> std::optional<ImportResult> {
        if (error)
            *error = message;
        return std::nullopt;
    };
    if (!info.exists())
        return fail(u"There is no file “%1”."_qs.arg(path));
    if (info.isDir())
        return fail(u"“%1” is a folder, not a file."_qs.arg(path));
    if (info.size() > MaxImportBytes)
        return fail(u"“%1”: "_qs.arg(info.fileName()) % tooLarge(info.size()));
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return fail(u"Galley could not open “%1”: %2."_qs.arg(path, file.errorString()));
    const QByteArray bytes = file.read(MaxImportBytes + 1);
    if (file.error() != QFileDevice::NoError)
        return fail(u"Galley could not read “%1”: %2."_qs.arg(path, file.errorString()));
    QString message;
    auto result = importBytes(bytes, ImportOptions{info.fileName(), ImportFormat::Auto}, &message);
    if (!result)
        return fail(u"“%1”: "_qs.arg(info.fileName()) % message);
    return result;
}

} // namespace galley
