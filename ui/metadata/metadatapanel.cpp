#include "metadatapanel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QRegularExpression>
#include <QRegularExpressionValidator>
#include <QScrollArea>
#include <QVBoxLayout>

namespace galley {

namespace {

// RFC 5646 section 2.1, without the grandfathered tags nobody sends: language (2-3 letters, or
// 4-8 registered), up to three extended subtags, script, region, variants, extensions, private use.
const QRegularExpression &languagePattern() {
    static const QRegularExpression pattern(
        QStringLiteral(R"(^(?:(?:[A-Za-z]{2,3}(?:-[A-Za-z]{3}){0,3}|[A-Za-z]{4,8})(?:-[A-Za-z]{4})?)"
                       R"((?:-(?:[A-Za-z]{2}|[0-9]{3}))?(?:-(?:[A-Za-z0-9]{5,8}|[0-9][A-Za-z0-9]{3}))*)"
                       R"((?:-[0-9A-WY-Za-wy-z](?:-[A-Za-z0-9]{2,8})+)*(?:-[Xx](?:-[A-Za-z0-9]{1,8})+)?)"
                       R"(|[Xx](?:-[A-Za-z0-9]{1,8})+)$)"));
    return pattern;
}

QString timeText(const QDateTime &time) {
    return time.isValid() ? QLocale().toString(time.toLocalTime(), u"ddd d MMM yyyy, HH:mm"_qs) : QString();
}

// Urgency as IPTC numbers it: 1 is a flash, 9 the least urgent.
QString priorityName(int priority) {
    switch (priority) {
    case 1:
        return MetadataPanel::tr("1 — flash");
    case 2:
        return MetadataPanel::tr("2 — urgent");
    case 5:
        return MetadataPanel::tr("5 — normal");
    case 9:
        return MetadataPanel::tr("9 — lowest");
    default:
        return QString::number(priority);
    }
}

} // namespace

MetadataPanel::MetadataPanel(QWidget *parent)
    : QWidget(parent)
    , m_agency(new QLineEdit(this))
    , m_originalId(new QLineEdit(this))
    , m_priority(new QComboBox(this))
    , m_slugline(new QLineEdit(this))
    , m_keywords(new QLineEdit(this))
    , m_language(new QLineEdit(this))
    , m_languageNote(new QLabel(this))
    , m_firstCreated(new QLabel(this))
    , m_versionCreated(new QLabel(this))
    , m_embargoOn(new QCheckBox(tr("Embar&goed until"), this))
    , m_embargo(new QDateTimeEdit(this)) {
    setObjectName(u"metadataPanel"_qs);
    m_agency->setObjectName(u"agencyEdit"_qs);
    m_agency->setPlaceholderText(tr("Written in-house"));
    m_originalId->setObjectName(u"originalIdEdit"_qs);
    m_originalId->setReadOnly(true);
    m_originalId->setPlaceholderText(tr("None: not from a wire"));
    m_priority->setObjectName(u"priorityCombo"_qs);
    m_priority->addItem(tr("None"), 0);
    for (int priority = 1; priority <= 9; ++priority)
        m_priority->addItem(priorityName(priority), priority);
    m_slugline->setObjectName(u"sluglineEdit"_qs);
    m_slugline->setPlaceholderText(tr("The wire's keyword line, e.g. BC-Harbour-Ferry-Strike"));
    m_keywords->setObjectName(u"keywordsEdit"_qs);
    m_keywords->setPlaceholderText(tr("Separated by commas: ferries, strike, harbour"));
    m_language->setObjectName(u"languageEdit"_qs);
    m_language->setPlaceholderText(tr("House default"));
    m_language->setValidator(new QRegularExpressionValidator(
        QRegularExpression(QStringLiteral(R"(^[A-Za-z0-9-]{0,35}$)")), m_language));
    m_language->setToolTip(tr("A BCP 47 language tag: en, en-GB, nb, pt-BR, sr-Latn. Empty means the house "
                              "language."));
    m_languageNote->setObjectName(u"languageNote"_qs);
    m_languageNote->setStyleSheet(u"color: #b3261e;"_qs);
    m_languageNote->setWordWrap(true);
    m_languageNote->setVisible(false);
    for (QLabel *label : {m_firstCreated, m_versionCreated})
        label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_firstCreated->setObjectName(u"firstCreatedLabel"_qs);
    m_versionCreated->setObjectName(u"versionCreatedLabel"_qs);
    m_embargoOn->setObjectName(u"embargoCheck"_qs);
    m_embargo->setObjectName(u"embargoEdit"_qs);
    m_embargo->setCalendarPopup(true);
    m_embargo->setTimeSpec(Qt::LocalTime);
    m_embargo->setDisplayFormat(u"ddd d MMM yyyy, HH:mm"_qs);
    m_embargo->setEnabled(false);

    auto *embargoRow = new QHBoxLayout;
    embargoRow->addWidget(m_embargoOn);
    embargoRow->addWidget(m_embargo, 1);
    auto *languageColumn = new QVBoxLayout;
    languageColumn->setSpacing(2);
    languageColumn->addWidget(m_language);
    languageColumn->addWidget(m_languageNote);

    auto *content = new QWidget;
    auto *form = new QFormLayout(content);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->setLabelAlignment(Qt::AlignRight | Qt::AlignVCenter);
    form->addRow(tr("&Source agency:"), m_agency);
    form->addRow(tr("Original id:"), m_originalId);
    form->addRow(tr("&Priority:"), m_priority);
    form->addRow(tr("Sl&ugline:"), m_slugline);
    form->addRow(tr("&Keywords:"), m_keywords);
    form->addRow(tr("La&nguage:"), languageColumn);
    form->addRow(tr("First created:"), m_firstCreated);
    form->addRow(tr("This version:"), m_versionCreated);
    form->addRow(tr("Embargo:"), embargoRow);
    if (auto *label = qobject_cast<QLabel *>(form->labelForField(languageColumn)))
        label->setBuddy(m_language);

    auto *scroll = new QScrollArea(this);
    scroll->setWidget(content);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 8, 0, 0);
    layout->addWidget(scroll);

