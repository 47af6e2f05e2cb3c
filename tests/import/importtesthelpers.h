// Helpers shared by the import rule tests: pictures made in memory and imports that must succeed.
#pragma once

#include "import/importer.h"

#include <QBuffer>
#include <QImage>
#include <QStringBuilder>

namespace galley::testing {

/// @p image encoded in @p format ("PNG", "JPEG"): the bytes a picture file would hold.
inline QByteArray encoded(const QImage &image, const char *format) {
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, format);
    return bytes;
}

/// A 2 x 2 picture, enough for a picture check to accept.
inline QImage tiny() {
    QImage image(2, 2, QImage::Format_RGB32);
    image.fill(Qt::darkCyan);
    return image;
}

/// @p text imported as @p format; a refusal stops the test binary, since every caller expects a story.
inline ImportResult importText(const QString &text, ImportFormat format = ImportFormat::PlainText) {
    QString error;
    const auto result = importBytes(text.toUtf8(), ImportOptions{u"input"_qs, format}, &error);
    if (!result)
        qFatal("import failed: %s", qPrintable(error));
    return *result;
}

/// The report's changes of @p kind as "original>result".
inline QStringList changesOf(const ImportReport &report, ImportChangeKind kind) {
    QStringList out;
    for (const int i : report.indexesOf(kind))
        out << report.changes.at(i).original % u'>' % report.changes.at(i).result;
    return out;
}

} // namespace galley::testing
