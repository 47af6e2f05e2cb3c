#include "htmlwalker.h"

#include "acceptance.h"
#include "htmldocument.h"
#include "htmlnodes.h"
#include "readers.h"

#include <QRegularExpression>
#include <QUrl>

namespace galley {

using namespace htmlnodes;

namespace {

bool isNamed(const QString &name, std::initializer_list<const char16_t *> names) {
    for (const char16_t *n : names)
        if (name == QStringView(n))
            return true;
    return false;
}

bool hasClassToken(const QString &className, QStringView token) {
    for (const QStringView part : QStringView(className).split(u' ', Qt::SkipEmptyParts))
        if (part.compare(token, Qt::CaseInsensitive) == 0)
            return true;
    return false;
}

/// Headers that hold an h1, found in one pass: a page's <header> around the headline is the
/// article's, any other <header> is the site's masthead and menus.
QSet<const xmlNode *> headersWithHeadline(xmlNode *root) {
    QSet<const xmlNode *> out;
    QList<const xmlNode *> open;
    traverse(
        root,
        [&](xmlNode *node) {
            if (node->type != XML_ELEMENT_NODE && node->type != XML_HTML_DOCUMENT_NODE &&
                node->type != XML_DOCUMENT_NODE)
                return false;
            if (isElement(node, "header"))
                open.append(node);
            if (isElement(node, "h1"))
                // Headers opened later sit on top; once one is marked, all below it are too.
                for (auto it = open.crbegin(); it != open.crend() && !out.contains(*it); ++it)
                    out.insert(*it);
            return true;
        },
        [&](xmlNode *node) {
            if (!open.isEmpty() && open.last() == node)
                open.removeLast();
        });
    return out;
}

/// Class names and roles that mark a credit inside a figure.
bool isCreditElement(xmlNode *node, const QString &name, bool inCaption) {
    if (inCaption && name == u"small")
        return true;
    static const QRegularExpression credit(
        uR"((^|[\s_-])(credit|credits|copyright|photographer|byline|source|courtesy)($|[\s_-]))"_qs,
        QRegularExpression::CaseInsensitiveOption);
    const QString hints = classAndId(node) % u' ' % attribute(node, "itemprop");
    return credit.match(hints).hasMatch() && !hints.contains(u"caption"_qs);
}

/// "Photo: Ines Marlo / Example Wire" -> "Ines Marlo / Example Wire".
QString cleanCredit(const QString &raw) {
    static const QRegularExpression label(
        uR"(^(?:photo(?:graph)?|picture|image|credit|foto|source|illustration|video)s?\s*(?:credit)?\s*[:,]\s*)"_qs,
        QRegularExpression::CaseInsensitiveOption);
    QString credit = raw.simplified();
    credit.remove(label);
    while (credit.startsWith(u'(') && credit.endsWith(u')'))
        credit = credit.mid(1, credit.size() - 2).trimmed();
    return credit;
}

/// The job-title part of a byline ("<span class="byline__title">Coastal reporter</span>").
bool isBylineTitle(xmlNode *node) {
    static const QRegularExpression title(
        uR"((^|[\s_-])(title|role|job|position|jobtitle|description)($|[\s_-]))"_qs);
    return title.match(classAndId(node)).hasMatch() || attribute(node, "itemprop") == u"jobTitle";
}

/// A credit written at the end of a caption without markup ("… Photograph: Ines Marlo/Example
/// Wire"), moved from @p caption to @p credit.
void splitCredit(InlineText &caption, QString &credit) {
    static const QRegularExpression label(
        uR"(\s*(?:Photograph|Photo|Picture|Image|Illustration|Credit|Foto)s?\s*:\s*([^:]{2,80})$)"_qs);
    const QString text = caption.plainText();
    const auto match = label.match(text);
    if (!match.hasMatch() || match.capturedStart() < 10)
        return;
    credit = match.captured(1).trimmed();
    // Cut the runs at the label's start.
    qsizetype keep = match.capturedStart();
    InlineText kept;
    for (const InlineRun &run : std::as_const(caption.runs)) {
        if (keep <= 0)
            break;
        InlineRun part = run;
        part.text = run.text.left(keep);
        keep -= run.text.size();
        kept.runs.append(part);
    }
    caption = collapseWhitespace(kept);
}

/// A span in a caption that says what it is: "<span>Photo: Ines Marlo</span>".
bool isLabelledCredit(xmlNode *node) {
    QString text;
    for (const xmlNode *child = node->children; child; child = child->next) {
        if (child->type != XML_TEXT_NODE)
            return false;
        text += nodeText(child);
    }
    static const QRegularExpression label(
        uR"(^\s*(?:Photograph|Photo|Picture|Image|Illustration|Credit|Foto)s?\s*:\s*\S)"_qs);
    return label.match(text).hasMatch();
}

/// A short label only screen readers get ("Image caption, ", "Media caption,").
bool isScreenReaderLabel(xmlNode *node) {
    static const QRegularExpression hidden(uR"(visually-hidden|sr-only|screen-reader|off-?screen|a11y)"_qs);
    // A label is a leaf: its own text, no elements inside (checked first, so nesting costs nothing).
    for (const xmlNode *child = node->children; child; child = child->next)
        if (child->type != XML_TEXT_NODE)
            return false;
    if (!node->children || !hidden.match(classAndId(node)).hasMatch())
        return false;
    const QString text = textOf(node);
    return text.size() <= 40 && (text.endsWith(u',') || text.endsWith(u':'));
}

} // namespace

HtmlWalker::HtmlWalker(WalkOptions options)
    : m_options(std::move(options)) {
    m_state.inKeep = !m_options.article || !m_options.article->found;
}

void HtmlWalker::walk(xmlNode *root) {
    m_headerHeadlines = headersWithHeadline(root);
    traverse(
        root, [this](xmlNode *node) { return enter(node); }, [this](xmlNode *node) { leave(node); });
}

int HtmlWalker::lineOf(const xmlNode *node) const {
    return int(xmlGetLineNo(node));
}

QString HtmlWalker::styleFor(xmlNode *node) const {
    const QString style = attribute(node, "style");
    if (m_options.classRules.isEmpty())
        return style;
    QString out;
    for (const QString &name : attribute(node, "class").split(u' ', Qt::SkipEmptyParts))
        out += m_options.classRules.value(name);
    return out.isEmpty() ? style : out % u';' % style;
}

bool HtmlWalker::chromeHere() const {
    return m_state.chrome || !m_state.inKeep;
}

void HtmlWalker::addNote(ImportChangeKind kind, const QString &original, const QString &result,
                         const QString &note, int line) {
    m_notes.append(ReaderNote{kind, original, result, note, line});
}

bool HtmlWalker::enter(xmlNode *node) {
    switch (node->type) {
    case XML_TEXT_NODE:
    case XML_CDATA_SECTION_NODE:
        text(node);
        return false;
    case XML_COMMENT_NODE:
        comment(node);
        return false;
    case XML_ELEMENT_NODE:
        return element(node, nameOf(node));
    case XML_HTML_DOCUMENT_NODE:
    case XML_DOCUMENT_NODE:
        m_stack.append(Frame{node, m_state, FrameKind::Part, -1});
        return true;
    default:
        return false;
    }
}

bool HtmlWalker::element(xmlNode *node, const QString &name) {
    const ArticleMap *article = m_options.article;
    if (article && !m_state.chrome && article->noise.contains(node)) {
        const QString text = textOf(node);
        QString original = text.left(300);
        if (original.isEmpty())
            original = attribute(node, "alt").simplified();
        if (original.isEmpty())
            original = attribute(node, "src").section(u'/', -1).section(u'?', 0, 0);
        if (original.isEmpty())
            original = u'<' % name % u'>';
        if (!m_state.inCell && blockElements().contains(name))
            flush();
        addNote(ImportChangeKind::RemovedElement, original, {}, article->noise.value(node), lineOf(node));
        return false;
    }
    if (skippedElements().contains(name)) {
        // Embedded media are part of the story a reader saw: say they were left out.
        if (!chromeHere() && isNamed(name, {u"iframe", u"video", u"audio", u"object", u"embed"})) {
            QString source = attribute(node, "src");
            if (source.isEmpty())
                source = attribute(node, "data");
            const QString title = attribute(node, "title");
            addNote(ImportChangeKind::RemovedElement,
                    u"<"_qs % name % u'>' % (title.isEmpty() ? QString() : u' ' % title) %
                        (source.isEmpty() ? QString() : u' ' % source.left(200)),
                    {}, u"An embedded %1 cannot be kept in a story; it is left out."_qs.arg(name),
                    lineOf(node));
        }
        return false;
    }
    const htmlstyles::Declarations css(styleFor(node));
    const QString msoList = css.value(u"mso-list");
    if (msoList == u"ignore") {
        // Word's list bullets and numbers are drawn text, not content; a number says the list is numbered.
        if ((m_state.kind == BlockKind::BulletList || m_state.kind == BlockKind::NumberedList) &&
            htmlstyles::isNumberMarker(textOf(node)))
            m_state.kind = BlockKind::NumberedList;
        return false;
    }
    if (isScreenReaderLabel(node)) {
        addNote(ImportChangeKind::RemovedElement, textOf(node), {},
                u"A label meant only for screen readers is left out."_qs, lineOf(node));
        return false;
    }
    if (name == u"br") {
        if (m_state.inCell)
            m_tables.last().cell.runs.append(InlineRun{u" "_qs});
        else
            flush();
        return false;
    }
    if (name == u"hr") {
        if (!m_state.inCell && !chromeHere()) {
            flush();
            Segment rule;
            rule.blockKind = BlockKind::SectionBreak;
            rule.line = lineOf(node);
            emit(rule);
        }
        return false;
    }
    if (name == u"img") {
        if (!m_options.keepPictures)
            return false;
        if (m_state.inFigure && !m_state.inCell)
            picture(node);
        else
            loosePicture(node);
        return false;
    }
    if (!m_tables.isEmpty() && !m_state.inCell &&
        isNamed(name, {u"tr", u"td", u"th", u"thead", u"tbody", u"tfoot", u"caption", u"colgroup", u"col"}))
        return tableElement(node, name);
    if (name == u"table" && !m_state.inCell && isDataTable(node)) {
        flush();
        Frame frame{node, m_state, FrameKind::Table, -1};
        applyKeep(node);
        m_stack.append(frame);
        startTable(node);
        return true;
    }
    if (name == u"pre" && !m_state.inCell) {
        flush();
        preformatted(node);
        return false;
    }
    Frame frame{node, m_state, FrameKind::Inline, -1};
    const auto word = htmlstyles::wordList(css);
    if (blockElements().contains(name) || word) {
        if (m_state.inCell) {
            // Blocks inside a table cell only separate words.
            m_tables.last().cell.runs.append(InlineRun{u" "_qs});
            frame.kind = FrameKind::Part;
            m_stack.append(frame);
            return true;
        }
        frame.kind = FrameKind::Block;
        flush();
        applyKeep(node);
        if (!blockElement(node, name, css, word, frame))
            return false;
        m_stack.append(frame);
        return true;
    }
    // Inline.
    if (m_state.inFigure && isCreditElement(node, name, m_state.role == SegmentRole::Caption))
        m_state.credit = true;
    if (m_state.role == SegmentRole::Byline && isBylineTitle(node))
        m_state.bylineTitle = true;
    if (m_state.role == SegmentRole::Caption && isLabelledCredit(node))
        m_state.credit = true;
    if (m_state.pullQuote && name == u"cite")
        m_state.pullQuoteCite = true;
    m_state.style = htmlstyles::applyInline(m_state.style, name, css, attribute(node, "id"));
    if (name == u"a")
        link(node);
    m_stack.append(frame);
    return true;
}

void HtmlWalker::applyKeep(xmlNode *node) {
    const ArticleMap *article = m_options.article;
    if (!article || !article->found || m_state.inKeep)
        return;
    if (article->keep.contains(node)) {
        m_state.inKeep = true;
        m_state.chrome = false;
    } else if (!article->keepAncestors.contains(node)) {
        m_state.chrome = true;
    }
}

bool HtmlWalker::blockElement(xmlNode *node, const QString &name, const htmlstyles::Declarations &css,
                              const std::optional<htmlstyles::WordList> &word, Frame &frame) {
    const ArticleMap *article = m_options.article;
    const QString className = attribute(node, "class");
    const QString role = attribute(node, "role");
    // Galley's page writes a pull quote as <aside class="pull-quote"><blockquote><p>…</p></blockquote>
    // <cite>…</cite></aside> (ArticleRenderer): story text, not a sidebar.
    const bool pullQuote = name == u"aside" && hasClassToken(className, u"pull-quote");
    if ((chromeElements().contains(name) && !pullQuote) || role == u"navigation" || role == u"contentinfo" ||
        role == u"complementary" || role == u"banner" ||
        (name == u"header" && !m_headerHeadlines.contains(node)))
        m_state.chrome = true;
    const auto markupRole =
        article ? article->roles.constFind(node) : decltype(article->roles.constFind(node))();
    const bool document = m_options.document;
    if (pullQuote) {
        m_state.role = SegmentRole::PullQuote;
        m_state.pullQuote = true;
        m_pullQuoteCite.clear();
    } else if (m_state.pullQuote) {
        // The quote's own blockquote and paragraphs: lines of the pull quote, nothing else.
    } else if (article && markupRole != article->roles.constEnd()) {
        m_state.role = *markupRole;
        if (*markupRole == SegmentRole::Headline)
            m_headlineSeen = true;
    } else if (name == u"h1" || className.contains(u"MsoTitle"_qs) ||
               (document && hasClassToken(className, u"title"))) {
        const bool first = article && article->headline ? node == article->headline : !m_headlineSeen;
        m_state.role = first ? SegmentRole::Headline : SegmentRole::Subhead;
        if (!chromeHere())
            m_headlineSeen = true;
    } else if (name.size() == 2 && name.front() == u'h' && name.back().isDigit()) {
        m_state.role = SegmentRole::Subhead;
    } else if (className.contains(u"MsoSubtitle"_qs) || isDeckClass(className) ||
               (document && hasClassToken(className, u"subtitle"))) {
        m_state.role = SegmentRole::Deck;
    } else if (name == u"figcaption" || (document && className.contains(u"MsoCaption"_qs))) {
        m_state.role = SegmentRole::Caption;
        if (isCreditElement(node, name, false))
            m_state.credit = true;
    } else if (name == u"figure") {
        m_state.inFigure = true;
        m_picture.reset();
        m_creditText.clear();
        m_figureCredit = attribute(node, "data-credit").simplified();
        frame.figureStart = m_out.size();
    } else if (name == u"blockquote" || className.contains(u"MsoQuote"_qs) ||
               className.contains(u"MsoIntenseQuote"_qs)) {
        m_state.kind = BlockKind::BlockQuote;
        // Its paragraphs are lines of one quote (storybuilder joins a group); the next quote is another.
        if (name == u"blockquote")
            m_state.listGroup = ++m_listCounter;
    } else if (name == u"ul" || name == u"ol") {
        enterList(node);
    } else if (name == u"li") {
        enterListItem(node, css);
    } else if (word) {
        enterWordList(*word);
    } else if (className.contains(u"MsoListParagraph"_qs)) {
        // Word list paragraphs without their mso-list style: CxSpMiddle and CxSpLast continue the list.
        if (!className.contains(u"CxSpMiddle"_qs) && !className.contains(u"CxSpLast"_qs))
            ++m_listCounter;
        m_state.kind = BlockKind::BulletList;
        m_state.listGroup = m_listCounter;
        m_state.listLevel = std::max(0, htmlstyles::marginLevel(css));
    } else if (name == u"title") {
        return false;
    } else if (m_state.inFigure && isCreditElement(node, name, m_state.role == SegmentRole::Caption)) {
        m_state.credit = true;
    }
    return true;
}

void HtmlWalker::link(xmlNode *node) {
    QString href = attribute(node, "href");
    if (href.trimmed().isEmpty())
        return; // a bookmark (<a name>, <a id>) is no link
    if (!m_options.baseUrl.isEmpty() && !href.trimmed().startsWith(u'#')) {
        // A page's own relative links ("/transport") lead where they led on the page.
        const QUrl base(m_options.baseUrl);
        const QUrl relative(href.trimmed(), QUrl::TolerantMode);
        if (base.isValid() && (base.scheme() == u"https" || base.scheme() == u"http") &&
            relative.isRelative())
            href = base.resolved(relative).toString();
    }
    const CheckedLink checked = checkLink(href);
    if (!checked.refused.isEmpty())
        addNote(ImportChangeKind::RemovedElement, href, textOf(node),
                checked.refused % u" The words stay, without the link."_qs, lineOf(node));
    if (!checked.unwrappedFrom.isEmpty())
        addNote(ImportChangeKind::UnwrappedLink, checked.unwrappedFrom, checked.href,
                u"The link went through a redirect page; it now points straight at its target."_qs,
                lineOf(node));
    m_state.href = checked.href;
}

void HtmlWalker::leave(xmlNode *node) {
    if (m_stack.isEmpty())
        return;
    const Frame frame = m_stack.takeLast();
    Q_ASSERT(frame.node == node);
    switch (frame.kind) {
    case FrameKind::Inline:
        // Inline elements only end their style; what a block learnt inside them (a list marker's
        // numbering) stays.
        m_state.style = frame.saved.style;
        m_state.href = frame.saved.href;
        m_state.credit = frame.saved.credit;
        m_state.bylineTitle = frame.saved.bylineTitle;
        m_state.pullQuoteCite = frame.saved.pullQuoteCite;
        return;
    case FrameKind::Block:
        flush();
        if (m_state.pullQuote && !frame.saved.pullQuote) {
            // The end of a pull quote: its cite names the speaker of the quote just read.
            const QString cite = std::exchange(m_pullQuoteCite, {}).simplified();
            for (auto it = m_out.rbegin(); it != m_out.rend(); ++it) {
                if (it->markupRole == SegmentRole::PullQuote) {
                    if (it->attribution.isEmpty())
                        it->attribution = cite;
                    break;
                }
            }
        }
        if (frame.figureStart >= 0)
            placePicture(frame.figureStart, lineOf(node));
        break;
    case FrameKind::Part:
        break;
    case FrameKind::Cell:
        endCell();
        break;
    case FrameKind::Row:
        endRow();
        break;
    case FrameKind::Table:
        finishTable();
        break;
    }
    m_state = frame.saved;
}

void HtmlWalker::text(xmlNode *node) {
    const QString content = nodeText(node);
    if (m_state.credit) {
        m_creditText += content;
        return;
    }
    if (m_state.bylineTitle) {
        m_bylineTitleText += content;
        return;
    }
    if (m_state.pullQuoteCite) {
        m_pullQuoteCite += content;
        return;
    }
    const InlineRun run{content,      m_state.style.bold,   m_state.style.italic,
                        m_state.href, m_state.style.strike, m_state.style.baseline};
    if (m_state.inCell) {
        m_tables.last().cell.runs.append(run);
        return;
    }
    if (m_current.runs.isEmpty()) {
        if (content.trimmed().isEmpty())
            return;
        m_currentLine = lineOf(node);
        m_currentChrome = chromeHere();
    }
    m_current.runs.append(run);
}

void HtmlWalker::emit(Segment segment) {
    segment.notes = std::exchange(m_notes, {}) + segment.notes;
    // Site chrome is reported as a whole; what its links did is no news.
    if (segment.markupChrome)
        segment.notes.clear();
    const bool list =
        segment.blockKind == BlockKind::BulletList || segment.blockKind == BlockKind::NumberedList;
    m_lastWordList = list ? m_state.wordList : QString();
    m_lastDocsList = list ? m_state.docsList : QString();
    m_out.append(std::move(segment));
}

void HtmlWalker::flush() {
    InlineText collapsed = collapseWhitespace(m_current);
    m_current = {};
    if (collapsed.isEmpty()) {
        if (!m_notes.isEmpty()) {
            // Everything in it was dropped: the segment only carries the report.
            Segment carrier;
            carrier.line = m_notes.first().line;
            carrier.notes = std::exchange(m_notes, {});
            m_out.append(carrier);
        }
        emitVmlPicture();
        return;
    }
    const auto role = m_state.role;
    if (role && role != SegmentRole::Subhead && role != SegmentRole::Paragraph &&
        role != SegmentRole::PullQuote) {
        // Headline, deck, byline and caption are plain text: struck words cannot stay struck there.
        QStringList struck;
        InlineText kept;
        for (const InlineRun &run : std::as_const(collapsed.runs)) {
            if (run.strike)
                struck << run.text.trimmed();
            else
                kept.runs.append(run);
        }
        if (!struck.isEmpty()) {
            addNote(ImportChangeKind::RemovedElement, struck.join(u' '), {},
                    u"Struck-out words in a headline, deck, byline or caption are left out: the field holds "
                    "plain text."_qs,
                    m_currentLine);
            collapsed = collapseWhitespace(kept);
        }
    }
    Segment segment;
    segment.text = collapsed;
    segment.line = m_currentLine;
    segment.markupRole = m_state.role;
    segment.markupChrome = m_currentChrome;
    const bool list = m_state.kind == BlockKind::BulletList || m_state.kind == BlockKind::NumberedList;
    segment.blockKind = m_state.kind;
    segment.listGroup = m_state.listGroup;
    segment.listLevel = list ? m_state.listLevel : 0;
    if (m_state.role == SegmentRole::Byline)
        segment.bylineTitle = std::exchange(m_bylineTitleText, {}).simplified();
    if (m_state.role == SegmentRole::Caption) {
        if (!m_creditText.trimmed().isEmpty())
            segment.credit = cleanCredit(std::exchange(m_creditText, {}));
        else
            splitCredit(segment.text, segment.credit);
        if (segment.credit.isEmpty())
            segment.credit = std::exchange(m_figureCredit, {});
        if (m_picture) {
            takePicture(segment);
        } else if (m_options.document && !m_out.isEmpty() &&
                   m_out.last().markupRole == SegmentRole::Caption && m_out.last().text.isEmpty() &&
                   m_notes.isEmpty()) {
            // Word's caption paragraph under the picture it describes.
            Segment &picture = m_out.last();
            picture.text = segment.text;
            picture.credit = segment.credit;
            picture.line = segment.line;
            return;
        }
    }
    emit(segment);
    emitVmlPicture();
}

QList<Segment> HtmlWalker::finish() {
    flush();
    if (!m_notes.isEmpty() && !m_out.isEmpty())
        m_out.last().notes.append(std::exchange(m_notes, {}));
    return std::exchange(m_out, {});
}

} // namespace galley
