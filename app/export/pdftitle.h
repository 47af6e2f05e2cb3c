#pragma once

#include <QByteArray>
#include <QString>

namespace galley {

/// Gives the PDF @p pdf the document title @p title (its Info dictionary's /Title), keeping every
/// entry the Info dictionary had. Chromium's print to PDF (WebEngine 6.4) leaves the title out
/// whatever the page's <title> says.
///
/// Written as an incremental update (ISO 32000-1 §7.5.6): the original bytes stay as they are and a
/// new Info object, a cross-reference section for it and a trailer pointing back to the old one
/// (/Prev) are appended, so no offset inside the file changes. The title is a UTF-16BE hex string
/// with a byte order mark, which holds any text and needs no escaping. Reads files with a classic
/// cross-reference table and trailer, as Skia writes them; returns an empty array with @p error
/// set (a plain sentence) for anything else.
QByteArray withPdfTitle(const QByteArray &pdf, const QString &title, QString *error);

} // namespace galley
