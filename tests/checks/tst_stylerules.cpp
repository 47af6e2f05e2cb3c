// The house-style rule sheet: reading it (bad lines reported by number, the rest loaded) and each
// rule kind with its exact findings and replacements.

#include "checks/checktext.h"
#include "checks/rulesheet.h"
#include "checks/spelling.h"
#include "checks/stylerules.h"

#include <QFile>
#include <QTest>

using namespace galley;

namespace {

const QString Header = u"id\tkind\tpattern\treplacement\tfields\tseverity\tmessage\n"_qs;

QList<StyleRule> rules(const QString &lines) {
    const RuleSheet sheet = parseRuleSheet(Header + lines);
    if (!sheet.problems.isEmpty())
        qWarning() << sheet.problems.constFirst().text();
    return sheet.rules;
}

/// "start+length:matched>replacement" for each finding, for exact comparison.
QStringList brief(const QList<Finding> &findings) {
    QStringList out;
    for (const Finding &f : findings)
        out.append(u"%1+%2:%3%4"_qs.arg(f.start).arg(f.length).arg(f.matched,
                                                                   f.replacement ? u">"_qs + *f.replacement
                                                                                 : QString()));
    return out;
}

} // namespace

class TestStyleRules final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void badLinesAreReportedAndTheRestLoad();
    void headerInAnyOrderAndQuotedCells();
    void builtInSheetLoads();
    void existence();
    void substitutionCapitalisedAtSentenceStart();
    void repetition();
    void consistency();
    void capitalizationSentenceAndTitle();
    void metric();
    void fieldsLimitARule();
};

void TestStyleRules::badLinesAreReportedAndTheRestLoad() {
    const RuleSheet sheet = parseRuleSheet(Header + u"# a comment\n"
                                                    u"ok\texistence\tvery unique\t\t\t\t\n"
                                                    u"\texistence\tx\t\t\t\t\n"
                                                    u"k2\tfrobnicate\tx\t\t\t\t\n"
                                                    u"k3\texistence\t(unclosed\t\t\t\t\n"
                                                    u"k4\tsubstitution\tutilize\t\t\t\t\n"
                                                    u"k5\texistence\tx\t\theadline,nowhere\t\t\n"
                                                    u"k6\texistence\tx\t\t\tfatal\t\n"
                                                    u"ok\texistence\ty\t\t\t\t\n"
                                                    u"k7\tconsistency\tadviser\t\t\t\t\n"
                                                    u"k8\tmetric\tcharacters < 9\t\t\t\t\n"
                                                    u"k9\tcapitalization\tshouty\t\t\t\t\n"
                                                    u"good\tsubstitution\tutilize\tuse\tbody\tadvisory\tSay {replacement}.\n"_qs);
    QCOMPARE(sheet.rules.size(), 2);
    QCOMPARE(sheet.rules.at(0).id, u"ok"_qs);
    QCOMPARE(sheet.rules.at(0).line, 3);
    QCOMPARE(sheet.rules.at(1).id, u"good"_qs);
    QCOMPARE(sheet.rules.at(1).severity, Severity::Advisory);
    QCOMPARE(sheet.rules.at(1).fields, QStringList{u"body"_qs});
    QStringList lines;
    for (const RuleProblem &p : sheet.problems)
        lines.append(QString::number(p.line));
    QCOMPARE(lines, (QStringList{u"4"_qs, u"5"_qs, u"6"_qs, u"7"_qs, u"8"_qs, u"9"_qs, u"10"_qs, u"11"_qs,
                                 u"12"_qs, u"13"_qs}));
    QCOMPARE(sheet.problems.at(0).text(), u"line 4: This rule is not loaded: it has no id."_qs);
    QCOMPARE(sheet.problems.at(1).text(),
             u"line 5: Rule “k2” is not loaded: “frobnicate” is not a kind of rule (existence, substitution, "
             u"repetition, consistency, capitalization or metric)."_qs);
    QVERIFY(sheet.problems.at(2).text().startsWith(u"line 6: Rule “k3” is not loaded: its pattern “(unclosed” is not a valid regular expression"_qs));
    QCOMPARE(sheet.problems.at(3).text(), u"line 7: Rule “k4” is not loaded: a substitution needs a replacement."_qs);
    QVERIFY(sheet.problems.at(4).text().startsWith(u"line 8: Rule “k5” is not loaded: “nowhere” is not a field"_qs));
    QCOMPARE(sheet.problems.at(5).text(),
             u"line 9: Rule “k6” is not loaded: “fatal” is not a severity (error, warning or advisory)."_qs);
    QCOMPARE(sheet.problems.at(6).text(), u"line 10: Rule “ok” is not loaded: another rule above has the same id."_qs);

    const RuleSheet noHeader = parseRuleSheet(u"utilize\tsubstitution\tutilize\tuse\n"_qs);
    QCOMPARE(noHeader.rules.size(), 0);
    QCOMPARE(noHeader.problems.size(), 1);
    QCOMPARE(noHeader.problems.at(0).line, 1);
    QCOMPARE(parseRuleSheet(QString()).problems.size(), 1);
}

