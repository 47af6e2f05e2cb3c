#pragma once

#include "model/story.h"
#include "revisions.h"

#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

class QSqlDatabase;
class QSqlError;

namespace galley {

namespace schema {
/// The migration step that keeps every story of a library from before revisions as its first
/// revision (storylibraryrevisions.cpp).
bool keepStoriesAsFirstRevisions(QSqlDatabase &db, QSqlError *error);
/// The migration step that fills the search index again from every story, after a change of its
/// columns (storylibrarywrite.cpp).
bool rebuildSearchIndex(QSqlDatabase &db, QSqlError *error);
} // namespace schema

/// One row of the story list: what the list shows without loading bodies or pictures.
struct StorySummary {
    QString id;
    QString slug;
    QString headline;
    QString section;
    StoryStatus status = StoryStatus::Draft;
    QDateTime updated; ///< UTC
};

/// A story in the Trash: as listed, with the time it was deleted.
struct TrashedStory {
    StorySummary story;
    QDateTime trashed; ///< UTC
};

/// Who is editing a story: taken when a desk opens it for editing, ended when the desk releases it
/// or its connection to the library dies (a crash, a pulled cable).
struct EditLock {
    QString storyId;
    QString holder;  ///< the person, as signed in revisions (SaveOptions::author)
    QString machine; ///< QSysInfo::machineHostName() of the desk
    QString session; ///< the holder's editing session (one window's story, SaveOptions::session)
    QDateTime since; ///< UTC, when the session first took it
};

/// A newsroom role on a library's server (PostgreSQL group roles galley_reporter, galley_editor,
/// galley_producer); what each may do is the table "Roles" in docs/storage.md.
enum class LibraryRole { Reporter, Editor, Producer };

/// "reporter", "editor", "producer".
QString libraryRoleKey(LibraryRole role);
/// The PostgreSQL group role: "galley_reporter"...
QString libraryRoleName(LibraryRole role);
/// Parses "reporter", "editor", "producer" (or the group role's name), case-insensitive.
std::optional<LibraryRole> libraryRoleFromString(const QString &text);

/// What the person signed in to a library may do, so the window offers only that; the server
/// enforces the same rules itself (docs/storage.md, "Roles"). A library file, and the server's
/// administrator (whoever owns the library's tables, or a superuser), may do everything.
struct LibraryPermissions {
    QString user;           ///< the server login; empty for a file
    bool everything = true; ///< a file, or the library's administrator
    bool reporter = false;
    bool editor = false;
    bool producer = false;

    /// Whether a story of @p owner (Story::owner), shared with the desk or not, in @p status, may
    /// be changed at all: editors and producers change any story, reporters their own drafts,
    /// shared drafts and drafts of nobody (made in a file).
    bool mayChange(const QString &owner, bool shared, StoryStatus status) const;
    /// Whether a story may be moved from @p from to @p to (equal: always): to or from Published
    /// producers only, else to or from Ready editors only, Draft and Copy edit anyone who may change it.
    bool mayMove(StoryStatus from, StoryStatus to) const;
    /// Moving to the Trash, restoring, emptying it, deleting: producers only.
    bool mayDelete() const { return everything || producer; }
    /// Taking over a story another live session is editing: editors only.
    bool mayTakeOver() const { return everything || editor; }
    /// The roles as said in a sentence: "reporter", "reporter and editor", "no Galley role".
    QString roleLabel() const;
};

/// Whose a story is in a newsroom library, for the reporters' rule (LibraryPermissions::mayChange()).
struct StoryOwnership {
    /// The server login that made the story; empty in a library file and for stories from before
    /// roles (or copied from a file), which every reporter may edit as drafts shared with the desk.
    QString owner;
    /// Whether its reporter shared the draft with the desk, so other reporters may edit it too.
    bool sharedWithDesk = false;
};

/// What StoryLibrary::copyTo() copied.
struct LibraryCopySummary {
    int stories = 0;    ///< Trash included
    int revisions = 0;
    int pictures = 0;
    int houseWords = 0;
};

/// Order of a story list: most recently updated first, or best match for the search text first.
enum class StoryOrder { Newest, Relevance };

/// What the story list asks for. Empty members do not filter. @c text is full-text search over
/// headline, deck and body (SQLite FTS5 query syntax is not exposed: words are matched as
/// prefixes, all must occur).
///
/// StoryOrder::Relevance (with search text) ranks matches by BM25 with a headline weighing ten
/// times the body and a deck four times; to answer in well under 50 ms in a library of 100,000
/// stories it ranks the RelevanceWindow most recently saved matches, which is where a newsroom
/// search looks. Without search text it falls back to Newest. @c limit caps the rows (0: all).
struct StoryFilter {
    QString text;
    std::optional<StoryStatus> status;
    QString section;
    StoryOrder order = StoryOrder::Newest;
    int limit = 0;

