// Starts the app. It is a file of its own, not Trunk's inline start-up script, so the app runs
// under a Content Security Policy without 'unsafe-inline' (EMB-4). Paths resolve against this
// file, so the app works under any base path (EMB-1).
//
// If the app's own code cannot be fetched or started (the connection dropped, a proxy or a
// policy blocks wasm), the page says so in words instead of staying blank or busy (FAIL-1). The
// catalogues are in that code, so these are copies of three of their messages, in the language
// the app would have chosen (a saved choice, else the browser's); a test keeps them equal to the
// catalogues (src/i18n/mod.rs, `fail_1_boot_words_are_the_catalogues`).
const WORDS = {
  en: ["The console could not start","Its code could not be loaded. Check your connection and try again.","Try again"],
  nl: ["De console kon niet starten","De code kon niet worden geladen. Controleer de verbinding en probeer het opnieuw.","Opnieuw proberen"],
};

// The addresses whose screen asks for the accounts as it opens: Social Accounts, Rights
// Management, Instagram search and Streams, and the addresses that lead to them (src/domain/
// routes.rs, `place`; a native test there keeps this list equal to it).
const ACCOUNT_SCREENS = ['', '/settings', '/settings/network', '/settings/network/social-accounts', '/settings/network/rights-management', '/library', '/library/social-search', '/library/social-search/instagram', '/streams'];

// The console's first answers, asked for now rather than once the app's code has arrived and
// started (issue 9: on a real network its first requests left a round trip or more later than they
// could). The app's first request for each address takes the answer (src/api/early.rs). A guess
// that turns out wrong costs one request, never a wrong answer: the app asks for itself what it
// does not find here. An answer nobody has taken EARLY_KEPT_MS after the app started is dropped,
// so no screen opened later shows an answer older than it would have fetched itself.
const EARLY_KEPT_MS = 10000;
const early = new Map();
// Addresses the app asked for while this was still asking: not asked for here after that.
const asked = new Set();
let asking = true;
// 'starting', then 'started' or 'failed'.
let app = 'starting';
globalThis.__socialConsoleEarly = {
  // The answer for `url`, handed out once: `{ response, controller, at }` (`at`: when it was
  // asked for, on performance.now()'s clock), or undefined.
  take(url) {
    const key = new URL(url, document.baseURI).href;
    const entry = early.get(key);
    early.delete(key);
    if (asking) asked.add(key);
    if (entry) clearTimeout(entry.timer);
    return entry;
  },
};
askEarly()
  .catch(() => {
    // Nothing more asked for early: the app asks for the rest itself.
  })
  .finally(() => {
    asking = false;
    asked.clear();
  });

try {
  // Imported here rather than at the top, so that a file that cannot be fetched is caught below.
  const [{ default: init }, { screenFiles }] = await Promise.all([
    import('./social-token-console.js'),
    import('./__wasm_split.js'),
  ]);
  await start(init, screenFiles);
} catch (error) {
  appHasStarted(false);
  cannotStart();
  console.error('The console could not start:', error);
}

async function start(init, screenFiles) {
  // Opened straight onto a screen whose code is a chunk of its own (issue 9: Instagram search, saved
  // assets, streams, rights management; src/pages/lazy.rs), fetch that chunk now, together with
  // the main module, instead of after it: the app's `fetch` of each file takes the preloaded
  // response. The paths are those of src/app.rs, matched anywhere in the address so that any base
  // path or host page works; a wrong guess costs a download, never a wrong screen.
  const SCREENS = [
    ['/library/social-search', 'search'],
    ['/library/assets', 'assets'],
    ['/streams', 'streams'],
    ['/settings/network/rights-management', 'rights'],
  ];
  const path = location.pathname.replace(/\/+$/, '');
  const screen = path.endsWith('/library') ? 'search' : SCREENS.find(([p]) => path.includes(p))?.[1];
  // Social Accounts opened onto an account (`?account=`: a link from the bell or an e-mail, a
  // reload, the return from an authorization in the same tab) shows that account's details at
  // once: fetch their code (src/pages/social_accounts/panel.rs) with the main module too.
  const opensAccount = path.endsWith('/settings/network/social-accounts')
    && new URLSearchParams(location.search).has('account');
  const part = opensAccount ? 'account_panel' : screen;
  for (const file of screenFiles[part] ?? []) {
    const link = document.createElement('link');
    link.rel = 'preload';
    link.as = 'fetch';
    link.crossOrigin = 'anonymous';
    link.href = new URL(file, import.meta.url).href;
    document.head.append(link);
  }

  const started = init({ module_or_path: new URL('social-token-console_bg.wasm', import.meta.url) });

  // The browser compiles the wasm on other threads; meanwhile this one would wait. The first
  // Intl date formatter of a page loads the locale and time zone data (30 to 80 ms in Chromium,
  // then under 10 ms for another language), and every list of accounts or posts formats dates:
  // pay for it now rather than while the first list is drawn (issue 9).
  try {
    new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' }).format(0);
  } catch {
    // No Intl: the app's own formatting says so where it matters.
  }

  await started;
  appHasStarted(true);
}

