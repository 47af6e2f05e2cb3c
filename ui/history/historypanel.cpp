#include "historypanel.h"

#include "history/changemarks.h"
#include "history/revert.h"
#include "storage/storylibrary.h"

#include <QCheckBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QSplitter>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace galley {

namespace {

QString revisionLine(const RevisionInfo &revision) {
    QString line = u"%1  ·  %2  ·  %3  ·  %4\n%5"_qs.arg(revision.number)
                       .arg(revision.saved.toLocalTime().toString(u"d MMM HH:mm"_qs),
                            revision.author.isEmpty() ? HistoryPanel::tr("unknown") : revision.author,
                            statusName(revision.status), revision.summary);
    if (!revision.autosaves.isEmpty())
        line += revision.autosaves.size() == 1
                    ? HistoryPanel::tr(" (1 autosave)")
                    : HistoryPanel::tr(" (%1 autosaves)").arg(revision.autosaves.size());
    return line;
}

QString tokenText(const DiffToken &token, bool first) {
    return (token.spaceBefore && !first ? u" "_qs : QString()) +
           (token.text == u"\n"_qs ? u"¶"_qs : token.text);
}

/// One field's words with each change marked and, when @p links, a revert link after it.
QString fieldHtml(const FieldDiff &field, qsizetype index, bool links) {
    const QList<DiffHunk> hunks = diffHunks(field);
    QString html;
    qsizetype i = 0;
    qsizetype hunk = 0;
    while (i < field.tokens.size()) {
        const DiffToken::Kind kind = field.tokens.at(i).kind;
        const qsizetype start = i;
        while (i < field.tokens.size() && field.tokens.at(i).kind == kind)
            ++i;
        if (start > 0 && field.tokens.at(start).spaceBefore)
            html += u' ';
        QString run;
        for (qsizetype k = start; k < i; ++k)
            run += tokenText(field.tokens.at(k), k == start);
        html += diffTokenHtml(kind, run);
        if (links && hunk < hunks.size() && hunks.at(hunk).last == i) {
            html += u" <a href=\"revert:%1:%2\" title=\"%3\">↶</a>"_qs.arg(index).arg(hunk).arg(
                HistoryPanel::tr("Take this change back"));
            ++hunk;
        }
    }
    return html;
}

} // namespace

HistoryPanel::HistoryPanel(StoryLibrary &library, QWidget *parent)
    : QWidget(parent)
    , m_library(library)
    , m_title(new QLabel(this))
    , m_list(new QListWidget(this))
    , m_comparing(new QLabel(this))
    , m_view(new QTextBrowser(this))
    , m_inPreview(new QCheckBox(tr("Show in preview"), this))
    , m_revertAll(new QPushButton(tr("Revert all"), this))
    , m_restore(new QPushButton(tr("Restore"), this)) {
    setObjectName(u"historyPanel"_qs);
    m_title->setObjectName(u"historyTitle"_qs);
    m_list->setObjectName(u"historyList"_qs);
    m_view->setObjectName(u"historyDiff"_qs);
    m_inPreview->setObjectName(u"historyInPreview"_qs);
    m_revertAll->setObjectName(u"historyRevertAll"_qs);
    m_restore->setObjectName(u"historyRestore"_qs);
    m_list->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_list->setWordWrap(true);
    m_list->setAlternatingRowColors(true);
    m_list->setToolTip(tr("Select one revision to see what it changed, or two to compare them."));
    m_view->setOpenLinks(false);
    m_comparing->setWordWrap(true);
    m_revertAll->setToolTip(tr("Take back every change shown, as a new revision"));
    m_restore->setToolTip(
        tr("Bring the older revision back whole, as a new revision; the current text stays in "
           "the history"));

    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_list);
    auto *lower = new QWidget(splitter);
    auto *lowerLayout = new QVBoxLayout(lower);
    lowerLayout->setContentsMargins(0, 0, 0, 0);
    lowerLayout->addWidget(m_comparing);
    lowerLayout->addWidget(m_view, 1);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_inPreview);
    buttons->addStretch(1);
    buttons->addWidget(m_revertAll);
    buttons->addWidget(m_restore);
    lowerLayout->addLayout(buttons);
    splitter->addWidget(lower);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 2);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_title);
    layout->addWidget(splitter, 1);

    connect(m_list, &QListWidget::itemSelectionChanged, this, &HistoryPanel::onSelectionChanged);
    connect(m_view, &QTextBrowser::anchorClicked, this, &HistoryPanel::onLink);
    connect(m_inPreview, &QCheckBox::toggled, this, &HistoryPanel::previewMarksChanged);
    connect(m_revertAll, &QPushButton::clicked, this, [this] { revertAll(); });
    connect(m_restore, &QPushButton::clicked, this, [this] { restoreOlder(); });
    setStory({});
}

