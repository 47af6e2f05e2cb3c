#pragma once

#include <QtGlobal>

/// The importer's limits in one place, so that every reader refuses or stops at the same sizes and
/// says so in a plain sentence. A file that meets a limit is either refused (exit 1, library
/// unchanged) or imported with a report note saying what was not done; it never crashes, hangs or
/// loses text silently. Readers may add their own constant here.
namespace galley::importlimits {

/// Deepest element nesting any reader follows (HTML, NITF, NewsML-G2, XHTML in ninjs). Real
/// stories nest a few dozen levels at most; recursion past this would exhaust the stack.
inline constexpr int MaxNestingDepth = 200;

/// Most attributes one element may carry. Real markup uses a handful; hundreds of thousands make
/// XML and HTML parsers quadratic.
inline constexpr int MaxAttributesPerElement = 256;

/// Entities: only the five XML predefines (&amp; &lt; &gt; &quot; &apos;) and character references
/// are ever expanded. Entities a file declares in its own DTD are refused or reported, never
/// expanded (a 94 KB file can otherwise expand to hundreds of megabytes). No constant needed: the
/// limit is zero.

/// Most paragraphs (lines of text, HTML blocks, NITF elements) one import reads. A story has a few
/// hundred; a file of millions of one-word lines would take gigabytes of memory to analyse, so it
/// is refused with a sentence before it is read (plain text) or once read (other formats).
inline constexpr int MaxImportParagraphs = 50000;

/// Longest run of letters the word splitter looks into. Longer runs are never words run together
/// (a pasted hash, a URL fragment, noise): they are left as they are, and the splitter's work per
/// token stays bounded.
inline constexpr int MaxSplitTokenLetters = 40;

/// Dictionary look-ups the word splitter may make for one import: a base for any story plus one
/// per this many characters of text, which keeps its time under a fraction of a second per
/// megabyte whatever the text. When spent, splitting stops and the report says from where.
inline constexpr int SplitLookupBase = 20000;
inline constexpr int SplitCharsPerLookup = 8;

/// Distinct words the splitter remembers from a story (names it may split at, words used twice).
/// A real story has a few thousand; noise could otherwise fill memory.
inline constexpr int MaxStoryWords = 200000;

/// Longest line (in characters) that can be a pull quote with its speaker: 40 words of quote and a
/// dozen of name and role. Longer lines are never parsed as one, which keeps the check linear.
inline constexpr int MaxPullQuoteChars = 500;

} // namespace galley::importlimits
