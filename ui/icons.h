#pragma once

#include <QIcon>
#include <QString>

namespace galley {

/// The theme icon @p themeName (freedesktop icon naming spec); when neither the desktop theme nor
/// the Adwaita fallback has it, a small icon with @p glyph (one to three characters) drawn in the
/// palette's text colour, so every button still shows something readable.
QIcon themedIcon(const QString &themeName, const QString &glyph, bool bold = false, bool italic = false);

} // namespace galley
