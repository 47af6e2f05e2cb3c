#pragma once

#include <QString>
#include <QStringList>

#include <optional>

namespace galley {

/// XML text that QXmlStreamReader can read without expanding, fetching or nesting anything beyond
/// Galley's limits, and what was changed to make it so.
struct GuardedXml {
    QString text;
    /// Plain sentences for the import report (entity references left out, stray "&" kept).
    QStringList notes;
};

/// Prepares @p text (a whole XML document, already decoded) for QXmlStreamReader in one linear pass:
/// - refuses an element nested deeper than MaxNestingDepth, a start tag with more than
///   MaxAttributesPerElement attributes, or more than MaxNamespacesInScope namespace declarations in
///   scope (importlimits.h), naming the line, before any parsing;
/// - blanks the DOCTYPE's internal subset (line breaks kept, so line numbers stay right): entities
///   the file declares itself are never expanded (XML 1.0 section 4; no "billion laughs");
/// - rewrites entity references other than XML's five: HTML 4 names (&nbsp;, &eacute;, ...) become
///   character references, any other name is left out and reported;
/// - turns an "&" that starts no reference into "&amp;", reported.
/// Comments, CDATA sections and processing instructions are copied as they are. Nothing is ever
/// fetched (QXmlStreamReader reads no external DTD or entity either). @p format names the format in
/// sentences ("NITF").
/// Returns nullopt with @p error set to a plain sentence when a limit is exceeded.
std::optional<GuardedXml> guardXml(const QString &text, const QString &format, QString *error);

} // namespace galley
