#pragma once

#include <QByteArray>
#include <QString>
#include <QUrl>

#include "model/story.h"

namespace galley {

/// The preview's own URL scheme. galley://preview/<file> serves the page shell and its script and
/// stylesheet from resources; galley://image/<image id> serves a picture of the story on screen.
inline constexpr char PreviewScheme[] = "galley";

/// Registers the galley: scheme with Qt WebEngine (standard host syntax, secure, no CORS-free
/// access to anything else). Must run once in main() before the QApplication exists.
void registerPreviewScheme();

/// galley://preview/index.html, the page shell loaded once per preview.
QUrl previewShellUrl();

/// galley://image/<image id>?v=<version>, how the preview's article refers to a picture. The version
/// changes when the picture's bytes or crop do, so a picture replaced under the same id is fetched again
/// instead of coming from WebEngine's cache. Cheap enough for every render: it reads at most 8 KiB.
QString previewImageUrl(const StoryImage &image);

} // namespace galley
