#include "lockbar.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>

namespace galley {

namespace {

QString person(const QString &holder) {
    return holder.isEmpty() ? LockBar::tr("Another desk") : holder;
}

QString clock(const QDateTime &utc) {
    return utc.toLocalTime().toString(u"HH:mm"_qs);
}

} // namespace

LockBar::LockBar(QWidget *parent)
    : QFrame(parent)
    , m_text(new QLabel(this))
    , m_button(new QPushButton(this)) {
    setObjectName(u"lockBar"_qs);
    m_text->setObjectName(u"lockBarText"_qs);
    m_text->setTextFormat(Qt::PlainText); // the holder's name is whatever their settings say
    m_text->setWordWrap(true);
    m_button->setObjectName(u"lockBarButton"_qs);
    setStyleSheet(u"#lockBar { background: #fff4ce; border-bottom: 1px solid #d8c37a; }"
                  u"#lockBarText { color: #4a3b00; }"_qs);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(12, 6, 12, 6);
    layout->addWidget(m_text, 1);
    layout->addWidget(m_button);
    connect(m_button, &QPushButton::clicked, this, [this] {
        if (m_freed)
            Q_EMIT editRequested();
        else
            Q_EMIT takeOverRequested();
    });
    hide();
}

void LockBar::showHeldBy(const QString &holder, const QDateTime &since) {
    show(tr("Being edited by %1 since %2. You can read it; it opens for editing when they close it.")
             .arg(person(holder), clock(since)),
         false);
}

void LockBar::showTakenOver(const QString &holder, const QDateTime &since) {
    show(tr("%1 took over this story at %2; your text is kept as a revision.").arg(person(holder), clock(since)),
         false);
}

void LockBar::showFreed(const QString &holder) {
    show(tr("%1 has closed the story: you can edit it now.").arg(person(holder)), true);
}

QString LockBar::text() const {
    return m_text->text();
}

void LockBar::show(const QString &text, bool freed) {
    m_freed = freed;
    m_text->setText(text);
    m_button->setText(freed ? tr("Edit now") : tr("Take over"));
    m_button->setToolTip(freed ? tr("Open the story again as saved, for editing")
                               : tr("Take the story from its holder; their unsaved text is kept as a revision"));
    setVisible(true);
}

} // namespace galley
