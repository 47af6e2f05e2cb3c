#pragma once

#include "model/story.h"

#include <QByteArray>
#include <QString>

namespace galley {

/// Writes @p image's caption, credit and alt text, with a creator and a copyright notice, into the
/// picture file at @p path (JPEG, PNG or WebP; rewritten in place by Exiv2, pixels untouched), so a
/// picture saved off a page keeps its credit. XMP: dc:description (caption), photoshop:Credit,
/// dc:creator, dc:rights, Iptc4xmpCore:AltTextAccessibility (IPTC Photo Metadata 2023.1). IPTC IIM
/// (JPEG and PNG; WebP has none): 2:120 Caption, 2:110 Credit, 2:80 By-line, 2:116 Copyright Notice,
/// with CodedCharacterSet 1:90 "ESC % G" so the text is UTF-8. The creator and copyright notice the
/// file already has are kept; a file without a creator gets the credit as its creator, and without
/// a copyright notice keeps none (Galley never invents a rights claim). Empty story fields remove
/// nothing the file has. Other metadata (EXIF, colour profile) stays.
///
/// Returns false with a plain sentence in @p error (may be null) when the file cannot be read or
/// written, or is a GIF (which holds none of these); the file is then left as it was.
bool writePictureMetadata(const QString &path, const StoryImage &image, QString *error = nullptr);

/// The same for a picture held in memory: the encoded @p data with the metadata written in, or
/// @p data unchanged with @p error set when it cannot be written.
QByteArray withPictureMetadata(const QByteArray &data, const StoryImage &image, QString *error = nullptr);

} // namespace galley
