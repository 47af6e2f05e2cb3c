// Newsroom roles enforced by the server (issue 10): one login per role (reporter, editor, producer,
// editor and producer, no role) signs in to a library `galley admin init` set up, and each action is
// checked as allowed or refused with its exact sentence. PostgreSQL only (registered as
// tst_roles_postgresql): in a library file every action is allowed, which tst_roles checks too.
//
// Roles are the whole server's, and other tests run beside this one: the logins are made with
// CREATE ROLE ... EXCEPTION WHEN duplicate_object, under names no other test uses.

#include "storage/libraryerrors.h"
#include "storage/storylibrary.h"
#include "testbackend.h"

#include <QProcess>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace galley;

namespace {

const QString Ana = u"roles_ana"_qs;   // reporter
const QString Ben = u"roles_ben"_qs;   // reporter
const QString Eve = u"roles_eve"_qs;   // editor
const QString Pat = u"roles_pat"_qs;   // producer
const QString Max = u"roles_max"_qs;   // editor and producer
const QString Nora = u"roles_nora"_qs; // no Galley role

/// @p location (the superuser's address of a test library) as signed in by @p user.
QString as(const QString &location, const QString &user) {
    QString address = location;
    address.replace(u"postgresql://galley@"_qs, u"postgresql://"_qs + user + u'@');
    return address;
}

QString refusal(const QString &rule, const QString &user, const QString &roles) {
    return rule + u"; you are signed in to the newsroom as %1 (%2)."_qs.arg(user, roles);
}

Story draft(const QString &headline) {
    Story story = Story::create();
    story.headline = headline;
    story.body = {Block::make(BlockKind::Paragraph, u"The harbour board met on Tuesday."_qs)};
    return story;
}

/// Runs @p sql on @p library's own connection; the driver's error when it fails.
std::optional<QSqlError> runRaw(const StoryLibrary &library, const QString &sql) {
    QSqlQuery query(QSqlDatabase::database(library.connectionNameForTesting()));
    if (query.exec(sql))
        return std::nullopt;
    return query.lastError();
}

#define OPEN_AS(name, user)                                                                                            \
    StoryLibrary name;                                                                                                 \
    QVERIFY2(name.open(as(location, user), &error), qPrintable(error))

} // namespace

class TestRoles final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();

    void fileAllowsEverything();
    void permissionsPerRole();
    void reporterOwnAndSharedDrafts();
    void onlyEditorsMoveToReady();
    void onlyProducersPublishAndDelete();
    void membersOfSeveralRolesGetTheUnion();
    void onlyEditorsTakeOverLocks();
    void noRoleIsRefused();
    void grantAndRevoke();
    void cliGrant();

private:
    QTemporaryDir dir;
    QString location; ///< the superuser's address of this case's library
    QString error;
};

void TestRoles::initTestCase() {
    QStandardPaths::setTestModeEnabled(true);
    if (!testbackend::onServer())
        return;
    const QString database = testbackend::processDatabase();
    const QString connection = u"roles-admin"_qs;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QPSQL"_qs, connection);
        const QString address = testbackend::serverAddress(database);
        QString host = address.mid(address.indexOf(u"host="_qs) + 5);
        db.setHostName(host);
        db.setUserName(u"galley"_qs);
        db.setDatabaseName(database);
        QVERIFY2(db.open(), qPrintable(db.lastError().text()));
        for (const QString &user : {Ana, Ben, Eve, Pat, Max, Nora}) {
            QSqlQuery query(db);
            QVERIFY2(query.exec(u"DO $$ BEGIN CREATE ROLE %1 LOGIN; EXCEPTION WHEN duplicate_object OR "
                                u"unique_violation THEN NULL; END $$"_qs.arg(user)),
                     qPrintable(query.lastError().text()));
        }
    }
    QSqlDatabase::removeDatabase(connection);
}

void TestRoles::init() {
    if (!testbackend::onServer())
        return;
    location = testbackend::newLibrary(dir);
    StoryLibrary admin;
    QVERIFY2(admin.open(location, &error), qPrintable(error));
    QVERIFY2(admin.setUpRoles(&error), qPrintable(error));
    QVERIFY2(admin.setUpRoles(&error), qPrintable(error)); // again: the roles are there, nothing changes
    const QList<std::pair<QString, LibraryRole>> members = {
        {Ana, LibraryRole::Reporter}, {Ben, LibraryRole::Reporter}, {Eve, LibraryRole::Editor},
        {Pat, LibraryRole::Producer}, {Max, LibraryRole::Editor},   {Max, LibraryRole::Producer}};
    for (const auto &[user, role] : members)
        QVERIFY2(admin.setRoleMember(user, role, true, &error), qPrintable(error));
}

