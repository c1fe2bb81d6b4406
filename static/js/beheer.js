// The Django admin (/beheer/): small accessibility repairs to markup Django's own scripts make.
// Loaded at the end of the body (templates/admin/base_site.html), so its "load" listener runs
// after those of the admin's widgets, which build their markup on "load".
window.addEventListener("load", function () {
  // SelectFilter2.js (the two-list picker for groups, kernen, ...) puts an aria-label on a
  // bare <span>, where ARIA forbids it (axe: aria-prohibited-attr). As an image with that
  // label it is allowed, and it still names the filter field its <label> belongs to.
  document.querySelectorAll("span.help-tooltip[aria-label]:not([role])").forEach(function (el) {
    el.setAttribute("role", "img");
  });
});
