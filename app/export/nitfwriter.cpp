#include "nitfwriter.h"

#include "model/linkpolicy.h"
#include "render/articlerenderer.h"
#include "render/inlinemarkup.h"

#include <QXmlStreamWriter>

#include <algorithm>

namespace galley {

namespace {

/// @p text without the characters XML 1.0 cannot hold (C0 controls but tab, LF, CR; lone
/// surrogates are left to the writer), each replaced by U+FFFD so the reader sees something was there.
QString xmlSafe(const QString &text) {
    QString out = text;
    for (QChar &c : out)
        if ((c.unicode() < 0x20 && c != u'\t' && c != u'\n' && c != u'\r') || c.unicode() == 0xfffe ||
            c.unicode() == 0xffff)
            c = QChar(QChar::ReplacementCharacter);
    return out;
}

class NitfWriter {
public:
    NitfWriter(const Story &story, const QHash<QString, QString> &imagePaths, const PictureFileRefs &renditions,
               QXmlStreamWriter &xml)
        : m_story(story)
        , m_paths(imagePaths)
        , m_renditions(renditions)
        , m_xml(xml) {}

    void write();

private:
    void text(const QString &value) { m_xml.writeCharacters(xmlSafe(value)); }
    void attribute(const QString &name, const QString &value) { m_xml.writeAttribute(name, xmlSafe(value)); }
    void textElement(const QString &name, const QString &value) {
        m_xml.writeTextElement(name, xmlSafe(value));
    }
    /// A line break between elements that hold no running text, so the file reads by eye.
    void newline() { m_xml.writeCharacters(u"\n"_qs); }
    void head();
    void bodyHead();
    void inlineText(const InlineText &line);
    void block(const Block &block);
    void list(const Block &block);
    void table(const Block &block);
    void pullQuote(const PullQuote &quote);
    void picture(const StoryImage &image);
    void mediaReference(const StoryImage &image, const PictureFileRef &file);
    void item(const ArticleItem &item);

