#include "storyeditor.h"

#include "bodyeditor.h"
#include "editing/documentconverter.h"
#include "find/findbar.h"
#include "imagepanel.h"
#include "notes/notespanel.h"
#include "pullquotepanel.h"
#include "quotetyping.h"
#include "storyform.h"

#include <QAbstractButton>
#include <QAbstractSpinBox>
#include <QComboBox>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QTabBar>
#include <QTabWidget>
#include <QTextBlock>
#include <QTextDocument>
#include <QTimer>
#include <QToolBar>
#include <QVBoxLayout>

namespace galley {

namespace {

// Placement menus list every block with its first words; while only text changes they can wait
// until typing pauses.
constexpr int PlacementRefreshDelayMs = 400;

int blockWords(const Block &block) {
    Story one;
    one.body.append(block);
    return one.wordCount();
}

} // namespace

StoryEditor::StoryEditor(QWidget *parent)
    : QWidget(parent)
    , m_form(new StoryForm(this))
    , m_body(new BodyEditor(this))
    , m_quotes(new PullQuotePanel(this))
    , m_images(new ImagePanel(this))
    , m_metadata(nullptr)
    , m_notes(nullptr)
    , m_embargo(nullptr)
    , m_tabs(new QTabWidget(this))
    , m_placementRefresh(new QTimer(this)) {
    setObjectName(u"storyEditor"_qs);
    auto *bodyPage = new QWidget(m_tabs);
    auto *bodyLayout = new QVBoxLayout(bodyPage);
    bodyLayout->setContentsMargins(0, 4, 0, 0);
    bodyLayout->setSpacing(2);
    bodyLayout->addWidget(m_body->createToolBar(bodyPage));
    bodyLayout->addWidget(m_body, 1);

    // On a small screen the form scrolls away (MainWindow) rather than the body shrinking to a line.
    m_body->setMinimumHeight(160);
    m_tabs->setObjectName(u"storyTabs"_qs);
    m_tabs->setDocumentMode(true);
    m_tabs->addTab(bodyPage, tr("Body"));
    m_tabs->addTab(m_quotes, tr("Pull quotes"));
    m_tabs->addTab(m_images, tr("Pictures"));

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 12, 12, 8);
    layout->setSpacing(10);
    layout->addWidget(m_form);
    m_findBar = new FindBar(this, m_tabs, this);
    addActions(m_findBar->actions()); // Ctrl+F, Ctrl+H, F3 wherever the focus is in the window
    layout->addWidget(m_findBar);
    layout->addWidget(m_tabs, 1);
    addMetadataAndNotes();

    connect(m_form, &StoryForm::edited, this, &StoryEditor::onFormEdited);
    connect(m_body->document(), &QTextDocument::contentsChange, this, &StoryEditor::onContentsChange);
    connect(m_body, &QTextEdit::textChanged, this, &StoryEditor::onBodyChanged);
    m_placementRefresh->setSingleShot(true);
    m_placementRefresh->setInterval(PlacementRefreshDelayMs);
    connect(m_placementRefresh, &QTimer::timeout, this, &StoryEditor::refreshPlacements);
    connect(m_tabs, &QTabWidget::currentChanged, this, &StoryEditor::flushPlacements);
    connect(m_quotes, &PullQuotePanel::quotesChanged, this, &StoryEditor::onQuotesChanged);
    connect(m_images, &ImagePanel::imagesChanged, this, &StoryEditor::onImagesChanged);
    connect(m_body, &BodyEditor::filesDropped, this, [this](const QStringList &paths) {
        m_tabs->setCurrentWidget(m_images);
        m_images->addFiles(paths);
    });
    // Curly quotes as you type in every text field of the story, rows added later included.
    new QuoteTyping(this);
    setEnabled(false);
}

void StoryEditor::setSlugChecker(std::function<bool(const QString &)> isTaken) {
    m_form->setSlugChecker(std::move(isTaken));
}

