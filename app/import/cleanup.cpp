#include "importdraft.h"

#include "chromefilter.h"
#include "joinedwords.h"
#include "lineshapes.h"
#include "quotedopenings.h"

#include <QHash>

namespace galley {

namespace {

using namespace lineshape;

/// A paragraph repeated whole is removed only from this length on: shorter lines (labels, list
/// entries, headings, "Signature: ____") repeat on purpose.
constexpr int MinDuplicateWords = 12;
/// Lines after a wire end mark this short are the transmission's trailer (times, codes, routing).
constexpr int MaxTrailerWords = 12;

/// Two copies of a paragraph match when their letters and digits match: spacing, words run
/// together and quote styles do not matter.
QString duplicateKey(const QString &text) {
    QString key(text.size(), Qt::Uninitialized);
    QChar *out = key.data();
    for (const QChar c : text)
        if (c.isLetterOrNumber())
            *out++ = c.toLower();
    key.truncate(out - key.constData());
    return key;
}

class Cleanup final {
public:
    Cleanup(ImportDraft &draft, const QString &language)
        : d(draft)
        , m_language(language) {
        m_plain.reserve(d.segments.size());
        for (const DraftSegment &s : std::as_const(d.segments))
            m_plain.append(s.segment.text.plainText());
    }

    void run() {
        removeChrome();
        const int headline = findHead();
        if (headline >= 0)
            removeTeaser(headline);
        removeDuplicates();
        const int bodyStart = assignHeadRoles(headline);
        splitWords();
        assignBodyRoles(bodyStart);
        findWireDateline();
        reportRoles();
    }

private:
    /// The segment's text as read (computed once: every step looks at it).
    const QString &plain(int i) const { return m_plain.at(i); }
    /// With its accepted word splits; the text as read when it has none.
    QString cleanText(int i) const {
        if (d.segments.at(i).splits.isEmpty())
            return plain(i);
        const auto &s = d.segments.at(i);
        return applySplits(s.segment.text, s.splits, d.report.changes, {}).plainText();
    }
    bool kept(int i) const { return d.segments.at(i).removal < 0; }
    const Segment &seg(int i) const { return d.segments.at(i).segment; }

    QList<int> keptIndexes() const {
        QList<int> out;
        for (int i = 0; i < d.segments.size(); ++i)
            if (kept(i))
                out.append(i);
        return out;
    }

    int addChange(ImportChangeKind kind, int segment, const QString &result, const QString &note = {}) {
        d.report.changes.append(ImportChange{kind, plain(segment), result, seg(segment).line, 0, note});
        return int(d.report.changes.size() - 1);
    }

    /// Site chrome by its words or markup, and the wire's trailer: short lines after the story's
    /// end mark ("-30-", "ENDS"): times, codes and routing ("EW-NP-0502 1532GMT", "NNNN"). Longer
    /// text after the mark stays in the story. Changes in input order.
    void removeChrome() {
        QStringList reasons;
        reasons.reserve(d.segments.size());
        int end = -1; // the first end-of-story mark
        for (int i = 0; i < d.segments.size(); ++i) {
            QString reason;
            if (!seg(i).verbatim) {
                const QString text = plain(i);
                reason = chromeReason(text);
                if (seg(i).markupChrome && reason.isEmpty())
                    reason = u"page navigation, footer or form"_qs;
                if (end < 0 && isEndOfStoryMark(text))
                    end = i;
                else if (end >= 0 && reason.isEmpty() && isTrailerLine(i))
                    reason = u"wire trailer after the end mark"_qs;
            }
            reasons.append(reason);
        }
        for (int i = 0; i < d.segments.size(); ++i)
            if (!reasons.at(i).isEmpty())
                d.segments[i].removal = addChange(ImportChangeKind::RemovedChrome, i, {},
                                                  u"Site chrome: %1."_qs.arg(reasons.at(i)));
    }

    bool isTrailerLine(int i) const {
        return !seg(i).markupRole && !seg(i).isStructure() && seg(i).blockKind == BlockKind::Paragraph &&
               wordCount(plain(i)) <= MaxTrailerWords;
    }

