#include "storygenerator.h"

#include <QBuffer>
#include <QImage>
#include <QLinearGradient>
#include <QPainter>
#include <QUuid>

#include <algorithm>

namespace galley::bench {

namespace {

const QStringList sections = {u"Local"_qs, u"Politics"_qs, u"Business"_qs,    u"Sport"_qs,
                              u"Arts"_qs,  u"Science"_qs,  u"Health"_qs,      u"Education"_qs,
                              u"World"_qs, u"Opinion"_qs,  u"Environment"_qs, u"Transport"_qs};

QString capitalized(QString text) {
    if (!text.isEmpty())
        text[0] = text.at(0).toUpper();
    return text;
}

/// Words of one block as Story::wordCount() counts them, so a long story can be grown in linear time.
int wordsIn(const Block &block) {
    Story one;
    one.body.append(block);
    return one.wordCount();
}

/// Fixed base time, so generated stories do not depend on when the benchmark runs.
QDateTime baseTime() {
    return QDateTime(QDate(2026, 3, 2), QTime(6, 0), Qt::UTC);
}

} // namespace

StoryGenerator::StoryGenerator(quint32 seed)
    : m_random(seed) {
    auto zipf = [](const QStringList &words) {
        QList<double> cumulative;
        double total = 0;
        for (qsizetype rank = 0; rank < words.size(); ++rank) {
            total += 1.0 / double(rank + 1);
            cumulative.append(total);
        }
        return cumulative;
    };
    m_functionWeights = zipf(functionWords());
    m_contentWeights = zipf(contentWords());
}

QString StoryGenerator::nextId() {
    // Drawn from the seeded generator (not QUuid::createUuid()) so a run is repeatable.
    const quint64 high = m_random.generate64();
    const quint64 low = m_random.generate64();
    const QUuid uuid(uint(high >> 32), ushort(high >> 16), ushort((high & 0x0fff) | 0x4000),
                     uchar(((low >> 56) & 0x3f) | 0x80), uchar(low >> 48), uchar(low >> 40), uchar(low >> 32),
                     uchar(low >> 24), uchar(low >> 16), uchar(low >> 8), uchar(low));
    return uuid.toString(QUuid::WithoutBraces);
}

QString StoryGenerator::drawn(const QStringList &words, const QList<double> &cumulative) {
    const double draw = m_random.generateDouble() * cumulative.constLast();
    const auto at = std::lower_bound(cumulative.cbegin(), cumulative.cend(), draw);
    return words.at(std::min<qsizetype>(at - cumulative.cbegin(), words.size() - 1));
}

QString StoryGenerator::word() {
    // Half function words; of the rest a quarter from the story's own topic, which makes words
    // bunch in the stories about them rather than spread evenly.
    const int pick = m_random.bounded(8);
    if (pick < 4)
        return drawn(functionWords(), m_functionWeights);
    if (pick == 4)
        return m_keywords.at(m_random.bounded(int(m_keywords.size())));
    return drawn(contentWords(), m_contentWeights);
}

QString StoryGenerator::personName() {
    return m_cast.at(m_random.bounded(int(m_cast.size())));
}

void StoryGenerator::castStory() {
    m_cast.clear();
    const int people = 2 + m_random.bounded(3);
    for (int i = 0; i < people; ++i)
        m_cast.append(firstName(m_random.bounded(firstNameCount())) % u' ' %
                      surname(m_random.bounded(surnameCount())));
    m_place = place(m_random.bounded(placeCount()));
    m_keywords.clear();
    for (int i = 0; i < 6; ++i)
        m_keywords.append(newsWords().at(m_random.bounded(int(newsWords().size()))));
}

QString StoryGenerator::sentenceText(int words) {
    QStringList parts;
    for (int i = 0; i < words; ++i) {
        const int pick = m_random.bounded(100);
        if (pick < 3)
            parts.append(m_place);
        else if (pick < 5)
            parts.append(personName().section(u' ', 1));
        else if (pick < 7)
            parts.append(QString::number(2 + m_random.bounded(980)));
        else
            parts.append(word());
    }
    return capitalized(parts.join(u' ')) % u'.';
}

QList<InlineRun> StoryGenerator::sentenceRuns(int words, bool allowStyle) {
    const QString text = sentenceText(words);
    const int style = allowStyle ? m_random.bounded(100) : 100;
    if (style >= 14)
        return {InlineRun{text}};
    // A short span in the middle of the sentence carries the style, as an editor would mark it.
    const QStringList parts = text.split(u' ');
    const int from = int(parts.size()) / 3;
    const int length = std::min(2 + m_random.bounded(3), int(parts.size()) - from - 1);
    if (length <= 0)
        return {InlineRun{text}};
    InlineRun before{parts.mid(0, from).join(u' ') % u' '};
    InlineRun styled{parts.mid(from, length).join(u' ')};
    InlineRun after{u' ' % parts.mid(from + length).join(u' ')};
    if (style < 6)
        styled.bold = true;
    else if (style < 10)
        styled.italic = true;
    else
        styled.href = u"https://news.example.invalid/%1/%2"_qs.arg(m_place.toLower(),
                                                                   styled.text.section(u' ', 0, 0).toLower());
    return {before, styled, after};
}

Block StoryGenerator::paragraph() {
    Block block{nextId(), BlockKind::Paragraph, {InlineText{}}};
    QList<InlineRun> &runs = block.lines.first().runs;
    const int sentences = 1 + m_random.bounded(3);
    for (int i = 0; i < sentences; ++i) {
        if (i > 0)
            runs.append(InlineRun{u" "_qs});
        const int words = 12 + m_random.bounded(17);
        if (m_random.bounded(5) == 0) { // a quote with its speaker
            QString quote = sentenceText(words);
            quote.chop(1);
            runs.append(InlineRun{u"“"_qs % quote % u",” said "_qs % personName() % u'.'});
        } else {
            runs.append(sentenceRuns(words, true));
        }
    }
    block.lines.first() = block.lines.first().normalized();
    return block;
}

Block StoryGenerator::subhead() {
    QString text = sentenceText(4 + m_random.bounded(5));
    text.chop(1); // subheads carry no full stop
    return Block{nextId(), BlockKind::Subhead, {InlineText::plain(text)}};
}

Block StoryGenerator::list() {
    Block block{nextId(), m_random.bounded(2) ? BlockKind::BulletList : BlockKind::NumberedList, {}};
    const int items = 3 + m_random.bounded(3);
    for (int i = 0; i < items; ++i)
        block.lines.append(InlineText{sentenceRuns(5 + m_random.bounded(10), false)});
    return block;
}

Story StoryGenerator::longStory(int words, int pictures, int pullQuotes) {
    castStory();
    Story story;
    story.id = nextId();
    story.section = u"Local"_qs;
    story.headline = capitalized(u"%1 at %2: a long read on the %3 %4"_qs.arg(
        m_cast.first(), m_place, m_keywords.first(), QString::number(words)));
    story.slug = u"generated-%1-words"_qs.arg(words);
    story.deck = sentenceText(20);
    for (const QString &person : m_cast.mid(0, 2))
        story.bylines.append(Byline{person});
    story.dateline = m_place.toUpper();
    story.status = StoryStatus::Ready;
    story.created = baseTime();
    story.updated = baseTime().addSecs(3600);

    int nextSubhead = 6 + m_random.bounded(5);
    int written = 0;
    while (written < words) {
        if (--nextSubhead == 0) {
            story.body.append(subhead());
            nextSubhead = 6 + m_random.bounded(5);
        } else if (m_random.bounded(40) == 0) {
            story.body.append(list());
        } else {
            story.body.append(paragraph());
        }
        written += wordsIn(story.body.constLast());
    }

    QList<QString> anchors; // paragraphs only: pictures and quotes sit after running text
    for (const Block &block : story.body)
        if (block.kind == BlockKind::Paragraph)
            anchors.append(block.id);
    for (int i = 0; i < pictures; ++i) {
        const bool jpeg = i % 2 == 0;
        StoryImage image;
        image.id = nextId();
        image.data = picture(i, QSize(640, 400), jpeg ? "JPEG" : "PNG");
        image.mimeType = jpeg ? u"image/jpeg"_qs : u"image/png"_qs;
        image.fileName = u"picture-%1.%2"_qs.arg(i + 1).arg(jpeg ? u"jpg"_qs : u"png"_qs);
        image.caption = sentenceText(10 + m_random.bounded(10));
        image.credit = personName() % u"/Example Ledger"_qs;
        image.altText = sentenceText(8);
        image.placement = i == 0 ? Placement::lead()
                                 : Placement::after(anchors.at(anchors.size() * i / std::max(pictures, 1)));
        story.images.append(image);
    }
    for (int i = 0; i < pullQuotes; ++i) {
        QString text = sentenceText(12 + m_random.bounded(10));
        PullQuote quote{
            nextId(), text, personName(),
            Placement::after(anchors.at((anchors.size() * (2 * i + 1)) / (2 * std::max(pullQuotes, 1))))};
        story.pullQuotes.append(quote);
    }
    return story;
}

Story StoryGenerator::libraryStory() {
    if (m_thumbnails.isEmpty())
        for (int i = 0; i < 8; ++i)
            m_thumbnails.append(picture(100 + i, QSize(320, 200), "JPEG"));
    castStory();
    const int number = m_storyNumber++;
    Story story;
    story.id = nextId();
    story.section = sections.at(m_random.bounded(int(sections.size())));
    story.headline = capitalized(u"%1 %2 %3 %4"_qs.arg(
        m_place, m_keywords.first(), sentenceText(4 + m_random.bounded(6)).chopped(1).toLower(),
        personName().section(u' ', 1)));
    story.deck = sentenceText(14 + m_random.bounded(12));
    story.bylines.append(Byline{personName()});
    if (m_random.bounded(4) == 0)
        story.bylines.append(Byline{firstName(m_random.bounded(firstNameCount())) % u' ' %
                                    surname(m_random.bounded(surnameCount()))});
    story.dateline = m_place.toUpper();
    story.status = allStatuses().at(m_random.bounded(4));
    story.created = baseTime().addSecs(qint64(number) * 600);
    story.updated = story.created;

    const int band = m_random.bounded(100);
    const int words = band < 15   ? 120 + m_random.bounded(180)
                      : band < 75 ? 300 + m_random.bounded(500)
                                  : 800 + m_random.bounded(700);
    int nextSubhead = 6 + m_random.bounded(5);
    int written = 0;
    while (written < words) {
        Block block = --nextSubhead == 0 ? subhead() : paragraph();
        if (block.kind == BlockKind::Subhead)
            nextSubhead = 6 + m_random.bounded(5);
        written += wordsIn(block);
        story.body.append(block);
    }
    if (m_random.bounded(4) == 0) {
        StoryImage image;
        image.id = nextId();
        image.data = m_thumbnails.at(m_random.bounded(int(m_thumbnails.size())));
        image.mimeType = u"image/jpeg"_qs;
        image.fileName = u"lead.jpg"_qs;
        image.caption = sentenceText(10);
        image.credit = personName() % u"/Example Ledger"_qs;
        image.altText = sentenceText(6);
        story.images.append(image);
    }
    return story;
}

QByteArray StoryGenerator::picture(int index, QSize size, const char *format) {
    // Colours and shapes from the index alone, so the same picture comes out on every run.
    QRandomGenerator random(quint32(9000 + index));
    QImage image(size, QImage::Format_RGB32);
    QPainter painter(&image);
    QLinearGradient sky(0, 0, 0, size.height());
    sky.setColorAt(0, QColor::fromHsv(random.bounded(360), 90, 230));
    sky.setColorAt(1, QColor::fromHsv(random.bounded(360), 160, 120));
    painter.fillRect(image.rect(), sky);
    painter.setRenderHint(QPainter::Antialiasing);
    for (int i = 0; i < 14; ++i) {
        painter.setPen(Qt::NoPen);
        painter.setBrush(QColor::fromHsv(random.bounded(360), 120 + random.bounded(120),
                                         80 + random.bounded(170), 120 + random.bounded(120)));
        const int w = 20 + random.bounded(size.width() / 3);
        const int h = 20 + random.bounded(size.height() / 3);
        const QRect box(random.bounded(size.width()), random.bounded(size.height()), w, h);
        if (i % 2)
            painter.drawEllipse(box);
        else
            painter.drawRect(box);
    }
    painter.end();
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    if (!image.save(&buffer, format, 80))
        return {};
    return bytes;
}

} // namespace galley::bench