    static constexpr int RelevanceWindow = 2000;
};

/// The story library: stories and their pictures in one SQLite file (through Qt Sql, QSQLITE), or in
/// a PostgreSQL 15 database a newsroom shares (QPSQL, opened by a postgresql:// address; see
/// ServerAddress). What differs between the two lives in SqlDialect.
///
/// The schema is versioned (PRAGMA user_version; on PostgreSQL the table galley_schema) and
/// migrated in a transaction on open; a SQLite journal is WAL, foreign keys are on, and a busy
/// timeout (a lock timeout on PostgreSQL) makes a second Galley wait briefly and then fail with a
/// plain message instead of hanging. Every write is one transaction: it lands whole or leaves the
/// previous version intact; writers take turns on both engines.
///
/// Errors: every fallible call returns false / nullopt and sets @p error to a sentence a reporter
/// can read ("The library is in use by another Galley window. ...").
/// Not thread-safe: use one StoryLibrary per thread.
class StoryLibrary final {
public:
    StoryLibrary();
    ~StoryLibrary();
    Q_DISABLE_COPY_MOVE(StoryLibrary)

    /// Default library file: <AppLocalDataLocation>/library.sqlite (the folder is created).
    static QString defaultPath();

    /// How open() may use the file.
    enum class Access {
        ReadWrite, ///< the editor and commands that change stories: creates and migrates the file
        ReadOnly,  ///< commands that only read (list, export, history, diff, check): never writes,
                   ///< so a read-only or archived library can be read
        Initialize, ///< `galley admin init`: as ReadWrite, and a PostgreSQL database without a
                    ///< library gets one (ReadWrite refuses it, so a mistyped address never does)
    };

    /// Opens the library at @p path, a file or a postgresql:// address (ServerAddress; the server's
    /// refusals each get their sentence, see describeServerError()). A file: ReadWrite creates it when @p path is new and migrates it to the
    /// current schema; ReadOnly needs an existing library of the current schema and writes nothing
    /// (saves then fail with the read-only sentence). The folder must exist. Refuses, leaving the
    /// file exactly as it was: a folder, an existing empty file (only a new path becomes a library),
    /// a read-only file for ReadWrite, a file that is not a database or is damaged, another
    /// program's database, and a library written by a newer Galley. Fails with the in-use sentence
    /// when another window holds the write lock longer than the busy timeout (2.5 s) while the file
    /// needs migrating.
    bool open(const QString &path, QString *error, Access access = Access::ReadWrite);
    /// Makes the database named by the postgresql:// address @p address on its server when it does
    /// not exist yet (CREATE DATABASE, run in the server's "postgres" database, UTF-8, owned by the
    /// connecting role, which needs the CREATEDB privilege). True when it exists afterwards; false
    /// with a plain sentence. @p created (if given) says whether it was made now.
    static bool createServerDatabase(const QString &address, QString *error, bool *created = nullptr);
    /// Closes the file (safe when none is open); the library can then open another.
    void close();
    /// True between a successful open() and close().
    bool isOpen() const;
    /// The path given to open(); empty when closed.
    QString path() const;

    /// True when the open library is on a PostgreSQL server (false for a file or when closed).
    bool isOnServer() const;
    /// True when a call failed because the connection to the server is gone (it restarted, the
    /// network dropped, the session was terminated); calls keep failing until reconnect(). Always
    /// false for a file.
    bool isConnectionLost() const;
    /// Closes the connection and opens the library last given to open() again, with the same
    /// Access, as open() does (a new server session: LISTENs and session settings are gone). True
    /// when it is open again; false with open()'s sentence, the library then stays closed and
    /// reconnect() may be tried again later. LibraryWatcher calls it with a backoff.
    bool reconnect(QString *error);

    /// Schema version this build writes; an opened file has exactly this version.
    static int currentSchemaVersion();
    /// Schema version of the open library; 0 when closed.
    int schemaVersion() const;

