#pragma once

#include <QDialog>

class QLabel;
class QLineEdit;

namespace galley {

/// Asks for a link's text and address. Only addresses that will be live in the published page
/// are taken: absolute http, https and mailto URLs (the same rule as pasted links,
/// isSafeLinkUrl()). A bare web address ("www.example.org", "example.org/page") gets
/// "https://"; anything else (javascript:, file:, data:, relative paths) keeps the dialog open with
/// a plain sentence saying why.
class LinkDialog final : public QDialog {
    Q_OBJECT

public:
    LinkDialog(const QString &text, const QString &url, QWidget *parent = nullptr);

    QString text() const;
    /// Whether the text may be changed here; a link laid over several paragraphs keeps its text
    /// (the field shows it, read-only), so the paragraphs and their styles are never rewritten.
    void setTextEditable(bool editable);
    /// The address to store, completed as described above; empty means "remove the link".
    QString url() const;

    /// @p typed with "https://" in front when it is a bare web address (a host name with a dot,
    /// optionally a port and a path, and no scheme); otherwise @p typed trimmed, unchanged.
    static QString completedUrl(const QString &typed);

    /// Accepts only an empty address (remove the link) or an allowed one; otherwise shows why.
    void accept() override;

    /// The sentence shown when the address is refused.
    static QString refusal();

private:
    /// Shows the refusal while typing only once a scheme other than http, https or mailto is there.
    void updateNote();
    static bool hasForeignScheme(const QString &address);

    QLineEdit *m_text;
    QLineEdit *m_url;
    QLabel *m_note;
};

} // namespace galley
