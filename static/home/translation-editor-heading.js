/* wagtail-localize's translation editor writes the heading "<source> to <target> translation" in English
 * whatever the admin's language (it is not in its JavaScript catalogue). This rewrites that heading
 * through the admin's own catalogue (locale/th/LC_MESSAGES/djangojs.po) once React has drawn it. */
(function () {
  "use strict";
  var PATTERN = /^(.+) to (.+) translation$/;

  function translate(root) {
    if (typeof window.gettext !== "function") { return; }
    var headings = root.querySelectorAll("section h3");
    for (var i = 0; i < headings.length; i++) {
      var match = headings[i].childNodes.length === 1 && PATTERN.exec(headings[i].textContent);
      if (!match) { continue; }
      var text = window.interpolate(
        window.gettext("%(source)s to %(target)s translation"), { source: match[1], target: match[2] }, true
      );
      // Change React's own text node in place, so React keeps a live reference to it.
      var node = headings[i].firstChild;
      if (node && node.nodeType === 3 && node.nodeValue !== text) { node.nodeValue = text; }
    }
  }

  function start() {
    var editor = document.querySelector(".js-translation-editor");
    if (!editor) { return; }
    translate(editor);
    new MutationObserver(function () { translate(editor); }).observe(editor, { childList: true, subtree: true });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