void TestRoles::fileAllowsEverything() {
    if (testbackend::onServer())
        QSKIP("about library files");
    StoryLibrary library;
    QVERIFY2(library.open(dir.filePath(u"desk.sqlite"_qs), &error), qPrintable(error));
    const LibraryPermissions allowed = library.permissions(&error);
    QVERIFY(allowed.everything);
    QVERIFY(allowed.mayDelete());
    QVERIFY(allowed.mayTakeOver());
    QVERIFY(allowed.mayMove(StoryStatus::Draft, StoryStatus::Published));
    QVERIFY(library.setUpRoles(&error));
    QVERIFY(!library.setRoleMember(u"ana"_qs, LibraryRole::Reporter, true, &error));
    QCOMPARE(error, u"Roles belong to a newsroom library on a PostgreSQL server; in a library file every action is "
                    u"allowed."_qs);
    Story story = draft(u"Pier to reopen"_qs);
    QVERIFY2(library.save(story, &error), qPrintable(error));
    QCOMPARE(library.ownership(story.id, &error)->owner, QString());
    QVERIFY2(library.setSharedWithDesk(story.id, true, &error), qPrintable(error));
    QVERIFY(library.ownership(story.id, &error)->sharedWithDesk);
}

void TestRoles::permissionsPerRole() {
    if (!testbackend::onServer())
        QSKIP("needs the PostgreSQL test server");
    {
        StoryLibrary admin;
        QVERIFY2(admin.open(location, &error), qPrintable(error));
        const LibraryPermissions allowed = admin.permissions(&error);
        QVERIFY(allowed.everything);
        QCOMPARE(allowed.user, u"galley"_qs);
        QCOMPARE(allowed.roleLabel(), u"administrator"_qs);
    }
    OPEN_AS(ana, Ana);
    LibraryPermissions allowed = ana.permissions(&error);
    QCOMPARE(allowed.user, Ana);
    QVERIFY(!allowed.everything);
    QVERIFY(allowed.reporter);
    QVERIFY(!allowed.editor);
    QVERIFY(!allowed.producer);
    QCOMPARE(allowed.roleLabel(), u"reporter"_qs);
    QVERIFY(!allowed.mayDelete());
    QVERIFY(!allowed.mayTakeOver());
    QVERIFY(allowed.mayMove(StoryStatus::Draft, StoryStatus::CopyEdit));
    QVERIFY(!allowed.mayMove(StoryStatus::CopyEdit, StoryStatus::Ready));
    QVERIFY(allowed.mayChange(Ana, false, StoryStatus::Draft));
    QVERIFY(allowed.mayChange(Ben, true, StoryStatus::Draft));
    QVERIFY(!allowed.mayChange(Ben, false, StoryStatus::Draft));
    QVERIFY(!allowed.mayChange(Ana, false, StoryStatus::CopyEdit));

    OPEN_AS(max, Max);
    allowed = max.permissions(&error);
    QCOMPARE(allowed.roleLabel(), u"editor and producer"_qs);
    QVERIFY(allowed.mayMove(StoryStatus::Draft, StoryStatus::Ready));
    QVERIFY(allowed.mayMove(StoryStatus::Ready, StoryStatus::Published));
    QVERIFY(allowed.mayDelete());
    QVERIFY(allowed.mayTakeOver());
    OPEN_AS(pat, Pat);
    allowed = pat.permissions(&error);
    QCOMPARE(allowed.roleLabel(), u"producer"_qs);
    QVERIFY(!allowed.mayMove(StoryStatus::Draft, StoryStatus::Ready));
    QVERIFY(allowed.mayMove(StoryStatus::Ready, StoryStatus::Published));
}

