#pragma once

#include "model/story.h"

#include <QByteArray>
#include <QHash>
#include <QJsonArray>
#include <QList>
#include <QSet>

#include <functional>
#include <optional>

namespace galley {

/// A story cut into content-addressed pieces for the revision store, so revisions share what they
/// have in common: each body block, each picture's bytes and the imported original are pieces of
/// their own, and the root piece is the rest of the story (storyToJson() with every block, picture
/// and original replaced by its piece's key). Two revisions that differ in one paragraph share
/// every other block, the pictures and the original, and store only that paragraph and a new root.
///
/// A key is the first 16 bytes of the SHA-256 of the piece's uncompressed bytes. Text pieces (the
/// root, blocks, the original) are stored qCompress()ed (zlib); picture bytes as they are (JPEG,
/// PNG and WebP do not compress further).
struct RevisionSnapshot {
    struct Piece {
        QByteArray key;        ///< 16 bytes
        QByteArray bytes;      ///< uncompressed
        bool compress = false; ///< stored qCompress()ed
        /// The bytes as the library stores them. Compressing is left until a piece is known to be
        /// new, because most pieces of a save are already stored.
        QByteArray stored() const { return compress ? qCompress(bytes) : bytes; }
    };
    QByteArray rootKey;
    /// Every piece the snapshot needs, the root included, each once.
    QList<Piece> pieces;
};

/// Cuts @p story into pieces. The updated time is kept in the root, so two saves of the same text
/// have different roots but share every block.
/// @p bodyJson, when not empty, is bodyToJson(story.body) already made (the save writes it too).
RevisionSnapshot makeSnapshot(const Story &story, const QJsonArray &bodyJson = {});

/// Fetches the stored bytes of the pieces with @p keys, in one go (a revision has hundreds of
/// pieces, and one query per piece would cost more than the rest of the read). Missing pieces are
/// left out of the answer.
using PieceReader = std::function<QHash<QByteArray, QByteArray>(const QList<QByteArray> &keys)>;

/// How much of a snapshot readSnapshot() puts back.
enum class SnapshotDepth {
    /// The root piece only: every field but the body, whose blocks have their kind, no lines, and
    /// their piece's key as id (so two outlines share a block id exactly when the blocks are
    /// equal, id included); pictures with their piece key as data, the original's key as the
    /// original. Cheap: what the history summary compares.
    Outline,
    /// The whole text; pictures without their bytes and no original (what a diff needs).
    Text,
    /// Everything, as saved.
    Whole,
};

/// Puts the story of the snapshot with root @p rootKey back together to @p depth. Returns nullopt
/// with @p error set to a plain sentence when a piece is missing or damaged. @p keys (if given)
/// receives the key of every piece the snapshot is made of, the root included, whatever the depth.
std::optional<Story> readSnapshot(const QByteArray &rootKey, const PieceReader &read, SnapshotDepth depth,
                                  QString *error, QSet<QByteArray> *keys = nullptr);

/// A PieceReader over the pieces of @p snapshot (to read one not stored yet).
PieceReader snapshotReader(const RevisionSnapshot &snapshot);

} // namespace galley
