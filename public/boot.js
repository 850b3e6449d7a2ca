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

try {
  // Imported here rather than at the top, so that a file that cannot be fetched is caught below.
  const [{ default: init }, { screenFiles }] = await Promise.all([
    import('./social-token-console.js'),
    import('./__wasm_split.js'),
  ]);
  await start(init, screenFiles);
} catch (error) {
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
    const named = JSON.parse(document.getElementById('social-console-config')?.textContent ?? '{}').host_element;
    if (typeof named === 'string' && named.trim()) id = named.trim();
  } catch {
    // A configuration that does not parse: the app would have said so; the default place serves.
  }
  const target = document.getElementById(id) ?? document.body;
  target.classList.add('stc-root');
  return target;
}
