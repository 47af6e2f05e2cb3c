#include "wirebody.h"

#include "wireagate.h"

#include "lineshapes.h"

#include <QRegularExpression>

namespace galley::wire {

namespace {

bool isBlank(const QString &text) {
    for (const QChar c : text)
        if (!c.isSpace())
            return false;
    return true;
}

bool isIndented(const Line &line) {
    return line.tli || line.text.startsWith(u'\t') || line.text.startsWith(u"  "_qs);
}

// ---- Paragraphs --------------------------------------------------------------------------------

/// A paragraph of the body as sent, or a run of agate already read.
struct Item {
    QString text;     ///< joined, spaces collapsed, typeset
    QString original; ///< joined as sent
    int line = 0;
    qsizetype first = 0; ///< index of its first line
    bool single = true;  ///< one line of input
    QList<Segment> agate;
};

/// Joins hard-wrapped lines: a word broken at a hyphen ("Kinder-\nkommission") keeps its hyphen
/// and no space.
QString joinLines(const QStringList &lines) {
    QString out;
    for (const QString &raw : lines) {
        const QString line = raw.simplified();
        if (line.isEmpty())
            continue;
        if (!out.isEmpty() && !(out.size() >= 2 && out.back() == u'-' && out.at(out.size() - 2).isLetter() &&
                                line.front().isLetter()))
            out += u' ';
        out += line;
    }
    return out;
}

/// ANPA's quad-left "<" at the end of a line ends a paragraph.
bool stripQuad(QString &text) {
    QString trimmed = text;
    while (!trimmed.isEmpty() && trimmed.back().isSpace())
        trimmed.chop(1);
    if (!trimmed.endsWith(u'<'))
        return false;
    trimmed.chop(1);
    while (!trimmed.isEmpty() && (trimmed.back() == u'@' || trimmed.back().isSpace()))
        trimmed.chop(1);
    text = trimmed;
    return true;
}

bool isSeparator(const QString &text) {
    static const QRegularExpression separator(uR"(^(?:_{3,}|-{3,}|={3,}|\*(?: ?\*){2,})$)"_qs);
    return separator.match(text).hasMatch();
}

bool isEndMark(const QString &text) {
    static const QRegularExpression mark(
        uR"(^(?:-0-|-30-|30|END|ENDS|ENDIT|\(END\)|\(ENDS\)|\(END OPTIONAL TRIM\)|XXX|xxx|#{3}|\(MORE\)|MORE|-MORE-|\(more\)|Ende|ENDE)$)"_qs);
    return mark.match(text).hasMatch();
}

bool isMore(const QString &text) {
    return text.compare(u"(MORE)"_qs, Qt::CaseInsensitive) == 0 || text == u"MORE" || text == u"-MORE-";
}

bool isNotForPublication(const QString &text) {
    static const QRegularExpression marker(
        uR"(^(?:The following information is not (?:intended )?for publication|Not for publication|Nicht zur Ver\x{f6}ffentlichung(?: bestimmt)?)\b)"_qs,
        QRegularExpression::CaseInsensitiveOption);
    return marker.match(text).hasMatch();
}

bool isNotebookStart(const QString &text) {
    static const QRegularExpression notebook(uR"(^#+ *Notebook$)"_qs,
                                             QRegularExpression::CaseInsensitiveOption);
    return notebook.match(text).hasMatch() || isNotForPublication(text);
}

bool isContact(const QString &text) {
    static const QRegularExpression contact(
        uR"(^(?:Contacts?|Media contacts?|Press contacts?|On the Net|On the Internet|Online|Internet|Online links?|Kontakt|Internet-Links?) ?:)"_qs,
        QRegularExpression::CaseInsensitiveOption);
    return contact.match(text).hasMatch();
}

/// A short line that only continues a contact: an address, a telephone number, a URL.
bool isContactDetail(const QString &text) {
    return lineshape::wordCount(text) <= 8 && !lineshape::endsSentence(text) &&
           (text.contains(u"http"_qs) || text.contains(u"www."_qs) || text.contains(u'@') ||
            text.count(QRegularExpression(uR"(\d)"_qs)) >= 5);
}

bool isCapitals(const QString &text) {
    bool letters = false;
    for (const QChar c : text) {
        if (c.isLower())
            return false;
        letters = letters || c.isLetter();
    }
    return letters;
}

bool isSubheadShape(const QString &text) {
    static const QString endings = u".,;:!?\"\u201D\u2019)"_qs;
    const int words = lineshape::wordCount(text);
    return words >= 1 && words <= 6 && text.size() <= 50 && text.front().isUpper() &&
           !endings.contains(text.back());
}

/// Line-by-line reading of a notebook or of what follows "not for publication": "## Heading"
/// lines start a note, "- item" lines and their indented continuations belong to it, a blank
/// line ends a note without heading.
void readNotes(const QList<Line> &lines, qsizetype from, qsizetype to, Body &body, Typography &typography) {
    struct Open {
        QString title;
        QStringList items;
        int line = 0;
    } open;
    auto close = [&] {
        if (open.title.isEmpty() && open.items.isEmpty())
            return;
        QString text = open.title;
        if (!open.items.isEmpty())
            text += (text.isEmpty() ? QString() : u"\n"_qs) + open.items.join(u'\n');
        body.notes << NoteText{text, open.line};
        QString flat = text;
        flat.replace(u'\n', u" / "_qs);
        body.segments << removal(
            open.line, flat,
            u"Editor's note from the agency: kept with the story's notes, never published."_qs);
        open = {};
    };
    for (qsizetype i = from; i < to; ++i) {
        const Line &line = lines.at(i);
        const QString text = typeset(line.text.simplified(), typography);
        if (text.isEmpty()) {
            if (open.title.isEmpty())
                close();
            continue;
        }
        if (isNotForPublication(text) || isNotebookStart(text)) {
            close();
            body.segments << removal(line.number, text,
                                     u"Marks the start of the agency's notes to editors."_qs);
            continue;
        }
        if (isSeparator(text)) {
            close();
            body.segments << removal(line.number, text, u"Separator line in the agency's notes."_qs);
            continue;
        }
        if (text.startsWith(u'#')) {
            close();
            open.title = text.mid(text.indexOf(QRegularExpression(uR"([^#\s])"_qs))).trimmed();
            open.line = line.number;
            continue;
        }
        if (open.line == 0)
            open.line = line.number;
        if (isIndented(line) && !open.items.isEmpty() && !text.startsWith(u"- "_qs))
            open.items.last() += u' ' + text;
        else
            open.items << text;
    }
    close();
}

/// Lines that are never the continuation of a hard-wrapped paragraph, even flush left.
bool startsOwnParagraph(const QString &text) {
    return text.startsWith(u'#') || isSeparator(text) || isEndMark(text) || isNotForPublication(text);
}

} // namespace

QString typeset(const QString &source, Typography &counts) {
    QString text = source;
    if (counts.backquotes || text.contains(u"``"_qs)) {
        counts.backquotes = true;
        const int pairs = int(text.count(u"``"_qs));
        counts.quotes += pairs;
        text.replace(u"``"_qs, u"\u201C"_qs);
        text.replace(u"''"_qs, u"\u201D"_qs);
        // `…' inside a quote: the next ' that is not an apostrophe closes it.
        // The search for closing marks only moves forward, so a run of unclosed marks stays linear.
        qsizetype searched = 0;
        for (qsizetype i = text.indexOf(u'`'); i >= 0; i = text.indexOf(u'`', i + 1)) {
            text[i] = QChar(0x2018);
            ++counts.quotes;
            for (qsizetype j = std::max(i + 1, searched); j < text.size(); ++j) {
                searched = j + 1;
                if (text.at(j) == u'\'' && (j + 1 == text.size() || !text.at(j + 1).isLetter())) {
                    text[j] = QChar(0x2019);
                    break;
                }
            }
        }
    }
    const int dashes = int(text.count(u" _ "_qs));
    if (dashes > 0) {
        counts.dashes += dashes;
        text.replace(u" _ "_qs, u" \u2014 "_qs);
    }
    if (text.endsWith(u" _"_qs)) {
        ++counts.dashes;
        text.chop(1);
        text += QChar(0x2014);
    }
    return text;
}

QString titleCaseCapitals(const QString &text) {
    QStringList words = text.split(u' ');
    for (QString &word : words) {
        if (word.isEmpty() || !isCapitals(word) || word.compare(u"AND"_qs) == 0) {
            if (word == u"AND")
                word = u"and"_qs;
            continue;
        }
        static const QRegularExpression roman(uR"(^(?:II|III|IV|VI|VII|VIII|AP)$)"_qs);
        if (roman.match(word).hasMatch())
            continue;
        bool start = true;
        for (qsizetype i = 0; i < word.size(); ++i) {
            const QChar c = word.at(i);
            word[i] = start ? c.toUpper() : c.toLower();
            start = !c.isLetter();
            // McBRIDE, MacLEOD keep the capital after the prefix.
            if (i == 1 && word.at(0) == u'M' && word.at(1) == u'c')
                start = true;
        }
    }
    return words.join(u' ');
}

void dropLine(QList<Segment> &segments, const Line &line, const QString &note) {
    if (isBlank(line.text))
        return;
    // The report shows the line as text: the unit separator as a space, format codes gone.
    QString shown;
    for (const QChar c : line.text)
        if (c.unicode() >= 0x20 || c == u'\t' || c == QChar(Us))
            shown += c == QChar(Us) ? QChar(u' ') : c;
    segments << removal(line.number, shown.simplified(), note);
}

Segment removal(int line, const QString &original, const QString &note) {
    Segment segment;
    segment.line = line;
    segment.notes << ReaderNote{ImportChangeKind::RemovedElement, original, QString(), note, line};
    return segment;
}

QString editorsNote(const QString &text) {
    static const QRegularExpression eds(
        uR"(^\(?(?:Eds|EDS|Editors|EDITORS|Ed\. ?note|Ednote|EDITOR'?S NOTE|EDITORS'? NOTE|Editor'?s note|Editors'? note|Note to editors|NOTE TO EDITORS|Advisory|ADVISORY) *(?::|\x{2014}|_|-|\x{2013}) *(.+?)\)?$)"_qs);
    const auto match = eds.match(text);
    return match.hasMatch() ? match.captured(1).trimmed() : QString();
}

std::optional<TrailerKind> trailerKind(const QString &raw) {
    QString text = raw.simplified();
    if (text.endsWith(u'<'))
        text.chop(1);
    text = text.trimmed();
    if (text.isEmpty())
        return std::nullopt;
    if (parseTrailerTime(text))
        return TrailerKind::Time;
    static const QRegularExpression copyright(
        uR"(^(?:Copyright\b|\(c\) ?\d|\x{a9})|All rights reserved|may not be published, broadcast)"_qs,
        QRegularExpression::CaseInsensitiveOption);
    if (copyright.match(text).hasMatch() && lineshape::wordCount(text) <= 40)
        return TrailerKind::Copyright;
    if (isEndMark(text))
        return TrailerKind::EndMark;
    // "dpa tca bag", "ap jd/mh": the agency and the editors' initials, in lower case.
    static const QRegularExpression signOff(uR"(^[a-z]{2,6}(?: [a-z]{1,4}(?:/[a-z]{1,4})*){1,7}$)"_qs);
    if (signOff.match(text).hasMatch())
        return TrailerKind::SignOff;
    return std::nullopt;
}

Body readBody(const QList<Line> &lines, Typography &typography) {
    Body body;
    // The tail: end marks, sign-off, copyright and time lines after the last story line.
    qsizetype tail = lines.size();
    bool signOffSeen = false;
    while (tail > 0) {
        const QString text = lines.at(tail - 1).text;
        if (isBlank(text)) {
            --tail;
            continue;
        }
        const auto kind = trailerKind(text);
        if (!kind || (kind == TrailerKind::SignOff && signOffSeen))
            break;
        signOffSeen = signOffSeen || kind == TrailerKind::SignOff;
        --tail;
    }

    // Paragraphs and agate runs, in order.
    QList<Item> items;
    QList<Line> agate;
    QList<Cells> agateCells;
    QStringList open;
    Item current;
    auto finishParagraph = [&] {
        if (open.isEmpty())
            return;
        current.original = joinLines(open);
        current.single = open.size() == 1;
        items << current;
        open.clear();
    };
    auto finishAgate = [&] {
        if (agate.size() >= 2) {
            Item run;
            run.line = agate.first().number;
            run.agate = agateSegments(agate, agateCells, body.words);
            items << run;
        } else {
            for (const Line &line : std::as_const(agate)) {
                current = Item{QString(), QString(), line.number, -1, true, {}};
                open << line.text;
                finishParagraph();
            }
        }
        agate.clear();
        agateCells.clear();
    };
    for (qsizetype i = 0; i < tail; ++i) {
        Line line = lines.at(i);
        if (isBlank(line.text)) {
            finishAgate();
            finishParagraph();
            continue;
        }
        if (const auto cells = columnsOf(line)) {
            finishParagraph();
            agate << line;
            agateCells << *cells;
            continue;
        }
        finishAgate();
        const bool ends = stripQuad(line.text);
        if (open.isEmpty() || isIndented(line) || startsOwnParagraph(line.text.trimmed())) {
            finishParagraph();
            current = Item{QString(), QString(), line.number, i, true, {}};
        }
        open << line.text;
        if (ends)
            finishParagraph();
    }
    finishAgate();
    finishParagraph();
    for (Item &item : items)
        item.text = typeset(item.original, typography);

    int listGroup = 0;
    bool inList = false;
    for (qsizetype k = 0; k < items.size(); ++k) {
        const Item &item = items.at(k);
        if (!item.agate.isEmpty()) {
            body.segments << item.agate;
            inList = false;
            continue;
        }
        const QString &text = item.text;
        if (text.isEmpty())
            continue;
        if (isNotebookStart(text)) {
            readNotes(lines, item.first >= 0 ? item.first : tail, tail, body, typography);
            break;
        }
        if (isMore(text)) {
            body.more = true;
            body.segments << removal(item.line, text,
                                     u"Wire mark “(MORE)”: the story continues in a later take."_qs);
            continue;
        }
        if (isEndMark(text)) {
            body.segments << removal(item.line, text, u"Wire end mark."_qs);
            continue;
        }
        if (isSeparator(text)) {
            body.segments << removal(item.line, text, u"Separator line between parts of the wire copy."_qs);
            continue;
        }
        if (const auto kind = trailerKind(text);
            kind == TrailerKind::Time || kind == TrailerKind::Copyright) {
            if (const auto time = parseTrailerTime(text);
                time && time->time.isValid() && !body.time.isValid()) {
                body.time = time->time;
                body.timeAgency = time->agency;
            }
            body.segments << removal(item.line, text,
                                     kind == TrailerKind::Time ? u"Transmission time line."_qs
                                                               : u"Agency copyright line."_qs);
            continue;
        }
        if (const QString note = editorsNote(text); !note.isEmpty()) {
            body.notes << NoteText{note, item.line};
            body.segments << removal(
                item.line, text,
                u"Editor's note from the agency: kept with the story's notes, never published."_qs);
            continue;
        }
        if (isContact(text)) {
            QString note = text;
            while (k + 1 < items.size() && items.at(k + 1).agate.isEmpty() &&
                   isContactDetail(items.at(k + 1).text))
                note += u'\n' + items.at(++k).text;
            body.notes << NoteText{note, item.line};
            body.segments << removal(
                item.line, QString(note).replace(u'\n', u" / "_qs),
                u"Contact or link for editors: kept with the story's notes, never published."_qs);
            continue;
        }
        Segment segment;
        segment.line = item.line;
        segment.markupRole = SegmentRole::Paragraph;
        QString shown = text;
        if (text.size() > 1 && (text.front() == u'_' || text.front() == u'\u2022') && text.at(1) != u'_') {
            // AP marks list items with a leading underscore.
            if (!inList)
                ++listGroup;
            inList = true;
            shown = text.mid(1).trimmed();
            segment.blockKind = BlockKind::BulletList;
            segment.listGroup = listGroup;
        } else {
            inList = false;
            const QString next = k + 1 < items.size() ? items.at(k + 1).text : QString();
            // AP sets subheads in capitals ("UP NEXT") over short items; others need a sentence below.
            const bool subhead =
                item.single && isSubheadShape(text) &&
                (isCapitals(text) ? lineshape::wordCount(next) >= 3
                                  : lineshape::wordCount(text) <= 4 && lineshape::wordCount(next) >= 8 &&
                                        lineshape::endsSentence(next));
            if (subhead)
                segment.markupRole = SegmentRole::Subhead;
        }
        segment.text = InlineText::plain(shown);
        body.words += lineshape::wordCount(shown);
        body.segments << segment;
    }
    // The tail, in input order.
    for (qsizetype i = tail; i < lines.size(); ++i) {
        const QString text = lines.at(i).text.simplified();
        const auto kind = trailerKind(text);
        if (!kind)
            continue;
        QString note;
        switch (*kind) {
        case TrailerKind::Time:
            if (const auto time = parseTrailerTime(text);
                time && time->time.isValid() && !body.time.isValid()) {
                body.time = time->time;
                body.timeAgency = time->agency;
            }
            note = u"Transmission time line."_qs;
            break;
        case TrailerKind::Copyright:
            note = u"Agency copyright line."_qs;
            break;
        case TrailerKind::SignOff:
            note = u"The editors' initials signing off the item."_qs;
            break;
        case TrailerKind::EndMark:
            body.more = body.more || isMore(text);
            note = isMore(text) ? u"Wire mark “(MORE)”: the story continues in a later take."_qs
                                : u"Wire end mark."_qs;
            break;
        }
        body.segments << removal(lines.at(i).number, text, note);
    }
    return body;
}

} // namespace galley::wire
