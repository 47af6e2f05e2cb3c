// The head of a web page's story from its metadata: headline, section, bylines, deck and lead
// picture put in front of the body the walker read, and the story's own metadata.
#include "pagemetadata.h"

#include <QRegularExpression>

namespace galley {

namespace {

QString letters(const QString &text) {
    QString out;
    out.reserve(text.size());
    for (const QChar c : text)
        if (c.isLetterOrNumber())
            out += c.toLower();
    return out;
}

QString withoutEllipsis(QString text) {
    text = text.trimmed();
    while (text.endsWith(u'\u2026') || text.endsWith(u'.'))
        text.chop(1);
    return text;
}

bool isHeadRole(const Segment &segment) {
    const auto role = segment.markupRole;
    return role == SegmentRole::Headline || role == SegmentRole::Deck || role == SegmentRole::Byline ||
           role == SegmentRole::Section || role == SegmentRole::Dateline;
}

bool isStory(const Segment &segment) {
    return !segment.markupChrome && (!segment.text.isEmpty() || segment.isStructure() ||
                                     !segment.imageFileName.isEmpty() || !segment.imageData.isEmpty());
}

class Head final {
public:
    Head(const PageMetadata &meta, QList<Segment> &segments)
        : m_meta(meta)
        , m(segments) {}

    void run() {
        section(headlineSegment());
        int after = headlineIndex() + 1;
        after = bylines(after);
        after = deck(after);
        picture(after);
    }

    QStringList reportNotes;

private:
    int headlineIndex() const {
        for (qsizetype i = 0; i < m.size(); ++i)
            if (!m.at(i).markupChrome && m.at(i).markupRole == SegmentRole::Headline)
                return int(i);
        return -1;
    }

    int firstStory() const {
        for (qsizetype i = 0; i < m.size(); ++i)
            if (isStory(m.at(i)))
                return int(i);
        return int(m.size());
    }

    Segment made(const QString &text, SegmentRole role, int line) const {
        Segment segment;
        segment.text = InlineText::plain(text);
        segment.markupRole = role;
        segment.line = line;
        return segment;
    }

    /// The headline segment, made from the metadata or the title when the page's own will not do.
    int headlineSegment() {
        int page = headlineIndex();
        const QStringList sites = {m_meta.siteName, m_meta.publisher};
        QString wanted = m_meta.headline;
        if (m_meta.headlineSource != u"JSON-LD")
            wanted = stripSiteName(wanted, sites, nullptr);
        if (!wanted.isEmpty() && page >= 0) {
            const QString ours = letters(m.at(page).text.plainText());
            const QString theirs = letters(withoutEllipsis(wanted));
            // The same headline, or one is the other cut short: the page's own is the fuller one.
            // A social title (Open Graph) that differs does not outrank the page's heading.
            if (ours.startsWith(theirs) || theirs.startsWith(ours) || m_meta.headlineSource != u"JSON-LD")
                return page;
            Segment &old = m[page];
            old.notes.append(ReaderNote{ImportChangeKind::RemovedElement, old.text.plainText(), wanted,
                                        u"The page's heading differs from the headline its JSON-LD metadata "
                                        "gives, which is used."_qs,
                                        old.line});
            old.text = {};
            old.markupRole.reset();
            m.insert(page + 1, made(wanted, SegmentRole::Headline, m_meta.headlineLine));
            return page + 1;
        }
        if (page >= 0)
            return page;
        int line = m_meta.headlineLine;
        QList<ReaderNote> notes;
        if (wanted.isEmpty() && !m_meta.title.isEmpty()) {
            QString removed;
            wanted = stripSiteName(m_meta.title, sites, &removed);
            line = m_meta.titleLine;
            if (!removed.isEmpty())
                notes.append(ReaderNote{ImportChangeKind::RemovedElement,
                                        removed,
                                        {},
                                        u"The site's name beside the headline in the page's title is left "
                                        "out."_qs,
                                        line});
        }
        if (wanted.isEmpty())
            return -1;
        const int at = firstStory();
        Segment segment = made(wanted, SegmentRole::Headline, line);
        segment.notes = notes;
        m.insert(at, segment);
        return at;
    }

    void section(int headline) {
        if (m_meta.section.isEmpty() || headline < 0)
            return;
        // The page's own section label just above the headline, when it says the same.
        for (int i = headline - 1; i >= 0; --i) {
            if (!isStory(m.at(i)))
                continue;
            if (letters(m.at(i).text.plainText()) == letters(m_meta.section)) {
                m[i].markupRole = SegmentRole::Section;
                return;
            }
            break;
        }
        m.insert(headline, made(m_meta.section, SegmentRole::Section, m_meta.sectionLine));
    }

