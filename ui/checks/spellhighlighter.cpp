#include "spellhighlighter.h"

#include "checks/spelling.h"
#include "checks/storychecker.h"

#include <QEvent>
#include <QSignalBlocker>
#include <QTextDocument>

namespace galley {

namespace {

/// What a block was last checked to hold, so typing can keep its underlines without a lookup.
struct SpellData final : QTextBlockUserData {
    QList<Misspelling> found;
};

QTextCharFormat misspelledFormat() {
    QTextCharFormat format;
    format.setUnderlineStyle(QTextCharFormat::SpellCheckUnderline);
    format.setUnderlineColor(QColor(0xc0, 0x1c, 0x28));
    return format;
}

} // namespace

SpellHighlighter::SpellHighlighter(QTextDocument *document, const StoryChecker *checker,
                                   std::function<int()> cursorPosition)
    : QSyntaxHighlighter(static_cast<QObject *>(document))
    , m_checker(checker)
    , m_cursorPosition(std::move(cursorPosition)) {
    // Connected before setDocument(), so it runs before the highlighter re-highlights the block.
    connect(document, &QTextDocument::contentsChange, this, &SpellHighlighter::onContentsChange);
    m_pause.setSingleShot(true);
    m_pause.setInterval(PauseMs);
    connect(&m_pause, &QTimer::timeout, this, [this] {
        const QTextBlock block = this->document()->findBlockByNumber(m_typingBlock);
        m_typingBlock = -1;
        recheck(block);
    });
    setDocument(document);
}

void SpellHighlighter::setEnabled(bool enabled) {
    if (enabled == m_enabled)
        return;
    m_enabled = enabled;
    recheckAll();
}

void SpellHighlighter::recheck(const QTextBlock &block) {
    if (!block.isValid() || block.document() != document())
        return;
    const QSignalBlocker quiet(document());
    rehighlightBlock(block);
}

void SpellHighlighter::recheckAll() {
    if (!document())
        return;
    const QSignalBlocker quiet(document());
    rehighlight();
}

bool SpellHighlighter::event(QEvent *event) {
    if (event->type() != QEvent::MetaCall || !document())
        return QSyntaxHighlighter::event(event);
    const QSignalBlocker quiet(document());
    return QSyntaxHighlighter::event(event);
}

void SpellHighlighter::onContentsChange(int position, int removed, int added) {
    // A one-block edit is typing; a bigger change (a paste, a new story) is checked at once.
    const QTextBlock first = document()->findBlock(position);
    const QTextBlock last = document()->findBlock(position + added);
    if (removed > 200 || added > 200 || first != last) {
        m_typingBlock = -1;
        return;
    }
    if (m_typingBlock >= 0 && m_typingBlock != first.blockNumber()) {
        // Typing moved to another block: the one left is due its check now.
        const QTextBlock left = document()->findBlockByNumber(m_typingBlock);
        m_typingBlock = first.blockNumber();
        QMetaObject::invokeMethod(this, [this, left] { recheck(left); }, Qt::QueuedConnection);
    }
    m_typingBlock = first.blockNumber();
    m_pause.start();
}

void SpellHighlighter::highlightBlock(const QString &text) {
    if (!m_enabled || !m_checker || text.isEmpty())
        return;
    const QTextBlock block = currentBlock();
    auto *data = static_cast<SpellData *>(currentBlockUserData());
    QList<Misspelling> found;
    if (data && block.blockNumber() == m_typingBlock) {
        for (const Misspelling &m : std::as_const(data->found))
            if (text.mid(m.start, m.length) == m.word)
                found.append(m);
    } else {
        found = m_checker->speller().check(text);
        if (!data) {
            data = new SpellData;
            setCurrentBlockUserData(data);
        }
        data->found = found;
    }
    const int cursor = m_cursorPosition ? m_cursorPosition() - block.position() : -1;
    static const QTextCharFormat format = misspelledFormat();
    for (const Misspelling &m : std::as_const(found)) {
        if (cursor >= m.start && cursor <= m.start + m.length)
            continue; // the word being typed
        setFormat(m.start, m.length, format);
    }
}

} // namespace galley