void StoryEditor::setSections(const QStringList &sections) {
    m_form->setSections(sections);
}

void StoryEditor::setStory(const Story &story) {
    m_loading = true;
    m_story = story;
    m_form->setStory(story);
    m_body->setBody(story.body);
    // The document may settle ids differently from a stored body that had duplicates.
    m_story.replaceBody(m_body->body());
    m_quotes->setQuotes(m_story.pullQuotes, m_story.body);
    m_images->setImages(m_story.images, m_story.body);
    showMetadataAndNotes();
    m_placementRefresh->stop();
    indexBody();
    updateTabTitles();
    setEnabled(true);
    applyReadOnly();
    m_loading = false;
}

void StoryEditor::setReadOnly(bool readOnly) {
    if (readOnly == m_readOnly)
        return;
    m_readOnly = readOnly;
    applyReadOnly();
}

void StoryEditor::applyReadOnly() {
    // Text fields stay readable and selectable (read-only); buttons and menus that change the
    // story are turned off. Each widget remembers its own state from before, so leaving read-only
    // gives back exactly that (a field read-only by design stays so).
    static const char before[] = "galleyStateBeforeReadOnly";
    QList<QWidget *> widgets = findChildren<QWidget *>();
    if (m_notes) // lives in the window's Notes dock
        widgets += m_notes->findChildren<QWidget *>();
    for (QWidget *widget : std::as_const(widgets)) {
        auto *line = qobject_cast<QLineEdit *>(widget);
        auto *text = qobject_cast<QTextEdit *>(widget);
        auto *plain = qobject_cast<QPlainTextEdit *>(widget);
        auto *spin = qobject_cast<QAbstractSpinBox *>(widget);
        const bool isField = line || text || plain || spin;
        const bool isControl = !isField && (qobject_cast<QComboBox *>(widget) || qobject_cast<QAbstractButton *>(widget)) &&
                               !qobject_cast<QTabBar *>(widget->parentWidget()); // not the tab bar's scroll arrows
        if (!isField && !isControl)
            continue;
        const QVariant saved = widget->property(before);
        const auto setState = [&](bool on) {
            if (line)
                line->setReadOnly(on);
            else if (text)
                text->setReadOnly(on);
            else if (plain)
                plain->setReadOnly(on);
            else if (spin)
                spin->setReadOnly(on);
            else
                widget->setEnabled(!on);
        };
        const auto state = [&] {
            if (line)
                return line->isReadOnly();
            if (text)
                return text->isReadOnly();
            if (plain)
                return plain->isReadOnly();
            if (spin)
                return spin->isReadOnly();
            return !widget->isEnabled();
        };
        if (m_readOnly && !saved.isValid()) {
            widget->setProperty(before, state());
            setState(true);
        } else if (!m_readOnly && saved.isValid()) {
            setState(saved.toBool());
            widget->setProperty(before, QVariant());
        }
    }
}

void StoryEditor::markSaved(const Story &saved) {
    m_story.slug = saved.slug;
    m_story.updated = saved.updated;
    m_story.created = saved.created;
    m_form->showSavedSlug(saved.slug);
}

void StoryEditor::onFormEdited() {
    if (m_loading)
        return;
    m_form->applyTo(m_story);
    Q_EMIT edited();
}

void StoryEditor::onContentsChange(int position, int removed, int added) {
    Q_UNUSED(removed);
    if (m_loading)
        return;
    m_changeStart = position;
    m_changeEnd = position + added;
    ++m_changes;
}

void StoryEditor::onBodyChanged() {
    if (m_loading)
        return;
    if (!syncEditedBlock())
        syncWholeBody();
    m_changes = 0;
}

