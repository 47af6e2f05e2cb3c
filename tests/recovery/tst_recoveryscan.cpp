// What a start makes of the journals it finds: text to restore, a deleted story, another library,
// damaged and cut-off files, a journal older than the story's save, one already saved, one still in
// use; and Restore, Discard and the week's keeping.

#include "recovery/recoveryscan.h"
#include "recoverytestdata.h"
#include "storage/storylibrary.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace galley;
using namespace galley::recoverytest;

namespace {

QByteArray readAll(const QString &path) {
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

void writeAll(const QString &path, const QByteArray &bytes) {
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
        qFatal("cannot write %s", qPrintable(path));
}

QString bodyText(const Story &story) {
    QStringList lines;
    for (const auto &block : story.body)
        lines.append(block.plainText());
    return lines.join(u'\n');
}

} // namespace

class TestRecoveryScan final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void init() {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        m_library = std::make_unique<StoryLibrary>();
        QString error;
        QVERIFY2(m_library->open(m_dir->filePath(u"library.sqlite"_qs), &error), qPrintable(error));
        m_saved = savedStory();
        QVERIFY2(m_library->save(m_saved, &error), qPrintable(error));
        m_store = std::make_unique<RecoveryStore>(m_dir->filePath(u"recovery"_qs));
    }

    void cleanup() {
        m_store.reset();
        m_library.reset();
        m_dir.reset();
    }

    void unsavedTextIsOffered() {
        const QString path = writeTyped();
        const QList<RecoveryCase> cases = findRecoveries(*m_store, *m_library);
        QCOMPARE(cases.size(), 1);
        const RecoveryCase &recovery = cases.first();
        QCOMPARE(recovery.kind, RecoveryCase::Kind::Unsaved);
        QVERIFY(recovery.needsAnswer());
        QCOMPARE(recovery.path, path);
        QCOMPARE(recovery.diff.wordsAdded, 12);
        QCOMPARE(recovery.diff.wordsRemoved, 0);
        QCOMPARE(recoveryQuestion(recovery),
                 u"Galley closed before 12 words of ‘Harbour ferry strike…’ were saved. Restore them?"_qs);
        const QDateTime now = recovery.journal.written.addSecs(60);
        QCOMPARE(recoveryDetails(recovery, now),
                 u"Last typed today at %1. The story was last saved today at %2."_qs.arg(
                     recovery.journal.written.toLocalTime().toString(u"HH:mm"_qs),
                     m_saved.updated.toLocalTime().toString(u"HH:mm"_qs)));
        QCOMPARE(recoveryNotice(recovery, *m_store), QString());
    }

    void restoreSavesJournalAndKeepsReplacedVersion() {
        const QString path = writeTyped();
        const RecoveryCase recovery = findRecoveries(*m_store, *m_library).value(0);
        QString error;
        QString replaced;
        const std::optional<Story> restored =
            restoreRecovery(recovery, *m_library, *m_store, &error, &replaced);
        QVERIFY2(restored, qPrintable(error));
        QCOMPARE(restored->id, m_saved.id);
        const std::optional<Story> inLibrary = m_library->load(m_saved.id, &error);
        QCOMPARE(bodyText(*inLibrary), FirstParagraph + u'\n' + TypedParagraph);
        QVERIFY(inLibrary->updated > m_saved.updated);
        QVERIFY(!QFile::exists(path));
        // The version that was saved before is kept, readable, in replaced/.
        QCOMPARE(QFileInfo(replaced).absolutePath(), m_store->replacedFolder());
        const JournalReadResult kept = decodeJournal(readAll(replaced));
        QCOMPARE(kept.status, JournalReadResult::Status::Ok);
        QCOMPARE(kept.journal.story, m_saved);
        // Nothing left to offer.
        QCOMPARE(findRecoveries(*m_store, *m_library).size(), 0);
    }

