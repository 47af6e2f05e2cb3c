// `galley check`: output lines and JSON, exit codes (3 when an error-level finding exists), rule
// sheets validated with --rules, and the user's copy of the sheet replacing the built-in one.

#include "checks/rulesheet.h"
#include "cli/commandline.h"
#include "storage/storylibrary.h"

#include <QBuffer>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace galley;

namespace {

struct Run {
    int exitCode = -1;
    QString out;
    QString err;
};

} // namespace

class TestCheckCli final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanStoryExitsZero();
    void findingLines();
    void errorExitsThree();
    void json();
    void rulesFileValidated();
    void rulesFileUsedForCheck();
    void userSheetReplacesBuiltIn();
    void usageErrors();
    void binaryExitCode();

private:
    Run galley(QStringList arguments) const;
    void save(Story story);
    Story cleanStory() const;

    std::unique_ptr<QTemporaryDir> m_tmp;
    QString m_db;
};

void TestCheckCli::initTestCase() {
    QStandardPaths::setTestModeEnabled(true);
    QFile::remove(userRuleSheetPath());
}

void TestCheckCli::init() {
    m_tmp = std::make_unique<QTemporaryDir>();
    m_db = m_tmp->filePath(u"library.sqlite"_qs);
    StoryLibrary library;
    QString error;
    QVERIFY(library.open(m_db, &error));
}

Run TestCheckCli::galley(QStringList arguments) const {
    arguments.prepend(u"galley"_qs);
    QBuffer out, err;
    out.open(QIODevice::WriteOnly);
    err.open(QIODevice::WriteOnly);
    Run run;
    run.exitCode = runCommandLine(arguments, &out, &err);
    run.out = QString::fromUtf8(out.data());
    run.err = QString::fromUtf8(err.data());
    return run;
}

Story TestCheckCli::cleanStory() const {
    Story story = Story::create();
    story.slug = u"sea-wall"_qs;
    story.headline = u"Sea wall vote passes"_qs;
    story.bylines = {Byline{u"Maren Holt"_qs, {}}};
    story.dateline = u"PORT EXAMPLE"_qs;
    story.section = u"Local"_qs;
    story.body = {Block::make(BlockKind::Paragraph, u"The council voted on Tuesday to raise the sea wall."_qs)};
    return story;
}

void TestCheckCli::save(Story story) {
    StoryLibrary library;
    QString error;
    QVERIFY(library.open(m_db, &error));
    QVERIFY2(library.save(story, &error), qPrintable(error));
}

void TestCheckCli::cleanStoryExitsZero() {
    save(cleanStory());
    const Run run = galley({u"check"_qs, u"sea-wall"_qs, u"--db"_qs, m_db});
    QCOMPARE(run.err, QString());
    QCOMPARE(run.out, QString());
    QCOMPARE(run.exitCode, 0);
}

void TestCheckCli::findingLines() {
    Story story = cleanStory();
    story.section.clear();
    story.body = {Block::make(BlockKind::Paragraph, u"They utilize the counsil\tboat."_qs)};
    save(story);
    const Run run = galley({u"check"_qs, u"sea-wall"_qs, u"--db"_qs, m_db});
    QCOMPARE(run.out, u"warning\tsection\tThe story has no section.\n"
                      u"warning\tbody\tSay “use”, not “utilize”.\n"
                      u"warning\tbody\t“counsil” is not in the dictionary.\n"_qs);
    QCOMPARE(run.exitCode, 0);
}

void TestCheckCli::errorExitsThree() {
    Story story = cleanStory();
    story.body = {Block::make(BlockKind::Paragraph, u"The the council met."_qs)};
    save(story);
    const Run run = galley({u"check"_qs, u"sea-wall"_qs, u"--db"_qs, m_db});
    QCOMPARE(run.out, u"error\tbody\t“The the”: the word is doubled.\n"_qs);
    QCOMPARE(run.exitCode, 3);
}

