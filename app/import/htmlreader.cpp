#include "acceptance.h"
#include "htmlnodes.h"
#include "readers.h"

#include <QRegularExpression>

#include <memory>

namespace galley {

namespace {

using namespace htmlnodes;

/// The block a piece of text belongs to: what the innermost enclosing block element says.
struct Context {
    std::optional<SegmentRole> role;
    BlockKind kind = BlockKind::Paragraph;
    int listGroup = 0;
    bool chrome = false;
};

class Walker final {
public:
    QList<Segment> out;

    void walk(xmlNode *parent) {
        for (xmlNode *node = parent->children; node; node = node->next) {
            if (node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE) {
                text(node);
            } else if (node->type == XML_ELEMENT_NODE) {
                element(node);
            }
        }
    }

    void flush() {
        InlineText collapsed = collapseWhitespace(m_current);
        m_current = {};
        if (collapsed.isEmpty()) {
            if (!m_notes.isEmpty()) {
                // Everything in it was dropped (struck out): the segment only carries the report.
                Segment carrier;
                carrier.line = m_notes.first().line;
                carrier.notes = std::exchange(m_notes, {});
                out.append(carrier);
            }
            return;
        }
        Segment segment;
        segment.text = collapsed;
        segment.line = m_currentLine;
        segment.notes = std::exchange(m_notes, {});
        // Site chrome is reported as a whole; what its links did is no news.
        if (m_context.chrome)
            segment.notes.clear();
        segment.markupRole = m_context.role;
        segment.markupChrome = m_context.chrome;
        segment.blockKind = m_context.kind;
        segment.listGroup = m_context.listGroup;
        if (m_context.role == SegmentRole::Caption && m_hasPicture)
            takePicture(segment);
        out.append(segment);
    }

    /// Notes made outside any text block (a refused picture with no caption) go with the last segment.
    void finish() {
        flush();
        if (!m_notes.isEmpty() && !out.isEmpty())
            out.last().notes.append(std::exchange(m_notes, {}));
    }

private:
    void takePicture(Segment &segment) {
        segment.imageData = m_pictureData;
        segment.imageMimeType = m_pictureMime;
        segment.imageFileName = m_pictureFile;
        segment.altText = m_pictureAlt;
        segment.pictureRefused = m_pictureRefused;
        m_hasPicture = false;
    }

    /// A picture left over when its figure ends: the caption came before it, or there is none.
    void placePicture(qsizetype figureStart, int line) {
        if (!m_hasPicture)
            return;
        for (qsizetype i = figureStart; i < out.size(); ++i) {
            Segment &segment = out[i];
            if (segment.markupRole == SegmentRole::Caption && segment.imageData.isEmpty() &&
                segment.imageFileName.isEmpty() && segment.pictureRefused.isEmpty()) {
                takePicture(segment);
                return;
            }
        }
        Segment segment;
        segment.line = line;
        segment.markupRole = SegmentRole::Caption;
        takePicture(segment);
        out.append(segment);
    }

    int lineOf(xmlNode *node) const { return int(xmlGetLineNo(node)); }

    static QString plainContent(xmlNode *node) {
        xmlChar *content = xmlNodeGetContent(node);
        if (!content)
            return {};
        const QString out = QString::fromUtf8(reinterpret_cast<const char *>(content)).simplified();
        xmlFree(content);
        return out;
    }

    /// A table becomes one paragraph per row, cells joined by " | ", each row reported.
    void table(xmlNode *node) {
        QList<xmlNode *> rows;
        collectRows(node, rows);
        for (xmlNode *child = node->children; child; child = child->next) {
            if (child->type == XML_ELEMENT_NODE &&
                xmlStrcasecmp(child->name, reinterpret_cast<const xmlChar *>("caption")) == 0) {
                const QString caption = plainContent(child);
                if (!caption.isEmpty())
                    verbatim(caption, lineOf(child), caption,
                             u"The table's caption is kept as a paragraph above its rows."_qs);
            }
        }
        for (xmlNode *row : std::as_const(rows)) {
            QStringList cells;
            for (xmlNode *cell = row->children; cell; cell = cell->next) {
                if (cell->type == XML_ELEMENT_NODE &&
                    (xmlStrcasecmp(cell->name, reinterpret_cast<const xmlChar *>("td")) == 0 ||
                     xmlStrcasecmp(cell->name, reinterpret_cast<const xmlChar *>("th")) == 0))
                    cells << plainContent(cell);
            }
            while (!cells.isEmpty() && cells.last().isEmpty())
                cells.removeLast();
            if (cells.isEmpty())
                continue;
            verbatim(cells.join(u" | "_qs), lineOf(row), cells.join(u'\t'),
                     u"A table row is kept as one paragraph with its cells joined by “ | ”: a story holds "
                     "no tables."_qs);
        }
    }

