#pragma once

#include <QStringList>

namespace galley {

/// True when @p arguments (as QCoreApplication::arguments(): program name first) name a
/// command-line verb ("list", "export", "import", ...), so main() runs it without opening a window.
bool isCommandLineVerb(const QStringList &arguments);

/// Runs the verb in @p arguments and returns the process exit code: 0 on success, 1 when the work
/// failed (a plain sentence on stderr), 2 on a usage error (the usage on stderr). Output is UTF-8.
/// Needs only a QCoreApplication.
int runCommandLine(const QStringList &arguments);

} // namespace galley
