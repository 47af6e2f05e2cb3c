#pragma once

#include "articlefinder.h"
#include "htmlstyles.h"
#include "segment.h"

#include <QList>
#include <QSet>
#include <QString>

#include <libxml/tree.h>

#include <optional>

namespace galley {

/// How to read a page's tree.
struct WalkOptions {
    /// A word-processor document or a pasted fragment rather than a web page: every picture in it is
    /// an image entry, a table is a table whatever its shape, Docs' "title" class is the headline.
    bool document = false;
    /// What the article finder decided (web pages only); null reads everything that is not chrome.
    const ArticleMap *article = nullptr;
    /// Docs export list classes whose items are numbered (htmlstyles::numberedDocsLists()).
    QSet<QString> numberedDocsLists;
    /// Documents only: simple class rules of the style sheets (htmlstyles::classRules()), applied
    /// before an element's own style attribute.
    QHash<QString, QString> classRules;
    /// Web pages: the file name of the lead picture the page's metadata names; the page's own <img>
    /// of it is that picture (its alt text is kept), not a stray picture to report.
    QString leadPictureFile;
    /// Web pages: the page's address (PageMetadata::baseUrl) its relative links are resolved against.
    QString baseUrl;
    /// False for a paste into the body, which holds no pictures: every <img> is skipped where it
    /// stands, as if it were not there (the text around it stays one paragraph).
    bool keepPictures = true;
};

/// Turns a parsed page into segments, without recursion: block elements end a segment; headings,
/// captions, decks, list items (with level and numbering), block quotes, tables (rows of styled
/// cells), section breaks and pictures get their kind or role; inline tags and CSS give bold,
/// italic, strike-through, superscript, subscript and links. What it drops or reshapes goes into
/// the segments' notes. Internal to the importer.
class HtmlWalker final {
public:
    explicit HtmlWalker(WalkOptions options);
    Q_DISABLE_COPY_MOVE(HtmlWalker)

    /// Reads @p root (the html element) and everything after it at its level.
    void walk(xmlNode *root);
    /// The segments read, with notes made outside any text attached to the last one.
    QList<Segment> finish();
    /// Why the page cannot be imported (more table cells than MaxTableCells), or empty.
    QString refusal() const { return m_refusal; }
    /// The alt text of the page's <img> of WalkOptions::leadPictureFile, if it has one.
    QString leadPictureAlt() const { return m_leadAlt; }

private:
    /// What holds at a point of the walk; saved when entering an element and restored on leaving it.
    struct State {
        std::optional<SegmentRole> role;
        BlockKind kind = BlockKind::Paragraph;
        int listGroup = 0;
        int listLevel = 0;
        int listDepth = 0;
        BlockKind listKind = BlockKind::BulletList;
        int docsLevel = -1;
        bool chrome = false;
        bool inKeep = false;
        bool inFigure = false;
        bool inCell = false;
        bool credit = false;
        bool bylineTitle = false; ///< inside a byline's job-title part
        bool pullQuote = false;   ///< inside Galley's own pull quote (aside.pull-quote)
        bool pullQuoteCite = false; ///< inside its <cite>: the speaker, not quote text
        QString wordList;         ///< the Word list ("l0") a list paragraph belongs to
        QString docsList;         ///< the Docs export list ("kix_abc") a list belongs to
        htmlstyles::InlineStyle style;
        QString href;
    };
    /// What leaving an element ends.
    enum class FrameKind { Inline, Block, Part, Table, Row, Cell };
    struct Frame {
        xmlNode *node = nullptr;
        State saved;
        FrameKind kind = FrameKind::Inline;
        qsizetype figureStart = -1;
    };
    struct Picture {
        QByteArray data;
        QString mime;
        QString file;
        QString alt;
        QString refused;
        QString href; ///< a web address the picture is offered at (never fetched)
        int width = 0;
        int height = 0;
        int line = 0;
    };
    struct TableBuilder {
        xmlNode *node = nullptr;
        QList<TableRow> rows;
        QList<bool> headerCells; ///< per row: every cell a th, or the row in thead / Word's header row
        TableRow row;
        bool rowHeader = true;
        bool rowMarkedHeader = false;
        InlineText cell;
        int line = 0;
        bool widthNoted = false; ///< cells past MaxTableColumns were reported
    };

    bool enter(xmlNode *node);
    void leave(xmlNode *node);
    bool element(xmlNode *node, const QString &name);
    bool blockElement(xmlNode *node, const QString &name, const htmlstyles::Declarations &css,
                      const std::optional<htmlstyles::WordList> &word, Frame &frame);
    void applyKeep(xmlNode *node);
    void enterList(xmlNode *node);
    void enterListItem(xmlNode *node, const htmlstyles::Declarations &css);
    void enterWordList(const htmlstyles::WordList &list);
    void text(xmlNode *node);
    void comment(xmlNode *node);
    void link(xmlNode *node);
    void flush();
    void emit(Segment segment);
    void addNote(ImportChangeKind kind, const QString &original, const QString &result, const QString &note,
                 int line);
    int lineOf(const xmlNode *node) const;
    QString styleFor(xmlNode *node) const;
    bool chromeHere() const;

    // Pictures (htmlpictures.cpp).
    void picture(xmlNode *node);
    void loosePicture(xmlNode *node);
    void takePicture(Segment &segment);
    void placePicture(qsizetype figureStart, int line);
    void emitVmlPicture();
    Picture readPicture(const QString &src, const QString &alt) const;
    void pictureSize(xmlNode *node, Picture &picture) const;

    // Tables (htmltables.cpp).
    bool isDataTable(xmlNode *node) const;
    void startTable(xmlNode *node);
    bool tableElement(xmlNode *node, const QString &name);
    void endCell();
    void endRow();
    void finishTable();
    void preformatted(xmlNode *node);
    void tableCaption(xmlNode *node);
    void verbatim(const QString &text, int line, const QString &original, const QString &why);

    WalkOptions m_options;
    QList<Segment> m_out;
    QList<Frame> m_stack;
    State m_state;
    InlineText m_current;
    int m_currentLine = 0;
    bool m_currentChrome = false;
    QString m_creditText;
    QString m_figureCredit; ///< a figure's or picture's data-credit: the credit when no element gives one
    QString m_bylineTitleText;
    QString m_pullQuoteCite; ///< the speaker of the pull quote being read
    QList<ReaderNote> m_notes;
    int m_listCounter = 0;
    QString m_lastDocsList; ///< the Docs export list the last segment belongs to
    QString m_lastWordList; ///< the Word list the last segment belongs to
    bool m_headlineSeen = false;
    std::optional<Picture> m_picture;
    std::optional<Picture> m_vml; ///< a VML picture (in a conditional comment) waiting for its fallback
    QList<TableBuilder> m_tables;
    QSet<const xmlNode *> m_headerHeadlines;
    QString m_leadAlt;
    qsizetype m_tableCells = 0;
    QString m_refusal;
};

} // namespace galley
