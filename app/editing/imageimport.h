#pragma once

#include "model/story.h"

#include <QByteArray>
#include <QString>

#include <optional>

namespace galley {

/// Largest picture file Galley takes, in bytes (25 MiB): bigger files are refused with a message.
inline constexpr qint64 MaxImageFileBytes = 25 * 1024 * 1024;

/// Checks that @p data (the bytes of a file called @p fileName) is a JPEG, PNG, WebP or GIF
/// picture that decodes, judging by its content, not its name. Returns a StoryImage with a fresh
/// id, the bytes unchanged, its MIME type, the file name (without folders) and a lead placement;
/// or nullopt and a plain sentence in @p error ("“notes.pdf” is not a JPEG, PNG, WebP or GIF
/// picture.", "... cannot be read: the file may be damaged.").
std::optional<StoryImage> importImageData(const QByteArray &data, const QString &fileName, QString *error);

/// Reads the file at @p path and imports it with importImageData(); unreadable, empty or too large
/// files fail with a plain sentence in @p error.
std::optional<StoryImage> importImageFile(const QString &path, QString *error);

/// Name filter for a file dialog: "Pictures (*.jpg *.jpeg *.png *.webp *.gif)".
QString imageFileDialogFilter();

} // namespace galley
