#include "pagenoise.h"

#include "htmlnodes.h"

#include <QRegularExpression>

namespace galley {

using namespace pageindex;
using htmlnodes::attribute;

namespace {

/// Elements whose text is read to judge them: bigger subtrees are never a one-line notice, and
/// reading each element's text only up to this size keeps the pass linear.
constexpr int MaxJudgedElements = 200;

QRegularExpression pattern(const char16_t *source) {
    return QRegularExpression(QString::fromUtf16(source), QRegularExpression::CaseInsensitiveOption |
                                                              QRegularExpression::UseUnicodePropertiesOption);
}

const QString adReason = u"An advertisement slot is left out."_qs;
const QString shareReason = u"A share bar (links to post the story elsewhere) is left out."_qs;
const QString videoReason = u"A video and its caption are left out: a story holds no video."_qs;
const QString pagerReason = u"A gallery's picture counter is left out."_qs;
const QString browserReason = u"A notice about the reader's browser is left out."_qs;
const QString relatedReason = u"A list of related stories is left out."_qs;
const QString hiddenReason = u"Text the page hides from its readers is left out."_qs;

bool isHeadingName(const QString &name) {
    return name.size() == 2 && name.front() == u'h' && name.back().isDigit();
}

int pixels(const QString &value) {
    static const QRegularExpression number(uR"(^\s*(\d{1,5})(?:px)?\s*$)"_qs);
    const auto match = number.match(value);
    return match.hasMatch() ? match.captured(1).toInt() : -1;
}

/// Why a picture is decoration, or empty when it is not.
QString dividerReason(xmlNode *node, const QString &hints) {
    const QString style = htmlnodes::styleOf(node);
    static const QRegularExpression styleWidth(uR"((?:^|;)width:(\d{1,5})px)"_qs);
    static const QRegularExpression styleHeight(uR"((?:^|;)height:(\d{1,5})px)"_qs);
    int width = pixels(attribute(node, "width"));
    int height = pixels(attribute(node, "height"));
    if (width < 0)
        if (const auto m = styleWidth.match(style); m.hasMatch())
            width = m.captured(1).toInt();
    if (height < 0)
        if (const auto m = styleHeight.match(style); m.hasMatch())
            height = m.captured(1).toInt();
    if ((width >= 0 && width <= 10) || (height >= 0 && height <= 10))
        return u"A tiny picture (%1 by %2 pixels: a divider, spacer or tracking pixel) is left out."_qs.arg(
            width < 0 ? u"?"_qs : QString::number(width), height < 0 ? u"?"_qs : QString::number(height));
    const QString alt = attribute(node, "alt").trimmed();
    const QString role = attribute(node, "role").toLower();
    static const QRegularExpression decorative(
        uR"(divider|spacer|separator|\brule\b|pixel|blank\.|transparent|1x1|dot\.gif|line\.(?:gif|png|svg)|\bhr\.(?:gif|png|svg)|ornament|flourish)"_qs);
    const QString src = attribute(node, "src").toLower();
    if (alt.isEmpty() && (role == u"presentation" || role == u"none" || decorative.match(hints).hasMatch() ||
                          decorative.match(src.section(u'?', 0, 0)).hasMatch()))
        return u"A decorative picture (a divider or spacer) is left out."_qs;
    return {};
}

/// The reason an unlikely class (Readability's list) gives for leaving an element out.
QString unlikelyReason(const QString &hints) {
    static const QRegularExpression comments(uR"(comment|disqus|replies|remark)"_qs);
    static const QRegularExpression navigation(uR"(menu|breadcrumbs|pagination|pager)"_qs);
    static const QRegularExpression social(uR"(social|share)"_qs);
    static const QRegularExpression ads(uR"(sponsor|ad-break|-ad-|skyscraper)"_qs);
    static const QRegularExpression popup(uR"(popup|modal|agegate|gdpr)"_qs);
    if (comments.match(hints).hasMatch())
        return u"Readers' comments are left out."_qs;
    if (navigation.match(hints).hasMatch())
        return u"Page navigation is left out."_qs;
    if (social.match(hints).hasMatch())
        return shareReason;
    if (ads.match(hints).hasMatch())
        return adReason;
    if (hints.contains(u"related"_qs))
        return relatedReason;
    if (popup.match(hints).hasMatch())
        return u"A pop-up is left out."_qs;
    return u"Page furniture around the story (“%1”) is left out."_qs.arg(hints.simplified().left(60));
}

class NoiseMarker final {
public:
    NoiseMarker(const PageIndex &index, ArticleMap &map, int headline, const PageHints &hints,
                const QList<int> &content)
        : m_index(index)
        , m_map(map)
        , m_headline(headline)
        , m_hints(hints)
        , m_content(content) {}

