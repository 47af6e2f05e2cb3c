#include "spellhighlighter.h"

#include "checks/storychecker.h"

#include <QAbstractScrollArea>
#include <QCoreApplication>
#include <QPaintEvent>
#include <QPainter>
#include <QAbstractTextDocumentLayout>
#include <QPlainTextEdit>
#include <QTextBlock>
#include <QTextDocument>
#include <QTextEdit>
#include <QScrollBar>
#include <QTextLayout>

#include <cmath>

namespace galley {

namespace {

/// The misspellings a block shows, positions within the block's text as it is now.
struct SpellData final : QTextBlockUserData {
    QList<Misspelling> marks;
};

SpellData *spellData(const QTextBlock &block) {
    return dynamic_cast<SpellData *>(block.userData());
}

const QColor underlineColour(0xc0, 0x1c, 0x28);

/// One period of the wave, 4 × 3 pixels, drawn once: each underline is a tiled strip of it, far
/// cheaper per keystroke than stroking a path.
const QPixmap &waveTile() {
    static const QPixmap tile = [] {
        QImage image(4, 3, QImage::Format_ARGB32_Premultiplied);
        image.fill(Qt::transparent);
        QPainter painter(&image);
        painter.setRenderHint(QPainter::Antialiasing);
        painter.setPen(QPen(underlineColour, 1));
        painter.drawPolyline(QList<QPointF>{{0, 2.5}, {2, 0.5}, {4, 2.5}});
        painter.end();
        return QPixmap::fromImage(image);
    }();
    return tile;
}

/// A wave from @p left to @p right (viewport pixels) with its middle at @p y, as Qt's own
/// SpellCheckUnderline looks.
void drawWave(QPainter &painter, qreal left, qreal right, qreal y) {
    const QRectF strip(std::floor(left), std::round(y) - 1, std::ceil(right) - std::floor(left), 3);
    if (strip.width() > 0)
        painter.drawTiledPixmap(strip, waveTile());
}

} // namespace

SpellHighlighter::SpellHighlighter(QTextEdit *edit, const StoryChecker *checker)
    : SpellHighlighter(static_cast<QAbstractScrollArea *>(edit), edit->document(), checker) {
    m_cursorRect = [edit](const QTextCursor &c) { return edit->cursorRect(c); };
    // The block at a height by a binary search over the blocks' rectangles: QTextEdit's own hit
    // test (cursorForPosition()) costs more than the underlines themselves in a long story.
    m_cursorAt = [edit](const QPoint &p) {
        const QTextDocument *document = edit->document();
        const QAbstractTextDocumentLayout *layout = document->documentLayout();
        const qreal y = p.y() + edit->verticalScrollBar()->value();
        int low = 0;
        int high = document->blockCount() - 1;
        while (low < high) {
            const int middle = (low + high + 1) / 2;
            if (layout->blockBoundingRect(document->findBlockByNumber(middle)).top() <= y)
                low = middle;
            else
                high = middle - 1;
        }
        return QTextCursor(document->findBlockByNumber(low));
    };
    m_cursorPosition = [edit] { return edit->hasFocus() ? edit->textCursor().position() : -1; };
}

SpellHighlighter::SpellHighlighter(QPlainTextEdit *edit, const StoryChecker *checker)
    : SpellHighlighter(static_cast<QAbstractScrollArea *>(edit), edit->document(), checker) {
    m_cursorRect = [edit](const QTextCursor &c) { return edit->cursorRect(c); };
    m_cursorAt = [edit](const QPoint &p) { return edit->cursorForPosition(p); };
    m_cursorPosition = [edit] { return edit->hasFocus() ? edit->textCursor().position() : -1; };
}

SpellHighlighter::SpellHighlighter(QAbstractScrollArea *edit, QTextDocument *document, const StoryChecker *checker)
    : QObject(edit)
    , m_edit(edit)
    , m_document(document)
    , m_checker(checker) {
    connect(m_document, &QTextDocument::contentsChange, this, &SpellHighlighter::onContentsChange);
    m_pause.setSingleShot(true);
    m_pause.setInterval(PauseMs);
    connect(&m_pause, &QTimer::timeout, this, [this] {
        const QTextBlock block = m_document->findBlockByNumber(m_typingBlock);
        m_typingBlock = -1;
        recheck(block);
    });
    m_edit->viewport()->installEventFilter(this);
    // The text the field opens with, once the window around it is built.
    QMetaObject::invokeMethod(this, &SpellHighlighter::recheckAll, Qt::QueuedConnection);
}

void SpellHighlighter::setEnabled(bool enabled) {
    if (enabled == m_enabled)
        return;
    m_enabled = enabled;
    recheckAll();
}

void SpellHighlighter::recheck(const QTextBlock &block) {
    if (!block.isValid() || block.document() != m_document)
        return;
    checkBlock(block);
    m_edit->viewport()->update();
}

void SpellHighlighter::recheckAll() {
    for (QTextBlock block = m_document->begin(); block.isValid(); block = block.next())
        checkBlock(block);
    m_edit->viewport()->update();
}

QList<Misspelling> SpellHighlighter::underlined(const QTextBlock &block) {
    const SpellData *data = spellData(block);
    return data ? data->marks : QList<Misspelling>();
}

void SpellHighlighter::checkBlock(const QTextBlock &block) {
    SpellData *data = spellData(block);
    const QString text = block.text();
    if (!m_enabled || !m_checker || text.isEmpty()) {
        if (data)
            data->marks.clear();
        return;
    }
    if (!data) {
        data = new SpellData;
        // Block user data is no edit: the document stays unmodified and off the undo stack.
        QTextBlock(block).setUserData(data);
    }
    const int cursor = m_cursorPosition ? m_cursorPosition() - block.position() : -1;
    data->marks.clear();
    for (const Misspelling &m : m_checker->speller().check(text))
        if (cursor < m.start || cursor > m.start + m.length) // never the word being typed
            data->marks.append(m);
}

void SpellHighlighter::onContentsChange(int position, int removed, int added) {
    // A one-block edit is typing; a bigger change (a paste, a new paragraph, a new story) is
    // checked at once.
    const QTextBlock first = m_document->findBlock(position);
    const QTextBlock last = m_document->findBlock(position + added);
    if (removed > 200 || added > 200 || first != last) {
        m_typingBlock = -1;
        for (QTextBlock block = first; block.isValid(); block = block.next()) {
            checkBlock(block);
            if (block == last)
                break;
        }
        return;
    }
    // The block keeps the marks the edit did not touch, moved with the text after it: no lookup on
    // the keystroke path. A word touched at either end is the word being typed and loses its mark.
    if (SpellData *data = spellData(first)) {
        const int at = position - first.position();
        QList<Misspelling> kept;
        for (Misspelling m : std::as_const(data->marks)) {
            if (m.start + m.length < at) {
                kept.append(m);
            } else if (m.start > at + removed) {
                m.start += added - removed;
                kept.append(m);
            }
        }
        data->marks = kept;
    }
    if (m_typingBlock >= 0 && m_typingBlock != first.blockNumber()) {
        // Typing moved to another block: the one left is due its check now.
        const QTextBlock left = m_document->findBlockByNumber(m_typingBlock);
        QMetaObject::invokeMethod(this, [this, left] { recheck(left); }, Qt::QueuedConnection);
    }
    m_typingBlock = first.blockNumber();
    m_pause.start();
}

bool SpellHighlighter::eventFilter(QObject *watched, QEvent *event) {
    if (event->type() != QEvent::Paint || watched != m_edit->viewport() || m_painting || !m_enabled)
        return QObject::eventFilter(watched, event);
    // The field paints its text first (the event sent on through its own viewport handling), then
    // the underlines go on top, inside the same paint event.
    m_painting = true;
    QCoreApplication::sendEvent(watched, event);
    m_painting = false;
    QPainter painter(m_edit->viewport());
    paintUnderlines(painter, static_cast<QPaintEvent *>(event)->rect());
    return true;
}

void SpellHighlighter::paintUnderlines(QPainter &painter, const QRect &area) const {
    const QTextBlock end = m_cursorAt(area.bottomRight()).block().next();
    for (QTextBlock block = m_cursorAt(area.topLeft()).block(); block.isValid() && block != end;
         block = block.next()) {
        const SpellData *data = spellData(block);
        QTextLayout *layout = block.layout();
        if (!data || data->marks.isEmpty() || !block.isVisible() || !layout || layout->lineCount() == 0)
            continue;
        // Where the block's layout sits in the viewport, from its first line's cursor rectangle.
        const QTextLine firstLine = layout->lineAt(0);
        const QRect start = m_cursorRect(QTextCursor(block));
        const QPointF origin(start.left() - firstLine.cursorToX(0), start.top() - firstLine.y());
        for (const Misspelling &m : data->marks) {
            // A word broken over two lines is underlined on both.
            for (int from = m.start, to = m.start + m.length; from < to;) {
                const QTextLine line = layout->lineForTextPosition(from);
                if (!line.isValid())
                    break;
                const int pieceEnd = qMin(to, line.textStart() + line.textLength());
                if (pieceEnd <= from)
                    break;
                const qreal x1 = line.cursorToX(from);
                const qreal x2 = line.cursorToX(pieceEnd);
                const qreal baseline = origin.y() + line.y() + line.ascent();
                drawWave(painter, origin.x() + qMin(x1, x2), origin.x() + qMax(x1, x2),
                         baseline + qMin<qreal>(2, line.descent() - 1));
                from = pieceEnd;
            }
        }
    }
}

} // namespace galley
