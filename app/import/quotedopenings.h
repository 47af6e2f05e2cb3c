#pragma once

#include <QHash>
#include <QString>

namespace galley {

/// The openings of the quoted sentences in a story's body, to tell a web page's pull quote ("We
/// will not close the pier. Harbourmaster Ines Varga") from a line of the story: a pull quote
/// repeats the opening of a sentence someone is quoted saying in the body. Quotations are in
/// double quotes (straight or curly), guillemets or single curly quotes; each sentence that starts
/// inside one counts. Words are compared by their letters and digits, case aside. Linear in the
/// text.
class QuotedOpenings final {
public:
    /// Adds the quoted sentence openings of @p paragraph, the paragraph numbered @p index.
    void add(const QString &paragraph, int index);

    /// True when the first words of @p quote (at least three) open a quoted sentence in a paragraph
    /// other than @p index.
    bool repeats(const QString &quote, int index) const;

private:
    /// Key of the first n words -> paragraph index, or -2 when several paragraphs have it.
    QHash<QString, int> m_keys;
};

} // namespace galley
