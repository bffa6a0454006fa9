// The site identity page: the header's preview follows the colour fields as they change, showing
// only colours the site would accept (white text and links at 4.5:1 at least, as IdentityRules
// checks), so the page itself never shows unreadable text. Without this script the preview shows
// the accepted colours of the last form sent (its stylesheet carries them).
(function () {
  'use strict';
  var preview = document.getElementById('identity-preview');
  if (!preview) {
    return;
  }
  var colour = /^#[0-9a-fA-F]{6}$/;
  var channel = function (hex) {
    var c = parseInt(hex, 16) / 255;
    return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
  };
  var readableWithWhite = function (value) {
    var l = 0.2126 * channel(value.substr(1, 2)) + 0.7152 * channel(value.substr(3, 2)) + 0.0722 * channel(value.substr(5, 2));
    return 1.05 / (l + 0.05) >= 4.5;
  };
  var inputs = document.querySelectorAll('input[data-preview]');
  Array.prototype.forEach.call(inputs, function (input) {
    var show = function () {
      if (!colour.test(input.value) || !readableWithWhite(input.value)) {
        return;
      }
      preview.style.setProperty(input.getAttribute('data-preview'), input.value);
      if (input.getAttribute('data-preview') === '--navy') {
        preview.style.setProperty('--navy-2', input.value);
      }
    };
    input.addEventListener('input', show);
    input.addEventListener('change', show);
  });
})();
