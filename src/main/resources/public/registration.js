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
          if (found.length === 1) { select.value = String(found[0].id); select.dispatchEvent(new Event('change', { bubbles: true })); }
        });
    }, 200);
  });
})();

// Price preview: as soon as the organisation and a participant type are chosen, each person's price and
// what decides it (member for the year, foreign authority, speaker…), and the total, before confirming.
// The server computes it with the same rules as the registration itself (GET …/register/price).
(function () {
  var form = document.querySelector('form[data-price-url]');
  var org = document.querySelector('[data-price-org]');
  if (!form || !org || !window.fetch) { return; }
  var total = form.querySelector('.price-total');
  var totalAmount = form.querySelector('.price-total-amount');
  var euros = function (cents) {
    var rest = cents % 100;
    return Math.floor(cents / 100) + (rest < 10 ? ',0' : ',') + rest + ' €';
  };
  var day = function () {
    var checked = form.querySelector('input[name="attendanceDay"]:checked');
    return checked ? checked.value : '';
  };
  var seq = 0;
  function refresh() {
    var mine = ++seq;
    var selects = Array.prototype.slice.call(form.querySelectorAll('select[data-price-type]'));
    var asked = selects.map(function (select) {
      var out = select.parentNode.querySelector('.price-preview');
      var row = select.closest('fieldset.colleague');
      var named = !row || Array.prototype.some.call(row.querySelectorAll('input'), function (i) { return i.value.trim() !== ''; });
      if (!select.value || !named) { out.textContent = ''; return Promise.resolve(null); }
      var url = form.dataset.priceUrl + '?participantType=' + encodeURIComponent(select.value)
        + '&organisationId=' + encodeURIComponent(org.value) + '&attendanceDay=' + encodeURIComponent(day());
      return fetch(url, { headers: { 'Accept': 'application/json' } })
        .then(function (r) { return r.ok ? r.json() : {}; })
        .then(function (p) { if (mine === seq) { out.textContent = p.text || ''; } return p.cents === undefined ? null : p.cents; })
        .catch(function () { return null; });
    });
    Promise.all(asked).then(function (cents) {
      if (mine !== seq || !total) { return; }
      var known = cents.filter(function (c) { return c !== null; });
      total.hidden = known.length < 2;
      totalAmount.textContent = euros(known.reduce(function (a, b) { return a + b; }, 0))
        + ' (' + known.length + ')';
    });
  }
  form.addEventListener('change', refresh);
  org.addEventListener('change', refresh);
  refresh();
})();
