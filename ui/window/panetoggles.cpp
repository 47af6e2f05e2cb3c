#include "panetoggles.h"

#include "settings.h"

#include <QAction>
#include <QKeySequence>
#include <QMenu>
#include <QWidget>

namespace galley {

namespace {

QAction *addToggle(QMenu *menu, const QString &text, const QString &name, const QKeySequence &shortcut,
                   QWidget *pane, Settings::Key key) {
    QAction *action = menu->addAction(text);
    action->setObjectName(name);
    action->setCheckable(true);
    action->setShortcut(shortcut);
    action->setChecked(Settings().value(key).toBool());
    QObject::connect(action, &QAction::toggled, pane, [pane, key](bool shown) {
        pane->setVisible(shown);
        Settings().setValue(key, shown);
    });
    return action;
}

} // namespace

PaneToggles::PaneToggles(QMenu *menu, QWidget *list, QWidget *preview, QObject *parent)
    : QObject(parent)
    , m_listAction(addToggle(menu, tr("&Story List"), u"toggleStoryListAction"_qs,
                             QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_L), list, Settings::Key::ShowStoryList))
    , m_previewAction(addToggle(menu, tr("&Preview"), u"togglePreviewAction"_qs,
                                QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P), preview,
                                Settings::Key::ShowPreview))
    , m_list(list)
    , m_preview(preview) {
    apply();
}

void PaneToggles::apply() {
    m_list->setVisible(m_listAction->isChecked());
    m_preview->setVisible(m_previewAction->isChecked());
}

} // namespace galley
