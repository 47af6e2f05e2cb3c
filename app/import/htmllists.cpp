// Lists in a page: nesting from ul/ol (Google Docs' invalid sibling nesting included), Docs' export
// classes and aria-level, Word's mso-list paragraphs, numbering item by item.
#include "htmldocument.h"
#include "htmlnodes.h"
#include "htmlwalker.h"

namespace galley {

using namespace htmlnodes;

void HtmlWalker::enterList(xmlNode *node) {
    BlockKind kind = htmldoc::isOrderedList(node) ? BlockKind::NumberedList : BlockKind::BulletList;
    const auto docs = htmlstyles::docsList(attribute(node, "class"));
    if (docs && m_options.numberedDocsLists.contains(u"lst-kix_%1-%2"_qs.arg(docs->list).arg(docs->level)))
        kind = BlockKind::NumberedList;
    if (m_state.listDepth == 0) {
        // Docs exports each level as a list of its own, one after another: same list id, one block.
        const bool continues = docs && docs->list == m_lastDocsList && !m_out.isEmpty();
        m_state.listGroup = continues ? m_out.last().listGroup : ++m_listCounter;
    }
    ++m_state.listDepth;
    m_state.listKind = kind;
    m_state.docsLevel = docs ? docs->level : -1;
    m_state.docsList = docs ? docs->list : QString();
}

void HtmlWalker::enterListItem(xmlNode *node, const htmlstyles::Declarations &css) {
    if (m_state.listDepth == 0)
        return;
    bool ok = false;
    int level = attribute(node, "aria-level").toInt(&ok) - 1;
    if (!ok)
        level = m_state.docsLevel >= 0 ? m_state.docsLevel : m_state.listDepth - 1;
    const bool numbered = htmlstyles::listStyleNumbered(css.value(u"list-style-type"))
                              .value_or(m_state.listKind == BlockKind::NumberedList);
    m_state.kind = numbered ? BlockKind::NumberedList : BlockKind::BulletList;
    m_state.listLevel = std::clamp(level, 0, MaxListLevel);
}

void HtmlWalker::enterWordList(const htmlstyles::WordList &list) {
    // Consecutive paragraphs of one Word list are one list; anything between ends it.
    const bool continues = list.list == m_lastWordList && !m_out.isEmpty();
    m_state.listGroup = continues ? m_out.last().listGroup : ++m_listCounter;
    m_state.kind = BlockKind::BulletList; // a number marker inside makes it numbered
    m_state.listLevel = list.level;
    m_state.wordList = list.list;
}

} // namespace galley