void TestStyleRules::headerInAnyOrderAndQuotedCells() {
    const RuleSheet sheet = parseRuleSheet(u"\uFEFFKind\tID\tPattern\tMessage\tReplacement\r\n"
                                           u"substitution\tq\tcommence\t\"Say \"\"begin\"\"\"\tbegin\r\n"_qs);
    QCOMPARE(sheet.problems.size(), 0);
    QCOMPARE(sheet.rules.size(), 1);
    QCOMPARE(sheet.rules.at(0).id, u"q"_qs);
    QCOMPARE(sheet.rules.at(0).message, u"Say \"begin\""_qs);
    QCOMPARE(sheet.rules.at(0).replacement, u"begin"_qs);
    QCOMPARE(sheet.rules.at(0).severity, Severity::Warning);
}

void TestStyleRules::builtInSheetLoads() {
    const RuleSheet sheet = readRuleSheet(builtInRuleSheetPath());
    QCOMPARE(sheet.problems.size(), 0);
    QCOMPARE(sheet.rules.size(), 13);
    QVERIFY(!userRuleSheetPath().isEmpty());
    QVERIFY(userRuleSheetPath().endsWith(u"/house-style.tsv"_qs));
}

void TestStyleRules::existence() {
    const auto r = rules(u"unique\texistence\tvery unique|most unique\t\t\terror\tNot “{match}”.\n"_qs);
    const QList<Finding> found =
        runTextRules(r, {u"body"_qs, u"b1"_qs, u"A very unique boat, the Most Unique one, veryunique."_qs}, nullptr);
    QCOMPARE(brief(found), (QStringList{u"2+11:very unique"_qs, u"24+11:Most Unique"_qs}));
    QCOMPARE(found.at(1).message, u"Not “Most Unique”."_qs);
    QCOMPARE(found.at(1).severity, Severity::Error);
    QCOMPARE(found.at(1).rule, u"unique"_qs);
    QCOMPARE(found.at(1).field, u"body"_qs);
    QCOMPARE(found.at(1).item, u"b1"_qs);
}

void TestStyleRules::substitutionCapitalisedAtSentenceStart() {
    const auto r = rules(u"use\tsubstitution\tutili[sz]e[sd]?\tuse\t\t\t\n"
                         u"prior\tsubstitution\tprior to\tbefore\t\t\t\n"_qs);
    const QString text = u"Prior to the vote, they utilized it. Utilize the “utilise” and UTILIZE. Reutilize."_qs;
    const QList<Finding> found = runTextRules(r, {u"body"_qs, {}, text}, nullptr);
    QCOMPARE(brief(found), (QStringList{u"24+8:utilized>use"_qs, u"37+7:Utilize>Use"_qs, u"50+7:utilise>use"_qs,
                                        u"63+7:UTILIZE>USE"_qs, u"0+8:Prior to>Before"_qs}));
    QCOMPARE(found.at(0).message, u"Use “use”, not “utilized”."_qs);
}

void TestStyleRules::repetition() {
    const auto r = rules(u"twice\trepetition\t\t\t\terror\t“{match}” repeats a word.\n"_qs);
    const QList<Finding> found =
        runTextRules(r, {u"deck"_qs, {}, u"The the council met in in the hall; then there."_qs}, nullptr);
    QCOMPARE(brief(found), (QStringList{u"0+7:The the>The"_qs, u"20+5:in in>in"_qs}));
    QCOMPARE(found.at(0).severity, Severity::Error);
}

void TestStyleRules::consistency() {
    const auto r = rules(u"adviser\tconsistency\tadviser|advisor\tadviser\t\t\tPick one: {replacement}.\n"
                         u"grey\tconsistency\tgray|grey\t\t\t\t\n"_qs);
    const QList<CheckText> texts = {{u"headline"_qs, {}, u"Advisor quits over grey sky"_qs},
                                    {u"body"_qs, u"b1"_qs, u"The adviser said the gray sky was gray."_qs},
                                    {u"byline"_qs, {}, u"Jo Advisor"_qs}};
    const QList<Finding> found = runConsistencyRules(r, texts);
    QCOMPARE(brief(found), (QStringList{u"0+7:Advisor>Adviser"_qs, u"19+4:grey>gray"_qs}));
    QCOMPARE(found.at(0).field, u"headline"_qs);
    QCOMPARE(found.at(0).message, u"Pick one: Adviser."_qs);
    // One spelling alone is consistent.
    QCOMPARE(runConsistencyRules(r, {texts.at(1)}).size(), 0);
    QCOMPARE(runConsistencyRules(r, {{u"body"_qs, {}, u"An advisor, an advisor."_qs}}).size(), 0);
}

