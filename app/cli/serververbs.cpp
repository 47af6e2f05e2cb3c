// The verbs of a newsroom's shared library (issue 10): `galley admin init ADDRESS` makes a library
// on a PostgreSQL server, `galley copy-library --from A --to B` moves one between a file and a
// server, either way.

#include "cliverbs.h"

#include "logging.h"
#include "storage/serveraddress.h"
#include "storage/storylibrary.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace galley::cli {

namespace {

const QString FromOption = u"from"_qs;
const QString ToOption = u"to"_qs;

QString shown(const QString &location) {
    return isServerLocation(location) ? location : QDir::toNativeSeparators(location);
}

} // namespace

void configureAdmin(QCommandLineParser &parser) {
    parser.addPositionalArgument(u"task"_qs,
                                 u"init: make the library (its database, tables and newsroom roles); grant / "
                                 u"revoke USER ROLE: give a login the role reporter, editor or producer, or take "
                                 u"it back."_qs,
                                 u"init|grant|revoke"_qs);
    parser.addPositionalArgument(u"address"_qs, u"The library's address, postgresql://user@host[:port]/dbname."_qs,
                                 u"[USER ROLE] ADDRESS"_qs);
}

namespace {

int runAdminInit(const QString &address, CliStreams &io) {
    QString error;
    bool created = false;
    if (!StoryLibrary::createServerDatabase(address, &error, &created))
        return failure(error, io);
    StoryLibrary library;
    if (!library.open(address, &error, StoryLibrary::Access::Initialize))
        return failure(error, io);
    if (!library.setUpRoles(&error))
        return failure(error, io);
    io.out << (created ? u"Made the database and the Galley library %1 (library format %2)"_qs
                       : u"The Galley library %1 is ready (library format %2)"_qs)
                  .arg(address)
                  .arg(library.schemaVersion())
           << u", with the roles galley_reporter, galley_editor and galley_producer; give each person one with "
              u"“galley admin grant USER ROLE ADDRESS”."_qs
           << u'\n';
    io.out.flush();
    return ExitOk;
}

int runAdminGrant(const CliVerb &verb, bool member, const QString &user, const QString &roleText,
                  const QString &address, CliStreams &io) {
    const std::optional<LibraryRole> role = libraryRoleFromString(roleText);
    if (!role)
        return usageError(verb, u"“%1” is not a newsroom role: use reporter, editor or producer."_qs.arg(roleText), io);
    if (user.trimmed().isEmpty())
        return usageError(verb, u"Give the login name of the person, as made with createuser."_qs, io);
    QString error;
    StoryLibrary library;
    if (!library.open(address, &error))
        return failure(error, io);
    if (!library.setRoleMember(user, *role, member, &error))
        return failure(error, io);
    // Roles are the whole server's: a grant holds in every Galley library there.
    io.out << (member ? u"%1 now has the role %2 on the server of %3 (in every Galley library there)."_qs
                      : u"%1 no longer has the role %2 on the server of %3 (in any Galley library there)."_qs)
                  .arg(user, libraryRoleKey(*role), address)
           << u'\n';
    io.out.flush();
    return ExitOk;
}

} // namespace

int runAdmin(const CliVerb &verb, const QCommandLineParser &parser, CliStreams &io) {
    const QStringList args = parser.positionalArguments();
    const QString task = args.value(0);
    const bool init = task == u"init"_qs && args.size() == 2;
    const bool grant = (task == u"grant"_qs || task == u"revoke"_qs) && args.size() == 4;
    if (!init && !grant)
        return usageError(verb,
                          u"admin takes a task and an address: admin init ADDRESS, admin grant USER ROLE ADDRESS or "
                          u"admin revoke USER ROLE ADDRESS (ADDRESS: postgresql://user@host/dbname)."_qs,
                          io);
    const QString address = args.constLast();
    if (!isServerLocation(address))
        return usageError(verb, init ? u"admin init makes a library on a PostgreSQL server: give its postgresql:// "
                                       u"address (a library file is made by opening it: galley --db FILE)."_qs
                                     : u"Roles belong to a library on a PostgreSQL server: give its postgresql:// "
                                       u"address (in a library file every action is allowed)."_qs,
                          io);
    if (init)
        return runAdminInit(address, io);
    return runAdminGrant(verb, task == u"grant"_qs, args.at(1), args.at(2), address, io);
}

void configureCopyLibrary(QCommandLineParser &parser) {
    parser.addOption({FromOption, u"The library to copy: a file or a postgresql:// address."_qs, u"LIBRARY"_qs});
    parser.addOption({ToOption,
                      u"Where to copy it: a new file, or a postgresql:// address of an empty or new library."_qs,
                      u"LIBRARY"_qs});
}

int runCopyLibrary(const CliVerb &verb, const QCommandLineParser &parser, CliStreams &io) {
    if (!parser.positionalArguments().isEmpty() || !parser.isSet(FromOption) || !parser.isSet(ToOption))
        return usageError(verb, u"copy-library takes --from LIBRARY and --to LIBRARY, and nothing else."_qs, io);
    const QString from = parser.value(FromOption);
    const QString to = parser.value(ToOption);
    if (!isServerLocation(from) && !QFileInfo::exists(from))
        return failure(u"There is no story library at %1."_qs.arg(shown(from)), io);
    if (!isServerLocation(to) && QFileInfo::exists(to))
        return failure(u"%1 already exists; copy to a new file so nothing is overwritten."_qs.arg(shown(to)), io);
    const bool sameLibrary = (isServerLocation(from) && isServerLocation(to))
                                 ? from == to
                                 : QFileInfo(from).absoluteFilePath() == QFileInfo(to).absoluteFilePath();
    if (sameLibrary)
        return usageError(verb, u"--from and --to name the same library."_qs, io);

    QString error;
    StoryLibrary source;
    if (!source.open(from, &error, StoryLibrary::Access::ReadOnly))
        return failure(error, io);
    if (isServerLocation(to) && !StoryLibrary::createServerDatabase(to, &error))
        return failure(error, io);
    StoryLibrary target;
    if (!target.open(to, &error, StoryLibrary::Access::Initialize))
        return failure(error, io);
    LibraryCopySummary summary;
    if (!source.copyTo(target, &summary, &error)) {
        target.close();
        // A new file that received nothing is not left behind looking like a library.
        if (!isServerLocation(to)) {
            for (const QString &suffix : {QString(), u"-wal"_qs, u"-shm"_qs})
                QFile::remove(to + suffix);
        }
        return failure(error, io);
    }
    io.out << u"Copied %1 stories (%2 revisions, %3 pictures, %4 house dictionary words) from %5 to %6; the story "
              u"counts and every story's checksum match."_qs.arg(summary.stories)
                  .arg(summary.revisions)
                  .arg(summary.pictures)
                  .arg(summary.houseWords)
                  .arg(shown(from), shown(to))
           << u'\n';
    io.out.flush();
    return ExitOk;
}

} // namespace galley::cli
