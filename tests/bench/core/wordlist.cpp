// The benchmark vocabulary: ordinary English news words, roughly most frequent first, and the
// syllables invented names are built from. Written for Galley's benchmarks; not taken from any text.

#include "storygenerator.h"

#include <QSet>

namespace galley::bench {

namespace {

// Function words, which fill about half of any news copy; most frequent first.
constexpr const char16_t *functionWordTable[] = {
    u"the",    u"of",    u"and",   u"to",    u"a",     u"in",    u"that",    u"for",    u"on",    u"said",
    u"is",     u"was",   u"with",  u"it",    u"as",    u"at",    u"by",      u"from",   u"he",    u"she",
    u"they",   u"be",    u"has",   u"have",  u"had",   u"an",    u"were",    u"are",    u"not",   u"but",
    u"or",     u"this",  u"which", u"who",   u"their", u"will",  u"would",   u"after",  u"about", u"more",
    u"new",    u"its",   u"also",  u"been",  u"than",  u"when",  u"one",     u"two",    u"year",  u"last",
    u"up",     u"out",   u"over",  u"into",  u"could", u"some",  u"there",   u"people", u"first", u"because",
    u"before", u"all",   u"them",  u"other", u"most",  u"many",  u"now",     u"only",   u"time",  u"three",
    u"where",  u"while", u"just",  u"since", u"still", u"under", u"between", u"week",   u"told",
};

// The stuff of local news, most frequent first.
constexpr const char16_t *newsWordTable[] = {
    u"council",    u"town",        u"city",       u"plan",       u"government", u"public",    u"local",
    u"residents",  u"money",       u"school",     u"million",    u"report",     u"service",   u"police",
    u"court",      u"harbour",     u"community",  u"meeting",    u"members",    u"board",     u"budget",
    u"project",    u"work",        u"home",       u"family",     u"day",        u"months",    u"number",
    u"part",       u"month",       u"group",      u"need",       u"support",    u"said",      u"night",
    u"morning",    u"water",       u"road",       u"river",      u"bridge",     u"street",    u"centre",
    u"market",     u"club",        u"team",       u"season",     u"match",      u"game",      u"win",
    u"goal",       u"coach",       u"players",    u"league",     u"title",      u"hospital",  u"health",
    u"doctors",    u"patients",    u"care",       u"staff",      u"nurses",     u"ward",      u"clinic",
    u"library",    u"museum",      u"festival",   u"music",      u"theatre",    u"show",      u"artists",
    u"exhibition", u"business",    u"shops",      u"company",    u"jobs",       u"workers",   u"prices",
    u"rent",       u"housing",     u"homes",      u"land",       u"farm",       u"farmers",   u"weather",
    u"storm",      u"floods",      u"rain",       u"winter",     u"summer",     u"spring",    u"autumn",
    u"wind",       u"sea",         u"coast",      u"beach",      u"boats",      u"ferry",     u"port",
    u"train",      u"station",     u"bus",        u"route",      u"traffic",    u"parking",   u"cycle",
    u"path",       u"park",        u"trees",      u"garden",     u"children",   u"students",  u"teachers",
    u"parents",    u"pupils",      u"classes",    u"exams",      u"election",   u"vote",      u"votes",
    u"mayor",      u"councillor",  u"minister",   u"party",      u"campaign",   u"policy",    u"law",
    u"rules",      u"levy",        u"tax",        u"grant",      u"fund",       u"funding",   u"cost",
    u"costs",      u"spending",    u"savings",    u"loan",       u"debt",       u"contract",  u"tender",
    u"builders",   u"building",    u"wall",       u"roof",       u"repairs",    u"works",     u"design",
    u"architect",  u"planning",    u"permission", u"objections", u"hearing",    u"inquiry",   u"judge",
    u"jury",       u"trial",       u"charge",     u"case",       u"appeal",     u"evidence",  u"witness",
    u"fire",       u"crews",       u"rescue",     u"ambulance",  u"crash",      u"injured",   u"safety",
    u"warning",    u"risk",        u"survey",     u"study",      u"data",       u"figures",   u"research",
    u"scientists", u"university",  u"college",    u"volunteers", u"charity",    u"church",    u"hall",
    u"village",    u"county",      u"region",     u"province",   u"border",     u"island",    u"valley",
    u"hill",       u"quay",        u"pier",       u"lighthouse", u"mill",       u"factory",   u"warehouse",
    u"office",     u"offices",     u"agreed",     u"decided",    u"approved",   u"rejected",  u"announced",
    u"opened",     u"closed",      u"began",      u"finished",   u"expected",   u"planned",   u"warned",
    u"asked",      u"called",      u"wanted",     u"hoped",      u"argued",     u"added",     u"explained",
    u"described",  u"admitted",    u"promised",   u"raised",     u"spent",      u"saved",     u"lost",
    u"won",        u"paid",        u"built",      u"moved",      u"rose",       u"fell",      u"grew",
    u"left",       u"long",        u"short",      u"small",      u"large",      u"old",       u"young",
    u"early",      u"late",        u"full",       u"empty",      u"open",       u"quiet",     u"busy",
    u"cold",       u"warm",        u"wet",        u"dry",        u"higher",     u"lower",     u"better",
    u"worse",      u"safe",        u"difficult",  u"simple",     u"clear",      u"final",     u"former",
    u"national",   u"regional",    u"annual",     u"weekly",     u"daily",      u"nearby",    u"together",
    u"again",      u"already",     u"instead",    u"almost",     u"perhaps",    u"never",     u"often",
    u"later",      u"soon",        u"yesterday",  u"tuesday",    u"wednesday",  u"thursday",  u"friday",
    u"saturday",   u"sunday",      u"monday",     u"promenade",  u"slipway",    u"seawall",   u"floodgate",
    u"boathouse",  u"allotment",   u"orchard",    u"reservoir",  u"aqueduct",   u"tramline",  u"viaduct",
    u"causeway",   u"granary",     u"tannery",    u"ropewalk",   u"chandlery",  u"almshouse", u"bandstand",
    u"lido",       u"observatory", u"apiary",
};

constexpr const char16_t *firstNames[] = {
    u"Maren", u"Tobias", u"Sol",  u"Aud",   u"Hana",  u"Olwen", u"Cal",   u"Pip",   u"Bea",  u"Ines",
    u"Jory",  u"Ada",    u"Nell", u"Ravi",  u"Tomas", u"Ilse",  u"Kofi",  u"Mina",  u"Euan", u"Lena",
    u"Oren",  u"Priya",  u"Wyn",  u"Zofia", u"Dara",  u"Femi",  u"Greer", u"Idris", u"Kit",  u"Lorna",
};

constexpr const char16_t *namePrefixes[] = {
    u"Ash", u"Brack", u"Cal", u"Dun",  u"El",  u"Fen", u"Gar", u"Hal", u"Ing", u"Kel",  u"Lor", u"Mor",
    u"Nor", u"Ost",   u"Pen", u"Quil", u"Rad", u"Sel", u"Tor", u"Ul",  u"Ven", u"Wick", u"Yar", u"Zel",
};
constexpr const char16_t *nameMiddles[] = {u"", u"a", u"e", u"i", u"o"};
constexpr const char16_t *surnameEnds[] = {
    u"by",    u"croft",  u"dale", u"ford", u"hame", u"lett", u"mere",  u"ney",
    u"ridge", u"sworth", u"ton",  u"vale", u"wood", u"well", u"stead", u"more",
};
constexpr const char16_t *placeEnds[] = {
    u"bridge", u"haven", u"minster", u"port", u"field", u"holm", u"cove", u"bury", u"wick",
};

// Syllables of the invented words that make the vocabulary as large as real copy's: without them
// every news word would be in nearly every story, and search would be tested on the wrong shape.
constexpr const char16_t *onsets[] = {u"b",  u"br", u"c",  u"cl", u"d", u"dr", u"f", u"fl", u"g",
                                      u"gr", u"h",  u"j",  u"k",  u"l", u"m",  u"n", u"p",  u"pl",
                                      u"r",  u"s",  u"sh", u"st", u"t", u"tr", u"v", u"w"};
constexpr const char16_t *vowels[] = {u"a", u"e", u"i", u"o", u"u", u"ai", u"ea", u"oo"};
constexpr const char16_t *codas[] = {u"n", u"nd", u"rt", u"ll", u"ck", u"st", u"m", u"sh", u"ve", u"le"};
constexpr const char16_t *endings[] = {u"er",   u"ing", u"ed",  u"ly", u"ment",
                                       u"ness", u"ish", u"ive", u"",   u"al"};

// Content vocabulary: news words from this rank on, one in every NewsWordSpacing places, invented
// words between them. Rank r is drawn with weight 1/(r+1), so the first news word is in about half
// of the stories and the last in about one in a hundred.
constexpr int FirstNewsRank = 40;
constexpr int NewsWordSpacing = 12;
constexpr int ContentWords = 6000;

template <typename T, std::size_t N> constexpr int count(const T (&)[N]) {
    return int(N);
}

QString inventedWord(int index) {
    // Endings and onsets vary fastest, so neighbouring ranks do not all rhyme.
    const QString ending = QString::fromUtf16(endings[index % count(endings)]);
    index /= count(endings);
    const QString onset = QString::fromUtf16(onsets[index % count(onsets)]);
    index /= count(onsets);
    const QString vowel = QString::fromUtf16(vowels[index % count(vowels)]);
    index /= count(vowels);
    return onset % vowel % QString::fromUtf16(codas[index % count(codas)]) % ending;
}

QString syllableName(int index, const char16_t *const *ends, int endCount) {
    const int prefixes = count(namePrefixes);
    const int middles = count(nameMiddles);
    const QString end = QString::fromUtf16(ends[index % endCount]);
    index /= endCount;
    const QString middle = QString::fromUtf16(nameMiddles[index % middles]);
    index /= middles;
    return QString::fromUtf16(namePrefixes[index % prefixes]) % middle % end;
}

} // namespace

const QStringList &StoryGenerator::functionWords() {
    static const QStringList list = [] {
        QStringList out;
        for (const char16_t *word : functionWordTable)
            out.append(QString::fromUtf16(word));
        return out;
    }();
    return list;
}

const QStringList &StoryGenerator::newsWords() {
    static const QStringList list = [] {
        QStringList out;
        for (const char16_t *word : newsWordTable)
            if (!out.contains(QString::fromUtf16(word)))
                out.append(QString::fromUtf16(word));
        return out;
    }();
    return list;
}

const QStringList &StoryGenerator::contentWords() {
    static const QStringList list = [] {
        QStringList out;
        QSet<QString> used(newsWords().cbegin(), newsWords().cend());
        qsizetype news = 0;
        int invented = 0;
        while (out.size() < ContentWords) {
            const qsizetype rank = out.size();
            if (rank >= FirstNewsRank && (rank - FirstNewsRank) % NewsWordSpacing == 0 &&
                news < newsWords().size()) {
                out.append(newsWords().at(news++));
                continue;
            }
            QString word = inventedWord(invented++);
            if (!used.contains(word)) { // an invented word may happen to be a real one
                used.insert(word);
                out.append(word);
            }
        }
        return out;
    }();
    return list;
}

int StoryGenerator::surnameCount() {
    return count(namePrefixes) * count(nameMiddles) * count(surnameEnds);
}

QString StoryGenerator::surname(int index) {
    return syllableName(index, surnameEnds, count(surnameEnds));
}

int StoryGenerator::placeCount() {
    return count(namePrefixes) * count(nameMiddles) * count(placeEnds);
}

QString StoryGenerator::place(int index) {
    return syllableName(index, placeEnds, count(placeEnds));
}

QString StoryGenerator::firstName(int index) {
    return QString::fromUtf16(firstNames[index % count(firstNames)]);
}

int StoryGenerator::firstNameCount() {
    return count(firstNames);
}

} // namespace galley::bench
