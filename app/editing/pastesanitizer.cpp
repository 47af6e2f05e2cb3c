#include "pastesanitizer.h"

#include "documentconverter.h"
#include "import/pastereader.h"

#include <QRegularExpression>
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
    if (!refused.isEmpty())
        parts.append(refused + u" It was pasted as plain text."_qs);
    return parts.join(u' ');
}

QList<Block> sanitizedBlocksFromHtml(const QString &html, PasteReport *report) {
    PasteReport counts;
    QList<Block> blocks;
    if (auto pasted = readPastedHtml(html, &counts.refused)) {
        blocks = std::move(pasted->blocks);
        counts.unwrappedLinks = pasted->unwrappedLinks;
        counts.droppedLinks = pasted->droppedLinks;
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
