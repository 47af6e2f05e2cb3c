// Revisions (issue 9): every save keeps a revision in the same transaction, autosaves of one
// editing session fold into one, status changes are logged, restore brings an old text back as
// the newest revision, and identical pieces are stored once.

#include "storage/storylibrary.h"
#include "testbackend.h"
#include "storytestdata.h"

#include <QSettings>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace galley;

namespace {

SaveOptions signedBy(const QString &author, const QString &session = {},
                     RevisionKind kind = RevisionKind::Save) {
    SaveOptions options;
    options.author = author;
    options.session = session;
    options.kind = kind;
    return options;
}

QList<int> numbers(const QList<RevisionInfo> &revisions) {
    QList<int> out;
    for (const auto &revision : revisions)
        out.append(revision.number);
    return out;
}

} // namespace

class TestRevisions : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void everySaveIsARevision();
    void authorDefaultsToTheSetting();
    void autosavesFoldIntoTheSessionsRevision();
    void foldedAutosavesLeaveNoPiecesBehind();
    void statusChangesAreLogged();
    void restoreKeepsEveryVersion();
    void identicalPiecesAreStoredOnce();
    void deletingAStoryDeletesItsHistory();

private:
    int rows(const QString &sql) const;
    Story saved(Story story, const SaveOptions &options = signedBy(u"Ada Lindqvist"_qs));

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<StoryLibrary> m_library;
};

void TestRevisions::initTestCase() {
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(u"GalleyTests"_qs);
    QCoreApplication::setApplicationName(u"tst_revisions"_qs);
}

void TestRevisions::init() {
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_library = std::make_unique<StoryLibrary>();
    QString error;
    QVERIFY2(m_library->open(testbackend::newLibrary(*m_dir), &error), qPrintable(error));
}

void TestRevisions::cleanup() {
    m_library.reset();
    m_dir.reset();
    QSettings().remove(u"user/name"_qs);
}

int TestRevisions::rows(const QString &sql) const {
    QSqlQuery query(QSqlDatabase::database(m_library->connectionNameForTesting()));
    if (!query.exec(sql) || !query.next())
        return -1;
    return query.value(0).toInt();
}

Story TestRevisions::saved(Story story, const SaveOptions &options) {
    QString error;
    if (!m_library->save(story, options, &error))
        qFatal("save failed: %s", qPrintable(error));
    return story;
}

