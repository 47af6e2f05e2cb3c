// The built-in copy-desk checks, the whole-story checker (ignores included) and what the library
// keeps for the checks: the house dictionary and each story's ignored findings.

#include "checks/builtinchecks.h"
#include "checks/storychecker.h"
#include "model/story.h"
#include "storage/storylibrary.h"

#include <QTemporaryDir>
#include <QTest>

using namespace galley;

namespace {

QStringList brief(const QList<Finding> &findings) {
    QStringList out;
    for (const Finding &f : findings)
        out.append(u"%1 %2+%3:%4%5"_qs.arg(f.rule).arg(f.start).arg(f.length).arg(
            f.matched, f.replacement ? u">"_qs + *f.replacement : QString()));
    return out;
}

QStringList rulesOf(const QList<Finding> &findings) {
    QStringList out;
    for (const Finding &f : findings)
        out.append(f.rule);
    return out;
}

/// A story that passes every built-in check.
Story cleanStory() {
    Story story = Story::create();
    story.headline = u"Sea wall vote passes"_qs;
    story.bylines = {Byline{u"Maren Holt"_qs, {}}};
    story.dateline = u"PORT EXAMPLE"_qs;
    story.section = u"Local"_qs;
    story.body = {Block::make(BlockKind::Paragraph, u"The council voted on Tuesday to raise the sea wall."_qs),
                  Block::make(BlockKind::Paragraph, u"“We waited long enough,” a resident said."_qs)};
    PullQuote quote;
    quote.id = newId();
    quote.text = u"We waited long enough"_qs;
    quote.attribution = u"A resident"_qs;
    story.pullQuotes = {quote};
    StoryImage image;
    image.id = newId();
    image.caption = u"The old wall at high tide."_qs;
    image.credit = u"Jane Example"_qs;
    image.altText = u"Waves breaking over a low concrete wall."_qs;
    story.images = {image};
    return story;
}

RuleSheet emptySheet() {
    return parseRuleSheet(u"id\tkind\tpattern\n"_qs);
}

} // namespace

class TestBuiltinChecks final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void cleanStoryHasNoFindings();
    void missingFields();
    void straightQuotesAndDoubleSpaces();
    void unbalancedQuotesAndBrackets();
    void numbersOneToNine();
    void pullQuotes();
    void pictures();
    void linkText();
    void subheadFirst();
    void embargoWithoutTime();
    void checkerSortsAndIgnores();
    void fixesApplied();
    void houseDictionaryInTheLibrary();
    void ignoresSurviveReopening();
};

void TestBuiltinChecks::cleanStoryHasNoFindings() {
    QCOMPARE(rulesOf(runStoryChecks(cleanStory())), QStringList());
    StoryChecker checker(emptySheet());
    QCOMPARE(rulesOf(checker.check(cleanStory())), QStringList());
}

void TestBuiltinChecks::missingFields() {
    Story story = cleanStory();
    story.headline = u"  "_qs;
    story.bylines.clear();
    story.dateline.clear();
    story.section.clear();
    const QList<Finding> found = runStoryChecks(story);
    QCOMPARE(rulesOf(found), (QStringList{u"missing-headline"_qs, u"missing-byline"_qs, u"missing-dateline"_qs,
                                          u"missing-section"_qs}));
    QCOMPARE(found.at(0).severity, Severity::Error);
    QCOMPARE(found.at(0).field, u"headline"_qs);
    QCOMPARE(found.at(1).severity, Severity::Warning);
    QCOMPARE(found.at(2).severity, Severity::Advisory);
    QCOMPARE(found.at(3).message, u"The story has no section."_qs);
}

