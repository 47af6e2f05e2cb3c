#pragma once

#include "wirebody.h"

#include <QList>
#include <QStringList>

#include <optional>

namespace galley::wire {

/// The cells of one line of fixed-width agate (sports tables, results, market figures), with where
/// each starts and ends in the line so that columns can be checked to line up.
struct Cells {
    QStringList texts;
    QList<qsizetype> starts;
    QList<qsizetype> ends;
    bool delimited = false; ///< split at tabs or ";": character positions mean nothing
};

/// The cells of a line of agate: text between runs of two or more spaces or a tab (ANPA tabular
/// lines after a tab line indicator may also use ";"); a gap after a sentence is typewriter
/// spacing, not a column. nullopt when the line is not columnar (fewer than two cells, a cell of
/// more than 40 characters).
std::optional<Cells> columnsOf(const Line &line);

/// A run of columnar lines: a Table segment when every row has the same cells (a header over a
/// stub column may have one fewer) and the columns line up, with its first row the header when
/// only the rows below hold figures; else one verbatim paragraph per line. Either way the first
/// segment carries a kept-as-text note. Adds the words it keeps to @p words.
QList<Segment> agateSegments(const QList<Line> &lines, const QList<Cells> &cells, int &words);

} // namespace galley::wire
