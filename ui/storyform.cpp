#include "storyform.h"

#include "model/slug.h"
#include "wrappinglineedit.h"

#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QSignalBlocker>
#include <QStandardItemModel>

namespace galley {

namespace {

/// True when @p slug is what the headline gives by itself: empty, slugify(headline), or that with
/// the "-2", "-3" ... the library adds to keep it unique ("story-2" for an untitled story).
bool isHeadlineSlug(const QString &slug, const QString &headline) {
    if (slug.isEmpty())
        return true;
    const QString base = slugify(headline);
    if (slug == base)
        return true;
    const qsizetype dash = slug.lastIndexOf(u'-');
    bool number = false;
    if (dash > 0)
        slug.mid(dash + 1).toInt(&number);
    return number && slug.left(dash) == base;
}

// Past this many characters a headline rarely fits a front-page slot; the count turns amber.
constexpr int LongHeadline = 90;

} // namespace

StoryForm::StoryForm(QWidget *parent)
    : QWidget(parent)
    , m_headline(new WrappingLineEdit(this))
    , m_count(new QLabel(this))
    , m_deck(new WrappingLineEdit(this))
    , m_byline(new QLineEdit(this))
    , m_dateline(new QLineEdit(this))
    , m_section(new QComboBox(this))
    , m_slug(new QLineEdit(this))
    , m_slugMessage(new QLabel(this))
    , m_status(new QComboBox(this)) {
    m_headline->setObjectName(u"headlineEdit"_qs);
    m_headline->setPlaceholderText(tr("Headline"));
    QFont headlineFont = m_headline->font();
    headlineFont.setPointSizeF(headlineFont.pointSizeF() * 1.25);
    headlineFont.setBold(true);
    m_headline->setFont(headlineFont);
    m_count->setObjectName(u"headlineCount"_qs);
    QFont countFont = m_count->font();
    countFont.setPointSizeF(countFont.pointSizeF() * 0.85);
    m_count->setFont(countFont);
    m_count->setAlignment(Qt::AlignRight | Qt::AlignTop);

    m_deck->setObjectName(u"deckEdit"_qs);
    m_deck->setPlaceholderText(tr("One or two sentences under the headline"));
    m_byline->setObjectName(u"bylineEdit"_qs);
    m_byline->setPlaceholderText(tr("Names, separated by semicolons: Maren Holt; Tobias Quayle"));
    m_dateline->setObjectName(u"datelineEdit"_qs);
    m_dateline->setPlaceholderText(tr("Town or city"));
    m_section->setObjectName(u"sectionCombo"_qs);
    m_section->setEditable(true);
    m_section->setInsertPolicy(QComboBox::NoInsert);
    m_section->lineEdit()->setPlaceholderText(tr("Section"));
    m_section->setMinimumContentsLength(12);
    m_slug->setObjectName(u"slugEdit"_qs);
    m_slug->setPlaceholderText(tr("Filled in from the headline"));
    m_slugMessage->setObjectName(u"slugMessage"_qs);
    m_slugMessage->setStyleSheet(u"color: #b3261e;"_qs);
    m_slugMessage->setVisible(false);
    m_status->setObjectName(u"statusCombo"_qs);
    for (StoryStatus status : allStatuses())
        m_status->addItem(statusName(status), static_cast<int>(status));

    auto *headlineRow = new QVBoxLayout;
    headlineRow->setSpacing(0);
    headlineRow->addWidget(m_headline);
    headlineRow->addWidget(m_count);

    auto *sectionRow = new QHBoxLayout;
    sectionRow->addWidget(m_section, 1);
    auto *statusLabel = new QLabel(tr("S&tatus:"), this);
    statusLabel->setBuddy(m_status);
    sectionRow->addSpacing(12);
    sectionRow->addWidget(statusLabel);
    sectionRow->addWidget(m_status);

    auto *bylineRow = new QHBoxLayout;
    bylineRow->addWidget(m_byline, 3);
    auto *datelineLabel = new QLabel(tr("&Dateline:"), this);
    datelineLabel->setBuddy(m_dateline);
    bylineRow->addSpacing(12);
    bylineRow->addWidget(datelineLabel);
    bylineRow->addWidget(m_dateline, 2);

    auto *slugColumn = new QVBoxLayout;
    slugColumn->setSpacing(2);
    slugColumn->addWidget(m_slug);
    slugColumn->addWidget(m_slugMessage);

    auto *form = new QFormLayout(this);
    form->setContentsMargins(0, 0, 0, 0);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->setLabelAlignment(Qt::AlignRight | Qt::AlignVCenter);
    form->addRow(tr("Headl&ine:"), headlineRow);
    form->addRow(tr("Dec&k:"), m_deck);
    form->addRow(tr("&Byline:"), bylineRow);
    form->addRow(tr("Se&ction:"), sectionRow);
    form->addRow(tr("S&lug:"), slugColumn);
    if (auto *label = qobject_cast<QLabel *>(form->labelForField(headlineRow)))
        label->setBuddy(m_headline);
    if (auto *label = qobject_cast<QLabel *>(form->labelForField(bylineRow)))
        label->setBuddy(m_byline);
    if (auto *label = qobject_cast<QLabel *>(form->labelForField(sectionRow)))
        label->setBuddy(m_section);
    if (auto *label = qobject_cast<QLabel *>(form->labelForField(slugColumn)))
        label->setBuddy(m_slug);
    // Tab follows the form as it reads, row by row, left to right (Section, then Status, then Slug).
    setTabOrder(m_headline, m_deck);
    setTabOrder(m_deck, m_byline);
    setTabOrder(m_byline, m_dateline);
    setTabOrder(m_dateline, m_section);
    setTabOrder(m_section, m_status);
    setTabOrder(m_status, m_slug);

    auto emitEdited = [this] {
        if (!m_loading)
            Q_EMIT edited();
    };
    connect(m_headline, &WrappingLineEdit::textChanged, this, &StoryForm::onHeadlineChanged);
    connect(m_slug, &QLineEdit::textEdited, this, &StoryForm::onSlugEdited);
    connect(m_deck, &WrappingLineEdit::textChanged, this, emitEdited);
    connect(m_byline, &QLineEdit::textChanged, this, emitEdited);
    connect(m_dateline, &QLineEdit::textChanged, this, emitEdited);
    connect(m_section, &QComboBox::currentTextChanged, this, emitEdited);
    connect(m_status, &QComboBox::currentIndexChanged, this, emitEdited);
    updateCount();
}

void StoryForm::setSlugChecker(std::function<bool(const QString &)> isTaken) {
    m_isTaken = std::move(isTaken);
}

void StoryForm::setSections(const QStringList &sections) {
    const QSignalBlocker blocker(m_section);
    const QString current = m_section->currentText();
    m_section->clear();
    m_section->addItems(sections);
    m_section->setCurrentText(current);
}

void StoryForm::setStory(const Story &story) {
    m_loading = true;
    m_headline->setText(story.headline);
    m_deck->setText(story.deck);
    m_byline->setText(bylinesText(story.bylines));
    m_dateline->setText(story.dateline);
    m_section->setCurrentText(story.section);
    m_slug->setText(story.slug);
    // A slug that is not the headline's own was chosen by someone: it stays until changed by hand.
    m_slugByHand = !isHeadlineSlug(story.slug, story.headline);
    m_status->setCurrentIndex(m_status->findData(static_cast<int>(story.status)));
    m_headline->setCursorPosition(0);
    for (QLineEdit *edit : {m_byline, m_dateline, m_slug})
        edit->setCursorPosition(0);
    m_loading = false;
    updateCount();
    validateSlug();
}

void StoryForm::setAllowedStatuses(const QList<StoryStatus> &allowed) {
    auto *model = qobject_cast<QStandardItemModel *>(m_status->model());
    if (!model)
        return;
    for (int row = 0; row < model->rowCount(); ++row) {
        const auto status = static_cast<StoryStatus>(m_status->itemData(row).toInt());
        model->item(row)->setEnabled(allowed.isEmpty() || allowed.contains(status));
    }
}

void StoryForm::applyTo(Story &story) const {
    story.headline = m_headline->text().trimmed();
    // A deck is one paragraph: line breaks typed into it become spaces.
    story.deck = m_deck->text().simplified();
    // Semicolons separate people; a comma parts a name from its title ("Jane Example, Staff Writer").
    story.bylines = bylinesFromText(m_byline->text());
    story.dateline = m_dateline->text().trimmed();
    story.section = m_section->currentText().trimmed();
    story.slug = m_slug->text().trimmed();
    story.status = static_cast<StoryStatus>(m_status->currentData().toInt());
}

void StoryForm::showSavedSlug(const QString &slug) {
    if (m_slug->text() == slug)
        return;
    m_loading = true;
    m_slug->setText(slug);
    m_loading = false;
    validateSlug();
}

QString StoryForm::slugProblem() const {
    return m_slugMessage->text();
}

void StoryForm::onHeadlineChanged() {
    updateCount();
    if (m_loading)
        return;
    // The slug follows the headline only while the story is a draft: from copy edit on, the desk
    // and the web address may already use it, so only an explicit edit changes it.
    const bool draft = static_cast<StoryStatus>(m_status->currentData().toInt()) == StoryStatus::Draft;
    if (!m_slugByHand && draft) {
        const QString headline = m_headline->text().trimmed();
        QString slug;
        if (!headline.isEmpty()) {
            slug = m_isTaken ? uniqueSlug(slugify(headline), m_isTaken) : slugify(headline);
        }
        m_slug->setText(slug);
        validateSlug();
    }
    Q_EMIT edited();
}

void StoryForm::onSlugEdited() {
    m_slugByHand = !m_slug->text().isEmpty();
    // Clearing the slug by hand asks for one made from the headline again, whatever the status.
    if (!m_slugByHand) {
        const QString headline = m_headline->text().trimmed();
        m_slug->setText(headline.isEmpty() ? QString()
                        : m_isTaken        ? uniqueSlug(slugify(headline), m_isTaken)
                                           : slugify(headline));
    }
    validateSlug();
    Q_EMIT edited();
}

void StoryForm::validateSlug() {
    const QString slug = m_slug->text().trimmed();
    QString problem;
    if (!slug.isEmpty() && !isValidSlug(slug))
        problem = tr("Use lowercase letters, digits and single hyphens, like “council-votes-on-budget”.");
    else if (!slug.isEmpty() && m_isTaken && m_isTaken(slug))
        problem = tr("Another story already uses the slug “%1”.").arg(slug);
    m_slugMessage->setText(problem);
    m_slugMessage->setVisible(!problem.isEmpty());
}

void StoryForm::updateCount() {
    const int count = m_headline->text().size();
    m_count->setText(count == 1 ? tr("1 character") : tr("%1 characters").arg(count));
    m_count->setStyleSheet(count > LongHeadline ? u"color: #b25b00; font-weight: bold;"_qs
                                                : u"color: #5f6368;"_qs);
    m_count->setToolTip(tr("Headlines over %1 characters rarely fit a front-page slot.").arg(LongHeadline));
}

} // namespace galley
