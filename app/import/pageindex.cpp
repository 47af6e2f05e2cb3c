#include "pageindex.h"

#include "htmlnodes.h"

#include <QRegularExpression>

namespace galley::pageindex {

using namespace htmlnodes;

namespace {

int visibleLength(const QString &text, int *commas) {
    int length = 0;
    bool space = true;
    for (const QChar c : text) {
        if (c.isSpace()) {
            if (!space)
                ++length;
            space = true;
        } else {
            ++length;
            space = false;
            if (c == u',' || c == u'\uFF0C' || c == u'\u060C' || c == u'\u3001')
                ++*commas;
        }
    }
    return space && length > 0 ? length - 1 : length;
}

bool isHidden(xmlNode *node) {
    if (xmlHasProp(node, reinterpret_cast<const xmlChar *>("hidden")))
        return true;
    if (attribute(node, "aria-hidden").trimmed().toLower() == u"true")
        return true;
    const QString style = styleOf(node);
    return style.contains(u"display:none"_qs) || style.contains(u"visibility:hidden"_qs);
}

bool isChromeRole(const QString &role) {
    static const QStringList roles = {u"navigation"_qs, u"complementary"_qs, u"banner"_qs, u"contentinfo"_qs,
                                      u"menu"_qs,       u"menubar"_qs,       u"alert"_qs,  u"alertdialog"_qs,
                                      u"dialog"_qs,     u"search"_qs};
    return roles.contains(role.trimmed().toLower());
}

} // namespace

int classWeight(const QString &className, const QString &id) {
    static const QRegularExpression positive(
        uR"(article|body|content|entry|hentry|h-entry|main|page|pagination|post|text|blog|story)"_qs,
        QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression negative(
        uR"(-ad-|hidden|^hid$| hid$| hid |^hid |banner|combx|comment|com-|contact|footer|gdpr|masthead|media|meta|outbrain|promo|related|scroll|share|shoutbox|sidebar|skyscraper|sponsor|shopping|tags|widget)"_qs,
        QRegularExpression::CaseInsensitiveOption);
    int weight = 0;
    for (const QString *hint : {&className, &id}) {
        if (hint->isEmpty())
            continue;
        if (negative.match(*hint).hasMatch())
            weight -= 25;
        if (positive.match(*hint).hasMatch())
            weight += 25;
    }
    return weight;
}

bool isUnlikely(const QString &hints) {
    static const QRegularExpression unlikely(
        uR"(-ad-|ai2html|banner|breadcrumbs|combx|comment|community|cover-wrap|disqus|extra|footer|gdpr|header|legends|menu|related|remark|replies|rss|shoutbox|sidebar|skyscraper|social|sponsor|supplemental|ad-break|agegate|pagination|pager|popup|yom-remote)"_qs);
    static const QRegularExpression maybe(uR"(and|article|body|column|content|main|mathjax|shadow)"_qs);
    return !hints.isEmpty() && unlikely.match(hints).hasMatch() && !maybe.match(hints).hasMatch();
}

bool isBlockForParagraph(const QString &name) {
    static const QStringList blocks = {
        u"blockquote"_qs, u"dl"_qs, u"div"_qs,    u"img"_qs,    u"ol"_qs,      u"p"_qs,       u"pre"_qs,
        u"table"_qs,      u"ul"_qs, u"select"_qs, u"figure"_qs, u"section"_qs, u"article"_qs, u"h1"_qs,
        u"h2"_qs,         u"h3"_qs, u"h4"_qs,     u"h5"_qs,     u"h6"_qs};
    return blocks.contains(name);
}

PageIndex::PageIndex(xmlNode *root) {
    QList<int> open;
    traverse(
        root,
        [&](xmlNode *node) {
            if (node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE) {
                if (!open.isEmpty()) {
                    Element &owner = m_elements[size_t(open.last())];
                    owner.ownText += visibleLength(nodeText(node), &owner.ownCommas);
                }
                return false;
            }
            if (node->type != XML_ELEMENT_NODE)
                return false;
            Element element;
            element.node = node;
            element.parent = open.isEmpty() ? -1 : open.last();
            element.name = nameOf(node);
            const QString className = attribute(node, "class");
            const QString id = attribute(node, "id");
            element.hints = QString(className % u' ' % id).trimmed().toLower();
            element.weight = classWeight(className, id);
            const bool parentAside = element.parent >= 0 && m_elements[size_t(element.parent)].setAside;
            element.setAside = parentAside || skippedElements().contains(element.name) ||
                               chromeElements().contains(element.name) ||
                               isChromeRole(attribute(node, "role")) || isHidden(node);
            element.unlikely = element.name != u"body" && element.name != u"a" && isUnlikely(element.hints);
            if (element.name == u"body" && m_body == 0)
                m_body = int(m_elements.size());
            node->_private = reinterpret_cast<void *>(quintptr(m_elements.size() + 1));
            open.append(int(m_elements.size()));
            m_elements.push_back(element);
            m_hashLink.push_back(element.name == u"a" && attribute(node, "href").trimmed().startsWith(u'#'));
            return true;
        },
        [&](xmlNode *node) {
            if (node->type == XML_ELEMENT_NODE && !open.isEmpty()) {
                m_elements[size_t(open.last())].end = int(m_elements.size());
                open.removeLast();
            }
        });
    // A <header> without the headline is the site's masthead; one around the h1 is the article's.
    std::vector<bool> holdsH1(m_elements.size(), false);
    for (int i = size() - 1; i >= 0; --i) {
        const Element &element = m_elements[size_t(i)];
        if (element.name == u"h1")
            holdsH1[size_t(i)] = true;
        if (holdsH1[size_t(i)] && element.parent >= 0)
            holdsH1[size_t(element.parent)] = true;
    }
    for (int i = 0; i < size(); ++i) {
        Element &element = m_elements[size_t(i)];
        if (element.name == u"header" && !holdsH1[size_t(i)])
            element.setAside = true;
        if (element.parent >= 0 && m_elements[size_t(element.parent)].setAside)
            element.setAside = true;
    }
    count(std::vector<bool>(m_elements.size(), false));
}

int PageIndex::indexOf(const xmlNode *node) const {
    if (!node || node->type != XML_ELEMENT_NODE || !node->_private)
        return -1;
    const auto index = int(reinterpret_cast<quintptr>(node->_private)) - 1;
    return index >= 0 && index < size() && m_elements[size_t(index)].node == node ? index : -1;
}

void PageIndex::count(const std::vector<bool> &excluded) {
    for (Element &element : m_elements) {
        element.text = element.ownText;
        element.commas = element.ownCommas;
        element.linkText = 0;
        element.paragraphs = element.images = element.listItems = element.inputs = element.embeds = 0;
        element.headingText = 0;
        element.blockInside = false;
    }
    // Children follow their parent in document order: going backwards, a subtree is complete before
    // its element is added to its parent.
    for (int i = size() - 1; i >= 0; --i) {
        Element &element = m_elements[size_t(i)];
        if (element.parent < 0)
            continue;
        Element &parent = m_elements[size_t(element.parent)];
        const QString &name = element.name;
        if (excluded[size_t(i)]) {
            if (name == u"iframe" || name == u"embed" || name == u"object")
                ++parent.embeds;
            else if (name == u"input")
                ++parent.inputs;
            continue;
        }
        parent.text += element.text;
        parent.commas += element.commas;
        parent.linkText +=
            name == u"a" ? int(element.text * (m_hashLink[size_t(i)] ? 0.3 : 1.0)) : element.linkText;
        parent.paragraphs += element.paragraphs + (name == u"p");
        parent.images += element.images + (name == u"img");
        parent.listItems += element.listItems + (name == u"li");
        parent.inputs += element.inputs;
        parent.embeds += element.embeds;
        const bool heading = name.size() == 2 && name.front() == u'h' && name.back().isDigit();
        parent.headingText += heading ? element.text : element.headingText;
        parent.blockInside = parent.blockInside || element.blockInside || isBlockForParagraph(name);
    }
}

double PageIndex::linkDensity(int i) const {
    const Element &element = at(i);
    return element.text > 0 ? std::min(1.0, double(element.linkText) / double(element.text)) : 0.0;
}

} // namespace galley::pageindex