    for (QLineEdit *edit : {m_agency, m_slugline, m_keywords})
        connect(edit, &QLineEdit::textEdited, this, &MetadataPanel::changed);
    connect(m_language, &QLineEdit::textEdited, this, &MetadataPanel::onLanguageEdited);
    // Once typed, fields show what the story keeps: "en-gb" reads "en-GB", stray commas go.
    connect(m_language, &QLineEdit::editingFinished, this, [this] {
        if (isLanguageTag(m_language->text().trimmed()))
            m_language->setText(canonicalLanguageTag(m_language->text().trimmed()));
    });
    connect(m_keywords, &QLineEdit::editingFinished, this,
            [this] { m_keywords->setText(metadata().keywords.join(u", ")); });
    connect(m_priority, &QComboBox::currentIndexChanged, this, &MetadataPanel::changed);
    connect(m_embargoOn, &QCheckBox::toggled, this, &MetadataPanel::onEmbargoToggled);
    connect(m_embargo, &QDateTimeEdit::dateTimeChanged, this, &MetadataPanel::changed);
}

void MetadataPanel::setMetadata(const StoryMetadata &metadata) {
    m_loading = true;
    m_metadata = metadata;
    m_agency->setText(metadata.sourceAgency);
    m_originalId->setText(metadata.originalId);
    m_originalId->setCursorPosition(0);
    m_priority->setCurrentIndex(std::max(0, m_priority->findData(metadata.priority)));
    m_slugline->setText(metadata.slugline);
    m_keywords->setText(metadata.keywords.join(u", "));
    m_language->setText(metadata.language);
    m_languageNote->setVisible(false);
    const QString none = tr("Not given");
    m_firstCreated->setText(metadata.firstCreated.isValid() ? timeText(metadata.firstCreated) : none);
    m_versionCreated->setText(metadata.versionCreated.isValid() ? timeText(metadata.versionCreated) : none);
    m_embargoOn->setChecked(metadata.embargo.isValid());
    m_embargo->setEnabled(metadata.embargo.isValid());
    // Without an embargo the editor offers tomorrow morning, when most embargoes lift.
    m_embargo->setDateTime(metadata.embargo.isValid()
                               ? metadata.embargo.toLocalTime()
                               : QDateTime(QDate::currentDate().addDays(1), QTime(6, 0)));
    m_loading = false;
}

StoryMetadata MetadataPanel::metadata() const {
    StoryMetadata metadata = m_metadata;
    metadata.sourceAgency = m_agency->text().trimmed();
    metadata.priority = m_priority->currentData().toInt();
    metadata.slugline = m_slugline->text().trimmed();
    metadata.keywords.clear();
    for (const QString &keyword : m_keywords->text().split(u',', Qt::SkipEmptyParts))
        if (!keyword.trimmed().isEmpty())
            metadata.keywords.append(keyword.trimmed());
    const QString language = m_language->text().trimmed();
    if (isLanguageTag(language))
        metadata.language = canonicalLanguageTag(language);
    if (m_embargoOn->isChecked()) {
        metadata.embargo = m_embargo->dateTime().toUTC();
    } else {
        metadata.embargo = QDateTime();
    }
    return metadata;
}

bool MetadataPanel::isLanguageTag(const QString &tag) {
    return tag.isEmpty() || languagePattern().match(tag).hasMatch();
}

QString MetadataPanel::canonicalLanguageTag(const QString &tag) {
    QStringList parts = tag.split(u'-');
    for (qsizetype i = 0; i < parts.size(); ++i) {
        QString &part = parts[i];
        // After a singleton (an extension or x- private use) case carries no meaning: lowercase.
        if (i > 0 && parts.at(i - 1).size() == 1) {
            for (qsizetype j = i; j < parts.size(); ++j)
                parts[j] = parts[j].toLower();
            break;
        }
        if (i > 0 && part.size() == 2)
            part = part.toUpper();
        else if (i > 0 && part.size() == 4 && part.at(0).isLetter())
            part = part.left(1).toUpper() + part.mid(1).toLower();
        else
            part = part.toLower();
    }
    return parts.join(u'-');
}

void MetadataPanel::onLanguageEdited() {
    const QString language = m_language->text().trimmed();
    const bool valid = isLanguageTag(language);
    m_languageNote->setText(
        valid ? QString()
              : tr("Not a language tag yet: use one like en, en-GB, nb or pt-BR; empty means the house "
                   "language."));
    m_languageNote->setVisible(!valid);
    if (valid)
        changed();
}

void MetadataPanel::onEmbargoToggled(bool on) {
    m_embargo->setEnabled(on);
    if (on)
        m_embargo->setFocus(Qt::OtherFocusReason);
    changed();
}

void MetadataPanel::changed() {
    if (m_loading)
        return;
    m_metadata = metadata();
    Q_EMIT edited();
}

QString embargoWarning(const StoryMetadata &metadata, const QDateTime &now) {
    if (!metadata.embargo.isValid() || metadata.embargo <= now)
        return {};
    return MetadataPanel::tr("Embargoed until %1: not to be published before then.")
        .arg(QLocale().toString(metadata.embargo.toLocalTime(), u"ddd d MMM yyyy, HH:mm"_qs));
}

} // namespace galley
