// Chair and speaker pickers that search: typing in the box above a list keeps the names (and organisations)
// that contain every word typed, accents and case aside; chosen names always stay in view.
(function () {
  'use strict';
  function fold(text) {
    return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
  }
  document.querySelectorAll('.picker-filter').forEach(function (box) {
    var list = document.getElementById(box.dataset.for);
    if (!list) { return; }
    box.addEventListener('input', function () {
      var words = fold(box.value).split(/\s+/).filter(Boolean);
      Array.prototype.forEach.call(list.options, function (option) {
        var label = fold(option.textContent);
        option.hidden = !option.selected && option.value !== '' && !words.every(function (w) { return label.indexOf(w) >= 0; });
      });
    });
  });
}());
