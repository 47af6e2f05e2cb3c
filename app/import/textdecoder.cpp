#include "textdecoder.h"

#include "logging.h"
#include "wireformat.h"

#include <QRegularExpression>
#include <QStringDecoder>

#include <uchardet.h>

#include <iconv.h>

#include <memory>

namespace galley {

namespace {

bool looksBinary(const QByteArray &bytes) {
    // Sampling the start is enough: pictures, archives and programs show NULs and control bytes early.
    const qsizetype n = std::min<qsizetype>(bytes.size(), 64 * 1024);
    qsizetype control = 0;
    for (qsizetype i = 0; i < n; ++i) {
        const auto c = static_cast<unsigned char>(bytes.at(i));
        if (c == 0)
            return true;
        if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f')
            ++control;
    }
    return n > 0 && control * 20 > n;
}

std::optional<QString> strictUtf8(const QByteArray &bytes) {
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    QString text = decoder.decode(bytes);
    if (decoder.hasError())
        return std::nullopt;
    return text;
}

bool hasC1Bytes(const QByteArray &bytes) {
    for (const char ch : bytes) {
        const auto c = static_cast<unsigned char>(ch);
        if (c >= 0x80 && c <= 0x9f)
            return true;
    }
    return false;
}

struct IconvCloser {
    void operator()(void *cd) const { iconv_close(static_cast<iconv_t>(cd)); }
};

/// Converts with glibc's iconv, which knows every charset uchardet can name. nullopt when the
/// charset is unknown or the bytes are not valid in it.
std::optional<QString> convertWithIconv(const QByteArray &bytes, const QByteArray &charset) {
    iconv_t raw = iconv_open("UTF-8", charset.constData());
    if (raw == reinterpret_cast<iconv_t>(-1))
        return std::nullopt;
    std::unique_ptr<void, IconvCloser> cd(raw);
    QByteArray in = bytes;
    QByteArray out(bytes.size() * 4 + 16, Qt::Uninitialized);
    char *inPtr = in.data();
    size_t inLeft = static_cast<size_t>(in.size());
    char *outPtr = out.data();
    size_t outLeft = static_cast<size_t>(out.size());
    if (iconv(raw, &inPtr, &inLeft, &outPtr, &outLeft) == static_cast<size_t>(-1))
        return std::nullopt;
    out.truncate(out.size() - static_cast<qsizetype>(outLeft));
    return QString::fromUtf8(out);
}

QString canonical(QByteArray name) {
    name = name.trimmed().toUpper();
    if (name == "UTF8")
        name = "UTF-8";
    if (name == "LATIN1" || name == "ISO_8859-1" || name == "ISO8859-1")
        name = "ISO-8859-1";
    if (name == "CP1252" || name == "WINDOWS1252")
        name = "WINDOWS-1252";
    return QString::fromLatin1(name);
}

} // namespace

QByteArray declaredEncoding(const QByteArray &bytes) {
    static const QRegularExpression pattern(
        uR"((?:<\?xml[^>]*encoding\s*=\s*["']|<meta[^>]*charset\s*=\s*["']?)([A-Za-z0-9._:-]+))"_qs,
        QRegularExpression::CaseInsensitiveOption);
    const auto match = pattern.match(QString::fromLatin1(bytes.left(2048)));
    return match.hasMatch() ? match.captured(1).toLatin1() : QByteArray();
}

std::optional<DecodedText> decodeText(const QByteArray &raw, const QByteArray &declared, QString *error) {
    // Agency wire copy (IPTC 7901, ANPA-1312) frames its text with control characters and pads it
    // with NULs and DELs: the framing is structure the wire reader needs, the padding is dropped.
    const bool framed = wire::hasWireFraming(raw);
    const QByteArray bytes = framed ? wire::withoutWirePadding(raw) : raw;
    auto fail = [error](const QString &message) -> std::optional<DecodedText> {
        if (error)
            *error = message;
        return std::nullopt;
    };
    if (bytes.trimmed().isEmpty())
        return fail(u"The file is empty: there is nothing to import."_qs);

    if (const auto bom = QStringConverter::encodingForData(bytes)) {
        const auto encoding = *bom;
        QStringDecoder decoder(encoding, QStringDecoder::Flag::Stateless);
        QString text = decoder.decode(bytes);
        if (text.startsWith(QChar(0xFEFF)))
            text.remove(0, 1);
        if (decoder.hasError())
            return fail(u"The file starts with a %1 byte-order mark but is not valid %1 text."_qs.arg(
                QString::fromLatin1(QStringConverter::nameForEncoding(encoding))));
        return DecodedText{text, QString::fromLatin1(QStringConverter::nameForEncoding(encoding)).toUpper()};
    }

    if (!framed && looksBinary(bytes))
        return fail(u"The file looks like a binary file (a picture, a program or an archive), "
                    "not text, HTML or NITF, so it was not imported."_qs);

    if (auto utf8 = strictUtf8(bytes))
        return DecodedText{*utf8, u"UTF-8"_qs};

    QByteArray charset = declared.trimmed();
    const bool wasDeclared = !charset.isEmpty();
    if (!wasDeclared) {
        std::unique_ptr<std::remove_pointer_t<uchardet_t>, decltype(&uchardet_delete)> detector(
            uchardet_new(), &uchardet_delete);
        if (uchardet_handle_data(detector.get(), bytes.constData(), static_cast<size_t>(bytes.size())) != 0)
            return fail(u"Galley ran out of memory while reading the file's character encoding."_qs);
        uchardet_data_end(detector.get());
        charset = QByteArray(uchardet_get_charset(detector.get()));
        qCDebug(lcImport) << "uchardet says" << charset;
        if (charset.isEmpty())
            return fail(u"Galley could not tell which character encoding the file uses. Save it as "
                        "UTF-8 and import it again."_qs);
    }
    QString name = canonical(charset);
    // C1 controls never occur in real text: ISO-8859-1 with such bytes is Windows-1252.
    if ((name == u"ISO-8859-1" || name == u"ASCII" || name == u"US-ASCII") && hasC1Bytes(bytes))
        name = u"WINDOWS-1252"_qs;
    if (auto text = convertWithIconv(bytes, name.toLatin1()))
        return DecodedText{*text, name};
    if (wasDeclared)
        return fail(u"The file says its text is in the “%1” encoding, which Galley cannot read. Save "
                    "it as UTF-8 and import it again."_qs.arg(QString::fromLatin1(charset)));
    return fail(u"The file is not valid text in the “%1” encoding Galley detected. Save it as UTF-8 "
                "and import it again."_qs.arg(name));
}

} // namespace galley
