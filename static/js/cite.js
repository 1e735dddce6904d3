// Pamphlet: citation popups. The popups open on hover and keyboard focus
// with CSS alone; this script only lets Escape close an open popup (WCAG
// 2.2, 1.4.13 "Content on hover or focus"), until the pointer or focus
// moves to another citation.
(function () {
  "use strict";
  document.addEventListener("keydown", function (e) {
    if (e.key !== "Escape") return;
    document.querySelectorAll(".cite-popup:not([hidden])").forEach(function (p) {
      p.hidden = true;
    });
  });
  function reopen(e) {
    var c = e.target.closest && e.target.closest(".citation");
    document.querySelectorAll(".cite-popup[hidden]").forEach(function (p) {
      if (!c || !c.contains(p)) p.hidden = false;
    });
  }
  document.addEventListener("focusin", reopen);
  document.addEventListener("pointerover", reopen);
})();
