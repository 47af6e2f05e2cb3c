#pragma once

#include "wordsplitter.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace galley {

/// One paragraph of a story as the joined-words step sees it.
struct JoinedWordsParagraph {
    QString text;
    int line = 0;
    /// Looked into: a kept body line (never the headline, deck or section).
    bool eligible = false;
    /// Counts as the story's own words (names, words it has apart): everything but markup chrome.
    bool storyText = false;
};

/// The words run together in a story, and the notes that say why none were looked for (only when
/// the text shows it lost line breaks, "møtet.Flere": a clean text in another language needs none).
struct JoinedWords {
    QList<QList<WordSplit>> splits; ///< per paragraph, in input order; empty when none
    QStringList notes;              ///< plain sentences for the import report
};

/// Decides for a whole story where words run together are split (WordSplitter finds them):
/// - only with the English dictionary loaded, only when @p language (BCP 47 from the file, may be
///   empty) is English or unknown, and only when the text reads as English: of its lowercase
///   words of four letters or more, at least 60% are in the dictionary (Norwegian, German or
///   French copy scores far lower). A paragraph that does not read as English on its own (a quote
///   in another language) is left whole;
/// - only when the text shows it lost line breaks: at least three candidate joins of which one is
///   a run-on no clean copy has ("vote.Several", "ofNorthgate"), or a joined word that the same
///   text also has apart ("livestream" beside "live stream"). A clean text keeps its compounds.
/// Time and memory are linear in the text: the dictionary look-up budget is
/// SplitLookupBase plus one per SplitCharsPerLookup characters; when it
/// is spent, the rest is left as written and a note says from which line.
JoinedWords findJoinedWords(const QList<JoinedWordsParagraph> &paragraphs, const QString &language);

} // namespace galley
