#pragma once

// The drills' checker: reads every desk's log and the library, and proves two things.
//
// - 0 lost saves: every text a desk tried to save (a marker that reached a save attempt) has a
//   "saved" line, and the revision whose saved time is that line's "updated" holds the marker.
// - 0 silent overwrites: each successful save was made on top of the version just before it: in
//   the story's history, the revision before the save's own was saved at the save's "base" time;
//   and in the logs, sorted by time, each save's base is the previous save's updated time (two
//   saves on one base would be a fork, one of them overwriting the other unseen).

#include <QString>
#include <QStringList>

namespace galley::drill {

/// Counts and verdicts of one check.
struct CheckReport {
    int attempts = 0;     ///< save attempts (every try, retries included)
    int saved = 0;        ///< "saved" lines (recovered ones included)
    int recovered = 0;    ///< saves found in the history after a failed save (a lost connection)
    int refusedStale = 0; ///< saves refused because the story changed since it was loaded
    int locked = 0;       ///< lock refusals (another desk's live lock)
    int errors = 0;       ///< failed calls (a lost connection, a busy library)
    int abandoned = 0;    ///< texts given up after the grace time (counted as lost)
    int searches = 0;
    int reconnects = 0;
    int markersTyped = 0; ///< distinct texts that reached a save attempt
    int lost = 0;         ///< typed texts not in the library
    int overwrites = 0;   ///< saves not made on top of the version before them
    int revisions = 0;    ///< revisions in the library (set-up's included)
    QList<double> saveMs; ///< duration of each successful StoryLibrary::save (not recovered ones)
    QList<double> searchMs;
    /// For each text whose save failed at first (a lost connection): ms from that failure to the
    /// "saved" line, as a desk's "Not saved" would show.
    QList<double> landMs;
    QStringList problems; ///< one sentence per lost text or overwrite (the first 20)
};

/// Checks the logs @p logs against the library at @p db (opened read-only). False with @p error
/// when a log or the library cannot be read; the verdicts are in @p report.
bool checkDrill(const QString &db, const QStringList &logs, CheckReport *report, QString *error);

/// The report as the drills print it: counts, save and search p50/p95, the verdict lines.
QString formatReport(const CheckReport &report);

} // namespace galley::drill
