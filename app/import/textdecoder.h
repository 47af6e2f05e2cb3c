#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <optional>

namespace galley {

/// Text decoded from an input file, and the encoding it was read in.
struct DecodedText {
    QString text;     ///< without a byte-order mark; line ends as in the input
    QString encoding; ///< canonical name: "UTF-8", "UTF-16LE", "WINDOWS-1252", "ISO-8859-2", ...
    /// Plain sentences for the import report about how the bytes were read (damaged UTF-8).
    QStringList notes;
};

/// Decodes @p bytes to Unicode. Order: a byte-order mark (UTF-8, UTF-16, UTF-32) wins and is
/// dropped; then @p declaredEncoding (an XML declaration or HTML meta charset, may be empty); then
/// strict UTF-8; then libuchardet's guess, converted with iconv. Text detected or declared as
/// ISO-8859-1 that uses bytes 0x80-0x9F is read as Windows-1252, so curly quotes become U+201C/U+201D
/// and never C1 control characters.
/// UTF-8 with damaged bytes (declared by a BOM, an XML declaration or a meta charset, or
/// undeclared but with more valid multi-byte characters than damaged ones) is read with U+FFFD
/// for each damaged sequence, and a note names the first one: "The file says it is UTF-8 but byte
/// 1234 is not valid UTF-8 (line 17)." (bytes counted from 1). A file declared UTF-8 that has no
/// valid multi-byte character at all is another encoding mislabelled: it is read as detected,
/// with a note saying so.
/// Errors (nullopt, @p error set to a sentence): empty input, binary input (NUL bytes or many
/// control characters), an encoding that cannot be detected or that iconv does not know.
std::optional<DecodedText> decodeText(const QByteArray &bytes, const QByteArray &declaredEncoding,
                                      QString *error);

/// The charset an XML declaration or an HTML meta tag in the first 2 KB of @p bytes declares
/// (`<?xml ... encoding="x"?>`, `<meta charset="x">`, `content="...; charset=x"`), or empty.
QByteArray declaredEncoding(const QByteArray &bytes);

} // namespace galley
