#include "wirehead.h"

#include "lineshapes.h"

#include <QRegularExpression>

namespace galley::wire {

namespace {

bool isBlank(const QString &text) {
    return text.trimmed().isEmpty();
}

/// One ANPA "^...<" header line, caret and end marks taken off.
struct CaretItem {
    QString text;
    int line = 0;
    bool code = false; ///< a line without caret among them ("code:2<"): an internal code
};

QString withoutEndMarks(QString text) {
    text = text.trimmed();
    while (!text.isEmpty() &&
           (text.back() == u'<' || text.back() == u'=' || text.back() == u'@' || text.back().isSpace()))
        text.chop(1);
    return text.trimmed();
}

/// "By NAME", "Von Name": a byline line. @p anyCase also takes "By dpa correspondents", as a
/// 7901 heading writes it.
bool isBylineText(const QString &text, bool anyCase = false) {
    static const QRegularExpression byline(uR"(^(?:By|BY|Von|Par|Por|Door|Av) \p{Lu})"_qs);
    static const QRegularExpression lower(uR"(^(?:By|BY|Von|Par|Por|Door|Av) \p{L})"_qs);
    return (anyCase ? lower : byline).match(text).hasMatch() && lineshape::wordCount(text) <= 14 &&
           !lineshape::endsSentence(text);
}

class HeadReader final {
public:
    HeadReader(Head &head, Typography &typography)
        : out(head)
        , typography(typography) {}

    void read(QList<Line> &lines) {
        while (!lines.isEmpty() && isBlank(lines.first().text))
            lines.removeFirst();
        if (lines.isEmpty())
            return;
        if (lines.first().text.trimmed().startsWith(u'^'))
            readCaretHead(lines);
        else
            readHeading(lines);
    }

    Segment headSegment(const QString &text, int line, SegmentRole role) {
        Segment segment;
        segment.text = InlineText::plain(typeset(text, typography));
        segment.line = line;
        segment.markupRole = role;
        return segment;
    }

    void addByline(QString text, int line, const QString &title) {
        const QString original = text;
        text = titleCaseCapitals(text);
        // Only English bylines keep their "By": the cleanup reads names after it.
        static const QRegularExpression foreign(uR"(^(?:BY|Von|Par|Por|Door|Av) )"_qs);
        if (text.startsWith(u"BY "_qs))
            text = u"By "_qs + text.mid(3);
        if (text.startsWith(u"By "_qs) && text.size() > 3 && text.at(3).isLower())
            text = text.mid(3); // "By dpa correspondents": the cleanup reads "By" only before a capital
        else if (const auto match = foreign.match(text); match.hasMatch())
            text = text.mid(match.capturedLength());
        Segment segment = headSegment(text, line, SegmentRole::Byline);
        segment.bylineTitle = titleCaseCapitals(title);
        if (text != original && titleCaseCapitals(original) != original)
            segment.notes << ReaderNote{ImportChangeKind::KeptAsText, original, text,
                                        u"The wire sets bylines in capitals: the names are set in upper and "
                                        "lower case."_qs,
                                        0};
        out.segments << segment;
        out.byline = true;
    }