void TestRoles::reporterOwnAndSharedDrafts() {
    if (!testbackend::onServer())
        QSKIP("needs the PostgreSQL test server");
    OPEN_AS(ana, Ana);
    OPEN_AS(ben, Ben);
    Story story = draft(u"Harbour wall vote delayed"_qs);
    QVERIFY2(ana.save(story, &error), qPrintable(error));
    QCOMPARE(ana.ownership(story.id, &error)->owner, Ana);
    QVERIFY(!ana.ownership(story.id, &error)->sharedWithDesk);
    story.deck = u"Board waits for the engineers"_qs;
    QVERIFY2(ana.save(story, &error), qPrintable(error));

    // Another reporter's unshared draft: neither its text nor its ignored findings.
    std::optional<Story> hers = ben.load(story.id, &error);
    QVERIFY(hers);
    const QString notOwn = refusal(u"Reporters can change only their own drafts and drafts shared with the desk"_qs,
                                   Ben, u"reporter"_qs);
    hers->headline = u"Ben's headline"_qs;
    QVERIFY(!ben.save(*hers, &error));
    QCOMPARE(error, notOwn);
    QVERIFY(!ben.setFindingIgnored(story.id, u"spelling:wenlow"_qs, true, &error));
    QCOMPARE(error, notOwn);
    QCOMPARE(ben.load(story.id, &error)->headline, u"Harbour wall vote delayed"_qs);

    // Shared with the desk: any reporter edits it, only its owner unshares it.
    QVERIFY(!ben.setSharedWithDesk(story.id, true, &error));
    QCOMPARE(error, notOwn);
    QVERIFY2(ana.setSharedWithDesk(story.id, true, &error), qPrintable(error));
    hers = ben.load(story.id, &error);
    QVERIFY(ben.ownership(story.id, &error)->sharedWithDesk);
    hers->headline = u"Harbour wall vote put off"_qs;
    QVERIFY2(ben.save(*hers, &error), qPrintable(error));
    QCOMPARE(ben.ownership(story.id, &error)->owner, Ana); // still hers
    QVERIFY(!ben.setSharedWithDesk(story.id, false, &error));
    QCOMPARE(error, refusal(u"Only the reporter who wrote a draft, or an editor, can share it with the desk"_qs, Ben,
                            u"reporter"_qs));

    // Filed to the copy desk: the revision and status change land, then the reporter's hands are off.
    story = *ana.load(story.id, &error);
    story.status = StoryStatus::CopyEdit;
    QVERIFY2(ana.save(story, &error), qPrintable(error));
    QCOMPARE(ana.statusChanges(story.id, &error).size(), 2);
    story.deck = u"Late change"_qs;
    QVERIFY(!ana.save(story, &error));
    QCOMPARE(error, refusal(u"Reporters can change only drafts, and this story is past Draft"_qs, Ana,
                            u"reporter"_qs));

    // Whatever the SQL: a reporter cannot forge the owner either.
    const std::optional<QSqlError> forged = runRaw(ben, u"UPDATE stories SET owner = 'roles_ben'"_qs);
    QVERIFY(forged);
    QCOMPARE(forged->nativeErrorCode(), u"42501"_qs);
}

void TestRoles::onlyEditorsMoveToReady() {
    if (!testbackend::onServer())
        QSKIP("needs the PostgreSQL test server");
    OPEN_AS(ana, Ana);
    OPEN_AS(eve, Eve);
    OPEN_AS(pat, Pat);
    Story story = draft(u"Ferry timetable changes"_qs);
    QVERIFY2(ana.save(story, &error), qPrintable(error));
    story.status = StoryStatus::Ready;
    QVERIFY(!ana.save(story, &error));
    QCOMPARE(error, refusal(u"Only editors can move a story to Ready"_qs, Ana, u"reporter"_qs));
    QCOMPARE(ana.load(story.id, &error)->status, StoryStatus::Draft);
    Story fresh = draft(u"Straight to Ready"_qs);
    fresh.status = StoryStatus::Ready;
    QVERIFY(!ana.save(fresh, &error));
    QCOMPARE(error, refusal(u"Only editors can move a story to Ready"_qs, Ana, u"reporter"_qs));

    // A producer neither (brief: only editors); the editor may, and edit it on the way.
    story = *pat.load(story.id, &error);
    story.status = StoryStatus::Ready;
    QVERIFY(!pat.save(story, &error));
    QCOMPARE(error, refusal(u"Only editors can move a story to Ready"_qs, Pat, u"producer"_qs));
    story = *eve.load(story.id, &error);
    story.deck = u"Two sailings a day"_qs;
    story.status = StoryStatus::Ready;
    QVERIFY2(eve.save(story, &error), qPrintable(error));
    // And back: editors only.
    story = *ana.load(story.id, &error);
    story.status = StoryStatus::Draft;
    QVERIFY(!ana.save(story, &error));
    QCOMPARE(error, refusal(u"Only editors can move a story back from Ready"_qs, Ana, u"reporter"_qs));
    story = *eve.load(story.id, &error);
    story.status = StoryStatus::CopyEdit;
    QVERIFY2(eve.save(story, &error), qPrintable(error));
}

