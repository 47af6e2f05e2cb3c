#include "linkdialog.h"

#include "editing/pastesanitizer.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QUrl>
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

void LinkDialog::setTextEditable(bool editable) {
    m_text->setReadOnly(!editable);
}

QString LinkDialog::url() const {
    return completedUrl(m_url->text());
}

QString LinkDialog::completedUrl(const QString &typed) {
    const QString url = typed.trimmed();
    // A host with at least one dot, then an optional port and path: what people copy from an
    // address bar without the scheme. "mailto:" and "javascript:" never match (no dot before ':').
    static const QRegularExpression bareHost(
        QStringLiteral(R"(^[\p{L}\p{N}-]+(\.[\p{L}\p{N}-]+)+(:\d+)?([/?#]\S*)?$)"));
    if (bareHost.match(url).hasMatch())
        return u"https://"_qs + url;
    return url;
}

void LinkDialog::accept() {
    const QString address = url();
    if (!address.isEmpty() && !isSafeLinkUrl(address)) {
        m_note->setText(refusal());
        m_url->setFocus();
        return;
    }
    QDialog::accept();
}

QString LinkDialog::refusal() {
    return tr("Only web and mail addresses can be links: use one starting with http://, https:// or "
              "mailto:.");
}

void LinkDialog::updateNote() {
    const QString address = url();
    if (address.isEmpty())
        m_note->setText(tr("Leave the address empty to remove the link."));
    else if (isSafeLinkUrl(address) || !hasForeignScheme(address))
        m_note->clear(); // half-typed "http" or "example" are not worth a warning yet
    else
        m_note->setText(refusal());
}

bool LinkDialog::hasForeignScheme(const QString &address) {
    const QString scheme = QUrl(address).scheme().toLower();
    return !scheme.isEmpty() && scheme != u"http" && scheme != u"https" && scheme != u"mailto";
}

} // namespace galley
