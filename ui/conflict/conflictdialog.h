#pragma once

#include "model/story.h"

#include <QDialog>

namespace galley {

/// Shown when a save is refused because the story was saved elsewhere since it was loaded (no
/// silent overwrite, issue 10): the other desk's changes, word by word (diffStories() from the
/// version loaded to theirs, marked as the History panel marks them), and the choice: merge them
/// into the user's text (mergeStories()), keep the user's text as a new revision over theirs, or
/// decide later (nothing saved; the text stays in the editor).
class ConflictDialog final : public QDialog {
    Q_OBJECT

public:
    enum class Choice { Later, Merge, KeepMine };

    /// @p base: the version the user loaded; @p theirs: the one the library holds now.
    ConflictDialog(const Story &base, const Story &theirs, QWidget *parent = nullptr);

    Choice choice() const { return m_choice; }

private:
    Choice m_choice = Choice::Later;
};

} // namespace galley
