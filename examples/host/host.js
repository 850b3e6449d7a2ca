// The host's side of the iframe embedding (examples/host/framed/): loads the app's route named by
// the host's own address (deep links), sizes the iframe to the app's content and mirrors the
// app's route into the host's address. Messages are taken only from the app's frame on the
// expected origin. A file of its own: the host page runs under a strict CSP too (EMB-4).
const HOST_BASE = '/console/framed';
const APP_BASE = '/console/social';
const MESSAGE_TYPE = 'social-console:state';

const frame = document.getElementById('social-console-frame');
const shown = document.getElementById('lf-route');
const rest = location.pathname.startsWith(HOST_BASE) ? location.pathname.slice(HOST_BASE.length) : '';
frame.src = APP_BASE + (rest.startsWith('/') ? rest : '/' + rest) + location.search;

function markTab(path) {
  for (const tab of document.querySelectorAll('.lf-topbar__tab[data-prefix]')) {
    const prefix = tab.dataset.prefix;
    if (path === prefix || path.startsWith(prefix + '/') || path.startsWith(prefix + '?')) {
      tab.setAttribute('aria-current', 'page');
    } else {
      tab.removeAttribute('aria-current');
    }
  }
}

window.addEventListener('message', (event) => {
  if (event.origin !== location.origin || event.source !== frame.contentWindow) return;
  const data = event.data;
  if (!data || data.type !== MESSAGE_TYPE) return;
  if (Number.isFinite(data.height) && data.height > 0) {
    frame.style.height = `${Math.min(data.height, 20000)}px`;
  }
  if (typeof data.path === 'string' && data.path.startsWith('/') && !data.path.startsWith('//')) {
    const url = HOST_BASE + data.path;
    if (url !== location.pathname + location.search) history.replaceState(null, '', url);
    shown.textContent = data.path;
    markTab(data.path);
  }
});