    /// ANPA: the "^...<" lines above the text: keyword line, headline, notes for editors, the
    /// summary, the byline and its title.
    void readCaretHead(QList<Line> &lines) {
        QList<CaretItem> items;
        while (!lines.isEmpty()) {
            const Line line = lines.first();
            QString text = line.text.trimmed();
            if (text.isEmpty()) {
                lines.removeFirst();
                continue;
            }
            if (!text.startsWith(u'^')) {
                // Codes between header lines ("code:2<") end in "<" too.
                if (text.endsWith(u'<') && lineshape::wordCount(text) <= 2 && !items.isEmpty()) {
                    items << CaretItem{withoutEndMarks(text), line.number, true};
                    lines.removeFirst();
                    continue;
                }
                break;
            }
            lines.removeFirst();
            // A header line wraps when it has no end mark: its continuation has no caret.
            while (!text.endsWith(u'<') && !text.endsWith(u'=') && !lines.isEmpty() &&
                   !isBlank(lines.first().text) && !lines.first().text.trimmed().startsWith(u'^') &&
                   !lines.first().text.startsWith(u'\t') && lines.first().number - line.number < 4) {
                text += u' ' + lines.first().text.trimmed();
                lines.removeFirst();
            }
            for (const QString &part :
                 text.split(QRegularExpression(uR"([<=]\s+\^)"_qs), Qt::SkipEmptyParts)) {
                QString item = part.trimmed();
                while (item.startsWith(u'^'))
                    item.remove(0, 1);
                item = withoutEndMarks(item);
                if (!item.isEmpty())
                    items << CaretItem{item, line.number, false};
            }
        }
        bool headline = false;
        bool deck = false;
        for (qsizetype i = 0; i < items.size(); ++i) {
            const CaretItem &item = items.at(i);
            const QString &text = item.text;
            if (i == 0) {
                if (const auto keyword = parseAnpaKeywordLine(text)) {
                    out.slug = keyword->slug;
                    if (!keyword->take.isEmpty())
                        out.takes << keyword->take;
                    out.keywordWords = keyword->wordCount;
                    out.segments << removal(item.line, text,
                                            u"Keyword line: the story's slug and keywords."_qs);
                    continue;
                }
            }
            static const QRegularExpression visuals(
                uR"(^(?:With )?(?:AP |Example |)(?:Photos?|Video|Graphics?|Audio|Interactive)\b)"_qs);
            static const QRegularExpression field(uR"(^([A-Za-z]{2,12}) ?: ?(\S.*)$)"_qs);
            if (item.code) {
                out.segments << removal(item.line, text, u"Internal wire code among the header lines."_qs);
            } else if (isTakeLine(text) && !text.contains(u':')) {
                out.takes << text;
                out.segments << removal(item.line, text,
                                        u"Take key: how this item relates to earlier ones."_qs);
            } else if (const QString note = editorsNote(text); !note.isEmpty()) {
                out.notes << NoteText{note, item.line};
                out.segments << removal(item.line, text,
                                        u"Editor's note from the agency: kept with the story's notes, never "
                                        "published."_qs);
            } else if (visuals.match(text).hasMatch()) {
                out.notes << NoteText{text, item.line};
                out.segments << removal(item.line, text,
                                        u"Pictures or video offered with the story: kept with the story's "
                                        "notes."_qs);
            } else if (isBylineText(text)) {
                QString title;
                if (i + 1 < items.size() && isBylineTitle(items.at(i + 1).text))
                    title = items.at(++i).text;
                addByline(text, item.line, title);
            } else if (text.startsWith(u"HL:"_qs) && !headline) {
                out.segments << headSegment(text.mid(3).trimmed(), item.line, SegmentRole::Headline);
                headline = true;
            } else if (const auto match = field.match(text); match.hasMatch()) {
                if (match.captured(1).compare(u"INDEX"_qs, Qt::CaseInsensitive) == 0) {
                    for (const QString &word : match.captured(2).split(u',', Qt::SkipEmptyParts))
                        out.indexWords << word.trimmed();
                    out.segments << removal(item.line, text, u"Index terms: the story's keywords."_qs);
                } else {
                    out.notes << NoteText{text, item.line};
                    out.segments << removal(item.line, text,
                                            u"Header field for editors: kept with the story's notes."_qs);
                }
            } else if (!text.contains(QRegularExpression(uR"(\p{L}{2})"_qs)) || text.startsWith(u'*')) {
                out.segments << removal(item.line, text, u"Internal wire code among the header lines."_qs);
            } else if (!headline) {
                out.segments << headSegment(text, item.line, SegmentRole::Headline);
                headline = true;
            } else if (!deck && lineshape::wordCount(text) >= 6) {
                out.segments << headSegment(text, item.line, SegmentRole::Deck);
                deck = true;
            } else {
                out.segments << headSegment(text, item.line, SegmentRole::Paragraph);
            }
        }
    }

    static bool isBylineTitle(const QString &text) {
        static const QString endings = u".,;:!?"_qs;
        return !text.isEmpty() && lineshape::wordCount(text) <= 6 && !endings.contains(text.back()) &&
               !isBylineText(text) && editorsNote(text).isEmpty() && text.front().isUpper();
    }

