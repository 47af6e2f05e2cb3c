#include "tabledialog.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QSpinBox>
#include <QVBoxLayout>

namespace galley {

TableDialog::TableDialog(QWidget *parent)
    : QDialog(parent)
    , m_rows(new QSpinBox(this))
    , m_columns(new QSpinBox(this))
    , m_header(new QCheckBox(tr("First row is a &header row"), this)) {
    setObjectName(u"tableDialog"_qs);
    setWindowTitle(tr("Insert table"));
    m_rows->setObjectName(u"tableRowsSpin"_qs);
    m_rows->setRange(1, 200);
    m_rows->setValue(3);
    m_columns->setObjectName(u"tableColumnsSpin"_qs);
    m_columns->setRange(1, 12);
    m_columns->setValue(2);
    m_header->setObjectName(u"tableHeaderCheck"_qs);
    m_header->setChecked(true);

    auto *form = new QFormLayout;
    form->addRow(tr("&Rows:"), m_rows);
    form->addRow(tr("&Columns:"), m_columns);
    form->addRow(QString(), m_header);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(buttons);
    m_rows->setFocus();
    m_rows->selectAll();
}

int TableDialog::rows() const {
    return m_rows->value();
}

int TableDialog::columns() const {
    return m_columns->value();
}

bool TableDialog::headerRow() const {
    return m_header->isChecked();
}

} // namespace galley
