#include "conflictdialog.h"

#include "history/changemarks.h"
#include "history/revisiondiff.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QPushButton>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace galley {

namespace {

QString changesHtml(const Story &base, const Story &theirs) {
    const RevisionDiff diff = diffStories(base, theirs);
    QString html = u"<html><head><style>ins { background: #d7f5dd; text-decoration: none; } "
                   u"del { background: #fbe0de; }</style></head><body>"_qs;
    if (diff.isEmpty())
        html += u"<p>"_qs + ConflictDialog::tr("No changes to the text (only its save time).").toHtmlEscaped() +
                u"</p>"_qs;
    for (const FieldDiff &field : diff.fields) {
        html += u"<h4 style=\"margin-bottom:2px\">"_qs + field.label.toHtmlEscaped();
        if (!field.note.isEmpty())
            html += u" <small style=\"color:#6b6b6b\">("_qs + field.note.toHtmlEscaped() + u")</small>"_qs;
        html += u"</h4><p style=\"margin-top:0\">"_qs + changeMarksHtml(field.tokens) + u"</p>"_qs;
    }
    return html + u"</body></html>"_qs;
}

} // namespace

ConflictDialog::ConflictDialog(const Story &base, const Story &theirs, QWidget *parent)
    : QDialog(parent) {
    setObjectName(u"conflictDialog"_qs);
    setWindowTitle(tr("Saved elsewhere meanwhile"));
    auto *intro = new QLabel(
        tr("Another desk saved this story at %1, after you opened it, so your version was not saved over "
           "theirs. Your text is still in the editor. Their changes since you opened it:")
            .arg(theirs.updated.toLocalTime().toString(u"HH:mm"_qs)),
        this);
    intro->setObjectName(u"conflictIntro"_qs);
    intro->setWordWrap(true);
    auto *view = new QTextBrowser(this);
    view->setObjectName(u"conflictDiff"_qs);
    view->setHtml(changesHtml(base, theirs));
    auto *help = new QLabel(tr("Merge puts their changes into the paragraphs you did not touch; where you both "
                               "changed the same one, yours is kept. Keep mine saves your text as a new "
                               "revision over theirs; theirs stays in the History."),
                            this);
    help->setWordWrap(true);

    auto *buttons = new QDialogButtonBox(this);
    QPushButton *merge = buttons->addButton(tr("&Merge their changes"), QDialogButtonBox::AcceptRole);
    merge->setObjectName(u"conflictMerge"_qs);
    merge->setDefault(true);
    QPushButton *mine = buttons->addButton(tr("&Keep mine over theirs"), QDialogButtonBox::AcceptRole);
    mine->setObjectName(u"conflictKeepMine"_qs);
    QPushButton *later = buttons->addButton(tr("Decide &later"), QDialogButtonBox::RejectRole);
    later->setObjectName(u"conflictLater"_qs);
    connect(merge, &QPushButton::clicked, this, [this] {
        m_choice = Choice::Merge;
        accept();
    });
    connect(mine, &QPushButton::clicked, this, [this] {
        m_choice = Choice::KeepMine;
        accept();
    });
    connect(later, &QPushButton::clicked, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(view, 1);
    layout->addWidget(help);
    layout->addWidget(buttons);
    resize(620, 460);
}

} // namespace galley
