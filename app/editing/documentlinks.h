#pragma once
// Links in the body editor's document: set, changed or removed over any selection without touching
// anything else, and never extended by typing at their end.

#include <QString>

class QTextCursor;

namespace galley {

/// Makes the text selected by @p cursor a link to @p href (already checked by isSafeLinkUrl()),
/// or, with an empty @p href, removes every link in the selection. Only the link properties of
/// each piece of text change: its words, bold, italic, strike-through, baseline and the blocks
/// around it (lists, block quotes, subheads, tables) stay as they are, across any number of
/// blocks. One undo step. Does nothing without a selection.
void setLinkOnSelection(QTextCursor &cursor, const QString &href);

/// True when @p cursor (no selection) sits right after the last character of a link: the place
/// where a word processor would, wrongly for a newsroom, let typing extend the link.
bool isAtLinkEnd(const QTextCursor &cursor);

/// When @p cursor is at a link's end (isAtLinkEnd()), gives it a character format without the
/// link, so that what is typed next, and any block started with Enter, is plain text. Returns
/// true when it changed the cursor's format.
bool stopLinkAtCursor(QTextCursor &cursor);

} // namespace galley