void TestRoles::onlyProducersPublishAndDelete() {
    if (!testbackend::onServer())
        QSKIP("needs the PostgreSQL test server");
    OPEN_AS(ana, Ana);
    OPEN_AS(eve, Eve);
    OPEN_AS(pat, Pat);
    Story story = draft(u"Lighthouse keeper retires"_qs);
    QVERIFY2(ana.save(story, &error), qPrintable(error));
    story = *eve.load(story.id, &error);
    story.status = StoryStatus::Ready;
    QVERIFY2(eve.save(story, &error), qPrintable(error));
    story.status = StoryStatus::Published;
    QVERIFY(!eve.save(story, &error));
    QCOMPARE(error, refusal(u"Only producers can mark a story Published"_qs, Eve, u"editor"_qs));
    story = *pat.load(story.id, &error);
    story.status = StoryStatus::Published;
    QVERIFY2(pat.save(story, &error), qPrintable(error));
    story = *eve.load(story.id, &error);
    story.status = StoryStatus::Ready;
    QVERIFY(!eve.save(story, &error));
    QCOMPARE(error, refusal(u"Only producers can take a story back from Published"_qs, Eve, u"editor"_qs));

    const QString onlyProducersDelete = u"Only producers can delete a story"_qs;
    QVERIFY(!ana.moveToTrash(story.id, &error));
    QCOMPARE(error, refusal(onlyProducersDelete, Ana, u"reporter"_qs));
    QVERIFY(!eve.moveToTrash(story.id, &error));
    QCOMPARE(error, refusal(onlyProducersDelete, Eve, u"editor"_qs));
    QVERIFY(!eve.remove(story.id, &error));
    QCOMPARE(error, refusal(onlyProducersDelete, Eve, u"editor"_qs));
    QVERIFY2(pat.moveToTrash(story.id, &error), qPrintable(error));
    QVERIFY(!eve.restoreFromTrash(story.id, &error));
    QCOMPARE(error, refusal(u"Only producers can bring a story back from the Trash"_qs, Eve, u"editor"_qs));
    QCOMPARE(eve.emptyTrash(&error), -1);
    QCOMPARE(error, refusal(onlyProducersDelete, Eve, u"editor"_qs));
    QVERIFY2(pat.restoreFromTrash(story.id, &error), qPrintable(error));
    QVERIFY2(pat.moveToTrash(story.id, &error), qPrintable(error));
    QCOMPARE(pat.emptyTrash(&error), 1);
    QCOMPARE(pat.count(), 0);
}

void TestRoles::membersOfSeveralRolesGetTheUnion() {
    if (!testbackend::onServer())
        QSKIP("needs the PostgreSQL test server");
    OPEN_AS(ana, Ana);
    OPEN_AS(max, Max);
    Story story = draft(u"Market hall roof fixed"_qs);
    QVERIFY2(ana.save(story, &error), qPrintable(error));
    story = *max.load(story.id, &error);
    for (const StoryStatus status : {StoryStatus::CopyEdit, StoryStatus::Ready, StoryStatus::Published}) {
        story.status = status;
        QVERIFY2(max.save(story, &error), qPrintable(error));
    }
    QVERIFY2(max.remove(story.id, &error), qPrintable(error));
}

void TestRoles::onlyEditorsTakeOverLocks() {
    if (!testbackend::onServer())
        QSKIP("needs the PostgreSQL test server");
    OPEN_AS(ana, Ana);
    OPEN_AS(ben, Ben);
    OPEN_AS(eve, Eve);
    Story story = draft(u"School bus route changes"_qs);
    QVERIFY2(ana.save(story, &error), qPrintable(error));
    QVERIFY2(ana.takeEditLock(story.id, u"Ana"_qs, u"ana-session"_qs, nullptr, &error), qPrintable(error));
    // Whatever SQL the take-over uses, the server refuses it to a reporter while Ana's connection lives.
    const QString takeOver = refusal(u"Only editors can take over a story another desk is editing"_qs, Ben,
                                     u"reporter"_qs);
    std::optional<QSqlError> refused =
        runRaw(ben, u"UPDATE edit_locks SET session = 'ben-session', holder = 'Ben'"_qs);
    QVERIFY(refused);
    QCOMPARE(describeServerError(*refused, as(location, Ben)), takeOver);
    refused = runRaw(ben, u"DELETE FROM edit_locks"_qs);
    QVERIFY(refused);
    QCOMPARE(describeServerError(*refused, as(location, Ben)), takeOver);
    QCOMPARE(ana.editLock(story.id, &error)->session, u"ana-session"_qs);
    // Ana's own session takes it again; an editor takes it over.
    QVERIFY2(ana.takeEditLock(story.id, u"Ana"_qs, u"ana-session"_qs, nullptr, &error), qPrintable(error));
    QVERIFY(!runRaw(eve, u"UPDATE edit_locks SET session = 'eve-session', holder = 'Eve', connection = "
                         u"CAST(pg_backend_pid() AS text)"_qs));
    QCOMPARE(eve.editLock(story.id, &error)->session, u"eve-session"_qs);
    // A lock whose holder is gone is anybody's.
    eve.close();
    // The server ends a closed connection's process a moment later.
    QTRY_VERIFY_WITH_TIMEOUT(!ben.editLock(story.id, &error), 10000);
    QVERIFY2(ben.takeEditLock(story.id, u"Ben"_qs, u"ben-session"_qs, nullptr, &error), qPrintable(error));
}

