#pragma once

#include "checks/finding.h"

#include <QHash>
#include <QWidget>

class QCheckBox;
class QLabel;
class QPushButton;
class QTreeWidget;
class QTreeWidgetItem;

namespace galley {

/// The Checks panel: the story's findings grouped by severity (errors, warnings, advisories, each
/// with its count), each line saying what and where. Clicking a finding asks for its text to be
/// selected; "Fix" applies the replacement of a finding that has a certain one; "Ignore" asks for
/// it to be ignored in this story. The panel only shows and asks: ChecksController acts.
class ChecksPanel final : public QWidget {
    Q_OBJECT

public:
    explicit ChecksPanel(QWidget *parent = nullptr);

    /// Shows @p findings (sorted as sortFindings() does), keeping the selected one when it is
    /// still there. @p blockNumbers gives each body block id its 1-based place in the body, for
    /// "Body, block 3".
    void setFindings(const QList<Finding> &findings, const QHash<QString, int> &blockNumbers = {});
    const QList<Finding> &findings() const { return m_findings; }
    /// Index in findings() of the selected finding, -1 when none.
    int currentIndex() const;
    void setCurrentIndex(int index);

    /// The "Underline misspellings" toggle.
    bool spellingUnderlined() const;
    /// The "Mark in preview" toggle (off until set).
    bool marksInPreview() const;
    void setMarksInPreview(bool on);

Q_SIGNALS:
    void findingActivated(const galley::Finding &finding);
    void fixRequested(const galley::Finding &finding);
    void ignoreRequested(const galley::Finding &finding);
    void spellingUnderlineToggled(bool on);
    void previewMarksToggled(bool on);

private:
    void updateButtons();

    QTreeWidget *m_tree;
    QLabel *m_summary;
    QPushButton *m_fix;
    QPushButton *m_ignore;
    QCheckBox *m_underline;
    QCheckBox *m_previewMarks;
    QList<Finding> m_findings;
};

/// Where a finding is, as the panel says it: "Body, block 3" (@p blockNumber > 0), "Headline",
/// "Picture alt text".
QString findingPlace(const Finding &finding, int blockNumber);

} // namespace galley
