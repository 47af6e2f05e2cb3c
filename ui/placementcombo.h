#pragma once

#include "model/story.h"

#include <QComboBox>

namespace galley {

/// A combo box choosing where a pull quote or picture sits: @p topLabel ("Top of story",
/// "Lead image at top") or after one body block, listed as "After: <first words of the block>".
class PlacementCombo final : public QComboBox {
    Q_OBJECT

public:
    PlacementCombo(const QString &topLabel, QWidget *parent = nullptr);

    /// Lists @p body's blocks and selects @p current (top if its block is not in @p body).
    void setChoices(const QList<Block> &body, const Placement &current);
    Placement placement() const;

    /// "After: " and the first six words of @p block, with an ellipsis when cut.
    static QString describe(const Block &block);

Q_SIGNALS:
    /// The user picked a new placement.
    void placementChosen(const galley::Placement &placement);

private:
    QString m_topLabel;
};

} // namespace galley
