// Galley's live preview. The page is loaded once; the editor renders the article (all user text is
// escaped there) and calls galleyPreview.apply(patch) with only the elements that changed, so
// pictures do not reload and the reader's scroll position stays where it was while the reporter
// types. Elements are named by key: "header", "body", "b:<block>", "i:<image>", "q:<pull quote>".
"use strict";
(function () {
    var bridge = null;
    var fullUpdates = 0; // whole-article replacements, for tests: typing should never need one

    function keyOf(element) {
        var data = element.dataset;
        if (data.block !== undefined)
            return "b:" + data.block;
        if (data.image !== undefined)
            return "i:" + data.image;
        if (data.pullQuote !== undefined)
            return "q:" + data.pullQuote;
        if (element.classList.contains("story-header"))
            return "header";
        if (element.classList.contains("story-body"))
            return "body";
        return "";
    }

    function parse(html) {
        var template = document.createElement("template");
        template.innerHTML = html;
        return template.content.firstElementChild;
    }

    function collect(parent, map) {
        for (var child = parent.firstElementChild; child; child = child.nextElementSibling)
            map.set(keyOf(child), child);
    }

    function isNewline(node) {
        return node && node.nodeType === Node.TEXT_NODE && node.data === "\n";
    }

    // Makes parent's children exactly "\n", elements[0], "\n", elements[1], "\n"... (the renderer
    // writes each element on its own line), moving rather than re-creating what is already there.
    function arrange(parent, elements) {
        if (!isNewline(parent.firstChild))
            parent.insertBefore(document.createTextNode("\n"), parent.firstChild);
        var previous = parent.firstChild;
        for (var i = 0; i < elements.length; i++) {
            var element = elements[i];
            if (previous.nextSibling !== element)
                parent.insertBefore(element, previous.nextSibling);
            if (!isNewline(element.nextSibling))
                parent.insertBefore(document.createTextNode("\n"), element.nextSibling);
            previous = element.nextSibling;
        }
        while (previous.nextSibling)
            parent.removeChild(previous.nextSibling);
    }

    function find(article, body, key) {
        var map = new Map();
        if (key === "header" || key.startsWith("i:"))
            collect(article, map);
        if (!map.has(key))
            collect(body, map);
        return map.get(key);
    }

    function blockElement(id) {
        return document.querySelector("[data-block=\"" + CSS.escape(id) + "\"]");
    }

    function reveal(id) {
        var element = blockElement(id);
        if (!element)
            return false;
        var box = element.getBoundingClientRect();
        if (box.top >= 0 && box.bottom <= window.innerHeight)
            return true;
        var outside = box.bottom < 0 || box.top > window.innerHeight;
        element.scrollIntoView({ block: outside ? "center" : "nearest" });
        return true;
    }

    function reportPaint(sequence) {
        requestAnimationFrame(function () {
            if (bridge)
                bridge.painted(sequence, performance.timeOrigin + performance.now());
        });
    }

    // Applies a patch; false when the page does not hold what the patch expects (the editor then
    // sends the whole article next time).
    function apply(patch) {
        var root = document.getElementById("galley-preview");
        var x = window.scrollX, y = window.scrollY;
        if (patch.full) {
            root.innerHTML = patch.article;
            fullUpdates++;
        } else {
            var article = root.querySelector("article.story");
            var body = article && article.querySelector(":scope > div.story-body");
            if (!body)
                return false;
            if (patch.articleOrder) {
                var existing = new Map();
                collect(article, existing);
                collect(body, existing);
                patch.elements.forEach(function (entry) { existing.set(entry[0], parse(entry[1])); });
                var pick = function (key) { return existing.get(key); };
                var top = patch.articleOrder.map(pick), inner = patch.bodyOrder.map(pick);
                if (top.indexOf(undefined) >= 0 || inner.indexOf(undefined) >= 0)
                    return false;
                arrange(article, top);
                arrange(body, inner);
            } else {
                for (var i = 0; i < patch.elements.length; i++) {
                    var old = find(article, body, patch.elements[i][0]);
                    if (!old)
                        return false;
                    old.replaceWith(parse(patch.elements[i][1]));
                }
            }
        }
        window.scrollTo(x, y);
        if (patch.reveal)
            reveal(patch.reveal);
        reportPaint(patch.seq);
        return true;
    }

    // The element a finding mark is searched in, and the parts of it to leave out (the dateline
    // before the lede, the credit inside a caption).
    function findingScope(mark) {
        var byData = function (name) {
            return document.querySelector("[" + name + "=\"" + CSS.escape(mark.id) + "\"]");
        };
        var quote, figure;
        switch (mark.target) {
        case "headline": return { element: document.querySelector(".story-header .headline") };
        case "deck": return { element: document.querySelector(".story-header .deck") };
        case "byline": return { element: document.querySelector(".story-header .byline") };
        case "dateline": return { element: document.querySelector(".story-body .dateline") };
        case "block": return { element: byData("data-block"), skip: ".dateline" };
        case "pull-quote":
            quote = byData("data-pull-quote");
            return { element: quote && quote.querySelector("blockquote") };
        case "attribution":
            quote = byData("data-pull-quote");
            return { element: quote && quote.querySelector("cite") };
        case "caption":
            figure = byData("data-image");
            return { element: figure && figure.querySelector("figcaption"), skip: ".credit" };
        case "credit":
            figure = byData("data-image");
            return { element: figure && figure.querySelector("figcaption .credit") };
        }
        return { element: null };
    }

    function removeFindingMarks() {
        document.querySelectorAll("mark.galley-finding").forEach(function (mark) {
            var parent = mark.parentNode;
            while (mark.firstChild)
                parent.insertBefore(mark.firstChild, mark);
            parent.removeChild(mark);
            parent.normalize();
        });
    }

    // The text nodes of element in reading order, less those inside an element matching skip,
    // with where each starts in their joined text.
    function textNodes(element, skip) {
        var nodes = [], text = "";
        var walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT, {
            acceptNode: function (node) {
                return skip && node.parentElement.closest(skip) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT;
            }
        });
        for (var node = walker.nextNode(); node; node = walker.nextNode()) {
            nodes.push({ node: node, start: text.length });
            text += node.data;
        }
        return { nodes: nodes, text: text };
    }

    // Wraps characters [from, to) of the joined text in elements made by make(), one per text
    // node the range crosses, leaving the markup around them as it was.
    function wrapText(nodes, from, to, make) {
        nodes.forEach(function (entry) {
            var a = Math.max(from - entry.start, 0), b = Math.min(to - entry.start, entry.node.data.length);
            if (a >= b)
                return;
            var piece = entry.node;
            if (a > 0)
                piece = piece.splitText(a);
            if (b - a < piece.data.length)
                piece.splitText(b - a);
            var wrapper = make();
            piece.replaceWith(wrapper);
            wrapper.appendChild(piece);
        });
    }

    // Puts node in the text at offset at of the joined text.
    function insertAt(nodes, at, node) {
        for (var i = 0; i < nodes.length; i++) {
            var entry = nodes[i], length = entry.node.data.length;
            if (at < entry.start || at > entry.start + length)
                continue;
            if (at === entry.start + length && i + 1 < nodes.length && nodes[i + 1].start === at)
                continue; // the start of the next node reads better
            if (at === entry.start + length)
                entry.node.after(node);
            else if (at === entry.start)
                entry.node.before(node);
            else
                entry.node.splitText(at - entry.start).before(node);
            return true;
        }
        return false;
    }

    // Wraps the mark.occurrence-th appearance of mark.text in its element in <mark> elements,
    // leaving the markup around it as it was. False when not found.
    function markFinding(mark) {
        var scope = findingScope(mark);
        if (!scope.element)
            return false;
        var found = textNodes(scope.element, scope.skip);
        var at = found.text.indexOf(mark.text);
        for (var n = 0; at >= 0 && n < mark.occurrence; n++)
            at = found.text.indexOf(mark.text, at + 1);
        if (at < 0)
            return false;
        wrapText(found.nodes, at, at + mark.text.length, function () {
            var wrapper = document.createElement("mark");
            wrapper.className = "galley-finding galley-finding-" + mark.severity;
            wrapper.title = mark.message;
            return wrapper;
        });
        return true;
    }

    // Marks a comparison's word changes inside element where its words are (tokens as
    // previewChangeMarks() gives them): inserted words wrapped in <ins>, deleted ones put back in
    // <del>, so bold, italic and links stay. False, with nothing changed, when the element's words
    // are not the tokens' (the caller then shows the marked text instead).
    function markChanges(element, tokens) {
        var found = textNodes(element, ".dateline, del.galley-change");
        var text = found.text, cur = 0, ops = [];
        var next = function (word, from) { // word after only spaces, else -1
            var at = text.indexOf(word, from);
            return at >= 0 && text.slice(from, at).trim() === "" ? at : -1;
        };
        for (var i = 0; i < tokens.length;) {
            var token = tokens[i];
            if (token.text === "\n") {
                i++;
                continue;
            }
            var j = i, words = "", start = -1, end = cur;
            if (token.op === "-") {
                for (; j < tokens.length && tokens[j].op === "-"; j++)
                    if (tokens[j].text !== "\n")
                        words += (words && tokens[j].space ? " " : "") + tokens[j].text;
                ops.push({ deleted: words, space: !!token.space, at: cur });
                i = j;
                continue;
            }
            for (; j < tokens.length && tokens[j].op === token.op && (j === i || token.op === "+"); j++) {
                if (tokens[j].text === "\n")
                    continue;
                var at = next(tokens[j].text, end);
                if (at < 0)
                    return false;
                if (start < 0)
                    start = at;
                end = at + tokens[j].text.length;
            }
            if (token.op === "+" && start >= 0)
                ops.push({ from: start, to: end });
            cur = end;
            i = j;
        }
        for (var k = ops.length - 1; k >= 0; k--) { // from the end, so earlier offsets hold
            var op = ops[k], nodes = textNodes(element, ".dateline, del.galley-change").nodes;
            if (op.deleted !== undefined) {
                var del = document.createElement("del"), piece = document.createDocumentFragment();
                del.className = "galley-change";
                del.textContent = op.deleted;
                if (op.space) // the space before the words, not struck through
                    piece.append(" ");
                piece.append(del);
                if (!insertAt(nodes, op.at, piece))
                    element.append(piece);
            } else {
                wrapText(nodes, op.from, op.to, function () {
                    var ins = document.createElement("ins");
                    ins.className = "galley-change";
                    return ins;
                });
            }
        }
        return true;
    }

    // Marks the copy desk's findings on the page (previewFindingMarks() in the editor); an empty
    // list takes every mark away. Returns how many were found on the page.
    function markFindings(marks) {
        removeFindingMarks();
        var found = 0;
        marks.forEach(function (mark) { found += markFinding(mark) ? 1 : 0; });
        return found;
    }

    // The print view: the stylesheet's print rules also apply on screen, on a page-like sheet.
    function setPrintView(on) {
        document.documentElement.classList.toggle("print-view", on);
        for (var s = 0; s < document.styleSheets.length; s++) {
            var rules;
            try { rules = document.styleSheets[s].cssRules; } catch (e) { continue; }
            for (var r = 0; r < rules.length; r++) {
                var rule = rules[r];
                if (rule.media && /print/.test(rule.media.mediaText))
                    rule.media.mediaText = on ? "print, screen" : "print";
            }
        }
        return on;
    }

    document.addEventListener("click", function (event) {
        if (!bridge || event.target.closest("a"))
            return;
        var block = event.target.closest("[data-block]");
        if (block)
            bridge.blockClicked(block.dataset.block);
    });

    if (window.qt && window.qt.webChannelTransport && window.QWebChannel) {
        new QWebChannel(window.qt.webChannelTransport, function (channel) {
            bridge = channel.objects.bridge;
        });
    }

    window.galleyPreview = {
        apply: apply,
        reveal: reveal,
        markFindings: markFindings,
        markChanges: markChanges,
        setPrintView: setPrintView,
        fullUpdates: function () { return fullUpdates; },
        // The article as a fresh page would build it from @p html, serialised like the live one.
        serializeFresh: function (html) {
            var doc = new DOMParser().parseFromString("<main id=\"galley-preview\">" + html + "</main>", "text/html");
            var article = doc.querySelector("article.story");
            return article ? article.outerHTML : "";
        },
        articleHtml: function () {
            var article = document.querySelector("#galley-preview > article.story");
            return article ? article.outerHTML : "";
        }
    };
})();
