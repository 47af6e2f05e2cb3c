#pragma once

#include "storage/storylibrary.h"

#include <QCommandLineParser>
#include <QList>
#include <QString>
#include <QTextStream>

namespace galley {
}

namespace galley::cli {

/// Exit codes every verb uses (see runCommandLine()).
/// ExitFindings: `galley check` found an error-level finding (the story is not ready).
enum ExitCode : int { ExitOk = 0, ExitFailure = 1, ExitUsage = 2, ExitFindings = 3 };

/// Where a verb writes: @c out for results (UTF-8), @c err for plain-sentence errors.
struct CliStreams {
    QTextStream &out;
    QTextStream &err;
};

/// One command-line verb. The table in cliverbs.cpp lists them all; adding a verb is one entry
/// there plus its two functions.
struct CliVerb {
    QString name;     ///< what follows "galley", e.g. "export"
    QString synopsis; ///< arguments after the name, e.g. "SLUG --out DIR [--db PATH]"
    QString summary;  ///< one sentence for "galley help"
    /// Adds the verb's options and positional arguments to @p parser (which already knows -h/--help).
    void (*configure)(QCommandLineParser &parser);
    /// Runs the verb on the parsed arguments; returns an ExitCode. Usage problems the parser
    /// cannot see (a missing SLUG) go through usageError().
    int (*run)(const CliVerb &verb, const QCommandLineParser &parser, CliStreams &io);
};

/// Every verb, in the order "galley help" lists them.
const QList<CliVerb> &cliVerbs();
/// The verb called @p name, or nullptr.
const CliVerb *findVerb(const QString &name);

/// Writes "galley: <message>" and the verb's usage line to @c err; returns ExitUsage.
int usageError(const CliVerb &verb, const QString &message, CliStreams &io);
/// Writes "galley: <sentence>" to @c err; returns ExitFailure.
int failure(const QString &sentence, CliStreams &io);
/// @p text as one field of a tab-separated output line: tabs and line breaks (a story's own words may
/// hold them) become spaces.
QString oneLine(QString text);
/// "Usage: galley <name> <synopsis>".
QString usageLine(const CliVerb &verb);
/// "Usage: galley [--db PATH] [VERB [ARGUMENTS]]": the usage of the program as a whole.
QString generalUsageLine();

/// Adds --db PATH (the story library: a file, or a postgresql:// address) to @p parser.
void addDbOption(QCommandLineParser &parser);
/// Opens the library named by --db (or the default one); false after writing why to @c err. A
/// missing file is an error rather than a new empty library: a mistyped --db must not look like a
/// library with no stories. Verbs that only read open it with StoryLibrary::Access::ReadOnly, so an
/// archived or read-only library can still be listed, exported and checked.
bool openLibrary(StoryLibrary &library, const QCommandLineParser &parser, CliStreams &io,
                 StoryLibrary::Access access);

// The verbs' functions (one file per family of verbs).
void configureList(QCommandLineParser &parser);
int runList(const CliVerb &verb, const QCommandLineParser &parser, CliStreams &io);
void configureExport(QCommandLineParser &parser);
int runExport(const CliVerb &verb, const QCommandLineParser &parser, CliStreams &io);
void configureCheck(QCommandLineParser &parser);
int runCheck(const CliVerb &verb, const QCommandLineParser &parser, CliStreams &io);
void configureHelp(QCommandLineParser &parser);
int runHelp(const CliVerb &verb, const QCommandLineParser &parser, CliStreams &io);
void configureHistory(QCommandLineParser &parser);
int runHistory(const CliVerb &verb, const QCommandLineParser &parser, CliStreams &io);
void configureDiff(QCommandLineParser &parser);
int runDiff(const CliVerb &verb, const QCommandLineParser &parser, CliStreams &io);
void configureRestore(QCommandLineParser &parser);
int runRestore(const CliVerb &verb, const QCommandLineParser &parser, CliStreams &io);
void configureAdmin(QCommandLineParser &parser);
int runAdmin(const CliVerb &verb, const QCommandLineParser &parser, CliStreams &io);
void configureCopyLibrary(QCommandLineParser &parser);
int runCopyLibrary(const CliVerb &verb, const QCommandLineParser &parser, CliStreams &io);

} // namespace galley::cli
