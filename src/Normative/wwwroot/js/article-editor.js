// The article editor's live preview: the Markdown is rendered (and sanitized) by the server as the
// Editor types, a moment after they pause. Without script the Preview button does the same.
(() => {
  const form = document.querySelector('form[data-live-preview]');
  const body = form && form.querySelector('#Input_Body');
  const region = document.getElementById('live-preview');
  const output = document.getElementById('live-preview-body');
  if (!form || !body || !region || !output) {
    return;
  }
  const token = form.querySelector('input[name=__RequestVerificationToken]');
  let timer;
  let pending;
  const refresh = async () => {
    if (pending) {
      pending.abort();
    }
    pending = new AbortController();
    const data = new FormData();
    data.append('__RequestVerificationToken', token ? token.value : '');
    data.append('body', body.value);
    try {
      const response = await fetch(form.dataset.livePreview, { method: 'POST', body: data, signal: pending.signal, credentials: 'same-origin' });
      if (response.ok) {
        // The server's HTML has been through the same sanitizer as a published article.
        output.innerHTML = await response.text();
        region.hidden = false;
      }
    } catch (e) {
      if (e.name !== 'AbortError') {
        region.hidden = true;
      }
    }
  };
  body.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(refresh, 400);
  });
  if (body.value.trim() !== '') {
    refresh();
  }
})();
