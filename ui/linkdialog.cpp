#include "linkdialog.h"

#include "editing/pastesanitizer.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace galley {

LinkDialog::LinkDialog(const QString &text, const QString &url, QWidget *parent)
    : QDialog(parent)
    , m_text(new QLineEdit(text, this))
    , m_url(new QLineEdit(url, this))
    , m_note(new QLabel(this)) {
    setObjectName(u"linkDialog"_qs);
    setWindowTitle(tr("Link"));
    m_text->setObjectName(u"linkTextEdit"_qs);
    m_url->setObjectName(u"linkUrlEdit"_qs);
    m_url->setPlaceholderText(tr("https://example.org/page"));
    m_url->setMinimumWidth(360);
    m_note->setObjectName(u"linkNote"_qs);
    m_note->setWordWrap(true);

    auto *form = new QFormLayout;
    form->addRow(tr("&Text:"), m_text);
    form->addRow(tr("&Address:"), m_url);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    if (!url.isEmpty()) {
        QPushButton *remove = buttons->addButton(tr("&Remove link"), QDialogButtonBox::ResetRole);
        connect(remove, &QPushButton::clicked, this, [this] {
            m_url->clear();
            accept();
        });
    }

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_note);
    layout->addWidget(buttons);

    connect(m_url, &QLineEdit::textChanged, this, &LinkDialog::updateNote);
    updateNote();
    m_url->setFocus();
}

QString LinkDialog::text() const {
    return m_text->text();
}

QString LinkDialog::url() const {
    QString url = m_url->text().trimmed();
    if (url.startsWith(u"www."_qs, Qt::CaseInsensitive))
        url.prepend(u"https://"_qs);
    return url;
}

void LinkDialog::updateNote() {
    const QString address = url();
    if (address.isEmpty())
        m_note->setText(tr("Leave the address empty to remove the link."));
    else if (isAllowedPastedLink(address))
        m_note->clear();
    else
        m_note->setText(tr("This address will show as plain text in the published page: only "
                           "http, https and mailto links are published."));
}

} // namespace galley
