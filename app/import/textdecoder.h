#pragma once

#include <QByteArray>
#include <QString>

#include <optional>

namespace galley {

/// Text decoded from an input file, and the encoding it was read in.
struct DecodedText {
    QString text;     ///< without a byte-order mark; line ends as in the input
    QString encoding; ///< canonical name: "UTF-8", "UTF-16LE", "WINDOWS-1252", "ISO-8859-2", ...
};

/// Decodes @p bytes to Unicode. Order: a byte-order mark (UTF-8, UTF-16, UTF-32) wins and is
/// dropped; then @p declaredEncoding (an XML declaration or HTML meta charset, may be empty); then
/// strict UTF-8; then libuchardet's guess, converted with iconv. Text detected or declared as
/// ISO-8859-1 that uses bytes 0x80-0x9F is read as Windows-1252, so curly quotes become U+201C/U+201D
/// and never C1 control characters.
/// Errors (nullopt, @p error set to a sentence): empty input, binary input (NUL bytes or many
/// control characters), an encoding that cannot be detected or that iconv does not know.
std::optional<DecodedText> decodeText(const QByteArray &bytes, const QByteArray &declaredEncoding,
                                      QString *error);

/// The charset an XML declaration or an HTML meta tag in the first 2 KB of @p bytes declares
/// (`<?xml ... encoding="x"?>`, `<meta charset="x">`, `content="...; charset=x"`), or empty.
QByteArray declaredEncoding(const QByteArray &bytes);

} // namespace galley
