#pragma once

#include <QDialog>

#include <functional>

class QComboBox;
class QLabel;
class QPushButton;

namespace galley {

/// File › Connect to newsroom… (issue 10): asks for a newsroom library's address,
/// postgresql://user@host/dbname (ServerAddress), offering the recent ones. Connect checks the
/// address first (a password in it is refused with a sentence pointing to ~/.pgpass), then hands
/// it to the opener, which opens the library in the window; a refusal stays in the dialog as a
/// plain sentence, with the address kept to correct. The recent addresses (never a password: the
/// parser refuses any) are remembered in Settings::Key::RecentLibraries, newest first.
class ConnectDialog final : public QDialog {
    Q_OBJECT

public:
    /// Opens the library at an address; false with a sentence in its second argument.
    using Opener = std::function<bool(const QString &address, QString *error)>;
    /// Remembered at most.
    static constexpr int RecentKept = 8;

    explicit ConnectDialog(Opener opener, QWidget *parent = nullptr);

    /// The address as typed or chosen.
    QString address() const;
    void setAddress(const QString &address);
    /// The sentence under the address (empty when none).
    QString errorText() const;

    /// Checks the address, opens it through the opener and remembers it; closes the dialog when the
    /// library is open. What Connect does.
    void connectToLibrary();

private:
    void showError(const QString &sentence);

    Opener m_opener;
    QComboBox *m_address;
    QLabel *m_error;
    QPushButton *m_connect;
};

} // namespace galley
