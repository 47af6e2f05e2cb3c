#pragma once

#include <QSet>
#include <QString>

#include <libxml/HTMLparser.h>

/// What the HTML reader knows about elements of a page, apart from walking it. Internal to the importer.
namespace galley::htmlnodes {

/// The attribute @p name of @p node as UTF-16; empty when absent.
QString attribute(xmlNode *node, const char *name);
/// The style attribute lowercased without spaces ("font-weight:bold;mso-list:ignore").
QString styleOf(xmlNode *node);
/// Elements whose content is not text a reader sees (script, style, media, form fields).
const QSet<QString> &skippedElements();
/// Elements holding site chrome (nav, footer, aside, form, button, menu, dialog).
const QSet<QString> &chromeElements();
/// Elements that end a paragraph (p, div, headings, list items, table parts...).
const QSet<QString> &blockElements();
/// Class names web pages give the standfirst under the headline (standfirst, dek, deck, summary...).
bool isDeckClass(const QString &className);
/// The element's name in lowercase ("p", "o:p"); empty for other nodes.
QString nameOf(const xmlNode *node);
/// True when @p node is an element named @p name (lowercase ASCII).
bool isElement(const xmlNode *node, const char *name);
/// The class and id attributes joined by a space, lowercased: what page-shape hints are read from.
QString classAndId(xmlNode *node);
/// The text of @p node's subtree as a reader sees it (scripts and styles left out), whitespace
/// collapsed, read without recursion.
QString textOf(xmlNode *node);
/// The text inside a text or CDATA node.
QString nodeText(const xmlNode *node);

/// Visits @p root and its subtree in document order without recursion, so any nesting depth is
/// safe: @p enter(node) for every node (returning false skips its children), then @p leave(node)
/// for every node entered with true once its children are done.
template <typename Enter, typename Leave> void traverse(xmlNode *root, Enter &&enter, Leave &&leave) {
    xmlNode *node = root;
    while (node) {
        const bool descend = enter(node);
        if (descend && node->children) {
            node = node->children;
            continue;
        }
        if (descend)
            leave(node);
        while (node != root && !node->next) {
            node = node->parent;
            leave(node);
        }
        if (node == root)
            break;
        node = node->next;
    }
}

} // namespace galley::htmlnodes
