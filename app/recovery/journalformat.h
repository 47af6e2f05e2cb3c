#pragma once

#include "model/story.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>

namespace galley {

/// A recovery journal: the story as it stood on screen, written while it had unsaved changes, and
/// enough to find its way back: which library and story it belongs to, which Galley session wrote
/// it, when, and which save of the story it was typed on top of.
struct RecoveryJournal {
    /// Journal format this build writes; a file with a higher number is refused as unreadable.
    static constexpr int FormatVersion = 1;

    QString libraryPath; ///< canonical path of the library file (canonicalLibraryPath())
    QString storyId;
    QString session;   ///< RecoverySession id of the Galley that wrote it
    QDateTime written; ///< UTC, when the snapshot was taken on screen
    QDateTime savedAt; ///< UTC, Story::updated of the save the edits started from; invalid: never saved
    /// The story on screen. Picture bytes and the imported original are kept only where the
    /// library did not already have them (see encodeJournal()); elsewhere they are empty and come
    /// back from the library with resolvedStory().
    Story story;
};

/// The bytes of a journal file:
///
///     GALLEY-RECOVERY 1\n
///     <payload length in bytes> <SHA-256 of the payload, hex>\n
///     <payload: compact JSON>
///
/// The payload is {"library", "storyId", "session", "written", "savedAt", "story" (storyToJson()),
/// "pictureData": {"<picture id>": base64...}, "originalSource"?: base64, "originalFormat"?}.
/// Bytes of a picture go in only when @p saved (the version in the library, or an empty Story)
/// has no picture with its id and the same bytes; the same for the imported original. So a journal
/// stays small while typing, yet a picture added since the last save is not lost. Runs on the
/// journal's worker thread: a few milliseconds for a 10,000-word story.
QByteArray encodeJournal(const RecoveryJournal &journal, const Story &saved);

/// What reading a journal file found.
struct JournalReadResult {
    enum class Status { Ok, Truncated, Damaged };
    Status status = Status::Damaged;
    /// Why the file could not be read, as a plain sentence; empty when Ok.
    QString problem;
    RecoveryJournal journal;
};

/// Reads the bytes encodeJournal() writes. Truncated: shorter than its header says (a cut-off copy
/// or a full disk); Damaged: anything else that does not check out (not a journal, wrong checksum,
/// unreadable JSON, no story id, written by a newer Galley).
JournalReadResult decodeJournal(const QByteArray &bytes);

/// @p journal's story with everything it left out filled in from @p saved, the version in the
/// library (nullptr when the story is gone): picture bytes by picture id (a picture the library no
/// longer has stays as a "picture missing" placeholder) and the imported original.
Story resolvedStory(const RecoveryJournal &journal, const Story *saved);

} // namespace galley
