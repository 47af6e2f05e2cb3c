#include "pastesanitizer.h"

#include "documentconverter.h"

#include <QFont>
#include <QRegularExpression>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>
#include <QTextFrame>
#include <QTextTable>
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

// Qt's HTML reader strikes out only <s>; <strike> and <del> (what word processors and wikis copy
// for struck text) mean the same to a story.
QString withStrikeTags(const QString &html) {
    static const QRegularExpression pattern(QStringLiteral(R"(<(/?)(?:strike|del)\b)"),
                                            QRegularExpression::CaseInsensitiveOption);
    QString out = html;
    out.replace(pattern, QStringLiteral("<\\1s"));
    return out;
}

// Qt counts only <thead> rows as header rows; a first row of <th> cells (or of wholly bold cells,
// as word processors write headers) is one too.
void markHeaderRows(QTextDocument *document) {
    for (QTextFrame *frame : document->rootFrame()->childFrames()) {
        auto *table = qobject_cast<QTextTable *>(frame);
        if (!table || table->rows() < 2 || table->format().headerRowCount() > 0)
            continue;
        bool bold = true;
        bool text = false;
        for (int c = 0; c < table->columns() && bold; ++c) {
            const QTextTableCell cell = table->cellAt(0, c);
            for (auto it = cell.begin(); !it.atEnd() && bold; ++it) {
                const QTextBlock block = it.currentBlock();
                for (auto f = block.begin(); !f.atEnd(); ++f) {
                    if (f.fragment().text().trimmed().isEmpty())
                        continue;
                    text = true;
                    bold = bold && f.fragment().charFormat().fontWeight() >= QFont::DemiBold;
                }
            }
        }
        if (bold && text) {
            QTextTableFormat format = table->format();
            format.setHeaderRowCount(1);
            table->setFormat(format);
        }
    }
}

InlineText safeLinks(InlineText line, PasteReport &report) {
    for (InlineRun &run : line.runs) {
        if (run.href.isEmpty())
            continue;
        if (const QString target = redirectTarget(run.href); !target.isEmpty()) {
            run.href = target;
            ++report.unwrappedLinks;
        } else if (!isSafeLinkUrl(run.href)) {
            run.href.clear();
            ++report.droppedLinks;
        } else {
            run.href = run.href.trimmed();
        }
    }
    return line.normalized();
}

} // namespace

QString PasteReport::sentence() const {
    QStringList parts;
    if (unwrappedLinks > 0)
        parts.append(unwrappedLinks == 1
                         ? u"1 pasted link went through a redirect page; it now points straight at its target."_qs
                         : u"%1 pasted links went through a redirect page; they now point straight at their targets."_qs
                               .arg(unwrappedLinks));
    if (droppedLinks > 0)
        parts.append(droppedLinks == 1
                         ? u"1 pasted link was not a web or mail address; its words stay, without the link."_qs
                         : u"%1 pasted links were not web or mail addresses; their words stay, without the links."_qs
                               .arg(droppedLinks));
    return parts.join(u' ');
}

QList<Block> sanitizedBlocksFromHtml(const QString &html, PasteReport *report) {
    PasteReport counts;
    ScratchDocument scratch;
    scratch.setHtml(withStrikeTags(withoutScriptsAndStyles(html)));
    markQuotedParagraphs(&scratch);
    markHeaderRows(&scratch);
    splitAtLineBreaks(&scratch);
    QList<Block> blocks = readBlocks(&scratch);
    for (Block &block : blocks) {
        for (InlineText &line : block.lines)
            line = safeLinks(line, counts);
        for (TableRow &row : block.rows)
            for (InlineText &cell : row)
                cell = safeLinks(cell, counts);
    }
    if (report)
        *report = counts;
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
