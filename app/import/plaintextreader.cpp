#include "readers.h"

#include "importlimits.h"

#include <QLocale>

#include <optional>

namespace galley {

namespace {

/// @p line with runs of spaces, tabs, form feeds and no-break spaces made one space, and other
/// control characters (a wire's SOH, STX, ETX, SYN...) dropped and counted in @p controls.
QString collapseSpaces(QStringView line, qsizetype &controls) {
    QString out(line.size(), Qt::Uninitialized);
    QChar *end = out.data();
    const QChar *const begin = end;
    bool space = false;
    for (const QChar c : line) {
        const char16_t u = c.unicode();
        if (u == u' ' || u == u'\t' || u == u'\u00A0' || u == u'\f' || u == u'\v') {
            space = true;
            continue;
        }
        // Control characters are C0 (below a space), DEL and C1 (U+0080 to U+009F).
        if (u < 0x20 || (u >= 0x7F && u <= 0x9F)) {
            ++controls;
            continue;
        }
        if (space && end != begin)
            *end++ = u' ';
        space = false;
        *end++ = c;
    }
    out.truncate(end - begin);
    return out;
}

struct Line {
    QString text;
    int number = 0;
    bool indented = false;
};

/// A list item line: its kind and where its text starts after the marker ("• ", "- ", "1. ",
/// "2) "); nullopt for other lines. A line that is only marks ("- 30 -", "* * *") is no item.
struct ListMarker {
    BlockKind kind;
    qsizetype textStart;
};
std::optional<ListMarker> listMarker(const QString &line) {
    static const QString bullets = u"•◦▪‣·*-–"_qs;
    qsizetype start = 0;
    BlockKind kind = BlockKind::BulletList;
    if (line.size() > 2 && bullets.contains(line.at(0)) && line.at(1) == u' ') {
        start = 2;
    } else {
        qsizetype digits = 0;
        while (digits < line.size() && digits < 3 && line.at(digits).isDigit())
            ++digits;
        if (digits == 0 || digits + 1 >= line.size() ||
            !(line.at(digits) == u'.' || line.at(digits) == u')') || line.at(digits + 1) != u' ')
            return std::nullopt;
        start = digits + 2;
        kind = BlockKind::NumberedList;
    }
    bool letters = false;
    for (qsizetype i = start; i < line.size() && !letters; ++i)
        letters = line.at(i).isLetterOrNumber();
    if (!letters)
        return std::nullopt;
    return ListMarker{kind, start};
}

/// "* * *", "***" or "⁂" alone on a line: the writer's section break.
bool isSectionBreakLine(const QString &line) {
    return line == u"* * *" || line == u"***" || line == u"\u2042" || line == u"*  *  *";
}

void flushBlock(const QList<Line> &block, QList<Segment> &out, int &listGroup) {
    qsizetype longest = 0;
    for (const auto &line : block)
        longest = std::max(longest, line.text.size());
    Segment current;
    QString text;
    auto finish = [&] {
        if (!text.isEmpty()) {
            current.text = InlineText::plain(text);
            out.append(current);
        }
        text.clear();
    };
    for (qsizetype i = 0; i < block.size(); ++i) {
        const Line &line = block.at(i);
        const auto marker = listMarker(line.text);
        if (isSectionBreakLine(line.text)) {
            finish();
            Segment rule;
            rule.line = line.number;
            rule.blockKind = BlockKind::SectionBreak;
            out.append(rule);
            current = Segment{};
            continue;
        }
        // Hard-wrapped copy (wire, e-mail) wraps at 60 to 80 characters; longer lines are whole
        // paragraphs that merely lack a blank line between them. A list item always starts anew.
        const bool continues = i > 0 && !marker && longest >= 50 && longest <= 100 &&
                               block.at(i - 1).text.size() * 4 >= longest * 3 && !line.indented;
        if (!continues) {
            finish();
            current = Segment{};
            current.line = line.number;
            text = line.text;
            if (marker) {
                // Consecutive items of one kind (blank lines between them or not) are one list; the
                // marker is the list's, not the item's text.
                const bool numbered = marker->kind == BlockKind::NumberedList;
                if (out.isEmpty() || out.last().blockKind != marker->kind) {
                    ++listGroup;
                    current.notes.append(ReaderNote{
                        ImportChangeKind::KeptAsText, line.text, line.text.mid(marker->textStart),
                        numbered
                            ? u"Lines starting with a number and “.” or “)” are kept as a numbered list."_qs
                            : u"Lines starting with “%1” are kept as a bulleted list."_qs.arg(
                                  line.text.at(0)),
                        line.number});
                }
                current.blockKind = marker->kind;
                current.listGroup = listGroup;
                text = line.text.mid(marker->textStart);
            }
        } else {
            text += u' ' % line.text;
        }
    }
    finish();
}

} // namespace

InlineText collapseWhitespace(const InlineText &text) {
    InlineText out;
    bool lastSpace = true;
    for (const auto &run : text.runs) {
        InlineRun collapsed = run;
        collapsed.text.clear();
        for (const QChar c : run.text) {
            if (c.isSpace()) {
                if (!lastSpace)
                    collapsed.text += u' ';
                lastSpace = true;
            } else {
                collapsed.text += c;
                lastSpace = false;
            }
        }
        out.runs.append(collapsed);
    }
    out = out.normalized();
    while (!out.runs.isEmpty() && out.runs.last().text.endsWith(u' ')) {
        out.runs.last().text.chop(1);
        out = out.normalized();
    }
    return out;
}

QString preLines(const QString &text) {
    QStringList lines;
    for (const QString &raw : text.split(u'\n')) {
        const QString line = raw.simplified();
        if (!line.isEmpty())
            lines << line;
    }
    return lines.join(u" / "_qs);
}

QString plainTextTooLong(const QString &text) {
    qsizetype lines = 0;
    bool blank = true;
    for (const QChar c : text) {
        if (c == u'\n' || c == u'\r') {
            blank = true;
        } else if (blank && !c.isSpace()) {
            blank = false;
            if (++lines > MaxStoryBlocks)
                return tooManyParagraphs(MaxStoryBlocks);
        }
    }
    return {};
}

QString tooManyParagraphs(int limit) {
    return u"The file has more than %1 lines of text, far more than a story: Galley imports one story at a "
           "time. Import the story's own text or split the file."_qs.arg(
               QLocale(QLocale::English).toString(limit));
}

QList<Segment> readPlainText(const QString &text) {
    QList<Segment> out;
    QList<Line> block;
    int number = 0;
    int listGroup = 0;
    qsizetype controls = 0;
    int firstControlLine = 0;
    // Lines end with LF, CRLF or a lone CR (old Mac and some wire systems).
    qsizetype start = 0;
    while (start <= text.size()) {
        qsizetype end = start;
        while (end < text.size() && text.at(end) != u'\n' && text.at(end) != u'\r')
            ++end;
        const QStringView raw = QStringView(text).mid(start, end - start);
        start = end + (end + 1 < text.size() && text.at(end) == u'\r' && text.at(end + 1) == u'\n' ? 2 : 1);
        ++number;
        const qsizetype before = controls;
        const QString line = collapseSpaces(raw, controls).trimmed();
        if (controls > before && firstControlLine == 0)
            firstControlLine = number;
        if (line.isEmpty()) {
            flushBlock(block, out, listGroup);
            block.clear();
            continue;
        }
        const bool indented = !raw.isEmpty() && (raw.front() == u' ' || raw.front() == u'\t');
        block.append(Line{line, number, indented});
    }
    flushBlock(block, out, listGroup);
    if (controls > 0 && !out.isEmpty()) {
        out.first().notes.prepend(ReaderNote{
            ImportChangeKind::RemovedElement,
            u"%1 control characters"_qs.arg(controls),
            {},
            u"Control characters (transmission codes such as SOH, STX and ETX) are not text and were "
            "removed: %1 of them, the first on line %2."_qs.arg(controls)
                .arg(firstControlLine),
            firstControlLine});
    }
    return out;
}

} // namespace galley
