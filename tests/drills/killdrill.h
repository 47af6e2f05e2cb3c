#pragma once

// The kill drill (issue 13): a child `galley` types a scripted text into the body through its
// real widgets (the GALLEY_TEST_TYPE_* hook, ui/testtypist.h), is killed with SIGKILL at a chosen
// moment, and the parent recovers the story the way the next start would (findRecoveries() and
// restoreRecovery()) and measures what is missing. Shared by the hand-run drill (galley_killdrill,
// 50+ runs) and its CTest version (tests/recovery/tst_killrecovery).

#include <QList>
#include <QString>

namespace galley::drill {

struct DrillOptions {
    QString galley;             ///< the galley binary to start
    int typingIntervalMs = 60;  ///< one character every this many ms (about 170 words a minute)
    int startTimeoutMs = 90000; ///< longest wait for the first keystroke (WebEngine starting)
    bool keepFolder = false;    ///< leave the run's temporary folder (library, logs) behind
};

/// What one run found.
struct DrillRun {
    int killAfterMs = 0;    ///< from the first keystroke to the kill
    int typedChars = 0;     ///< characters the child had typed when it died
    int keptChars = 0;      ///< of those, in the story after recovery
    int lostWords = 0;      ///< words typed but not recovered (a word cut in two counts once)
    double lostSeconds = 0; ///< from the first missing keystroke to the kill; 0 when none is missing
    QString source;         ///< where the text came from: "journal", "saved story" or "nothing kept yet"
    QString folder;         ///< the run's folder, when kept
};

/// The text the child types: paragraphs of news copy separated by "\n", long enough for a minute
/// of typing at any rate the drill uses.
QString drillText();

/// One run: starts @p options.galley on a fresh library holding one empty story, waits for its first
/// keystroke, kills it with SIGKILL @p killAfterMs later, recovers and compares. False with a plain
/// sentence in @p error when the run could not be made or the recovered text is not a beginning of
/// what was typed (text changed or made up is a failure, not a loss).
bool runOnce(const DrillOptions &options, int killAfterMs, DrillRun *run, QString *error);

/// Median and maximum of @p values (0 for none).
double median(QList<double> values);
double maximum(const QList<double> &values);

} // namespace galley::drill
