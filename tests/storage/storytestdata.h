#pragma once

// Invented stories for the storage tests: every field filled, pictures with binary bytes.

#include "model/story.h"

#include <QByteArray>

namespace galley::testdata {

/// Bytes that are not text: a NUL, high bytes and a CR/LF pair, so a BLOB round trip is proven.
inline QByteArray pictureBytes(char seed) {
    QByteArray bytes("\xFF\xD8\xFF\xE0", 4);
    bytes.append('\0');
    bytes.append(seed);
    bytes.append("\r\n\x80\x7F", 4);
    bytes.append(QByteArray(300, seed));
    return bytes;
}

/// A story with every field set: two bylines, styled body, list, quote, two pull quotes, two pictures.
inline Story fullStory(const QString &headline) {
    Story story = Story::create();
    story.section = QStringLiteral("Local");
    story.headline = headline;
    story.deck = QStringLiteral("Ferry timetable changes from Monday after the pier repairs");
    story.bylines = {Byline{QStringLiteral("Ada Lindqvist"), QStringLiteral("Harbour Reporter")},
                     Byline{QStringLiteral("Rafe Okonjo")}};
    story.dateline = QStringLiteral("PORT WENLOW");
    story.status = StoryStatus::CopyEdit;

    Block lead = Block::make(BlockKind::Paragraph, QString());
    lead.lines = {InlineText{{InlineRun{QStringLiteral("The "), false, false, {}},
                              InlineRun{QStringLiteral("island ferry"), true, false, {}},
                              InlineRun{QStringLiteral(" will sail "), false, true, {}},
                              InlineRun{QStringLiteral("twice a day"), false, false,
                                        QStringLiteral("https://wenlow.example/ferry")}}}};
    Block subhead = Block::make(BlockKind::Subhead, QStringLiteral("Pier repairs"));
    Block list = Block::make(BlockKind::BulletList, QString());
    list.lines = {InlineText::plain(QStringLiteral("Morning sailing at 7.40")),
                  InlineText::plain(QStringLiteral("Evening sailing at 18.15"))};
    Block quote = Block::make(BlockKind::BlockQuote, QStringLiteral("The pier is safe again, “at last”."));
    Block last = Block::make(BlockKind::Paragraph,
                             QStringLiteral("Tickets bought before Monday stay valid <b>&amp;."));
    story.body = {lead, subhead, list, quote, last};

    story.pullQuotes = {
        PullQuote{newId(), QStringLiteral("Twice a day is enough for us."),
                  QStringLiteral("Nell Varga, ferry master"), Placement::after(lead.id)},
        PullQuote{newId(), QStringLiteral("At last."), QStringLiteral("A commuter"),
                  Placement::after(quote.id)},
    };
    story.images = {
        StoryImage{newId(), pictureBytes('a'), QStringLiteral("image/jpeg"), QStringLiteral("pier.jpg"),
                   QStringLiteral("The repaired pier at low tide."), QStringLiteral("Photo: Ada Lindqvist"),
                   QStringLiteral("A wooden pier on new steel legs"), Placement::lead()},
        StoryImage{newId(), pictureBytes('b'), QStringLiteral("image/png"), QStringLiteral("map.png"),
                   QStringLiteral("The new route."), QStringLiteral("Graphic: Rafe Okonjo"),
                   QStringLiteral("A map of the two crossings"), Placement::after(subhead.id)},
    };
    return story;
}

/// A short story: one paragraph of @p body, no pictures.
inline Story shortStory(const QString &headline, const QString &deck, const QString &body,
                        const QString &section = QStringLiteral("Local"),
                        StoryStatus status = StoryStatus::Draft) {
    Story story = Story::create();
    story.headline = headline;
    story.deck = deck;
    story.section = section;
    story.status = status;
    story.body = {Block::make(BlockKind::Paragraph, body)};
    return story;
}

} // namespace galley::testdata
