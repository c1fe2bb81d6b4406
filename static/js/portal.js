// Progressive enhancement only: every page works without JavaScript.
document.addEventListener("DOMContentLoaded", function () {
  // Phone menu: the button only exists for people with JavaScript; without it the menu is
  // always open (so it can never get stuck closed).
  var knop = document.querySelector(".portal-menu-knop");
  var menu = knop && document.getElementById(knop.getAttribute("aria-controls"));
  if (knop && menu) {
    knop.hidden = false;
    menu.classList.add("portal-nav--ingeklapt");
    knop.addEventListener("click", function () {
      var open = knop.getAttribute("aria-expanded") === "true";
      knop.setAttribute("aria-expanded", open ? "false" : "true");
      menu.classList.toggle("portal-nav--ingeklapt", open);
    });
  }
  // Move focus to the error summary so keyboard and screen-reader users hear what went wrong.
  // After the skip link the page URL ends in #inhoud and the form posts back to it: the
  // browser would then move focus to <main> once loaded. Drop the fragment first.
  var summary = document.querySelector("[data-error-summary]");
  if (summary) {
    if (window.location.hash) {
      window.history.replaceState(null, "", window.location.pathname + window.location.search);
    }
    summary.focus();
    window.addEventListener("load", function () {
      if (document.activeElement === document.body || document.activeElement.id === "inhoud") {
        summary.focus();
      }
    });
  }
  // A table box that scrolls sideways (on a phone) must be reachable and named for keyboard
  // and screen-reader users (WCAG 2.1.1): make it a focusable region named by its caption.
  // Checked again when the window changes size (a phone turned, a zoomed browser).
  function tabellen() {
    document.querySelectorAll(".portal-table-wrap").forEach(function (box, i) {
      if (box.scrollWidth <= box.clientWidth) {
        if (box.dataset.portalRegio === "1") {
          ["tabindex", "role", "aria-labelledby", "aria-label"].forEach(function (a) { box.removeAttribute(a); });
          delete box.dataset.portalRegio;
        }
        return;
      }
      if (box.hasAttribute("tabindex")) {
        return;
      }
      box.dataset.portalRegio = "1";
      box.setAttribute("tabindex", "0");
      box.setAttribute("role", "region");
      var caption = box.querySelector("caption");
      if (caption) {
        if (!caption.id) {
          caption.id = "portal-tabel-" + i;
        }
        box.setAttribute("aria-labelledby", caption.id);
      } else {
        box.setAttribute("aria-label", "Tabel, scroll opzij voor meer kolommen");
      }
    });
  }
  tabellen();
  window.addEventListener("resize", tabellen);
  // Prevent a double click from submitting a form twice.
  document.querySelectorAll("form[method=post], form[method=POST]").forEach(function (form) {
    form.addEventListener("submit", function () {
      if (form.dataset.submitted === "1") {
        return;
      }
      form.dataset.submitted = "1";
      window.setTimeout(function () {
        form.querySelectorAll("button[type=submit]").forEach(function (b) { b.disabled = true; });
      }, 0);
    });
  });
});
