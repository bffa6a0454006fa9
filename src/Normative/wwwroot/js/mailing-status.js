// A mailing's progress while it is sending: the section is fetched again every few seconds and put
// in place, until the server says the mailing is finished; then the end is announced once. Without
// script, the section's refresh link does the same by hand.
(() => {
  const section = document.getElementById('mailing-progress');
  const announce = document.getElementById('mailing-announce');
  // data-refresh: seconds between looks while sending, 0 once the mailing is finished.
  const seconds = section ? Number(section.dataset.refresh) : 0;
  if (!(seconds > 0)) {
    return;
  }
  const delay = Math.max(1, seconds) * 1000;
  const tick = async () => {
    try {
      const response = await fetch(window.location.href, { credentials: 'same-origin', headers: { Accept: 'text/html' } });
      if (response.ok) {
        const page = new DOMParser().parseFromString(await response.text(), 'text/html');
        const fresh = page.getElementById('mailing-progress');
        if (fresh) {
          section.replaceChildren(...Array.from(fresh.childNodes, node => document.importNode(node, true)));
          if (!(Number(fresh.dataset.refresh) > 0)) {
            section.dataset.refresh = '0';
            if (announce && fresh.dataset.finishedText) {
              announce.textContent = fresh.dataset.finishedText;
            }
            return;
          }
        }
      }
    } catch (e) {
      // The server may be restarting: the next tick tries again.
    }
    setTimeout(tick, delay);
  };
  setTimeout(tick, delay);
})();