    void picturesComeBackFromLibraryAndJournal() {
        QString error;
        m_saved.images = {StoryImage{newId(), QByteArray(400, 'a'), u"image/png"_qs, u"a.png"_qs, u"Pier"_qs,
                                     u"Photo"_qs, u"A pier"_qs, Placement::lead()}};
        QVERIFY2(m_library->save(m_saved, &error), qPrintable(error));
        Story typed = typedStory(m_saved);
        typed.images.append(StoryImage{newId(), QByteArray(400, 'b'), u"image/png"_qs, u"b.png"_qs, u"Map"_qs,
                                       u"Graphic"_qs, u"A map"_qs, Placement::lead()});
        writeJournal(*m_store,
                     journalOf(typed, m_saved, libraryPath(), QDateTime::currentDateTimeUtc().addSecs(1)),
                     m_saved);
        const RecoveryCase recovery = findRecoveries(*m_store, *m_library).value(0);
        QCOMPARE(recovery.kind, RecoveryCase::Kind::Unsaved);
        QVERIFY(restoreRecovery(recovery, *m_library, *m_store, &error));
        const std::optional<Story> inLibrary = m_library->load(m_saved.id, &error);
        QCOMPARE(inLibrary->images.size(), 2);
        QCOMPARE(inLibrary->images.at(0).data, QByteArray(400, 'a'));
        QCOMPARE(inLibrary->images.at(1).data, QByteArray(400, 'b'));
    }

    void discardKeepsItForAWeek() {
        const QString path = writeTyped();
        const RecoveryCase recovery = findRecoveries(*m_store, *m_library).value(0);
        QString error;
        QVERIFY2(discardRecovery(recovery, *m_store, &error), qPrintable(error));
        QVERIFY(!QFile::exists(path));
        const QStringList discarded = QDir(m_store->discardedFolder()).entryList(QDir::Files);
        QCOMPARE(discarded.size(), 1);
        const QString kept = m_store->discardedFolder() + u'/' + discarded.first();
        QCOMPARE(decodeJournal(readAll(kept)).journal.story.body.size(), 2);
        QCOMPARE(findRecoveries(*m_store, *m_library).size(), 0);
        // The story stays as saved.
        QCOMPARE(bodyText(*m_library->load(m_saved.id, &error)), FirstParagraph);
        // Kept for seven days from the discard, then purged at a start.
        const QDateTime now = QDateTime::currentDateTimeUtc();
        QCOMPARE(m_store->purge(now.addDays(6)), 0);
        QVERIFY(QFile::exists(kept));
        QCOMPARE(m_store->purge(now.addDays(7).addSecs(60)), 1);
        QVERIFY(!QFile::exists(kept));
    }

    void replacedVersionsKeptThirtyDays() {
        QString error;
        const QString kept =
            m_store->keepReplaced(m_saved, libraryPath(), QDateTime::currentDateTimeUtc(), &error);
        QVERIFY2(!kept.isEmpty(), qPrintable(error));
        const QDateTime now = QDateTime::currentDateTimeUtc();
        QCOMPARE(m_store->purge(now.addDays(29)), 0);
        QCOMPARE(m_store->purge(now.addDays(30).addSecs(60)), 1);
    }

    void anotherLibrary() {
        const QString other = m_dir->filePath(u"other.sqlite"_qs);
        StoryLibrary otherLibrary;
        QString error;
        QVERIFY2(otherLibrary.open(other, &error), qPrintable(error));
        otherLibrary.close();
        const QString path = writeJournal(
            *m_store,
            journalOf(typedStory(m_saved), m_saved, other, QDateTime::currentDateTimeUtc().addSecs(1)),
            m_saved);
        const RecoveryCase recovery = findRecoveries(*m_store, *m_library).value(0);
        QCOMPARE(recovery.kind, RecoveryCase::Kind::OtherLibrary);
        QVERIFY(!recovery.needsAnswer());
        const QString native = QDir::toNativeSeparators(canonicalLibraryPath(other));
        QCOMPARE(recoveryNotice(recovery, *m_store),
                 u"Unsaved text of ‘Harbour ferry strike…’ belongs to another library, %1. To get it back, "
                 u"open that library: galley --db \"%1\""_qs.arg(native));
        // It stays for when that library is opened.
        QVERIFY(settleQuietly(recovery, *m_store, &error));
        QVERIFY(QFile::exists(path));
        // Gone library: said so, and still kept.
        QVERIFY(QFile::remove(other));
        const RecoveryCase gone = findRecoveries(*m_store, *m_library).value(0);
        QCOMPARE(recoveryNotice(gone, *m_store),
                 u"Unsaved text of ‘Harbour ferry strike…’ belongs to the library %1, which is no longer "
                 u"there. It stays in %2 in case that library comes back."_qs.arg(
                     native, QDir::toNativeSeparators(m_store->folder())));
    }