void TestBuiltinChecks::straightQuotesAndDoubleSpaces() {
    const QList<Finding> found =
        runTextChecks({u"body"_qs, u"b"_qs, u"He said \"no\" and  didn't go.   End"_qs}, nullptr);
    QCOMPARE(brief(found), (QStringList{u"straight-quote 8+1:\">“"_qs, u"straight-quote 11+1:\">”"_qs,
                                        u"double-space 16+2:  > "_qs, u"straight-quote 22+1:'>’"_qs,
                                        u"double-space 28+3:   > "_qs}));
    QCOMPARE(found.at(0).severity, Severity::Advisory);
    QCOMPARE(found.at(2).severity, Severity::Warning);
    // Bylines and datelines are not quoted text.
    QCOMPARE(runTextChecks({u"byline"_qs, {}, u"Jo \"Ace\" Holt"_qs}, nullptr).size(), 0);
}

void TestBuiltinChecks::unbalancedQuotesAndBrackets() {
    QCOMPARE(brief(runTextChecks({u"body"_qs, {}, u"“Open (never closed and ] stray”"_qs}, nullptr)),
             (QStringList{u"unbalanced-bracket 6+1:("_qs, u"unbalanced-bracket 24+1:]"_qs}));
    QCOMPARE(brief(runTextChecks({u"deck"_qs, {}, u"A ” stray and “ open"_qs}, nullptr)),
             (QStringList{u"unbalanced-quote 2+1:”"_qs, u"unbalanced-quote 14+1:“"_qs}));
    // A quote running on into the next paragraph, which opens again, is the convention.
    const CheckText next{u"body"_qs, {}, u"“And it went on,” she said."_qs};
    QCOMPARE(runTextChecks({u"body"_qs, {}, u"“It started here."_qs}, &next).size(), 0);
    QCOMPARE(brief(runTextChecks({u"body"_qs, {}, u"“It started here."_qs}, nullptr)),
             QStringList{u"unbalanced-quote 0+1:“"_qs});
}

void TestBuiltinChecks::numbersOneToNine() {
    const QString text = u"3 boats and 7 crews left; a 4-year-old, 5% of $6 and 2 feet, at 9 a.m., "
                         u"No. 8 and 12 others won 3-1."_qs;
    QCOMPARE(brief(runTextChecks({u"body"_qs, {}, text}, nullptr)),
             (QStringList{u"spell-out-number 0+1:3>Three"_qs, u"spell-out-number 12+1:7>seven"_qs}));
    QCOMPARE(runTextChecks({u"headline"_qs, {}, u"3 boats"_qs}, nullptr).size(), 0); // headlines use figures
}

void TestBuiltinChecks::pullQuotes() {
    Story story = cleanStory();
    story.pullQuotes[0].attribution.clear();
    QCOMPARE(rulesOf(runStoryChecks(story)), QStringList{u"pullquote-attribution"_qs});
    story = cleanStory();
    story.pullQuotes[0].text = u"We waited … enough"_qs; // an ellipsis leaves words out
    QCOMPARE(rulesOf(runStoryChecks(story)), QStringList());
    story.pullQuotes[0].text = u"We waited far too long"_qs;
    const QList<Finding> found = runStoryChecks(story);
    QCOMPARE(rulesOf(found), QStringList{u"pullquote-not-in-body"_qs});
    QCOMPARE(found.at(0).field, u"pullquote"_qs);
    QCOMPARE(found.at(0).item, story.pullQuotes.at(0).id);
}

void TestBuiltinChecks::pictures() {
    Story story = cleanStory();
    story.images[0].caption.clear();
    story.images[0].credit.clear();
    story.images[0].altText.clear();
    QList<Finding> found = runStoryChecks(story);
    QCOMPARE(rulesOf(found), (QStringList{u"image-caption"_qs, u"image-credit"_qs, u"image-alt"_qs}));
    QCOMPARE(found.at(2).severity, Severity::Error);
    story = cleanStory();
    story.images[0].altText = u"The old wall at high tide"_qs;
    QCOMPARE(rulesOf(runStoryChecks(story)), QStringList{u"alt-repeats-caption"_qs});
    story.images[0].altText = u"Image of waves on a wall"_qs;
    found = runStoryChecks(story);
    QCOMPARE(brief(found), QStringList{u"alt-image-of 0+8:Image of"_qs});
}