    static void collectRows(xmlNode *node, QList<xmlNode *> &rows) {
        for (xmlNode *child = node->children; child; child = child->next) {
            if (child->type != XML_ELEMENT_NODE ||
                xmlStrcasecmp(child->name, reinterpret_cast<const xmlChar *>("table")) == 0)
                continue;
            if (xmlStrcasecmp(child->name, reinterpret_cast<const xmlChar *>("tr")) == 0)
                rows.append(child);
            else
                collectRows(child, rows);
        }
    }

    /// Appends a paragraph the reader reshaped, with its kept-as-text change.
    void verbatim(const QString &text, int line, const QString &original, const QString &why) {
        Segment segment;
        segment.text = InlineText::plain(text);
        segment.line = line;
        segment.markupRole = SegmentRole::Paragraph;
        segment.markupChrome = m_context.chrome;
        segment.verbatim = true;
        segment.notes.append(ReaderNote{ImportChangeKind::KeptAsText, original, text, why, line});
        out.append(segment);
    }

    /// Preformatted text: one paragraph per non-blank line.
    void preformatted(xmlNode *node) {
        xmlChar *content = xmlNodeGetContent(node);
        const QString text = content ? QString::fromUtf8(reinterpret_cast<const char *>(content)) : QString();
        xmlFree(content);
        const int first = lineOf(node);
        const qsizetype firstIndex = out.size();
        int offset = 0;
        bool reported = false;
        for (const QString &raw : text.split(u'\n')) {
            const QString line = raw.simplified();
            if (!line.isEmpty()) {
                verbatim(line, first + offset, text.trimmed(),
                         u"Preformatted text is kept as one paragraph per line."_qs);
                if (reported)
                    out.last().notes.clear();
                reported = true;
            }
            ++offset;
        }
        if (reported)
            out[firstIndex].notes.last().result = preLines(text);
    }

    void text(xmlNode *node) {
        const QString content = QString::fromUtf8(reinterpret_cast<const char *>(node->content));
        if (content.trimmed().isEmpty() && m_current.runs.isEmpty())
            return;
        if (m_current.runs.isEmpty())
            m_currentLine = int(xmlGetLineNo(node));
        m_current.runs.append(
            InlineRun{content, m_bold > 0, m_italic > 0, m_hrefs.isEmpty() ? QString() : m_hrefs.last()});
    }

    void picture(xmlNode *node) {
        const QString src = attribute(node, "src").trimmed();
        m_hasPicture = true;
        m_pictureAlt = attribute(node, "alt");
        m_pictureData.clear();
        m_pictureMime.clear();
        m_pictureFile.clear();
        m_pictureRefused.clear();
        // Only pictures inside the file count; a remote address is kept as the file name. The
        // label of a data: URI is not trusted: the bytes must be a JPEG, PNG, WebP or GIF that opens.
        if (src.startsWith(u"data:"_qs, Qt::CaseInsensitive)) {
            const qsizetype comma = src.indexOf(u',');
            const QString header = src.mid(5, comma - 5);
            const QString label = header.section(u';', 0, 0).trimmed().toLower();
            const QByteArray bytes = comma > 0 && header.contains(u";base64"_qs, Qt::CaseInsensitive)
                                         ? QByteArray::fromBase64(src.mid(comma + 1).toLatin1())
                                         : QByteArray();
            const CheckedPicture checked = checkPicture(bytes, label);
            if (checked.refused.isEmpty()) {
                m_pictureData = bytes;
                m_pictureMime = checked.mimeType;
            } else {
                m_pictureRefused = checked.refused;
            }
        } else {
            m_pictureFile = src.section(u'/', -1).section(u'?', 0, 0);
        }
    }

    static bool isNamed(const QString &name, std::initializer_list<const char16_t *> names) {
        for (const char16_t *n : names)
            if (name == QStringView(n))
                return true;
        return false;
    }

