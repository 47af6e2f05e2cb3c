#include "worddiff.h"

#include <dtl/dtl.hpp>

#include <vector>

namespace galley {

namespace {

struct Piece {
    QString text;
    bool spaceBefore = false;

    // The same word whatever spacing came before it.
    friend bool operator==(const Piece &a, const Piece &b) { return a.text == b.text; }
};

bool joinsWord(QChar c) {
    return c == u'\'' || c == u'\u2019' || c == u'-';
}

std::vector<Piece> tokenize(const QString &text) {
    std::vector<Piece> pieces;
    bool space = false;
    qsizetype i = 0;
    while (i < text.size()) {
        const QChar c = text.at(i);
        if (c == u'\n') {
            pieces.push_back({u"\n"_qs, space});
            space = false;
            ++i;
        } else if (c.isSpace()) {
            space = true;
            ++i;
        } else if (c.isLetterOrNumber()) {
            qsizetype end = i + 1;
            while (end < text.size() &&
                   (text.at(end).isLetterOrNumber() || (joinsWord(text.at(end)) && end + 1 < text.size() &&
                                                        text.at(end + 1).isLetterOrNumber())))
                ++end;
            pieces.push_back({text.mid(i, end - i), space});
            space = false;
            i = end;
        } else {
            pieces.push_back({QString(c), space});
            space = false;
            ++i;
        }
    }
    return pieces;
}

bool isWord(const QString &token) {
    return !token.isEmpty() && token.front().isLetterOrNumber();
}

void append(WordDiff &diff, DiffToken::Kind kind, const Piece &piece) {
    diff.tokens.append({kind, piece.text, piece.spaceBefore});
    if (kind == DiffToken::Kind::Added && isWord(piece.text))
        ++diff.wordsAdded;
    else if (kind == DiffToken::Kind::Removed && isWord(piece.text))
        ++diff.wordsRemoved;
}

} // namespace

bool WordDiff::hasChanges() const {
    for (const auto &token : tokens)
        if (token.kind != DiffToken::Kind::Same)
            return true;
    return false;
}

WordDiff diffWords(const QString &before, const QString &after) {
    const std::vector<Piece> a = tokenize(before);
    const std::vector<Piece> b = tokenize(after);
    // The usual case is text added at one place in a long story: match the common start and end
    // first, so the edit script only has to look at the middle.
    std::size_t head = 0;
    while (head < a.size() && head < b.size() && a[head] == b[head])
        ++head;
    std::size_t tail = 0;
    while (tail < a.size() - head && tail < b.size() - head &&
           a[a.size() - 1 - tail] == b[b.size() - 1 - tail])
        ++tail;

    WordDiff diff;
    diff.tokens.reserve(qsizetype(std::max(a.size(), b.size())));
    for (std::size_t i = 0; i < head; ++i)
        append(diff, DiffToken::Kind::Same, b[i]);
    const std::vector<Piece> middleA(a.begin() + qptrdiff(head), a.end() - qptrdiff(tail));
    const std::vector<Piece> middleB(b.begin() + qptrdiff(head), b.end() - qptrdiff(tail));
    if (middleA.empty() || middleB.empty()) {
        for (const auto &token : middleA)
            append(diff, DiffToken::Kind::Removed, token);
        for (const auto &token : middleB)
            append(diff, DiffToken::Kind::Added, token);
    } else {
        // Deletions first: the struck-out words read before the words that replace them.
        dtl::Diff<Piece, std::vector<Piece>> script(middleA, middleB, true);
        // Long texts: dtl's memory-saving mode, same result.
        if (middleA.size() + middleB.size() > 20000)
            script.onHuge();
        script.compose();
        for (const auto &[token, info] : script.getSes().getSequence()) {
            const auto kind = info.type == dtl::SES_ADD      ? DiffToken::Kind::Added
                              : info.type == dtl::SES_DELETE ? DiffToken::Kind::Removed
                                                             : DiffToken::Kind::Same;
            append(diff, kind, token);
        }
    }
    // The common end as the newer text spaces it.
    for (std::size_t i = b.size() - tail; i < b.size(); ++i)
        append(diff, DiffToken::Kind::Same, b[i]);
    return diff;
}

int countWords(const QString &text) {
    int words = 0;
    for (const Piece &piece : tokenize(text))
        words += isWord(piece.text) ? 1 : 0;
    return words;
}

QString diffTokenHtml(DiffToken::Kind kind, const QString &text) {
    switch (kind) {
    case DiffToken::Kind::Added:
        return u"<span style=\"background:#c8f0c8;color:#0b3d0b;\">"_qs + text.toHtmlEscaped() +
               u"</span>"_qs;
    case DiffToken::Kind::Removed:
        return u"<span style=\"background:#f8d0d0;color:#6b0f0f;text-decoration:line-through;\">"_qs +
               text.toHtmlEscaped() + u"</span>"_qs;
    case DiffToken::Kind::Same:
        break;
    }
    return text.toHtmlEscaped();
}

} // namespace galley