    /// Stories matching @p filter, newest update first (equal times: most recently added first); empty with
    /// @p error set when the library cannot be read.
    QList<StorySummary> list(const StoryFilter &filter = {}, QString *error = nullptr) const;
    /// Number of stories in the library (0 when closed or unreadable).
    int count() const;
    /// Distinct non-empty sections, sorted.
    QStringList sections() const;

    /// The whole story with its pictures; nullopt with @p error when it does not exist or cannot be read.
    std::optional<Story> load(const QString &id, QString *error) const;
    std::optional<Story> loadBySlug(const QString &slug, QString *error) const;
    /// Id of the story whose StoryMetadata::originalId is @p originalId (the most recently updated
    /// one if several), or an empty string when none has it or the library cannot be read. Used to
    /// offer a later wire version of a story as an update of the one already here.
    QString idForOriginalId(const QString &originalId) const;
    /// Id of the most recently updated story whose metadata has the wire slugline @p slugline
    /// (compared exactly) from the agency @p sourceAgency (compared without regard to case), or an
    /// empty string when none has, either is empty, or the library cannot be read. A wire's
    /// write-thru without an id of its own is a later version of the story with its slug.
    QString idForWireSlug(const QString &sourceAgency, const QString &slugline) const;

    /// The house dictionary: words the desk added ("Add to house dictionary"), which the speller
    /// accepts in every story of this library; sorted. Empty with @p error when it cannot be read.
    QStringList houseWords(QString *error = nullptr) const;
    /// Adds @p word (trimmed; one word, no spaces, at most 100 characters) to the house dictionary.
    /// Adding a word already there succeeds and changes nothing. False with @p error otherwise.
    bool addHouseWord(const QString &word, QString *error);
    /// Removes @p word (exactly as added); removing a word not there succeeds.
    bool removeHouseWord(const QString &word, QString *error);

    /// The check findings ignored in story @p storyId (Finding::ignoreKey() strings), in the order
    /// they were ignored; empty with @p error when they cannot be read.
    QStringList ignoredFindings(const QString &storyId, QString *error = nullptr) const;
    /// Ignores (or, with @p ignored false, stops ignoring) the finding with @p key in story
    /// @p storyId; written at once, apart from save(), so it never touches the story's text. Fails
    /// when the story is not in the library (deleted in another window, or never saved).
    bool setFindingIgnored(const QString &storyId, const QString &key, bool ignored, QString *error);

    /// True when another story than @p exceptId already has @p slug.
    bool isSlugTaken(const QString &slug, const QString &exceptId = {}) const;

    /// Saves @p story atomically (insert or update), its pictures included, and the search index.
    /// Before writing, fills an empty slug from the headline (made unique), sets @c updated to now
    /// (UTC) and gives a fresh id to any picture without one or whose id another story (or another
    /// picture of this one) already uses; @p story is updated in place only on success. Fails,
    /// writing nothing and leaving @p story as typed, when the slug is invalid or taken by another
    /// story, the library is locked, full or read-only, or the story was saved elsewhere (another
    /// window, another desk) since @p story was loaded or last saved — told by its @c updated time,
    /// so two editors never silently overwrite each other's work.
    ///
    /// Every save also writes a revision of the story in the same transaction (see SaveOptions for
    /// who it is signed by and when autosaves fold into one), and a status change when the status
    /// differs from the one the library held. This form signs with defaultAuthorName() and never
    /// folds.
    bool save(Story &story, QString *error);
    bool save(Story &story, const SaveOptions &options, QString *error);

    /// The revisions of story @p storyId, newest first; empty with @p error set when the library
    /// cannot be read (a story always has at least one).
    QList<RevisionInfo> revisions(const QString &storyId, QString *error) const;
    /// The story as revision @p number saved it (its id is @p storyId); picture bytes and the
    /// imported original only when @p withPictures. Nullopt with @p error when there is no such
    /// revision or a piece of it is damaged.
    std::optional<Story> loadRevision(const QString &storyId, int number, QString *error,
                                      bool withPictures = false) const;
    /// Status changes of story @p storyId, oldest first.
    QList<StatusChange> statusChanges(const QString &storyId, QString *error) const;
    /// Brings revision @p number of story @p storyId back as a new, newest revision (kind Restore,
    /// summary "restored revision N" unless @p options give one). The current text stays in the
    /// history as the revision before. Kept from the current story: status, notes, created time,
    /// and the slug when the old one is now another story's. Returns the saved story; nullopt
    /// with @p error when the story or revision does not exist or the save fails (nothing changed).
    std::optional<Story> restoreRevision(const QString &storyId, int number, SaveOptions options,
                                         QString *error);

