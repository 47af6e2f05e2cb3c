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
    if (image.isNull())
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
