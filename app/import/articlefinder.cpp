#include "articlefinder.h"

#include "htmlnodes.h"
#include "logging.h"
#include "pageindex.h"
#include "pagenoise.h"

#include <QRegularExpression>

namespace galley {

using namespace pageindex;

namespace {

/// Readability's figures.
constexpr int TopCandidates = 5;
constexpr int MinParagraphLength = 25;
constexpr int ScoredAncestors = 5;
constexpr int MinArticleLength = 500;

bool isHeading(const QString &name) {
    return name.size() == 2 && name.front() == u'h' && name.back() >= u'2' && name.back() <= u'6';
}

double tagScore(const QString &name) {
    if (name == u"div")
        return 5;
    if (name == u"pre" || name == u"td" || name == u"blockquote")
        return 3;
    if (name == u"address" || name == u"ol" || name == u"ul" || name == u"dl" || name == u"dd" ||
        name == u"dt" || name == u"li" || name == u"form")
        return -3;
    if (name.size() == 2 && name.front() == u'h' && name.back().isDigit())
        return -5;
    if (name == u"th")
        return -5;
    return 0;
}

/// One run of Readability's grabArticle over the index.
class Search final {
public:
    Search(PageIndex &index, bool stripUnlikely)
        : m_index(index)
        , m_excluded(size_t(index.size()), false)
        , m_score(size_t(index.size()), 0.0)
        , m_scored(size_t(index.size()), false) {
        for (int i = 0; i < index.size(); ++i) {
            const Element &element = index.at(i);
            const bool parentExcluded = element.parent >= 0 && m_excluded[size_t(element.parent)];
            m_excluded[size_t(i)] = parentExcluded || element.setAside || (stripUnlikely && element.unlikely);
        }
        m_index.count(m_excluded);
    }

    /// The chosen content's elements in document order; empty when nothing reached MinArticleLength.
    QList<int> run() {
        scoreParagraphs();
        const int top = topCandidate();
        if (top < 0)
            return {};
        QList<int> content = siblings(top);
        int length = 0;
        for (const int i : std::as_const(content))
            length += m_index.at(i).text;
        qCDebug(lcImport) << "article candidate" << m_index.at(top).name << m_index.at(top).hints << "score"
                          << m_score[size_t(top)] << "siblings" << content.size() << "text" << length;
        if (length < MinArticleLength)
            return {};
        return content;
    }

    bool excluded(int i) const { return m_excluded[size_t(i)]; }

private:
    bool paragraphLike(int i) const {
        const Element &element = m_index.at(i);
        const QString &name = element.name;
        if (name == u"p" || name == u"td" || name == u"pre" || name == u"section" || isHeading(name))
            return true;
        // A div (or span-like block) holding no blocks is a paragraph in all but name.
        return (name == u"div" || name == u"article" || name == u"main") && !element.blockInside;
    }

    void initialize(int i) {
        if (m_scored[size_t(i)])
            return;
        m_scored[size_t(i)] = true;
        const Element &element = m_index.at(i);
        m_score[size_t(i)] = tagScore(element.name) + element.weight;
        m_candidates.append(i);
    }

    void addScore(int from, double score) {
        int ancestor = from;
        for (int level = 0; level < ScoredAncestors && ancestor >= 0; ++level) {
            // An ancestor counts only when it has an element parent (not the root).
            if (m_index.at(ancestor).parent < 0)
                break;
            initialize(ancestor);
            const double divider = level == 0 ? 1.0 : level == 1 ? 2.0 : level * 3.0;
            m_score[size_t(ancestor)] += score / divider;
            ancestor = m_index.at(ancestor).parent;
        }
    }

    static double paragraphScore(int length, int commas) {
        return 1.0 + (commas + 1) + std::min(length / 100, 3);
    }

    void scoreParagraphs() {
        for (int i = 0; i < m_index.size(); ++i) {
            if (m_excluded[size_t(i)])
                continue;
            const Element &element = m_index.at(i);
            if (paragraphLike(i)) {
                if (element.text >= MinParagraphLength && element.parent >= 0)
                    addScore(element.parent, paragraphScore(element.text, element.commas));
            } else if (element.name == u"div" && element.ownText >= MinParagraphLength) {
                // Text directly in a div beside blocks: Readability wraps it in a paragraph.
                addScore(i, paragraphScore(element.ownText, element.ownCommas));
            }
        }
        for (const int i : std::as_const(m_candidates))
            m_score[size_t(i)] *= 1.0 - m_index.linkDensity(i);
    }

