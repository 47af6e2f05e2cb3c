#pragma once

#include "model/story.h"

#include <QWidget>

class QLabel;
class QVBoxLayout;

namespace galley {

/// The story's pull quotes, one row each (text, attribution, placement, up, down, remove), built
/// in code because their number changes.
class PullQuotePanel final : public QWidget {
    Q_OBJECT

public:
    explicit PullQuotePanel(QWidget *parent = nullptr);

    /// Shows @p quotes with placement choices from @p body; rebuilds every row.
    void setQuotes(const QList<PullQuote> &quotes, const QList<Block> &body);
    /// After the body changed: new placement choices, and placements moved by Story::replaceBody().
    void updatePlacements(const QList<PullQuote> &quotes, const QList<Block> &body);
    QList<PullQuote> quotes() const { return m_quotes; }

    /// Adds an empty pull quote after the first body block (or at the top) and focuses its text.
    void addQuote();

Q_SIGNALS:
    /// The user changed, added, moved or removed a pull quote.
    void quotesChanged();

private:
    void rebuild();
    void remove(int index);

    QList<PullQuote> m_quotes;
    QList<Block> m_body;
    QVBoxLayout *m_rows;
    QLabel *m_empty;
};

} // namespace galley
