// Galley's live preview. The editor renders the article (all user text escaped there) and calls
// galleyPreview.update(html); only the article is replaced, so the reader's scroll position stays.
"use strict";
window.galleyPreview = {
    update: function (html) {
        var root = document.getElementById("galley-preview");
        var x = window.scrollX, y = window.scrollY;
        root.innerHTML = html;
        window.scrollTo(x, y);
        return true;
    }
};