    /// Deletes the story, its pictures and its search entry for good, in one transaction (the
    /// window and emptyTrash() use the Trash first). Fails with a sentence when no story has @p id
    /// (it may have been deleted in another window).
    bool remove(const QString &id, QString *error);

    /// Days a story stays in the Trash before purgeTrash() deletes it for good.
    static constexpr int TrashKeepDays = 30;
    /// Moves story @p id to the Trash: it leaves every list, search, count and load(), keeps its
    /// slug, pictures and history, and can come back with restoreFromTrash() until the Trash is
    /// emptied or TrashKeepDays pass. Fails with a sentence when no story outside the Trash has @p id.
    bool moveToTrash(const QString &id, QString *error);
    /// Brings story @p id back from the Trash as it was. Fails with a sentence when it is not there.
    bool restoreFromTrash(const QString &id, QString *error);
    /// The stories in the Trash, most recently deleted first.
    QList<TrashedStory> trashedStories(QString *error) const;
    /// Deletes every story in the Trash for good; returns how many, or -1 with @p error.
    int emptyTrash(QString *error);
    /// Deletes for good the stories that went to the Trash more than TrashKeepDays before @p now
    /// (UTC); returns how many, or -1 with @p error. open() does this each time.
    int purgeTrash(const QDateTime &now, QString *error);

    /// Saves a copy of story @p id: a new id, "Copy of " before the headline, the original's slug
    /// with the first free "-2", "-3"..., Draft status, created now, pictures with fresh ids (blocks
    /// and pull quotes keep theirs, they are unique only within a story). Returns the saved copy.
    std::optional<Story> duplicate(const QString &id, QString *error);

    /// Takes the edit lock of story @p storyId for @p session of @p holder, in one write
    /// transaction. True when taken, or already this session's (its time is kept). False when the
    /// story is not in the library (or in the Trash), or another session whose connection is alive
    /// holds it: then @p heldBy (if given) is that lock and @p error says "Ana Ruiz is editing this
    /// story on MACHINE since 10:42." A lock whose holder's connection died is taken over.
    bool takeEditLock(const QString &storyId, const QString &holder, const QString &session,
                      std::optional<EditLock> *heldBy, QString *error);
    /// Releases the edit lock of story @p storyId if @p session holds it (else changes nothing).
    bool releaseEditLock(const QString &storyId, const QString &session, QString *error);
    /// The live edit lock of story @p storyId; nullopt when none (or its holder is gone), or with
    /// @p error when it cannot be read.
    std::optional<EditLock> editLock(const QString &storyId, QString *error) const;
    /// Keeps @p workingCopy (the story as typed in the holder's window, saved or not) with the edit
    /// lock @p session holds on it, so a take-over keeps the holder's last text (takeOverEditLock()).
    /// Picture bytes are not kept: a picture is taken from the stored story by its id. One UPDATE,
    /// outside any write transaction. True when written; false with @p error when it cannot be, and
    /// false with @p error empty when @p session does not hold the lock (any more): then
    /// editLock() says who does.
    bool keepWorkingCopy(const Story &workingCopy, const QString &session, QString *error);
    /// Takes the edit lock of story @p storyId from whoever holds it, for @p session of @p holder,
    /// in one write transaction that also records it in the story's history: a revision of kind
    /// TakeOver signed by the previous holder with their last working copy (keepWorkingCopy()) when
    /// it differs from the stored story ("Ben Ode took over from Ana Ruiz; kept Ana Ruiz's unsaved
    /// text: headline, 1 paragraph"), else one signed by @p holder with the stored text ("Ben Ode
    /// took over from Ana Ruiz"). Either way the story's @c updated time moves, so the previous
    /// holder's next save is refused as made from an out-of-date version. When nobody (or this
    /// session) holds the lock it is taken as takeEditLock() takes it and nothing is recorded.
    /// @p previous (if given) is the lock taken over (nullopt when none was); @p revision (if
    /// given) the number of the revision written (0 when none). False with @p error when the story
    /// is not in the library or the write fails (the server's refusal of a non-editor included);
    /// nothing changes then.
    bool takeOverEditLock(const QString &storyId, const QString &holder, const QString &session,
                          std::optional<EditLock> *previous, int *revision, QString *error);

