#pragma once

#include "model/story.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

namespace galley {

/// Why a revision was written; stored as its key ("save", "autosave", ...).
enum class RevisionKind {
    Save,     ///< the reporter saved (File > Save, a new story, the command line)
    Autosave, ///< the editor saved by itself; later autosaves of the session fold into it
    Restore,  ///< an older revision brought back as the newest
    Revert,   ///< changes of a diff rejected one by one or all at once
    Import,   ///< an import, or a wire update of a story already in the library
    Migrated, ///< the story as it was when the library learnt to keep revisions
    TakeOver, ///< another desk took the edit lock over (StoryLibrary::takeOverEditLock())
};

/// Stable storage key of @p kind: "save", "autosave", "restore", "revert", "import", "migrated",
/// "takeover".
QString revisionKindKey(RevisionKind kind);
/// Parses a key revisionKindKey() writes; Save for anything else.
RevisionKind revisionKindFromKey(const QString &key);

/// How StoryLibrary::save() records the revision it writes.
struct SaveOptions {
    /// Who saves, as the history shows it; empty means defaultAuthorName().
    QString author;
    /// The editing session (one story open in one window, a fresh id each time it is opened). An
    /// autosave folds into the story's newest revision when that one is still open (written by
    /// an autosave of the same session and author, not closed by an explicit save); an explicit
    /// save of the session folds into such an open revision too and closes it. Empty: never folds.
    QString session;
    RevisionKind kind = RevisionKind::Save;
    /// Replaces the generated summary ("restored revision 3"); empty for the generated one.
    QString summary;
};

/// One line of a story's history. Times are UTC.
struct RevisionInfo {
    int number = 0;    ///< 1 for the first revision, then counting up; never reused
    QDateTime created; ///< when the revision was first written
    QDateTime saved;   ///< when its content was last written (a later autosave folded in)
    QString author;
    StoryStatus status = StoryStatus::Draft;
    RevisionKind kind = RevisionKind::Save;
    /// What changed since the revision before: "headline, 2 paragraphs, 1 caption".
    QString summary;
    /// The times of the autosaves folded into this revision, oldest first (the first write is
    /// @c created and is not among them).
    QList<QDateTime> autosaves;
    /// Still taking the session's autosaves.
    bool open = false;
};

/// One change of a story's workflow status.
struct StatusChange {
    QDateTime time; ///< UTC
    QString author;
    std::optional<StoryStatus> from; ///< nullopt for the story's first status
    StoryStatus to = StoryStatus::Draft;
};

/// The name a revision is signed with when SaveOptions::author is empty: the "user/name" setting
/// (QSettings of the application, the one the editor's preferences write), else the account's full
/// name (the passwd GECOS field), else its login name.
QString defaultAuthorName();
/// The account's full name, else its login name (the default of the "user/name" setting).
QString accountFullName();

} // namespace galley
