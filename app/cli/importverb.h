#pragma once

#include "cliverbs.h"

namespace galley::cli {

/// `galley import FILE... [--db PATH] [--report] [--new]`: imports each file (plain text, HTML,
/// NITF, ninjs, NewsML-G2) into the library and prints "<slug>\t<headline>" per story made, followed
/// by its import report (formatImportReport()) with --report. A later version of a story already in
/// the library (earlierVersionId(): same original id, or agency and slug of a write-thru) updates
/// that story (laterVersion(): its text replaced, the older text not kept) and prints
/// "<slug>\t<headline>\tupdated"; --new makes it a separate story instead. All files are read and checked
/// first: when any cannot be imported, every problem is printed and nothing is saved (exit 1). A missing
/// library file is created, with a note on stderr.
void configureImport(QCommandLineParser &parser);
int runImport(const CliVerb &verb, const QCommandLineParser &parser, CliStreams &io);

} // namespace galley::cli