    const Story &m_story;
    const QHash<QString, QString> &m_paths;
    const PictureFileRefs &m_renditions;
    QXmlStreamWriter &m_xml;
};

void NitfWriter::write() {
    m_xml.writeStartElement(u"nitf"_qs);
    // Declared on <nitf> itself (after writeStartElement), so it holds inside another document too.
    m_xml.writeDefaultNamespace(u"http://iptc.org/std/NITF/2006-10-18/"_qs);
    attribute(u"version"_qs, u"-//IPTC//DTD NITF 3.6//EN"_qs);
    if (!m_story.metadata.language.trimmed().isEmpty())
        attribute(u"baselang"_qs, m_story.metadata.language.trimmed());
    newline();
    head();
    newline();
    m_xml.writeStartElement(u"body"_qs);
    newline();
    bodyHead();
    newline();
    m_xml.writeStartElement(u"body.content"_qs);
    const ArticleLayout layout = ArticleRenderer::layout(m_story);
    for (const ArticleItem &entry : layout.top)
        item(entry);
    for (const ArticleItem &entry : layout.body)
        item(entry);
    newline();
    m_xml.writeEndElement(); // body.content
    newline();
    m_xml.writeEndElement(); // body
    newline();
    m_xml.writeEndElement(); // nitf
}

void NitfWriter::head() {
    const StoryMetadata &meta = m_story.metadata;
    m_xml.writeStartElement(u"head"_qs);
    newline();
    textElement(u"title"_qs, m_story.headline);
    newline();
    m_xml.writeStartElement(u"docdata"_qs);
    // NITF says an embargo this way: the item is "embargoed" and date.release is when it may run.
    if (meta.embargo.isValid())
        attribute(u"management-status"_qs, u"embargoed"_qs);
    m_xml.writeEmptyElement(u"doc-id"_qs);
    attribute(u"id-string"_qs, meta.originalId.trimmed().isEmpty() ? m_story.id : meta.originalId.trimmed());
    if (meta.priority >= 1 && meta.priority <= 9) {
        m_xml.writeEmptyElement(u"urgency"_qs);
        attribute(u"ed-urg"_qs, QString::number(meta.priority));
    }
    const QDateTime issued = meta.versionCreated.isValid() ? meta.versionCreated : m_story.updated;
    if (issued.isValid()) {
        m_xml.writeEmptyElement(u"date.issue"_qs);
        attribute(u"norm"_qs, nitfTime(issued));
    }
    if (meta.embargo.isValid()) {
        m_xml.writeEmptyElement(u"date.release"_qs);
        attribute(u"norm"_qs, nitfTime(meta.embargo));
    }
    if (!meta.slugline.trimmed().isEmpty()) {
        m_xml.writeEmptyElement(u"du-key"_qs);
        attribute(u"key"_qs, meta.slugline.trimmed());
    }
    if (!meta.keywords.isEmpty()) {
        m_xml.writeStartElement(u"key-list"_qs);
        for (const QString &keyword : meta.keywords) {
            m_xml.writeEmptyElement(u"keyword"_qs);
            attribute(u"key"_qs, keyword);
        }
        m_xml.writeEndElement();
    }
    m_xml.writeEndElement(); // docdata
    newline();
    if (!m_story.section.trimmed().isEmpty()) {
        m_xml.writeEmptyElement(u"pubdata"_qs);
        attribute(u"type"_qs, u"web"_qs);
        attribute(u"position.section"_qs, m_story.section.trimmed());
    }
    newline();
    m_xml.writeEndElement(); // head
}

void NitfWriter::bodyHead() {
    m_xml.writeStartElement(u"body.head"_qs);
    newline();
    m_xml.writeStartElement(u"hedline"_qs);
    textElement(u"hl1"_qs, m_story.headline);
    if (!m_story.deck.trimmed().isEmpty())
        textElement(u"hl2"_qs, m_story.deck);
    m_xml.writeEndElement();
    for (const Byline &byline : m_story.bylines) {
        const QString name = detail::bylineName(byline.name);
        if (name.isEmpty())
            continue;
        newline();
        m_xml.writeStartElement(u"byline"_qs);
        text(u"By "_qs);
        textElement(u"person"_qs, name);
        if (!byline.title.trimmed().isEmpty()) {
            text(u", "_qs);
            textElement(u"byttl"_qs, byline.title.trimmed());
        }
        m_xml.writeEndElement();
    }
    if (!m_story.dateline.trimmed().isEmpty()) {
        newline();
        textElement(u"dateline"_qs, m_story.dateline.trimmed());
    }
    newline();
    m_xml.writeEndElement(); // body.head
}

void NitfWriter::inlineText(const InlineText &line) {
    // One element per style per run keeps the nesting trivially well formed; readers merge them.
    for (const InlineRun &run : line.normalized().runs) {
        int open = 0;
        const auto start = [&](const QString &name, const QString &cls = {}) {
            m_xml.writeStartElement(name);
            if (!cls.isEmpty())
                attribute(u"class"_qs, cls);
            ++open;
        };
        // Only links the page would make live are links in NITF too (linkpolicy.h): a partner's
        // system may publish them as they stand.
        if (!run.href.isEmpty() && isSafeLinkUrl(run.href.trimmed())) {
            start(u"a"_qs);
            attribute(u"href"_qs, run.href.trimmed());
        }
        if (run.bold)
            start(u"em"_qs, u"bold"_qs);
        if (run.italic)
            start(u"em"_qs);
        if (run.strike)
            start(u"em"_qs, u"strike"_qs);
        // NITF 3.6 allows sup and sub only inside num (m<num><sup>2</sup></num>).
        if (run.baseline != Baseline::Normal)
            start(u"num"_qs);
        if (run.baseline == Baseline::Superscript)
            start(u"sup"_qs);
        else if (run.baseline == Baseline::Subscript)
            start(u"sub"_qs);
        text(run.text);
        while (open-- > 0)
            m_xml.writeEndElement();
    }
}

void NitfWriter::block(const Block &block) {
    switch (block.kind) {
    case BlockKind::Paragraph:
    case BlockKind::Subhead:
        m_xml.writeStartElement(block.kind == BlockKind::Paragraph ? u"p"_qs : u"hl2"_qs);
        if (!block.lines.isEmpty())
            inlineText(block.lines.first());
        m_xml.writeEndElement();
        break;
    case BlockKind::BulletList:
    case BlockKind::NumberedList:
        list(block);
        break;
    case BlockKind::BlockQuote:
        m_xml.writeStartElement(u"bq"_qs);
        m_xml.writeStartElement(u"block"_qs);
        for (const InlineText &line : block.lines) {
            m_xml.writeStartElement(u"p"_qs);
            inlineText(line);
            m_xml.writeEndElement();
        }
        m_xml.writeEndElement();
        m_xml.writeEndElement();
        break;
    case BlockKind::Table:
        table(block);
        break;
    case BlockKind::SectionBreak:
        m_xml.writeEmptyElement(u"hr"_qs);
        break;
    }
}

void NitfWriter::list(const Block &block) {
    // A deeper item opens a list inside the open li, as HTML and NITF nest them; every list on the
    // stack has its last li open.
    QList<bool> open; // one entry per open ul/ol: numbered?
    const auto closeList = [&] {
        m_xml.writeEndElement(); // li
        m_xml.writeEndElement(); // ul/ol
        open.removeLast();
    };
    for (qsizetype i = 0; i < block.lines.size(); ++i) {
        const ListItem shape = block.item(i);
        const qsizetype level = std::clamp<qsizetype>(shape.level, 0, open.size()); // never skip a level
        while (open.size() > level + 1)
            closeList();
        if (open.size() == level + 1 && open.last() != shape.numbered)
            closeList();
        if (open.size() == level + 1) {
            m_xml.writeEndElement(); // the previous li
        } else {
            m_xml.writeStartElement(shape.numbered ? u"ol"_qs : u"ul"_qs);
            open.append(shape.numbered);
        }
        m_xml.writeStartElement(u"li"_qs);
        inlineText(block.lines.at(i));
    }
    while (!open.isEmpty())
        closeList();
}

void NitfWriter::table(const Block &block) {
    m_xml.writeStartElement(u"table"_qs);
    qsizetype columns = 0;
    for (const TableRow &row : block.rows)
        columns = std::max(columns, row.size());
    for (qsizetype r = 0; r < block.rows.size(); ++r) {
        const bool header = r == 0 && block.headerRow;
        m_xml.writeStartElement(u"tr"_qs);
        const TableRow &row = block.rows.at(r);
        for (qsizetype c = 0; c < columns; ++c) {
            m_xml.writeStartElement(header ? u"th"_qs : u"td"_qs);
            if (c < row.size())
                inlineText(row.at(c));
            m_xml.writeEndElement();
        }
        m_xml.writeEndElement();
    }
    m_xml.writeEndElement();
}

void NitfWriter::pullQuote(const PullQuote &quote) {
    if (quote.text.trimmed().isEmpty())
        return;
    // NITF 3.6 has no pull quote element: a bq of class "pullquote" says it (its schema allows
    // bq/block/p with a credit, and readers that know no class still see a quote with its credit).
    m_xml.writeStartElement(u"bq"_qs);
    attribute(u"class"_qs, u"pullquote"_qs);
    m_xml.writeStartElement(u"block"_qs);
    textElement(u"p"_qs, quote.text.trimmed());
    m_xml.writeEndElement();
    if (!quote.attribution.trimmed().isEmpty())
        textElement(u"credit"_qs, quote.attribution.trimmed());
    m_xml.writeEndElement();
}

void NitfWriter::picture(const StoryImage &image) {
    m_xml.writeStartElement(u"media"_qs);
    attribute(u"media-type"_qs, u"image"_qs);
    const QList<PictureFileRef> files = m_renditions.value(image.id);
    if (files.isEmpty())
        mediaReference(image, {m_paths.value(image.id, image.sourceHref), image.mimeType, image.width, image.height});
    // NITF 3.6 lets media hold a media-reference per rendition; readers take the one they need.
    for (const PictureFileRef &file : files)
        mediaReference(image, file);
    if (!image.caption.trimmed().isEmpty())
        textElement(u"media-caption"_qs, image.caption.trimmed());
    if (!image.credit.trimmed().isEmpty())
        textElement(u"media-producer"_qs, image.credit.trimmed());
    m_xml.writeEndElement();
}

void NitfWriter::mediaReference(const StoryImage &image, const PictureFileRef &file) {
    m_xml.writeEmptyElement(u"media-reference"_qs);
    if (!file.href.isEmpty())
        attribute(u"source"_qs, file.href);
    if (!file.mimeType.isEmpty())
        attribute(u"mime-type"_qs, file.mimeType);
    if (!image.altText.trimmed().isEmpty())
        attribute(u"alternate-text"_qs, image.altText.trimmed());
    if (file.width > 0 && file.height > 0) {
        attribute(u"width"_qs, QString::number(file.width));
        attribute(u"height"_qs, QString::number(file.height));
    }
}

void NitfWriter::item(const ArticleItem &entry) {
    newline();
    switch (entry.kind) {
    case ArticleItem::Kind::Block:
        block(m_story.body.at(entry.index));
        break;
    case ArticleItem::Kind::Image:
        picture(m_story.images.at(entry.index));
        break;
    case ArticleItem::Kind::PullQuote:
        pullQuote(m_story.pullQuotes.at(entry.index));
        break;
    }
}

} // namespace

QString nitfTime(const QDateTime &time) {
    return time.isValid() ? time.toUTC().toString(u"yyyyMMdd'T'HHmmss'Z'"_qs) : QString();
}

void writeNitfElement(QXmlStreamWriter &xml, const Story &story, const QHash<QString, QString> &imagePaths,
                      const PictureFileRefs &renditions) {
    NitfWriter(story, imagePaths, renditions, xml).write();
}

QByteArray writeNitf(const Story &story, const QHash<QString, QString> &imagePaths,
                     const PictureFileRefs &renditions) {
    QByteArray out;
    QXmlStreamWriter xml(&out);
    // No automatic indenting: it would put line breaks and spaces inside running text (between
    // </em> and <em>, before </byline>), which is text to a reader. Line breaks go between blocks.
    xml.writeStartDocument();
    writeNitfElement(xml, story, imagePaths, renditions);
    xml.writeCharacters(u"\n"_qs);
    xml.writeEndDocument();
    return out;
}

} // namespace galley
