#include "storyversion.h"

namespace galley {

Story laterVersion(const Story &existing, const Story &incoming) {
    Story story = incoming;
    story.id = existing.id;
    story.slug = existing.slug;
    story.status = existing.status;
    story.created = existing.created;
    story.updated = existing.updated;
    if (story.section.isEmpty())
        story.section = existing.section;
    story.notes = existing.notes;
    for (const EditorNote &note : incoming.notes) {
        bool known = false;
        for (const EditorNote &old : existing.notes)
            known = known || (old.author == note.author && old.text == note.text);
        if (!known)
            story.notes.append(note);
    }
    for (StoryImage &image : story.images) {
        if (!image.isMissing() || image.sourceHref.isEmpty())
            continue;
        for (const StoryImage &old : existing.images) {
            if (old.sourceHref == image.sourceHref && !old.isMissing()) {
                image.data = old.data;
                image.mimeType = old.mimeType;
                image.fileName = old.fileName;
                break;
            }
        }
    }
    return story;
}

} // namespace galley