void TestBuiltinChecks::linkText() {
    Story story = cleanStory();
    InlineText line;
    line.runs = {InlineRun{u"For the plan "_qs}, InlineRun{u"click here"_qs, false, false, u"https://example.invalid"_qs},
                 InlineRun{u"."_qs}};
    story.body[0].lines = {line};
    const QList<Finding> found = runStoryChecks(story);
    QCOMPARE(brief(found), QStringList{u"link-text 13+10:click here"_qs});
    QCOMPARE(found.at(0).item, story.body.at(0).id);
}

void TestBuiltinChecks::subheadFirst() {
    Story story = cleanStory();
    story.body.prepend(Block::make(BlockKind::Subhead, u"The vote"_qs));
    QCOMPARE(brief(runStoryChecks(story)), QStringList{u"subhead-first 0+8:The vote"_qs});
    story.body.move(0, 1);
    QCOMPARE(runStoryChecks(story).size(), 0);
}

void TestBuiltinChecks::embargoWithoutTime() {
    Story story = cleanStory();
    story.metadata.slugline = u"EMBARGOED-sea-wall"_qs;
    QCOMPARE(runStoryChecks(story).size(), 0); // a draft may wait for its time
    story.status = StoryStatus::Ready;
    const QList<Finding> found = runStoryChecks(story);
    QCOMPARE(rulesOf(found), QStringList{u"embargo-time"_qs});
    QCOMPARE(found.at(0).severity, Severity::Error);
    QCOMPARE(found.at(0).message,
             u"The story is embargoed and marked Ready, but has no embargo time (Metadata tab)."_qs);
    story.metadata.embargo = QDateTime(QDate(2026, 3, 4), QTime(5, 0), Qt::UTC);
    QCOMPARE(runStoryChecks(story).size(), 0);
}

void TestBuiltinChecks::checkerSortsAndIgnores() {
    Story story = cleanStory();
    story.headline = u"Council Utilizes teh sea wall"_qs;
    story.body[0] = Block::make(BlockKind::Paragraph, u"The the counsil met. Yesterby it voted."_qs);
    story.images[0].altText.clear();
    StoryChecker checker(readRuleSheet(builtInRuleSheetPath()));
    QList<Finding> found = checker.check(story);
    QCOMPARE(brief(found), (QStringList{u"double-word 0+7:The the>The"_qs, u"image-alt 0+0:"_qs,
                                        u"utilize 8+8:Utilizes>Use"_qs, u"headline-case 8+8:Utilizes>utilizes"_qs,
                                        u"spelling 17+3:teh"_qs, u"spelling 8+7:counsil"_qs,
                                        u"spelling 21+8:Yesterby"_qs}));
    // Ignoring: a spelling everywhere in the story, a rule's match in its field.
    const QStringList ignored = {found.at(4).ignoreKey(), found.at(2).ignoreKey()};
    story.body.append(Block::make(BlockKind::Paragraph, u"And teh rest."_qs));
    found = checker.check(story, ignored);
    QCOMPARE(rulesOf(found), (QStringList{u"double-word"_qs, u"image-alt"_qs, u"headline-case"_qs, u"spelling"_qs,
                                          u"spelling"_qs}));
    // checkText() re-checks one block alone with the story's context.
    const QList<Finding> one = checker.checkText({u"body"_qs, story.body.at(0).id, story.body.at(0).plainText()});
    QCOMPARE(brief(one), (QStringList{u"double-word 0+7:The the>The"_qs, u"spelling 8+7:counsil"_qs,
                                      u"spelling 21+8:Yesterby"_qs}));
}

void TestBuiltinChecks::fixesApplied() {
    Story story = cleanStory();
    story.body[0] = Block::make(BlockKind::Paragraph, u"They utilize  2 boats."_qs);
    StoryChecker checker(readRuleSheet(builtInRuleSheetPath()));
    QList<Finding> found = checker.check(story);
    // Apply every certain fix, from the end so earlier positions stay right.
    QString text = story.body.at(0).plainText();
    std::sort(found.begin(), found.end(), [](const Finding &a, const Finding &b) { return a.start > b.start; });
    for (const Finding &f : found) {
        QVERIFY(f.replacement.has_value());
        QCOMPARE(text.mid(f.start, f.length), f.matched);
        text.replace(f.start, f.length, *f.replacement);
    }
    QCOMPARE(text, u"They use two boats."_qs);
    story.body[0] = Block::make(BlockKind::Paragraph, text);
    QCOMPARE(checker.check(story).size(), 0);
}

