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

  // Opens the note an id names, so a note reached by its link shows its text
  // on narrow screens, where notes are collapsed disclosures.
  function openNote(hash) {
    var id;
    try { id = decodeURIComponent(hash.slice(1)); } catch (e) { return; }
    var note = id && document.getElementById(id);
    var details = note && note.querySelector("details");
    if (details) details.open = true;
  }
  openNote(location.hash);
  window.addEventListener("hashchange", function () { openNote(location.hash); });

  var media = document.getElementById("media");
  document.addEventListener("click", function (event) {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    var link = event.target.closest && event.target.closest("a");
    if (!link) return;
    if (link.classList.contains("note-ref")) openNote(link.hash);
    // A timestamp seeks the page's player instead of leaving the page.
    var seconds = parseFloat(link.getAttribute("data-seconds"));
    if (media && link.classList.contains("timestamp") && isFinite(seconds)) {
      event.preventDefault();
      media.currentTime = Math.max(0, seconds + (parseFloat(media.getAttribute("data-offset")) || 0));
      var playing = media.play();
      if (playing && playing.catch) playing.catch(function () {});
    }
  });
})();
