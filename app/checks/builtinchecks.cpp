#include "builtinchecks.h"

#include "model/story.h"
#include "stylerules.h"
#include "wordscan.h"

#include <QRegularExpression>

namespace galley {

namespace {

Finding make(const CheckText &text, const QString &rule, Severity severity, int start, int length,
             const QString &message) {
    Finding f;
    f.field = text.field;
    f.item = text.item;
    f.start = start;
    f.length = length;
    f.rule = rule;
    f.severity = severity;
    f.message = message;
    f.matched = text.text.mid(start, length);
    return f;
}

Finding whole(const QString &field, const QString &item, const QString &rule, Severity severity,
              const QString &message) {
    return make({field, item, {}}, rule, severity, 0, 0, message);
}

bool quotedField(const QString &field) {
    return field == u"headline" || field == u"deck" || field == u"body" || field == u"pullquote" ||
           field == u"caption" || field == u"alt";
}

void straightQuotes(const CheckText &text, QList<Finding> &out) {
    const QString &s = text.text;
    for (int i = 0; i < s.size(); ++i) {
        const QChar c = s.at(i);
        if (c != u'"' && c != u'\'')
            continue;
        const bool afterWord = i > 0 && s.at(i - 1).isLetterOrNumber();
        const bool beforeWord = i + 1 < s.size() && s.at(i + 1).isLetterOrNumber();
        const bool opening = i == 0 || s.at(i - 1).isSpace() || s.at(i - 1) == u'(' || s.at(i - 1) == u'[' ||
                             s.at(i - 1) == u'—' || s.at(i - 1) == u'–';
        QString curly;
        if (c == u'"')
            curly = opening ? u"“"_qs : u"”"_qs;
        else if (afterWord || !opening)
            curly = u"’"_qs; // don't, reporters', the '90s is ambiguous and left to the desk
        else if (!beforeWord)
            curly = QString();
        else
            curly = u"‘"_qs;
        Finding f = make(text, u"straight-quote"_qs, Severity::Advisory, i, 1,
                         curly.isEmpty() ? u"A straight quote: use a curly one."_qs
                                         : u"A straight quote: use “%1”."_qs.arg(curly));
        if (!curly.isEmpty() && !(c == u'\'' && opening))
            f.replacement = curly;
        out.append(f);
    }
}

void doubleSpaces(const CheckText &text, QList<Finding> &out) {
    const QString &s = text.text;
    for (int i = 0; i + 1 < s.size(); ++i) {
        if (s.at(i) != u' ' || s.at(i + 1) != u' ')
            continue;
        int j = i;
        while (j < s.size() && s.at(j) == u' ')
            ++j;
        Finding f = make(text, u"double-space"_qs, Severity::Warning, i, j - i, u"Two spaces where one will do."_qs);
        f.replacement = u" "_qs;
        out.append(f);
        i = j;
    }
}

bool opensQuote(const QString &s) {
    const QString t = s.trimmed();
    return t.startsWith(u'“') || t.startsWith(u'"');
}

void balance(const CheckText &text, const CheckText *next, QList<Finding> &out) {
    const QString &s = text.text;
    // Curly quotes and brackets pair up; straight double quotes only count.
    struct Open {
        QChar c;
        int at;
    };
    QList<Open> stack;
    int straight = 0, lastStraight = -1;
    for (int i = 0; i < s.size(); ++i) {
        const QChar c = s.at(i);
        if (c == u'“' || c == u'(' || c == u'[') {
            stack.append({c, i});
        } else if (c == u'”' || c == u')' || c == u']') {
            const QChar want = c == u'”' ? u'“' : c == u')' ? u'(' : u'[';
            qsizetype match = stack.size() - 1;
            while (match >= 0 && stack.at(match).c != want)
                --match;
            if (match >= 0) {
                // Whatever opened after the match and is still open was never closed.
                for (qsizetype k = match + 1; k < stack.size(); ++k) {
                    const bool quote = stack.at(k).c == u'“';
                    out.append(make(text, quote ? u"unbalanced-quote"_qs : u"unbalanced-bracket"_qs, Severity::Warning,
                                    stack.at(k).at, 1,
                                    quote ? u"This quote is never closed."_qs : u"This bracket is never closed."_qs));
                }
                stack.resize(match);
            } else {
                const bool quote = c == u'”';
                out.append(make(text, quote ? u"unbalanced-quote"_qs : u"unbalanced-bracket"_qs, Severity::Warning, i,
                                1,
                                quote ? u"This closing quote has no opening quote."_qs
                                      : u"This closing bracket has no opening bracket."_qs));
            }
        } else if (c == u'"') {
            ++straight;
            lastStraight = i;
        }
    }
    const bool runsOn = text.field == u"body" && next && opensQuote(next->text);
    for (const Open &open : stack) {
        const bool quote = open.c == u'“';
        if (quote && runsOn)
            continue;
        out.append(make(text, quote ? u"unbalanced-quote"_qs : u"unbalanced-bracket"_qs, Severity::Warning, open.at, 1,
                        quote ? u"This quote is never closed."_qs : u"This bracket is never closed."_qs));
    }
    if (straight % 2 == 1 && !(runsOn && opensQuote(s)))
        out.append(make(text, u"unbalanced-quote"_qs, Severity::Warning, lastStraight, 1,
                        u"An odd number of quote marks: one is not closed."_qs));
}

void numbers(const CheckText &text, QList<Finding> &out) {
    if (text.field != u"body" && text.field != u"deck" && text.field != u"caption")
        return;
    static const QStringList words = {u"one"_qs, u"two"_qs, u"three"_qs, u"four"_qs, u"five"_qs,
                                      u"six"_qs, u"seven"_qs, u"eight"_qs, u"nine"_qs};
    // What follows a figure AP keeps as a figure: ages, percentages, money, dimensions, times.
    static const QRegularExpression after(
        u"^(?:\\s*(?:%|percent\\b|per cent\\b|-?years?[- ]old\\b|-year\\b|-month-old\\b|x\\b|×|by\\s+\\d|"
        u"feet\\b|foot\\b|ft\\b|inch(?:es)?\\b|in\\.|cm\\b|mm\\b|m\\b|km\\b|kg\\b|g\\b|lb\\b|lbs\\b|mph\\b|"
        u"km/h|°|a\\.m\\.|p\\.m\\.|am\\b|pm\\b|o'clock|o’clock|million\\b|billion\\b|trillion\\b|"
        u"points?\\b|goals?\\b|runs?\\b|seeds?\\b)|[-–]\\d)"_qs,
        QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression before(
        u"(?:[$£€¥]|\\b(?:No\\.|no\\.|number|page|p\\.|chapter|section|route|room|platform|gate|"
        u"aged?|Grade|grade|level|Category|category|Article|article|round|Game|game|week|day|Act|act|"
        u"Rule|rule|version|[Ss]tage|Apollo|[Tt]erm|Channel|[Ff]loor)\\s*|\\d[-–]|[./:,])$"_qs);
    const QString &s = text.text;
    for (const ScannedWord &w : scanWords(s)) {
        if (w.length != 1 || !s.at(w.start).isDigit() || s.at(w.start) == u'0')
            continue;
        const QStringView rest = QStringView(s).mid(w.start + 1, 24);
        const QStringView lead = QStringView(s).mid(std::max(0, w.start - 12), std::min(w.start, 12));
        if (after.match(rest).hasMatch() || before.match(lead).hasMatch())
            continue;
        const QString word = words.at(s.at(w.start).digitValue() - 1);
        Finding f = make(text, u"spell-out-number"_qs, Severity::Advisory, w.start, 1,
                         u"AP style spells out one to nine: “%1”."_qs.arg(word));
        QString replacement = word;
        if (w.sentenceStart)
            replacement[0] = replacement.at(0).toUpper();
        f.replacement = replacement;
        out.append(f);
    }
}

/// Lowercase words of @p text, letters and digits only, space-separated: for "do these words
/// appear in the body" regardless of quotes, case and punctuation.
QString normalizedWords(const QString &text) {
    QString out;
    out.reserve(text.size());
    bool space = true;
    for (QChar c : text) {
        if (c.isLetterOrNumber()) {
            out.append(c.toLower());
            space = false;
        } else if (c == u'\'' || c == u'’') {
            continue;
        } else if (!space) {
            out.append(u' ');
            space = true;
        }
    }
    return out.trimmed();
}

bool saysEmbargoed(const Story &story) {
    auto says = [](const QString &s) { return s.contains(u"embargo"_qs, Qt::CaseInsensitive); };
    if (says(story.metadata.slugline) || says(story.headline) || says(story.deck))
        return true;
    for (const QString &k : story.metadata.keywords)
        if (says(k))
            return true;
    return !story.body.isEmpty() && says(story.body.constFirst().plainText().left(120));
}

void linkTexts(const Story &story, QList<Finding> &out) {
    static const QStringList vague = {u"click here"_qs, u"here"_qs,      u"read more"_qs, u"more"_qs,
                                      u"this link"_qs,  u"link"_qs,      u"click"_qs,     u"this"_qs,
                                      u"read this"_qs,  u"learn more"_qs, u"this page"_qs};
    for (const Block &block : story.body) {
        if (block.kind == BlockKind::Table)
            continue;
        int offset = 0;
        for (const InlineText &line : block.lines) {
            int at = offset;
            for (const InlineRun &run : line.runs) {
                const QString t = run.text.trimmed().toLower();
                if (!run.href.isEmpty() && vague.contains(t)) {
                    Finding f;
                    f.field = u"body"_qs;
                    f.item = block.id;
                    f.start = at;
                    f.length = int(run.text.size());
                    f.rule = u"link-text"_qs;
                    f.severity = Severity::Warning;
                    f.message = u"Link text “%1” says nothing out of context: name where the link goes."_qs.arg(
                        run.text.trimmed());
                    f.matched = run.text;
                    out.append(f);
                }
                at += int(run.text.size());
            }
            offset += int(line.plainText().size()) + 1;
        }
    }
}

} // namespace

QList<Finding> runTextChecks(const CheckText &text, const CheckText *next) {
    QList<Finding> out;
    if (text.text.isEmpty())
        return out;
    if (quotedField(text.field)) {
        straightQuotes(text, out);
        balance(text, next, out);
    }
    doubleSpaces(text, out);
    numbers(text, out);
    std::stable_sort(out.begin(), out.end(), [](const Finding &a, const Finding &b) { return a.start < b.start; });
    return out;
}

QList<Finding> runStoryChecks(const Story &story) {
    QList<Finding> out;
    if (story.headline.trimmed().isEmpty())
        out.append(whole(u"headline"_qs, {}, u"missing-headline"_qs, Severity::Error, u"The story has no headline."_qs));
    if (story.bylines.isEmpty())
        out.append(whole(u"byline"_qs, {}, u"missing-byline"_qs, Severity::Warning, u"The story has no byline."_qs));
    if (story.dateline.trimmed().isEmpty())
        out.append(whole(u"dateline"_qs, {}, u"missing-dateline"_qs, Severity::Advisory, u"The story has no dateline."_qs));
    if (story.section.trimmed().isEmpty())
        out.append(whole(u"section"_qs, {}, u"missing-section"_qs, Severity::Warning, u"The story has no section."_qs));

    const QString body = u' ' % normalizedWords(story.bodyPlainText()) % u' ';
    for (const PullQuote &quote : story.pullQuotes) {
        if (quote.text.trimmed().isEmpty())
            continue;
        if (quote.attribution.trimmed().isEmpty())
            out.append(whole(u"attribution"_qs, quote.id, u"pullquote-attribution"_qs, Severity::Warning,
                             u"The pull quote does not say who said it."_qs));
        // An ellipsis marks words left out: each part must be in the body.
        static const QRegularExpression ellipsis(u"…|\\.\\.\\.|\\[\\.\\.\\.\\]"_qs);
        bool found = true;
        for (const QString &part : quote.text.split(ellipsis, Qt::SkipEmptyParts)) {
            const QString words = normalizedWords(part);
            if (!words.isEmpty() && !body.contains(u' ' % words % u' '))
                found = false;
        }
        if (!found)
            out.append(whole(u"pullquote"_qs, quote.id, u"pullquote-not-in-body"_qs, Severity::Warning,
                             u"The pull quote's words are not in the body."_qs));
    }

    static const QRegularExpression imageOf(
        u"^\\s*(?:an?\\s+)?(?:image|picture|photo|photograph|graphic|pic)\\s+(?:of|shows|showing)\\b"_qs,
        QRegularExpression::CaseInsensitiveOption);
    for (const StoryImage &image : story.images) {
        if (image.caption.trimmed().isEmpty())
            out.append(whole(u"caption"_qs, image.id, u"image-caption"_qs, Severity::Warning,
                             u"A picture has no caption."_qs));
        if (image.credit.trimmed().isEmpty())
            out.append(whole(u"credit"_qs, image.id, u"image-credit"_qs, Severity::Warning,
                             u"A picture has no credit."_qs));
        if (image.altText.trimmed().isEmpty()) {
            out.append(whole(u"alt"_qs, image.id, u"image-alt"_qs, Severity::Error,
                             u"A picture has no alt text for readers who cannot see it."_qs));
        } else if (normalizedWords(image.altText) == normalizedWords(image.caption)) {
            out.append(whole(u"alt"_qs, image.id, u"alt-repeats-caption"_qs, Severity::Warning,
                             u"The alt text only repeats the caption: describe what the picture shows."_qs));
        } else if (const auto m = imageOf.match(image.altText); m.hasMatch()) {
            Finding f = make({u"alt"_qs, image.id, image.altText}, u"alt-image-of"_qs, Severity::Warning,
                             int(m.capturedStart()), int(m.capturedLength()),
                             u"Alt text need not say it is a picture: start with what it shows."_qs);
            out.append(f);
        }
    }

    linkTexts(story, out);

    for (const Block &block : story.body) {
        if (block.kind == BlockKind::SectionBreak)
            continue;
        if (block.kind == BlockKind::Subhead)
            out.append(make({u"body"_qs, block.id, block.plainText()}, u"subhead-first"_qs, Severity::Warning, 0,
                            int(block.plainText().size()), u"A subhead comes before any paragraph."_qs));
        break;
    }

    if ((story.status == StoryStatus::Ready || story.status == StoryStatus::Published) &&
        !story.metadata.embargo.isValid() && saysEmbargoed(story))
        out.append(whole(u"story"_qs, {}, u"embargo-time"_qs, Severity::Error,
                         u"The story is embargoed and marked %1, but has no embargo time (Metadata tab)."_qs.arg(
                             statusName(story.status))));
    return out;
}

} // namespace galley
