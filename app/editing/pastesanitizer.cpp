#include "pastesanitizer.h"

#include "documentconverter.h"

#include <QRegularExpression>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>
#include <QUrl>
#include <QVariant>

namespace galley {

namespace {

// A document that never loads what the HTML points at: no local files, no network.
class ScratchDocument final : public QTextDocument {
public:
    using QTextDocument::QTextDocument;

protected:
    QVariant loadResource(int, const QUrl &) override { return {}; }
};

// Qt's HTML reader shows the text of <script>, and <style> rules would style the scratch copy;
// neither belongs in a story, so both go before parsing.
QString withoutScriptsAndStyles(const QString &html) {
    static const QRegularExpression pattern(
        QStringLiteral(R"(<(script|style|template|noscript)\b[^>]*>.*?</\1\s*>|<(script|style)\b[^>]*/?>)"),
        QRegularExpression::CaseInsensitiveOption | QRegularExpression::DotMatchesEverythingOption);
    QString out = html;
    out.remove(pattern);
    return out;
}

// Qt's HTML reader marks only the first paragraph of a <blockquote> with BlockQuoteLevel; the
// others carry just the blockquote's 40px side margins, which nothing else in its output sets.
void markQuotedParagraphs(QTextDocument *document) {
    QTextCursor cursor(document);
    for (QTextBlock block = document->begin(); block.isValid(); block = block.next()) {
        QTextBlockFormat format = block.blockFormat();
        if (format.intProperty(QTextFormat::BlockQuoteLevel) == 0 && format.leftMargin() >= 40 &&
            format.rightMargin() >= 40 && !block.textList()) {
            format.setProperty(QTextFormat::BlockQuoteLevel, 1);
            cursor.setPosition(block.position());
            cursor.setBlockFormat(format);
        }
    }
}

// Qt reads <br> as U+2028 inside one block. A story body has no soft breaks, and a break the
// writer put there should not melt into a space, so each one starts a new block of the same kind.
void splitAtLineBreaks(QTextDocument *document) {
    QTextCursor cursor(document);
    for (int pos = document->characterCount() - 1; pos >= 0; --pos) {
        if (document->characterAt(pos) != QChar::LineSeparator)
            continue;
        cursor.setPosition(pos);
        cursor.setPosition(pos + 1, QTextCursor::KeepAnchor);
        cursor.removeSelectedText();
        cursor.insertBlock();
    }
}

} // namespace

QList<Block> sanitizedBlocksFromHtml(const QString &html) {
    ScratchDocument scratch;
    scratch.setHtml(withoutScriptsAndStyles(html));
    markQuotedParagraphs(&scratch);
    splitAtLineBreaks(&scratch);
    QList<Block> blocks = readBlocks(&scratch);
    for (Block &block : blocks) {
        for (InlineText &line : block.lines) {
            for (InlineRun &run : line.runs) {
                if (!run.href.isEmpty() && !isSafeLinkUrl(run.href))
                    run.href.clear();
                else
                    run.href = run.href.trimmed();
            }
            line = line.normalized();
        }
    }
    return blocks;
}

QTextDocumentFragment sanitizedFragmentFromHtml(const QString &html) {
    ScratchDocument clean;
    blocksToDocument(sanitizedBlocksFromHtml(html), &clean);
    return QTextDocumentFragment(&clean);
}

bool isBlockLevel(const QList<Block> &blocks) {
    return blocks.size() > 1 || (blocks.size() == 1 && blocks.first().kind != BlockKind::Paragraph);
}

bool isWholeStoryPaste(const QString &html, const QString &text) {
    if (!html.trimmed().isEmpty())
        return sanitizedBlocksFromHtml(html).size() >= 2;
    static const QRegularExpression blankLine(QStringLiteral(R"(\n[ \t\r]*\n)"));
    int paragraphs = 0;
    for (const QString &paragraph : text.split(blankLine))
        if (!paragraph.trimmed().isEmpty())
            ++paragraphs;
    if (paragraphs >= 2)
        return true;
    // Some programs copy paragraphs as single lines: three or more lines read as a story too.
    int lines = 0;
    for (const QString &line : text.split(u'\n'))
        if (!line.trimmed().isEmpty())
            ++lines;
    return lines >= 3;
}

} // namespace galley
