// Live preview for the template editor: after typing stops, the draft goes to the preview endpoint and the preview
// below the form shows what a customer would read, or the mistakes appear beside their fields. Without this script
// the Preview button does the same with a full page.
(function () {
  'use strict';
  var form = document.getElementById('template-form');
  if (!form || !window.fetch) {
    return;
  }
  var section = document.getElementById('preview');
  var subject = document.getElementById('preview-subject');
  var text = document.getElementById('preview-text');
  var frame = document.getElementById('preview-html');
  var fields = ['subject', 'text', 'html'];
  var timer = null;
  var latest = 0;

  function showErrors(errors) {
    fields.forEach(function (name) {
      var message = null;
      errors.forEach(function (e) {
        if (e.field === name && message === null) {
          message = e.message;
        }
      });
      var input = document.getElementById(name);
      var box = form.querySelector('[data-error-for="' + name + '"]');
      box.textContent = message || '';
      box.hidden = message === null;
      if (message === null) {
        input.removeAttribute('aria-invalid');
      } else {
        input.setAttribute('aria-invalid', 'true');
      }
    });
  }

  function refresh() {
    var call = ++latest;
    fetch(form.getAttribute('data-preview'), {
      method: 'POST',
      credentials: 'same-origin',
      headers: {'Content-Type': 'application/x-www-form-urlencoded'},
      body: new URLSearchParams(new FormData(form)).toString()
    }).then(function (response) {
      if (response.status !== 200 && response.status !== 422) {
        return null;
      }
      return response.json().then(function (body) {
        if (call !== latest) {
          return;
        }
        if (response.status === 422) {
          showErrors(body.errors || []);
          return;
        }
        showErrors([]);
        section.hidden = false;
        subject.textContent = body.subject;
        text.textContent = body.text;
        frame.srcdoc = body.html || '<p>No HTML part: a plain-text e-mail.</p>';
      });
    }).catch(function () {
      // Offline or the session ended: the Preview button still works (and leads to the login page if need be).
    });
  }

  fields.forEach(function (name) {
    document.getElementById(name).addEventListener('input', function () {
      clearTimeout(timer);
      timer = setTimeout(refresh, 400);
    });
  });
}());
