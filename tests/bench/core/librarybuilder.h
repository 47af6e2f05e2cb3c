#pragma once

#include <QString>
#include <QStringList>

#include <optional>

namespace galley::bench {

/// The generated library of @p stories stories (StoryGenerator::libraryStory(), fixed seed) under
/// @p dataDir, built on first use and reused afterwards: the file name carries the story count, the
/// generator version and the schema version, so a changed generator or schema builds a new one.
/// The library is written to a ".partial" file and renamed when complete, so an interrupted build
/// is never reused. @p buildSeconds is set to the build time, or 0 when the cached file was used.
/// nullopt with @p error set when a save fails.
std::optional<QString> cachedLibrary(const QString &dataDir, int stories, double *buildSeconds,
                                     QString *error);

/// What newsroom users type in the search box, for the search benchmarks of bench_library (SQLite)
/// and bench_server (PostgreSQL): common to rare topic words, names, two words, and the first
/// letters of a word; words of StoryGenerator, so every library built by cachedLibrary() has them.
QStringList searchQueries();

} // namespace galley::bench