    /// A paragraph that may be removed as a repeat: long (MinDuplicateWords), plain story text. Never
    /// a list item, table row (also "a | b" in plain text), quote, heading or any line whose markup
    /// gives it a role.
    bool isRepeatable(int i) const {
        return kept(i) && d.segments.at(i).role == SegmentRole::Paragraph && !seg(i).markupRole &&
               !seg(i).verbatim && !seg(i).markupChrome && seg(i).blockKind == BlockKind::Paragraph &&
               wordCount(plain(i)) >= MinDuplicateWords && !plain(i).contains(u" | "_qs);
    }

    void setRole(int i, SegmentRole role) { d.segments[i].role = role; }

    /// Finds the headline and section (findHeadline()), then removes the short lines above them:
    /// a page's masthead, date and breadcrumbs. Longer text above stays in the body.
    int findHead() {
        const int headline = findHeadline();
        if (headline < 0)
            return -1;
        for (int i = 0; i < headline; ++i) {
            if (!kept(i) || d.segments.at(i).role != SegmentRole::Paragraph || wordCount(plain(i)) > 12)
                continue;
            d.segments[i].removal = addChange(ImportChangeKind::RemovedChrome, i, {},
                                              u"Site chrome: page header above the headline."_qs);
        }
        return headline;
    }

    /// The headline: markup first, else the shape of the first lines; marks the section label above
    /// it too. Returns the headline's index or -1.
    int findHeadline() {
        const QList<int> k = keptIndexes();
        for (int pos = 0; pos < k.size(); ++pos) {
            if (seg(k.at(pos)).markupRole == SegmentRole::Headline) {
                setRole(k.at(pos), SegmentRole::Headline);
                for (int s = 0; s < k.size(); ++s)
                    if (seg(k.at(s)).markupRole == SegmentRole::Section)
                        setRole(k.at(s), SegmentRole::Section);
                if (pos > 0 && !seg(k.at(pos - 1)).markupRole && isSectionLabel(plain(k.at(pos - 1))))
                    setRole(k.at(pos - 1), SegmentRole::Section);
                return k.at(pos);
            }
        }
        // No markup headline: judge the first lines by their shape. Lines with a markup role
        // (an HTML subhead, a NITF paragraph) are never guessed to be the headline.
        // List items and quotes are never guessed to be the headline either.
        auto plainAt = [&](int pos) {
            return pos < k.size() && !seg(k.at(pos)).markupRole &&
                           seg(k.at(pos)).blockKind == BlockKind::Paragraph
                       ? plain(k.at(pos))
                       : QString();
        };
        // "Section / Headline / long paragraph" a few lines down, past a stray site name or date.
        for (int pos = 0; pos < 4 && pos + 2 < k.size(); ++pos) {
            if (isSectionLabel(plainAt(pos)) && isHeadline(plainAt(pos + 1)) &&
                wordCount(plain(k.at(pos + 2))) >= 10) {
                setRole(k.at(pos), SegmentRole::Section);
                setRole(k.at(pos + 1), SegmentRole::Headline);
                return k.at(pos + 1);
            }
        }
        if (isSectionLabel(plainAt(0)) && isHeadline(plainAt(1))) {
            setRole(k.at(0), SegmentRole::Section);
            setRole(k.at(1), SegmentRole::Headline);
            return k.at(1);
        }
        if (isHeadline(plainAt(0))) {
            setRole(k.at(0), SegmentRole::Headline);
            return k.at(0);
        }
        // "Mayor resigns" or a Japanese headline: only when story text or a byline follows.
        if (isShortHeadline(plainAt(0)) && k.size() > 1 &&
            (isBodyText(plain(k.at(1))) || isByline(plain(k.at(1))))) {
            setRole(k.at(0), SegmentRole::Headline);
            return k.at(0);
        }
        return -1;
    }