    int topCandidate() {
        QList<int> top;
        for (const int i : std::as_const(m_candidates)) {
            qsizetype at = 0;
            while (at < top.size() && m_score[size_t(top.at(at))] >= m_score[size_t(i)])
                ++at;
            if (at < TopCandidates)
                top.insert(at, i);
            if (top.size() > TopCandidates)
                top.removeLast();
        }
        if (top.isEmpty())
            return -1;
        int best = top.first();
        const int body = m_index.body();
        if (best == body || m_index.at(best).name == u"html")
            return -1;
        const double bestScore = m_score[size_t(best)];
        // Three near-equal candidates under one ancestor: the ancestor is the article.
        QList<int> close;
        for (qsizetype t = 1; t < top.size(); ++t)
            if (bestScore > 0 && m_score[size_t(top.at(t))] / bestScore >= 0.75)
                close.append(top.at(t));
        if (close.size() >= 3) {
            for (int parent = m_index.at(best).parent; parent >= 0 && parent != body;
                 parent = m_index.at(parent).parent) {
                int holding = 0;
                for (const int c : std::as_const(close))
                    holding += m_index.contains(parent, c) ? 1 : 0;
                if (holding >= 3) {
                    best = parent;
                    break;
                }
            }
        }
        initialize(best);
        // A parent scoring higher than the candidate (scores fall off going up) holds more of it.
        double last = m_score[size_t(best)];
        const double threshold = last / 3.0;
        for (int parent = m_index.at(best).parent; parent >= 0 && parent != body;
             parent = m_index.at(parent).parent) {
            if (!m_scored[size_t(parent)])
                continue;
            const double score = m_score[size_t(parent)];
            if (score < threshold)
                break;
            if (score > last) {
                best = parent;
                break;
            }
            last = score;
        }
        // An only child: its parent gathers the siblings that join it.
        for (int parent = m_index.at(best).parent; parent >= 0 && parent != body;
             parent = m_index.at(parent).parent) {
            if (elementChildren(parent).size() != 1)
                break;
            best = parent;
        }
        initialize(best);
        return best;
    }

    QList<int> elementChildren(int parent) const {
        QList<int> out;
        for (int i = parent + 1; i < m_index.at(parent).end; i = m_index.at(i).end)
            out.append(i);
        return out;
    }

    QList<int> siblings(int top) const {
        const int parent = m_index.at(top).parent;
        if (parent < 0)
            return {top};
        const double topScore = m_score[size_t(top)];
        const double threshold = std::max(10.0, topScore * 0.2);
        const QString topClass = htmlnodes::attribute(m_index.at(top).node, "class");
        QList<int> out;
        for (const int sibling : elementChildren(parent)) {
            if (sibling == top) {
                out.append(sibling);
                continue;
            }
            if (m_excluded[size_t(sibling)])
                continue;
            double bonus = 0;
            if (!topClass.isEmpty() && htmlnodes::attribute(m_index.at(sibling).node, "class") == topClass)
                bonus += topScore * 0.2;
            if (m_scored[size_t(sibling)] && m_score[size_t(sibling)] + bonus >= threshold) {
                out.append(sibling);
                continue;
            }
            const Element &element = m_index.at(sibling);
            if (element.name == u"p" || (paragraphLike(sibling) && element.name == u"div")) {
                const double density = m_index.linkDensity(sibling);
                static const QRegularExpression sentence(uR"(\.( |$))"_qs);
                if (element.text > 80 && density < 0.25)
                    out.append(sibling);
                else if (element.text < 80 && element.text > 0 && density == 0 &&
                         sentence.match(htmlnodes::textOf(element.node)).hasMatch())
                    out.append(sibling);
            }
        }
        return out;
    }

