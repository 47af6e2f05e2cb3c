// Galley's live preview. The editor renders the article (all user text is escaped there) and
// calls galleyPreview.update(html). Only elements that changed are replaced, so pictures do not
// reload and the reader's scroll position stays where it was while the reporter types.
"use strict";
(function () {
    // True when the element has element children and no text of its own between them.
    function onlyElements(node) {
        if (node.children.length === 0)
            return false;
        for (var i = 0; i < node.childNodes.length; i++) {
            var child = node.childNodes[i];
            if (child.nodeType === Node.TEXT_NODE && child.textContent.trim() !== "")
                return false;
            if (child.nodeType !== Node.TEXT_NODE && child.nodeType !== Node.ELEMENT_NODE)
                return false;
        }
        return true;
    }

    function sameShell(a, b) {
        return a.cloneNode(false).isEqualNode(b.cloneNode(false));
    }

    function patch(oldParent, newParent) {
        var wanted = Array.prototype.slice.call(newParent.children);
        for (var i = 0; i < wanted.length; i++) {
            var current = oldParent.children[i];
            var next = wanted[i];
            if (!current)
                oldParent.appendChild(next);
            else if (current.isEqualNode(next))
                continue;
            else if (sameShell(current, next) && onlyElements(current) && onlyElements(next))
                patch(current, next);
            else
                oldParent.replaceChild(next, current);
        }
        while (oldParent.children.length > wanted.length)
            oldParent.removeChild(oldParent.lastElementChild);
    }

    window.galleyPreview = {
        update: function (html) {
            var root = document.getElementById("galley-preview");
            var incoming = document.createElement("div");
            incoming.innerHTML = html;
            var x = window.scrollX, y = window.scrollY;
            if (root.firstElementChild && incoming.firstElementChild
                && sameShell(root.firstElementChild, incoming.firstElementChild)) {
                patch(root, incoming);
            } else {
                root.replaceChildren.apply(root, Array.prototype.slice.call(incoming.childNodes));
            }
            window.scrollTo(x, y);
            return true;
        }
    };
})();