    void run(const QList<int> &keep) {
        if (m_headline >= 0) {
            m_map.headline = m_index.at(m_headline).node;
            m_map.roles.insert(m_map.headline, SegmentRole::Headline);
        }
        QList<std::pair<int, int>> ranges;
        if (keep.isEmpty())
            ranges.append(
                {m_index.body(), m_index.body() > 0 ? m_index.at(m_index.body()).end : m_index.size()});
        for (const int k : keep)
            ranges.append({k, m_index.at(k).end});
        for (const auto &[from, to] : std::as_const(ranges))
            m_storyText += m_index.at(from).text;
        for (const auto &[from, to] : std::as_const(ranges))
            markRange(from, to);
    }

private:
    bool holdsHeadline(int i) const { return m_headline >= 0 && m_index.contains(i, m_headline); }

    /// Never drop what holds the headline or much of the story.
    bool mayDrop(int i) const {
        return !holdsHeadline(i) && m_index.at(i).text * 2 <= std::max(m_storyText, 400);
    }

    void mark(int i, const QString &reason) { m_map.noise.insert(m_index.at(i).node, reason); }

    void markRange(int from, int to) {
        for (int i = from; i < to;) {
            const Element &element = m_index.at(i);
            if (element.setAside) {
                // Hidden text inside the story is dropped here; chrome and scripts the walker handles.
                const bool parentVisible = element.parent < 0 || !m_index.at(element.parent).setAside;
                if (parentVisible && element.text > 0 && isHiddenOnly(element) && mayDrop(i))
                    mark(i, hiddenReason);
                i = element.end;
                continue;
            }
            const QString reason = judge(i);
            if (!reason.isEmpty()) {
                mark(i, reason);
                i = element.end;
                continue;
            }
            ++i;
        }
    }

    bool isHiddenOnly(const Element &element) const {
        static const QStringList notHidden = {u"script"_qs, u"style"_qs,  u"noscript"_qs, u"template"_qs,
                                              u"nav"_qs,    u"footer"_qs, u"aside"_qs,    u"form"_qs,
                                              u"button"_qs, u"menu"_qs,   u"dialog"_qs,   u"header"_qs};
        return !notHidden.contains(element.name) && !htmlnodes::skippedElements().contains(element.name) &&
               attribute(element.node, "role").isEmpty();
    }

    QString judge(int i) {
        const Element &element = m_index.at(i);
        const QString &name = element.name;
        const QString &hints = element.hints;
        if (name == u"img")
            return dividerReason(element.node, hints);
        if (!mayDrop(i))
            return {};
        const bool small = element.end - i <= MaxJudgedElements;
        static const QRegularExpression adHints = pattern(
            uR"((^|[\s_-])(ad|ads|advert|adverts|advertisement|advertising|adslot|ad-slot|ad-container|ad-wrapper|adunit|ad-unit|dfp|gpt-ad|adsbygoogle|sponsored|promo|outbrain|taboola|teads)($|[\s_-]))");
        if (element.text <= 300 &&
            (adHints.match(hints).hasMatch() ||
             xmlHasProp(element.node, reinterpret_cast<const xmlChar *>("data-ad-slot")) ||
             xmlHasProp(element.node, reinterpret_cast<const xmlChar *>("data-ad-unit"))))
            return adReason;
        static const QRegularExpression shareHints = pattern(
            uR"((^|[\s_-])(share|shares|sharing|sharebar|share-bar|sharetools|share-tools|social|socials|social-share|social-links|addthis|sharethis)($|[\s_-]))");
        if (element.text < 500 && shareHints.match(hints).hasMatch())
            return shareReason;
        if (small && shareLinks(i) >= 2 && element.text < 200)
            return shareReason;
        static const QRegularExpression videoHints =
            pattern(uR"(video|player|jwplayer|brightcove|youtube|vimeo)");
        if ((name == u"figure" || name == u"div") && element.images == 0 &&
            (element.embeds > 0 || (name == u"figure" && videoHints.match(hints).hasMatch())))
            return videoReason;
        static const QRegularExpression relatedHints = pattern(
            uR"((^|[\s_-])(related|related-stories|related-articles|related-content|more-stories|more-from|more-on|moreon|read-more|readmore|read-next|recommended|recommendations|also-read|you-may-like|most-read|mostread|most-popular|trending|further-reading|more-like-this|outbrain|taboola)($|[\s_-]))");
        if (relatedHints.match(hints).hasMatch())
            return relatedReason;
        if (small && element.text <= 300) {
            if (const QString reason = judgeText(i); !reason.isEmpty())
                return reason;
        }
        if (element.unlikely)
            return unlikelyReason(hints);
        if (small && element.text > 0 && element.text < 100 && isByline(i))
            return byline(i);
        if (small && element.text > 0 && element.text <= 80 && isDateLine(i))
            return dateLine(i);
        return linkBlock(i);
    }

