#include "importreviewdialog.h"

#include "model/storyversion.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMap>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace galley {

namespace {

constexpr int ChangeIndexRole = Qt::UserRole + 1;

enum Column { KindColumn, LineColumn, OriginalColumn, ResultColumn, ColumnCount };

QString shown(const QString &text) {
    return text.isEmpty() ? ImportReviewDialog::tr("(removed)") : text;
}

QString imageLine(const StoryImage &image) {
    QString line = image.isMissing() ? ImportReviewDialog::tr("[Picture missing] ")
                                     : ImportReviewDialog::tr("[Picture] ");
    line += image.caption;
    if (!image.credit.isEmpty())
        line += u" ("_qs % image.credit % u')';
    return line;
}

} // namespace

QString storyPreviewText(const Story &story) {
    QStringList out;
    if (!story.section.isEmpty())
        out << story.section.toUpper();
    out << (story.headline.isEmpty() ? ImportReviewDialog::tr("(no headline)") : story.headline);
    if (!story.deck.isEmpty())
        out << story.deck;
    if (!story.bylines.isEmpty())
        out << ImportReviewDialog::tr("By %1").arg(bylinesText(story.bylines));
    if (!story.dateline.isEmpty())
        out << story.dateline;
    auto placedAfter = [&](const QString &blockId) {
        for (const auto &image : story.images)
            if (image.placement.afterBlockId == blockId)
                out << imageLine(image);
        for (const auto &quote : story.pullQuotes)
            if (quote.placement.afterBlockId == blockId)
                out << u"\u00BB "_qs % quote.text % u" \u2014 "_qs % quote.attribution;
    };
    placedAfter({});
    for (const auto &block : story.body) {
        QString text = block.plainText();
        if (block.kind == BlockKind::Subhead)
            text = text.toUpper();
        else if (block.isList())
            text = u"\u2022 "_qs % text.replace(u'\n', u"\n\u2022 "_qs);
        out << text;
        placedAfter(block.id);
    }
    return out.join(u"\n\n"_qs);
}

ImportReviewDialog::ImportReviewDialog(const ImportResult &result, QWidget *parent)
    : QDialog(parent)
    , m_result(result) {
    const ImportReport &report = m_result.report();
    setWindowTitle(tr("Review import of %1").arg(report.sourceName));
    setObjectName(u"importReviewDialog"_qs);

    m_summary = new QLabel(this);
    m_summary->setWordWrap(true);
    m_summary->setTextFormat(Qt::PlainText); // file names and notes are shown, never interpreted
    QString summary = tr("Galley made %n change(s) to %1 (%2, %3). Untick a change to undo it: the story is "
                         "built from what stays ticked, and the original file is kept with the story.",
                         nullptr, int(report.changes.size()))
                          .arg(report.sourceName, report.format, report.encoding);
    for (const QString &note : report.notes)
        summary += u"\n"_qs % note;
    m_summary->setText(summary);

    m_changes = new QTreeWidget(this);
    m_changes->setObjectName(u"importChanges"_qs);
    m_changes->setColumnCount(ColumnCount);
    m_changes->setHeaderLabels({tr("Change"), tr("Line"), tr("Original"), tr("Becomes")});
    m_changes->setUniformRowHeights(true);
    m_changes->setWordWrap(false);
    m_changes->header()->setSectionResizeMode(OriginalColumn, QHeaderView::Interactive);
    m_changes->header()->resizeSection(KindColumn, 220);
    m_changes->header()->resizeSection(LineColumn, 50);
    m_changes->header()->resizeSection(OriginalColumn, 320);

    m_preview = new QPlainTextEdit(this);
    m_preview->setObjectName(u"importPreview"_qs);
    m_preview->setReadOnly(true);

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(m_changes);
    splitter->addWidget(m_preview);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);

    auto *tickAll = new QPushButton(tr("Tick all"), this);
    auto *untickAll = new QPushButton(tr("Untick all"), this);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons = buttons;
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Import story"));
    connect(tickAll, &QPushButton::clicked, this, [this] { setAll(true); });
    connect(untickAll, &QPushButton::clicked, this, [this] { setAll(false); });
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        m_updateChosen = m_existing.has_value();
        accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *buttonRow = new QHBoxLayout;
    buttonRow->addWidget(tickAll);
    buttonRow->addWidget(untickAll);
    buttonRow->addStretch();
    buttonRow->addWidget(buttons);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addWidget(splitter, 1);
    layout->addLayout(buttonRow);
    resize(1100, 640);

    fill();
    refreshPreview();
    connect(m_changes, &QTreeWidget::itemChanged, this, [this](QTreeWidgetItem *, int column) {
        if (column == KindColumn)
            refreshPreview();
    });
}

