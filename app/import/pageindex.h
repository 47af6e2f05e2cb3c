#pragma once

#include <QList>
#include <QString>

#include <libxml/tree.h>

#include <vector>

/// Every element of a page in document order with the figures Readability judges by, computed
/// without recursion. Internal to the importer (articlefinder, pagenoise).
namespace galley::pageindex {

struct Element {
    xmlNode *node = nullptr;
    int parent = -1; ///< index of the parent element, -1 for the first
    int end = 0;     ///< one past the index of the last element inside it
    QString name;    ///< lowercase
    QString hints;   ///< class and id, lowercase
    int ownText = 0; ///< visible characters in its own text nodes
    int ownCommas = 0;
    int weight = 0;        ///< classWeight()
    bool setAside = false; ///< chrome, hidden or not text at all (script, nav, display:none...)
    bool unlikely = false; ///< class or id says comment, sidebar, related... (Readability)
    // Totals over the subtree, recomputed by PageIndex::count().
    int text = 0;
    int linkText = 0;
    int commas = 0;
    int paragraphs = 0;
    int images = 0;
    int listItems = 0;
    int inputs = 0;
    int embeds = 0;
    int headingText = 0;
    bool blockInside = false; ///< holds a block (p, div, list, table, img...): not paragraph-like
};

/// A page's elements. Indexes stay valid for the page's life; each element's _private points at
/// its index + 1.
class PageIndex final {
public:
    explicit PageIndex(xmlNode *root);

    const std::vector<Element> &elements() const { return m_elements; }
    const Element &at(int i) const { return m_elements.at(size_t(i)); }
    int size() const { return int(m_elements.size()); }
    /// Index of @p node, -1 for a node that is not an indexed element.
    int indexOf(const xmlNode *node) const;
    /// True when @p inner is @p outer or inside it.
    bool contains(int outer, int inner) const { return inner >= outer && inner < at(outer).end; }
    /// Recomputes the subtree totals with the elements @p excluded marks (and all inside them) left
    /// out, as Readability removes them before scoring.
    void count(const std::vector<bool> &excluded);
    /// Link text over all text, hash links ("#top") counting 0.3 as in Readability.
    double linkDensity(int i) const;
    /// The element's index of the body, or 0.
    int body() const { return m_body; }

private:
    std::vector<Element> m_elements;
    std::vector<bool> m_hashLink;
    int m_body = 0;
};

/// Readability's class weight: +25 for a positive class and id word (article, content, story...),
/// -25 for a negative one (comment, promo, share, sidebar...), each of class and id on its own.
int classWeight(const QString &className, const QString &id);

/// Readability's "unlikely candidate" test on class and id.
bool isUnlikely(const QString &hints);

/// Names of the elements Readability counts as blocks inside a div (DIV_TO_P_ELEMS).
bool isBlockForParagraph(const QString &name);

} // namespace galley::pageindex
