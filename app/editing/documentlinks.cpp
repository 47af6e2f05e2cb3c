#include "documentlinks.h"

#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>

namespace galley {

namespace {

// A link is the anchor pair plus the underline the editor draws for it; Galley's body has no
// underline of its own (a published story has none), so the underline goes with the link.
void clearLink(QTextCharFormat &format) {
    format.clearProperty(QTextFormat::IsAnchor);
    format.clearProperty(QTextFormat::AnchorHref);
    format.clearProperty(QTextFormat::AnchorName);
    format.clearProperty(QTextFormat::TextUnderlineStyle);
    format.clearProperty(QTextFormat::FontUnderline);
    format.clearForeground();
}

bool isLink(const QTextCharFormat &format) {
    return format.isAnchor() && !format.anchorHref().isEmpty();
}

} // namespace

void setLinkOnSelection(QTextCursor &cursor, const QString &href) {
    if (!cursor.hasSelection())
        return;
    const int start = cursor.selectionStart();
    const int end = cursor.selectionEnd();
    QTextDocument *document = cursor.document();
    // Fragment by fragment, so each piece keeps its own format and the blocks are never rewritten.
    // The pieces are collected first: formatting one splits and merges fragments under an iterator.
    struct Piece {
        int from;
        int to;
        QTextCharFormat format;
    };
    QList<Piece> pieces;
    for (QTextBlock block = document->findBlock(start); block.isValid() && block.position() < end;
         block = block.next()) {
        for (auto it = block.begin(); !it.atEnd(); ++it) {
            const QTextFragment fragment = it.fragment();
            const int from = qMax(start, fragment.position());
            const int to = qMin(end, fragment.position() + fragment.length());
            if (from >= to)
                continue;
            QTextCharFormat format = fragment.charFormat();
            clearLink(format);
            if (!href.isEmpty()) {
                format.setAnchor(true);
                format.setAnchorHref(href);
                format.setFontUnderline(true);
            }
            pieces.append({from, to, format});
        }
    }
    cursor.beginEditBlock();
    for (const Piece &piece : std::as_const(pieces)) {
        QTextCursor range(document);
        range.setPosition(piece.from);
        range.setPosition(piece.to, QTextCursor::KeepAnchor);
        range.setCharFormat(piece.format);
    }
    cursor.endEditBlock();
}

bool isAtLinkEnd(const QTextCursor &cursor) {
    if (cursor.hasSelection() || cursor.atBlockStart())
        return false;
    // charFormat() is the format of the character before the cursor.
    const QTextCharFormat before = cursor.charFormat();
    if (!isLink(before))
        return false;
    if (cursor.atBlockEnd())
        return true;
    QTextCursor next(cursor);
    next.movePosition(QTextCursor::NextCharacter);
    const QTextCharFormat after = next.charFormat();
    return !isLink(after) || after.anchorHref() != before.anchorHref();
}

bool stopLinkAtCursor(QTextCursor &cursor) {
    if (!isAtLinkEnd(cursor))
        return false;
    QTextCharFormat format = cursor.charFormat();
    clearLink(format);
    cursor.setCharFormat(format);
    return true;
}

} // namespace galley
