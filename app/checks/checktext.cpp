#include "checktext.h"

#include "model/story.h"

namespace galley {

QList<CheckText> checkTexts(const Story &story) {
    QList<CheckText> out;
    out.append({u"headline"_qs, {}, story.headline});
    out.append({u"deck"_qs, {}, story.deck});
    out.append({u"byline"_qs, {}, bylinesText(story.bylines)});
    out.append({u"dateline"_qs, {}, story.dateline});
    out.append({u"section"_qs, {}, story.section});
    for (const Block &block : story.body)
        if (block.kind != BlockKind::SectionBreak)
            out.append({u"body"_qs, block.id, block.plainText()});
    for (const PullQuote &quote : story.pullQuotes) {
        out.append({u"pullquote"_qs, quote.id, quote.text});
        out.append({u"attribution"_qs, quote.id, quote.attribution});
    }
    for (const StoryImage &image : story.images) {
        out.append({u"caption"_qs, image.id, image.caption});
        out.append({u"credit"_qs, image.id, image.credit});
        out.append({u"alt"_qs, image.id, image.altText});
    }
    return out;
}

bool isProseField(const QString &field) {
    return field != u"byline" && field != u"dateline" && field != u"section" && field != u"story" &&
           field != u"attribution";
}

} // namespace galley
