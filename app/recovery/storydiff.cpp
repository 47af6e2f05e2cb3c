#include "storydiff.h"

#include <QHash>
#include <QSet>
#include <QStringList>

namespace galley {

namespace {

// Unchanged words kept on either side of a change inside a long paragraph, so the change is
// read in its sentence without the whole paragraph around it.
constexpr int ContextWords = 12;

QString bodyText(const QList<Block> &body) {
    QStringList lines;
    lines.reserve(body.size());
    for (const auto &block : body)
        if (block.kind != BlockKind::SectionBreak)
            lines.append(block.plainText());
    return lines.join(u'\n');
}

QString joined(std::initializer_list<QString> parts) {
    QStringList kept;
    for (const auto &part : parts)
        if (!part.isEmpty())
            kept.append(part);
    return kept.join(u'\n');
}

// The same story apart from what a save or the journal changes by itself: slug (follows the
// headline), times, the imported original and picture bytes (the journal leaves out bytes the
// library already has).
bool sameContent(Story a, Story b) {
    for (Story *story : {&a, &b}) {
        story->slug.clear();
        story->created = story->updated = QDateTime();
        story->originalSource.clear();
        story->originalFormat.clear();
        for (auto &image : story->images)
            image.data.clear();
    }
    return a == b;
}

// Tokens [from, to) as they read, each with its own spacing (the first one's is the caller's).
QString tokensText(const QList<DiffToken> &tokens, qsizetype from, qsizetype to) {
    QString text;
    for (qsizetype i = from; i < to; ++i) {
        if (i > from && tokens.at(i).spaceBefore)
            text += u' ';
        text += tokens.at(i).text;
    }
    return text;
}

// One paragraph of tokens (no line breaks) as HTML: runs of one kind together, long unchanged
// stretches between changes cut to their ends.
QString paragraphHtml(const QList<DiffToken> &tokens) {
    QString html;
    qsizetype i = 0;
    while (i < tokens.size()) {
        const qsizetype start = i;
        const DiffToken::Kind kind = tokens.at(i).kind;
        while (i < tokens.size() && tokens.at(i).kind == kind)
            ++i;
        if (start > 0 && tokens.at(start).spaceBefore)
            html += u' ';
        if (kind == DiffToken::Kind::Same && i - start > 2 * ContextWords + 1) {
            const QString head = start == 0 ? QString() : tokensText(tokens, start, start + ContextWords);
            const QString tail = i == tokens.size() ? QString() : tokensText(tokens, i - ContextWords, i);
            html += head.toHtmlEscaped() + (head.isEmpty() ? u"…"_qs : u" …"_qs) +
                    (tail.isEmpty() ? QString() : u" "_qs + tail.toHtmlEscaped());
            continue;
        }
        html += diffTokenHtml(kind, tokensText(tokens, start, i));
    }
    return html;
}

QString fieldHtml(const WordDiff &diff) {
    // Split into paragraphs; a removed or added line break belongs to the side it came from, but
    // for reading both sides' paragraphs are shown one after the other.
    QList<QList<DiffToken>> paragraphs(1);
    for (const auto &token : diff.tokens) {
        if (token.text == u"\n"_qs)
            paragraphs.append(QList<DiffToken>());
        else
            paragraphs.last().append(token);
    }
    QString html;
    int unchanged = 0;
    const auto flushUnchanged = [&] {
        if (unchanged == 0)
            return;
        html += u"<p style=\"color:#6b6b6b;\">… "_qs +
                (unchanged == 1 ? u"1 paragraph"_qs : u"%1 paragraphs"_qs.arg(unchanged)) +
                u" with no changes …</p>"_qs;
        unchanged = 0;
    };
    for (const auto &paragraph : paragraphs) {
        bool changed = false;
        for (const auto &token : paragraph)
            changed = changed || token.kind != DiffToken::Kind::Same;
        if (!changed) {
            if (!paragraph.isEmpty())
                ++unchanged;
            continue;
        }
        flushUnchanged();
        html += u"<p>"_qs + paragraphHtml(paragraph) + u"</p>"_qs;
    }
    flushUnchanged();
    return html;
}

} // namespace

QList<StoryTextField> storyTextFields(const Story &story) {
    QList<StoryTextField> fields{
        {u"headline"_qs, u"Headline"_qs, story.headline},
        {u"deck"_qs, u"Deck"_qs, story.deck},
        {u"byline"_qs, u"Byline"_qs, bylinesText(story.bylines)},
        {u"dateline"_qs, u"Dateline"_qs, story.dateline},
        {u"body"_qs, u"Body"_qs, bodyText(story.body)},
    };
    for (const auto &quote : story.pullQuotes)
        fields.append({u"quote:"_qs + quote.id, u"Pull quote"_qs, joined({quote.text, quote.attribution})});
    for (const auto &image : story.images)
        fields.append(
            {u"picture:"_qs + image.id, u"Picture"_qs, joined({image.caption, image.credit, image.altText})});
    for (const auto &note : story.notes)
        fields.append({u"note:"_qs + note.id, u"Note"_qs, note.text});
    return fields;
}

StoryDiff compareStories(const Story &saved, const Story &recovered) {
    const QList<StoryTextField> before = storyTextFields(saved);
    const QList<StoryTextField> after = storyTextFields(recovered);
    QHash<QString, QString> beforeText;
    for (const auto &field : before)
        beforeText.insert(field.key, field.text);

    StoryDiff result;
    const auto add = [&](const QString &label, const QString &from, const QString &to) {
        if (from == to)
            return;
        WordDiff diff = diffWords(from, to);
        result.wordsAdded += diff.wordsAdded;
        result.wordsRemoved += diff.wordsRemoved;
        result.fields.append({label, std::move(diff)});
    };
    QSet<QString> seen;
    for (const auto &field : after) {
        seen.insert(field.key);
        add(field.label, beforeText.value(field.key), field.text);
    }
    // Pull quotes, pictures and notes that the recovered story no longer has.
    for (const auto &field : before)
        if (!seen.contains(field.key))
            add(field.label, field.text, QString());
    result.otherChanges = result.fields.isEmpty() && !sameContent(saved, recovered);
    return result;
}

QString storyDiffHtml(const StoryDiff &diff) {
    QString html = u"<html><body>"_qs;
    if (diff.fields.isEmpty())
        html += u"<p>The text is the same; only formatting or the story's settings differ.</p>"_qs;
    for (const auto &field : diff.fields)
        html += u"<h3>"_qs + field.label.toHtmlEscaped() + u"</h3>"_qs + fieldHtml(field.diff);
    return html + u"</body></html>"_qs;
}

} // namespace galley
