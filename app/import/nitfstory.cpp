#include "nitfparts.h"

#include <algorithm>

namespace galley::nitf {

namespace {

/// @p segment reduced to a carrier of its own notes and @p note: its text leaves the story.
Segment dropped(const Segment &segment, ImportChangeKind kind, const QString &why) {
    Segment out;
    out.line = segment.line;
    out.notes = segment.notes;
    out.notes.append(ReaderNote{kind, segment.text.plainText(), {}, why, segment.line});
    return out;
}

QString firstOf(std::initializer_list<QString> candidates) {
    for (const QString &candidate : candidates)
        if (!candidate.isEmpty())
            return candidate;
    return {};
}

void fillMetadata(State &state, QStringList &reportNotes) {
    StoryMetadata &meta = state.meta;
    meta.sourceAgency = firstOf({state.copyrightHolder, state.rightsOwner, state.publisher, state.distributor,
                                 state.registeredSource});
    if (meta.slugline.isEmpty())
        meta.slugline = state.metaSlug;
    const QDateTime issued = state.issued.isValid() ? state.issued : state.published;
    meta.firstCreated = issued.isValid() ? issued : state.datelineDate;
    meta.versionCreated = issued;
    // date.release is the embargo when it lies after the issue time (or the agency says embargoed).
    if (state.released.isValid() &&
        (!issued.isValid() || state.released > issued || state.managementStatus == u"embargoed"))
        meta.embargo = state.released;
    if (state.managementStatus == u"embargoed" && !meta.embargo.isValid())
        reportNotes << u"The agency marked this item embargoed but gave no release time."_qs;
    else if (state.managementStatus == u"withheld")
        reportNotes << u"The agency marked this item withheld: do not publish it."_qs;
    else if (state.managementStatus == u"canceled" || state.managementStatus == u"cancelled")
        reportNotes << u"The agency marked this item canceled: do not publish it."_qs;
}

/// The first body paragraph: where a wire repeats its dateline.
qsizetype firstParagraph(const QList<Segment> &body) {
    for (qsizetype i = 0; i < body.size(); ++i) {
        const Segment &s = body.at(i);
        if (s.markupRole == SegmentRole::Paragraph && s.blockKind == BlockKind::Paragraph && !s.verbatim &&
            !s.text.isEmpty())
            return i;
        if (s.markupRole == SegmentRole::Paragraph || s.isStructure())
            return -1; // a list or a table comes first
    }
    return -1;
}

/// Takes a dateline repeated at the start of the first paragraph off it. An agency dateline opening
/// the paragraph ("Tegucigalpa, Jan 2 (EFE).- ") becomes the dateline when the file gives none, or one
/// naming another place: the paragraph is what the agency wrote for print.
void takeRepeatedDateline(State &state) {
    const qsizetype index = firstParagraph(state.body);
    if (index < 0)
        return;
    Segment &paragraph = state.body[index];
    const QString plain = paragraph.text.plainText();
    qsizetype length = state.datelines.isEmpty() ? 0 : repeatedDateline(plain, state.datelinePlace);
    QString why = u"The dateline is repeated at the start of the first paragraph; the page prints it once, "
                  "from the dateline."_qs;
    if (length == 0) {
        const auto found = agencyDateline(plain);
        if (!found)
            return;
        length = found->second;
        why =
            u"The wire dateline opening the first paragraph becomes the story's dateline; the page prints it "
            "once."_qs;
        if (!state.datelines.isEmpty()) {
            const Segment other = state.datelines.takeFirst();
            state.headCarriers.append(carrier(
                other.line, ReaderNote{ImportChangeKind::RemovedElement,
                                       other.text.plainText(),
                                       {},
                                       u"The dateline names another place than the one opening the first "
                                       "paragraph, which the story keeps."_qs,
                                       other.line}));
        }
        state.datelines.prepend(make(InlineText::plain(found->first), paragraph.line, SegmentRole::Dateline));
    }
    paragraph.notes.append(ReaderNote{
        ImportChangeKind::RemovedDuplicate, plain.left(length).trimmed(), {}, why, paragraph.line});
    paragraph.text = dropLeading(paragraph.text, length);
}

} // namespace

ReadStory assemble(State &state) {
    ReadStory story;
    fillMetadata(state, story.reportNotes);
    QList<Segment> &out = story.segments;
    if (!state.section.isEmpty())
        out.append(make(InlineText::plain(state.section), state.sectionLine, SegmentRole::Section));

    // The headline: hl1, else head/title.
    QString headline;
    for (const Segment &segment : std::as_const(state.headlines)) {
        if (headline.isEmpty() && !segment.text.isEmpty()) {
            headline = segment.text.plainText();
            out.append(segment);
        } else {
            out.append(dropped(segment, ImportChangeKind::RemovedElement,
                               u"The story has its headline already; this one is left out."_qs));
        }
    }
    if (headline.isEmpty() && !state.title.isEmpty()) {
        headline = state.title;
        out.append(make(InlineText::plain(state.title), state.titleLine, SegmentRole::Headline));
    }

    // The deck: an hl2 that reads as a sentence and is no copy of the headline, else the abstract.
    const qsizetype headStart = out.size();
    QString deck;
    for (Segment segment : std::as_const(state.subheadlines)) {
        const QString plain = segment.text.plainText();
        if (plain.isEmpty())
            continue;
        if (isCopyOf(plain, headline)) {
            out.append(dropped(segment, ImportChangeKind::RemovedDuplicate,
                               u"The second headline (hl2) repeats the headline."_qs));
        } else if (deck.isEmpty() && readsAsClause(plain)) {
            segment.markupRole = SegmentRole::Deck;
            deck = plain;
            out.append(segment);
        } else {
            out.append(dropped(
                segment, ImportChangeKind::RemovedElement,
                deck.isEmpty() ? u"The second headline (hl2) reads as a label, not a sentence, so it is "
                                 "not the deck; it is left out."_qs
                               : u"The story has its deck already; this second headline is left out."_qs));
        }
    }
    for (const Segment &segment : std::as_const(state.abstracts)) {
        const QString plain = segment.text.plainText();
        if (deck.isEmpty() && !plain.isEmpty()) {
            deck = plain;
            out.append(segment);
        } else if (isCopyOf(plain, deck)) {
            out.append(
                dropped(segment, ImportChangeKind::RemovedDuplicate, u"The abstract repeats the deck."_qs));
        } else {
            state.notes.append(DeskNote{plain, segment.line});
            Segment note = segment;
            note.text = {};
            note.markupRole.reset();
            note.notes.append(
                ReaderNote{ImportChangeKind::KeptAsText, plain, plain,
                           u"The abstract is kept as an editor's note: the second headline gives "
                           "the deck."_qs,
                           segment.line});
            out.append(note);
        }
    }
    out.append(state.bylines);
    takeRepeatedDateline(state);
    if (!state.datelines.isEmpty())
        out.append(state.datelines.first());
    out.append(state.headCarriers);
    // Deck, bylines and dateline in the order the file gives them, so the report follows the file.
    std::stable_sort(out.begin() + headStart, out.end(),
                     [](const Segment &a, const Segment &b) { return a.line < b.line; });

    bool textSeen = false;
    for (qsizetype i = 0; i < state.body.size(); ++i) {
        Segment &segment = state.body[i];
        const QString plain = segment.text.plainText();
        if (segment.markupRole == SegmentRole::Subhead && isCopyOf(plain, headline)) {
            segment =
                dropped(segment, ImportChangeKind::RemovedDuplicate, u"The subhead repeats the headline."_qs);
            continue;
        }
        if (segment.markupRole != SegmentRole::Paragraph || segment.blockKind != BlockKind::Paragraph ||
            plain.trimmed().isEmpty())
            continue;
        // PA sends the abstract again as the first paragraph ("ON THIS DAY IN SPORT").
        if (!textSeen && !deck.isEmpty() && isCopyOf(plain, deck)) {
            segment = dropped(segment, ImportChangeKind::RemovedDuplicate,
                              u"The first paragraph repeats the deck (the abstract)."_qs);
            continue;
        }
        textSeen = true;
        // Agencies that send no subhead markup set their headings as paragraphs in capitals
        // ("BIRTHDAYS", "PA SPORT TV LISTINGS") with text after them.
        // (The cleanup reports the subhead it recognises.)
        if (!isCapitalsHeading(plain))
            continue;
        bool textFollows = false;
        for (qsizetype j = i + 1; j < state.body.size() && !textFollows; ++j)
            textFollows = state.body.at(j).markupRole == SegmentRole::Paragraph &&
                          !state.body.at(j).text.plainText().trimmed().isEmpty();
        if (textFollows)
            segment.markupRole = SegmentRole::Subhead;
    }
    out.append(state.body);
    out.append(state.trailing);

    std::stable_sort(state.notes.begin(), state.notes.end(),
                     [](const DeskNote &a, const DeskNote &b) { return a.line < b.line; });
    for (const DeskNote &note : std::as_const(state.notes))
        story.notes.append(
            EditorNote{newId(), state.meta.sourceAgency, state.meta.versionCreated, note.text, {}});
    story.metadata = state.meta;
    return story;
}

} // namespace galley::nitf
