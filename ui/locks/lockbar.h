#pragma once

#include <QDateTime>
#include <QFrame>

class QLabel;
class QPushButton;

namespace galley {

/// The bar above the story when it is open read-only because another desk holds its edit lock
/// (issue 10): who holds it and since when, with "Take over"; or that it was taken over from this
/// window; or that it is free again, with "Edit now". Hidden while the window holds the lock.
class LockBar final : public QFrame {
    Q_OBJECT

public:
    explicit LockBar(QWidget *parent = nullptr);

    /// "Being edited by @p holder since 10:42" (@p since UTC, shown in local time) and Take over.
    void showHeldBy(const QString &holder, const QDateTime &since);
    /// "@p holder took over this story at 11:03; your text is kept as a revision." and Take over.
    void showTakenOver(const QString &holder, const QDateTime &since);
    /// "@p holder has closed the story: you can edit it now." and Edit now.
    void showFreed(const QString &holder);

    QString text() const;

Q_SIGNALS:
    /// The user asked to take the lock from its holder.
    void takeOverRequested();
    /// The user asked to edit the story, now free.
    void editRequested();

private:
    void show(const QString &text, bool freed);

    QLabel *m_text;
    QPushButton *m_button;
    bool m_freed = false;
};

} // namespace galley
