#include "picturemetadatawriter.h"

#include "exiv2guard.h"
#include "logging.h"
#include "picturemetadata.h"

#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QStringDecoder>

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wdeprecated-declarations" // Exiv2 0.27's auto_ptr (exiv2guard.h)

namespace galley {

namespace {

using pictures::exiv2Reason;

std::string utf8(const QString &text) {
    return text.trimmed().toStdString();
}

/// Sets the XMP property @p key to a value of @p type read from @p text (a language alternative's
/// text is its "x-default" entry), replacing what it held.
void setXmp(Exiv2::XmpData &xmp, const char *key, Exiv2::TypeId type, const QStringList &values) {
    const Exiv2::XmpKey xmpKey(key);
    const auto old = xmp.findKey(xmpKey);
    if (old != xmp.end())
        xmp.erase(old);
    auto value = Exiv2::Value::create(type);
    for (const QString &item : values) {
        if (type == Exiv2::langAlt)
            value->read("lang=x-default " + utf8(item));
        else
            value->read(utf8(item));
    }
    xmp.add(xmpKey, value.get());
}

/// Replaces every IIM dataset @p key by one per item of @p values (UTF-8).
void setIim(Exiv2::IptcData &iptc, const char *key, const QStringList &values) {
    const Exiv2::IptcKey iimKey(key);
    for (auto it = iptc.begin(); it != iptc.end();)
        it = it->tag() == iimKey.tag() && it->record() == iimKey.record() ? iptc.erase(it) : it + 1;
    for (const QString &item : values) {
        Exiv2::StringValue value(utf8(item));
        iptc.add(iimKey, &value);
    }
}

/// Rewrites every text dataset of @p iptc as UTF-8 (decoded as readPictureMetadata() does), so
/// the file's other fields stay right once 1:90 declares UTF-8.
void iimToUtf8(Exiv2::IptcData &iptc) {
    const auto set = iptc.findKey(Exiv2::IptcKey("Iptc.Envelope.CharacterSet"));
    const bool declared = set != iptc.end();
    const bool utf8Already = declared && set->toString() == "\x1b%G";
    if (utf8Already)
        return;
    for (Exiv2::Iptcdatum &datum : iptc) {
        if (datum.typeId() != Exiv2::string || datum.record() != Exiv2::IptcDataSets::application2)
            continue;
        QByteArray bytes = QByteArray::fromStdString(datum.toString());
        QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
        QString text = decoder.decode(bytes);
        if (declared || decoder.hasError())
            text = QString::fromLatin1(bytes);
        datum.setValue(text.toStdString());
    }
}

QStringList names(const QString &joined) {
    QStringList out;
    for (const QString &name : joined.split(u';', Qt::SkipEmptyParts))
        if (!name.trimmed().isEmpty())
            out.append(name.trimmed());
    return out;
}

} // namespace

QByteArray withPictureMetadata(const QByteArray &data, const StoryImage &image, QString *error) {
    QString ignored;
    QString &message = error ? *error : ignored;
    // GIF has no place for IPTC or XMP that readers look at (and Exiv2 does not write it).
    if (data.startsWith("GIF87a") || data.startsWith("GIF89a")) {
        message = u"A GIF picture holds no caption, credit or alt text; it is exported as it is."_qs;
        return data;
    }
    const PictureMetadata own = readPictureMetadata(data);
    pictures::initExiv2();
    try {
        auto file = Exiv2::ImageFactory::open(reinterpret_cast<const Exiv2::byte *>(data.constData()),
                                              long(data.size()));
        file->readMetadata();
        Exiv2::XmpData xmp = file->xmpData();
        const QString caption = image.caption.trimmed();
        const QString credit = image.credit.trimmed();
        const QString alt = image.altText.trimmed();
        // The photographer and the rights are the file's; only a file that names no creator takes
        // the credit as one. A copyright notice is never made up.
        const QStringList creators = names(own.creator.isEmpty() ? credit : own.creator);
        const QString copyright = own.copyrightNotice;
        if (!caption.isEmpty())
            setXmp(xmp, "Xmp.dc.description", Exiv2::langAlt, {caption});
        if (!credit.isEmpty())
            setXmp(xmp, "Xmp.photoshop.Credit", Exiv2::xmpText, {credit});
        if (!creators.isEmpty())
            setXmp(xmp, "Xmp.dc.creator", Exiv2::xmpSeq, creators);
        if (!copyright.isEmpty())
            setXmp(xmp, "Xmp.dc.rights", Exiv2::langAlt, {copyright});
        if (!alt.isEmpty())
            setXmp(xmp, "Xmp.iptc.AltTextAccessibility", Exiv2::langAlt, {alt});
        file->setXmpData(xmp);

        if (file->checkMode(Exiv2::mdIptc) & Exiv2::amWrite) {
            Exiv2::IptcData iptc = file->iptcData();
            iimToUtf8(iptc);
            setIim(iptc, "Iptc.Envelope.CharacterSet", {u"\x1b%G"_qs});
            if (!caption.isEmpty())
                setIim(iptc, "Iptc.Application2.Caption", {caption});
            if (!credit.isEmpty())
                setIim(iptc, "Iptc.Application2.Credit", {credit});
            if (!creators.isEmpty())
                setIim(iptc, "Iptc.Application2.Byline", creators);
            if (!copyright.isEmpty())
                setIim(iptc, "Iptc.Application2.Copyright", {copyright});
            file->setIptcData(iptc);
        }
        file->writeMetadata();
        Exiv2::BasicIo &io = file->io();
        io.open();
        io.seek(0, Exiv2::BasicIo::beg);
        const Exiv2::DataBuf written = io.read(long(io.size()));
        io.close();
        if (written.size_ <= 0) {
            message = u"The picture's metadata could not be written."_qs;
            return data;
        }
        return QByteArray(reinterpret_cast<const char *>(written.pData_), qsizetype(written.size_));
    } catch (const Exiv2::AnyError &e) {
        message = u"The picture's metadata could not be written: %1."_qs.arg(exiv2Reason(e));
        qCDebug(lcExport) << "Picture metadata not written:" << e.what();
        return data;
    }
}

bool writePictureMetadata(const QString &path, const StoryImage &image, QString *error) {
    QString ignored;
    QString &message = error ? *error : ignored;
    QFile in(path);
    if (!in.open(QIODevice::ReadOnly)) {
        message = u"Could not read %1: %2."_qs.arg(path, in.errorString());
        return false;
    }
    const QByteArray data = in.readAll();
    in.close();
    message.clear();
    const QByteArray out = withPictureMetadata(data, image, &message);
    if (!message.isEmpty())
        return false;
    // Replaced whole or not at all: a failed write leaves the picture as it was.
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(out) != out.size() || !file.commit()) {
        message = u"Could not write %1: %2."_qs.arg(path, file.errorString());
        return false;
    }
    return true;
}

} // namespace galley

#pragma GCC diagnostic pop
