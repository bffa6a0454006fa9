// The site identity page: the header's preview follows the colour fields as they change. Without
// this script the preview shows the colours of the last form sent (its stylesheet carries them).
(function () {
  'use strict';
  var preview = document.getElementById('identity-preview');
  if (!preview) {
    return;
  }
  var colour = /^#[0-9a-fA-F]{6}$/;
  var inputs = document.querySelectorAll('input[data-preview]');
  Array.prototype.forEach.call(inputs, function (input) {
    var show = function () {
      if (!colour.test(input.value)) {
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
