#pragma once

// Limits every import reader keeps, in one place, so that no input up to MaxImportBytes can crash,
// hang or blow up an import. Each limit hit is refused or reported with a plain sentence.

namespace galley {

/// Deepest element nesting a structured reader (NITF, NewsML-G2, HTML) follows. Real stories nest a
/// dozen levels at most; deeper input is refused before it is parsed.
inline constexpr int MaxNestingDepth = 200;

/// Most attributes one XML start tag may carry. Real NITF and NewsML-G2 elements have fewer than 20;
/// the XML parser checks attributes for duplicates pairwise, so a tag with hundreds of thousands of
/// them would take minutes. Such input is refused before it is parsed.
inline constexpr int MaxAttributesPerElement = 64;

/// Most XML namespace declarations in scope at once (on an element and those around it). Real files
/// declare a handful; QXmlStreamReader looks every prefix up through all of them, so thousands in
/// scope make a 16 MB file take minutes.
inline constexpr int MaxNamespacesInScope = 64;

/// Most body blocks (paragraphs, list items, table rows, pictures, notes) one imported story may
/// hold. The longest real stories have a few hundred paragraphs and agate tables a few thousand
/// rows; millions of tiny blocks would take gigabytes to build and store.
inline constexpr int MaxStoryBlocks = 20000;

/// Widest table row an importer keeps; cells past it are left out and reported.
inline constexpr int MaxTableColumns = 100;

/// Most table cells one imported story may hold (a season's agate tables have a few tens of thousands).
inline constexpr int MaxTableCells = 100000;

/// Most changes of one kind a reader lists one by one (refused links, say); past it they are counted
/// in one sentence, so that a file of nothing but bad links cannot fill memory with its report.
inline constexpr int MaxListedReaderNotes = 200;

/// Entities: only the five XML predefines (&amp; &lt; &gt; &quot; &apos;) and character references
/// are ever expanded. Entities a file declares in its own DTD are refused or reported, never
/// expanded (a 94 KB file can otherwise expand to hundreds of megabytes).

/// Most paragraphs (segments: lines, blocks, elements) any reader may hand to the cleanup steps,
/// a safety net above MaxStoryBlocks for readers that count their own way. Plain text is held to
/// MaxStoryBlocks lines before it is read, since reading each line costs memory.
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

/// HTML only: how deep a page's markup may nest, estimated before parsing (elements whose end tag
/// HTML lets a page leave out do not count). libxml2 reads any depth with XML_PARSE_HUGE and the HTML
/// reader's walks are iterative, so pages past MaxNestingDepth (page builders nest a few hundred
/// wrappers) are read whole; this only bounds libxml2's time (about 6 µs per nested element).
inline constexpr int MaxHtmlNesting = 10000;

/// HTML only: most start tags a page may have. A long story with full site chrome has some 20,000;
/// each costs libxml2 about 200 bytes and may become a segment of about 500, so this keeps the
/// largest import well under 500 MB.
inline constexpr int MaxHtmlElements = 200000;

} // namespace galley
