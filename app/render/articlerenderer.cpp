#include "articlerenderer.h"

#include "inlinemarkup.h"

#include <QHash>

#include <algorithm>

namespace galley {

namespace {

using detail::bylineName;
using detail::renderInline;

QString attr(const char16_t *name, const QString &value) {
    return u' ' % QString::fromUtf16(name) % u"=\"" % escapeHtml(value) % u'"';
}

QString renderByline(const QList<Byline> &bylines) {
    QStringList names;
    for (const Byline &byline : bylines) {
        const QString name = bylineName(byline.name);
        if (name.isEmpty())
            continue;
        QString html = u"<span class=\"author\">" % escapeHtml(name) % u"</span>";
        if (!byline.title.trimmed().isEmpty())
            html += u", <span class=\"author-title\">" % escapeHtml(byline.title.trimmed()) % u"</span>";
        names.append(html);
    }
    if (names.isEmpty())
        return {};
    // House style: "By A", "By A and B", "By A, B and C" (no serial comma).
    QString joined = names.constLast();
    if (names.size() > 1) {
        const QStringList leading = names.mid(0, names.size() - 1);
        joined = leading.join(u", ") % u" and " % joined;
    }
    return u"<p class=\"byline\">By " % joined % u"</p>\n";
}

/// The dateline as typed, without a trailing dash the reporter may have added: the renderer
/// writes the house " — " itself.
QString cleanDateline(const QString &typed) {
    QString place = typed.trimmed();
    while (!place.isEmpty() &&
           (place.endsWith(u'-') || place.endsWith(u'\u2013') || place.endsWith(u'\u2014')))
        place = place.chopped(1).trimmed();
    return place;
}

/// Index of the block that carries the dateline: the first paragraph, or -1.
qsizetype datelineBlockIndex(const Story &story) {
    if (cleanDateline(story.dateline).isEmpty())
        return -1;
    for (qsizetype i = 0; i < story.body.size(); ++i)
        if (story.body.at(i).kind == BlockKind::Paragraph)
            return i;
    return -1;
}

QString renderLines(const QList<InlineText> &lines, const char16_t *tag) {
    QString html;
    for (const InlineText &line : lines)
        html += u'<' % QString::fromUtf16(tag) % u'>' % renderInline(line) % u"</" % QString::fromUtf16(tag) %
                u'>';
    return html;
}

/// A list with its nested sub-lists: each item opens at its level inside the item above it, so
/// "<ul><li>a<ol><li>b</li></ol></li></ul>". The top level always takes the block's own kind (one
/// element per block, which the preview patches by id); deeper levels follow each item's numbering.
/// An item more than one level deeper than the one before gets empty items to stand in, as HTML
/// allows a list only inside an item.
QString renderList(const Block &block, const QString &idAttribute) {
    const auto tagOf = [&](qsizetype line, qsizetype depth) {
        const bool numbered = depth == 0 ? block.kind == BlockKind::NumberedList : block.item(line).numbered;
        return numbered ? u"ol"_qs : u"ul"_qs;
    };
    QString html;
    QStringList open; // tags of the lists open now, outermost first; each has an unclosed <li>
    for (qsizetype line = 0; line < block.lines.size(); ++line) {
        const qsizetype level = std::clamp<qsizetype>(block.item(line).level, 0, MaxListLevel);
        while (open.size() > level + 1) {
            html += u"</li></" % open.takeLast() % u'>';
        }
        if (open.size() == level + 1) {
            if (open.size() > 1 && open.last() != tagOf(line, level)) {
                html += u"</li></" % open.takeLast() % u'>';
            } else {
                html += u"</li>"_qs;
            }
        }
        while (open.size() < level + 1) {
            const QString tag = tagOf(line, open.size());
            html += u'<' % tag % (open.isEmpty() ? idAttribute : QString()) % u'>';
            open.append(tag);
            if (open.size() < level + 1)
                html += u"<li>"_qs;
        }
        html += u"<li>" % renderInline(block.lines.at(line));
    }
    if (open.isEmpty())
        return u'<' % tagOf(0, 0) % idAttribute % u"></" % tagOf(0, 0) % u">\n";
    while (!open.isEmpty())
        html += u"</li></" % open.takeLast() % u'>';
    return html % u'\n';
}

/// A table inside a scrolling wrapper (phones are narrower than most tables); rows are padded to
/// the widest so every row has the same cells.
QString renderTable(const Block &block, const QString &idAttribute) {
    qsizetype columns = 0;
    for (const TableRow &row : block.rows)
        columns = std::max(columns, row.size());
    // Returns QString, not auto: "html % ..." is a QStringBuilder that would refer to the local html
    // after the lambda returns.
    auto renderRow = [columns](const TableRow &row, const char16_t *cellTag) -> QString {
        QString html = u"<tr>"_qs;
        const QString tag = QString::fromUtf16(cellTag);
        for (qsizetype c = 0; c < columns; ++c)
            html += u'<' % tag % u'>' % (c < row.size() ? renderInline(row.at(c)) : QString()) % u"</" % tag %
                    u'>';
        return html % u"</tr>";
    };
    QString html = u"<div class=\"story-table\"" % idAttribute % u"><table>";
    qsizetype first = 0;
    if (block.headerRow && !block.rows.isEmpty()) {
        html += u"<thead>" % renderRow(block.rows.first(), u"th") % u"</thead>";
        first = 1;
    }
    if (first < block.rows.size()) {
        html += u"<tbody>"_qs;
        for (qsizetype r = first; r < block.rows.size(); ++r)
            html += renderRow(block.rows.at(r), u"td");
        html += u"</tbody>"_qs;
    }
    return html % u"</table></div>\n";
}

QString renderBlockAt(const Story &story, qsizetype index) {
    const Block &block = story.body.at(index);
    const QString id = attr(u"data-block", block.id);
    switch (block.kind) {
    case BlockKind::Subhead: {
        QStringList parts;
        for (const InlineText &line : block.lines)
            parts.append(renderInline(line));
        return u"<h2" % id % u'>' % parts.join(u"<br>") % u"</h2>\n";
    }
    case BlockKind::BulletList:
    case BlockKind::NumberedList:
        return renderList(block, id);
    case BlockKind::BlockQuote:
        return u"<blockquote" % id % u'>' % renderLines(block.lines, u"p") % u"</blockquote>\n";
    case BlockKind::Table:
        return renderTable(block, id);
    case BlockKind::SectionBreak:
        return u"<hr" % id % u">\n";
    case BlockKind::Paragraph:
        break;
    }
    QString lead;
    if (index == datelineBlockIndex(story))
        lead = u"<span class=\"dateline\">" % escapeHtml(cleanDateline(story.dateline)) % u"</span> \u2014 ";
    QStringList parts;
    for (const InlineText &line : block.lines)
        parts.append(renderInline(line));
    return u"<p" % id % u'>' % lead % parts.join(u"<br>") % u"</p>\n";
}

/// True when @p quote has words to show: an empty pull quote (one the desk has not filled in yet)
/// is left out of the page rather than shown as an empty box.
bool hasText(const PullQuote &quote) {
    return !quote.text.trimmed().isEmpty();
}

QString renderQuote(const PullQuote &quote) {
    if (!hasText(quote))
        return {};
    QString html = u"<aside class=\"pull-quote\"" % attr(u"data-pull-quote", quote.id) % u"><blockquote>";
    const QStringList paragraphs = quote.text.trimmed().split(u'\n', Qt::SkipEmptyParts);
    for (const QString &paragraph : paragraphs)
        html += u"<p>" % escapeHtml(paragraph.trimmed()) % u"</p>";
    html += u"</blockquote>";
    if (!quote.attribution.trimmed().isEmpty())
        html += u"<cite>" % escapeHtml(quote.attribution.trimmed()) % u"</cite>";
    return html % u"</aside>\n";
}

/// True when @p image is the story's lead picture: the first one placed at the top. Later ones
/// placed at the top open the body as plain figures, so a page never has two lead pictures.
bool isLeadFigure(const Story &story, const StoryImage &image) {
    const StoryImage *lead = story.leadImage();
    return lead && lead->id == image.id;
}

/// "a.jpg 480w, b.jpg 960w" for a srcset attribute (unescaped).
QString srcset(const QList<PictureCandidate> &candidates) {
    QStringList parts;
    for (const PictureCandidate &candidate : candidates)
        parts.append(candidate.url % u' ' % QString::number(candidate.width) % u'w');
    return parts.join(u", ");
}

/// The <img>, or with renditions <picture><source type="image/webp"><img srcset sizes></picture>.
QString renderPicture(const PictureSources &sources, const StoryImage &image) {
    QString img = u"<img" % attr(u"src", sources.src);
    if (!sources.candidates.isEmpty())
        img += attr(u"srcset", srcset(sources.candidates)) % attr(u"sizes", sources.sizes);
    if (sources.width > 0 && sources.height > 0)
        img += attr(u"width", QString::number(sources.width)) % attr(u"height", QString::number(sources.height));
    if (image.hasFocus()) {
        // Where a frame that trims the picture (the stylesheet's lead picture on a short screen)
        // keeps it in view; percentages of the picture, as CSS object-position reads them.
        const auto percent = [](qreal fraction) -> QString {
            return QString::number(qRound(std::clamp(fraction, 0.0, 1.0) * 1000) / 10.0, 'g', 4) % u'%';
        };
        img += attr(u"style", u"object-position: "_qs % percent(image.focus.x()) % u' ' % percent(image.focus.y()));
    }
    img += attr(u"alt", image.altText.trimmed()) % u'>';
    if (sources.candidates.isEmpty() && sources.webp.isEmpty())
        return img;
    QString html = u"<picture>"_qs;
    if (!sources.webp.isEmpty())
        html += u"<source type=\"image/webp\"" % attr(u"srcset", srcset(sources.webp)) %
                attr(u"sizes", sources.sizes) % u'>';
    return html % img % u"</picture>";
}

QString renderFigure(const Story &story, const StoryImage &image, const RenderOptions &options) {
    QString html =
        u"<figure class=\"story-image" % QString(isLeadFigure(story, image) ? u" lead-image"_qs : QString()) %
        (image.isMissing() ? u" is-missing"_qs : QString()) % u'"' % attr(u"data-image", image.id) % u'>';
    if (image.isMissing()) {
        // Visible on purpose: a copy editor must see the hole before the page ships.
        const QString label = image.altText.trimmed().isEmpty()
                                  ? u"Picture missing"_qs
                                  : u"Picture missing: "_qs % image.altText.trimmed();
        html += u"<div class=\"picture-missing\" role=\"img\"" % attr(u"aria-label", label) %
                u"><span>Picture missing</span></div>";
    } else {
        html += renderPicture(resolvePictureSources(story, image, options), image);
    }
    const QString caption = image.caption.trimmed();
    const QString credit = image.credit.trimmed();
    if (!caption.isEmpty() || !credit.isEmpty()) {
        html += u"<figcaption>" % escapeHtml(caption);
        if (!credit.isEmpty())
            html += QString(caption.isEmpty() ? QString() : u" "_qs) % u"<span class=\"credit\">" %
                    escapeHtml(credit) % u"</span>";
        html += u"</figcaption>";
    }
    return html % u"</figure>\n";
}

} // namespace

PictureSources resolvePictureSources(const Story &story, const StoryImage &image, const RenderOptions &options) {
    if (options.pictureSources)
        return options.pictureSources(story, image);
    PictureSources sources;
    sources.src = options.imageUrl ? options.imageUrl(story, image) : QString();
    return sources;
}

QString ArticleRenderer::renderHeader(const Story &story, const RenderOptions &options) const {
    QString html = u"<header class=\"story-header\">\n"_qs;
    if (!story.section.trimmed().isEmpty())
        html += u"<p class=\"section-label\">" % escapeHtml(story.section.trimmed()) % u"</p>\n";
    html += u"<h1 class=\"headline\">" % escapeHtml(story.headline.trimmed()) % u"</h1>\n";
    if (!story.deck.trimmed().isEmpty())
        html += u"<p class=\"deck\">" % escapeHtml(story.deck.trimmed()) % u"</p>\n";
    html += renderByline(story.bylines);
    html += renderStoryTimes(story, options.timeZones.zoneFor(story.section));
    return html % u"</header>\n";
}

QString ArticleRenderer::renderBlock(const Story &story, const QString &blockId) const {
    const qsizetype index = story.blockIndex(blockId);
    return index < 0 ? QString() : renderBlockAt(story, index);
}

QString ArticleRenderer::datelineBlockId(const Story &story) {
    const qsizetype index = datelineBlockIndex(story);
    return index < 0 ? QString() : story.body.at(index).id;
}

QString ArticleRenderer::renderPullQuote(const Story &story, const QString &quoteId) const {
    for (const PullQuote &quote : story.pullQuotes)
        if (quote.id == quoteId)
            return renderQuote(quote);
    return {};
}

QString ArticleRenderer::renderImage(const Story &story, const QString &imageId,
                                     const RenderOptions &options) const {
    for (const StoryImage &image : story.images)
        if (image.id == imageId)
            return renderFigure(story, image, options);
    return {};
}

ArticleLayout ArticleRenderer::layout(const Story &story) {
    using Kind = ArticleItem::Kind;
    ArticleLayout layout;
    const StoryImage *lead = story.leadImage();
    QHash<QString, QList<ArticleItem>> after; // pictures, then pull quotes, each in story order
    for (qsizetype i = 0; i < story.images.size(); ++i) {
        const StoryImage &image = story.images.at(i);
        if (lead && image.id == lead->id)
            layout.top.append({Kind::Image, i});
        else if (image.placement.isLead())
            layout.body.append({Kind::Image, i}); // a second picture at the top opens the body
        else
            after[image.placement.afterBlockId].append({Kind::Image, i});
    }
    for (qsizetype i = 0; i < story.pullQuotes.size(); ++i) {
        const PullQuote &quote = story.pullQuotes.at(i);
        if (!hasText(quote))
            continue;
        if (quote.placement.isLead())
            layout.body.append({Kind::PullQuote, i});
        else
            after[quote.placement.afterBlockId].append({Kind::PullQuote, i});
    }
    for (qsizetype i = 0; i < story.body.size(); ++i) {
        layout.body.append({Kind::Block, i});
        // take(): a block id seen twice (a bug elsewhere) must not show its pictures twice.
        layout.body.append(after.take(story.body.at(i).id));
    }
    // Anchors that no longer exist (an old file, a bug elsewhere): show the item at the end
    // rather than lose a picture or a quote the desk paid for. Pictures first, then pull quotes,
    // each in story order.
    QList<ArticleItem> orphans;
    for (const QList<ArticleItem> &items : std::as_const(after))
        orphans.append(items);
    std::sort(orphans.begin(), orphans.end(), [](const ArticleItem &a, const ArticleItem &b) {
        return a.kind != b.kind ? a.kind == Kind::Image : a.index < b.index;
    });
    layout.body.append(orphans);
    return layout;
}

QString ArticleRenderer::renderArticle(const Story &story, const RenderOptions &options) const {
    const auto render = [&](const ArticleItem &item) -> QString {
        switch (item.kind) {
        case ArticleItem::Kind::Block:
            return renderBlockAt(story, item.index);
        case ArticleItem::Kind::Image:
            return renderFigure(story, story.images.at(item.index), options);
        case ArticleItem::Kind::PullQuote:
            break;
        }
        return renderQuote(story.pullQuotes.at(item.index));
    };
    const ArticleLayout items = layout(story);
    QString html = u"<article class=\"story\"" % attr(u"data-story", story.id) % u">\n" % renderHeader(story, options);
    for (const ArticleItem &item : items.top)
        html += render(item);
    html += u"<div class=\"story-body\">\n"_qs;
    for (const ArticleItem &item : items.body)
        html += render(item);
    return html % u"</div>\n</article>\n"_qs;
}

} // namespace galley