// Asks for `url` as the app would, with an AbortController the app aborts through when the
// page that takes the answer goes away or its time runs out (FAIL-1). Null when the app has asked
// for it already.
function ask(url, init) {
  const key = new URL(url, document.baseURI).href;
  if (asked.has(key) || early.has(key) || app === 'failed') return null;
  const controller = new AbortController();
  const response = fetch(key, { ...init, signal: controller.signal });
  response.catch(() => {}); // Said by the app, if it takes it.
  const entry = { response, controller, at: performance.now(), timer: undefined };
  early.set(key, entry);
  if (app === 'started') keepFor(key, entry);
  return response;
}

// Drops `entry` if nobody has taken it EARLY_KEPT_MS from now.
function keepFor(key, entry) {
  entry.timer = setTimeout(() => {
    if (early.get(key) !== entry) return;
    early.delete(key);
    entry.controller.abort();
  }, EARLY_KEPT_MS);
}

// The app has started: what it has not taken yet is kept a while longer, for a screen whose
// code is still on its way. The app could not start: nobody will take anything.
function appHasStarted(started) {
  app = started ? 'started' : 'failed';
  for (const [key, entry] of early) {
    if (started) {
      keepFor(key, entry);
    } else {
      early.delete(key);
      entry.controller.abort();
    }
  }
}

// What the app asks for first (src/app.rs, `load_config`; src/api/client.rs, `exchange`): its
// configuration, the session, the accounts when the screen lists them, and the bell's
// notifications when the console draws its own top bar. The configuration's checks are the
// app's (src/config.rs); one this does not understand asks for nothing.
async function askEarly() {
  let config = inlineConfig();
  if (!config) {
    const response = await ask('config.json', {});
    if (!response?.ok) return;
    config = await response.clone().json();
  }
  const base = typeof config.api_base === 'string' ? config.api_base.trim().replace(/\/+$/, '') : '';
  if (!/^(\/(?!\/)|https?:\/\/)\S*$/.test(base)) return;
  const headers = { Accept: 'application/json' };
  if (typeof config.session_token === 'string' && config.session_token.trim()) {
    headers.Authorization = `Bearer ${config.session_token}`;
  }
  const init = { credentials: 'include', headers };
  ask(`${base}/session`, init);
  if (listsAccounts(config.base_path)) ask(`${base}/social-accounts`, init);
  if (config.mode == null || config.mode === 'standalone') ask(`${base}/notifications`, init);
}

// Whether the address is one of ACCOUNT_SCREENS under the base path: the configuration's, else
// the document's (src/config.rs).
function listsAccounts(basePath) {
  const base = (typeof basePath === 'string' ? basePath.trim() : new URL(document.baseURI).pathname).replace(/\/+$/, '');
  const path = location.pathname;
  const rest = path.startsWith(base) ? path.slice(base.length) : null;
  return (rest === '' || rest?.startsWith('/')) && ACCOUNT_SCREENS.includes(rest.replace(/\/+$/, ''));
}

// The language the app would have started in (src/components/i18n.rs, `initial_locale`).
function language() {
  const primary = (tag) => String(tag).split(/[-_]/)[0].toLowerCase();
  let saved = null;
  try {
    saved = localStorage.getItem('stc.locale');
  } catch {
    // Storage switched off: the browser's languages decide.
  }
  return [saved, ...(navigator.languages ?? [])].filter(Boolean).map(primary).find((l) => l in WORDS) ?? 'en';
}

// Says that the console could not start, where its placeholder (index.html) or the app would be;
// Try again loads the page again. Text only, no markup from strings.
function cannotStart() {
  const tag = language();
  const [title, body, retry] = WORDS[tag];
  const main = document.createElement('main');
  main.className = 'stc-content stc-config-error';
  main.id = 'stc-main';
  main.lang = tag;
  const heading = document.createElement('h1');
  heading.textContent = title;
  const alert = document.createElement('p');
  alert.setAttribute('role', 'alert');
  alert.textContent = body;
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'stc-button stc-button--primary';
  button.textContent = retry;
  button.addEventListener('click', () => location.reload());
  main.append(heading, alert, button);
  const placeholder = document.getElementById('stc-boot-static');
  if (placeholder) {
    placeholder.replaceWith(main);
  } else {
    mountTarget().append(main);
  }
}

// Where the app mounts (src/components/embed.rs, `mount_target`): the host's element named in
// its configuration, else #social-console-root, else <body>.
function mountTarget() {
  let id = 'social-console-root';
  try {
    const named = inlineConfig()?.host_element;
    if (typeof named === 'string' && named.trim()) id = named.trim();
  } catch {
    // A configuration that does not parse: the app would have said so; the default place serves.
  }
  const target = document.getElementById(id) ?? document.body;
  target.classList.add('stc-root');
  return target;
}

// The configuration a host page gives as JSON (src/app.rs, `CONFIG_ELEMENT_ID`), or null when it
// gives none. Throws when it is not JSON: the app says what is wrong with it.
function inlineConfig() {
  const element = document.getElementById('social-console-config');
  return element ? JSON.parse(element.textContent) : null;
}
