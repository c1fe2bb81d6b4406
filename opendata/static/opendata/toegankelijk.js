/* Swagger UI leaves a few controls unnamed and scrollable code unreachable by keyboard
   (axe-core: select-name, scrollable-region-focusable). This adds the missing names and
   tabindex as Swagger UI renders, without changing what it does. */
(function () {
  "use strict";

  function herstel(wortel) {
    wortel.querySelectorAll("tr[data-param-name] select:not([aria-label])").forEach(function (el) {
      var rij = el.closest("tr[data-param-name]");
      el.setAttribute("aria-label", rij.getAttribute("data-param-name"));
    });
    wortel.querySelectorAll("select:not([aria-label])").forEach(function (el) {
      if (!el.labels || el.labels.length === 0) {
        el.setAttribute("aria-label", "Keuze");
      }
    });
    wortel.querySelectorAll("pre.microlight:not([tabindex])").forEach(function (el) {
      el.setAttribute("tabindex", "0");
    });
  }

  var observer = new MutationObserver(function () {
    herstel(document);
  });
  observer.observe(document.documentElement, { childList: true, subtree: true });
  herstel(document);
})();
