// Spelling: Nuspell with Debian's dictionaries, and every case the copy desk must not be bothered
// with (apostrophes, compounds, numbers, money, times, URLs, e-mail, capitals, the story's names).

#include "checks/spelling.h"
#include "checks/textstats.h"
#include "checks/wordscan.h"

#include <QTest>

using namespace galley;

namespace {

/// The misspelled words of @p text, in order.
QStringList misspelled(const SpellChecker &speller, const QString &text) {
    QStringList out;
    for (const Misspelling &m : speller.check(text))
        out.append(text.mid(m.start, m.length) == m.word ? m.word : u"(bad range)"_qs);
    return out;
}

} // namespace

class TestSpelling final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void dictionaries();
    void misspellingsWithPositions();
    void apostrophes();
    void hyphenatedCompounds();
    void numbersOrdinalsTimesMoney();
    void urlsAndEmail();
    void allCapsAndAcronyms();
    void namesTheStoryUses();
    void houseDictionaryAndIgnores();
    void languagePerStory();
    void suggestions();
    void wordScan();
    void stats();
};

void TestSpelling::dictionaries() {
    QCOMPARE(dictionaryNameFor(QString()), u"en_US"_qs);
    QCOMPARE(dictionaryNameFor(u"en"_qs), u"en_US"_qs);
    QCOMPARE(dictionaryNameFor(u"en-GB"_qs), u"en_GB"_qs);
    QCOMPARE(dictionaryNameFor(u"en_ca"_qs), u"en_CA"_qs);
    QCOMPARE(dictionaryNameFor(u"en-AU"_qs), u"en_CA"_qs); // first English one installed
    QCOMPARE(dictionaryNameFor(u"xx-YY"_qs), QString());
    SpellChecker none(u"xx-YY"_qs);
    QVERIFY(!none.isAvailable());
    QVERIFY(none.errorString().contains(u"“xx-YY”"_qs));
    QCOMPARE(none.check(u"Teh cat"_qs).size(), 0);
}

void TestSpelling::misspellingsWithPositions() {
    SpellChecker speller;
    QVERIFY(speller.isAvailable());
    const QString text = u"The counsil recieved teh report on Tuesday."_qs;
    const QList<Misspelling> found = speller.check(text);
    QCOMPARE(found.size(), 3);
    QCOMPARE(found.at(0), (Misspelling{4, 7, u"counsil"_qs}));
    QCOMPARE(found.at(1), (Misspelling{12, 8, u"recieved"_qs}));
    QCOMPARE(found.at(2), (Misspelling{21, 3, u"teh"_qs}));
}

void TestSpelling::apostrophes() {
    SpellChecker speller;
    QCOMPARE(misspelled(speller, u"The reporters’ notes don’t say it’s over; the reporters' notes don't either."_qs),
             QStringList());
    QCOMPARE(misspelled(speller, u"‘They’ll see,’ she said. O’Brien’s dog isn’t here."_qs), QStringList());
    QCOMPARE(misspelled(speller, u"They woudn’t go."_qs), QStringList{u"woudn’t"_qs});
}

void TestSpelling::hyphenatedCompounds() {
    SpellChecker speller;
    QCOMPARE(misspelled(speller, u"A well-known, well-run, tax-and-spend council-owned ferry."_qs), QStringList());
    QCOMPARE(misspelled(speller, u"A well-knwon ferry."_qs), QStringList{u"well-knwon"_qs});
    // Wi-Fi is not two words: it needs the house dictionary.
    QCOMPARE(misspelled(speller, u"Free Wi-Fi on board."_qs), QStringList{u"Wi-Fi"_qs});
    speller.setContext({{u"Wi-Fi"_qs}, {}, {}});
    QCOMPARE(misspelled(speller, u"Free Wi-Fi on board, WI-FI everywhere."_qs), QStringList());
}

void TestSpelling::numbersOrdinalsTimesMoney() {
    SpellChecker speller;
    QCOMPARE(misspelled(speller, u"On the 21st, the 3rd and 102nd of 2,500 boats left at 9:30 and 10am "
                                 u"for $4.2m, £3bn or 12.5% — 4x4s and 1990s too."_qs),
             QStringList());
}

void TestSpelling::urlsAndEmail() {
    SpellChecker speller;
    QCOMPARE(misspelled(speller, u"See https://example.invalid/wrdz?qq=zzx, www.exmaple.invalid or write "
                                 u"to jdoe.qxz@exmaple.invalid today."_qs),
             QStringList());
    QCOMPARE(misspelled(speller, u"Sea wrdz at https://example.invalid."_qs), QStringList{u"wrdz"_qs});
}