    bool inContent(int i) const {
        for (const int c : m_content)
            if (m_index.contains(c, i))
                return true;
        return false;
    }

    /// Readability's conditional cleaning, for what is mostly links: a block of them, or (outside
    /// the body Readability chose) a list of them.
    QString linkBlock(int i) const {
        const Element &element = m_index.at(i);
        const QString &name = element.name;
        const double density = m_index.linkDensity(i);
        static const QString reason =
            u"A block of links (the site's navigation or other stories) is left out."_qs;
        if ((name == u"div" || name == u"section" || name == u"aside" || name == u"table") &&
            element.text >= 20 && element.weight < 25 && density > 0.5 && element.paragraphs <= 2)
            return reason;
        if ((name == u"ul" || name == u"ol") && element.listItems >= 2 && density > 0.8 && !inContent(i))
            return reason;
        return {};
    }

    QString judgeText(int i) {
        const Element &element = m_index.at(i);
        const QString text = htmlnodes::textOf(element.node);
        if (text.isEmpty())
            return {};
        static const QRegularExpression adWords = pattern(
            uR"(^\(?(advertisement|advertising|ad|anzeige|publicité|sponsored( content)?|continue reading( the main story| below)?|story continues below( this)?( advertisement| ad)?|article continues (below|after)( this)?( advertisement| ad)?|skip advert(isement)?|scroll to continue( with content)?)\)?$)");
        if (adWords.match(text).hasMatch())
            return adReason;
        static const QRegularExpression browser = pattern(
            uR"((your|this) browser (does not|doesn't|doesn’t|cannot|can't|can’t|can not) (support|play|display)|this video (can ?not|cannot|can't|can’t) be played|(please )?(enable|turn on) javascript|javascript (is|must be) (disabled|required|enabled|not enabled)|(update|upgrade) your browser|(use|try) a (different|modern|newer|supported) browser|unsupported browser|to (view|watch|play) this (video|content|media|graphic))");
        if (element.text <= 300 && browser.match(text).hasMatch())
            return browserReason;
        static const QRegularExpression pager = pattern(
            uR"(^(?:[‹<«←]|prev(?:ious)?|back)?\s*(?:(?:image|photo|picture|slide|foto|bild|gallery)\s*)?\d{1,3}\s*(?:of|/|von|de|sur|av|van|di|из)\s*\d{1,3}\s*(?:[›>»→]|next)?$)");
        if (element.text <= 40 && pager.match(text).hasMatch())
            return pagerReason;
        static const QRegularExpression tools = pattern(
            uR"(^(listen to (this )?(article|story)( \d+ min(ute)?s?)?|\d+ min(ute)?s? (read|listen)|reading time:? \d+ min(ute)?s?|save( (this )?article)?|saved|gift (this )?article|follow|print( this page)?|copy link|link copied|comments?( \(\d+\))?|show comments|jump to comments|text size|a\+? ?a-?)$)");
        if (element.text <= 40 && tools.match(text).hasMatch())
            return u"A button or label of the page's own tools (listen, save, share, print, reading time) is left out."_qs;
        static const QRegularExpression mediaCaption = pattern(uR"(^(media|video) caption\b)");
        if (mediaCaption.match(text).hasMatch())
            return videoReason;
        static const QRegularExpression relatedHeading = pattern(
            uR"(^(related( stories| articles| content| coverage| topics| links| reading)?|more (on|from|about) .{1,40}|read more|read next|you (may|might) also like|most (read|popular|viewed|shared)|top stories|recommended( for you| stories| reading)?|what to read next|further reading|latest (news|stories)|more stories|more news|elsewhere on .{1,30}|in other news):?$)");
        if (isHeadingName(element.name) && relatedHeading.match(text).hasMatch()) {
            // The heading and the list of links under it.
            const int next = element.end;
            if (next < m_index.size() && m_index.at(next).parent == element.parent &&
                m_index.linkDensity(next) > 0.5 && mayDrop(next))
                mark(next, relatedReason);
            return relatedReason;
        }
        return {};
    }

