/* Enhances the complaint form and its receipt. Everything here is optional: without it the form
   posts normally and the server checks everything. Strict CSP: no inline code, no eval.
   - solves the ALTCHA proof of work (PBKDF2 with Web Crypto) while the person types;
   - shows what is still missing (5W1H) as it is typed;
   - hides "About you" for anonymous reports;
   - uploads with a progress bar (XMLHttpRequest), falling back to a normal post;
   - prints the receipt. */
(function () {
  'use strict';

  function hexToBytes(hex) {
    var bytes = new Uint8Array(hex.length / 2);
    for (var i = 0; i < bytes.length; i++) bytes[i] = parseInt(hex.substr(i * 2, 2), 16);
    return bytes;
  }

  function bytesToHex(bytes) {
    var out = '';
    for (var i = 0; i < bytes.length; i++) out += (bytes[i] < 16 ? '0' : '') + bytes[i].toString(16);
    return out;
  }

  /* The same search as altcha-lib's solveChallenge with its PBKDF2 deriveKey: the password is
     the nonce followed by a big-endian 32-bit counter; the answer is the first counter whose key
     starts with the signed prefix. */
  async function solve(challenge) {
    var p = challenge.parameters;
    if (p.algorithm !== 'PBKDF2/SHA-256' || p.keyPrefix.length % 2 !== 0) return null;
    var salt = hexToBytes(p.salt);
    var nonce = hexToBytes(p.nonce);
    var prefix = hexToBytes(p.keyPrefix);
    var password = new Uint8Array(nonce.length + 4);
    password.set(nonce, 0);
    var view = new DataView(password.buffer);
    for (var counter = 0; counter <= 0xffffffff; counter++) {
      view.setUint32(nonce.length, counter, false);
      var key = await crypto.subtle.importKey('raw', password, 'PBKDF2', false, ['deriveBits']);
      var bits = new Uint8Array(await crypto.subtle.deriveBits({ name: 'PBKDF2', salt: salt, iterations: p.cost, hash: 'SHA-256' }, key, (p.keyLength || 32) * 8));
      var matches = true;
      for (var i = 0; i < prefix.length; i++) if (bits[i] !== prefix[i]) { matches = false; break; }
      if (matches) return { counter: counter, derivedKey: bytesToHex(bits) };
    }
    return null;
  }

  function enhanceForm(form) {
    var proof = null;
    var altchaInput = form.querySelector('input[name="altcha"]');

    function startProof() {
      if (proof) return proof;
      var challenge;
      try { challenge = JSON.parse(form.getAttribute('data-challenge') || 'null'); } catch { challenge = null; }
      if (!challenge || !window.crypto || !crypto.subtle) {
        proof = Promise.resolve(false);
        return proof;
      }
      form.setAttribute('data-altcha-state', 'solving');
      proof = solve(challenge).then(function (solution) {
        if (!solution) throw new Error('unsolved');
        altchaInput.value = btoa(JSON.stringify({ challenge: challenge, solution: solution }));
        form.setAttribute('data-altcha-state', 'solved');
        return true;
      }).catch(function () {
        form.setAttribute('data-altcha-state', 'failed');
        return false;
      });
      return proof;
    }
    form.addEventListener('focusin', startProof, { once: true });
    form.addEventListener('input', startProof, { once: true });

    /* "About you" is for named and confidential reports only. */
    var person = form.querySelector('[data-person]');
    function showPerson() {
      var anonymous = form.querySelector('input[name="identity"][value="anonymous"]');
      if (person && anonymous) person.hidden = anonymous.checked;
    }
    form.addEventListener('change', function (event) {
      if (event.target.name === 'identity') showPerson();
    });
    showPerson();

    /* The checklist follows what is typed (the rule of domain/complaint/completeness.ts). */
    var checklist = form.querySelector('[data-checklist]');
    var timer = null;
    function updateChecklist() {
      if (!checklist) return;
      var items = checklist.querySelectorAll('[data-fact]');
      var answered = 0;
      for (var i = 0; i < items.length; i++) {
        var fact = items[i].getAttribute('data-fact');
        var field = form.querySelector('textarea[name="' + fact + '"]');
        var isAnswered = Boolean(field && field.value.trim().length >= 3);
        if (isAnswered) answered++;
        var state = items[i].querySelector('[data-state]');
        state.textContent = checklist.getAttribute(isAnswered ? 'data-answered' : 'data-missing');
        state.className = isAnswered ? 'tag tag--ok' : 'tag tag--warn';
      }
      var score = checklist.querySelector('[data-score]');
      var text = checklist.getAttribute('data-score-text').replace('{count}', String(answered)).replace('{total}', String(items.length));
      if (score.textContent !== text) score.textContent = text;
    }
    form.addEventListener('input', function (event) {
      if (!event.target.hasAttribute('data-fact')) return;
      clearTimeout(timer);
      timer = setTimeout(updateChecklist, 500);
    });

    /* A point from the phone's location, when it has one. */
    var locate = form.querySelector('[data-locate]');
    if (locate && navigator.geolocation) {
      locate.hidden = false;
      locate.querySelector('button').addEventListener('click', function () {
        navigator.geolocation.getCurrentPosition(function (position) {
          var input = form.querySelector('input[name="location"]');
          input.value = position.coords.latitude.toFixed(5) + ', ' + position.coords.longitude.toFixed(5);
          input.focus();
        }, function () { /* refused or unavailable: the field stays as it was */ }, { enableHighAccuracy: true, timeout: 15000 });
      });
    }

    var status = form.querySelector('[data-submit-status]');

    var sending = false;
    form.addEventListener('submit', function (event) {
      if (!window.XMLHttpRequest || !window.FormData || !('upload' in new XMLHttpRequest())) return; /* a normal post */
      event.preventDefault();
      if (sending) return;
      sending = true;
      var button = form.querySelector('button[type="submit"]');
      button.disabled = true;
      var solved = startProof();
      if (form.getAttribute('data-altcha-state') === 'solving') status.textContent = status.getAttribute('data-waiting');
      solved.then(function () {
        status.textContent = '';
        upload(form, status, function () {
          sending = false;
          button.disabled = false;
        });
      });
    });
  }

  function upload(form, status, onFailure) {
    var progressBox = form.querySelector('[data-upload-progress]');
    var progress = progressBox && progressBox.querySelector('progress');
    var request = new XMLHttpRequest();
    request.open('POST', form.getAttribute('action'));
    request.setRequestHeader('X-Aduan-Upload', '1');
    if (progressBox) progressBox.hidden = false;
    request.upload.addEventListener('progress', function (event) {
      if (progress && event.lengthComputable) progress.value = Math.round((event.loaded / event.total) * 100);
    });
    request.addEventListener('load', function () {
      var type = request.getResponseHeader('content-type') || '';
      if (request.status === 200 && type.indexOf('application/json') === 0) {
        window.location.assign(JSON.parse(request.responseText).location);
        return;
      }
      if (type.indexOf('text/html') === 0) {
        showPage(request.responseText);
        return;
      }
      fail();
    });
    request.addEventListener('error', fail);
    request.addEventListener('abort', fail);
    request.send(new FormData(form));

    function fail() {
      if (progressBox) progressBox.hidden = true;
      status.textContent = status.getAttribute('data-failed');
      onFailure();
    }
  }

  /* A refused form (or an error page) comes back as a whole page: put its main part in place. */
  function showPage(html) {
    var next = new DOMParser().parseFromString(html, 'text/html');
    var main = document.querySelector('main');
    var nextMain = next.querySelector('main');
    if (!main || !nextMain) {
      document.documentElement.innerHTML = next.documentElement.innerHTML;
      return;
    }
    document.title = next.title;
    main.innerHTML = nextMain.innerHTML;
    window.scrollTo(0, 0);
    enhance(main);
  }

  function enhanceErrorSummary(root) {
    var summary = root.querySelector('[data-error-summary]');
    if (!summary) return;
    summary.focus();
    /* Move to the field itself, with its label in view, as GOV.UK's summary does. */
    summary.addEventListener('click', function (event) {
      var link = event.target.closest('a[href^="#"]');
      if (!link) return;
      var target = document.getElementById(link.getAttribute('href').slice(1));
      if (!target) return;
      event.preventDefault();
      var field = target.closest('.field') || target;
      field.scrollIntoView();
      target.focus({ preventScroll: true });
    });
  }

  function enhance(root) {
    enhanceErrorSummary(root);
    var form = root.querySelector('[data-complaint-form]');
    if (form) enhanceForm(form);
    var print = root.querySelector('[data-print]');
    if (print) {
      print.hidden = false;
      print.querySelector('button').addEventListener('click', function () { window.print(); });
    }
  }

  enhance(document);
})();