void TestCheckCli::json() {
    Story story = cleanStory();
    story.body = {Block::make(BlockKind::Paragraph, u"The the \"council\" met."_qs)};
    save(story);
    const Run run = galley({u"check"_qs, u"sea-wall"_qs, u"--db"_qs, m_db, u"--json"_qs});
    QCOMPARE(run.exitCode, 3);
    QJsonParseError error;
    const QJsonArray array = QJsonDocument::fromJson(run.out.toUtf8(), &error).array();
    QCOMPARE(error.error, QJsonParseError::NoError);
    QCOMPARE(array.size(), 3);
    const QJsonObject first = array.at(0).toObject();
    QCOMPARE(first.value(u"field"_qs).toString(), u"body"_qs);
    QCOMPARE(first.value(u"item"_qs).toString(), story.body.at(0).id);
    QCOMPARE(first.value(u"start"_qs).toInt(), 0);
    QCOMPARE(first.value(u"length"_qs).toInt(), 7);
    QCOMPARE(first.value(u"rule"_qs).toString(), u"double-word"_qs);
    QCOMPARE(first.value(u"severity"_qs).toString(), u"error"_qs);
    QCOMPARE(first.value(u"message"_qs).toString(), u"“The the”: the word is doubled."_qs);
    QCOMPARE(first.value(u"replacement"_qs).toString(), u"The"_qs);
    const QJsonObject quote = array.at(1).toObject();
    QCOMPARE(quote.value(u"rule"_qs).toString(), u"straight-quote"_qs);
    QCOMPARE(quote.value(u"start"_qs).toInt(), 8);
    QCOMPARE(quote.value(u"replacement"_qs).toString(), u"“"_qs);
    QCOMPARE(array.at(2).toObject().value(u"replacement"_qs).toString(), u"”"_qs);
    // No fix: null, not a missing member.
    story.body = {Block::make(BlockKind::Paragraph, u"The counsil met."_qs)};
    StoryLibrary library;
    QString e;
    QVERIFY(library.open(m_db, &e));
    std::optional<Story> saved = library.loadBySlug(u"sea-wall"_qs, &e);
    saved->body = story.body;
    QVERIFY(library.save(*saved, &e));
    const Run again = galley({u"check"_qs, u"sea-wall"_qs, u"--db"_qs, m_db, u"--json"_qs});
    QCOMPARE(again.exitCode, 0);
    const QJsonObject spelling = QJsonDocument::fromJson(again.out.toUtf8()).array().at(0).toObject();
    QVERIFY(spelling.contains(u"replacement"_qs));
    QVERIFY(spelling.value(u"replacement"_qs).isNull());
}

