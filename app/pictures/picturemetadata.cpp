#include "picturemetadata.h"

#include "exiv2guard.h"
#include "logging.h"

#include <QStringDecoder>

#include <optional>

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wdeprecated-declarations" // Exiv2 0.27's auto_ptr (exiv2guard.h)

namespace galley {

namespace {

using pictures::exiv2Reason;

/// "ESC % G": IIM's CodedCharacterSet (1:90) for UTF-8 (ISO 2022 designation, IIM 4.2 §1.5.90).
const std::string IimUtf8 = "\x1b%G";

bool isValidUtf8(const QByteArray &bytes) {
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    const QString decoded = decoder.decode(bytes);
    Q_UNUSED(decoded);
    return !decoder.hasError();
}

/// IIM text: UTF-8 when 1:90 says so; without 1:90, UTF-8 when the bytes are valid UTF-8, else
/// Latin-1; with another 1:90 (ISO 8859-1's "ESC . A", or none known), Latin-1. IIM fields may be
/// padded with NULs.
QString decodeIim(const std::string &raw, const std::optional<std::string> &characterSet) {
    QByteArray bytes = QByteArray::fromStdString(raw);
    while (bytes.endsWith('\0'))
        bytes.chop(1);
    const bool utf8 = characterSet ? *characterSet == IimUtf8 : isValidUtf8(bytes);
    return (utf8 ? QString::fromUtf8(bytes) : QString::fromLatin1(bytes)).trimmed();
}

/// EXIF ASCII text: UTF-8 when valid (as cameras and editors write it today), else Latin-1.
QString decodeExif(const std::string &raw) {
    QByteArray bytes = QByteArray::fromStdString(raw);
    while (bytes.endsWith('\0'))
        bytes.chop(1);
    return (isValidUtf8(bytes) ? QString::fromUtf8(bytes) : QString::fromLatin1(bytes)).trimmed();
}

/// An XMP property's text: a language alternative's "x-default" (else first) entry, an array's
/// items joined by "; ", a simple value as it stands.
QString xmpText(const Exiv2::XmpData &xmp, const char *key) {
    const auto it = xmp.findKey(Exiv2::XmpKey(key));
    if (it == xmp.end())
        return {};
    const Exiv2::Value &value = it->value();
    if (const auto *alternatives = dynamic_cast<const Exiv2::LangAltValue *>(&value)) {
        const auto preferred = alternatives->value_.find("x-default");
        if (preferred != alternatives->value_.end())
            return QString::fromStdString(preferred->second).trimmed();
        return alternatives->value_.empty()
                   ? QString()
                   : QString::fromStdString(alternatives->value_.begin()->second).trimmed();
    }
    if (const auto *array = dynamic_cast<const Exiv2::XmpArrayValue *>(&value)) {
        QStringList items;
        for (long i = 0; i < array->count(); ++i)
            if (const QString item = QString::fromStdString(array->toString(i)).trimmed(); !item.isEmpty())
                items.append(item);
        return items.join(u"; "_qs);
    }
    return QString::fromStdString(value.toString()).trimmed();
}

/// An IIM dataset's values (repeatable ones such as By-line joined by "; ").
QString iimText(const Exiv2::IptcData &iptc, const char *key,
                const std::optional<std::string> &characterSet) {
    const Exiv2::IptcKey wanted(key);
    QStringList values;
    for (const Exiv2::Iptcdatum &datum : iptc)
        if (datum.tag() == wanted.tag() && datum.record() == wanted.record())
            if (const QString text = decodeIim(datum.toString(), characterSet); !text.isEmpty())
                values.append(text);
    return values.join(u"; "_qs);
}

QString exifText(const Exiv2::ExifData &exif, const char *key) {
    const auto it = exif.findKey(Exiv2::ExifKey(key));
    return it == exif.end() ? QString() : decodeExif(it->toString());
}

QString firstOf(std::initializer_list<QString> values) {
    for (const QString &value : values)
        if (!value.isEmpty())
            return value;
    return {};
}

} // namespace

bool PictureMetadata::isEmpty() const {
    return caption.isEmpty() && creditLine.isEmpty() && creator.isEmpty() && copyrightNotice.isEmpty() &&
           altText.isEmpty() && extendedDescription.isEmpty();
}

PictureMetadata readPictureMetadata(const QByteArray &data, QString *error) {
    PictureMetadata out;
    if (data.isEmpty())
        return out;
    pictures::initExiv2();
    try {
        auto image = Exiv2::ImageFactory::open(reinterpret_cast<const Exiv2::byte *>(data.constData()),
                                               long(data.size()));
        image->readMetadata();
        const Exiv2::XmpData &xmp = image->xmpData();
        const Exiv2::IptcData &iptc = image->iptcData();
        const Exiv2::ExifData &exif = image->exifData();
        std::optional<std::string> characterSet;
        const auto set = iptc.findKey(Exiv2::IptcKey("Iptc.Envelope.CharacterSet"));
        if (set != iptc.end())
            characterSet = set->toString();
        out.caption = firstOf({xmpText(xmp, "Xmp.dc.description"),
                               iimText(iptc, "Iptc.Application2.Caption", characterSet),
                               exifText(exif, "Exif.Image.ImageDescription")});
        out.creditLine = firstOf(
            {xmpText(xmp, "Xmp.photoshop.Credit"), iimText(iptc, "Iptc.Application2.Credit", characterSet)});
        out.creator =
            firstOf({xmpText(xmp, "Xmp.dc.creator"), iimText(iptc, "Iptc.Application2.Byline", characterSet),
                     exifText(exif, "Exif.Image.Artist")});
        out.copyrightNotice = firstOf({xmpText(xmp, "Xmp.dc.rights"),
                                       iimText(iptc, "Iptc.Application2.Copyright", characterSet),
                                       exifText(exif, "Exif.Image.Copyright")});
        out.altText = xmpText(xmp, "Xmp.iptc.AltTextAccessibility");
        out.extendedDescription = xmpText(xmp, "Xmp.iptc.ExtDescrAccessibility");
    } catch (const Exiv2::AnyError &e) {
        if (error)
            *error = u"The picture's own metadata cannot be read: %1."_qs.arg(exiv2Reason(e));
        qCDebug(lcImport) << "Picture metadata not read:" << e.what();
        return PictureMetadata();
    }
    return out;
}

QStringList fillEmptyPictureFields(StoryImage &image, const PictureMetadata &metadata) {
    QStringList filled;
    if (image.caption.trimmed().isEmpty() && !metadata.caption.isEmpty()) {
        image.caption = metadata.caption;
        filled << u"caption"_qs;
    }
    const QString credit = metadata.creditLine.isEmpty() ? metadata.creator : metadata.creditLine;
    if (image.credit.trimmed().isEmpty() && !credit.isEmpty()) {
        image.credit = credit;
        filled << u"credit"_qs;
    }
    if (image.altText.trimmed().isEmpty() && !metadata.altText.isEmpty()) {
        image.altText = metadata.altText;
        filled << u"alt text"_qs;
    }
    return filled;
}

QString filledFieldsSentence(const QStringList &fields, const QString &fileName) {
    if (fields.isEmpty())
        return {};
    QString list = fields.first();
    for (qsizetype i = 1; i < fields.size(); ++i)
        list += (i + 1 == fields.size() ? u" and "_qs : u", "_qs) % fields.at(i);
    return fileName.isEmpty() ? u"Filled the %1 from the picture's own metadata."_qs.arg(list)
                              : u"Filled the %1 from the metadata in “%2”."_qs.arg(list, fileName);
}

} // namespace galley

#pragma GCC diagnostic pop
