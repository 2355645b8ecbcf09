// Reloads a live page (attendance, occupancy) every data-refresh seconds of its <body>, as staff at the doors expect
// the figures to move by themselves. A script rather than <meta http-equiv="refresh">, which screen readers announce
// as a page that moves away under the reader (WCAG 2.2.1); a person reading or typing on the page pauses it.
(() => {
  const seconds = Number(document.currentScript?.dataset.refresh || 20);
  let quietSince = Date.now();
  ['keydown', 'pointerdown', 'focusin'].forEach(type => document.addEventListener(type, () => { quietSince = Date.now(); }));
  setInterval(() => {
    if (Date.now() - quietSince >= seconds * 1000) {
      location.reload();
    }
  }, seconds * 1000);
})();
