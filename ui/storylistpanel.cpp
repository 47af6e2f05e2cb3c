#include "storylistpanel.h"

#include "icons.h"
#include "import/importsource.h"
#include "storage/storylibrary.h"
#include "storylistdelegate.h"

#include <algorithm>

#include <QComboBox>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QPushButton>
#include <QSignalBlocker>
#include <QScrollBar>
#include <QTimer>
#include <QResizeEvent>
#include <QVBoxLayout>

namespace galley {

namespace {

// Typing in the search field waits this long before asking the library, in milliseconds.
constexpr int SearchDelayMs = 200;

QString metaLine(const StorySummary &summary) {
    QStringList parts;
    if (!summary.section.isEmpty())
        parts.append(summary.section);
    parts.append(statusName(summary.status));
    const QDateTime local = summary.updated.toLocalTime();
    const QString when = local.date() == QDate::currentDate()
                             ? QLocale().toString(local.time(), u"HH:mm"_qs)
                             : QLocale().toString(local.date(), u"d MMM yyyy"_qs);
    parts.append(when);
    return parts.join(u" · "_qs);
}

} // namespace

StoryListPanel::StoryListPanel(StoryLibrary &library, QWidget *parent)
    : QWidget(parent)
    , m_library(library)
    , m_search(new QLineEdit(this))
    , m_status(new QComboBox(this))
    , m_section(new QComboBox(this))
    , m_list(new QListWidget(this))
    , m_duplicate(new QPushButton(themedIcon(u"edit-copy"_qs, u"⧉"_qs), tr("D&uplicate"), this))
    , m_delete(new QPushButton(themedIcon(u"edit-delete"_qs, u"✕"_qs), tr("Delete"), this))
    , m_searchDelay(new QTimer(this)) {
    setObjectName(u"storyListPanel"_qs);
    setAcceptDrops(true);
    m_list->setDragDropMode(QAbstractItemView::NoDragDrop);
    m_search->setObjectName(u"searchEdit"_qs);
    m_search->setPlaceholderText(tr("Search stories"));
    m_search->setClearButtonEnabled(true);
    m_search->addAction(themedIcon(u"edit-find"_qs, u"⌕"_qs), QLineEdit::LeadingPosition);
    m_status->setObjectName(u"statusFilter"_qs);
    m_status->addItem(tr("All statuses"), QString());
    for (StoryStatus status : allStatuses())
        m_status->addItem(statusName(status), statusKey(status));
    m_section->setObjectName(u"sectionFilter"_qs);
    m_list->setObjectName(u"storyList"_qs);
    m_list->setItemDelegate(new StoryListDelegate(m_list));
    m_list->setUniformItemSizes(true);
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);

    auto *newButton = new QPushButton(themedIcon(u"document-new"_qs, u"+"_qs), tr("&New"), this);
    newButton->setObjectName(u"newStoryButton"_qs);
    newButton->setToolTip(tr("Start a new story (Ctrl+N)"));
    m_duplicate->setObjectName(u"duplicateStoryButton"_qs);
    m_duplicate->setToolTip(tr("Save a copy of the selected story as a new draft"));
    m_delete->setObjectName(u"deleteStoryButton"_qs);
    m_delete->setToolTip(tr("Delete the selected story"));

    m_searchDelay->setSingleShot(true);
    m_searchDelay->setInterval(SearchDelayMs);

