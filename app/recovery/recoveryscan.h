#pragma once

#include "journalformat.h"
#include "recoverystore.h"
#include "storydiff.h"

#include <QList>
#include <QString>

#include <optional>

namespace galley {

class StoryLibrary;

/// One journal found at start, and what it means for the library being opened.
struct RecoveryCase {
    enum class Kind {
        Unsaved,       ///< newer than its story's last save: ask Restore / Show differences / Discard
        StoryDeleted,  ///< its story is no longer in the library: ask to restore it as a new story
        OtherLibrary,  ///< it belongs to another library: say which; the file stays where it is
        Unreadable,    ///< damaged or cut off: say so; the file goes to discarded/
        OlderThanSave, ///< the story was saved after it was written: say so; the file goes to discarded/
        AlreadySaved,  ///< the library has exactly what it holds: removed without a word
    };
    Kind kind = Kind::Unreadable;
    QString path; ///< the journal file
    RecoveryJournal journal;
    /// The library's version of the story (Unsaved, OlderThanSave, AlreadySaved).
    std::optional<Story> saved;
    /// What the journal has that the saved version has not (against an empty story when deleted).
    StoryDiff diff;
    QString problem;        ///< Unreadable: why, as decodeJournal() says
    bool truncated = false; ///< Unreadable: the file is cut off rather than damaged

    /// The question for the reporter: true for Unsaved and StoryDeleted.
    bool needsAnswer() const { return kind == Kind::Unsaved || kind == Kind::StoryDeleted; }
};

/// Every journal in @p store that is not held by a running Galley (another window's live journals
/// and those of @p ownSession are left alone), read and compared with @p library, newest first.
/// Reads only: nothing is moved or removed (see settleQuietly(), restoreRecovery(),
/// discardRecovery()).
QList<RecoveryCase> findRecoveries(const RecoveryStore &store, const StoryLibrary &library,
                                   const QString &ownSession = {});

/// Makes the journal of @p recovery the story in @p library: for Unsaved the story is saved with
/// the journal's contents (the version it replaces is kept first with RecoveryStore::keepReplaced(),
/// so nothing saved is lost either); for StoryDeleted it is saved as a new story (a fresh id, its
/// slug made from the headline). The journal is removed afterwards. Returns the saved story, or
/// nullopt with a plain sentence in @p error (the journal then stays). @p replacedPath (if given)
/// receives where the replaced version went.
std::optional<Story> restoreRecovery(const RecoveryCase &recovery, StoryLibrary &library,
                                     const RecoveryStore &store, QString *error,
                                     QString *replacedPath = nullptr);

/// Discard: moves the journal to discarded/, where it is kept RecoveryStore::DiscardedKeepDays.
bool discardRecovery(const RecoveryCase &recovery, const RecoveryStore &store, QString *error);

/// Deals with a case that needs no answer: AlreadySaved is removed, Unreadable and OlderThanSave
/// go to discarded/, OtherLibrary stays for when its library is opened. Returns false with
/// @p error when a file could not be moved.
bool settleQuietly(const RecoveryCase &recovery, const RecoveryStore &store, QString *error);

// Wording (recoverymessages.cpp): plain sentences for a reporter on deadline.

/// ‘Harbour ferry strike…’: the headline in quotes, cut at a word before 24 characters with “…”;
/// “an untitled story” when there is none.
QString quotedHeadline(const QString &headline);

/// The question of a case that needs an answer: "Galley closed before 62 words of ‘Harbour ferry
/// strike…’ were saved. Restore them?"; for StoryDeleted it adds that the story has since been
/// deleted and offers it as a new story.
QString recoveryQuestion(const RecoveryCase &recovery);

/// The line under the question: when the text was last typed and the story last saved, local
/// times as of @p now ("Last typed today at 14:32; the story was last saved at 14:29.").
QString recoveryDetails(const RecoveryCase &recovery, const QDateTime &now);

/// What a case that needs no answer tells the reporter (empty for AlreadySaved): which story, what
/// is wrong, where the file is now and what to do, if anything.
QString recoveryNotice(const RecoveryCase &recovery, const RecoveryStore &store);

} // namespace galley
