#pragma once

#include "revisiondiff.h"

namespace galley {

/// One change of a field, as the History panel offers it to revert: a run of deleted and inserted
/// words, tokens [first, last) of FieldDiff::tokens.
struct DiffHunk {
    qsizetype first = 0;
    qsizetype last = 0;
};

/// The changes inside @p field, in reading order: each run of tokens that are not Same.
QList<DiffHunk> diffHunks(const FieldDiff &field);

/// The field's newer text with hunk @p hunk of it taken back (its deleted words back, its inserted
/// ones gone) and every other change kept; lines separated by "\n", words by single spaces.
QString textWithHunkReverted(const FieldDiff &field, qsizetype hunk);

/// @p newer with one change of @p diff (a comparison of @p older with @p newer) taken back:
/// hunk @p hunk of field @p field, or the whole field when @p hunk is -1 (a moved block, pull quote
/// or picture goes back where it was; an added one goes; a removed one comes back after the block
/// it followed). Everything else stays as in @p newer. A line whose text comes back unchanged
/// keeps its formatting (from either story); a line that is a mix of both is plain text. A table
/// goes back whole. Pictures that come back need their bytes in @p older.
Story revertChange(const Story &older, const Story &newer, const RevisionDiff &diff, qsizetype field,
                   qsizetype hunk);

/// @p newer with every change of the comparison with @p older taken back: the text of @p older
/// with @p newer's id, slug, status, notes and times.
Story revertAll(const Story &older, const Story &newer);

} // namespace galley