    PageIndex &m_index;
    std::vector<bool> m_excluded;
    std::vector<double> m_score;
    std::vector<bool> m_scored;
    QList<int> m_candidates;
};

QString normalized(const QString &text) {
    QString out;
    for (const QChar c : text)
        if (c.isLetterOrNumber())
            out += c.toLower();
    return out;
}

/// The heading the story is under: the one matching the metadata headline (an h1, else an h2 of a
/// page whose h1 is its logo), else the h1 inside the body, else the last h1 before it, else the first.
int findHeadline(const PageIndex &index, const QString &hint, const QList<int> &content) {
    const QString wanted = normalized(hint);
    const int contentStart = content.isEmpty() ? -1 : content.first();
    const int contentEnd = content.isEmpty() ? index.size() : index.at(content.last()).end;
    int matchH1 = -1;
    int matchH2 = -1;
    int inContent = -1;
    int beforeContent = -1;
    int first = -1;
    for (int i = index.body(); i < index.size() && i < contentEnd; ++i) {
        const Element &element = index.at(i);
        const bool h1 = element.name == u"h1";
        if ((!h1 && element.name != u"h2") || element.setAside || element.end - i > 200)
            continue;
        const QString text = normalized(htmlnodes::textOf(element.node));
        if (text.isEmpty())
            continue;
        const bool matches =
            !wanted.isEmpty() &&
            (text == wanted || (text.startsWith(wanted) && wanted.size() * 2 >= text.size()) ||
             (wanted.startsWith(text) && text.size() * 2 >= wanted.size()));
        if (!h1) {
            if (matches && matchH2 < 0)
                matchH2 = i;
            continue;
        }
        if (matches && matchH1 < 0)
            matchH1 = i;
        if (first < 0)
            first = i;
        bool inside = false;
        for (const int c : content)
            inside = inside || index.contains(c, i);
        if (inside && inContent < 0)
            inContent = i;
        else if (contentStart >= 0 && i < contentStart)
            beforeContent = i;
    }
    for (const int candidate : {matchH1, matchH2, inContent, beforeContent, first})
        if (candidate >= 0)
            return candidate;
    return -1;
}

bool isArticleContainer(const Element &element) {
    static const QRegularExpression hints(uR"(\b(article|story|post|entry)\b)"_qs);
    return element.name == u"article" || element.name == u"main" || hints.match(element.hints).hasMatch() ||
           htmlnodes::attribute(element.node, "itemtype").contains(u"Article"_qs);
}

/// The story's head above its body: elements between the headline and the body along the path
/// from the body up to the headline's container.
void keepHead(const PageIndex &index, int headline, QList<int> &keep) {
    const int body = keep.first();
    if (headline < 0) {
        // No headline: a lead figure, deck or byline just before the body still belongs to it.
        const int parent = index.at(body).parent;
        if (parent < 0)
            return;
        static const QRegularExpression head(uR"(standfirst|dek|deck|summary|byline|author|lede|lead)"_qs);
        for (int i = parent + 1; i < body; i = index.at(i).end) {
            const Element &element = index.at(i);
            if (!element.setAside && (element.name == u"figure" || head.match(element.hints).hasMatch()))
                keep.append(i);
        }
        return;
    }
    for (const int k : std::as_const(keep))
        if (index.contains(k, headline))
            return;
    for (int ancestor = index.at(body).parent; ancestor >= 0; ancestor = index.at(ancestor).parent) {
        const bool container = isArticleContainer(index.at(ancestor));
        for (int child = ancestor + 1; child < index.at(ancestor).end; child = index.at(child).end) {
            if (index.contains(child, body) || keep.contains(child) || index.at(child).setAside)
                continue;
            if (index.contains(child, headline) || (child > headline && child < body) ||
                (container && child < headline && index.at(child).text <= 120))
                keep.append(child);
        }
        if (index.contains(ancestor, headline))
            break;
    }
    std::sort(keep.begin(), keep.end());
}

} // namespace

ArticleMap findArticle(xmlNode *root, const PageHints &hints) {
    PageIndex index(root);
    QList<int> content;
    for (const bool strip : {true, false}) {
        Search search(index, strip);
        content = search.run();
        if (!content.isEmpty())
            break;
    }
    index.count(std::vector<bool>(size_t(index.size()), false));
    ArticleMap map;
    if (content.isEmpty()) {
        markPageNoise(index, map, findHeadline(index, hints.headline, {}), {}, {}, hints);
        return map;
    }
    const int headline = findHeadline(index, hints.headline, content);
    QList<int> keep = content;
    keepHead(index, headline, keep);
    map.found = true;
    for (const int i : std::as_const(keep)) {
        map.keep.insert(index.at(i).node);
        for (int a = index.at(i).parent; a >= 0 && !map.keepAncestors.contains(index.at(a).node);
             a = index.at(a).parent)
            map.keepAncestors.insert(index.at(a).node);
    }
    markPageNoise(index, map, headline, keep, content, hints);
    return map;
}

} // namespace galley