void ImportReviewDialog::fill() {
    const QList<ImportChange> &changes = m_result.report().changes;
    // One group per kind, in the order the kinds first appear in the report.
    QMap<int, QTreeWidgetItem *> groups;
    QList<ImportChangeKind> order;
    for (const auto &change : changes)
        if (!order.contains(change.kind))
            order.append(change.kind);
    for (const ImportChangeKind kind : std::as_const(order)) {
        auto *group = new QTreeWidgetItem(m_changes);
        group->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable | Qt::ItemIsAutoTristate);
        group->setCheckState(KindColumn, Qt::Checked);
        group->setExpanded(true);
        groups.insert(int(kind), group);
    }
    for (int i = 0; i < changes.size(); ++i) {
        const ImportChange &change = changes.at(i);
        auto *item = new QTreeWidgetItem(groups.value(int(change.kind)));
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable);
        item->setData(KindColumn, ChangeIndexRole, i);
        item->setCheckState(KindColumn, Qt::Checked);
        item->setText(KindColumn, importChangeLabel(change.kind));
        item->setText(LineColumn, change.line > 0 ? QString::number(change.line) : QString());
        item->setText(OriginalColumn, change.original);
        item->setText(ResultColumn, shown(change.result));
        const QString tip =
            change.note.isEmpty() ? change.original : change.note % u"\n\n"_qs % change.original;
        item->setToolTip(OriginalColumn, tip);
        item->setToolTip(ResultColumn, shown(change.result));
    }
    for (auto it = groups.constBegin(); it != groups.constEnd(); ++it) {
        const auto kind = static_cast<ImportChangeKind>(it.key());
        it.value()->setText(KindColumn,
                            tr("%1 (%2)").arg(importChangeLabel(kind)).arg(it.value()->childCount()));
    }
}

QTreeWidgetItem *ImportReviewDialog::itemForChange(int index) const {
    for (int g = 0; g < m_changes->topLevelItemCount(); ++g) {
        QTreeWidgetItem *group = m_changes->topLevelItem(g);
        for (int c = 0; c < group->childCount(); ++c)
            if (group->child(c)->data(KindColumn, ChangeIndexRole).toInt() == index)
                return group->child(c);
    }
    return nullptr;
}

QList<bool> ImportReviewDialog::acceptedChanges() const {
    QList<bool> accepted(m_result.report().changes.size(), true);
    for (int g = 0; g < m_changes->topLevelItemCount(); ++g) {
        const QTreeWidgetItem *group = m_changes->topLevelItem(g);
        for (int c = 0; c < group->childCount(); ++c) {
            const QTreeWidgetItem *item = group->child(c);
            accepted[item->data(KindColumn, ChangeIndexRole).toInt()] =
                item->checkState(KindColumn) == Qt::Checked;
        }
    }
    return accepted;
}

void ImportReviewDialog::setChangeAccepted(int index, bool accepted) {
    if (QTreeWidgetItem *item = itemForChange(index))
        item->setCheckState(KindColumn, accepted ? Qt::Checked : Qt::Unchecked);
}

Story ImportReviewDialog::acceptedStory() const {
    return m_result.story(acceptedChanges());
}

void ImportReviewDialog::offerUpdate(const Story &existing) {
    m_existing = existing;
    const QString headline = existing.headline.isEmpty() ? existing.slug : existing.headline;
    QPushButton *update = m_buttons->button(QDialogButtonBox::Ok);
    update->setText(tr("Update “%1”").arg(headline.size() > 60 ? headline.left(57) + u"…"_qs : headline));
    update->setObjectName(u"updateExisting"_qs);
    update->setDefault(true);
    auto *asNew = m_buttons->addButton(tr("Import as a new story"), QDialogButtonBox::ActionRole);
    asNew->setObjectName(u"importAsNew"_qs);
    connect(asNew, &QPushButton::clicked, this, [this] {
        m_updateChosen = false;
        accept();
    });
    m_summary->setText(
        m_summary->text() % u"\n"_qs %
        tr("This is a later version of “%1”, already in the library. Updating replaces its text "
           "and wire details (the older text is not kept); its slug, status and the desk's notes "
           "stay.")
            .arg(headline));
}

Story ImportReviewDialog::resultStory() const {
    const Story accepted = acceptedStory();
    return m_updateChosen && m_existing ? laterVersion(*m_existing, accepted) : accepted;
}

void ImportReviewDialog::setAll(bool accepted) {
    for (int g = 0; g < m_changes->topLevelItemCount(); ++g)
        m_changes->topLevelItem(g)->setCheckState(KindColumn, accepted ? Qt::Checked : Qt::Unchecked);
}

void ImportReviewDialog::refreshPreview() {
    m_preview->setPlainText(storyPreviewText(acceptedStory()));
}

std::optional<Story> reviewImport(const ImportResult &result, QWidget *parent,
                                  const std::optional<Story> &existing) {
    ImportReviewDialog dialog(result, parent);
    if (existing)
        dialog.offerUpdate(*existing);
    if (dialog.exec() != QDialog::Accepted)
        return std::nullopt;
    return dialog.resultStory();
}

} // namespace galley