void TestCheckCli::rulesFileValidated() {
    const QString path = m_tmp->filePath(u"rules.tsv"_qs);
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("id\tkind\tpattern\treplacement\n"
               "a\tsubstitution\tutilize\tuse\n"
               "b\tfrobnicate\tx\t\n"
               "c\texistence\t(\t\n");
    file.close();
    Run run = galley({u"check"_qs, u"--rules"_qs, path});
    QCOMPARE(run.exitCode, 1);
    const QStringList lines = run.out.split(u'\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 2);
    QVERIFY(lines.at(0).startsWith(QDir::toNativeSeparators(path) % u":line 3: Rule “b” is not loaded: "_qs));
    QVERIFY(lines.at(1).startsWith(QDir::toNativeSeparators(path) % u":line 4: Rule “c” is not loaded: "_qs));
    QCOMPARE(run.err, u"galley: 2 of the rule sheet's lines cannot be used; 1 rules load.\n"_qs);

    run = galley({u"check"_qs, u"--rules"_qs, u":/galley/style/house-style.tsv"_qs});
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(run.out, u":/galley/style/house-style.tsv: 13 rules, no problems.\n"_qs);

    run = galley({u"check"_qs, u"--rules"_qs, m_tmp->filePath(u"missing.tsv"_qs)});
    QCOMPARE(run.exitCode, 1);
    QVERIFY(run.out.contains(u"cannot be read"_qs));
}

void TestCheckCli::rulesFileUsedForCheck() {
    Story story = cleanStory();
    story.body = {Block::make(BlockKind::Paragraph, u"The the harbour."_qs)};
    save(story);
    const QString path = m_tmp->filePath(u"rules.tsv"_qs);
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("id\tkind\tpattern\treplacement\tseverity\n"
               "harbor\tsubstitution\tharbour\tharbor\tadvisory\n"
               "bad\tnope\tx\t\t\n");
    file.close();
    const Run run = galley({u"check"_qs, u"sea-wall"_qs, u"--db"_qs, m_db, u"--rules"_qs, path});
    // The sheet's own rules only (no doubled-word rule); its bad line is a warning.
    QCOMPARE(run.out, u"warning\tbody\t“harbour” is not in the dictionary.\n"
                      u"advisory\tbody\tUse “harbor”, not “harbour”.\n"_qs);
    QVERIFY(run.err.startsWith(u"galley: warning: "_qs));
    QVERIFY(run.err.contains(u"line 3: Rule “bad” is not loaded"_qs));
    QCOMPARE(run.exitCode, 0);
}

void TestCheckCli::userSheetReplacesBuiltIn() {
    Story story = cleanStory();
    story.body = {Block::make(BlockKind::Paragraph, u"They utilize boats."_qs)};
    save(story);
    QVERIFY(QDir().mkpath(QFileInfo(userRuleSheetPath()).path()));
    QFile file(userRuleSheetPath());
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("id\tkind\tpattern\tseverity\tmessage\nboats\texistence\tboats\terror\tNo boats.\n");
    file.close();
    const Run run = galley({u"check"_qs, u"sea-wall"_qs, u"--db"_qs, m_db});
    QFile::remove(userRuleSheetPath());
    QCOMPARE(run.out, u"error\tbody\tNo boats.\n"_qs);
    QCOMPARE(run.exitCode, 3);
}

void TestCheckCli::usageErrors() {
    Run run = galley({u"check"_qs, u"--db"_qs, m_db});
    QCOMPARE(run.exitCode, 2);
    QVERIFY(run.err.startsWith(u"galley: Say which story to check: its slug is missing.\n"_qs));
    run = galley({u"check"_qs, u"a"_qs, u"b"_qs, u"--db"_qs, m_db});
    QCOMPARE(run.exitCode, 2);
    run = galley({u"check"_qs, u"nothing"_qs, u"--db"_qs, m_db});
    QCOMPARE(run.exitCode, 1);
    QCOMPARE(run.err, u"galley: No story in the library has the slug “nothing”.\n"_qs);
}

void TestCheckCli::binaryExitCode() {
    Story story = cleanStory();
    story.images = {StoryImage{}};
    story.images[0].caption = u"A wall."_qs;
    story.images[0].credit = u"Jane Example"_qs;
    save(story);
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"HOME"_qs, m_tmp->path());
    env.insert(u"XDG_CONFIG_HOME"_qs, m_tmp->filePath(u"xdg-config"_qs));
    env.insert(u"XDG_DATA_HOME"_qs, m_tmp->filePath(u"xdg-data"_qs));
    process.setProcessEnvironment(env);
    process.start(QStringLiteral(GALLEY_BINARY), {u"check"_qs, u"sea-wall"_qs, u"--db"_qs, m_db});
    QVERIFY(process.waitForFinished(60000));
    QCOMPARE(QString::fromUtf8(process.readAllStandardOutput()),
             u"error\talt\tA picture has no alt text for readers who cannot see it.\n"_qs);
    QCOMPARE(process.exitCode(), 3);
}

QTEST_GUILESS_MAIN(TestCheckCli)
#include "tst_checkcli.moc"
