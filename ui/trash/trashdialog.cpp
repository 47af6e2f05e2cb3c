#include "trashdialog.h"

#include "storage/storylibrary.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QVBoxLayout>

namespace galley {

TrashDialog::TrashDialog(StoryLibrary &library, QWidget *parent)
    : QDialog(parent)
    , m_library(library)
    , m_list(new QListWidget(this))
    , m_restore(new QPushButton(tr("&Restore"), this))
    , m_empty(new QPushButton(tr("&Empty Trash…"), this)) {
    setObjectName(u"trashDialog"_qs);
    setWindowTitle(tr("Trash"));
    resize(520, 360);
    auto *note = new QLabel(
        tr("Deleted stories stay here for %1 days, then go for good.").arg(StoryLibrary::TrashKeepDays), this);
    note->setWordWrap(true);
    m_list->setObjectName(u"trashList"_qs);
    m_list->setWordWrap(true);
    m_restore->setObjectName(u"trashRestoreButton"_qs);
    m_empty->setObjectName(u"trashEmptyButton"_qs);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->addButton(m_restore, QDialogButtonBox::ActionRole);
    buttons->addButton(m_empty, QDialogButtonBox::DestructiveRole);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(note);
    layout->addWidget(m_list, 1);
    layout->addWidget(buttons);

    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_restore, &QPushButton::clicked, this, &TrashDialog::restoreSelected);
    connect(m_empty, &QPushButton::clicked, this, &TrashDialog::emptyTrash);
    connect(m_list, &QListWidget::itemDoubleClicked, this, &TrashDialog::restoreSelected);
    connect(m_list, &QListWidget::currentRowChanged, this, [this](int row) { m_restore->setEnabled(row >= 0); });
    reload();
}

void TrashDialog::reload() {
    m_list->clear();
    QString error;
    const QList<TrashedStory> stories = m_library.trashedStories(&error);
    if (!error.isEmpty())
        QMessageBox::warning(this, tr("Trash not read"), error);
    const QLocale locale;
    for (const TrashedStory &row : stories) {
        const QString headline = row.story.headline.isEmpty() ? tr("Untitled story") : row.story.headline;
        auto *item = new QListWidgetItem(
            tr("%1 — %2, deleted %3")
                .arg(headline, row.story.slug, locale.toString(row.trashed.toLocalTime(), QLocale::ShortFormat)),
            m_list);
        item->setData(Qt::UserRole, row.story.id);
    }
    if (m_list->count() > 0)
        m_list->setCurrentRow(0);
    m_restore->setEnabled(m_list->currentRow() >= 0);
    m_empty->setEnabled(m_list->count() > 0);
}

void TrashDialog::restoreSelected() {
    QListWidgetItem *item = m_list->currentItem();
    if (!item)
        return;
    const QString id = item->data(Qt::UserRole).toString();
    QString error;
    if (!m_library.restoreFromTrash(id, &error)) {
        QMessageBox::warning(this, tr("Story not restored"), error);
        reload();
        return;
    }
    reload();
    Q_EMIT restored(id);
}

void TrashDialog::emptyTrash() {
    const int count = m_list->count();
    const auto answer = QMessageBox::question(
        this, tr("Empty Trash"),
        count == 1 ? tr("Delete the story in the Trash for good? This cannot be undone.")
                   : tr("Delete the %1 stories in the Trash for good? This cannot be undone.").arg(count),
        QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel);
    if (answer != QMessageBox::Yes)
        return;
    QString error;
    if (m_library.emptyTrash(&error) < 0)
        QMessageBox::warning(this, tr("Trash not emptied"), error);
    reload();
}

} // namespace galley
