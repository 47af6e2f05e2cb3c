#include "checkspanel.h"

#include <QCheckBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace galley {

namespace {

constexpr int IndexRole = Qt::UserRole + 1;

QString groupTitle(Severity severity, int count) {
    switch (severity) {
    case Severity::Error:
        return ChecksPanel::tr("Errors (%1)").arg(count);
    case Severity::Warning:
        return ChecksPanel::tr("Warnings (%1)").arg(count);
    case Severity::Advisory:
        break;
    }
    return ChecksPanel::tr("Advisories (%1)").arg(count);
}

QColor groupColour(Severity severity) {
    switch (severity) {
    case Severity::Error:
        return QColor(0x8c, 0x1d, 0x18);
    case Severity::Warning:
        return QColor(0x8a, 0x5a, 0x00);
    case Severity::Advisory:
        break;
    }
    return QColor(0x1c, 0x4f, 0x8c);
}

} // namespace

QString findingPlace(const Finding &finding, int blockNumber) {
    static const QHash<QString, QString> names = {
        {u"story"_qs, ChecksPanel::tr("Story")},           {u"headline"_qs, ChecksPanel::tr("Headline")},
        {u"deck"_qs, ChecksPanel::tr("Deck")},             {u"byline"_qs, ChecksPanel::tr("Byline")},
        {u"dateline"_qs, ChecksPanel::tr("Dateline")},     {u"section"_qs, ChecksPanel::tr("Section")},
        {u"pullquote"_qs, ChecksPanel::tr("Pull quote")},  {u"attribution"_qs, ChecksPanel::tr("Pull quote attribution")},
        {u"caption"_qs, ChecksPanel::tr("Picture caption")}, {u"credit"_qs, ChecksPanel::tr("Picture credit")},
        {u"alt"_qs, ChecksPanel::tr("Picture alt text")}};
    if (finding.field == u"body")
        return blockNumber > 0 ? ChecksPanel::tr("Body, block %1").arg(blockNumber) : ChecksPanel::tr("Body");
    return names.value(finding.field, finding.field);
}

ChecksPanel::ChecksPanel(QWidget *parent)
    : QWidget(parent)
    , m_tree(new QTreeWidget(this))
    , m_summary(new QLabel(this))
    , m_fix(new QPushButton(tr("Fi&x"), this))
    , m_ignore(new QPushButton(tr("I&gnore"), this))
    , m_underline(new QCheckBox(tr("Underline misspellings"), this))
    , m_previewMarks(new QCheckBox(tr("Mark in preview"), this)) {
    setObjectName(u"checksPanel"_qs);
    m_tree->setObjectName(u"checksTree"_qs);
    m_summary->setObjectName(u"checksSummary"_qs);
    m_fix->setObjectName(u"checksFixButton"_qs);
    m_ignore->setObjectName(u"checksIgnoreButton"_qs);
    m_underline->setObjectName(u"checksUnderlineToggle"_qs);
    m_previewMarks->setObjectName(u"checksPreviewToggle"_qs);
    m_previewMarks->setToolTip(tr("Mark each finding on the preview's page (never on the exported page)."));
    m_fix->setToolTip(tr("Apply the suggested change (only where it is certain)."));
    m_ignore->setToolTip(tr("Ignore this finding in this story; saved with the story."));
    m_underline->setChecked(true);
    m_tree->setColumnCount(2);
    m_tree->setHeaderLabels({tr("Finding"), tr("Where")});
    m_tree->setRootIsDecorated(true);
    m_tree->setUniformRowHeights(true);
    m_tree->setWordWrap(false);
    m_tree->header()->setStretchLastSection(false);
    m_tree->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_tree->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_underline);
    buttons->addWidget(m_previewMarks);
    buttons->addStretch();
    buttons->addWidget(m_fix);
    buttons->addWidget(m_ignore);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_summary);
    layout->addWidget(m_tree, 1);
    layout->addLayout(buttons);

    auto current = [this]() -> const Finding * {
        const int i = currentIndex();
        return i >= 0 ? &m_findings.at(i) : nullptr;
    };
    connect(m_tree, &QTreeWidget::currentItemChanged, this, [this] { updateButtons(); });
    connect(m_tree, &QTreeWidget::itemClicked, this, [this, current] {
        if (const Finding *f = current())
            Q_EMIT findingActivated(*f);
    });
    connect(m_tree, &QTreeWidget::itemActivated, this, [this, current] {
        if (const Finding *f = current())
            Q_EMIT findingActivated(*f);
    });
    connect(m_fix, &QPushButton::clicked, this, [this, current] {
        if (const Finding *f = current(); f && f->replacement)
            Q_EMIT fixRequested(*f);
    });
    connect(m_ignore, &QPushButton::clicked, this, [this, current] {
        if (const Finding *f = current())
            Q_EMIT ignoreRequested(*f);
    });
    connect(m_underline, &QCheckBox::toggled, this, &ChecksPanel::spellingUnderlineToggled);
    connect(m_previewMarks, &QCheckBox::toggled, this, &ChecksPanel::previewMarksToggled);
    setFindings({});
}