    void element(xmlNode *node) {
        const QString name = QString::fromUtf8(reinterpret_cast<const char *>(node->name)).toLower();
        if (skippedElements().contains(name)) {
            // Embedded media are part of the story a reader saw: say they were left out.
            if (!m_context.chrome && isNamed(name, {u"iframe", u"video", u"audio", u"object", u"embed"})) {
                QString source = attribute(node, "src");
                if (source.isEmpty())
                    source = attribute(node, "data");
                const QString title = attribute(node, "title");
                m_notes.append(
                    ReaderNote{ImportChangeKind::RemovedElement,
                               (u"<"_qs % name % u'>' % (title.isEmpty() ? QString() : u' ' % title) %
                                (source.isEmpty() ? QString() : u' ' % source.left(200))),
                               {},
                               u"An embedded %1 cannot be kept in a story; it is left out."_qs.arg(name),
                               lineOf(node)});
            }
            return;
        }
        const QString style = styleOf(node);
        const QString className = attribute(node, "class");
        // Word's list bullets and numbers are drawn text, not content; a number says the list is numbered.
        if (style.contains(u"mso-list:ignore"_qs)) {
            static const QRegularExpression numbered(
                uR"(^\(?(\d{1,3}|[a-zA-Z]|[ivxlcdmIVXLCDM]{1,6})[.)]$)"_qs);
            if (m_context.kind == BlockKind::BulletList && numbered.match(plainContent(node)).hasMatch())
                m_context.kind = BlockKind::NumberedList;
            return;
        }
        if (name == u"br") {
            flush();
            return;
        }
        if (name == u"img") {
            if (m_inFigure) {
                picture(node);
            } else if (attribute(node, "src").trimmed().startsWith(u"data:"_qs, Qt::CaseInsensitive)) {
                // A picture held in the page outside a figure: placed where it stands.
                flush();
                picture(node);
                placePicture(out.size(), lineOf(node));
            } else if (!m_context.chrome && attribute(node, "width") != u"1" &&
                       attribute(node, "height") != u"1") {
                // A picture from the web outside a figure: reported, not made an image entry, since
                // pages hold icons and logos this way too.
                const QString src = attribute(node, "src").trimmed();
                const QString file = src.section(u'/', -1).section(u'?', 0, 0);
                const QString alt = attribute(node, "alt").simplified();
                if (!file.isEmpty() || !alt.isEmpty())
                    m_notes.append(ReaderNote{
                        ImportChangeKind::RemovedElement, file.isEmpty() ? alt : file, alt,
                        u"A picture on the web outside a figure is not in the file; it is left out."_qs,
                        lineOf(node)});
            }
            return;
        }
        if (isNamed(name, {u"s", u"strike", u"del"})) {
            const QString struck = plainContent(node);
            if (!struck.isEmpty())
                m_notes.append(
                    ReaderNote{ImportChangeKind::RemovedElement,
                               struck,
                               {},
                               u"Struck-out text is removed: it was struck out in the original."_qs,
                               lineOf(node)});
            return;
        }
        if (name == u"table") {
            flush();
            table(node);
            return;
        }
        if (name == u"pre") {
            flush();
            preformatted(node);
            return;
        }
        if (!blockElements().contains(name)) {
            inlineElement(node, name, style);
            return;
        }

        flush();
        const Context saved = m_context;
        const bool savedFigure = m_inFigure;
        const qsizetype figureStart = out.size();
        const QString role = attribute(node, "role");
        if (chromeElements().contains(name) || role == u"navigation" || role == u"contentinfo" ||
            role == u"complementary" || role == u"banner" || (name == u"header" && !containsHeadline(node)))
            m_context.chrome = true;
        if (name == u"h1" || className.contains(u"MsoTitle"_qs)) {
            m_context.role = m_headlineSeen ? SegmentRole::Subhead : SegmentRole::Headline;
            m_headlineSeen = true;
        } else if (name.size() == 2 && name.front() == u'h' && name.back().isDigit()) {
            m_context.role = SegmentRole::Subhead;
        } else if (className.contains(u"MsoSubtitle"_qs) || isDeckClass(className)) {
            m_context.role = SegmentRole::Deck;
        } else if (name == u"figcaption" || name == u"caption") {
            m_context.role = SegmentRole::Caption;
        } else if (name == u"figure") {
            m_inFigure = true;
            m_hasPicture = false;
        } else if (name == u"blockquote") {
            m_context.kind = BlockKind::BlockQuote;
        } else if (name == u"ul" || name == u"ol") {
            m_listKinds.append(name == u"ul" ? BlockKind::BulletList : BlockKind::NumberedList);
            m_listGroups.append(++m_listCounter);
        } else if (className.contains(u"MsoListParagraph"_qs)) {
            // Word pastes list items as paragraphs; CxSpMiddle and CxSpLast continue the list.
            if (!className.contains(u"CxSpMiddle"_qs) && !className.contains(u"CxSpLast"_qs))
                ++m_listCounter;
            m_context.kind = BlockKind::BulletList;
            m_context.listGroup = m_listCounter;
        } else if (name == u"li" && !m_listKinds.isEmpty()) {
            m_context.kind = m_listKinds.last();
            m_context.listGroup = m_listGroups.last();
        } else if (name == u"title") {
            return;
        }
        walk(node);
        flush();
        if (name == u"figure")
            placePicture(figureStart, lineOf(node));
        if (name == u"ul" || name == u"ol") {
            m_listKinds.removeLast();
            m_listGroups.removeLast();
        }
        m_context = saved;
        m_inFigure = savedFigure;
    }

