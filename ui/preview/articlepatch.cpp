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

namespace {

/// Preview keys of @p items: the renderer's layout is the one source of the article's order, so
/// what it leaves out (an empty pull quote) and where it puts a second top picture match here.
QStringList itemKeys(const Story &story, const QList<ArticleItem> &items) {
    QStringList keys;
    keys.reserve(items.size());
    for (const ArticleItem &item : items) {
        switch (item.kind) {
        case ArticleItem::Kind::Block:
            keys.append(blockKey(story.body.at(item.index).id));
            break;
        case ArticleItem::Kind::Image:
            keys.append(imageKey(story.images.at(item.index).id));
            break;
        case ArticleItem::Kind::PullQuote:
            keys.append(quoteKey(story.pullQuotes.at(item.index).id));
            break;
        }
    }
    return keys;
}

} // namespace

QStringList articleKeys(const Story &story) {
    QStringList keys{u"header"_qs};
    keys.append(itemKeys(story, ArticleRenderer::layout(story).top));
    keys.append(u"body"_qs);
    return keys;
}

QStringList bodyKeys(const Story &story) {
    return itemKeys(story, ArticleRenderer::layout(story).body);
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

    const QString header = renderer.renderHeader(after, options);
    if (header != renderer.renderHeader(before, options))
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