void TestStyleRules::capitalizationSentenceAndTitle() {
    SpellChecker speller;
    SpellContext context;
    context.names = {u"Brannagh"_qs};
    speller.setContext(context);
    const auto sentence = rules(u"case\tcapitalization\tsentence\t\theadline\t\tLowercase “{match}”.\n"_qs);
    const QList<Finding> found = runTextRules(
        sentence, {u"headline"_qs, {}, u"Council Votes To Raise London Sea Wall: Brannagh Wins For FBI"_qs}, &speller);
    QCOMPARE(brief(found), (QStringList{u"8+5:Votes>votes"_qs, u"14+2:To>to"_qs, u"17+5:Raise>raise"_qs,
                                        u"30+3:Sea>sea"_qs, u"34+4:Wall>wall"_qs, u"49+4:Wins>wins"_qs,
                                        u"54+3:For>for"_qs}));
    QCOMPARE(found.at(0).message, u"Lowercase “Votes”."_qs);
    // Not a headline field: the rule does not read it.
    QCOMPARE(runTextRules(sentence, {u"deck"_qs, {}, u"Council Votes"_qs}, &speller).size(), 0);
    // No speller: cannot tell names, so nothing is said.
    QCOMPARE(runTextRules(sentence, {u"headline"_qs, {}, u"Council Votes"_qs}, nullptr).size(), 0);

    const auto title = rules(u"case\tcapitalization\ttitle\t\theadline\t\t\n"_qs);
    QCOMPARE(brief(runTextRules(title, {u"headline"_qs, {}, u"Council votes to raise the Sea Wall in a day"_qs},
                                &speller)),
             (QStringList{u"8+5:votes>Votes"_qs, u"17+5:raise>Raise"_qs, u"41+3:day>Day"_qs}));
}

void TestStyleRules::metric() {
    const auto r = rules(u"h\tmetric\tcharacters <= 20\t\theadline\twarning\tToo long: {count}.\n"
                         u"w\tmetric\twords <= 3\t\tdeck\t\t\n"
                         u"s\tmetric\tsentence-words <= 5\t\tbody\tadvisory\t{count} words.\n"_qs);
    const QList<Finding> h = runTextRules(r, {u"headline"_qs, {}, u"A headline of 25 letters"_qs}, nullptr);
    QCOMPARE(brief(h), QStringList{u"0+24:"_qs});
    QCOMPARE(h.at(0).message, u"Too long: 24."_qs);
    QCOMPARE(runTextRules(r, {u"headline"_qs, {}, u"Short enough"_qs}, nullptr).size(), 0);
    QCOMPARE(brief(runTextRules(r, {u"deck"_qs, {}, u"One two three four"_qs}, nullptr)), QStringList{u"0+18:"_qs});
    const QList<Finding> s =
        runTextRules(r, {u"body"_qs, {}, u"One two three. Four five six seven eight nine ten! Short."_qs}, nullptr);
    QCOMPARE(brief(s), QStringList{u"15+35:"_qs});
    QCOMPARE(s.at(0).message, u"7 words."_qs);
    QCOMPARE(s.at(0).severity, Severity::Advisory);
}

void TestStyleRules::fieldsLimitARule() {
    const auto r = rules(u"x\texistence\tharbour\t\tcaption,alt\t\t\n"_qs);
    QCOMPARE(runTextRules(r, {u"body"_qs, {}, u"harbour"_qs}, nullptr).size(), 0);
    QCOMPARE(runTextRules(r, {u"caption"_qs, {}, u"harbour"_qs}, nullptr).size(), 1);
    QCOMPARE(runTextRules(r, {u"alt"_qs, {}, u"harbour"_qs}, nullptr).size(), 1);
    // No fields: every prose field but names and places.
    const auto all = rules(u"x\texistence\tharbour\t\t\t\t\n"_qs);
    QCOMPARE(runTextRules(all, {u"pullquote"_qs, {}, u"harbour"_qs}, nullptr).size(), 1);
    QCOMPARE(runTextRules(all, {u"byline"_qs, {}, u"harbour"_qs}, nullptr).size(), 0);
}

QTEST_GUILESS_MAIN(TestStyleRules)
#include "tst_stylerules.moc"
