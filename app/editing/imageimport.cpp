#include "imageimport.h"

#include "logging.h"

#include <QBuffer>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QImageReader>

namespace galley {

namespace {

struct FormatInfo {
    const char *readerFormat;
    const char16_t *mimeType;
};

constexpr FormatInfo acceptedFormats[] = {
    {"jpeg", u"image/jpeg"},
    {"png", u"image/png"},
    {"webp", u"image/webp"},
    {"gif", u"image/gif"},
};

// Walks a JPEG's marker segments (ITU-T T.81, annex B) from SOI to EOI. libjpeg decodes a cut-off
// file without an error, padding the missing part with grey, so only the structure tells that the
// end is missing. Bytes after EOI (camera trailers, motion-photo videos) are allowed.
bool jpegReachesEnd(const QByteArray &data) {
    const auto byte = [&data](qsizetype i) { return static_cast<quint8>(data.at(i)); };
    const qsizetype size = data.size();
    if (size < 4 || byte(0) != 0xFF || byte(1) != 0xD8)
        return false;
    qsizetype pos = 2;
    while (pos < size) {
        if (byte(pos) != 0xFF)
            return false;
        while (pos < size && byte(pos) == 0xFF) // fill bytes
            ++pos;
        if (pos >= size)
            return false;
        const quint8 marker = byte(pos++);
        if (marker == 0xD9) // EOI
            return true;
        if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) // TEM, RSTn: no length
            continue;
        if (pos + 2 > size)
            return false;
        const qsizetype length = (qsizetype(byte(pos)) << 8) | byte(pos + 1);
        if (length < 2 || pos + length > size)
            return false;
        pos += length;
        if (marker != 0xDA) // not SOS: the next marker follows the segment
            continue;
        // Entropy-coded data runs to the next marker that is not a stuffed 0xFF00 or a RSTn.
        while (pos + 1 < size) {
            if (byte(pos) == 0xFF) {
                const quint8 next = byte(pos + 1);
                if (next != 0x00 && next != 0xFF && !(next >= 0xD0 && next <= 0xD7))
                    break;
            }
            ++pos;
        }
        if (pos + 1 >= size)
            return false;
    }
    return false;
}

} // namespace

std::optional<StoryImage> importImageData(const QByteArray &data, const QString &fileName, QString *error) {
    const QString name = QFileInfo(fileName).fileName();
    auto fail = [&](const QString &message) -> std::optional<StoryImage> {
        if (error)
            *error = message;
        qCInfo(lcUi) << "Picture refused:" << message;
        return std::nullopt;
    };
    if (data.isEmpty())
        return fail(QStringLiteral("“%1” is empty, so it is not a picture.").arg(name));
    if (data.size() > MaxImageFileBytes)
        return fail(QStringLiteral("“%1” is larger than %2 MB. Please use a smaller picture.")
                        .arg(name)
                        .arg(MaxImageFileBytes / (1024 * 1024)));

    QBuffer buffer;
    buffer.setData(data);
    buffer.open(QIODevice::ReadOnly);
    QImageReader reader(&buffer);
    reader.setDecideFormatFromContent(true);
    const QByteArray format = reader.format();
    const FormatInfo *info = nullptr;
    for (const auto &candidate : acceptedFormats)
        if (format == candidate.readerFormat)
            info = &candidate;
    if (!info)
        return fail(QStringLiteral("“%1” is not a JPEG, PNG, WebP or GIF picture.").arg(name));
    const QImage image = reader.read();
    const bool cutOff = info == &acceptedFormats[0] && !jpegReachesEnd(data);
    if (image.isNull() || cutOff)
        return fail(QStringLiteral("“%1” cannot be read: the file may be damaged.").arg(name));

    StoryImage out;
    out.id = newId();
    out.data = data;
    out.mimeType = QString::fromUtf16(info->mimeType);
    out.fileName = name;
    out.placement = Placement::lead();
    return out;
}

std::optional<StoryImage> importImageFile(const QString &path, QString *error) {
    const QFileInfo info(path);
    QFile file(path);
    if (info.size() > MaxImageFileBytes) {
        if (error)
            *error = QStringLiteral("“%1” is larger than %2 MB. Please use a smaller picture.")
                         .arg(info.fileName())
                         .arg(MaxImageFileBytes / (1024 * 1024));
        return std::nullopt;
    }
    if (!info.isFile() || !file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = QStringLiteral("“%1” cannot be opened.").arg(info.fileName());
        return std::nullopt;
    }
    return importImageData(file.readAll(), info.fileName(), error);
}

QString imageFileDialogFilter() {
    return QStringLiteral("Pictures (*.jpg *.jpeg *.png *.webp *.gif)");
}

} // namespace galley