    auto *filters = new QHBoxLayout;
    filters->addWidget(m_status, 1);
    filters->addWidget(m_section, 1);
    auto *buttons = new QHBoxLayout;
    m_buttonRow = buttons;
    buttons->addWidget(newButton);
    buttons->addWidget(m_duplicate);
    buttons->addWidget(m_delete);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 12, 4, 8);
    layout->addWidget(m_search);
    layout->addLayout(filters);
    layout->addWidget(m_list, 1);
    layout->addLayout(buttons);

    m_search->installEventFilter(this);
    m_list->installEventFilter(this);
    connect(m_search, &QLineEdit::textChanged, m_searchDelay, qOverload<>(&QTimer::start));
    connect(m_searchDelay, &QTimer::timeout, this, &StoryListPanel::reload);
    connect(m_status, &QComboBox::currentIndexChanged, this, &StoryListPanel::reload);
    connect(m_section, &QComboBox::currentIndexChanged, this, &StoryListPanel::reload);
    connect(m_list, &QListWidget::currentRowChanged, this, &StoryListPanel::onCurrentRowChanged);
    m_buttonLabels = {{newButton, newButton->text()}, {m_duplicate, m_duplicate->text()}, {m_delete, m_delete->text()}};
    connect(newButton, &QPushButton::clicked, this, &StoryListPanel::newRequested);
    connect(m_duplicate, &QPushButton::clicked, this, &StoryListPanel::duplicateRequested);
    connect(m_delete, &QPushButton::clicked, this, &StoryListPanel::deleteRequested);
    reloadSections();
}

void StoryListPanel::dragEnterEvent(QDragEnterEvent *event) {
    if (canImportMimeData(event->mimeData()))
        event->acceptProposedAction();
}

void StoryListPanel::dropEvent(QDropEvent *event) {
    event->acceptProposedAction();
    Q_EMIT importDropped(event->mimeData());
}

void StoryListPanel::reloadSections() {
    const QSignalBlocker blocker(m_section);
    const QString current = m_section->currentData().toString();
    m_section->clear();
    m_section->addItem(tr("All sections"), QString());
    for (const QString &section : m_library.sections())
        m_section->addItem(section, section);
    const int index = m_section->findData(current);
    m_section->setCurrentIndex(index < 0 ? 0 : index);
}

void StoryListPanel::reload() {
    reloadSections();
    StoryFilter filter;
    filter.text = m_search->text().trimmed();
    if (const auto status = statusFromString(m_status->currentData().toString()))
        filter.status = status;
    filter.section = m_section->currentData().toString();
    // Best matches first when searching; a cap keeps a 100,000-story library as quick as a small one.
    filter.order = StoryOrder::Relevance;
    filter.limit = MaxListedStories + 1;
    QString error;
    QList<StorySummary> stories = m_library.list(filter, &error);
    const bool more = stories.size() > MaxListedStories;
    if (more)
        stories.removeLast();

    m_quiet = true;
    m_list->clear();
    const bool filtered = !filter.text.isEmpty() || filter.status || !filter.section.isEmpty();
    const bool openListed = std::any_of(stories.cbegin(), stories.cend(),
                                        [this](const StorySummary &summary) { return summary.id == m_selectedId; });
    if (filtered && !m_selectedId.isEmpty() && !openListed) {
        // Say why the story on screen is missing rather than leave the reader wondering.
        auto *item = new QListWidgetItem(tr("The story you are editing does not match this search or filter."));
        item->setFlags(Qt::NoItemFlags);
        m_list->addItem(item);
    }
    for (const StorySummary &summary : stories) {
        auto *item =
            new QListWidgetItem(summary.headline.isEmpty() ? tr("Untitled story") : summary.headline);
        item->setData(StoryIdRole, summary.id);
        item->setData(StoryMetaRole, metaLine(summary));
        item->setToolTip(summary.headline);
        m_list->addItem(item);
        if (summary.id == m_selectedId)
            m_list->setCurrentItem(item);
    }
    if (more) {
        auto *item = new QListWidgetItem(tr("Only the first %1 stories are listed: search or filter to find others.")
                                             .arg(MaxListedStories));
        item->setFlags(Qt::NoItemFlags);
        m_list->addItem(item);
    }
    if (!error.isEmpty()) {
        auto *item = new QListWidgetItem(error);
        item->setFlags(Qt::NoItemFlags);
        m_list->addItem(item);
    } else if (stories.isEmpty()) {
        auto *item = new QListWidgetItem(filter.text.isEmpty() ? tr("No stories") : tr("No stories match"));
        item->setFlags(Qt::NoItemFlags);
        m_list->addItem(item);
    }
    m_quiet = false;
    m_duplicate->setEnabled(!m_selectedId.isEmpty());
    m_delete->setEnabled(!m_selectedId.isEmpty() && m_deleteAllowed);
}

