#include "speller.h"

#include "logging.h"

#include <QElapsedTimer>
#include <QFileInfo>

#include <nuspell/dictionary.hxx>
#include <nuspell/finder.hxx>

#include <filesystem>

namespace galley {

struct Speller::Private {
    nuspell::Dictionary dictionary;
    bool available = false;
    QString error;
};

Speller::Speller()
    : d(new Private) {
    QElapsedTimer timer;
    timer.start();
    std::filesystem::path aff = "/usr/share/hunspell/en_US.aff";
    if (!std::filesystem::exists(aff)) {
        for (const auto &dir : nuspell::search_default_dirs_for_dicts()) {
            if (std::filesystem::exists(dir / "en_US.aff")) {
                aff = dir / "en_US.aff";
                break;
            }
        }
    }
    try {
        d->dictionary.load_aff_dic(aff);
        d->available = true;
    } catch (const std::exception &e) {
        d->error =
            u"The English spelling dictionary could not be loaded (%1), so run-together words "
            "were not split. Install the hunspell-en-us package."_qs.arg(QString::fromLocal8Bit(e.what()));
    }
    qCDebug(lcImport) << "dictionary" << QString::fromStdString(aff.string()) << "loaded in"
                      << timer.elapsed() << "ms";
}

Speller::~Speller() {
    delete d;
}

const Speller &Speller::shared() {
    static const Speller speller;
    return speller;
}

bool Speller::isAvailable() const {
    return d->available;
}

QString Speller::errorString() const {
    return d->error;
}

bool Speller::isKnown(const QString &word) const {
    if (!d->available || word.isEmpty())
        return false;
    return d->dictionary.spell(word.toStdString());
}

} // namespace galley
