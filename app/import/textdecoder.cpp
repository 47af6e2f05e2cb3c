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

/// What a UTF-8 validation of the bytes found (RFC 3629: no overlong forms, no surrogates, nothing
/// past U+10FFFF).
struct Utf8Scan {
    qsizetype firstInvalid = -1;    ///< 0-based offset of the first byte of the first damaged sequence
    qsizetype invalid = 0;          ///< damaged sequences (each becomes one U+FFFD)
    qsizetype multiByte = 0;        ///< valid characters of two bytes or more
    qsizetype replacementChars = 0; ///< valid U+FFFD already in the text
    QList<std::pair<qsizetype, qsizetype>> damaged; ///< offset and length of each damaged sequence
};

Utf8Scan scanUtf8(const QByteArray &bytes, qsizetype from) {
    Utf8Scan scan;
    const auto *b = reinterpret_cast<const unsigned char *>(bytes.constData());
    const qsizetype n = bytes.size();
    auto bad = [&](qsizetype at, qsizetype length) {
        if (scan.firstInvalid < 0)
            scan.firstInvalid = at;
        ++scan.invalid;
        scan.damaged.append({at, length});
    };
    for (qsizetype i = from; i < n;) {
        const unsigned char c = b[i];
        if (c < 0x80) {
            ++i;
            continue;
        }
        int length = 0;
        unsigned char low = 0x80;
        unsigned char high = 0xBF;
        if (c >= 0xC2 && c <= 0xDF) {
            length = 2;
        } else if (c >= 0xE0 && c <= 0xEF) {
            length = 3;
            low = c == 0xE0 ? 0xA0 : 0x80;  // no overlong forms
            high = c == 0xED ? 0x9F : 0xBF; // no surrogates
        } else if (c >= 0xF0 && c <= 0xF4) {
            length = 4;
            low = c == 0xF0 ? 0x90 : 0x80;
            high = c == 0xF4 ? 0x8F : 0xBF; // nothing past U+10FFFF
        }
        if (length == 0) {
            bad(i, 1);
            ++i;
            continue;
        }
        qsizetype k = 1;
        for (; k < length && i + k < n; ++k) {
            const unsigned char next = b[i + k];
            if (next < (k == 1 ? low : 0x80) || next > (k == 1 ? high : 0xBF))
                break;
        }
        if (k < length) {
            // The maximal valid prefix is one damaged sequence (Unicode's U+FFFD practice).
            bad(i, k);
            i += k;
            continue;
        }
        ++scan.multiByte;
        scan.replacementChars += c == 0xEF && b[i + 1] == 0xBF && b[i + 2] == 0xBD;
        i += length;
    }
    return scan;
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

    const bool utf8Bom = bytes.startsWith("\xEF\xBB\xBF");
    const QString declaredName = canonical(declared);
    const bool saysUtf8 = utf8Bom || declaredName == u"UTF-8";
    // Damaged UTF-8: read with U+FFFD and say where, so the desk sees the marks rather than a refusal.
    auto damagedUtf8 = [&](const Utf8Scan &scan) {
        const qsizetype at = scan.firstInvalid;
        const qsizetype line = bytes.left(at).count('\n') + 1;
        // One U+FFFD per damaged sequence (Unicode's "maximal subpart" practice), so the marks in
        // the story are the places the note counts.
        QString text;
        text.reserve(bytes.size());
        qsizetype from = utf8Bom ? 3 : 0;
        for (const auto &[offset, length] : scan.damaged) {
            text += QString::fromUtf8(bytes.constData() + from, offset - from);
            text += QChar::ReplacementCharacter;
            from = offset + length;
        }
        text += QString::fromUtf8(bytes.constData() + from, bytes.size() - from);
        const qsizetype marks = scan.invalid;
        const QString where = u"byte %1 is not valid UTF-8 (line %2)"_qs.arg(at + 1).arg(line);
        const QString first = saysUtf8 ? u"The file says it is UTF-8 but %1."_qs.arg(where)
                                       : u"The file is UTF-8 but %1."_qs.arg(where);
        const QString replaced =
            marks == 1
                ? u"It was imported with “\uFFFD” in its place: check the story there."_qs
                : u"It was imported with “\uFFFD” in the %1 places that are not valid UTF-8: check the story "
                  "there."_qs.arg(marks);
        return DecodedText{text, u"UTF-8"_qs, {first % u' ' % replaced}};
    };

    if (const auto bom = QStringConverter::encodingForData(bytes)) {
        const auto encoding = *bom;
        if (utf8Bom) {
            const Utf8Scan scan = scanUtf8(bytes, 3);
            if (scan.invalid > 0)
                return damagedUtf8(scan);
        }
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

    // Not valid UTF-8. Damaged UTF-8 (some bytes lost or cut mid-character) keeps most of its
    // multi-byte characters; another encoding mislabelled or undeclared has none or few.
    const Utf8Scan scan = scanUtf8(bytes, 0);
    if ((saysUtf8 && scan.multiByte >= scan.invalid) || scan.multiByte >= 2 * scan.invalid)
        return damagedUtf8(scan);
    QStringList notes;
    QByteArray charset = declared.trimmed();
    if (saysUtf8) {
        notes << u"The file says it is UTF-8 but byte %1 is not valid UTF-8 (line %2), and few of its "
                 "characters are: it was read in the encoding Galley detected."_qs.arg(scan.firstInvalid + 1)
                     .arg(bytes.left(scan.firstInvalid).count('\n') + 1);
        charset.clear();
    }
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
        return DecodedText{*text, name, notes};
    if (wasDeclared)
        return fail(u"The file says its text is in the “%1” encoding, which Galley cannot read. Save "
                    "it as UTF-8 and import it again."_qs.arg(QString::fromLatin1(charset)));
    return fail(u"The file is not valid text in the “%1” encoding Galley detected. Save it as UTF-8 "
                "and import it again."_qs.arg(name));
}

} // namespace galley
