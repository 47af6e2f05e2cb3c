#include "articlepatch.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

namespace galley {

namespace {

QString blockKey(const QString &id) {
    return u"b:"_qs + id;
}
QString imageKey(const QString &id) {
    return u"i:"_qs + id;
}
QString quoteKey(const QString &id) {
    return u"q:"_qs + id;
}

} // namespace

QByteArray ArticlePatch::toJson(quint64 sequence, const QString &reveal) const {
    QJsonObject object;
    object.insert(u"seq"_qs, double(sequence));
    if (!reveal.isEmpty())
        object.insert(u"reveal"_qs, reveal);
    if (full) {
        object.insert(u"full"_qs, true);
        object.insert(u"article"_qs, article);
    }
    QJsonArray list;
    for (const auto &[key, html] : elements)
        list.append(QJsonArray{key, html});
    object.insert(u"elements"_qs, list);
    if (orderChanged) {
        object.insert(u"articleOrder"_qs, QJsonArray::fromStringList(articleOrder));
        object.insert(u"bodyOrder"_qs, QJsonArray::fromStringList(bodyOrder));
    }
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

QStringList articleKeys(const Story &story) {
    QStringList keys{u"header"_qs};
    for (const StoryImage &image : story.images)
        if (image.placement.isLead())
            keys.append(imageKey(image.id));
    keys.append(u"body"_qs);
    return keys;
}

QStringList bodyKeys(const Story &story) {
    // Mirrors ArticleRenderer::renderArticle(): top pull quotes, each block followed by its
    // pictures and then its pull quotes, and last whatever is anchored to a block that is gone.
    QHash<QString, QStringList> after;
    for (const StoryImage &image : story.images)
        if (!image.placement.isLead())
            after[image.placement.afterBlockId].append(imageKey(image.id));
    for (const PullQuote &quote : story.pullQuotes)
        if (!quote.placement.isLead())
            after[quote.placement.afterBlockId].append(quoteKey(quote.id));

    QStringList keys;
    keys.reserve(story.body.size() + story.images.size() + story.pullQuotes.size());
    for (const PullQuote &quote : story.pullQuotes)
        if (quote.placement.isLead())
            keys.append(quoteKey(quote.id));
    QSet<QString> placed;
    for (const Block &block : story.body) {
        keys.append(blockKey(block.id));
        placed.insert(block.id);
        keys.append(after.value(block.id));
    }
    for (const StoryImage &image : story.images)
        if (!image.placement.isLead() && !placed.contains(image.placement.afterBlockId))
            keys.append(imageKey(image.id));
    for (const PullQuote &quote : story.pullQuotes)
        if (!quote.placement.isLead() && !placed.contains(quote.placement.afterBlockId))
            keys.append(quoteKey(quote.id));
    return keys;
}

ArticlePatch fullArticle(const Story &story, const RenderOptions &options) {
    ArticlePatch patch;
    patch.full = true;
    patch.article = ArticleRenderer().renderArticle(story, options);
    return patch;
}

ArticlePatch diffArticle(const Story &before, const Story &after, const RenderOptions &options) {
    if (before.id != after.id)
        return fullArticle(after, options);
    const ArticleRenderer renderer;
    ArticlePatch patch;

    const QString header = renderer.renderHeader(after);
    if (header != renderer.renderHeader(before))
        patch.elements.append({u"header"_qs, header});

    // Pictures and pull quotes are few: comparing their markup catches every way they can change.
    QHash<QString, QString> oldFigures;
    for (const StoryImage &image : before.images)
        oldFigures.insert(image.id, renderer.renderImage(before, image.id, options));
    for (const StoryImage &image : after.images) {
        const QString html = renderer.renderImage(after, image.id, options);
        if (oldFigures.value(image.id) != html)
            patch.elements.append({imageKey(image.id), html});
    }
    QHash<QString, QString> oldQuotes;
    for (const PullQuote &quote : before.pullQuotes)
        oldQuotes.insert(quote.id, renderer.renderPullQuote(before, quote.id));
    for (const PullQuote &quote : after.pullQuotes) {
        const QString html = renderer.renderPullQuote(after, quote.id);
        if (oldQuotes.value(quote.id) != html)
            patch.elements.append({quoteKey(quote.id), html});
    }

    // Blocks can be thousands: compare the model and render only what differs.
    const QString oldDateline = ArticleRenderer::datelineBlockId(before);
    const QString newDateline = ArticleRenderer::datelineBlockId(after);
    const bool datelineTextChanged = before.dateline != after.dateline;
    QHash<QString, const Block *> oldBlocks;
    oldBlocks.reserve(before.body.size());
    for (const Block &block : before.body)
        oldBlocks.insert(block.id, &block);
    for (const Block &block : after.body) {
        const Block *old = oldBlocks.value(block.id);
        const bool wasDateline = block.id == oldDateline;
        const bool isDateline = block.id == newDateline;
        const bool changed =
            !old || *old != block || wasDateline != isDateline || (isDateline && datelineTextChanged);
        if (changed)
            patch.elements.append({blockKey(block.id), renderer.renderBlock(after, block.id)});
    }

    const QStringList newArticle = articleKeys(after);
    const QStringList newBody = bodyKeys(after);
    if (newArticle != articleKeys(before) || newBody != bodyKeys(before)) {
        patch.orderChanged = true;
        patch.articleOrder = newArticle;
        patch.bodyOrder = newBody;
    }
    return patch;
}

} // namespace galley
