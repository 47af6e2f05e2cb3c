// Where file dialogs open: an existing standard folder, else home; never a missing path.

#include "editing/startfolder.h"

#include <QDir>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace galley;

class TestStartFolder final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_home.isValid());
        // QDir::homePath() and the XDG fallbacks (~/Pictures, ~/Documents) read HOME on each call.
        qputenv("HOME", QFile::encodeName(m_home.path()));
        qunsetenv("XDG_CONFIG_HOME");
    }

    void missingFolderGivesHome() {
        QCOMPARE(QStandardPaths::writableLocation(QStandardPaths::PicturesLocation),
                 m_home.filePath(u"Pictures"_qs));
        QCOMPARE(startFolder(QStandardPaths::PicturesLocation), m_home.path());
        QCOMPARE(startFolder(QStandardPaths::DocumentsLocation), m_home.path());
        QCOMPARE(existingFolderOrHome(m_home.filePath(u"gone/away"_qs)), m_home.path());
        QCOMPARE(existingFolderOrHome(QString()), m_home.path());
    }

    void existingFolderIsKept() {
        QVERIFY(QDir(m_home.path()).mkpath(u"Pictures"_qs));
        QCOMPARE(startFolder(QStandardPaths::PicturesLocation), m_home.filePath(u"Pictures"_qs));
        QCOMPARE(startFolder(QStandardPaths::DocumentsLocation), m_home.path());
    }

    void fileIsNotAFolder() {
        QFile file(m_home.filePath(u"notes.txt"_qs));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.close();
        QCOMPARE(existingFolderOrHome(file.fileName()), m_home.path());
    }

private:
    QTemporaryDir m_home;
};

QTEST_GUILESS_MAIN(TestStartFolder)

#include "tst_startfolder.moc"
