// Gloss default theme script. Progressive enhancement only: every page works without it.
(function () {
  "use strict";

  // A file:// URL of a directory does not open its index.html, so links to
  // pretty URLs ("../other/") lead nowhere when the site is opened from disk.
  if (location.protocol === "file:") {
    var links = document.querySelectorAll("a[href]");
    for (var i = 0; i < links.length; i++) {
      var href = links[i].getAttribute("href");
      if (/^([a-z][a-z0-9+.-]*:|\/\/)/i.test(href)) continue; // absolute: not ours
      var cut = href.search(/[?#]/);
      var path = cut < 0 ? href : href.slice(0, cut);
      if (path.slice(-1) === "/") {
        links[i].setAttribute("href", path + "index.html" + (cut < 0 ? "" : href.slice(cut)));
      }
    }
  }
})();
