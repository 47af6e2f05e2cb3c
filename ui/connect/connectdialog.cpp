#include "connectdialog.h"

#include "settings.h"
#include "storage/serveraddress.h"

#include <QApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace galley {

ConnectDialog::ConnectDialog(Opener opener, QWidget *parent)
    : QDialog(parent)
    , m_opener(std::move(opener))
    , m_address(new QComboBox(this))
    , m_error(new QLabel(this))
    , m_connect(nullptr) {
    setObjectName(u"connectDialog"_qs);
    setWindowTitle(tr("Connect to newsroom"));
    m_address->setObjectName(u"connectAddress"_qs);
    m_address->setEditable(true);
    m_address->setInsertPolicy(QComboBox::NoInsert);
    m_address->setMinimumContentsLength(44);
    m_address->addItems(Settings().value(Settings::Key::RecentLibraries).toStringList());
    m_address->setCurrentIndex(m_address->count() > 0 ? 0 : -1);
    m_address->lineEdit()->setPlaceholderText(u"postgresql://ana@db.example/newsroom"_qs);

    auto *intro = new QLabel(
        tr("The address of your newsroom's library on its PostgreSQL server. Ask your administrator for it. "
           "The password never goes in the address: put it in ~/.pgpass."),
        this);
    intro->setWordWrap(true);
    m_error->setObjectName(u"connectError"_qs);
    m_error->setTextFormat(Qt::PlainText); // the sentence may quote the address as typed
    m_error->setWordWrap(true);
    m_error->setStyleSheet(u"color: #8c1d18;"_qs);
    m_error->hide();

    auto *form = new QFormLayout;
    auto *label = new QLabel(tr("&Address:"), this);
    label->setBuddy(m_address);
    form->addRow(label, m_address);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_connect = buttons->addButton(tr("Co&nnect"), QDialogButtonBox::AcceptRole);
    m_connect->setObjectName(u"connectButton"_qs);
    m_connect->setDefault(true);
    // Accept checks first: the dialog closes only when the library is open.
    connect(buttons, &QDialogButtonBox::accepted, this, &ConnectDialog::connectToLibrary);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addStretch(1);
    layout->addWidget(buttons);
}

QString ConnectDialog::address() const {
    return m_address->currentText().trimmed();
}

void ConnectDialog::setAddress(const QString &address) {
    m_address->setEditText(address);
}

QString ConnectDialog::errorText() const {
    return m_error->isHidden() ? QString() : m_error->text();
}

void ConnectDialog::connectToLibrary() {
    const QString typed = address();
    if (typed.isEmpty()) {
        showError(tr("Type the library's address, such as postgresql://ana@db.example/newsroom."));
        return;
    }
    if (!isServerLocation(typed)) {
        showError(tr("“%1” is not a server address: it starts with postgresql://. To open a library file, use "
                     "File › Open local library….")
                      .arg(typed));
        return;
    }
    QString error;
    if (!ServerAddress::parse(typed, &error)) {
        showError(error);
        return;
    }
    showError({});
    QApplication::setOverrideCursor(Qt::WaitCursor);
    const bool opened = m_opener(typed, &error);
    QApplication::restoreOverrideCursor();
    if (!opened) {
        showError(error);
        return;
    }
    Settings settings;
    QStringList recent = settings.value(Settings::Key::RecentLibraries).toStringList();
    recent.removeAll(typed);
    recent.prepend(typed);
    settings.setValue(Settings::Key::RecentLibraries, recent.mid(0, RecentKept));
    accept();
}

void ConnectDialog::showError(const QString &sentence) {
    m_error->setText(sentence);
    m_error->setVisible(!sentence.isEmpty());
}

} // namespace galley
