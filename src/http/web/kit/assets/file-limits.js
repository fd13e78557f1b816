/* Refuses, as soon as they are chosen and again before anything is sent, files the server would
   refuse for their size or number: a 50 MB video on a slow connection should not upload whole
   only to be turned away. Every file input with data-max-bytes is covered; the message goes in
   the element whose id is the input's id + "-limits", beside the field. Without this script the
   server refuses the same files (and stops reading early). Strict CSP: no inline code. */
(function () {
  'use strict';

  var selector = 'input[type="file"][data-max-bytes]';

  function problemsOf(input) {
    var maxBytes = Number(input.getAttribute('data-max-bytes'));
    var maxFiles = Number(input.getAttribute('data-max-files'));
    var problems = [];
    if (maxFiles > 0 && input.files.length > maxFiles) problems.push(input.getAttribute('data-too-many'));
    for (var i = 0; i < input.files.length; i++) {
      if (input.files[i].size > maxBytes) problems.push(input.getAttribute('data-too-large').replace('{file}', input.files[i].name));
    }
    return problems;
  }

  function show(input, problems) {
    var box = document.getElementById(input.id + '-limits');
    if (!box) return;
    box.textContent = '';
    for (var i = 0; i < problems.length; i++) {
      var line = document.createElement('p');
      line.className = 'field__error';
      line.textContent = problems[i];
      box.appendChild(line);
    }
    if (problems.length > 0) input.setAttribute('aria-invalid', 'true');
    else if (input.getAttribute('data-server-invalid') !== 'true') input.removeAttribute('aria-invalid');
  }

  document.addEventListener('change', function (event) {
    var input = event.target;
    if (input && input.matches && input.matches(selector)) show(input, problemsOf(input));
  }, true);

  /* On the document, in the capture phase: before any other script sends the form. */
  document.addEventListener('submit', function (event) {
    var inputs = event.target.querySelectorAll ? event.target.querySelectorAll(selector) : [];
    var first = null;
    for (var i = 0; i < inputs.length; i++) {
      var problems = problemsOf(inputs[i]);
      show(inputs[i], problems);
      if (problems.length > 0 && first === null) first = inputs[i];
    }
    if (first === null) return;
    event.preventDefault();
    event.stopImmediatePropagation();
    first.focus();
  }, true);
})();