void TestBuiltinChecks::houseDictionaryInTheLibrary() {
    QTemporaryDir dir;
    const QString path = dir.filePath(u"library.sqlite"_qs);
    {
        StoryLibrary library;
        QString error;
        QVERIFY2(library.open(path, &error), qPrintable(error));
        QCOMPARE(library.houseWords(), QStringList());
        QVERIFY(library.addHouseWord(u" Wi-Fi "_qs, &error));
        QVERIFY(library.addHouseWord(u"galleyware"_qs, &error));
        QVERIFY(library.addHouseWord(u"galleyware"_qs, &error)); // twice: no change
        QVERIFY(!library.addHouseWord(u"two words"_qs, &error));
        QCOMPARE(error, u"“two words” cannot go in the house dictionary: it takes one word at a time, without spaces."_qs);
        QVERIFY(!library.addHouseWord(u"  "_qs, &error));
    }
    StoryLibrary library;
    QString error;
    QVERIFY(library.open(path, &error));
    QCOMPARE(library.houseWords(), (QStringList{u"Wi-Fi"_qs, u"galleyware"_qs}));
    StoryChecker checker(emptySheet());
    checker.setHouseWords(library.houseWords());
    Story story = cleanStory();
    story.body[0] = Block::make(BlockKind::Paragraph, u"Galleyware has Wi-Fi."_qs);
    QCOMPARE(checker.check(story).size(), 0);
    QVERIFY(library.removeHouseWord(u"galleyware"_qs, &error));
    QCOMPARE(library.houseWords(), QStringList{u"Wi-Fi"_qs});
}

void TestBuiltinChecks::ignoresSurviveReopening() {
    QTemporaryDir dir;
    const QString path = dir.filePath(u"library.sqlite"_qs);
    Story story = cleanStory();
    story.body[0] = Block::make(BlockKind::Paragraph, u"The counsil met."_qs);
    StoryChecker checker(emptySheet());
    const QList<Finding> found = checker.check(story);
    QCOMPARE(found.size(), 1);
    {
        StoryLibrary library;
        QString error;
        QVERIFY(library.open(path, &error));
        QVERIFY(!library.setFindingIgnored(story.id, found.at(0).ignoreKey(), true, &error));
        QVERIFY(error.startsWith(u"The story is not in the library"_qs));
        QVERIFY2(library.save(story, &error), qPrintable(error));
        QVERIFY2(library.setFindingIgnored(story.id, found.at(0).ignoreKey(), true, &error), qPrintable(error));
        QVERIFY(library.setFindingIgnored(story.id, found.at(0).ignoreKey(), true, &error)); // twice: once
        QVERIFY(library.setFindingIgnored(story.id, u"x"_qs, true, &error));
    }
    StoryLibrary library;
    QString error;
    QVERIFY(library.open(path, &error));
    QCOMPARE(library.ignoredFindings(story.id), (QStringList{found.at(0).ignoreKey(), u"x"_qs}));
    const std::optional<Story> loaded = library.load(story.id, &error);
    QVERIFY(loaded);
    QCOMPARE(checker.check(*loaded, library.ignoredFindings(story.id)).size(), 0);
    QVERIFY(library.setFindingIgnored(story.id, u"x"_qs, false, &error));
    QCOMPARE(library.ignoredFindings(story.id), QStringList{found.at(0).ignoreKey()});
    // They go with the story.
    QVERIFY(library.remove(story.id, &error));
    QCOMPARE(library.ignoredFindings(story.id), QStringList());
}

QTEST_GUILESS_MAIN(TestBuiltinChecks)
#include "tst_builtinchecks.moc"
