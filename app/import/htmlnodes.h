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
/// True when @p node holds an h1: a page's <header> around the headline is the article's, any
/// other <header> is the site's masthead and menus.
bool containsHeadline(xmlNode *node);

} // namespace galley::htmlnodes
