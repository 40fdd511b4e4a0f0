/* wagtail-localize's translation editor writes three things in English whatever the admin's language,
 * outside its JavaScript catalogue: the heading "<source> to <target> translation", the date in
 * "Translated manually on 6 December 2026" (Python's strftime), and the label of its "More actions"
 * button for screen readers. Once React has drawn them, this puts
 * them in the admin's language through the admin's own catalogue (locale/th/LC_MESSAGES/djangojs.po),
 * with the Buddhist Era year on a Thai admin, as everywhere else on the site. */
(function () {
  "use strict";
  var HEADING = /^(.+) to (.+) translation$/;
  var MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December"];
  // Only in text that is already Thai (a translated comment), never in the content being translated.
  var THAI_WITH_DATE = new RegExp("^(.*[\\u0e00-\\u0e7f].*?)(\\d{1,2}) (" + MONTHS.join("|") + ") (\\d{4})$");

  function setText(node, text) {
    // Change React's own text node in place, so React keeps a live reference to it.
    if (node.nodeValue !== text) { node.nodeValue = text; }
  }

  function translate(root) {
    if (typeof window.gettext !== "function") { return; }
    var headings = root.querySelectorAll("section h3");
    for (var i = 0; i < headings.length; i++) {
      var node = headings[i].firstChild;
      var match = headings[i].childNodes.length === 1 && node.nodeType === 3 && HEADING.exec(node.nodeValue);
      if (match) {
        setText(node, window.interpolate(
          window.gettext("%(source)s to %(target)s translation"), { source: match[1], target: match[2] }, true
        ));
      }
    }
    var labels = root.querySelectorAll(".w-dropdown__toggle > .w-sr-only");
    for (var j = 0; j < labels.length; j++) {
      var label = labels[j].firstChild;
      if (label && label.nodeType === 3 && label.nodeValue === "More actions") {
        setText(label, window.gettext("More actions"));
      }
    }
    if (document.documentElement.lang !== "th") { return; }
    var walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
      var date = THAI_WITH_DATE.exec(walker.currentNode.nodeValue);
      if (date) {
        setText(walker.currentNode, date[1] + date[2] + " " + window.gettext(date[3]) + " " + (Number(date[4]) + 543));
      }
    }
  }

  function start() {
    var editor = document.querySelector(".js-translation-editor");
    if (!editor) { return; }
    translate(editor);
    new MutationObserver(function () { translate(editor); }).observe(editor, { childList: true, characterData: true, subtree: true });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