    void damagedJournal() {
        const QString path = writeTyped();
        QByteArray bytes = readAll(path);
        bytes[bytes.size() - 20] = bytes.at(bytes.size() - 20) == 'x' ? 'y' : 'x';
        writeAll(path, bytes);
        const RecoveryCase recovery = findRecoveries(*m_store, *m_library).value(0);
        QCOMPARE(recovery.kind, RecoveryCase::Kind::Unreadable);
        QVERIFY(!recovery.truncated);
        QCOMPARE(recoveryNotice(recovery, *m_store),
                 u"A recovery file (%1) is damaged and cannot be read. The file's contents do not match its "
                 u"checksum. It was set aside in %2, where it is kept for 7 days."_qs.arg(
                     QFileInfo(path).fileName(), QDir::toNativeSeparators(m_store->discardedFolder())));
        QString error;
        QVERIFY2(settleQuietly(recovery, *m_store, &error), qPrintable(error));
        QVERIFY(!QFile::exists(path));
        QCOMPARE(QDir(m_store->discardedFolder()).entryList(QDir::Files).size(), 1);
        QCOMPARE(findRecoveries(*m_store, *m_library).size(), 0);
    }

    void truncatedJournal() {
        const QString path = writeTyped();
        const QByteArray bytes = readAll(path);
        writeAll(path, bytes.left(bytes.size() / 2));
        const RecoveryCase recovery = findRecoveries(*m_store, *m_library).value(0);
        QCOMPARE(recovery.kind, RecoveryCase::Kind::Unreadable);
        QVERIFY(recovery.truncated);
        QVERIFY2(
            recoveryNotice(recovery, *m_store)
                .startsWith(u"A recovery file (%1) is cut off, so Galley cannot tell what it held. The file "
                            u"is cut off: it holds "_qs.arg(QFileInfo(path).fileName())),
            qPrintable(recoveryNotice(recovery, *m_store)));
        QString error;
        QVERIFY(settleQuietly(recovery, *m_store, &error));
        QVERIFY(!QFile::exists(path));
    }

    void deletedStoryRestoredAsNew() {
        const QString path = writeTyped();
        QString error;
        QVERIFY2(m_library->remove(m_saved.id, &error), qPrintable(error));
        const RecoveryCase recovery = findRecoveries(*m_store, *m_library).value(0);
        QCOMPARE(recovery.kind, RecoveryCase::Kind::StoryDeleted);
        QVERIFY(recovery.needsAnswer());
        // Every word of it is unsaved now: 6 in the headline, 10 and 12 in the body.
        QCOMPARE(recovery.diff.wordsAdded, 28);
        QCOMPARE(recoveryQuestion(recovery),
                 u"Galley closed before 28 words of ‘Harbour ferry strike…’ were saved, and the story has "
                 u"since been deleted. Restore it as a new story?"_qs);
        const std::optional<Story> restored = restoreRecovery(recovery, *m_library, *m_store, &error);
        QVERIFY2(restored, qPrintable(error));
        QVERIFY(restored->id != m_saved.id);
        QCOMPARE(restored->slug, u"harbour-ferry-strike-halts-morning-crossings"_qs);
        QCOMPARE(bodyText(*m_library->load(restored->id, &error)), FirstParagraph + u'\n' + TypedParagraph);
        QCOMPARE(m_library->count(), 1);
        QVERIFY(!QFile::exists(path));
    }

    void journalOlderThanSave() {
        // Typed, journaled, then the story was saved again (another window, or this one just before
        // the crash) with other text.
        const QDateTime written = QDateTime::currentDateTimeUtc().addSecs(-60);
        const QString path =
            writeJournal(*m_store, journalOf(typedStory(m_saved), m_saved, libraryPath(), written), m_saved);
        Story later = m_saved;
        later.deck = u"Talks resume on Tuesday"_qs;
        QString error;
        QVERIFY2(m_library->save(later, &error), qPrintable(error));
        const RecoveryCase recovery = findRecoveries(*m_store, *m_library).value(0);
        QCOMPARE(recovery.kind, RecoveryCase::Kind::OlderThanSave);
        QVERIFY(!recovery.needsAnswer());
        QCOMPARE(recoveryNotice(recovery, *m_store),
                 u"Unsaved text of ‘Harbour ferry strike…’ is older than the story's last save, today at %1, "
                 u"so the story stays as saved. It was set aside in %2, where it is kept for 7 days."_qs.arg(
                     later.updated.toLocalTime().toString(u"HH:mm"_qs),
                     QDir::toNativeSeparators(m_store->discardedFolder())));
        QVERIFY(settleQuietly(recovery, *m_store, &error));
        QVERIFY(!QFile::exists(path));
        QCOMPARE(QDir(m_store->discardedFolder()).entryList(QDir::Files).size(), 1);
    }