bool StoryEditor::syncEditedBlock() {
    QTextDocument *document = m_body->document();
    if (m_changes != 1 || document->blockCount() != m_textBlockCount)
        return false;
    const QTextBlock textBlock = document->findBlock(m_changeStart);
    const QTextBlock endBlock = document->findBlock(m_changeEnd);
    std::optional<Block> block;
    if (textBlock == endBlock)
        block = readSingleBlock(textBlock);
    // Typing in a table cell re-reads that table alone.
    if (!block && blockIdAt(textBlock) == blockIdAt(endBlock))
        block = readTableAt(textBlock);
    if (!block || block->id.isEmpty())
        return false;
    const qsizetype index = m_blockIndex.value(block->id, -1);
    if (index < 0 || index >= m_story.body.size() || m_story.body.at(index).id != block->id)
        return false;
    const Block &old = m_story.body.at(index);
    // A list item or quoted line that left its group shares the group's id; the group changes too.
    if (old.kind != block->kind ||
        (old.kind != BlockKind::Paragraph && old.kind != BlockKind::Subhead && old.kind != BlockKind::Table))
        return false;
    if (old == *block)
        return true;
    m_wordCount += blockWords(*block) - blockWords(old);
    m_story.body[index] = *block;
    m_placementRefresh->start();
    Q_EMIT edited();
    return true;
}

void StoryEditor::syncWholeBody() {
    // documentToBlocks() may write fresh ids back, which signals textChanged again.
    m_loading = true;
    const QList<Block> blocks = m_body->body();
    m_loading = false;
    m_textBlockCount = m_body->document()->blockCount();
    if (blocks == m_story.body)
        return;
    m_story.replaceBody(blocks);
    refreshPlacements();
    indexBody();
    Q_EMIT edited();
}

void StoryEditor::indexBody() {
    m_blockIndex.clear();
    m_blockIndex.reserve(m_story.body.size());
    for (qsizetype i = 0; i < m_story.body.size(); ++i)
        m_blockIndex.insert(m_story.body.at(i).id, i);
    m_wordCount = m_story.wordCount();
    m_textBlockCount = m_body->document()->blockCount();
    m_changes = 0;
}

QString StoryEditor::currentBlockId() const {
    return blockIdAt(m_body->textCursor().block());
}

bool StoryEditor::revealBlock(const QString &blockId) {
    if (blockId.isEmpty())
        return false;
    const QTextDocument *document = m_body->document();
    for (QTextBlock block = document->begin(); block.isValid(); block = block.next()) {
        if (blockIdAt(block) != blockId)
            continue;
        m_tabs->setCurrentIndex(0);
        QTextCursor cursor(block);
        m_body->setTextCursor(cursor);
        m_body->ensureCursorVisible();
        m_body->setFocus(Qt::OtherFocusReason);
        return true;
    }
    return false;
}

void StoryEditor::refreshPlacements() {
    m_placementRefresh->stop();
    m_quotes->updatePlacements(m_story.pullQuotes, m_story.body);
    m_images->updatePlacements(m_story.images, m_story.body);
}

void StoryEditor::flushPlacements() {
    if (m_placementRefresh->isActive())
        refreshPlacements();
}

void StoryEditor::onQuotesChanged() {
    m_story.pullQuotes = m_quotes->quotes();
    flushPlacements();
    updateTabTitles();
    Q_EMIT edited();
}

void StoryEditor::onImagesChanged() {
    m_story.images = m_images->images();
    flushPlacements();
    updateTabTitles();
    Q_EMIT edited();
}

void StoryEditor::updateTabTitles() {
    const auto title = [](const QString &name, qsizetype count) {
        return count == 0 ? name : u"%1 (%2)"_qs.arg(name).arg(count);
    };
    m_tabs->setTabText(m_tabs->indexOf(m_quotes), title(tr("Pull quotes"), m_story.pullQuotes.size()));
    m_tabs->setTabText(m_tabs->indexOf(m_images), title(tr("Pictures"), m_story.images.size()));
    Q_EMIT notesTitleChanged(title(tr("Notes"), m_story.notes.size()));
}

} // namespace galley
