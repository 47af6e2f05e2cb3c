#include "articlefinder.h"
#include "htmldocument.h"
#include "htmlnodes.h"
#include "htmlstyles.h"
#include "htmlwalker.h"
#include "importlimits.h"
#include "pagemetadata.h"
#include "readers.h"

#include <QHash>
#include <QLocale>

namespace galley {

namespace {

using namespace htmlnodes;

/// What kind of HTML a file is, and the style sheets a Docs export numbers its lists in.
struct PageKind {
    bool document = false;
    QString styleSheets;
};

/// A word processor's document (Word, LibreOffice, Google Docs, by their own marks) or a fragment
/// without any of a web page's parts (title, metadata, navigation, article) is read as a document;
/// anything else as a web page.
PageKind pageKind(xmlNode *root) {
    PageKind kind;
    bool wordProcessor = false;
    bool webPage = false;
    traverse(
        root,
        [&](xmlNode *node) {
            if (node->type != XML_ELEMENT_NODE)
                return false;
            const QString name = nameOf(node);
            for (xmlAttr *property = node->properties; property && !wordProcessor;
                 property = property->next) {
                const QString value = property->children ? nodeText(property->children) : QString();
                wordProcessor = value.contains(u"schemas-microsoft-com:office"_qs) ||
                                value.startsWith(u"docs-internal-guid"_qs) ||
                                value.contains(u"lst-kix_"_qs) ||
                                (name == u"body" && value.contains(u"doc-content"_qs)) ||
                                (property->name && xmlStrcasecmp(property->name, BAD_CAST "class") == 0 &&
                                 value.startsWith(u"Mso"_qs));
            }
            if (name == u"meta") {
                const QString content = attribute(node, "content");
                const QString key = (attribute(node, "name") + attribute(node, "property")).toLower();
                if (key == u"generator" || key == u"progid")
                    wordProcessor = wordProcessor || content.contains(u"Microsoft Word"_qs) ||
                                    content.contains(u"Word.Document"_qs) ||
                                    content.contains(u"LibreOffice"_qs) || content.contains(u"OpenOffice"_qs);
                webPage = webPage || key.startsWith(u"og:"_qs) || key.startsWith(u"twitter:"_qs);
                return false;
            }
            if (name == u"style") {
                for (xmlNode *child = node->children; child; child = child->next)
                    kind.styleSheets += nodeText(child);
                return false;
            }
            if (name == u"title") {
                webPage = webPage || !textOf(node).isEmpty();
                return false;
            }
            if (name == u"script") {
                webPage = webPage || attribute(node, "type").contains(u"ld+json"_qs);
                return false;
            }
            static const QStringList parts = {u"nav"_qs,     u"header"_qs, u"footer"_qs,
                                              u"article"_qs, u"main"_qs,   u"aside"_qs};
            // Galley's own pull quote is an aside too, but story text: no sign of a web page.
            const bool pullQuote =
                name == u"aside" &&
                attribute(node, "class").split(u' ', Qt::SkipEmptyParts).contains(u"pull-quote"_qs);
            webPage = webPage || (parts.contains(name) && !pullQuote);
            return true;
        },
        [](xmlNode *) {});
    kind.document = wordProcessor || !webPage;
    return kind;
}

bool isBodyText(const Segment &segment) {
    return !segment.markupChrome && !segment.isStructure() &&
           (!segment.text.isEmpty() || !segment.imageFileName.isEmpty() || !segment.imageData.isEmpty());
}

/// A section break only separates text: one before everything, after everything or after another
/// break is left out.
void tidyBreaks(QList<Segment> &segments) {
    // Whether any text follows each segment, found in one pass from the end.
    std::vector<bool> textAfter(size_t(segments.size()) + 1, false);
    for (qsizetype i = segments.size() - 1; i >= 0; --i)
        textAfter[size_t(i)] = textAfter[size_t(i) + 1] || isBodyText(segments.at(i));
    bool textBefore = false;
    bool breakBefore = false;
    for (qsizetype i = 0; i < segments.size(); ++i) {
        Segment &segment = segments[i];
        if (segment.blockKind != BlockKind::SectionBreak || segment.markupChrome) {
            if (isBodyText(segment)) {
                textBefore = true;
                breakBefore = false;
            }
            continue;
        }
        if (textBefore && textAfter[size_t(i) + 1] && !breakBefore) {
            breakBefore = true;
            continue;
        }
        segment.blockKind = BlockKind::Paragraph;
        segment.notes.append(
            ReaderNote{ImportChangeKind::RemovedElement,
                       u"<hr>"_qs,
                       {},
                       u"A section break before all the text, after it, or right after another "
                       "break separates nothing; it is left out."_qs,
                       segment.line});
    }
}

/// Past MaxListedReaderNotes notes saying the same thing, the rest are counted in one sentence, so
/// that a page of nothing but bad links cannot fill memory with its report.
void capNotes(QList<Segment> &segments) {
    QHash<QString, int> seen;
    QList<ReaderNote> summaries;
    QHash<QString, qsizetype> summaryIndex;
    for (Segment &segment : segments) {
        segment.notes.removeIf([&](const ReaderNote &note) {
            if (++seen[note.note] <= MaxListedReaderNotes)
                return false;
            const auto it = summaryIndex.constFind(note.note);
            if (it == summaryIndex.constEnd()) {
                summaryIndex.insert(note.note, summaries.size());
                summaries.append(ReaderNote{note.kind, {}, {}, note.note, note.line});
            }
            return true;
        });
    }
    if (summaries.isEmpty() || segments.isEmpty())
        return;
    for (ReaderNote &summary : summaries) {
        const int more = seen.value(summary.note) - MaxListedReaderNotes;
        summary.original = u"%1 more"_qs.arg(more);
        summary.note =
            u"%1 more changes like this were made and are not listed one by one: %2"_qs.arg(more).arg(
                summary.note);
    }
    segments.last().notes.append(summaries);
}

/// The story's blocks (paragraphs, list items, table rows, pictures), chrome left aside.
qsizetype storyBlocks(const QList<Segment> &segments) {
    qsizetype blocks = 0;
    for (const Segment &segment : segments)
        if (!segment.markupChrome)
            blocks += segment.blockKind == BlockKind::Table ? segment.rows.size()
                      : isBodyText(segment)                 ? 1
                                                            : 0;
    return blocks;
}

} // namespace

std::optional<ReadStory> readHtmlStory(const QByteArray &utf8, QString *error) {
    auto parsed = htmldoc::parseHtml(utf8, error);
    if (!parsed)
        return std::nullopt;
    xmlNode *root = xmlDocGetRootElement(parsed->doc.get());
    const PageKind kind = pageKind(root);

    ReadStory story;
    WalkOptions options;
    options.document = kind.document;
    options.numberedDocsLists = htmlstyles::numberedDocsLists(kind.styleSheets);
    if (kind.document)
        options.classRules = htmlstyles::classRules(kind.styleSheets);
    PageMetadata meta;
    ArticleMap article;
    if (!kind.document) {
        meta = readPageMetadata(root);
        PageHints hints;
        hints.headline = meta.headline.isEmpty()
                             ? stripSiteName(meta.title, {meta.siteName, meta.publisher}, nullptr)
                             : meta.headline;
        hints.authors = !meta.authors.isEmpty();
        hints.published = meta.published.isValid();
        article = findArticle(root, hints);
        if (!meta.published.isValid() && !article.pageTime.isEmpty())
            meta.published = parsePageTime(article.pageTime);
        options.article = &article;
        options.leadPictureFile = pictureFileName(meta.picture.url);
        options.baseUrl = meta.baseUrl;
    }
    HtmlWalker walker(options);
    walker.walk(reinterpret_cast<xmlNode *>(parsed->doc.get()));
    story.segments = walker.finish();
    const QString refusal = !walker.refusal().isEmpty() || storyBlocks(story.segments) <= MaxStoryBlocks
                                ? walker.refusal()
                                : u"The page holds more than %1 paragraphs, list items, table rows and other "
                                  "blocks: that is not one story, and Galley does not import it."_qs.arg(
                                      QLocale(QLocale::English).toString(MaxStoryBlocks));
    if (!refusal.isEmpty()) {
        if (error)
            *error = refusal;
        return std::nullopt;
    }
    if (meta.picture.alt.isEmpty())
        meta.picture.alt = walker.leadPictureAlt();
    if (!parsed->notes.isEmpty()) {
        Segment carrier;
        carrier.line = parsed->notes.first().line;
        carrier.notes = parsed->notes;
        story.segments.prepend(carrier);
    }
    if (!kind.document)
        applyPageMetadata(meta, story);
    tidyBreaks(story.segments);
    capNotes(story.segments);
    return story;
}

std::optional<QList<Segment>> readHtml(const QByteArray &utf8, QString *error) {
    auto story = readHtmlStory(utf8, error);
    if (!story)
        return std::nullopt;
    return std::move(story->segments);
}

} // namespace galley
