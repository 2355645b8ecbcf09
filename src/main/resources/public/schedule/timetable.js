// Drag a session block onto a cell of the grid: fills the plain place form (which works without
// JavaScript) with the cell's day, start and room, keeps the session's length, and posts it with fetch.
(function () {
  'use strict';
  var form = document.getElementById('place-form');
  if (!form || !window.fetch) { return; }
  var dragged = null;
  document.querySelectorAll('[data-session][draggable]').forEach(function (block) {
    block.addEventListener('dragstart', function (e) {
      dragged = block;
      block.classList.add('tt-dragging');
      e.dataTransfer.setData('text/plain', block.dataset.session);
    });
    block.addEventListener('dragend', function () { block.classList.remove('tt-dragging'); });
  });
  document.querySelectorAll('.tt-cell').forEach(function (cell) {
    cell.addEventListener('dragover', function (e) { e.preventDefault(); cell.classList.add('tt-over'); });
    cell.addEventListener('dragleave', function () { cell.classList.remove('tt-over'); });
    cell.addEventListener('drop', function (e) {
      e.preventDefault();
      cell.classList.remove('tt-over');
      if (!dragged) { return; }
      var grid = cell.closest('.tt-grid');
      form.elements.sessionId.value = dragged.dataset.session;
      form.elements.date.value = grid.dataset.date;
      form.elements.start.value = cell.dataset.start;
      form.elements.minutes.value = dragged.dataset.minutes;
      form.elements.roomId.value = cell.dataset.room;
      var body = new URLSearchParams(new FormData(form));
      fetch(form.action, {
        method: 'POST', body: body, credentials: 'same-origin',
        headers: { 'X-CSRF-TOKEN': form.elements.csrfToken.value, 'Accept': 'text/html' }
      }).then(function (response) {
        if (response.ok && response.url.indexOf('refused=') < 0) { window.location.reload(); return; }
        if (response.ok) { window.location.href = response.url; return; }
        return response.text().then(function (html) {
          document.open(); document.write(html); document.close();
        });
      });
    });
  });
}());
