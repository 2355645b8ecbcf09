// Shows how far an import has gone: the upload's progress (XMLHttpRequest's upload events, the browser API this
// needs), then that the server is checking or writing the rows. Without JavaScript the form posts as usual.
(function () {
  document.querySelectorAll('form[data-progress]').forEach(function (form) {
    form.addEventListener('submit', function (event) {
      // a file over the limit is not sent at all: the form says so beside the field (the server would refuse it)
      var input = form.querySelector('input[type=file][data-max-bytes]');
      if (input && input.files && input.files[0] && input.files[0].size > Number(input.getAttribute('data-max-bytes'))) {
        event.preventDefault();
        window.location.assign(input.getAttribute('data-too-large'));
        return;
      }
      var box = document.getElementById(form.getAttribute('data-progress'));
      if (!box || !window.FormData) {
        return;
      }
      event.preventDefault();
      var bar = box.querySelector('progress');
      var status = box.querySelector('[role=status]');
      box.hidden = false;
      form.querySelectorAll('button').forEach(function (b) { b.disabled = true; });
      var xhr = new XMLHttpRequest();
      xhr.open(form.method.toUpperCase(), form.action);
      // the page, never the JSON answer of an API client (a refused file comes back as the form with its reason)
      xhr.setRequestHeader('Accept', 'text/html');
      xhr.upload.addEventListener('progress', function (e) {
        if (e.lengthComputable) {
          bar.max = e.total;
          bar.value = e.loaded;
          status.textContent = box.getAttribute('data-uploading') + ' ' + Math.round(100 * e.loaded / e.total) + ' %';
        }
      });
      xhr.upload.addEventListener('load', function () {
        bar.removeAttribute('value');
        status.textContent = box.getAttribute('data-processing');
      });
      xhr.addEventListener('load', function () {
        // the answer is the next page (after the server's redirect) or the form again with its errors
        document.open();
        document.write(xhr.responseText);
        document.close();
        if (xhr.responseURL) {
          history.replaceState(null, '', xhr.responseURL);
        }
      });
      xhr.addEventListener('error', function () {
        status.textContent = box.getAttribute('data-failed');
        form.querySelectorAll('button').forEach(function (b) { b.disabled = false; });
      });
      var enctype = form.getAttribute('enctype');
      if (enctype === 'multipart/form-data') {
        xhr.send(new FormData(form));
      } else {
        xhr.setRequestHeader('Content-Type', 'application/x-www-form-urlencoded');
        xhr.send(new URLSearchParams(new FormData(form)).toString());
      }
    });
  });
})();
