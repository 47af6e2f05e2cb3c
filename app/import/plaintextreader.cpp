#include "readers.h"

namespace galley {

namespace {

QString collapseSpaces(const QString &line) {
    QString out;
    out.reserve(line.size());
    bool space = false;
    for (const QChar c : line) {
        if (c == u' ' || c == u'\t' || c == u'\u00A0') {
            space = true;
            continue;
        }
        if (space && !out.isEmpty())
            out += u' ';
        space = false;
        out += c;
    }
    return out;
}

struct Line {
    QString text;
    int number = 0;
    bool indented = false;
};

void flushBlock(const QList<Line> &block, QList<Segment> &out) {
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
        // Hard-wrapped copy (wire, e-mail) wraps at 60 to 80 characters; longer lines are whole
        // paragraphs that merely lack a blank line between them.
        const bool continues = i > 0 && longest >= 50 && longest <= 100 &&
                               block.at(i - 1).text.size() * 4 >= longest * 3 && !line.indented;
        if (!continues) {
            finish();
            current = Segment{};
            current.line = line.number;
            text = line.text;
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

QList<Segment> readPlainText(const QString &text) {
    QList<Segment> out;
    QList<Line> block;
    int number = 0;
    for (QStringView raw : QStringView(text).split(u'\n')) {
        ++number;
        if (raw.endsWith(u'\r'))
            raw.chop(1);
        const QString line = collapseSpaces(raw.toString()).trimmed();
        if (line.isEmpty()) {
            flushBlock(block, out);
            block.clear();
            continue;
        }
        const bool indented = !raw.isEmpty() && (raw.front() == u' ' || raw.front() == u'\t');
        block.append(Line{line, number, indented});
    }
    flushBlock(block, out);
    return out;
}

} // namespace galley
