#include "revisionsnapshot.h"

#include "model/storyjson.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

namespace galley {

namespace {

constexpr qsizetype KeyBytes = 16;

QByteArray keyOf(const QByteArray &bytes) {
    return QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).left(KeyBytes);
}

QString keyText(const QByteArray &key) {
    return QString::fromLatin1(key.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

QByteArray keyFromText(const QString &text) {
    return QByteArray::fromBase64(text.toLatin1(),
                                  QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

class Builder {
public:
    RevisionSnapshot snapshot;

    /// Adds @p bytes as a piece (compressed when @p compress) and returns its key.
    QByteArray add(const QByteArray &bytes, bool compress) {
        QByteArray key = keyOf(bytes);
        if (!m_seen.contains(key)) {
            m_seen.insert(key);
            snapshot.pieces.append({key, bytes, compress});
        }
        return key;
    }

private:
    QSet<QByteArray> m_seen;
};

QString missingPiece() {
    return u"Part of this revision is missing from the library, so it cannot be shown."_qs;
}

} // namespace

RevisionSnapshot makeSnapshot(const Story &story, const QJsonArray &bodyJson) {
    Builder builder;
    // The body is turned into JSON once, block by block, not again inside the root.
    Story rest = story;
    rest.body.clear();
    QJsonObject root = storyToJson(rest);
    QJsonArray blockKeys;
    const QJsonArray body = bodyJson.size() == story.body.size() ? bodyJson : bodyToJson(story.body);
    for (const auto &block : body) {
        const QJsonObject object = block.toObject();
        const QByteArray key = builder.add(QJsonDocument(object).toJson(QJsonDocument::Compact), true);
        // "kind:key": the kind in the root too, so an outline counts blocks without reading them.
        // Not the block's id: 36 characters a block in every revision would be most of the root.
        blockKeys.append(QString(object.value(u"kind"_qs).toString() + u':' + keyText(key)));
    }
    root.insert(u"body"_qs, blockKeys);
    QJsonArray images = root.value(u"images"_qs).toArray();
    for (qsizetype i = 0; i < images.size() && i < story.images.size(); ++i) {
        QJsonObject image = images.at(i).toObject();
        const QByteArray &data = story.images.at(i).data;
        image.insert(u"data"_qs, data.isEmpty() ? QString() : keyText(builder.add(data, false)));
        images.replace(i, image);
    }
    root.insert(u"images"_qs, images);
    if (!story.originalSource.isEmpty())
        root.insert(u"source"_qs, keyText(builder.add(story.originalSource, true)));
    root.insert(u"sourceFormat"_qs, story.originalFormat);
    builder.snapshot.rootKey = builder.add(QJsonDocument(root).toJson(QJsonDocument::Compact), true);
    return builder.snapshot;
}

std::optional<Story> readSnapshot(const QByteArray &rootKey, const PieceReader &read, SnapshotDepth depth,
                                  QString *error, QSet<QByteArray> *keys) {
    const auto fail = [&] {
        if (error)
            *error = missingPiece();
        return std::nullopt;
    };
    const auto uncompressed = [](const QByteArray &stored) -> std::optional<QByteArray> {
        QByteArray bytes = qUncompress(stored);
        if (bytes.isEmpty())
            return std::nullopt; // no piece is empty: a damaged one
        return bytes;
    };
    const QHash<QByteArray, QByteArray> rootPiece = read({rootKey});
    if (!rootPiece.contains(rootKey))
        return fail();
    const std::optional<QByteArray> rootBytes = uncompressed(rootPiece.value(rootKey));
    if (!rootBytes)
        return fail();
    const QJsonObject root = QJsonDocument::fromJson(*rootBytes).object();
    if (root.isEmpty())
        return fail();

    const QJsonArray body = root.value(u"body"_qs).toArray();
    const QJsonArray images = root.value(u"images"_qs).toArray();
    const QString source = root.value(u"source"_qs).toString();
    QList<QByteArray> wanted;
    const auto pieceOf = [](const QJsonValue &entry) { return entry.toString().section(u':', 1); };
    if (keys) {
        keys->insert(rootKey);
        for (const auto &entry : body)
            keys->insert(keyFromText(pieceOf(entry)));
        for (const auto &image : images)
            if (const QString key = image.toObject().value(u"data"_qs).toString(); !key.isEmpty())
                keys->insert(keyFromText(key));
        if (!source.isEmpty())
            keys->insert(keyFromText(source));
    }
    if (depth != SnapshotDepth::Outline) {
        for (const auto &entry : body)
            wanted.append(keyFromText(pieceOf(entry)));
    }
    if (depth == SnapshotDepth::Whole) {
        for (const auto &image : images)
            if (const QString key = image.toObject().value(u"data"_qs).toString(); !key.isEmpty())
                wanted.append(keyFromText(key));
        if (!source.isEmpty())
            wanted.append(keyFromText(source));
    }
    const QHash<QByteArray, QByteArray> pieces =
        wanted.isEmpty() ? QHash<QByteArray, QByteArray>() : read(wanted);

    QJsonObject whole = root;
    QJsonArray blocks;
    for (const auto &entry : body) {
        const QString piece = pieceOf(entry);
        if (depth == SnapshotDepth::Outline) {
            blocks.append(QJsonObject{{u"id"_qs, piece}, {u"kind"_qs, entry.toString().section(u':', 0, 0)}});
            continue;
        }
        const QByteArray key = keyFromText(piece);
        if (!pieces.contains(key))
            return fail();
        const std::optional<QByteArray> block = uncompressed(pieces.value(key));
        if (!block)
            return fail();
        blocks.append(QJsonDocument::fromJson(*block).object());
    }
    whole.insert(u"body"_qs, blocks);
    Story story = storyFromJson(whole);
    for (qsizetype i = 0; depth != SnapshotDepth::Text && i < images.size() && i < story.images.size(); ++i) {
        const QString key = images.at(i).toObject().value(u"data"_qs).toString();
        if (key.isEmpty())
            continue;
        if (depth == SnapshotDepth::Outline) {
            story.images[i].data = key.toLatin1();
            continue;
        }
        if (!pieces.contains(keyFromText(key)))
            return fail();
        story.images[i].data = pieces.value(keyFromText(key));
    }
    if (depth == SnapshotDepth::Outline) {
        story.originalSource = source.toLatin1();
    } else if (depth == SnapshotDepth::Whole && !source.isEmpty()) {
        const std::optional<QByteArray> original = pieces.contains(keyFromText(source))
                                                       ? uncompressed(pieces.value(keyFromText(source)))
                                                       : std::nullopt;
        if (!original)
            return fail();
        story.originalSource = *original;
    }
    story.originalFormat = root.value(u"sourceFormat"_qs).toString();
    return story;
}

PieceReader snapshotReader(const RevisionSnapshot &snapshot) {
    return [&snapshot](const QList<QByteArray> &keys) {
        QHash<QByteArray, QByteArray> found;
        for (const auto &piece : snapshot.pieces)
            if (keys.contains(piece.key))
                found.insert(piece.key, piece.stored());
        return found;
    };
}

} // namespace galley
