#pragma once

#include <QIODevice>
#include <QStringList>

namespace galley {

/// True when @p arguments (as QCoreApplication::arguments(): program name first), after any leading
/// "--db PATH" (or "--db=PATH") pairs, go on with a word that is not an option (a verb such as
/// "list", "export", "import", "help", or a mistyped one that then gets a usage error), with
/// -h/--help or with -v/--version, so main() runs it without opening a window. "--db PATH" alone,
/// every other option (Qt's -platform, ...) and a word that is no verb but names an existing file
/// (`galley FILE...`, as a file manager starts Galley, for the import review) open the editor.
bool isCommandLineVerb(const QStringList &arguments);

/// Runs the verb in @p arguments and returns the process exit code: 0 on success, 1 when the work
/// failed (a plain sentence on stderr), 2 on a usage error (the usage on stderr). Output is UTF-8.
/// "--db PATH" may come before the verb; -v/--version prints "galley <GALLEY_VERSION>". An option
/// that takes a value given twice is a usage error.
/// Needs only a QCoreApplication. Turns off the galley.* info and warning logging for the process
/// so stderr holds only the sentence meant for the user (QT_LOGGING_RULES can turn it back on).
int runCommandLine(const QStringList &arguments);

/// As runCommandLine(const QStringList &), writing results to @p out and errors to @p err (UTF-8)
/// instead of stdout and stderr, so tests can run a verb in-process with QBuffers.
int runCommandLine(const QStringList &arguments, QIODevice *out, QIODevice *err);

} // namespace galley
