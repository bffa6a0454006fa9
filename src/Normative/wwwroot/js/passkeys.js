// Passkeys: a form marked data-passkey="create" (the account page) or "get" (sign-in) asks the
// server for WebAuthn options, lets the browser create or use a passkey, and sends the result in
// the form's credential field. Without this script (or WebAuthn) the forms say so and do nothing.
(function () {
  'use strict';
  var supported = !!(window.PublicKeyCredential && navigator.credentials &&
    PublicKeyCredential.parseCreationOptionsFromJSON && PublicKeyCredential.parseRequestOptionsFromJSON);
  document.querySelectorAll('form[data-passkey]').forEach(function (form) {
    var status = form.querySelector('[data-passkey-status]');
    var field = form.querySelector('input[data-passkey-credential]');
    var say = function (text) {
      if (status) {
        status.textContent = text;
        status.hidden = false;
      }
    };
    if (!supported) {
      say(form.dataset.unsupported);
      form.querySelectorAll('button').forEach(function (b) { b.disabled = true; });
      return;
    }
    form.addEventListener('submit', function (event) {
      var name = form.querySelector('input[data-passkey-name]');
      if (field.value || (name && !name.value.trim())) {
        return; // the credential is in, or the server is to say what is missing
      }
      event.preventDefault();
      var token = form.querySelector('input[name="__RequestVerificationToken"]');
      fetch(form.dataset.options, {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'RequestVerificationToken': token ? token.value : '' }
      }).then(function (response) {
        if (!response.ok) {
          throw new Error('options ' + response.status);
        }
        return response.json();
      }).then(function (options) {
        return form.dataset.passkey === 'create'
          ? navigator.credentials.create({ publicKey: PublicKeyCredential.parseCreationOptionsFromJSON(options) })
          : navigator.credentials.get({ publicKey: PublicKeyCredential.parseRequestOptionsFromJSON(options) });
      }).then(function (credential) {
        field.value = JSON.stringify(credential);
        form.submit();
      }).catch(function () {
        say(form.dataset.failed);
      });
    });
  });
})();