    void inlineElement(xmlNode *node, const QString &name, const QString &style) {
        // Google Docs wraps a whole paste in <b style="font-weight:normal">; styles win over tags.
        bool bold = name == u"b" || name == u"strong";
        if (style.contains(u"font-weight:normal"_qs) || style.contains(u"font-weight:400"_qs))
            bold = false;
        if (style.contains(u"font-weight:bold"_qs) || style.contains(u"font-weight:700"_qs) ||
            style.contains(u"font-weight:600"_qs) || style.contains(u"font-weight:800"_qs))
            bold = true;
        const bool italic = name == u"i" || name == u"em" || style.contains(u"font-style:italic"_qs);
        bool link = name == u"a" && node->properties;
        if (link) {
            const QString href = attribute(node, "href");
            const CheckedLink checked = checkLink(href);
            if (!checked.refused.isEmpty())
                m_notes.append(ReaderNote{ImportChangeKind::RemovedElement, href, plainContent(node),
                                          checked.refused % u" The words stay, without the link."_qs,
                                          lineOf(node)});
            if (checked.href.isEmpty() && href.trimmed().isEmpty())
                link = false; // an anchor without an address is no link
            else
                m_hrefs.append(checked.href);
        }
        m_bold += bold;
        m_italic += italic;
        walk(node);
        m_bold -= bold;
        m_italic -= italic;
        if (link)
            m_hrefs.removeLast();
    }

    InlineText m_current;
    int m_currentLine = 0;
    Context m_context;
    int m_bold = 0;
    int m_italic = 0;
    QStringList m_hrefs;
    QList<BlockKind> m_listKinds;
    QList<int> m_listGroups;
    int m_listCounter = 0;
    bool m_headlineSeen = false;
    bool m_inFigure = false;
    bool m_hasPicture = false;
    QByteArray m_pictureData;
    QString m_pictureMime;
    QString m_pictureFile;
    QString m_pictureAlt;
    QString m_pictureRefused;
    QList<ReaderNote> m_notes;
};

struct DocFree {
    void operator()(xmlDoc *doc) const { xmlFreeDoc(doc); }
};

} // namespace

std::optional<QList<Segment>> readHtml(const QByteArray &source, QString *error) {
    // Word wraps its list bullets in <![if !supportLists]> ... <![endif]>, which is not HTML and
    // which libxml2 would keep as text. Drop the markers; the bullets are skipped as mso-list:Ignore.
    static const QRegularExpression wordConditionals(uR"(<!\[(?:if [^\]]*|endif)\]>)"_qs);
    QByteArray utf8 = QString::fromUtf8(source).remove(wordConditionals).toUtf8();
    const int options = HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET;
    std::unique_ptr<xmlDoc, DocFree> doc(
        htmlReadMemory(utf8.constData(), int(utf8.size()), "import.html", "UTF-8", options));
    xmlNode *root = doc ? xmlDocGetRootElement(doc.get()) : nullptr;
    if (!root) {
        if (error)
            *error = u"The HTML could not be read: it holds no document Galley can parse."_qs;
        return std::nullopt;
    }
    Walker walker;
    xmlNode fakeParent{};
    fakeParent.children = root;
    walker.walk(&fakeParent);
    walker.finish();
    return walker.out;
}

} // namespace galley