void StoryListPanel::setDeleteAllowed(bool allowed) {
    m_deleteAllowed = allowed;
    m_delete->setEnabled(!m_selectedId.isEmpty() && allowed);
    m_delete->setToolTip(allowed ? tr("Delete the selected story") : tr("Only producers can delete a story"));
}

void StoryListPanel::refresh() {
    const int scroll = m_list->verticalScrollBar()->value();
    reload();
    m_list->verticalScrollBar()->setValue(scroll);
}

void StoryListPanel::selectStory(const QString &id) {
    m_selectedId = id;
    reload();
    if (!id.isEmpty() && selectedStoryId() != id &&
        (!m_search->text().isEmpty() || m_status->currentIndex() > 0 || m_section->currentIndex() > 0)) {
        // The story is hidden by a filter: show everything rather than a list without it.
        const QSignalBlocker a(m_search), b(m_status), c(m_section);
        m_search->clear();
        m_status->setCurrentIndex(0);
        m_section->setCurrentIndex(0);
        reload();
    }
}

QString StoryListPanel::selectedStoryId() const {
    const QListWidgetItem *item = m_list->currentItem();
    return item ? item->data(StoryIdRole).toString() : QString();
}

QString StoryListPanel::firstStoryId() const {
    return m_list->count() > 0 ? m_list->item(0)->data(StoryIdRole).toString() : QString();
}

bool StoryListPanel::eventFilter(QObject *watched, QEvent *event) {
    if (event->type() != QEvent::KeyPress)
        return false;
    const int key = static_cast<QKeyEvent *>(event)->key();
    if (watched == m_search && key == Qt::Key_Down) {
        // Into the results: the first story is highlighted, and opens with Enter.
        if (m_searchDelay->isActive()) {
            m_searchDelay->stop();
            reload();
        }
        // Taking the focus makes the first row current, which must not open it yet.
        m_quiet = true;
        m_list->setFocus(Qt::TabFocusReason);
        if (!m_list->currentItem() || !(m_list->currentItem()->flags() & Qt::ItemIsSelectable)) {
            for (int row = 0; row < m_list->count(); ++row) {
                if (m_list->item(row)->flags() & Qt::ItemIsSelectable) {
                    m_list->setCurrentRow(row);
                    break;
                }
            }
        }
        m_quiet = false;
        return true;
    }
    if (watched == m_list && (key == Qt::Key_Return || key == Qt::Key_Enter)) {
        const QString id = selectedStoryId();
        if (!id.isEmpty() && id != m_selectedId)
            Q_EMIT storySelected(id);
        return true;
    }
    return false;
}

void StoryListPanel::onCurrentRowChanged() {
    if (m_quiet)
        return;
    const QString id = selectedStoryId();
    if (id.isEmpty() || id == m_selectedId)
        return;
    Q_EMIT storySelected(id);
}

void StoryListPanel::resizeEvent(QResizeEvent *event) {
    QWidget::resizeEvent(event);
    fitButtons();
}

// A narrow list (an 800-pixel screen) shows the buttons as icons alone rather than cutting their
// words off; the tool tips still say what each does.
void StoryListPanel::fitButtons() {
    if (m_labelledWidth == 0) { // measured once, while the buttons still have their words
        for (const auto &[button, label] : std::as_const(m_buttonLabels))
            m_labelledWidth += button->sizeHint().width();
        m_labelledWidth += m_buttonRow->spacing() * int(m_buttonLabels.size() - 1);
    }
    const QMargins margins = layout()->contentsMargins();
    const bool labelled = m_labelledWidth <= width() - margins.left() - margins.right();
    for (const auto &[button, label] : std::as_const(m_buttonLabels))
        button->setText(labelled ? label : QString());
}

} // namespace galley