    /// "Posted by Harbour Desk" under the headline: a byline in a blog's words.
    void postedBy(int after) {
        static const QRegularExpression posted(
            uR"(^(?:posted|written|words|reported|reporting|story|text|published)\s+by\s+(.{2,60})$)"_qs,
            QRegularExpression::CaseInsensitiveOption);
        int looked = 0;
        for (int i = after; i < m.size() && looked < 4; ++i) {
            Segment &segment = m[i];
            if (!isStory(segment) || segment.markupRole == SegmentRole::Byline)
                continue;
            ++looked;
            const QString text = segment.text.plainText();
            const auto match = posted.match(text);
            if (segment.markupRole || !match.hasMatch() || match.captured(1).split(u' ').size() > 6)
                continue;
            segment.notes.append(ReaderNote{ImportChangeKind::KeptAsText, text, u"By "_qs % match.captured(1),
                                            u"A line naming who posted the story is read as its byline."_qs,
                                            segment.line});
            segment.text = InlineText::plain(u"By "_qs % match.captured(1));
            segment.markupRole = SegmentRole::Byline;
            return;
        }
    }

    /// Bylines after the headline; returns where the head continues.
    int bylines(int after) {
        if (after > 0 && m_meta.authors.isEmpty())
            postedBy(after);
        if (m_meta.authors.isEmpty() || after <= 0)
            return after;
        // A page line that only repeats the authors ("By Ines Marlo") goes.
        static const QRegularExpression by(uR"(^by\s)"_qs, QRegularExpression::CaseInsensitiveOption);
        int looked = 0;
        for (int i = after; i < m.size() && looked < 5; ++i) {
            Segment &segment = m[i];
            if (!isStory(segment))
                continue;
            ++looked;
            const QString text = segment.text.plainText();
            if (segment.markupRole && segment.markupRole != SegmentRole::Paragraph)
                continue;
            bool named = false;
            for (const QString &author : m_meta.authors)
                named = named || text.contains(author, Qt::CaseInsensitive);
            if (named && by.match(text).hasMatch() && text.split(u' ').size() <= 16) {
                segment.notes.append(ReaderNote{ImportChangeKind::RemovedElement,
                                                text,
                                                {},
                                                u"The page's byline line is left out: the authors come "
                                                "from the page's metadata."_qs,
                                                segment.line});
                segment.text = {};
                segment.markupRole.reset();
            }
        }
        m.insert(after, made(m_meta.authors.join(u"; "_qs), SegmentRole::Byline, m_meta.authorsLine));
        return after + 1;
    }

    int deck(int after) {
        if (m_meta.description.isEmpty() || after <= 0)
            return after;
        const QString wanted = letters(withoutEllipsis(m_meta.description));
        if (wanted.isEmpty())
            return after;
        bool bodySeen = false;
        for (qsizetype i = 0; i < m.size(); ++i) {
            Segment &segment = m[i];
            if (!isStory(segment))
                continue;
            if (segment.markupRole == SegmentRole::Deck)
                return after; // the page marks its own deck
            const QString text = letters(segment.text.plainText());
            if (text.isEmpty() || isHeadRole(segment))
                continue;
            const bool body = segment.markupRole.value_or(SegmentRole::Paragraph) == SegmentRole::Paragraph;
            if (text == wanted && !bodySeen && i >= after) {
                segment.markupRole = SegmentRole::Deck;
                return after;
            }
            // The description only repeats (the start of) a paragraph: it is the lede, not a deck.
            if (body && text.startsWith(wanted))
                return after;
            bodySeen = bodySeen || body;
        }
        m.insert(after, made(m_meta.description, SegmentRole::Deck, m_meta.descriptionLine));
        return after + 1;
    }

    void picture(int after) {
        const PagePicture &picture = m_meta.picture;
        if (picture.url.isEmpty() || after <= 0)
            return;
        // The page's own picture above the body is the lead, with its caption and credit.
        for (qsizetype i = after; i < m.size(); ++i) {
            const Segment &segment = m.at(i);
            if (!isStory(segment) || isHeadRole(segment))
                continue;
            if (segment.markupRole == SegmentRole::Caption)
                return;
            break;
        }
        Segment segment = made(picture.caption, SegmentRole::Caption, m_meta.pictureLine);
        segment.credit = picture.credit;
        segment.altText = picture.alt.isEmpty() ? picture.caption : picture.alt;
        segment.imageFileName = pictureFileName(picture.url);
        segment.imageHref = picture.url;
        segment.imageWidth = picture.width;
        segment.imageHeight = picture.height;
        if (segment.imageFileName.isEmpty())
            segment.imageFileName = u"lead-picture"_qs;
        m.insert(after, segment);
    }

    const PageMetadata &m_meta;
    QList<Segment> &m;
};

} // namespace

QString pictureFileName(const QString &url) {
    return url.section(u'?', 0, 0).section(u'#', 0, 0).section(u'/', -1);
}

void applyPageMetadata(const PageMetadata &meta, ReadStory &story) {
    StoryMetadata &out = story.metadata;
    out.language = meta.language;
    out.keywords = meta.keywords;
    out.sourceAgency = meta.publisher;
    out.firstCreated = meta.published;
    out.versionCreated = meta.modified;
    Head head(meta, story.segments);
    head.run();
    story.reportNotes << meta.problems << head.reportNotes;
}

} // namespace galley
