#include "pullquotepanel.h"

#include "icons.h"
#include "panelrow.h"
#include "placementcombo.h"

#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QVBoxLayout>

namespace galley {

PullQuotePanel::PullQuotePanel(QWidget *parent)
    : QWidget(parent)
    , m_rows(new QVBoxLayout)
    , m_empty(new QLabel(tr("No pull quotes yet. A pull quote sets a striking line apart from "
                            "the body; add one and choose the paragraph it follows."),
                         this)) {
    setObjectName(u"pullQuotePanel"_qs);
    auto *add = new QPushButton(themedIcon(u"list-add"_qs, u"+"_qs), tr("&Add pull quote"), this);
    add->setObjectName(u"addPullQuoteButton"_qs);
    connect(add, &QPushButton::clicked, this, &PullQuotePanel::addQuote);

    QScrollArea *scroll = PanelRow::listArea(m_empty, m_rows, this);

    auto *top = new QHBoxLayout;
    top->addWidget(add);
    top->addStretch();
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(scroll, 1);
}

void PullQuotePanel::setQuotes(const QList<PullQuote> &quotes, const QList<Block> &body) {
    m_quotes = quotes;
    m_body = body;
    rebuild();
}

void PullQuotePanel::updatePlacements(const QList<PullQuote> &quotes, const QList<Block> &body) {
    m_body = body;
    for (qsizetype i = 0; i < m_quotes.size() && i < quotes.size(); ++i)
        m_quotes[i].placement = quotes[i].placement;
    const QList<PlacementCombo *> combos = findChildren<PlacementCombo *>();
    for (PlacementCombo *combo : combos) {
        const int index = combo->property("quoteIndex").toInt();
        if (index >= 0 && index < m_quotes.size())
            combo->setChoices(m_body, m_quotes[index].placement);
    }
}

void PullQuotePanel::addQuote() {
    PullQuote quote;
    quote.id = newId();
    if (!m_body.isEmpty())
        quote.placement = Placement::after(m_body.first().id);
    m_quotes.append(quote);
    rebuild();
    if (auto *text = findChild<QPlainTextEdit *>(u"pullQuoteText%1"_qs.arg(m_quotes.size() - 1)))
        text->setFocus();
    Q_EMIT quotesChanged();
}

void PullQuotePanel::rebuild() {
    PanelRow::clearRows(m_rows);
    m_empty->setVisible(m_quotes.isEmpty());
    const int count = int(m_quotes.size());
    for (int i = 0; i < count; ++i) {
        const PullQuote &quote = m_quotes[i];
        auto *row = new PanelRow(i, count, tr("pull quote"), this);
        auto *text = new QPlainTextEdit(quote.text, row);
        text->setObjectName(u"pullQuoteText%1"_qs.arg(i));
        text->setPlaceholderText(tr("The quoted words"));
        text->setTabChangesFocus(true);
        text->setFixedHeight(text->fontMetrics().lineSpacing() * 3 + 12);
        auto *attribution = new QLineEdit(quote.attribution, row);
        attribution->setObjectName(u"pullQuoteAttribution%1"_qs.arg(i));
        attribution->setPlaceholderText(tr("Who said it"));
        auto *placement = new PlacementCombo(tr("Top of story"), row);
        placement->setObjectName(u"pullQuotePlacement%1"_qs.arg(i));
        placement->setProperty("quoteIndex", i);
        placement->setChoices(m_body, quote.placement);

        auto *fields = new QFormLayout;
        fields->addRow(tr("Quote:"), text);
        fields->addRow(tr("Attribution:"), attribution);
        fields->addRow(tr("Placement:"), placement);
        row->content()->addLayout(fields);
        m_rows->addWidget(row);

        connect(text, &QPlainTextEdit::textChanged, this, [this, i, text] {
            m_quotes[i].text = text->toPlainText();
            Q_EMIT quotesChanged();
        });
        connect(attribution, &QLineEdit::textChanged, this, [this, i](const QString &value) {
            m_quotes[i].attribution = value;
            Q_EMIT quotesChanged();
        });
        connect(placement, &PlacementCombo::placementChosen, this, [this, i](const Placement &where) {
            m_quotes[i].placement = where;
            Q_EMIT quotesChanged();
        });
        row->onActions(
            this, m_quotes, i,
            [this] {
                rebuild();
                Q_EMIT quotesChanged();
            },
            [this, i] { remove(i); });
    }
}

void PullQuotePanel::remove(int index) {
    // Removal is one click because the row's contents are visible right beside the button and
    // nothing else depends on a pull quote.
    m_quotes.removeAt(index);
    rebuild();
    Q_EMIT quotesChanged();
}

} // namespace galley