    /// IPTC 7901: the heading after STX, up to the line ending in "=": headline, then byline lines.
    void readHeading(QList<Line> &lines) {
        while (!lines.isEmpty() && isTakeLine(lines.first().text) && !isBlank(lines.first().text)) {
            out.takes << lines.first().text.trimmed();
            drop(lines.first(), u"Take key: how this item relates to earlier ones."_qs);
            lines.removeFirst();
        }
        while (!lines.isEmpty() && isBlank(lines.first().text))
            lines.removeFirst();
        if (lines.isEmpty())
            return;
        qsizetype end = -1;
        for (qsizetype i = 0; i < lines.size() && i < 8; ++i) {
            const QString text = lines.at(i).text.trimmed();
            if (text.isEmpty() || (i > 0 && lines.at(i).text.front().isSpace() && !text.endsWith(u'=')))
                break;
            if (text.endsWith(u'=')) {
                end = i;
                break;
            }
        }
        if (end < 0) {
            // No "=": a short first line standing alone is the headline.
            const QString first = lines.first().text.trimmed();
            const bool alone =
                lines.size() == 1 || isBlank(lines.at(1).text) || lines.at(1).text.front().isSpace();
            if (lines.first().text.front().isSpace() || !alone || lineshape::wordCount(first) > 25 ||
                lineshape::endsSentence(first) || lineshape::parseWireDateline(first))
                return;
            end = 0;
        }
        QStringList headline;
        int headlineLine = lines.first().number;
        qsizetype i = 0;
        for (; i <= end; ++i) {
            const QString text = withoutEndMarks(lines.at(i).text);
            if (i > 0 && isBylineText(text, true))
                break;
            if (!text.isEmpty())
                headline << text;
        }
        if (!headline.isEmpty())
            out.segments << headSegment(headline.join(u' '), headlineLine, SegmentRole::Headline);
        if (i <= end) {
            const QString byline = withoutEndMarks(lines.at(i).text);
            QStringList title;
            for (qsizetype t = i + 1; t <= end; ++t)
                title << withoutEndMarks(lines.at(t).text);
            addByline(byline, lines.at(i).number, title.join(u' ').trimmed());
        }
        lines.remove(0, end + 1);
    }

    /// Older copy puts the byline and its title at the top of the body as paragraphs of their own
    /// ("By JANE EXAMPLE" / "Associated Press Writer").
    void readBodyByline(QList<Line> &lines) {
        auto standsAlone = [&lines](qsizetype i) {
            return i + 1 >= lines.size() || isBlank(lines.at(i + 1).text) ||
                   lines.at(i + 1).text.front().isSpace() || lines.at(i).text.trimmed().endsWith(u'<');
        };
        qsizetype i = 0;
        while (i < lines.size() && isBlank(lines.at(i).text))
            ++i;
        if (i >= lines.size())
            return;
        const QString byline = withoutEndMarks(lines.at(i).text);
        if (!isBylineText(byline) || lineshape::wordCount(byline) > 8 || !standsAlone(i))
            return;
        qsizetype last = i;
        QString title;
        qsizetype j = i + 1;
        while (j < lines.size() && isBlank(lines.at(j).text))
            ++j;
        static const QRegularExpression titleWords(
            uR"(\b(?:Writer|Press|Correspondent|Editor|Reporter|Staff|Service|Wire|Agency|News|Bureau)\b)"_qs,
            QRegularExpression::CaseInsensitiveOption);
        if (j < lines.size()) {
            const QString candidate = withoutEndMarks(lines.at(j).text);
            if (isBylineTitle(candidate) && standsAlone(j) && titleWords.match(candidate).hasMatch()) {
                title = candidate;
                last = j;
            }
        }
        addByline(byline, lines.at(i).number, title);
        lines.remove(0, last + 1);
    }

private:
    void drop(const Line &line, const QString &note) { dropLine(out.segments, line, note); }

    Head &out;
    Typography &typography;
};

} // namespace

void readHead(QList<Line> &lines, Typography &typography, Head &head) {
    HeadReader(head, typography).read(lines);
    if (!head.byline)
        HeadReader(head, typography).readBodyByline(lines);
}

} // namespace galley::wire