    /// A web page often shows the lede as a teaser under the headline and again in the body: the
    /// body copy stays, the teaser goes.
    void removeTeaser(int headline) {
        const QList<int> k = keptIndexes();
        const int start = int(k.indexOf(headline)) + 1;
        for (int pos = start; pos < k.size() && pos < start + 3; ++pos) {
            const int i = k.at(pos);
            if (seg(i).markupRole && seg(i).markupRole != SegmentRole::Deck)
                continue;
            if (seg(i).verbatim || seg(i).blockKind != BlockKind::Paragraph ||
                wordCount(plain(i)) < MinDuplicateWords)
                continue;
            const QString key = duplicateKey(plain(i));
            if (key.isEmpty())
                continue;
            // The lede is the first sentence paragraph after it, past the deck and captions.
            for (int later = pos + 1; later < k.size(); ++later) {
                const QString text = plain(k.at(later));
                if (seg(k.at(later)).markupRole.value_or(SegmentRole::Paragraph) != SegmentRole::Paragraph ||
                    !endsSentence(text) || parseCaption(text))
                    continue;
                if (duplicateKey(text) == key)
                    d.segments[i].removal = addChange(
                        ImportChangeKind::RemovedDuplicate, i, {},
                        u"The teaser repeats the lede at line %1, which is kept in the body."_qs.arg(
                            seg(k.at(later)).line));
                break;
            }
        }
    }

    /// A web page repeats its lede (or another long paragraph) whole: the later copies go. Short
    /// lines, list items, table rows and headings repeat on purpose and stay (isRepeatable()).
    void removeDuplicates() {
        // By the key's hash, so no copy of the text is kept; a hit is confirmed on the keys.
        QHash<size_t, int> first;
        for (int i = 0; i < d.segments.size(); ++i) {
            if (!isRepeatable(i))
                continue;
            const QString key = duplicateKey(plain(i));
            if (key.isEmpty())
                continue;
            const size_t hash = qHash(key);
            const auto it = first.constFind(hash);
            if (it == first.constEnd()) {
                first.insert(hash, i);
                continue;
            }
            if (duplicateKey(plain(*it)) != key)
                continue;
            d.segments[i].removal = addChange(ImportChangeKind::RemovedDuplicate, i, {},
                                              u"Repeats the paragraph at line %1."_qs.arg(seg(*it).line));
        }
    }

    /// Lines whose words are never split: the headline, the deck and the section label.
    bool isHeadRole(int i) const {
        const SegmentRole role = d.segments.at(i).role;
        return role == SegmentRole::Headline || role == SegmentRole::Deck || role == SegmentRole::Section;
    }

    /// Repairs words run together (findJoinedWords(): English text that lost its line breaks
    /// only). The headline, deck and section are never split.
    void splitWords() {
        QList<JoinedWordsParagraph> paragraphs;
        paragraphs.reserve(d.segments.size());
        for (int i = 0; i < d.segments.size(); ++i)
            paragraphs.append(
                JoinedWordsParagraph{plain(i), seg(i).line, kept(i) && !isHeadRole(i), !seg(i).markupChrome});
        const JoinedWords found = findJoinedWords(paragraphs, m_language);
        d.report.notes.append(found.notes);
        for (int i = 0; i < d.segments.size(); ++i) {
            for (const WordSplit &split : std::as_const(found.splits.at(i))) {
                d.report.changes.append(ImportChange{ImportChangeKind::SplitWords,
                                                     split.original,
                                                     split.result,
                                                     seg(i).line,
                                                     int(split.offset),
                                                     {}});
                d.segments[i].splits.append(int(d.report.changes.size() - 1));
            }
        }
    }

    bool isCaptionAt(int i) const {
        return seg(i).markupRole == SegmentRole::Caption ||
               (!seg(i).markupRole && parseCaption(cleanText(i)));
    }

    bool anyRole(SegmentRole role) const {
        for (const auto &s : d.segments)
            if (s.removal < 0 && s.role == role)
                return true;
        return false;
    }

