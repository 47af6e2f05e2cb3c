#include "storymarkdown.h"

#include <QHash>

namespace galley::bench {

namespace {

/// Backslash-escapes the ASCII punctuation Pandoc Markdown may read as markup.
QString escaped(const QString &text) {
    static const QString special = u"\\`*_{}[]<>()#+-.!|~^$@\""_qs;
    QString out;
    out.reserve(text.size() + text.size() / 16);
    for (const QChar c : text) {
        if (special.contains(c))
            out += u'\\';
        out += c;
    }
    return out;
}

/// YAML double-quoted scalar.
QString yamlString(const QString &text) {
    QString out = text;
    out.replace(u'\\', u"\\\\"_qs).replace(u'"', u"\\\""_qs);
    return u'"' % out % u'"';
}

QString inlineMarkdown(const InlineText &line) {
    QString out;
    for (const InlineRun &run : line.runs) {
        // Emphasis markers must touch the words, so white space stays outside them.
        const QString core = run.text.trimmed();
        if (core.isEmpty()) {
            out += run.text;
            continue;
        }
        const qsizetype lead = run.text.indexOf(core);
        QString piece = escaped(core);
        if (run.italic)
            piece = u'*' % piece % u'*';
        if (run.bold)
            piece = u"**"_qs % piece % u"**"_qs;
        if (!run.href.isEmpty())
            piece = u'[' % piece % u"](<"_qs % run.href % u">)"_qs;
        out += run.text.left(lead) % piece % run.text.mid(lead + core.size());
    }
    return out;
}

QString blockMarkdown(const Block &block) {
    QStringList lines;
    if (block.kind == BlockKind::SectionBreak)
        return u"* * *"_qs;
    if (block.kind == BlockKind::Table) { // pandoc's pipe table; the generator makes none yet
        for (qsizetype r = 0; r < block.rows.size(); ++r) {
            QStringList cells;
            for (const InlineText &cell : block.rows.at(r))
                cells.append(inlineMarkdown(cell));
            lines.append(u"| "_qs % cells.join(u" | "_qs) % u" |"_qs);
            if (r == 0)
                lines.append(u"|"_qs % QStringList(cells.size(), u"---"_qs).join(u'|') % u'|');
        }
        return lines.join(u'\n');
    }
    for (qsizetype i = 0; i < block.lines.size(); ++i) {
        const QString text = inlineMarkdown(block.lines.at(i));
        switch (block.kind) {
        case BlockKind::Paragraph:
            lines.append(text);
            break;
        case BlockKind::Subhead:
            lines.append(u"## "_qs % text);
            break;
        case BlockKind::BulletList:
            lines.append(u"- "_qs % text);
            break;
        case BlockKind::NumberedList:
            lines.append(QString::number(i + 1) % u". "_qs % text);
            break;
        case BlockKind::BlockQuote:
            lines.append(u"> "_qs % text % (i + 1 < block.lines.size() ? u"\n>"_qs : QString()));
            break;
        case BlockKind::Table:
        case BlockKind::SectionBreak:
            break;
        }
    }
    return lines.join(u'\n');
}

QString pictureMarkdown(const StoryImage &image, const QString &path) {
    const QString caption = escaped(image.caption) % u" ("_qs % escaped(image.credit) % u')';
    return u"!["_qs % caption % u"](<"_qs % path % u">){alt=" % yamlString(image.altText) % u'}';
}

QString quoteMarkdown(const PullQuote &quote) {
    return u"> "_qs % escaped(quote.text) % u"\n>\n> — "_qs % escaped(quote.attribution);
}

} // namespace

QString storyToMarkdown(const Story &story, const std::function<QString(const StoryImage &)> &imagePath) {
    QStringList parts;
    QString meta = u"---\ntitle: "_qs % yamlString(story.headline) % u"\nsubtitle: "_qs %
                   yamlString(story.deck) % u"\nauthor:\n"_qs;
    for (const Byline &byline : story.bylines)
        meta += u"- "_qs % yamlString(byline.text()) % u'\n';
    meta += u"date: "_qs % yamlString(story.dateline) % u"\nlang: en\n---"_qs;
    parts.append(meta);

    QHash<QString, QStringList> after; // block id ("" = top) -> pictures and quotes placed there
    for (const StoryImage &image : story.images)
        after[image.placement.afterBlockId].append(pictureMarkdown(image, imagePath(image)));
    for (const PullQuote &quote : story.pullQuotes)
        after[quote.placement.afterBlockId].append(quoteMarkdown(quote));
    parts.append(after.value(QString()));
    for (const Block &block : story.body) {
        parts.append(blockMarkdown(block));
        parts.append(after.value(block.id));
    }
    return parts.join(u"\n\n"_qs) % u'\n';
}

} // namespace galley::bench
