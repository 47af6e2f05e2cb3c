#pragma once

#include <QByteArray>
#include <QString>

namespace galley {

/// A link address as the importer keeps it. @c href is empty when the link is dropped, and then
/// @c refused says why in a plain sentence.
struct CheckedLink {
    QString href;
    QString refused;
    /// The address as the file had it when it went through a redirect page and @c href is the
    /// target taken out of it (redirectTarget()); empty otherwise.
    QString unwrappedFrom;
};

/// Checks a link address read from HTML or NITF. Addresses are read with QUrl in tolerant mode and
/// kept percent-encoded (RFC 3986: "search?q=sea wall" -> "search?q=sea%20wall", also | " { } and
/// non-ASCII). Only absolute http, https and mailto links are kept; anything else (javascript:, data:,
/// file:, a page-relative address) is dropped with a reason. An empty @p href gives an empty result
/// with no reason. A link through a known redirect page (Google Docs' google.com/url?q=…) is kept
/// as its target.
CheckedLink checkLink(const QString &href);

/// A picture as the importer keeps it: @c mimeType is empty when refused, and @c refused says why.
struct CheckedPicture {
    QString mimeType; ///< "image/jpeg", "image/png", "image/webp" or "image/gif", from the bytes
    QString refused;
};

/// Checks the bytes of a picture found inside an imported file. The format is sniffed from the
/// bytes with QImageReader (never taken from the label @p declaredMime, which only appears in the
/// reason), must be JPEG, PNG, WebP or GIF, and the picture must decode (PNG with libpng's
/// simplified API, which never prints; the others with Qt under a message handler that keeps the
/// image libraries' own lines off the terminal). SVG (which can hold scripts), HTML and anything
/// else is refused, and so is a picture of more than 100 million pixels. Every refusal is a
/// sentence of Galley's own.
CheckedPicture checkPicture(const QByteArray &bytes, const QString &declaredMime);

} // namespace galley
