#pragma once

#include <QDialog>

class QCheckBox;
class QSpinBox;

namespace galley {

/// Asks how big a new table is: rows (1-200, 3 to start with), columns (1-12, 2 to start with)
/// and whether the first row is a header row (yes to start with: most newsroom tables have one).
class TableDialog final : public QDialog {
    Q_OBJECT

public:
    explicit TableDialog(QWidget *parent = nullptr);

    int rows() const;
    int columns() const;
    bool headerRow() const;

private:
    QSpinBox *m_rows;
    QSpinBox *m_columns;
    QCheckBox *m_header;
};

} // namespace galley