void TestRevisions::everySaveIsARevision() {
    const Story first = saved(testdata::fullStory(u"Island ferry returns"_qs));
    Story edited = first;
    edited.headline = u"Island ferry returns on Monday"_qs;
    edited.body[0].lines = {InlineText::plain(u"The island ferry sails twice a day."_qs)};
    edited.body[4].lines = {InlineText::plain(u"Old tickets stay valid."_qs)};
    edited.images[1].caption = u"The new crossing."_qs;
    const Story second = saved(edited, signedBy(u"Rafe Okonjo"_qs));

    QString error;
    const QList<RevisionInfo> history = m_library->revisions(first.id, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(numbers(history), (QList<int>{2, 1}));
    QCOMPARE(history.at(0).author, u"Rafe Okonjo"_qs);
    QCOMPARE(history.at(0).summary, u"headline, 2 paragraphs, 1 caption"_qs);
    QCOMPARE(history.at(0).kind, RevisionKind::Save);
    QCOMPARE(history.at(0).status, StoryStatus::CopyEdit);
    QCOMPARE(history.at(0).created, second.updated);
    QCOMPARE(history.at(0).saved, second.updated);
    QVERIFY(!history.at(0).open);
    QCOMPARE(history.at(1).author, u"Ada Lindqvist"_qs);
    QCOMPARE(history.at(1).summary, u"new story"_qs);
    QCOMPARE(history.at(1).created, first.updated);

    const std::optional<Story> one = m_library->loadRevision(first.id, 1, &error, true);
    QVERIFY2(one, qPrintable(error));
    QVERIFY(*one == first);
    const std::optional<Story> two = m_library->loadRevision(first.id, 2, &error, true);
    QVERIFY2(two, qPrintable(error));
    QVERIFY(*two == second);
    // Without pictures the text is all there, the bytes are not.
    const std::optional<Story> text = m_library->loadRevision(first.id, 2, &error);
    QVERIFY2(text, qPrintable(error));
    QCOMPARE(text->body, second.body);
    QVERIFY(text->images.at(0).data.isEmpty());

    QVERIFY(!m_library->loadRevision(first.id, 3, &error));
    QCOMPARE(error, u"This story has no revision 3."_qs);
}

void TestRevisions::authorDefaultsToTheSetting() {
    QSettings().setValue(u"user/name"_qs, u"Nell Varga"_qs);
    QCOMPARE(defaultAuthorName(), u"Nell Varga"_qs);
    Story story = testdata::shortStory(u"Pier reopens"_qs, QString(), u"The pier reopens today."_qs);
    QString error;
    QVERIFY2(m_library->save(story, &error), qPrintable(error));
    QCOMPARE(m_library->revisions(story.id, &error).at(0).author, u"Nell Varga"_qs);
    QSettings().remove(u"user/name"_qs);
    QCOMPARE(defaultAuthorName(), accountFullName());
    QVERIFY(!accountFullName().isEmpty());
}

void TestRevisions::autosavesFoldIntoTheSessionsRevision() {
    const QString ada = u"Ada Lindqvist"_qs;
    Story story = saved(testdata::shortStory(u"Pier reopens"_qs, QString(), u"The pier reopens today."_qs),
                        signedBy(ada, u"session-1"_qs));
    QString error;
    // An explicit save closes its revision: the first autosave starts a new one.
    story.deck = u"Repairs took a year"_qs;
    story = saved(story, signedBy(ada, u"session-1"_qs, RevisionKind::Autosave));
    story.deck = u"Repairs took a whole year"_qs;
    story = saved(story, signedBy(ada, u"session-1"_qs, RevisionKind::Autosave));
    const QDateTime secondAutosave = story.updated;
    story.body[0].lines = {InlineText::plain(u"The pier reopens this morning."_qs)};
    story = saved(story, signedBy(ada, u"session-1"_qs, RevisionKind::Autosave));
    const QDateTime thirdAutosave = story.updated;
    QList<RevisionInfo> history = m_library->revisions(story.id, &error);
    QCOMPARE(numbers(history), (QList<int>{2, 1}));
    QCOMPARE(history.at(0).kind, RevisionKind::Autosave);
    QVERIFY(history.at(0).open);
    QCOMPARE(history.at(0).autosaves, (QList<QDateTime>{secondAutosave, thirdAutosave}));
    QCOMPARE(history.at(0).saved, thirdAutosave);
    // The summary is against the revision before, whatever the autosaves in between did.
    QCOMPARE(history.at(0).summary, u"deck, 1 paragraph"_qs);
    std::optional<Story> two = m_library->loadRevision(story.id, 2, &error);
    QVERIFY2(two, qPrintable(error));
    QCOMPARE(two->body, story.body);

    // The session's explicit save folds in too and closes the revision.
    story.headline = u"Pier reopens at last"_qs;
    story = saved(story, signedBy(ada, u"session-1"_qs));
    history = m_library->revisions(story.id, &error);
    QCOMPARE(numbers(history), (QList<int>{2, 1}));
    QCOMPARE(history.at(0).kind, RevisionKind::Save);
    QVERIFY(!history.at(0).open);
    QCOMPARE(history.at(0).autosaves.size(), 2);
    QCOMPARE(history.at(0).summary, u"headline, deck, 1 paragraph"_qs);

    // After it, an autosave starts revision 3; another session or another author never folds.
    story.deck = u"A year of repairs"_qs;
    story = saved(story, signedBy(ada, u"session-1"_qs, RevisionKind::Autosave));
    story.deck = u"A year of repairs ends"_qs;
    story = saved(story, signedBy(ada, u"session-2"_qs, RevisionKind::Autosave));
    story.deck = u"A year of repairs is over"_qs;
    story = saved(story, signedBy(u"Rafe Okonjo"_qs, u"session-2"_qs, RevisionKind::Autosave));
    story.deck = u"Repairs are over"_qs;
    story = saved(story, signedBy(ada, QString(), RevisionKind::Autosave));
    history = m_library->revisions(story.id, &error);
    QCOMPARE(numbers(history), (QList<int>{6, 5, 4, 3, 2, 1}));
    for (const RevisionInfo &revision : history.mid(1))
        QVERIFY2(!revision.open, qPrintable(QString::number(revision.number)));
    QCOMPARE(history.at(0).open, false); // no session: nothing can fold into it
}

void TestRevisions::foldedAutosavesLeaveNoPiecesBehind() {
    const QString ada = u"Ada Lindqvist"_qs;
    Story story = saved(testdata::shortStory(u"Pier reopens"_qs, QString(), u"The pier reopens today."_qs),
                        signedBy(ada, u"s"_qs));
    const int piecesAfterFirst = rows(u"SELECT COUNT(*) FROM revision_pieces"_qs);
    QCOMPARE(piecesAfterFirst, 2); // the root and the one paragraph
    for (const QString &text :
         {u"The pier reopens."_qs, u"The pier reopens now."_qs, u"The pier is open."_qs}) {
        story.body[0].lines = {InlineText::plain(text)};
        story = saved(story, signedBy(ada, u"s"_qs, RevisionKind::Autosave));
    }
    // Revision 2 holds its own root and paragraph; the two autosaves before left nothing.
    QCOMPARE(rows(u"SELECT COUNT(*) FROM revision_pieces"_qs), 4);
    QString error;
    const std::optional<Story> one = m_library->loadRevision(story.id, 1, &error);
    QVERIFY2(one, qPrintable(error));
    QCOMPARE(one->body.at(0).plainText(), u"The pier reopens today."_qs);
}

void TestRevisions::statusChangesAreLogged() {
    Story story = saved(testdata::shortStory(u"Pier reopens"_qs, QString(), u"Text."_qs));
    story.status = StoryStatus::CopyEdit;
    story = saved(story, signedBy(u"Rafe Okonjo"_qs));
    story.deck = u"Deck"_qs;
    story = saved(story, signedBy(u"Rafe Okonjo"_qs));
    story.status = StoryStatus::Ready;
    story = saved(story, signedBy(u"Nell Varga"_qs));
    QString error;
    const QList<StatusChange> changes = m_library->statusChanges(story.id, &error);
    QCOMPARE(changes.size(), 3);
    QCOMPARE(changes.at(0).from, std::nullopt);
    QCOMPARE(changes.at(0).to, StoryStatus::Draft);
    QCOMPARE(changes.at(0).author, u"Ada Lindqvist"_qs);
    QCOMPARE(changes.at(1).from, std::optional(StoryStatus::Draft));
    QCOMPARE(changes.at(1).to, StoryStatus::CopyEdit);
    QCOMPARE(changes.at(1).author, u"Rafe Okonjo"_qs);
    QCOMPARE(changes.at(2).from, std::optional(StoryStatus::CopyEdit));
    QCOMPARE(changes.at(2).to, StoryStatus::Ready);
    QCOMPARE(changes.at(2).author, u"Nell Varga"_qs);
    QCOMPARE(changes.at(2).time, story.updated);
    QCOMPARE(m_library->revisions(story.id, &error).at(0).summary, u"status Ready"_qs);
}

void TestRevisions::restoreKeepsEveryVersion() {
    Story story = saved(testdata::fullStory(u"Island ferry returns"_qs));
    const Story first = story;
    story.headline = u"Ferry back on Monday"_qs;
    story.images.removeLast();
    story.status = StoryStatus::Ready;
    story = saved(story);
    const Story second = story;

    QString error;
    const std::optional<Story> restored =
        m_library->restoreRevision(story.id, 1, signedBy(u"Nell Varga"_qs), &error);
    QVERIFY2(restored, qPrintable(error));
    QCOMPARE(restored->headline, first.headline);
    QCOMPARE(restored->images, first.images);
    QCOMPARE(restored->status, StoryStatus::Ready); // the workflow state stays where the desk put it
    const QList<RevisionInfo> history = m_library->revisions(story.id, &error);
    QCOMPARE(numbers(history), (QList<int>{3, 2, 1}));
    QCOMPARE(history.at(0).kind, RevisionKind::Restore);
    QCOMPARE(history.at(0).summary, u"restored revision 1"_qs);
    QCOMPARE(history.at(0).author, u"Nell Varga"_qs);
    const std::optional<Story> current = m_library->load(story.id, &error);
    QVERIFY2(current, qPrintable(error));
    QVERIFY(*current == *restored);
    // The text it replaced is still there.
    const std::optional<Story> two = m_library->loadRevision(story.id, 2, &error, true);
    QVERIFY2(two, qPrintable(error));
    QVERIFY(*two == second);

    QVERIFY(!m_library->restoreRevision(story.id, 9, signedBy(u"Nell Varga"_qs), &error));
    QCOMPARE(error, u"This story has no revision 9."_qs);
    QCOMPARE(m_library->revisions(story.id, &error).size(), 3);
}

void TestRevisions::identicalPiecesAreStoredOnce() {
    Story story = saved(testdata::fullStory(u"Island ferry returns"_qs));
    // Root, five blocks, two pictures.
    QCOMPARE(rows(u"SELECT COUNT(*) FROM revision_pieces"_qs), 8);
    story.body[1].lines = {InlineText::plain(u"Pier repaired"_qs)};
    story = saved(story);
    // A new root and the one changed block; pictures and the other blocks are shared.
    QCOMPARE(rows(u"SELECT COUNT(*) FROM revision_pieces"_qs), 10);
    QCOMPARE(rows(u"SELECT COUNT(*) FROM revision_pieces WHERE revision = 2"_qs), 2);
}

void TestRevisions::deletingAStoryDeletesItsHistory() {
    Story story = saved(testdata::fullStory(u"Island ferry returns"_qs));
    story.deck = u"New deck"_qs;
    story = saved(story);
    QString error;
    QVERIFY2(m_library->remove(story.id, &error), qPrintable(error));
    QCOMPARE(rows(u"SELECT COUNT(*) FROM revisions"_qs), 0);
    QCOMPARE(rows(u"SELECT COUNT(*) FROM revision_pieces"_qs), 0);
    QCOMPARE(rows(u"SELECT COUNT(*) FROM status_changes"_qs), 0);
}

QTEST_GUILESS_MAIN(TestRevisions)
#include "tst_revisions.moc"
