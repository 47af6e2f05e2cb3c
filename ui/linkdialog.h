#pragma once

#include <QDialog>

class QLabel;
class QLineEdit;

namespace galley {

/// Asks for a link's text and address. The address is kept as typed (a bare "www." address gets
/// "https://"); addresses that will not be live in the published page (anything but http, https
/// and mailto) are allowed but flagged with a note, because the renderer shows them as plain text.
class LinkDialog final : public QDialog {
    Q_OBJECT

public:
    LinkDialog(const QString &text, const QString &url, QWidget *parent = nullptr);

    QString text() const;
    /// The address to store; empty means "remove the link".
    QString url() const;

private:
    void updateNote();

    QLineEdit *m_text;
    QLineEdit *m_url;
    QLabel *m_note;
};

} // namespace galley