    /// Bylines, datelines and the deck under the headline. Returns the position (in keptIndexes())
    /// where the body starts.
    int assignHeadRoles(int headline) {
        const QList<int> k = keptIndexes();
        int pos = headline >= 0 ? int(k.indexOf(headline)) + 1 : 0;
        bool deckDone = false;
        // A deck given by markup anywhere (NITF abstract, a standfirst class) rules out guessing one.
        bool markupDeck = false;
        for (const int i : k)
            markupDeck = markupDeck || seg(i).markupRole == SegmentRole::Deck;
        bool skippedTeaser = false;
        auto isBareDeck = [&](int i) {
            const QString text = cleanText(i);
            return !seg(i).markupRole && seg(i).blockKind == BlockKind::Paragraph && isDeck(text) &&
                   !endsSentence(text) && !parseCaption(text) && !parsePullQuote(text);
        };
        // Bylines, datelines and the deck sit right under the headline.
        for (int taken = 0; headline >= 0 && pos < k.size() && taken < 4; ++taken) {
            const int i = k.at(pos);
            const QString text = cleanText(i);
            const auto markup = seg(i).markupRole;
            // List items and quotes are body, whatever their shape.
            if (!markup && seg(i).blockKind != BlockKind::Paragraph)
                break;
            if (markup == SegmentRole::Byline || (!markup && isByline(text))) {
                setRole(i, SegmentRole::Byline);
            } else if (markup == SegmentRole::Dateline) {
                setRole(i, SegmentRole::Dateline);
            } else if (!deckDone &&
                       (markup == SegmentRole::Deck ||
                        (!markup && !markupDeck && isDeck(text) && !parseCaption(text) &&
                         !parsePullQuote(text) &&
                         (!endsSentence(text) || (pos + 1 < k.size() && isCaptionAt(k.at(pos + 1))))))) {
                setRole(i, SegmentRole::Deck);
                deckDone = true;
            } else if (!deckDone && !skippedTeaser && !markup && !markupDeck && pos + 1 < k.size() &&
                       isBareDeck(k.at(pos + 1))) {
                // A teaser sentence that repeats nothing stays in the body; the deck follows it.
                skippedTeaser = true;
            } else {
                break;
            }
            ++pos;
        }
        return pos;
    }

    /// Roles of the body lines: subheads, captions, pull quotes; the lead picture.
    void assignBodyRoles(int pos) {
        const QList<int> k = keptIndexes();
        QuotedOpenings quoted;
        for (qsizetype p = pos; p < k.size(); ++p)
            if (seg(k.at(p)).blockKind == BlockKind::Paragraph ||
                seg(k.at(p)).blockKind == BlockKind::BlockQuote)
                quoted.add(cleanText(k.at(p)), k.at(p));
        auto isPullQuote = [&](int i, const QString &text) {
            const auto quote = parsePullQuote(text);
            return quote && (!quote->needsEvidence || quoted.repeats(quote->text, i));
        };
        bool deckDone = anyRole(SegmentRole::Deck);
        bool bodySeen = false;
        bool leadTaken = false;
        for (; pos < k.size(); ++pos) {
            const int i = k.at(pos);
            const QString text = cleanText(i);
            const auto markup = seg(i).markupRole;
            SegmentRole role = SegmentRole::Paragraph;
            if (markup) {
                role = *markup;
                if (role == SegmentRole::Headline)
                    role = SegmentRole::Subhead;
                else if (role == SegmentRole::Deck && !deckDone)
                    deckDone = true;
                else if (role == SegmentRole::Deck || role == SegmentRole::Section)
                    role = SegmentRole::Paragraph;
            } else if (parseCaption(text)) {
                role = SegmentRole::Caption;
            } else if (seg(i).blockKind != BlockKind::BulletList &&
                       seg(i).blockKind != BlockKind::NumberedList && isPullQuote(i, text)) {
                role = SegmentRole::PullQuote;
            } else if (seg(i).blockKind == BlockKind::Paragraph && isSubhead(text) && pos + 1 < k.size()) {
                const QString next = cleanText(k.at(pos + 1));
                if (wordCount(next) >= 8 && endsSentence(next) && !parseCaption(next))
                    role = SegmentRole::Subhead;
            }
            if (role == SegmentRole::Caption && !bodySeen && !leadTaken) {
                d.segments[i].lead = true;
                leadTaken = true;
            }
            if (role == SegmentRole::Paragraph)
                bodySeen = true;
            setRole(i, role);
        }
    }

