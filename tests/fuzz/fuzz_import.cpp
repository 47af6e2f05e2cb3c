// The one libFuzzer harness for every importer: the input bytes go to importAll() with the
// format fixed at build time (GALLEY_FUZZ_FORMAT, see CMakeLists.txt), as `galley import` would
// read a file of that format. Besides crashes (AddressSanitizer, UBSan) and hangs (libFuzzer's
// -timeout), it stops on what issue 7 forbids: a refusal without a sentence, and a library
// printing its own line through Qt's message handler.
#include "import/importer.h"

#include <QCoreApplication>
#include <QLoggingCategory>

#include <cstdint>
#include <cstdio>
#include <cstdlib>

#ifndef GALLEY_FUZZ_FORMAT
#error "GALLEY_FUZZ_FORMAT names the ImportFormat to fuzz (galley_add_import_fuzzer sets it)"
#endif

using namespace galley;

namespace {

void onMessage(QtMsgType type, const QMessageLogContext &context, const QString &message) {
    const bool galley = context.category && qstrncmp(context.category, "galley.", 7) == 0;
    if (galley || type == QtDebugMsg || type == QtInfoMsg)
        return;
    std::fprintf(stderr, "fuzz_import: a library printed its own line: %s\n", qPrintable(message));
    std::abort();
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv) {
    // The importer needs Qt's plugins (picture formats), found through the application object.
    static QCoreApplication app(*argc, *argv);
    QLoggingCategory::setFilterRules(u"galley.*=false"_qs);
    qInstallMessageHandler(onMessage);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    QString error;
    const auto stories =
        importAll(bytes, ImportOptions{u"fuzz-input"_qs, ImportFormat::GALLEY_FUZZ_FORMAT}, &error);
    if (!stories) {
        if (error.trimmed().isEmpty()) {
            std::fprintf(stderr, "fuzz_import: the input was refused without a sentence\n");
            std::abort();
        }
        return 0;
    }
    if (stories->isEmpty()) {
        std::fprintf(stderr, "fuzz_import: the import succeeded with no story\n");
        std::abort();
    }
    // Building the story runs the second half of the importer (storybuilder).
    for (const ImportResult &result : std::as_const(*stories))
        (void)result.story();
    return 0;
}
