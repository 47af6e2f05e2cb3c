#include "spelling.h"

#include "checkslog.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QMutex>
#include <QRegularExpression>

#include <nuspell/dictionary.hxx>

#include <map>

namespace galley {

namespace {

const QString DictionaryFolder = u"/usr/share/hunspell"_qs;

} // namespace

/// One loaded dictionary; Nuspell's spell() and suggest() are const and safe to share.
class SpellDictionary {
public:
    nuspell::Dictionary dictionary;
};

namespace {

/// Loads @p name once per process; nullptr (and @p error) when it cannot be read.
std::shared_ptr<const SpellDictionary> loadDictionary(const QString &name, QString *error) {
    static QMutex mutex;
    static std::map<QString, std::shared_ptr<const SpellDictionary>> loaded;
    QMutexLocker lock(&mutex);
    if (auto it = loaded.find(name); it != loaded.end())
        return it->second;
    QElapsedTimer timer;
    timer.start();
    auto dictionary = std::make_shared<SpellDictionary>();
    try {
        dictionary->dictionary.load_aff_dic(QString(DictionaryFolder % u'/' % name % u".aff"_qs).toStdString());
    } catch (const std::exception &e) {
        *error = u"The spelling dictionary %1 could not be read (%2)."_qs.arg(name, QString::fromLocal8Bit(e.what()));
        return nullptr;
    }
    qCDebug(lcChecks) << "dictionary" << name << "loaded in" << timer.elapsed() << "ms";
    loaded.emplace(name, dictionary);
    return dictionary;
}

bool isAllCaps(const QString &word) {
    bool letter = false;
    for (QChar c : word) {
        if (c.isLower())
            return false;
        letter = letter || c.isLetter();
    }
    return letter;
}

bool startsCapitalised(const QString &word) {
    return !word.isEmpty() && word.at(0).isUpper() && !isAllCaps(word);
}

/// "Holt's" -> "Holt", "reporters'" -> "reporters"
QString withoutPossessive(const QString &word) {
    if (word.endsWith(u"'s"_qs) || word.endsWith(u"'S"_qs))
        return word.chopped(2);
    if (word.endsWith(u'\''))
        return word.chopped(1);
    return word;
}

} // namespace

QStringList installedDictionaries() {
    QStringList names;
    const QStringList files = QDir(DictionaryFolder).entryList({u"*.aff"_qs}, QDir::Files, QDir::Name);
    for (const QString &file : files)
        if (QFileInfo::exists(DictionaryFolder % u'/' % file.chopped(4) % u".dic"_qs))
            names.append(file.chopped(4));
    return names;
}

QString dictionaryNameFor(const QString &language) {
    QString tag = language.trimmed();
    tag.replace(u'-', u'_');
    if (tag.isEmpty() || tag.compare(u"en"_qs, Qt::CaseInsensitive) == 0)
        tag = u"en_US"_qs;
    const QStringList installed = installedDictionaries();
    const QString lang = tag.section(u'_', 0, 0).toLower();
    const QString region = tag.section(u'_', 1, 1).toUpper();
    if (!region.isEmpty() && installed.contains(lang % u'_' % region))
        return lang % u'_' % region;
    if (installed.contains(lang))
        return lang;
    // A language without a region: its usual dictionary (de -> de_DE), else the first one.
    if (installed.contains(lang % u'_' % lang.toUpper()))
        return lang % u'_' % lang.toUpper();
    for (const QString &name : installed)
        if (name.startsWith(lang % u'_'))
            return name;
    return {};
}

QSet<QString> storyNames(const QStringList &texts) {
    QHash<QString, int> counts;
    for (const QString &text : texts) {
        for (const ScannedWord &word : scanWords(text)) {
            if (word.sentenceStart || word.hasDigit || !text.at(word.start).isUpper())
                continue;
            const QString name = withoutPossessive(straightApostrophes(word.in(text)));
            if (startsCapitalised(name))
                ++counts[name];
        }
    }
    QSet<QString> names;
    for (auto it = counts.cbegin(); it != counts.cend(); ++it)
        if (it.value() > 1)
            names.insert(it.key());
    return names;
}

SpellChecker::SpellChecker(const QString &language) {
    m_name = dictionaryNameFor(language);
    if (m_name.isEmpty()) {
        m_error = u"No spelling dictionary is installed for the language “%1”; install its hunspell "
                  u"package (hunspell-en-us, hunspell-en-gb, hunspell-en-ca, ...)."_qs.arg(language);
        return;
    }
    m_dictionary = loadDictionary(m_name, &m_error);
    if (!m_dictionary)
        m_name.clear();
}

SpellChecker::~SpellChecker() = default;

bool SpellChecker::isAvailable() const {
    return m_dictionary != nullptr;
}

QString SpellChecker::errorString() const {
    return m_error;
}

QString SpellChecker::dictionaryName() const {
    return m_name;
}

void SpellChecker::setContext(const SpellContext &context) {
    m_context = context;
    m_houseExact.clear();
    m_houseAnyCase.clear();
    for (const QString &entry : context.houseWords) {
        const QString word = straightApostrophes(entry.trimmed());
        if (word.isEmpty())
            continue;
        if (word == word.toLower()) {
            m_houseAnyCase.insert(word);
        } else {
            m_houseExact.insert(word);
            m_houseExact.insert(word.toUpper());
        }
    }
    m_ignored.clear();
    for (const QString &word : context.ignoredWords)
        m_ignored.insert(straightApostrophes(word));
}

const SpellContext &SpellChecker::context() const {
    return m_context;
}

bool SpellChecker::known(const QString &word) const {
    if (m_houseExact.contains(word) || m_houseAnyCase.contains(word.toLower()))
        return true;
    if (auto it = m_known.constFind(word); it != m_known.cend())
        return it.value();
    const bool ok = m_dictionary->dictionary.spell(word.toStdString());
    m_known.insert(word, ok);
    return ok;
}

bool SpellChecker::acceptable(const QString &word) const {
    if (m_ignored.contains(word) || known(word))
        return true;
    const QString bare = withoutPossessive(word);
    if (bare != word && (m_ignored.contains(bare) || known(bare)))
        return true;
    if (isAllCaps(bare)) {
        // Acronyms: FBI, NATO, NGOs (a plural s after the capitals).
        QString letters = bare;
        if (letters.size() > 2 && letters.endsWith(u's'))
            letters.chop(1);
        if (letters.size() <= 5 && !letters.contains(u'-'))
            return true;
    } else if (bare.size() > 2 && bare.endsWith(u's') && isAllCaps(bare.chopped(1)) && bare.size() <= 6) {
        return true; // NGOs
    }
    if (startsCapitalised(bare) && m_context.names.contains(bare))
        return true;
    // A compound whose parts are each words ("well-run", "tax-and-spend"), a name among them.
    if (bare.contains(u'-')) {
        const QStringList parts = bare.split(u'-', Qt::SkipEmptyParts);
        bool all = parts.size() > 1;
        for (const QString &part : parts) {
            if (!all)
                break;
            all = acceptable(part);
        }
        if (all)
            return true;
    }
    return false;
}

bool SpellChecker::isCorrect(const QString &word) const {
    if (!m_dictionary)
        return true;
    const QString w = straightApostrophes(word);
    bool digit = false;
    for (QChar c : w)
        digit = digit || c.isDigit();
    return digit || w.size() < 2 || acceptable(w);
}

QList<Misspelling> SpellChecker::check(const QString &text) const {
    QList<Misspelling> out;
    if (!m_dictionary)
        return out;
    for (const ScannedWord &word : scanWords(text)) {
        if (word.hasDigit || word.length < 2)
            continue;
        const QString w = straightApostrophes(word.in(text));
        if (!acceptable(w))
            out.append({word.start, word.length, word.in(text)});
    }
    return out;
}

QStringList SpellChecker::suggestions(const QString &word, int max) const {
    QStringList out;
    if (!m_dictionary)
        return out;
    std::vector<std::string> found;
    m_dictionary->dictionary.suggest(straightApostrophes(word).toStdString(), found);
    const bool curly = word.contains(u'’');
    for (const std::string &s : found) {
        QString suggestion = QString::fromStdString(s);
        if (curly)
            suggestion.replace(u'\'', u'’');
        if (!out.contains(suggestion))
            out.append(suggestion);
        if (out.size() >= max)
            break;
    }
    return out;
}

} // namespace galley
