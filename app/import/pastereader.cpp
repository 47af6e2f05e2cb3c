#include "pastereader.h"

#include "htmldocument.h"
#include "htmlnodes.h"
#include "htmlstyles.h"
#include "htmlwalker.h"

namespace galley {

namespace {

using namespace htmlnodes;

/// The text of every <style> element, where Word and Docs keep their list and class rules.
QString styleSheets(xmlNode *root) {
    QString sheets;
    traverse(
        root,
        [&](xmlNode *node) {
            if (node->type != XML_ELEMENT_NODE)
                return false;
            if (nameOf(node) == u"style") {
                for (xmlNode *child = node->children; child; child = child->next)
                    sheets += nodeText(child);
                return false;
            }
            return true;
        },
        [](xmlNode *) {});
    return sheets;
}

/// Appends @p segment to @p blocks: consecutive list items of one list group are one list block, as
/// the importer's story builder joins them.
void append(QList<Block> &blocks, const Segment &segment, int &lastGroup) {
    const BlockKind kind = segment.blockKind;
    if (segment.isStructure()) {
        Block block{newId(), kind};
        block.rows = segment.rows;
        // Every row as wide as the widest, as the body's table will hold them.
        qsizetype columns = 0;
        for (const TableRow &row : std::as_const(block.rows))
            columns = std::max(columns, row.size());
        for (TableRow &row : block.rows)
            row.resize(columns);
        block.headerRow = kind == BlockKind::Table && segment.headerRow;
        blocks.append(block);
        lastGroup = 0;
        return;
    }
    if (segment.text.isEmpty())
        return; // a carrier of notes, or a picture
    const auto role = segment.markupRole;
    if (role == SegmentRole::Headline || role == SegmentRole::Subhead) {
        blocks.append(Block{newId(), BlockKind::Subhead, {segment.text}});
        lastGroup = 0;
        return;
    }
    const bool list = kind == BlockKind::BulletList || kind == BlockKind::NumberedList;
    const ListItem item{std::clamp(segment.listLevel, 0, MaxListLevel), kind == BlockKind::NumberedList};
    if (list && !blocks.isEmpty() && blocks.last().isList() && lastGroup == segment.listGroup) {
        Block &block = blocks.last();
        if (block.items.isEmpty())
            for (qsizetype line = 0; line < block.lines.size(); ++line)
                block.items.append(block.item(line));
        block.lines.append(segment.text);
        block.items.append(item);
        // Items only need spelling out once the list mixes levels or numbering.
        bool plain = true;
        for (const ListItem &shape : std::as_const(block.items))
            plain = plain && shape == ListItem{0, block.kind == BlockKind::NumberedList};
        if (plain)
            block.items.clear();
        return;
    }
    if (kind == BlockKind::BlockQuote && !blocks.isEmpty() && blocks.last().kind == BlockKind::BlockQuote &&
        lastGroup == -1) {
        blocks.last().lines.append(segment.text);
        return;
    }
    Block block{newId(), list || kind == BlockKind::BlockQuote ? kind : BlockKind::Paragraph, {segment.text}};
    if (list && item.level > 0)
        block.items = {item};
    blocks.append(block);
    lastGroup = list ? segment.listGroup : kind == BlockKind::BlockQuote ? -1 : 0;
}

} // namespace

std::optional<PastedHtml> readPastedHtml(const QString &html, QString *error) {
    auto parsed = htmldoc::parseHtml(html.toUtf8(), error);
    if (!parsed)
        return std::nullopt;
    xmlNode *root = xmlDocGetRootElement(parsed->doc.get());
    const QString sheets = styleSheets(root);
    WalkOptions options;
    options.document = true;
    options.numberedDocsLists = htmlstyles::numberedDocsLists(sheets);
    options.classRules = htmlstyles::classRules(sheets);
    options.keepPictures = false;
    HtmlWalker walker(options);
    walker.walk(reinterpret_cast<xmlNode *>(parsed->doc.get()));
    const QList<Segment> segments = walker.finish();
    if (!walker.refusal().isEmpty()) {
        if (error)
            *error = walker.refusal();
        return std::nullopt;
    }
    PastedHtml out;
    int lastGroup = 0;
    for (const Segment &segment : segments) {
        for (const ReaderNote &note : segment.notes) {
            if (note.kind == ImportChangeKind::UnwrappedLink)
                ++out.unwrappedLinks;
            // HtmlWalker::link() notes a refused address with its words as the result.
            else if (note.kind == ImportChangeKind::RemovedElement && note.note.endsWith(u"without the link."_qs))
                ++out.droppedLinks;
        }
        append(out.blocks, segment, lastGroup);
    }
    return out;
}

} // namespace galley