    /// Whose story @p storyId is (StoryOwnership); nullopt with @p error when it is not in the library.
    std::optional<StoryOwnership> ownership(const QString &storyId, QString *error = nullptr) const;
    /// Shares story @p storyId's draft with the desk (or stops sharing it), written at once apart
    /// from save(). On a server only its owner, an editor or a producer may (a sentence otherwise).
    bool setSharedWithDesk(const QString &storyId, bool shared, QString *error);
    /// What the signed-in person may do (everything on a file). On a server read from the roles of
    /// the connection's login; with @p error (and nothing allowed) when they cannot be read.
    LibraryPermissions permissions(QString *error = nullptr) const;
    /// `galley admin init`'s second half on a server: makes the group roles galley_reporter,
    /// galley_editor and galley_producer (NOLOGIN; existing ones are kept, and another desk making
    /// them at the same moment is fine) and grants them the library's tables and sequences, now and
    /// for tables later versions add. Needs the CREATEROLE privilege while a role is missing. Does
    /// nothing on a file. False with a sentence.
    bool setUpRoles(QString *error);
    /// Makes the server's login role @p user a member of @p role (or, with @p member false, no
    /// longer one; not being one is fine). False with a sentence when @p user does not exist, the
    /// roles were not made yet, or this login may not grant them. Refused on a file.
    bool setRoleMember(const QString &user, LibraryRole role, bool member, QString *error);

    /// Ids of every story, the Trash's included, in the order they were added; empty with @p error
    /// when the library cannot be read.
    QStringList allStoryIds(QString *error) const;
    /// SHA-256 (64 hex digits) of story @p storyId exactly as stored: every column of its rows in
    /// the tables stories, images (picture bytes included), revision_pieces, revisions,
    /// status_changes and story_ignores, in a fixed order, each value with its type and length. Not
    /// hashed: the search index and row ids, which each engine derives for itself. Values are read as
    /// both engines agree on them (integers as numbers, JSON arrays re-serialized compactly), so a
    /// story has the same checksum in a SQLite file and on a PostgreSQL server. Empty with @p error
    /// when there is no such story.
    QString storyChecksum(const QString &storyId, QString *error) const;
    /// Copies everything in this library (stories with their pictures, revisions, status changes and
    /// ignored findings, the Trash, the house dictionary) into @p target, which may be of the other
    /// engine and must be open for writing and hold no stories and no house words. Reads this
    /// library in one snapshot, writes @p target in one transaction, builds its search index, and
    /// commits only when it holds as many stories as this one with equal storyChecksum()s; otherwise
    /// @p target is left as it was and @p error says why.
    bool copyTo(StoryLibrary &target, LibraryCopySummary *summary, QString *error) const;

    /// The steps of save(), in order, each inside the one transaction.
    enum class SaveStep { StoryRow, Images, SearchIndex, Revision };
    /// Test seam: called by save() after each step, before the commit. Returning false aborts the
    /// save exactly as a failed write would (rolled back, @p error says the save was interrupted);
    /// a hook may also end the process to simulate a crash mid-save.
    using SaveHook = bool (*)(SaveStep step);
    /// Installs @p hook for every StoryLibrary in the process; nullptr removes it. Tests only.
    static void setSaveHookForTesting(SaveHook hook);
    /// Name of this library's Qt Sql connection (QSqlDatabase::database(name)), so tests can
    /// provoke SQLite states such as a full disk (PRAGMA max_page_count) or a read-only file
    /// (PRAGMA query_only). Empty when closed. Tests only: application code goes through this class.
    QString connectionNameForTesting() const;

private:
    /// The part of open() both engines share, once connected: checks the schema version, refuses
    /// what must not be opened, sets up the connection and migrates.
    bool settleOpened(Access access, QString *error);
    /// The writing part of save() (story row, pictures, search row, revision) for @p next, whose id
    /// and times are set; the caller holds the write transaction. With @p loaded (the update time
    /// the story had when it was read), a story saved since then is refused with the stale-save
    /// sentence and nothing is written. @p next is updated in place (slug, picture ids).
    bool writeStoryInTransaction(Story &next, const SaveOptions &options, const QDateTime *loaded, QString *error);

    struct Private;
    Private *d;
    friend class LibraryWatcher; // listens on, and polls, this library's own connection
    friend bool schema::keepStoriesAsFirstRevisions(QSqlDatabase &db, QSqlError *error);
    friend bool schema::rebuildSearchIndex(QSqlDatabase &db, QSqlError *error);
};

} // namespace galley