bool ChecksPanel::spellingUnderlined() const {
    return m_underline->isChecked();
}

bool ChecksPanel::marksInPreview() const {
    return m_previewMarks->isChecked();
}

void ChecksPanel::setMarksInPreview(bool on) {
    m_previewMarks->setChecked(on);
}

int ChecksPanel::currentIndex() const {
    const QTreeWidgetItem *item = m_tree->currentItem();
    return item && item->data(0, IndexRole).isValid() ? item->data(0, IndexRole).toInt() : -1;
}

void ChecksPanel::setCurrentIndex(int index) {
    for (int g = 0; g < m_tree->topLevelItemCount(); ++g) {
        QTreeWidgetItem *group = m_tree->topLevelItem(g);
        for (int c = 0; c < group->childCount(); ++c)
            if (group->child(c)->data(0, IndexRole).toInt() == index) {
                m_tree->setCurrentItem(group->child(c));
                return;
            }
    }
}

void ChecksPanel::setFindings(const QList<Finding> &findings, const QHash<QString, int> &blockNumbers) {
    const int was = currentIndex();
    const std::optional<Finding> selected = was >= 0 ? std::optional<Finding>(m_findings.at(was)) : std::nullopt;
    m_findings = findings;
    m_tree->clear();
    int counts[3] = {0, 0, 0};
    for (const Finding &f : findings)
        ++counts[int(f.severity)];
    QTreeWidgetItem *groups[3] = {nullptr, nullptr, nullptr};
    for (int s = 0; s < 3; ++s) {
        if (counts[s] == 0)
            continue;
        groups[s] = new QTreeWidgetItem(m_tree, {groupTitle(Severity(s), counts[s])});
        QFont bold = groups[s]->font(0);
        bold.setBold(true);
        groups[s]->setFont(0, bold);
        groups[s]->setForeground(0, groupColour(Severity(s)));
        groups[s]->setFirstColumnSpanned(true);
        groups[s]->setFlags(Qt::ItemIsEnabled);
    }
    QTreeWidgetItem *reselect = nullptr;
    for (qsizetype i = 0; i < findings.size(); ++i) {
        const Finding &f = findings.at(i);
        QString text = f.message;
        if (f.replacement)
            text = f.replacement->trimmed().isEmpty() && !f.replacement->isEmpty()
                       ? tr("%1 (fix: one space)").arg(f.message)
                       : tr("%1 (fix: “%2”)").arg(f.message, *f.replacement);
        auto *item = new QTreeWidgetItem(groups[int(f.severity)], {text, findingPlace(f, blockNumbers.value(f.item))});
        item->setData(0, IndexRole, int(i));
        item->setToolTip(0, f.message);
        item->setToolTip(1, tr("Rule: %1").arg(f.rule));
        if (selected && f == *selected)
            reselect = item;
    }
    m_tree->expandAll();
    if (reselect)
        m_tree->setCurrentItem(reselect);
    m_summary->setText(findings.isEmpty()
                           ? tr("No findings: the story passes every check.")
                           : tr("%1, %2, %3")
                                 .arg(counts[0] == 1 ? tr("1 error") : tr("%1 errors").arg(counts[0]),
                                      counts[1] == 1 ? tr("1 warning") : tr("%1 warnings").arg(counts[1]),
                                      counts[2] == 1 ? tr("1 advisory") : tr("%1 advisories").arg(counts[2])));
    updateButtons();
}

void ChecksPanel::updateButtons() {
    const int i = currentIndex();
    m_fix->setEnabled(i >= 0 && m_findings.at(i).replacement.has_value());
    m_ignore->setEnabled(i >= 0);
}

} // namespace galley