void HistoryPanel::setStory(const QString &id) {
    m_storyId = id;
    m_older = m_newer = 0;
    refresh();
}

void HistoryPanel::refresh() {
    QString error;
    m_revisions = m_storyId.isEmpty() ? QList<RevisionInfo>() : m_library.revisions(m_storyId, &error);
    m_title->setText(m_storyId.isEmpty()       ? tr("No story open.")
                     : m_revisions.size() == 1 ? tr("1 revision")
                                               : tr("%1 revisions, newest first").arg(m_revisions.size()));
    m_selecting = true;
    m_list->clear();
    for (const RevisionInfo &revision : m_revisions) {
        auto *item = new QListWidgetItem(revisionLine(revision), m_list);
        item->setData(Qt::UserRole, revision.number);
    }
    m_selecting = false;
    // Keep the older revision chosen; the newer is the newest again (a save just made one).
    const int newest = m_revisions.isEmpty() ? 0 : m_revisions.first().number;
    int older = m_older > 0 && m_older < newest ? m_older : newest - 1;
    if (!compare(std::max(older, 0), newest)) {
        m_diff = {};
        m_olderStory.reset();
        m_newerStory.reset();
        render();
    }
}

bool HistoryPanel::compare(int older, int newer) {
    if (newer <= 0 || m_storyId.isEmpty())
        return false;
    QString error;
    std::optional<Story> before = older > 0 ? m_library.loadRevision(m_storyId, older, &error) : Story();
    std::optional<Story> after = m_library.loadRevision(m_storyId, newer, &error);
    if (!before || !after) {
        m_view->setPlainText(error);
        return false;
    }
    m_older = older;
    m_newer = newer;
    m_olderStory = before;
    m_newerStory = after;
    m_diff = diffStories(*before, *after);
    m_selecting = true;
    for (int row = 0; row < m_list->count(); ++row) {
        const int number = m_list->item(row)->data(Qt::UserRole).toInt();
        m_list->item(row)->setSelected(number == older || number == newer);
    }
    m_selecting = false;
    render();
    Q_EMIT previewMarksChanged();
    return true;
}

void HistoryPanel::onSelectionChanged() {
    if (m_selecting)
        return;
    QList<int> chosen;
    for (const QListWidgetItem *item : m_list->selectedItems())
        chosen.append(item->data(Qt::UserRole).toInt());
    std::sort(chosen.begin(), chosen.end());
    if (chosen.size() == 1)
        compare(chosen.first() - 1, chosen.first());
    else if (chosen.size() >= 2)
        compare(chosen.first(), chosen.last());
}

void HistoryPanel::render() {
    const bool atNewest = !m_revisions.isEmpty() && m_newer == m_revisions.first().number && m_older > 0;
    m_revertAll->setEnabled(atNewest && !m_diff.isEmpty());
    m_restore->setEnabled(m_older > 0);
    if (m_newer == 0) {
        m_comparing->clear();
        m_view->clear();
        return;
    }
    m_comparing->setText(m_older > 0 ? tr("Changes from revision %1 to revision %2").arg(m_older).arg(m_newer)
                                     : tr("Revision %1, the first").arg(m_newer));
    QString html = u"<html><body>"_qs;
    if (m_diff.isEmpty())
        html += u"<p>"_qs + tr("No changes.").toHtmlEscaped() + u"</p>"_qs;
    for (qsizetype f = 0; f < m_diff.fields.size(); ++f) {
        const FieldDiff &field = m_diff.fields.at(f);
        const bool whole = field.change != FieldDiff::Change::Changed &&
                           field.change != FieldDiff::Change::Split &&
                           field.change != FieldDiff::Change::Joined;
        html += u"<h4 style=\"margin-bottom:2px\">"_qs + field.label.toHtmlEscaped();
        QStringList notes = field.formatting;
        if (!field.note.isEmpty())
            notes.prepend(field.note);
        if (!notes.isEmpty())
            html += u" <small style=\"color:#6b6b6b\">("_qs + notes.join(u"; "_qs).toHtmlEscaped() + u")</small>"_qs;
        if (atNewest && whole)
            html +=
                u" <a href=\"revert:%1:-1\" title=\"%2\">↶</a>"_qs.arg(f).arg(tr("Take this change back"));
        html += u"</h4><p style=\"margin-top:0\">"_qs + fieldHtml(field, f, atNewest && !whole) + u"</p>"_qs;
    }
    m_view->setHtml(html + u"</body></html>"_qs);
}

void HistoryPanel::onLink(const QUrl &url) {
    const QStringList parts = url.toString().split(u':');
    if (parts.size() == 3 && parts.at(0) == u"revert"_qs)
        revertChange(parts.at(1).toInt(), parts.at(2).toInt());
}

