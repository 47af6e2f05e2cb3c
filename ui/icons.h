#pragma once

#include <QIcon>
#include <QString>

namespace galley {

/// Makes theme icons findable everywhere: adds the XDG data folders' "icons" directories to the
/// search path when the platform did not (offscreen, minimal desktops) and uses Adwaita as the
/// fallback theme. Call once after the QApplication exists.
void setUpIconTheme();

/// The theme icon @p themeName (freedesktop icon naming spec); when neither the desktop theme nor
/// the Adwaita fallback has it, a small icon with @p glyph (one to three characters) drawn in the
/// palette's text colour, so every button still shows something readable. An empty @p themeName
/// always draws the glyph (typographic buttons such as B and I read best as letters).
QIcon themedIcon(const QString &themeName, const QString &glyph, bool bold = false, bool italic = false);

} // namespace galley
