#pragma once

#include "importlimits.h"
#include "segment.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <libxml/HTMLparser.h>

#include <memory>
#include <optional>

/// Reading HTML bytes into a libxml2 tree within Galley's limits. Internal to the importer.
namespace galley::htmldoc {

struct DocFree {
    void operator()(xmlDoc *doc) const { xmlFreeDoc(doc); }
};
using DocPtr = std::unique_ptr<xmlDoc, DocFree>;

/// A parsed page and what preparing it changed.
struct ParsedHtml {
    DocPtr doc;
    /// Reshaping done before parsing (a start tag's excess attributes dropped), for the report.
    QList<ReaderNote> notes;
};

/// Prepares @p utf8 for libxml2 and parses it. Before parsing: a Windows clipboard (CF_HTML)
/// header is cut; Word's downlevel-revealed conditionals (`<![if !vml]>`, `<![endif]>`) are
/// unwrapped so their content reads as HTML (and every <ol> is given to the parser as a marked
/// <ul>: see isOrderedList()), while the list markers Word keeps inside
/// `[if !supportLists]` become `mso-list:Ignore` spans; start tags are counted and their attributes
/// capped (MaxAttributesPerElement; the rest of a tag is dropped and reported). Line numbers of the input are
/// kept. libxml2 parses with recovery, no network and no depth limit of its own (XML_PARSE_HUGE); its errors
/// go to a structured handler (never to stderr) and a parser that stopped before the end refuses the page.
/// Errors (nullopt, @p error set to a sentence): more than MaxHtmlElements start tags, nesting deeper
/// than MaxHtmlNesting, a parser stop (out of memory, an internal limit), or no document at all.
std::optional<ParsedHtml> parseHtml(const QByteArray &utf8, QString *error);

/// True for a list element that was an <ol> in the page (parseHtml() marks them).
bool isOrderedList(xmlNode *node);

} // namespace galley::htmldoc