    void journalAlreadySavedGoesQuietly() {
        // Killed after the save landed but before its journal was removed.
        const QString path = writeJournal(
            *m_store, journalOf(m_saved, m_saved, libraryPath(), QDateTime::currentDateTimeUtc()), m_saved);
        const RecoveryCase recovery = findRecoveries(*m_store, *m_library).value(0);
        QCOMPARE(recovery.kind, RecoveryCase::Kind::AlreadySaved);
        QCOMPARE(recoveryNotice(recovery, *m_store), QString());
        QString error;
        QVERIFY(settleQuietly(recovery, *m_store, &error));
        QVERIFY(!QFile::exists(path));
        QVERIFY(!QDir(m_store->discardedFolder()).exists() ||
                QDir(m_store->discardedFolder()).entryList(QDir::Files).isEmpty());
    }

    void runningGalleysJournalIsLeftAlone() {
        auto session = std::make_unique<RecoverySession>(*m_store);
        RecoveryJournal journal = journalOf(typedStory(m_saved), m_saved, libraryPath(),
                                            QDateTime::currentDateTimeUtc().addSecs(1));
        journal.session = session->id();
        writeJournal(*m_store, journal, m_saved);
        QCOMPARE(findRecoveries(*m_store, *m_library).size(), 0);
        session.reset(); // that Galley is gone now
        QCOMPARE(findRecoveries(*m_store, *m_library).size(), 1);
    }

    void deletionsAndFormattingAreWorded() {
        Story shorter = m_saved;
        shorter.body = {
            Block::make(BlockKind::Paragraph, u"The harbour ferry strike entered its third day."_qs)};
        shorter.body[0].id = m_saved.body[0].id;
        writeJournal(*m_store,
                     journalOf(shorter, m_saved, libraryPath(), QDateTime::currentDateTimeUtc().addSecs(1)),
                     m_saved);
        QCOMPARE(recoveryQuestion(findRecoveries(*m_store, *m_library).value(0)),
                 u"Galley closed before changes to ‘Harbour ferry strike…’ were saved: 2 words taken out. "
                 u"Restore the changes?"_qs);
        Story bold = m_saved;
        bold.body[0].lines[0].runs[0].bold = true;
        writeJournal(*m_store,
                     journalOf(bold, m_saved, libraryPath(), QDateTime::currentDateTimeUtc().addSecs(1)),
                     m_saved);
        QCOMPARE(recoveryQuestion(findRecoveries(*m_store, *m_library).value(0)),
                 u"Galley closed before changes to ‘Harbour ferry strike…’ were saved (its formatting or "
                 u"settings, not its words). Restore the changes?"_qs);
    }

    void manyJournalsNewestFirst() {
        Story other = savedStory();
        other.headline = u"Second story"_qs;
        QString error;
        QVERIFY(m_library->save(other, &error));
        const QDateTime now = QDateTime::currentDateTimeUtc().addSecs(5);
        writeJournal(*m_store, journalOf(typedStory(m_saved), m_saved, libraryPath(), now), m_saved);
        RecoveryJournal second = journalOf(typedStory(other), other, libraryPath(), now.addSecs(10));
        writeJournal(*m_store, second, other);
        const QList<RecoveryCase> cases = findRecoveries(*m_store, *m_library);
        QCOMPARE(cases.size(), 2);
        QCOMPARE(cases.at(0).journal.storyId, other.id);
        QCOMPARE(cases.at(1).journal.storyId, m_saved.id);
    }

private:
    QString libraryPath() const { return m_dir->filePath(u"library.sqlite"_qs); }

    /// A journal of the saved story with TypedParagraph typed on top, written a second after the save.
    QString writeTyped() {
        return writeJournal(
            *m_store, journalOf(typedStory(m_saved), m_saved, libraryPath(), m_saved.updated.addSecs(1)),
            m_saved);
    }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<StoryLibrary> m_library;
    std::unique_ptr<RecoveryStore> m_store;
    Story m_saved;
};

QTEST_GUILESS_MAIN(TestRecoveryScan)
#include "tst_recoveryscan.moc"
