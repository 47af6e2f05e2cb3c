#include "importlimits.h"
#include "nitfparts.h"
#include "readers.h"

#include <QLocale>

namespace galley::nitf {

namespace {

/// Where the reader is: how deep, and inside a block quote (whose paragraphs are quote lines and
/// whose credit is its last line). @c quoteGroup numbers the quote, so its paragraphs make one
/// block quote of several lines (Segment::listGroup) and the next quote another.
struct Context {
    int depth = 0;
    bool quote = false;
    qsizetype quoteStart = 0;
    int quoteGroup = 0;
};

bool isDeskNoteClass(const QXmlStreamReader &xml) {
    const QStringView value = xml.attributes().value(QLatin1StringView("class"));
    if (value.isEmpty())
        return false;
    const QStringList classes = value.toString().toLower().split(u' ', Qt::SkipEmptyParts);
    for (const auto word : {u"ednote", u"editorsnote", u"editors-note", u"editor-note", u"advisory"})
        if (classes.contains(QString::fromUtf16(word)))
            return true;
    return false;
}

/// Adds the paragraphs of one <p> (two <br/> split it) after the paragraph rules: advisories go to
/// the desk's notes, end marks and embed code are left out and reported.
void addParagraph(State &state, const QList<InlineText> &pieces, int line, const QList<ReaderNote> &notes,
                  const Context &ctx, bool deskNote) {
    QList<ReaderNote> pending = notes;
    for (const InlineText &piece : pieces) {
        const QString plain = piece.plainText();
        if (deskNote || (!ctx.quote && isEdsLine(plain))) {
            state.notes.append(DeskNote{plain, line});
            continue;
        }
        if (!ctx.quote && isEndMark(plain)) {
            state.body.append(
                carrier(line, ReaderNote{ImportChangeKind::RemovedChrome,
                                         plain,
                                         {},
                                         u"The agency's end mark or sign-off is not story text."_qs,
                                         line}));
            continue;
        }
        if (isEmbedCode(plain)) {
            state.body.append(
                carrier(line, ReaderNote{ImportChangeKind::RemovedElement,
                                         plain,
                                         {},
                                         u"The paragraph is web-page code (an embed), not story text."_qs,
                                         line}));
            continue;
        }
        Segment segment = make(piece, line, SegmentRole::Paragraph);
        segment.blockKind = ctx.quote ? BlockKind::BlockQuote : BlockKind::Paragraph;
        segment.listGroup = ctx.quote ? ctx.quoteGroup : 0;
        segment.notes = pending;
        pending.clear();
        state.body.append(segment);
        state.bodyStarted = true;
    }
    if (!pending.isEmpty()) {
        Segment rest;
        rest.line = line;
        rest.notes = pending;
        state.body.append(rest);
    }
}

/// fn, tagline, bibliography, datasource: publishable lines kept as paragraphs at the end.
void readTrailing(QXmlStreamReader &xml, State &state, const QString &what) {
    const int line = int(xml.lineNumber());
    QList<ReaderNote> notes;
    InlineBuilder builder(&notes);
    builder.element(xml, false);
    const InlineText text = builder.line();
    if (text.isEmpty())
        return;
    Segment segment = verbatim(text, line, text.plainText(),
                               u"The %1 is kept as a paragraph at the end of the story."_qs.arg(what));
    segment.notes = notes + segment.notes;
    state.trailing.append(segment);
}

/// Preformatted text: one paragraph per non-blank line, reported once.
void readPre(QXmlStreamReader &xml, State &state) {
    const int first = int(xml.lineNumber());
    const QString text = xml.readElementText(QXmlStreamReader::IncludeChildElements);
    bool reported = false;
    int offset = 0;
    for (const QString &raw : text.split(u'\n')) {
        const QString line = raw.simplified();
        if (!line.isEmpty()) {
            Segment segment = verbatim(InlineText::plain(line), first + offset, text.trimmed(),
                                       u"Preformatted text is kept as one paragraph per line."_qs);
            if (reported)
                segment.notes.clear();
            else
                segment.notes.last().result = preLines(text);
            reported = true;
            state.body.append(segment);
            if (tooMany(xml, state))
                return;
        }
        ++offset;
    }
}

/// A bq or blockquote that says it is a pull quote by its class ("pullquote", "pull-quote", "pq":
/// Galley's NITF export and HTML-minded feeds), since NITF 3.6 has no element for one.
bool isPullQuoteClass(const QXmlStreamReader &xml) {
    const QStringList classes =
        xml.attributes().value(u"class"_qs).toString().toLower().split(u' ', Qt::SkipEmptyParts);
    return classes.contains(u"pullquote"_qs) || classes.contains(u"pull-quote"_qs) || classes.contains(u"pq"_qs);
}

void readPullQuote(QXmlStreamReader &xml, State &state) {
    const int line = int(xml.lineNumber());
    QList<ReaderNote> notes;
    InlineBuilder builder(&notes);
    QString credit;
    while (!xml.atEnd()) {
        const auto token = xml.readNext();
        if (token == QXmlStreamReader::EndElement)
            break;
        if (token == QXmlStreamReader::Characters)
            builder.text(xml.text());
        else if (token == QXmlStreamReader::StartElement && xml.name() == u"credit")
            credit = readInline(xml).plainText().trimmed();
        else if (token == QXmlStreamReader::StartElement)
            builder.element(xml, isInlineElement(xml.name()));
    }
    Segment segment = make(builder.line(), line, SegmentRole::PullQuote);
    segment.attribution = credit;
    segment.notes = notes;
    if (!segment.text.isEmpty())
        state.body.append(segment);
}

void readList(QXmlStreamReader &xml, State &state, BlockKind kind, int level, int group, int depth);

BlockKind listKind(QStringView name) {
    return name == u"ol" ? BlockKind::NumberedList : BlockKind::BulletList;
}

/// One <li>: its text is an item; a list inside it is nested one level deeper, in the same block.
void readItem(QXmlStreamReader &xml, State &state, BlockKind kind, int level, int group, int depth) {
    int line = int(xml.lineNumber());
    QList<ReaderNote> notes;
    InlineBuilder builder(&notes);
    auto flush = [&] {
        const InlineText text = builder.line();
        if (!text.isEmpty() || !notes.isEmpty()) {
            Segment segment = make(text, line, SegmentRole::Paragraph);
            segment.blockKind = kind;
            segment.listGroup = group;
            segment.listLevel = level;
            segment.notes = notes;
            state.body.append(segment);
            state.bodyStarted = true;
        }
        notes.clear();
        builder = InlineBuilder(&notes);
        line = int(xml.lineNumber());
    };
    while (!xml.atEnd()) {
        const auto token = xml.readNext();
        if (token == QXmlStreamReader::EndElement)
            break;
        if (token == QXmlStreamReader::Characters) {
            builder.text(xml.text());
        } else if (token == QXmlStreamReader::StartElement) {
            const auto name = xml.name();
            if (name == u"ul" || name == u"ol") {
                flush();
                readList(xml, state, listKind(name), level + 1, group, depth + 1);
                line = int(xml.lineNumber());
            } else {
                builder.element(xml, isInlineElement(name));
            }
        }
    }
    flush();
}

void readList(QXmlStreamReader &xml, State &state, BlockKind kind, int level, int group, int depth) {
    if (depth > MaxNestingDepth)
        return tooDeep(xml);
    while (!xml.atEnd()) {
        const auto token = xml.readNext();
        if (token == QXmlStreamReader::EndElement)
            return;
        if (token != QXmlStreamReader::StartElement)
            continue;
        const auto name = xml.name();
        if (name == u"ul" || name == u"ol")
            readList(xml, state, listKind(name), level + 1, group, depth + 1); // a list as a list's child
        else
            readItem(xml, state, kind, level, group, depth);
        if (tooMany(xml, state))
            return;
    }
}

/// A definition list: each term a paragraph in bold, each definition a paragraph.
void readDefinitions(QXmlStreamReader &xml, State &state) {
    bool reported = false;
    while (xml.readNextStartElement()) {
        const int line = int(xml.lineNumber());
        const bool term = xml.name() == u"dt";
        if (!term && xml.name() != u"dd") {
            unread(xml, state.body);
            continue;
        }
        QList<ReaderNote> notes;
        InlineText text = readInline(xml, &notes);
        if (text.isEmpty())
            continue;
        for (auto &run : text.runs)
            run.bold = run.bold || term;
        Segment segment = make(text, line, SegmentRole::Paragraph);
        segment.verbatim = term;
        segment.notes = notes;
        if (!reported)
            segment.notes.append(ReaderNote{ImportChangeKind::KeptAsText, text.plainText(), text.plainText(),
                                            u"A definition list is kept as paragraphs, each term in bold."_qs,
                                            line});
        reported = true;
        state.body.append(segment);
        state.bodyStarted = true;
        if (tooMany(xml, state))
            return;
    }
}

void readContainer(QXmlStreamReader &xml, State &state, const Context &ctx) {
    if (ctx.depth > MaxNestingDepth)
        return tooDeep(xml);
    // Text straight inside a container (not valid NITF, but sent) is kept as a paragraph.
    QList<ReaderNote> looseNotes;
    InlineBuilder loose(&looseNotes);
    int looseLine = 0;
    auto flush = [&] {
        if (looseLine > 0)
            addParagraph(state, loose.paragraphs(), looseLine, looseNotes, ctx, false);
        looseNotes.clear();
        loose = InlineBuilder(&looseNotes);
        looseLine = 0;
    };
    while (!xml.atEnd()) {
        const auto token = xml.readNext();
        if (token == QXmlStreamReader::EndElement)
            break;
        if (token == QXmlStreamReader::Characters) {
            if (!xml.isWhitespace() && looseLine == 0)
                looseLine = int(xml.lineNumber());
            if (looseLine > 0)
                loose.text(xml.text());
            continue;
        }
        if (token != QXmlStreamReader::StartElement)
            continue;
        const auto name = xml.name();
        const int line = int(xml.lineNumber());
        if (isInlineElement(name) && name != u"br") {
            if (looseLine == 0)
                looseLine = line;
            loose.element(xml, true);
            continue;
        }
        flush();
        const Context inner{ctx.depth + 1, ctx.quote, ctx.quoteStart, ctx.quoteGroup};
        if (name == u"p") {
            const bool desk = isDeskNoteClass(xml);
            QList<ReaderNote> notes;
            InlineBuilder builder(&notes);
            builder.element(xml, false);
            addParagraph(state, builder.paragraphs(), line, notes, ctx, desk);
        } else if (name == u"hl1" || name == u"hl2" || name == u"hl3" || name == u"hl4" || name == u"h2" ||
                   name == u"h3" || name == u"h4") {
            QList<ReaderNote> notes;
            Segment segment = make(readInline(xml, &notes), line, SegmentRole::Subhead);
            segment.notes = notes;
            if (!segment.text.isEmpty() || !notes.isEmpty())
                state.body.append(segment);
        } else if (name == u"block" || name == u"div" || name == u"section" || name == u"article" ||
                   name == u"body.content") {
            readContainer(xml, state, inner);
        } else if ((name == u"bq" || name == u"blockquote") && isPullQuoteClass(xml)) {
            readPullQuote(xml, state);
        } else if (name == u"bq" || name == u"blockquote") {
            readContainer(xml, state, Context{ctx.depth + 1, true, state.body.size(), ++state.listGroup});
        } else if (name == u"credit" && ctx.quote) {
            const QString credit = readInline(xml).plainText().trimmed();
            if (credit.isEmpty())
                continue;
            Segment segment = verbatim(InlineText::plain(u"\u2014 "_qs % credit), line, credit,
                                       u"The quote's credit is kept as the last line of the quote."_qs);
            segment.blockKind =
                ctx.quoteStart < state.body.size() ? BlockKind::BlockQuote : BlockKind::Paragraph;
            segment.listGroup = segment.blockKind == BlockKind::BlockQuote ? ctx.quoteGroup : 0;
            state.body.append(segment);
        } else if (name == u"pq") {
            readPullQuote(xml, state);
        } else if (name == u"media") {
            readMedia(xml, state);
        } else if (name == u"table") {
            readTable(xml, state);
        } else if (name == u"nitf-table") {
            while (xml.readNextStartElement()) {
                if (xml.name() == u"table")
                    readTable(xml, state);
                else
                    xml.skipCurrentElement(); // nitf-table-metadata: column descriptions, no story text
            }
        } else if (name == u"ul" || name == u"ol") {
            readList(xml, state, listKind(name), 0, ++state.listGroup, ctx.depth + 1);
        } else if (name == u"dl") {
            readDefinitions(xml, state);
        } else if (name == u"pre") {
            readPre(xml, state);
        } else if (name == u"note") {
            const QString text = readNoteText(xml);
            if (!text.isEmpty())
                state.notes.append(DeskNote{text, line});
        } else if (name == u"fn") {
            readTrailing(xml, state, u"footnote"_qs);
        } else if (name == u"tagline" || name == u"datasource") {
            readTrailing(xml, state, name == u"tagline" ? u"tagline"_qs : u"source line"_qs);
        } else if (name == u"hr") {
            Segment rule;
            rule.line = line;
            rule.blockKind = BlockKind::SectionBreak;
            state.body.append(rule);
            xml.skipCurrentElement();
        } else if (name == u"br" || name == u"tobject" || name == u"key-list" ||
                   name == u"nitf-table-metadata") {
            xml.skipCurrentElement(); // no story text
        } else if (name == u"byline" && !state.bodyStarted) {
            readByline(xml, state);
        } else if (name == u"dateline" && !state.bodyStarted && state.datelines.isEmpty()) {
            readDateline(xml, state);
        } else if (name == u"abstract" && !state.bodyStarted) {
            readAbstract(xml, state);
        } else if (name == u"byline" || name == u"dateline" || name == u"abstract") {
            readContainer(xml, state, inner);
        } else {
            unread(xml, state.body);
        }
        if (xml.hasError() || tooMany(xml, state))
            return;
    }
    flush();
}

} // namespace

void tooDeep(QXmlStreamReader &xml) {
    if (!xml.hasError())
        xml.raiseError(u"The NITF file nests elements more than %1 deep (line %2): Galley does not read "
                       "files shaped like that."_qs.arg(MaxNestingDepth)
                           .arg(xml.lineNumber()));
}

bool tooMany(QXmlStreamReader &xml, const State &state, qsizetype pending) {
    if (state.blocks() + pending <= MaxStoryBlocks)
        return false;
    if (!xml.hasError())
        xml.raiseError(
            u"The NITF file holds more than %1 paragraphs, list items, table rows and other blocks "
            "(line %2): that is not one story, and Galley does not import it."_qs
                .arg(QLocale(QLocale::English).toString(MaxStoryBlocks))
                .arg(xml.lineNumber()));
    return true;
}

void readBlocks(QXmlStreamReader &xml, State &state, int depth) {
    readContainer(xml, state, Context{depth, false, 0, 0});
}

void readBodyEnd(QXmlStreamReader &xml, State &state) {
    while (xml.readNextStartElement()) {
        if (xml.name() == u"tagline")
            readTrailing(xml, state, u"tagline"_qs);
        else if (xml.name() == u"bibliography")
            readTrailing(xml, state, u"bibliography"_qs);
        else
            unread(xml, state.trailing);
        if (tooMany(xml, state))
            return;
    }
}

QString readNoteText(QXmlStreamReader &xml) {
    QStringList lines;
    InlineBuilder loose;
    auto flush = [&] {
        const QString text = loose.line().plainText();
        if (!text.isEmpty())
            lines << text;
        loose = InlineBuilder();
    };
    while (!xml.atEnd()) {
        const auto token = xml.readNext();
        if (token == QXmlStreamReader::EndElement)
            break;
        if (token == QXmlStreamReader::Characters) {
            loose.text(xml.text());
        } else if (token == QXmlStreamReader::StartElement) {
            if (isInlineElement(xml.name())) {
                loose.element(xml, true);
            } else {
                flush();
                const QString text = readInline(xml).plainText();
                if (!text.isEmpty())
                    lines << text;
            }
        }
    }
    flush();
    return lines.join(u'\n');
}

void unread(QXmlStreamReader &xml, QList<Segment> &into) {
    const QString name = xml.name().toString();
    const int line = int(xml.lineNumber());
    const QString text = readInline(xml).plainText();
    if (text.isEmpty())
        return;
    into.append(carrier(
        line,
        ReaderNote{ImportChangeKind::RemovedElement,
                   text,
                   {},
                   u"The <%1> element is not something a story holds; its text is left out."_qs.arg(name),
                   line}));
}

} // namespace galley::nitf
