#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QString>
#include <QStringList>

#include <optional>

namespace galley::wire {

/// The control characters that frame agency wire copy (IPTC 7901 and ANPA-1312 alike): start of
/// header, start and end of text, end of transmission, and the sync idles ANPA sends first.
inline constexpr char16_t Soh = 0x01;
inline constexpr char16_t Stx = 0x02;
inline constexpr char16_t Etx = 0x03;
inline constexpr char16_t Eot = 0x04;
inline constexpr char16_t Syn = 0x16;
/// ANPA's unit separator between the story number and the selector code.
inline constexpr char16_t Us = 0x1f;

/// Most wire messages one file may hold: a day's feed saved whole is split before it is imported.
inline constexpr int MaxWireMessages = 1000;

enum class Standard { Iptc7901, Anpa1312 };

/// What a wire message's header says. IPTC 7901 (1995) has one header line after SOH:
/// "<service><number> <priority> <category> <word count> [optional information]"
/// ("ewn0412 3 pl 386  EXW 1130"). ANPA-1312 has two: the service line
/// "<service level><4-digit story number>[UPI]<US><selector>" ("a0412<US>-----") and the story
/// line "<priority> <category><format> <keyword> [version] [reference] <MM-DD> <word count>"
/// ("u a<DC3><DC1> BC-Harbour-Ferry-Strike 1stLd-Writethru 12-02 0398").
struct Header {
    Standard standard = Standard::Iptc7901;
    QString service;   ///< 7901 source/service identifier ("ewn"); ANPA service level designator ("a")
    int sequence = -1; ///< message (7901) or story (ANPA) number; -1 when not given
    QString priority;  ///< as sent: "3" (7901), "u" (ANPA)
    int urgency = 0;   ///< the priority as IPTC urgency, 1 (flash) to 9; 0 when unknown
    QString category;  ///< "pl" (7901), "a" (ANPA)
    int wordCount = -1;
    QString agency;   ///< 7901: the agency named in the optional information ("EXW", "dpa"), if any
    QString extra;    ///< 7901: the optional information as sent ("EXW 1130")
    QString time;     ///< 7901: a time in the optional information ("1130"), as sent
    QString upi;      ///< ANPA: the optional string between story number and selector
    QString selector; ///< ANPA: selector code ("-----", "asian")
    QString keyword;  ///< ANPA story line: keyword (slug) as sent, at most 24 characters
    QString version;  ///< ANPA story line: version or take ("1stLd-Writethru"); empty when none
    QString reference;
    QString filingDate;   ///< ANPA story line: "MM-DD"
    bool tabular = false; ///< ANPA format identifier: agate or tabular copy (DC4, or DC2 after DC3)

    friend bool operator==(const Header &, const Header &) = default;
};

/// The IPTC 7901 header line (the text after SOH; SOH, CR and trailing spaces are ignored).
/// nullopt when @p line has not that shape.
std::optional<Header> parseIptc7901Header(const QString &line);
/// The ANPA-1312 service line ("a0412<US>-----", or "a0412-----" when the US was lost). Fills
/// standard, service, sequence, upi and selector. SYN and SOH before it are ignored.
std::optional<Header> parseAnpaServiceLine(const QString &line);
/// The ANPA-1312 story line ("u a<DC3><DC1> BC-Harbour-Ferry-Strike 1stLd-Writethru 12-02 0398";
/// the DC characters may be missing). Fills standard, priority, urgency, category, tabular,
/// keyword, version, reference, filingDate and wordCount.
std::optional<Header> parseAnpaStoryLine(const QString &line);

/// IPTC urgency (1-9) of an IPTC 7901 priority digit: 1 (flash) to 6 are urgencies already.
/// 0 for anything else.
int iptc7901Urgency(QChar priority);
/// IPTC urgency of an ANPA-1312 priority letter: f(lash) 1, b(ulletin) 2, u(rgent) 3, r(outine) 5,
/// d(eferred) 7, a (weekday advance) 8; 0 for anything else. Case does not matter.
int anpaUrgency(QChar priority);
/// IPTC urgency a take key implies when the header gives none: FLASH 1, BULLETIN 2, URGENT 3;
/// else 0.
int takeUrgency(const QString &take);
/// A take key that makes the item a later version of a story already sent: a write-thru, a new
/// lead, a correction, a substitute, a refile ("1st Ld-Writethru", "2ndLd", "Correction",
/// "REFILE", "1ST LEAD"). EXTRA, URGENT and BULLETIN are not.
bool isUpdateTake(const QString &take);
/// A line that is only a take key or handling word (7901 keyword area): "1ST LEAD", "REFILE",
/// "EXTRA", "URGENT", "BULLETIN", "Correction", "(Achtung)", "1stLd-Writethru".
bool isTakeLine(const QString &line);

/// ANPA keyword line, caret and end marks taken off: "BC-Harbour-Ferry-Strike, 1st Ld-Writethru,0398".
struct KeywordLine {
    QString slug;       ///< "BC-Harbour-Ferry-Strike"
    QString take;       ///< "1st Ld-Writethru"; empty when none
    int wordCount = -1; ///< 398; -1 when not given

    friend bool operator==(const KeywordLine &, const KeywordLine &) = default;
};
/// nullopt when @p line is not a keyword line: the slug must be one word of letters, digits and
/// hyphens with a hyphen in it ("BC-US--Giant Lobster Death" may have spaces after its "--").
std::optional<KeywordLine> parseAnpaKeywordLine(const QString &line);
/// The words a slug names, for StoryMetadata::keywords: the cycle prefix (AM-, PM-, BC-) and the
/// desk code before "--" dropped, then split at "/" and "-" ("BC-Harbour-Ferry-Strike" ->
/// Harbour, Ferry, Strike; "Switzerland/migration/UN/" -> Switzerland, migration, UN).
QStringList slugKeywords(const QString &slug);

/// A transmission time line at the end of a message.
struct TrailerTime {
    QDateTime time; ///< UTC
    QString agency; ///< the agency prefix of an ANPA time line ("AP"), else empty
};
/// "AP-NY-12-02-26 1432EST<" (ANPA: MM-DD-YY HHMM and zone), "16:35ET 31-10-14<" (DD-MM-YY),
/// "151130 Mar 26" or "212322 GMT Nov 18" (IPTC 7901: DDHHMM [zone] Mon YY; UTC when no zone is
/// given). US zones (EST, EDT, ET, CST, ...) and GMT/UTC/CET/CEST are known. nullopt for anything
/// else or an impossible date.
std::optional<TrailerTime> parseTrailerTime(const QString &line);

/// The raw bytes carry wire framing: after padding (NUL, DEL, SYN, white space) they start with
/// SOH or STX, a later STX, ETX or EOT follows, and no other control characters occur than the
/// formats use (tab, CR, LF, FF, US, DC1-DC4, BS, DLE). A picture or archive never passes.
bool hasWireFraming(const QByteArray &bytes);
/// @p bytes without NUL and DEL: the padding teleprinter links fill idle time with.
QByteArray withoutWirePadding(const QByteArray &bytes);
/// The decoded text is wire copy: it has its framing (SOH before STX near the start), or lost its
/// control characters but keeps the header lines (a 7901 header line followed by a headline
/// ending in "=", an ANPA service and story line, or ANPA "^...<" header lines at the top).
bool looksLikeWireText(const QString &text);

} // namespace galley::wire
