#include "storyeditor.h"

#include "bodyeditor.h"
#include "imagepanel.h"
#include "pullquotepanel.h"
#include "storyform.h"

#include <QTabWidget>
#include <QToolBar>
#include <QVBoxLayout>

namespace galley {

StoryEditor::StoryEditor(QWidget *parent)
    : QWidget(parent)
    , m_form(new StoryForm(this))
    , m_body(new BodyEditor(this))
    , m_quotes(new PullQuotePanel(this))
    , m_images(new ImagePanel(this))
    , m_tabs(new QTabWidget(this)) {
    setObjectName(u"storyEditor"_qs);
    auto *bodyPage = new QWidget(m_tabs);
    auto *bodyLayout = new QVBoxLayout(bodyPage);
    bodyLayout->setContentsMargins(0, 4, 0, 0);
    bodyLayout->setSpacing(2);
    bodyLayout->addWidget(m_body->createToolBar(bodyPage));
    bodyLayout->addWidget(m_body, 1);

    m_tabs->setObjectName(u"storyTabs"_qs);
    m_tabs->setDocumentMode(true);
    m_tabs->addTab(bodyPage, tr("Body"));
    m_tabs->addTab(m_quotes, tr("Pull quotes"));
    m_tabs->addTab(m_images, tr("Pictures"));

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 12, 12, 8);
    layout->setSpacing(10);
    layout->addWidget(m_form);
    layout->addWidget(m_tabs, 1);

    connect(m_form, &StoryForm::edited, this, &StoryEditor::onFormEdited);
    connect(m_body, &QTextEdit::textChanged, this, &StoryEditor::onBodyChanged);
    connect(m_quotes, &PullQuotePanel::quotesChanged, this, &StoryEditor::onQuotesChanged);
    connect(m_images, &ImagePanel::imagesChanged, this, &StoryEditor::onImagesChanged);
    connect(m_body, &BodyEditor::filesDropped, this, [this](const QStringList &paths) {
        m_tabs->setCurrentWidget(m_images);
        m_images->addFiles(paths);
    });
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
    updateTabTitles();
    setEnabled(true);
    m_loading = false;
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

void StoryEditor::onBodyChanged() {
    if (m_loading)
        return;
    // documentToBlocks() may write fresh ids back, which signals textChanged again.
    m_loading = true;
    const QList<Block> blocks = m_body->body();
    m_loading = false;
    if (blocks == m_story.body)
        return;
    m_story.replaceBody(blocks);
    m_quotes->updatePlacements(m_story.pullQuotes, m_story.body);
    m_images->updatePlacements(m_story.images, m_story.body);
    Q_EMIT edited();
}

void StoryEditor::onQuotesChanged() {
    m_story.pullQuotes = m_quotes->quotes();
    updateTabTitles();
    Q_EMIT edited();
}

void StoryEditor::onImagesChanged() {
    m_story.images = m_images->images();
    updateTabTitles();
    Q_EMIT edited();
}

void StoryEditor::updateTabTitles() {
    const auto title = [](const QString &name, qsizetype count) {
        return count == 0 ? name : u"%1 (%2)"_qs.arg(name).arg(count);
    };
    m_tabs->setTabText(1, title(tr("Pull quotes"), m_story.pullQuotes.size()));
    m_tabs->setTabText(2, title(tr("Pictures"), m_story.images.size()));
}

} // namespace galley
