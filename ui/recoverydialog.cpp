#include "recoverydialog.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QStyle>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace galley {

RecoveryDialog::RecoveryDialog(const RecoveryCase &recovery, const QDateTime &now, QWidget *parent)
    : QDialog(parent)
    , m_differencesButton(new QPushButton(this))
    , m_legend(new QLabel(this))
    , m_differences(new QTextBrowser(this)) {
    setObjectName(u"recoveryDialog"_qs);
    setWindowTitle(tr("Unsaved text found"));
    m_deleted = recovery.kind == RecoveryCase::Kind::StoryDeleted;
    const bool deleted = m_deleted;

    auto *icon = new QLabel(this);
    icon->setPixmap(style()->standardIcon(QStyle::SP_MessageBoxWarning).pixmap(40, 40));
    icon->setAlignment(Qt::AlignTop);
    auto *question = new QLabel(recoveryQuestion(recovery), this);
    question->setObjectName(u"recoveryQuestion"_qs);
    question->setWordWrap(true);
    QFont big = question->font();
    big.setPointSizeF(big.pointSizeF() * 1.2);
    big.setBold(true);
    question->setFont(big);
    auto *details = new QLabel(recoveryDetails(recovery, now), this);
    details->setObjectName(u"recoveryDetails"_qs);
    details->setWordWrap(true);
    // What each choice does, so nobody fears losing either version.
    auto *consequences = new QLabel(
        deleted ? tr("Restore saves the text as a new story. Discard sets it aside for %1 days.")
                      .arg(RecoveryStore::DiscardedKeepDays)
                : tr("Restore saves the text into the story; the version saved before is kept as well. "
                     "Discard sets the text aside for %1 days.")
                      .arg(RecoveryStore::DiscardedKeepDays),
        this);
    consequences->setObjectName(u"recoveryConsequences"_qs);
    consequences->setWordWrap(true);
    consequences->setStyleSheet(u"color: palette(placeholder-text);"_qs);

    // Wrapped labels ask for room as if they were narrow; at this width they know their height.
    for (QLabel *label : {question, details, consequences})
        label->setMinimumWidth(470);
    auto *text = new QVBoxLayout;
    text->setSpacing(6);
    text->addWidget(question);
    text->addWidget(details);
    text->addWidget(consequences);
    text->addStretch(1);
    auto *top = new QHBoxLayout;
    top->setSpacing(14);
    top->addWidget(icon);
    top->addLayout(text, 1);

    m_legend->setObjectName(u"recoveryLegend"_qs);
    m_legend->setTextFormat(Qt::RichText);
    m_legend->setText(
        deleted
            ? tr("The text Restore brings back:")
            : tr("<span style=\"background:#c8f0c8;\">&nbsp;Green&nbsp;</span>: text Restore brings back. "
                 "<span style=\"background:#f8d0d0;text-decoration:line-through;\">&nbsp;Struck "
                 "out&nbsp;</span>: text Restore takes out."));
    m_differences->setObjectName(u"recoveryDifferences"_qs);
    m_differences->setOpenLinks(false);
    m_differences->setHtml(storyDiffHtml(recovery.diff));
    m_differences->setMinimumHeight(220);

    // Show differences apart on the left; Discard, then Restore, the default, on the right.
    auto *restore = new QPushButton(deleted ? tr("&Restore as new story") : tr("&Restore"), this);
    restore->setObjectName(u"restoreButton"_qs);
    auto *discard = new QPushButton(tr("&Discard"), this);
    discard->setObjectName(u"discardButton"_qs);
    m_differencesButton->setObjectName(u"differencesButton"_qs);
    m_differencesButton->setAutoDefault(false);
    discard->setAutoDefault(false);
    restore->setDefault(true);
    restore->setFocus();
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_differencesButton);
    buttons->addStretch(1);
    buttons->addWidget(discard);
    buttons->addWidget(restore);
    connect(restore, &QPushButton::clicked, this, [this] { choose(Choice::Restore); });
    connect(discard, &QPushButton::clicked, this, [this] { choose(Choice::Discard); });
    connect(m_differencesButton, &QPushButton::clicked, this,
            [this] { setDifferencesVisible(m_differences->isHidden()); });

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(18, 18, 18, 14);
    layout->setSpacing(12);
    layout->addLayout(top);
    layout->addWidget(m_legend);
    layout->addWidget(m_differences, 1);
    layout->addLayout(buttons);
    setDifferencesVisible(false);
    setMinimumWidth(560);
}

void RecoveryDialog::setDifferencesVisible(bool visible) {
    m_legend->setVisible(visible);
    m_differences->setVisible(visible);
    if (m_deleted)
        m_differencesButton->setText(visible ? tr("&Hide text") : tr("&Show text"));
    else
        m_differencesButton->setText(visible ? tr("&Hide differences") : tr("&Show differences"));
    adjustSize();
}

void RecoveryDialog::choose(Choice choice) {
    m_choice = choice;
    accept();
}

} // namespace galley