void TestRoles::noRoleIsRefused() {
    if (!testbackend::onServer())
        QSKIP("needs the PostgreSQL test server");
    StoryLibrary nora;
    const QString address = as(location, Nora);
    QVERIFY(!nora.open(address, &error));
    QCOMPARE(error, u"Your login on the server has no newsroom role in the library “%1”, or one that may not do that; "
                    u"ask whoever runs the server to grant you one (galley admin grant USER reporter)."_qs.arg(address));
}

void TestRoles::grantAndRevoke() {
    if (!testbackend::onServer())
        QSKIP("needs the PostgreSQL test server");
    StoryLibrary admin;
    QVERIFY2(admin.open(location, &error), qPrintable(error));
    QVERIFY(!admin.setRoleMember(u"roles_nobody_here"_qs, LibraryRole::Reporter, true, &error));
    QCOMPARE(error, u"There is no login “roles_nobody_here” on the server of the library “%1”; make it first "
                    u"(createuser roles_nobody_here), then grant it a role."_qs.arg(location));
    // A reporter may not hand out roles.
    OPEN_AS(ana, Ana);
    QVERIFY(!ana.setRoleMember(Ana, LibraryRole::Producer, true, &error));
    QCOMPARE(error, u"Your login may not give or take newsroom roles; run this as the login that ran “galley admin "
                    u"init” (or one with the CREATEROLE privilege)."_qs);
    QVERIFY2(admin.setRoleMember(Ana, LibraryRole::Editor, true, &error), qPrintable(error));
    QCOMPARE(ana.permissions(&error).roleLabel(), u"reporter and editor"_qs);
    QVERIFY2(admin.setRoleMember(Ana, LibraryRole::Editor, false, &error), qPrintable(error));
    QVERIFY2(admin.setRoleMember(Ana, LibraryRole::Editor, false, &error), qPrintable(error)); // not one: fine
    QCOMPARE(ana.permissions(&error).roleLabel(), u"reporter"_qs);
}

void TestRoles::cliGrant() {
    if (!testbackend::onServer())
        QSKIP("needs the PostgreSQL test server");
    const auto galley = [](const QStringList &arguments, QString *out, QString *err) {
        QProcess process;
        process.start(QStringLiteral(GALLEY_BINARY), arguments);
        if (!process.waitForFinished(60000))
            return -1;
        *out = QString::fromUtf8(process.readAllStandardOutput());
        *err = QString::fromUtf8(process.readAllStandardError());
        return process.exitCode();
    };
    QString out;
    QString err;
    QCOMPARE(galley({u"admin"_qs, u"grant"_qs, Ben, u"editor"_qs, location}, &out, &err), 0);
    QCOMPARE(out, u"%1 now has the role editor on the server of %2 (in every Galley library there).\n"_qs.arg(Ben, location));
    QCOMPARE(galley({u"admin"_qs, u"revoke"_qs, Ben, u"editor"_qs, location}, &out, &err), 0);
    QCOMPARE(out, u"%1 no longer has the role editor on the server of %2 (in any Galley library there).\n"_qs.arg(Ben, location));
    QCOMPARE(galley({u"admin"_qs, u"grant"_qs, u"roles_nobody_here"_qs, u"reporter"_qs, location}, &out, &err), 1);
    QCOMPARE(err, u"galley: There is no login “roles_nobody_here” on the server of the library “%1”; make it first "
                  u"(createuser roles_nobody_here), then grant it a role.\n"_qs.arg(location));
    QCOMPARE(galley({u"admin"_qs, u"grant"_qs, Ben, u"intern"_qs, location}, &out, &err), 2);
    QVERIFY(err.startsWith(u"galley: “intern” is not a newsroom role: use reporter, editor or producer.\n"_qs));
}

QTEST_GUILESS_MAIN(TestRoles)
#include "tst_roles.moc"