void TestSpelling::allCapsAndAcronyms() {
    SpellChecker speller;
    QCOMPARE(misspelled(speller, u"The FBI, NATO and two NGOs said the HARBOUR ROAD was CLOSED."_qs),
             QStringList{u"HARBOUR"_qs}); // en-US spells it harbor
    QCOMPARE(misspelled(speller, u"It was RECIEVED late."_qs), QStringList{u"RECIEVED"_qs});
}

void TestSpelling::namesTheStoryUses() {
    const QStringList story = {u"Mayor Brannagh spoke first."_qs, u"Later Brannagh’s motion passed, "
                                                                       u"and Yesterby thanked Quennick."_qs,
                               u"Quennick left. Quennick returned."_qs};
    const QSet<QString> names = storyNames(story);
    QCOMPARE(names, (QSet<QString>{u"Brannagh"_qs}));
    SpellChecker speller;
    speller.setContext({{}, {}, names});
    QCOMPARE(misspelled(speller, story.at(1)), (QStringList{u"Yesterby"_qs, u"Quennick"_qs}));
    QCOMPARE(misspelled(speller, story.at(0)), QStringList());
    // Only capitalised: the lowercase word is still a misspelling.
    QCOMPARE(misspelled(speller, u"a brannagh"_qs), QStringList{u"brannagh"_qs});
}

void TestSpelling::houseDictionaryAndIgnores() {
    SpellChecker speller;
    const QString text = u"The galleyware team met McTavish and the mctavish clan at Zorbel."_qs;
    QCOMPARE(misspelled(speller, text), (QStringList{u"galleyware"_qs, u"McTavish"_qs, u"mctavish"_qs, u"Zorbel"_qs}));
    speller.setContext({{u"galleyware"_qs, u"McTavish"_qs}, {u"Zorbel"_qs}, {}});
    QCOMPARE(misspelled(speller, text), QStringList{u"mctavish"_qs});
    QCOMPARE(misspelled(speller, u"GALLEYWARE and Galleyware"_qs), QStringList());
    QVERIFY(speller.isCorrect(u"galleyware"_qs));
    QVERIFY(!speller.isCorrect(u"recieved"_qs));
}

void TestSpelling::languagePerStory() {
    SpellChecker us(u"en-US"_qs), gb(u"en-GB"_qs), ca(u"en-CA"_qs);
    QCOMPARE(gb.dictionaryName(), u"en_GB"_qs);
    const QString text = u"The colour of the harbour centre."_qs;
    QCOMPARE(misspelled(us, text), (QStringList{u"colour"_qs, u"harbour"_qs, u"centre"_qs}));
    QCOMPARE(misspelled(gb, text), QStringList());
    QCOMPARE(misspelled(ca, text), QStringList());
}

void TestSpelling::suggestions() {
    SpellChecker speller;
    const QStringList s = speller.suggestions(u"recieved"_qs);
    QVERIFY(!s.isEmpty());
    QCOMPARE(s.constFirst(), u"received"_qs);
    QVERIFY(s.size() <= 6);
    QVERIFY(speller.suggestions(u"woudn’t"_qs).contains(u"wouldn’t"_qs));
}

void TestSpelling::wordScan() {
    const QString text = u"“Yes.” Then 4.2m well-known www.example.invalid x"_qs;
    const QList<ScannedWord> words = scanWords(text);
    QStringList got;
    for (const ScannedWord &w : words)
        got.append(w.in(text) % (w.sentenceStart ? u"^"_qs : QString()) % (w.hasDigit ? u"#"_qs : QString()));
    QCOMPARE(got, (QStringList{u"Yes^"_qs, u"Then^"_qs, u"4.2m#"_qs, u"well-known"_qs, u"x"_qs}));
    const QList<SentenceRange> sentences = scanSentences(u"One two. “Three?” Four\nFive"_qs);
    QCOMPARE(sentences.size(), 4);
    QCOMPARE(sentences.at(1).start, 9);
    QCOMPARE(sentences.at(1).length, 8);
}

void TestSpelling::stats() {
    const TextStats s = textStats(u"Don’t stop: the well-known café\nsold 4.2m cups."_qs);
    QCOMPARE(s.words, 8);
    QCOMPARE(s.characters, 46);
    QCOMPARE(s.readingSeconds, 3);
    TextStats big;
    big.words = 1234;
    big.characters = 6789;
    big.readingSeconds = 311;
    QCOMPARE(big.summary(), u"1,234 words · 6,789 characters · 5 min read"_qs);
}

QTEST_GUILESS_MAIN(TestSpelling)
#include "tst_spelling.moc"