    int shareLinks(int i) const {
        static const QRegularExpression endpoints(
            uR"(facebook\.com/shar|twitter\.com/(intent|share)|x\.com/intent|linkedin\.com/(share|sharing|shareArticle)|wa\.me/|whatsapp:|api\.whatsapp|pinterest\.com/pin/create|reddit\.com/submit|^mailto:\?|t\.me/share|telegram\.me/share|bsky\.app/intent)"_qs);
        int count = 0;
        for (int j = i + 1; j < m_index.at(i).end; ++j)
            if (m_index.at(j).name == u"a" &&
                endpoints.match(attribute(m_index.at(j).node, "href")).hasMatch())
                ++count;
        return count;
    }

    bool isByline(int i) const {
        const Element &element = m_index.at(i);
        static const QRegularExpression byline(uR"(byline|author|writtenby|p-author)"_qs);
        static const QRegularExpression notByline(uR"(bio|about|avatar|image|photo|more-by|follow)"_qs);
        const bool hinted =
            (byline.match(element.hints).hasMatch() && !notByline.match(element.hints).hasMatch()) ||
            attribute(element.node, "rel") == u"author" || attribute(element.node, "itemprop") == u"author";
        return hinted && !isHeadingName(element.name) && element.name != u"a" && element.name != u"img";
    }

    QString byline(int i) {
        if (m_bylineFound)
            return {};
        m_bylineFound = true;
        if (m_hints.authors)
            return u"The page's byline line is left out: the authors come from the page's metadata."_qs;
        m_map.roles.insert(m_index.at(i).node, SegmentRole::Byline);
        return {};
    }

    QString dateLine(int i) {
        if (m_hints.published)
            return u"The page's date line is left out; the story's times come from the page's metadata."_qs;
        for (int j = i; j < m_index.at(i).end && m_map.pageTime.isEmpty(); ++j)
            if (m_index.at(j).name == u"time")
                m_map.pageTime = attribute(m_index.at(j).node, "datetime").trimmed();
        if (m_map.pageTime.isEmpty())
            m_map.pageTime = attribute(m_index.at(i).node, "datetime").trimmed();
        return m_map.pageTime.isEmpty()
                   ? u"The page's date line is left out: it gives no time Galley can keep."_qs
                   : u"The page's date line is left out; its time is kept as the story's first-created time."_qs;
    }

    bool isDateLine(int i) const {
        const Element &element = m_index.at(i);
        // A line holding the byline too is judged part by part.
        for (int j = i; j < element.end; ++j)
            if (isByline(j))
                return false;
        static const QRegularExpression dateHints(
            uR"((^|[\s_-])(date|time|timestamp|published|updated|posted|pubdate|dateline-time)($|[\s_-]))"_qs);
        bool timeInside = element.name == u"time";
        for (int j = i + 1; j < element.end && !timeInside; ++j)
            timeInside = m_index.at(j).name == u"time";
        if (!timeInside && !dateHints.match(element.hints).hasMatch())
            return false;
        static const QRegularExpression dateWords = pattern(
            uR"(\d|\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b|\bago\b|\bupdated\b|\bpublished\b)");
        const QString text = htmlnodes::textOf(element.node);
        return dateWords.match(text).hasMatch() && text.split(u' ', Qt::SkipEmptyParts).size() <= 12;
    }

    const PageIndex &m_index;
    ArticleMap &m_map;
    int m_headline;
    const PageHints &m_hints;
    const QList<int> &m_content;
    int m_storyText = 0;
    bool m_bylineFound = false;
};

} // namespace

void markPageNoise(const PageIndex &index, ArticleMap &map, int headline, const QList<int> &keep,
                   const QList<int> &content, const PageHints &hints) {
    NoiseMarker(index, map, headline, hints, content).run(keep);
}

} // namespace galley