    /// "EASTPORT, May 2 (Example Wire) - The port...": the dateline opening the first paragraph
    /// becomes the story's dateline, unless markup gave one.
    void findWireDateline() {
        if (anyRole(SegmentRole::Dateline))
            return;
        for (int i = 0; i < d.segments.size(); ++i) {
            if (!kept(i) || d.segments.at(i).role != SegmentRole::Paragraph)
                continue;
            if (seg(i).verbatim || seg(i).blockKind != BlockKind::Paragraph)
                return;
            const QString text = cleanText(i);
            const auto dateline = parseWireDateline(text);
            if (!dateline)
                return;
            d.report.changes.append(ImportChange{
                ImportChangeKind::RecognisedDateline, text.left(dateline->length).trimmed(), dateline->place,
                seg(i).line, 0,
                u"The wire dateline opening the first paragraph becomes the story's dateline."_qs});
            d.segments[i].datelineChange = int(d.report.changes.size() - 1);
            d.segments[i].datelineLength = dateline->length;
            return;
        }
    }

    void reportRoles() {
        // One change per recognised line, in input order.
        for (int i = 0; i < d.segments.size(); ++i) {
            if (!kept(i) || d.segments.at(i).role == SegmentRole::Paragraph)
                continue;
            d.segments[i].roleChange = roleChange(i);
        }
    }

    int roleChange(int i) {
        const QString text = cleanText(i);
        switch (d.segments.at(i).role) {
        case SegmentRole::Section:
            return addChange(ImportChangeKind::RecognisedSection, i, text);
        case SegmentRole::Headline:
            return addChange(ImportChangeKind::RecognisedHeadline, i, text);
        case SegmentRole::Deck:
            return addChange(ImportChangeKind::RecognisedDeck, i, text);
        case SegmentRole::Byline:
            return addChange(ImportChangeKind::RecognisedByline, i, bylineNames(text).join(u"; "_qs));
        case SegmentRole::Dateline:
            return addChange(ImportChangeKind::RecognisedDateline, i, text);
        case SegmentRole::Subhead:
            return addChange(ImportChangeKind::RecognisedSubhead, i, text);
        case SegmentRole::PullQuote: {
            const auto quote = seg(i).attribution.isEmpty() ? parsePullQuote(text) : std::optional<Quote>();
            const QString attribution =
                seg(i).attribution.isEmpty() && quote ? quote->attribution : seg(i).attribution;
            return addChange(ImportChangeKind::RecognisedPullQuote, i,
                             (quote ? quote->text : text) % u" \u2014 "_qs % attribution);
        }
        case SegmentRole::Caption: {
            QString caption = text;
            QString credit = seg(i).credit;
            if (credit.isEmpty()) {
                if (const auto parsed = parseCaption(text)) {
                    caption = parsed->caption;
                    credit = parsed->credit;
                }
            }
            const QString result = credit.isEmpty() ? caption : caption % u" ("_qs % credit % u')';
            const bool missing = seg(i).imageData.isEmpty();
            return addChange(
                missing ? ImportChangeKind::PictureMissing : ImportChangeKind::RecognisedCaption, i, result,
                missing ? (seg(i).pictureRefused.isEmpty()
                               ? u"The picture is not in the file: the image is marked as missing."_qs
                               : seg(i).pictureRefused % u" The image is marked as missing."_qs)
                        : QString());
        }
        case SegmentRole::Paragraph:
            break;
        }
        return -1;
    }

    ImportDraft &d;
    QString m_language;
    QStringList m_plain;
};

} // namespace

ImportDraft analyseSegments(const QList<Segment> &segments, const QString &language) {
    ImportDraft draft;
    draft.storyId = newId();
    draft.created = QDateTime::currentDateTimeUtc();
    for (const Segment &segment : segments) {
        // What the readers did to markup comes first in the report, in input order.
        for (const ReaderNote &note : segment.notes)
            draft.report.changes.append(ImportChange{note.kind, note.original, note.result,
                                                     note.line > 0 ? note.line : segment.line, 0, note.note});
        const bool picture = segment.markupRole == SegmentRole::Caption &&
                             (!segment.imageFileName.isEmpty() || !segment.pictureRefused.isEmpty());
        if (segment.text.isEmpty() && segment.imageData.isEmpty() && segment.credit.isEmpty() && !picture &&
            !segment.isStructure())
            continue;
        draft.segments.append(DraftSegment{segment, newId()});
    }
    Cleanup(draft, language).run();
    return draft;
}

} // namespace galley
