#include "formatdiff.h"

#include <QList>

#include <algorithm>

namespace galley {

namespace {

/// A run's style at one character: what formattingChanges() compares.
struct CharStyle {
    bool bold = false;
    bool italic = false;
    bool strike = false;
    Baseline baseline = Baseline::Normal;
    QString href;
};

/// The style of every character of @p block.plainText() (a line break has the default style).
QList<CharStyle> charStyles(const Block &block) {
    QList<CharStyle> out;
    for (qsizetype l = 0; l < block.lines.size(); ++l) {
        if (l > 0)
            out.append(CharStyle{});
        for (const InlineRun &run : block.lines.at(l).runs) {
            const CharStyle style{run.bold, run.italic, run.strike, run.baseline, run.href};
            for (qsizetype k = 0; k < run.text.size(); ++k)
                out.append(style);
        }
    }
    return out;
}

QString baselineName(Baseline baseline) {
    return baseline == Baseline::Superscript ? u"superscript"_qs : u"subscript"_qs;
}

/// One change at one character: its sentence around the words ("“" + words + "” made bold").
struct Change {
    QString before; ///< the sentence up to the words
    QString after;  ///< the sentence after them
    friend bool operator==(const Change &, const Change &) = default;
};

QList<Change> changesAt(const CharStyle &was, const CharStyle &now) {
    QList<Change> out;
    const auto quoted = [&](const QString &after) { out.append({u"“"_qs, u"”"_qs + after}); };
    if (was.bold != now.bold)
        quoted(now.bold ? u" made bold"_qs : u" no longer bold"_qs);
    if (was.italic != now.italic)
        quoted(now.italic ? u" made italic"_qs : u" no longer italic"_qs);
    if (was.strike != now.strike)
        quoted(now.strike ? u" struck through"_qs : u" no longer struck through"_qs);
    if (was.baseline != now.baseline)
        quoted(now.baseline != Baseline::Normal ? u" made "_qs + baselineName(now.baseline)
                                                : u" no longer "_qs + baselineName(was.baseline));
    if (was.href != now.href) {
        if (was.href.isEmpty())
            out.append({u"link added to “"_qs, u"”: "_qs + now.href});
        else if (now.href.isEmpty())
            out.append({u"link removed from “"_qs, u"” (was "_qs + was.href + u')'});
        else
            out.append({u"link on “"_qs, u"” changed: "_qs + was.href + u" → "_qs + now.href});
    }
    return out;
}

/// Neighbouring characters of the newer text with the same change.
struct Span {
    Change change;
    qsizetype first = 0;
    qsizetype last = 0;
};

} // namespace

QStringList formattingChanges(const Block &older, const Block &newer, const QList<DiffToken> &tokens) {
    if (older.kind == BlockKind::Table || newer.kind == BlockKind::Table || older.kind == BlockKind::SectionBreak ||
        newer.kind == BlockKind::SectionBreak)
        return {};
    const QString oldText = older.plainText(), newText = newer.plainText();
    const QList<CharStyle> oldStyles = charStyles(older), newStyles = charStyles(newer);
    if (oldStyles.size() != oldText.size() || newStyles.size() != newText.size())
        return {};
    QList<Span> spans;
    qsizetype oldPos = 0, newPos = 0;
    for (const DiffToken &token : tokens) {
        qsizetype o = -1, n = -1;
        if (token.kind != DiffToken::Kind::Added) {
            o = oldText.indexOf(token.text, oldPos);
            if (o < 0)
                return {}; // tokens that do not belong to these texts
            oldPos = o + token.text.size();
        }
        if (token.kind != DiffToken::Kind::Removed) {
            n = newText.indexOf(token.text, newPos);
            if (n < 0)
                return {};
            newPos = n + token.text.size();
        }
        if (token.kind != DiffToken::Kind::Same || token.text == u"\n")
            continue;
        for (qsizetype k = 0; k < token.text.size(); ++k) {
            const qsizetype at = n + k;
            for (const Change &change : changesAt(oldStyles.at(o + k), newStyles.at(at))) {
                // The same change goes on over the spaces between words, not over other text.
                auto open = std::find_if(spans.rbegin(), spans.rend(), [&](const Span &span) {
                    return span.change == change &&
                           newText.mid(span.last + 1, at - span.last - 1).trimmed().isEmpty();
                });
                if (open != spans.rend())
                    open->last = at;
                else
                    spans.append({change, at, at});
            }
        }
    }
    QStringList out;
    for (const Span &span : std::as_const(spans))
        out.append(span.change.before + newText.mid(span.first, span.last - span.first + 1) + span.change.after);
    return out;
}

} // namespace galley
