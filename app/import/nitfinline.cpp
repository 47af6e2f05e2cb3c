#include "acceptance.h"
#include "importlimits.h"
#include "nitfparts.h"
#include "readers.h"

#include <algorithm>

namespace galley::nitf {

namespace {

/// Marks a paragraph break inside a line until paragraphs() splits there.
constexpr char16_t ParagraphBreak = u'\u2029';

/// The lower-case words of the element's class attribute; empty (and no allocation) when it has none.
QStringList classesOf(const QXmlStreamReader &xml) {
    const QStringView classes = xml.attributes().value(QLatin1StringView("class"));
    return classes.isEmpty() ? QStringList() : classes.toString().toLower().split(u' ', Qt::SkipEmptyParts);
}

/// Refused links noted for the file being read, per thread (a reader runs on one thread at a time).
thread_local int t_linkNotes = 0;

} // namespace

int restartLinkNotes() {
    const int unlisted = std::max(0, t_linkNotes - MaxListedReaderNotes);
    t_linkNotes = 0;
    return unlisted;
}

bool isInlineElement(QStringView name) {
    // Sorted, for a binary search that allocates nothing: this runs for every element read.
    static constexpr QStringView names[] = {u"a",
                                            u"abbr",
                                            u"acronym",
                                            u"alt-code",
                                            u"b",
                                            u"big",
                                            u"br",
                                            u"chron",
                                            u"cite",
                                            u"city",
                                            u"classifier",
                                            u"code",
                                            u"copyrite",
                                            u"copyrite.holder",
                                            u"copyrite.year",
                                            u"country",
                                            u"del",
                                            u"delivery.office",
                                            u"delivery.point",
                                            u"denom",
                                            u"dfn",
                                            u"em",
                                            u"event",
                                            u"font",
                                            u"frac",
                                            u"frac-sep",
                                            u"function",
                                            u"i",
                                            u"ins",
                                            u"kbd",
                                            u"lang",
                                            u"location",
                                            u"mark",
                                            u"money",
                                            u"name.family",
                                            u"name.given",
                                            u"nobr",
                                            u"num",
                                            u"numer",
                                            u"object.title",
                                            u"org",
                                            u"person",
                                            u"postaddr",
                                            u"postcode",
                                            u"pronounce",
                                            u"q",
                                            u"region",
                                            u"s",
                                            u"small",
                                            u"span",
                                            u"state",
                                            u"strike",
                                            u"strong",
                                            u"sub",
                                            u"sublocation",
                                            u"sup",
                                            u"time",
                                            u"tt",
                                            u"u",
                                            u"var",
                                            u"virtloc"};
    return std::binary_search(std::begin(names), std::end(names), name,
                              [](QStringView a, QStringView b) { return a.compare(b) < 0; });
}

void InlineBuilder::text(QStringView text) {
    if (text.isEmpty())
        return;
    for (const QChar c : text) {
        if (!c.isSpace()) {
            m_breaks = 0;
            break;
        }
    }
    m_text.runs.append(InlineRun{text.toString(), m_bold > 0, m_italic > 0,
                                 m_hrefs.isEmpty() ? QString() : m_hrefs.last(), m_strike > 0,
                                 m_superscript > 0 ? Baseline::Superscript
                                 : m_subscript > 0 ? Baseline::Subscript
                                                   : Baseline::Normal});
}

void InlineBuilder::space() {
    m_text.runs.append(InlineRun{u" "_qs});
}

bool InlineBuilder::isEmpty() const {
    for (const auto &run : m_text.runs)
        for (const QChar c : run.text)
            if (!c.isSpace())
                return false;
    return true;
}

InlineBuilder::Effect InlineBuilder::start(QXmlStreamReader &xml) {
    const auto name = xml.name();
    if (name == u"em") {
        // NITF's em carries its look in @class ("bold", "italic", "underscore", "strike"); italic
        // unless told.
        const QStringList classes = classesOf(xml);
        if (classes.contains(u"bold"_qs) || classes.contains(u"strong"_qs)) {
            ++m_bold;
            return Effect::Bold;
        }
        if (classes.contains(u"strike"_qs) || classes.contains(u"strikethrough"_qs)) {
            ++m_strike; // Galley's NITF export marks struck text this way (NITF has no s element)
            return Effect::Strike;
        }
        if (classes.contains(u"underline"_qs) || classes.contains(u"underscore"_qs))
            return Effect::None; // a story has no underline; the words stay
        ++m_italic;
        return Effect::Italic;
    }
    if (name == u"i" || name == u"cite") {
        ++m_italic;
        return Effect::Italic;
    }
    if (name == u"strong" || name == u"b") {
        ++m_bold;
        return Effect::Bold;
    }
    if (name == u"s" || name == u"strike" || name == u"del") {
        ++m_strike;
        return Effect::Strike;
    }
    if (name == u"sup") {
        ++m_superscript;
        return Effect::Superscript;
    }
    if (name == u"sub") {
        ++m_subscript;
        return Effect::Subscript;
    }
    if (name == u"a") {
        const QString href = xml.attributes().value(u"href"_qs).toString();
        if (href.isEmpty())
            return Effect::None; // an anchor (<a name>), not a link
        const CheckedLink checked = checkLink(href);
        if (!checked.refused.isEmpty() && m_notes && ++t_linkNotes <= MaxListedReaderNotes)
            m_notes->append(ReaderNote{ImportChangeKind::RemovedElement,
                                       href,
                                       {},
                                       checked.refused % u" The words stay, without the link."_qs,
                                       int(xml.lineNumber())});
        if (!checked.unwrappedFrom.isEmpty() && m_notes && ++t_linkNotes <= MaxListedReaderNotes)
            m_notes->append(ReaderNote{ImportChangeKind::UnwrappedLink, checked.unwrappedFrom, checked.href,
                                       u"The link went through a redirect page; it now points straight "
                                       "at its target."_qs,
                                       int(xml.lineNumber())});
        m_hrefs.append(checked.href);
        return Effect::Link;
    }
    if (name == u"q") {
        m_quotes.append(m_text.runs.size());
        text(u"\u201C");
        return Effect::Quote;
    }
    if (name == u"br") {
        // One break is a space; a blank line (two breaks) ends the paragraph.
        m_text.runs.append(InlineRun{++m_breaks == 2 ? QString(QChar(ParagraphBreak)) : u" "_qs});
        return Effect::None;
    }
    if (!isInlineElement(name)) {
        // A paragraph or cell inside running text: keep its words apart from their neighbours'.
        space();
        return Effect::Block;
    }
    return Effect::None;
}

void InlineBuilder::end(Effect effect) {
    switch (effect) {
    case Effect::Bold:
        --m_bold;
        break;
    case Effect::Italic:
        --m_italic;
        break;
    case Effect::Strike:
        --m_strike;
        break;
    case Effect::Superscript:
        --m_superscript;
        break;
    case Effect::Subscript:
        --m_subscript;
        break;
    case Effect::Link:
        if (!m_hrefs.isEmpty())
            m_hrefs.removeLast();
        break;
    case Effect::Block:
        space();
        break;
    case Effect::Quote: {
        // <q>"priceless"</q> already has its marks: the added one goes again.
        const qsizetype at = m_quotes.takeLast();
        QString inside;
        for (qsizetype i = at + 1; i < m_text.runs.size() && inside.size() < 8; ++i)
            inside += m_text.runs.at(i).text;
        inside = inside.trimmed();
        if (!inside.isEmpty() && QStringLiteral("\"\u201C\u201E\u00AB\u2018'").contains(inside.front()))
            m_text.runs[at].text.clear();
        else
            text(u"\u201D");
        break;
    }
    case Effect::None:
        break;
    }
}

void InlineBuilder::element(QXmlStreamReader &xml, bool ownStyle) {
    // Iterative, so that deep nesting costs no stack: the effects of open elements are a list.
    QList<Effect> open;
    open.append(ownStyle ? start(xml) : Effect::None);
    while (!open.isEmpty() && !xml.atEnd()) {
        switch (xml.readNext()) {
        case QXmlStreamReader::StartElement:
            open.append(start(xml));
            break;
        case QXmlStreamReader::EndElement:
            end(open.takeLast());
            break;
        case QXmlStreamReader::Characters:
            text(xml.text());
            break;
        default:
            break;
        }
    }
}

InlineText InlineBuilder::line() const {
    InlineText out = m_text;
    for (auto &run : out.runs)
        run.text.replace(QChar(ParagraphBreak), u' ');
    return collapseWhitespace(out);
}

QList<InlineText> InlineBuilder::paragraphs() const {
    QList<InlineText> out;
    InlineText piece;
    auto flush = [&] {
        const InlineText collapsed = collapseWhitespace(piece);
        if (!collapsed.plainText().trimmed().isEmpty())
            out.append(collapsed);
        piece = {};
    };
    for (const auto &run : m_text.runs) {
        const QStringList parts = run.text.split(QChar(ParagraphBreak));
        for (qsizetype i = 0; i < parts.size(); ++i) {
            if (i > 0)
                flush();
            InlineRun part = run;
            part.text = parts.at(i);
            piece.runs.append(part);
        }
    }
    flush();
    return out;
}

InlineText readInline(QXmlStreamReader &xml, QList<ReaderNote> *notes) {
    InlineBuilder builder(notes);
    builder.element(xml, false);
    return builder.line();
}

} // namespace galley::nitf
