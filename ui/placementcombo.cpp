#include "placementcombo.h"

#include <QSignalBlocker>

namespace galley {

namespace {

constexpr int SnippetWords = 6;

} // namespace

PlacementCombo::PlacementCombo(const QString &topLabel, QWidget *parent)
    : QComboBox(parent)
    , m_topLabel(topLabel) {
    setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    setMinimumContentsLength(24);
    connect(this, &QComboBox::activated, this, [this] { Q_EMIT placementChosen(placement()); });
}

QString PlacementCombo::describe(const Block &block) {
    const QStringList words = block.plainText().simplified().split(u' ', Qt::SkipEmptyParts);
    QString snippet = words.mid(0, SnippetWords).join(u' ');
    if (words.size() > SnippetWords)
        snippet += u'…';
    return tr("After: %1").arg(snippet);
}

void PlacementCombo::setChoices(const QList<Block> &body, const Placement &current) {
    const QSignalBlocker blocker(this);
    QStringList labels{m_topLabel};
    QStringList ids{QString()};
    for (const Block &block : body) {
        labels.append(describe(block));
        ids.append(block.id);
    }
    bool same = count() == labels.size();
    for (int i = 0; same && i < count(); ++i)
        same = itemText(i) == labels[i] && itemData(i).toString() == ids[i];
    if (!same) {
        clear();
        for (qsizetype i = 0; i < labels.size(); ++i)
            addItem(labels[i], ids[i]);
    }
    const int index = findData(current.afterBlockId);
    setCurrentIndex(index < 0 ? 0 : index);
}

Placement PlacementCombo::placement() const {
    return Placement{currentData().toString()};
}

} // namespace galley
