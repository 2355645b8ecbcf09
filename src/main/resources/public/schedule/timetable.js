// Drag a session block onto a cell of the grid: fills the plain place form (which works without
// JavaScript) with the cell's day, start and room, keeps the session's length, and posts it with fetch.
// While dragging, the live line says before the drop whether the room is too small and how many
// registrants also chose a session running at that time (from the page's #tt-data, no round trip).
(function () {
  'use strict';
  var form = document.getElementById('place-form');
  if (!form || !window.fetch) { return; }
  var data = { sessions: {}, rooms: {} };
  var source = document.getElementById('tt-data');
  if (source) { try { data = JSON.parse(source.textContent); } catch (ignored) { /* warnings only */ } }
  var live = document.getElementById('tt-live');
  var dragged = null;
  var lastCell = null;

  function fill(pattern, args) {
    return pattern.replace(/\{(\d)\}/g, function (m, i) { return args[+i]; });
  }
  function minutes(hhmm) {
    var p = hhmm.split(':');
    return (+p[0]) * 60 + (+p[1]);
  }
  /** The warnings of putting the dragged session at this cell, as sentences. */
  function warnings(cell) {
    var id = dragged.dataset.session;
    var me = data.sessions[id];
    if (!me) { return []; }
    var room = data.rooms[cell.dataset.room];
    var day = cell.closest('.tt-grid').dataset.date;
    var start = minutes(cell.dataset.start);
    var end = start + (+dragged.dataset.minutes);
    var out = [];
    if (room && me.audience > room.capacity) {
      out.push(fill(live.dataset.tooSmall, [me.title, me.audience, room.name, room.capacity]));
    }
    Object.keys(me.shared || {}).forEach(function (other) {
      var o = data.sessions[other];
      if (other !== id && o && o.day === day && o.start < end && start < o.end) {
        out.push(fill(live.dataset.clash, [me.shared[other], o.title]));
      }
    });
    return out;
  }
  function show(cell) {
    if (!live || cell === lastCell) { return; }
    lastCell = cell;
    var found = warnings(cell);
    live.textContent = found.length ? found.join(' ') : live.dataset.ok;
    live.hidden = false;
  }

  document.querySelectorAll('[data-session][draggable]').forEach(function (block) {
    block.addEventListener('dragstart', function (e) {
      dragged = block;
      lastCell = null;
      block.classList.add('tt-dragging');
      e.dataTransfer.setData('text/plain', block.dataset.session);
    });
    block.addEventListener('dragend', function () {
      block.classList.remove('tt-dragging');
      if (live) { live.hidden = true; }
    });
  });
  document.querySelectorAll('.tt-cell').forEach(function (cell) {
    cell.addEventListener('dragover', function (e) {
      e.preventDefault();
      cell.classList.add('tt-over');
      if (dragged) { show(cell); }
    });
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
        if (response.ok) { window.location.hash = 'session-' + dragged.dataset.session; window.location.reload(); return; }
        return response.text().then(function (html) {
          document.open(); document.write(html); document.close();
        });
      });
    });
  });
}());
