// Starts the app. It is a file of its own, not Trunk's inline start-up script, so the app runs
// under a Content Security Policy without 'unsafe-inline' (EMB-4). Paths resolve against this
// file, so the app works under any base path (EMB-1).
import init from './social-token-console.js';
import { screenFiles } from './__wasm_split.js';

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
