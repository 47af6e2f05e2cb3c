#include "acceptance.h"

#include "logging.h"
#include "model/linkpolicy.h"

#include <QBuffer>
#include <QImageReader>
#include <QMutex>
#include <QUrl>

#include <png.h>

namespace galley {

CheckedLink checkLink(const QString &href) {
    const QString trimmed = href.trimmed();
    if (trimmed.isEmpty())
        return {};
    if (const QString target = redirectTarget(trimmed); !target.isEmpty())
        return {target, {}, trimmed};
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
    return {encoded, {}, {}};
}

namespace {

/// Pictures larger than this are refused: decoding one would take more memory than an import may.
constexpr qint64 MaxPicturePixels = 100'000'000;
/// From this size on a picture is checked at a reduced size (JPEG decodes scaled for free).
constexpr qint64 ScaledCheckPixels = 16'000'000;

/// Collects what Qt and its image plugins would print while a picture is read, so that nothing of
/// theirs reaches the terminal; the lines go to the debug log. One at a time: the handler is global.
class QuietImageIo final {
public:
    QuietImageIo()
        : m_lock(&mutex()) {
        lines().clear();
        m_previous = qInstallMessageHandler(&collect);
    }
    ~QuietImageIo() {
        qInstallMessageHandler(m_previous);
        for (const QString &line : std::as_const(lines()))
            qCDebug(lcImport) << "image reader said:" << line;
        lines().clear();
    }
    Q_DISABLE_COPY_MOVE(QuietImageIo)

private:
    static QMutex &mutex() {
        static QMutex m;
        return m;
    }
    static QStringList &lines() {
        static QStringList l;
        return l;
    }
    static void collect(QtMsgType, const QMessageLogContext &, const QString &message) {
        if (lines().size() < 20)
            lines().append(message);
    }
    QMutexLocker<QMutex> m_lock;
    QtMessageHandler m_previous = nullptr;
};

/// Reads a whole PNG with libpng's simplified API, which reports errors in its own structure and
/// never prints (Qt's PNG reader leaves libpng's default error printer in place). Empty when the
/// picture decodes, else why not.
QString pngProblem(const QByteArray &bytes) {
    png_image image{};
    image.version = PNG_IMAGE_VERSION;
    if (!png_image_begin_read_from_memory(&image, bytes.constData(), size_t(bytes.size())))
        return u"damaged"_qs;
    if (qint64(image.width) * qint64(image.height) > MaxPicturePixels) {
        png_image_free(&image);
        return u"too large"_qs;
    }
    // Gray, one byte a pixel: every row is still inflated and checked, at a quarter of the memory.
    image.format = PNG_FORMAT_GRAY;
    QByteArray pixels(qsizetype(PNG_IMAGE_SIZE(image)), Qt::Uninitialized);
    const bool ok = png_image_finish_read(&image, nullptr, pixels.data(), 0, nullptr) != 0;
    png_image_free(&image);
    return ok ? QString() : u"damaged"_qs;
}

} // namespace

CheckedPicture checkPicture(const QByteArray &bytes, const QString &declaredMime) {
    const QString label = declaredMime.isEmpty() ? u"a picture"_qs : declaredMime;
    if (bytes.isEmpty())
        return {{}, u"The picture (labelled %1) holds no data."_qs.arg(label)};
    QByteArray copy = bytes;
    QBuffer buffer(&copy);
    buffer.open(QIODevice::ReadOnly);
    QuietImageIo quiet;
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
    const QString kind = QString::fromLatin1(format == "jpg" ? QByteArray("JPEG") : format.toUpper());
    const QString damaged =
        u"The picture labelled %1 is a damaged %2 file that does not open."_qs.arg(label, kind);
    const QString tooLarge =
        u"The picture labelled %1 is a %2 file of more than %3 million pixels, too large to import."_qs.arg(
            label, kind, QString::number(MaxPicturePixels / 1'000'000));
    if (format == "png") {
        const QString problem = pngProblem(bytes);
        if (problem == u"too large")
            return {{}, tooLarge};
        if (!problem.isEmpty())
            return {{}, damaged};
        return {mime, {}};
    }
    buffer.seek(0);
    QImageReader reader(&buffer, format);
    const QSize size = reader.size();
    const qint64 pixels = qint64(size.width()) * qint64(size.height());
    if (pixels > MaxPicturePixels)
        return {{}, tooLarge};
    if (pixels > ScaledCheckPixels)
        reader.setScaledSize(size / 4);
    if (reader.read().isNull())
        return {{}, damaged};
    return {mime, {}};
}

} // namespace galley