QJsonArray HistoryPanel::previewMarks() const {
    return m_inPreview->isChecked() ? previewChangeMarks(m_diff) : QJsonArray();
}

bool HistoryPanel::showsInPreview() const {
    return m_inPreview->isChecked();
}

void HistoryPanel::setShowInPreview(bool on) {
    m_inPreview->setChecked(on);
}

bool HistoryPanel::revertChange(qsizetype field, qsizetype hunk, bool quiet) {
    if (!m_olderStory || !m_newerStory || field < 0 || field >= m_diff.fields.size() ||
        m_revisions.isEmpty() || m_newer != m_revisions.first().number) {
        showError(tr("Change not reverted"), tr("Compare with the newest revision to take a change back."),
                  quiet);
        return false;
    }
    const Story reverted = galley::revertChange(*m_olderStory, *m_newerStory, m_diff, field, hunk);
    return writeRevision(
        reverted, RevisionKind::Revert,
        u"reverted a change to %1 (from revision %2)"_qs.arg(m_diff.fields.at(field).label.toLower())
            .arg(m_older),
        quiet);
}

bool HistoryPanel::revertAll(bool quiet) {
    if (!m_olderStory || !m_newerStory || m_revisions.isEmpty() || m_newer != m_revisions.first().number) {
        showError(tr("Changes not reverted"), tr("Compare with the newest revision to take changes back."),
                  quiet);
        return false;
    }
    return writeRevision(galley::revertAll(*m_olderStory, *m_newerStory), RevisionKind::Revert,
                         u"reverted every change since revision %1"_qs.arg(m_older), quiet);
}

bool HistoryPanel::restoreOlder(bool quiet) {
    if (m_older <= 0)
        return false;
    bool ok = true;
    Q_EMIT aboutToChange(m_storyId, &ok);
    if (!ok)
        return false;
    SaveOptions options;
    options.author = m_user;
    QString error;
    if (!m_library.restoreRevision(m_storyId, m_older, options, &error)) {
        showError(tr("Revision not restored"), error, quiet);
        return false;
    }
    const QString id = m_storyId;
    Q_EMIT storyChanged(id);
    refresh();
    return true;
}

bool HistoryPanel::writeRevision(Story story, RevisionKind kind, const QString &summary, bool quiet) {
    const int comparedNewest = m_newer;
    const QDateTime comparedSave = m_revisions.isEmpty() ? QDateTime() : m_revisions.first().saved;
    bool ok = true;
    Q_EMIT aboutToChange(m_storyId, &ok);
    if (!ok)
        return false;
    QString error;
    const QList<RevisionInfo> now = m_library.revisions(m_storyId, &error);
    if (now.isEmpty() || now.first().number != comparedNewest || now.first().saved != comparedSave) {
        // The window saved newer text just now: the change would be taken back from old text.
        refresh();
        showError(tr("Change not reverted"),
                  tr("The story was saved again meanwhile; the comparison now shows the newest revision. "
                     "Choose the change again."),
                  quiet);
        return false;
    }
    const std::optional<Story> current = m_library.load(m_storyId, &error);
    if (!current) {
        showError(tr("Change not reverted"), error, quiet);
        return false;
    }
    // The text comes from the comparison; the story's place in the workflow and its save time
    // (so the save is not taken for another window's) from the library.
    story.id = current->id;
    story.status = current->status;
    story.notes = current->notes;
    story.created = current->created;
    story.updated = current->updated;
    story.originalSource = current->originalSource;
    story.originalFormat = current->originalFormat;
    // Revisions compare text: picture bytes come from the current story or the older revision.
    std::optional<Story> olderWhole;
    for (StoryImage &image : story.images) {
        if (!image.data.isEmpty())
            continue;
        for (const StoryImage &have : current->images)
            if (have.id == image.id)
                image.data = have.data;
        if (!image.data.isEmpty())
            continue;
        if (!olderWhole)
            olderWhole = m_library.loadRevision(m_storyId, m_older, &error, true);
        if (olderWhole)
            for (const StoryImage &had : olderWhole->images)
                if (had.id == image.id)
                    image.data = had.data;
    }
    SaveOptions options;
    options.author = m_user;
    options.kind = kind;
    options.summary = summary;
    if (!m_library.save(story, options, &error)) {
        showError(tr("Change not reverted"), error, quiet);
        return false;
    }
    const QString id = m_storyId;
    Q_EMIT storyChanged(id);
    refresh();
    return true;
}

void HistoryPanel::showError(const QString &title, const QString &message, bool quiet) {
    if (!quiet)
        QMessageBox::warning(this, title, message);
}

} // namespace galley
