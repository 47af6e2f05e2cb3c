#include "renditions.h"

#include "logging.h"

#include <QBuffer>
#include <QFileInfo>
#include <QImageReader>
#include <QImageWriter>
#include <QMimeDatabase>

#include <algorithm>
#include <iterator>

namespace galley {

namespace {

QString extensionOf(const QByteArray &format) {
    if (format == "jpeg")
        return u"jpg"_qs;
    return QString::fromLatin1(format);
}

QString mimeTypeOf(const QByteArray &format) {
    return u"image/"_qs % QString::fromLatin1(format);
}

bool canWrite(const QByteArray &format) {
    static const QList<QByteArray> writable = QImageWriter::supportedImageFormats();
    return writable.contains(format);
}

/// The pixels of @p crop (fractions of @p size); the whole picture when the crop is null or
/// leaves nothing.
QRect cropPixels(const QRectF &crop, const QSize &size) {
    const QRect whole(QPoint(0, 0), size);
    if (crop.isNull() || !crop.isValid())
        return whole;
    const QRect pixels = QRect(qRound(crop.x() * size.width()), qRound(crop.y() * size.height()),
                               qRound(crop.width() * size.width()), qRound(crop.height() * size.height()))
                             .intersected(whole);
    return pixels.isEmpty() ? whole : pixels;
}

QByteArray encode(const QImage &image, const QByteArray &format, bool fromPng) {
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    QImageWriter writer(&buffer, format);
    if (format == "jpeg") {
        writer.setQuality(85);
        writer.setOptimizedWrite(true);
        writer.setProgressiveScanWrite(true);
    } else if (format == "webp") {
        // A PNG is a drawing or a screenshot more often than a photo: lossy WebP would smear it.
        writer.setQuality(fromPng ? 100 : 80);
    }
    // JPEG has no alpha; a transparent picture would turn black behind its clear parts.
    const QImage source = format == "jpeg" && image.hasAlphaChannel()
                              ? image.convertToFormat(QImage::Format_RGB32)
                              : image;
    if (!writer.write(source)) {
        qCWarning(lcExport) << "Could not encode a picture as" << format << writer.errorString();
        return {};
    }
    return bytes;
}

QImage scaledTo(const QImage &image, int width) {
    if (width >= image.width())
        return image;
    const int height = qMax(1, qRound(double(image.height()) * width / image.width()));
    return image.scaled(width, height, Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
}

qint64 totalBytes(const QList<RenditionFile> &files) {
    qint64 total = 0;
    for (const RenditionFile &file : files)
        total += file.bytes.size();
    return total;
}

QList<PictureCandidate> candidatesOf(const QList<RenditionFile> &files) {
    QList<PictureCandidate> candidates;
    for (const RenditionFile &file : files)
        candidates.append({file.relativePath, file.width});
    return candidates;
}

} // namespace

QString renditionSizes() {
    return u"(max-width: 40em) 100vw, 38em"_qs;
}

PreparedPicture preparePicture(const StoryImage &image) {
    PreparedPicture picture;
    if (image.isMissing())
        return picture;
    QBuffer buffer;
    buffer.setData(image.data);
    buffer.open(QIODevice::ReadOnly);
    QImageReader reader(&buffer);
    reader.setAutoTransform(true);
    picture.format = reader.format();
    // Known before decoding: the EXIF orientation the browser would apply to the stored file.
    const bool turned = reader.transformation() != QImageIOHandler::TransformationNone;
    if (!reader.read(&picture.image)) {
        qCDebug(lcExport) << "Picture" << image.id << "is not readable:" << reader.errorString();
        picture.image = QImage();
        picture.asStored = true;
        return picture;
    }
    if (picture.format == "gif") {
        picture.asStored = true;
        return picture;
    }
    const QRect whole = picture.image.rect();
    const QRect crop = cropPixels(image.crop, whole.size());
    if (crop != whole)
        picture.image = picture.image.copy(crop);
    picture.asStored = !turned && crop == whole;
    return picture;
}

QList<RenditionSpec> planRenditions(const QString &fullSizePath, const PreparedPicture &picture,
                                    const QByteArray &format) {
    const qsizetype dot = fullSizePath.lastIndexOf(u'.');
    const QString base = dot > fullSizePath.lastIndexOf(u'/') ? fullSizePath.left(dot) : fullSizePath;
    const QString extension = extensionOf(format);
    const int fullWidth = picture.image.width();
    QList<RenditionSpec> specs;
    for (const int width : RenditionWidths)
        if (width < fullWidth)
            specs.append({base % u'-' % QString::number(width) % u'.' % extension, width, format, false});
    const QString fullPath = format == picture.format ? fullSizePath : base % u'.' % extension;
    specs.append({fullPath, fullWidth, format, true});
    return specs;
}

RenditionFile makeRenditionFile(const StoryImage &image, const PreparedPicture &picture,
                                const RenditionSpec &spec) {
    RenditionFile file;
    file.relativePath = spec.relativePath;
    if (spec.fullSize && picture.asStored && spec.format == picture.format) {
        file.bytes = image.data;
        file.width = picture.image.width();
        file.height = picture.image.height();
    } else {
        const QImage scaled = scaledTo(picture.image, spec.width);
        file.bytes = encode(scaled, spec.format, picture.format == "png");
        file.width = scaled.width();
        file.height = scaled.height();
    }
    // Every exported rendition passes here with its path, its picture and its bytes: the place to
    // write the picture's caption, credit and alt text into the file (IPTC/XMP) when that comes.
    return file;
}

PictureRenditions makeRenditions(const StoryImage &image, const QString &fullSizePath, RenditionSet set) {
    PictureRenditions result;
    const PreparedPicture picture = preparePicture(image);
    const bool resizable = !picture.image.isNull() && picture.format != "gif" && canWrite(picture.format);
    if (!resizable) {
        RenditionFile file{fullSizePath, image.data, picture.image.width(), picture.image.height()};
        result.files.append(file);
        result.sources.src = fullSizePath;
        result.sources.width = file.width;
        result.sources.height = file.height;
        return result;
    }
    QList<RenditionFile> primary;
    for (const RenditionSpec &spec : planRenditions(fullSizePath, picture, picture.format))
        primary.append(makeRenditionFile(image, picture, spec));
    QList<RenditionFile> webp;
    if (set == RenditionSet::WebPage && picture.format != "webp" && canWrite("webp")) {
        for (const RenditionSpec &spec : planRenditions(fullSizePath, picture, "webp"))
            webp.append(makeRenditionFile(image, picture, spec));
        const bool failed = std::any_of(webp.cbegin(), webp.cend(), [](const RenditionFile &f) { return f.bytes.isEmpty(); });
        if (failed || totalBytes(webp) >= totalBytes(primary))
            webp.clear();
    }
    result.files = webp + primary; // the full-size stored-format file last
    result.sources.src = primary.constLast().relativePath;
    result.sources.width = primary.constLast().width;
    result.sources.height = primary.constLast().height;
    if (primary.size() > 1 || !webp.isEmpty()) {
        result.sources.candidates = candidatesOf(primary);
        result.sources.webp = candidatesOf(webp);
        result.sources.sizes = renditionSizes();
    }
    return result;
}

QList<PictureFileRef> fileRefsOf(const PictureRenditions &renditions, const StoryImage &image) {
    QList<PictureFileRef> refs;
    for (const RenditionFile &file : renditions.files) {
        const QString extension = QFileInfo(file.relativePath).suffix().toLower();
        QString mimeType = QMimeDatabase().mimeTypeForFile(file.relativePath, QMimeDatabase::MatchExtension).name();
        if (mimeType == u"application/octet-stream"_qs || extension.isEmpty())
            mimeType = image.mimeType; // a picture written as stored under an unknown extension
        refs.append({file.relativePath, mimeType, file.width, file.height, file.bytes.size()});
    }
    return refs;
}

QByteArray previewPictureBytes(const StoryImage &image, QString *mimeType) {
    const PreparedPicture picture = preparePicture(image);
    if (picture.asStored || picture.image.isNull()) {
        *mimeType = image.mimeType;
        return image.data;
    }
    const QByteArray format = canWrite(picture.format) ? picture.format : QByteArray("png");
    const QImage shown = scaledTo(picture.image, RenditionWidths[std::size(RenditionWidths) - 1]);
    *mimeType = mimeTypeOf(format);
    return encode(shown, format, picture.format == "png");
}

} // namespace galley
