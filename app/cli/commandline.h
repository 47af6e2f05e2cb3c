#pragma once

#include <QIODevice>
#include <QStringList>

namespace galley {

/// True when @p arguments (as QCoreApplication::arguments(): program name first) start with a word
/// that is not an option (a verb such as "list", "export", "import", "help", or a mistyped one that
/// then gets a usage error) or with -h/--help, so main() runs it without opening a window. Options
/// alone (--db PATH) open the editor.
bool isCommandLineVerb(const QStringList &arguments);

/// Runs the verb in @p arguments and returns the process exit code: 0 on success, 1 when the work
/// failed (a plain sentence on stderr), 2 on a usage error (the usage on stderr). Output is UTF-8.
/// Needs only a QCoreApplication. Turns off the galley.* info and warning logging for the process
/// so stderr holds only the sentence meant for the user (QT_LOGGING_RULES can turn it back on).
int runCommandLine(const QStringList &arguments);

/// As runCommandLine(const QStringList &), writing results to @p out and errors to @p err (UTF-8)
/// instead of stdout and stderr, so tests can run a verb in-process with QBuffers.
int runCommandLine(const QStringList &arguments, QIODevice *out, QIODevice *err);

} // namespace galley
