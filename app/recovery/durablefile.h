#pragma once

#include <QByteArray>
#include <QString>

namespace galley {

/// Replaces the file at @p path with @p bytes so that a crash or a power cut at any moment leaves
/// either the old file or the new one, never a mix: the bytes go to a temporary file beside it
/// (QSaveFile), which is flushed to disk (fsync) before it is renamed over @p path, and the folder
/// is synced after the rename so the new name survives a power cut too. QSaveFile::commit() does
/// call fsync itself but ignores its failure and never syncs the folder, hence doing both here.
/// Returns false with a plain sentence in @p error (if given) and leaves @p path as it was.
bool writeFileDurably(const QString &path, const QByteArray &bytes, QString *error);

/// Flushes the folder @p folder's entries (a rename, a removal) to disk; false when it cannot be
/// opened or synced. Used after moving and removing recovery files.
bool syncFolder(const QString &folder);

} // namespace galley
