#include "acceptance.h"

#include "model/linkpolicy.h"

#include <QBuffer>
#include <QImageReader>
#include <QUrl>

namespace galley {

CheckedLink checkLink(const QString &href) {
    const QString trimmed = href.trimmed();
    if (trimmed.isEmpty())
        return {};
    const QUrl url(trimmed, QUrl::TolerantMode);
    const QString scheme = url.scheme().toLower();
    if (!url.isValid())
        return {{}, u"The link address “%1” is not a valid address."_qs.arg(trimmed)};
    if (scheme.isEmpty())
        return {{}, u"The link address “%1” is not a full address (no http or https)."_qs.arg(trimmed)};
    if (scheme != u"http" && scheme != u"https" && scheme != u"mailto")
        return {{},
                u"The link address “%1” is a %2: link, which is not safe to publish; only http, https "
                "and mailto links are kept."_qs.arg(trimmed.left(80), scheme)};
    const QString encoded = url.toString(QUrl::FullyEncoded);
    if (!isSafeLinkUrl(encoded)) // the renderer's rule: a link kept here is a live link on the page
        return {{}, u"The link address “%1” is not a complete web or mail address."_qs.arg(trimmed.left(80))};
    return {encoded, {}};
}

CheckedPicture checkPicture(const QByteArray &bytes, const QString &declaredMime) {
    const QString label = declaredMime.isEmpty() ? u"a picture"_qs : declaredMime;
    if (bytes.isEmpty())
        return {{}, u"The picture (labelled %1) holds no data."_qs.arg(label)};
    QByteArray copy = bytes;
    QBuffer buffer(&copy);
    buffer.open(QIODevice::ReadOnly);
    const QByteArray format = QImageReader::imageFormat(&buffer).toLower();
    static const QList<std::pair<QByteArray, QString>> accepted = {{"jpeg", u"image/jpeg"_qs},
                                                                   {"jpg", u"image/jpeg"_qs},
                                                                   {"png", u"image/png"_qs},
                                                                   {"webp", u"image/webp"_qs},
                                                                   {"gif", u"image/gif"_qs}};
    QString mime;
    for (const auto &[name, type] : accepted)
        if (format == name)
            mime = type;
    if (mime.isEmpty()) {
        const QString what = format.isEmpty() ? u"not a picture Galley can read"_qs
                                              : u"a %1 file"_qs.arg(QString::fromLatin1(format.toUpper()));
        return {{},
                u"The picture labelled %1 is %2; only JPEG, PNG, WebP and GIF pictures are kept."_qs.arg(
                    label, what)};
    }
    buffer.seek(0);
    QImageReader reader(&buffer, format);
    if (reader.read().isNull())
        return {{},
                u"The picture labelled %1 is a damaged %2 file that does not open."_qs.arg(
                    label, QString::fromLatin1(format.toUpper()))};
    return {mime, {}};
}

} // namespace galley
