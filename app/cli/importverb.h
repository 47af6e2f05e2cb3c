#pragma once

#include "cliverbs.h"

namespace galley::cli {

/// `galley import FILE... [--db PATH] [--report]`: imports each file (plain text, HTML or NITF)
/// into the library and prints "<slug>\t<headline>" per story made, followed by its import report
/// (formatImportReport()) with --report. All files are read and checked first: when any cannot
/// be imported, every problem is printed and nothing is saved (exit 1). A missing library file is
/// created, with a note on stderr.
void configureImport(QCommandLineParser &parser);
int runImport(const CliVerb &verb, const QCommandLineParser &parser, CliStreams &io);

} // namespace galley::cli
