#pragma once

// Invented news stories for the benchmarks: deterministic for a seed, so every run and every
// machine measures the same text. Words follow a Zipf distribution over a hand-written news
// vocabulary (a few words are everywhere, most are rare, as in real copy), and each story has its
// own cast of invented people and places, so a name is a rare search term and a common word a
// frequent one. No real article, person or place is used.

#include "model/story.h"

#include <QByteArray>
#include <QRandomGenerator>
#include <QSize>
#include <QStringList>

namespace galley::bench {

class StoryGenerator final {
public:
    /// A generator whose output depends only on @p seed and the calls made so far.
    explicit StoryGenerator(quint32 seed);
    Q_DISABLE_COPY_MOVE(StoryGenerator)

    /// A long feature of at least @p words body words (Story::wordCount() may exceed it by one
    /// paragraph): paragraphs of 1–3 sentences (about 25–70 words), a subhead every 6–10
    /// paragraphs, now and then a list, quotes with attribution, bold/italic runs and https links;
    /// @p pictures generated pictures (the first is the lead, JPEG and PNG alternating, 640×400)
    /// and @p pullQuotes pull quotes spread evenly through the body. Status Ready, fixed times.
    Story longStory(int words, int pictures = 10, int pullQuotes = 6);

    /// A story as a library holds thousands of: 120–1,500 words (most 300–800), a section, one or
    /// two bylines, no slug (StoryLibrary::save() makes one from the headline), and a small lead
    /// picture on about one story in four.
    Story libraryStory();

    /// An encoded picture @p size big of abstract shapes in the colours of @p index, as
    /// @p format ("JPEG" or "PNG"); empty if Qt lacks the image format plugin.
    static QByteArray picture(int index, QSize size, const char *format);

    /// Function words ("the", "of"...), most frequent first; they make half of every sentence.
    static const QStringList &functionWords();
    /// The real news words ("council", "harbour", "levy"...) in frequency order.
    static const QStringList &newsWords();
    /// The content vocabulary, most frequent first (rank r drawn with weight 1/(r+1)): the news
    /// words spread from rank 40 on among invented words, so "council" is in about half of the
    /// stories, "tannery" in a few in a hundred, as in real archives.
    static const QStringList &contentWords();
    /// The @p index-th first name (0 <= index < firstNameCount()); first names are few, so a search
    /// for one finds many stories, while surnames are many and each is rare.
    static QString firstName(int index);
    static int firstNameCount();
    /// The @p index-th invented surname (0 <= index < surnameCount()); a story's cast draws from them.
    static QString surname(int index);
    static int surnameCount();
    /// The @p index-th invented place name (0 <= index < placeCount()).
    static QString place(int index);
    static int placeCount();

private:
    QString nextId();
    QString word();
    QString personName();
    QList<InlineRun> sentenceRuns(int words, bool allowStyle);
    QString sentenceText(int words);
    Block paragraph();
    Block subhead();
    Block list();
    void castStory();

    QRandomGenerator m_random;
    QString drawn(const QStringList &words, const QList<double> &cumulative);

    QList<double> m_functionWeights; ///< cumulative Zipf weights of functionWords()
    QList<double> m_contentWeights;  ///< cumulative Zipf weights of contentWords()
    QStringList m_keywords;          ///< this story's topic: news words it keeps coming back to
    QStringList m_cast;              ///< full names of this story's people
    QString m_place;                 ///< this story's place
    QList<QByteArray> m_thumbnails;
    int m_storyNumber = 0;
};

} // namespace galley::bench
