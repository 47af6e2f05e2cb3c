#pragma once

// galley-desk: one newsroom desk as a process, for the shared-library drills (issue 10). It saves,
// locks and searches a library through StoryLibrary exactly as the window would, and writes every
// attempt as one JSON line, so a checker can prove afterwards that no save was lost or silently
// overwritten (deskcheck.h).

#include <QString>
#include <QStringList>

namespace galley::drill {

/// What a desk process is told on its command line (desk_main.cpp lists the options).
struct DeskOptions {
    QString db;                ///< a library file or a postgresql:// address
    int desk = 1;              ///< this desk's number, in markers and the log
    double seconds = 60;       ///< how long new attempts are started
    int stories = 6;           ///< how many shared stories (drillStoryId(0 .. stories-1))
    QString log;               ///< the JSON-lines log, appended to
    int unlockedPercent = 0;   ///< share of attempts made without the edit lock (an older desk, a
                               ///< script): they meet the stale-save refusal instead of the lock
    int thinkMs = 0;           ///< at most this long (random) between loading and saving, as a person
    int searchEvery = 10;      ///< every Nth attempt is a ranked search instead (0: never)
    double graceSeconds = 120; ///< after @c seconds, how long a text already typed may still take
                               ///< to land (a server restart) before it is logged "abandoned"
    quint32 seed = 0;          ///< random seed (0: from the desk number and the clock)
};

/// Id of shared drill story @p index: a name-based UUID, so every desk knows the stories without
/// listing them.
QString drillStoryId(int index);

/// Makes the library at @p options.db (a PostgreSQL database and its library when missing, as
/// `galley admin init` does) and saves @p options.stories drill stories of five invented paragraphs
/// each, skipping those already there. False with @p error.
bool setUpLibrary(const DeskOptions &options, QString *error);

/// The desk loop: for options.seconds, picks a story, takes its edit lock (another desk's live
/// lock: skip), loads it, writes a paragraph with a unique marker "[dDESK-SEQ]", saves it with the
/// loaded version as base and releases the lock; every searchEvery-th attempt is a ranked search.
/// A text once typed is never dropped: after a stale refusal it is written again into the newer
/// version; after a failed save (a lost connection) the desk reopens the library with backoff,
/// looks in the story's revisions whether the save landed after all, and saves again if not.
/// Returns the process exit code (0; 1 when the log cannot be written or the library never opens).
int runDesk(const DeskOptions &options);

/// Takes the edit lock of drill story 0, logs {"outcome":"holding"} and then waits
/// options.seconds, holding it (the killed-desk drill SIGKILLs the process meanwhile).
int holdLock(const DeskOptions &options);

/// Tries to take the edit lock of drill story 0 every 5 ms for at most options.seconds; logs one
/// "locked" line for the first refusal and a final "taken" line with "epoch_ms" (milliseconds since
/// 1970, to compare with the time a holder was killed). Exit code 0 when taken, 1 otherwise.
int takeLock(const DeskOptions &options);

} // namespace galley::drill
