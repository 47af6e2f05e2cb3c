#pragma once

#include "model/story.h"

#include <QString>

namespace galley {

/// Writes a story as a finished page folder: DIR/index.html (HTML5, UTF-8, from ArticleRenderer)
/// and DIR/images/<n>-<slug>.<ext> for each picture that is present.
///
/// Files are written through QSaveFile so a full disk or a crash leaves no half-written page.
/// Returns false with a plain sentence in @p error when the folder cannot be made or written.
bool exportStory(const Story &story, const QString &dir, QString *error);

} // namespace galley
