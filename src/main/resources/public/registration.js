// Organisation search-as-you-type for the registration form. Without JavaScript the form keeps its
// plain select (and the search box above the form filters it server-side).
(function () {
  var box = document.querySelector('.org-search');
  var input = document.getElementById('org-search');
  var select = document.getElementById('organisationId');
  if (!box || !input || !select || !window.fetch) { return; }
  box.hidden = false;
  var timer = null;
  input.addEventListener('input', function () {
    clearTimeout(timer);
    var q = input.value.trim();
    if (q.length < 2) { return; }
    timer = setTimeout(function () {
      fetch(input.dataset.url + '?q=' + encodeURIComponent(q), { headers: { 'Accept': 'application/json' } })
        .then(function (r) { return r.ok ? r.json() : []; })
        .then(function (found) {
          var first = select.options[0];
          select.innerHTML = '';
          select.appendChild(first);
          found.forEach(function (o) {
            var option = document.createElement('option');
            option.value = o.id;
            option.textContent = o.name + (o.city ? ' (' + o.city + ')' : '');
            select.appendChild(option);
          });
          if (found.length === 1) { select.value = String(found[0].id); }
        });
    }, 200);
  });
})();
