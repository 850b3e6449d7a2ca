// Starts the app. It is a file of its own, not Trunk's inline start-up script, so the app runs
// under a Content Security Policy without 'unsafe-inline' (EMB-4). Paths resolve against this
// file, so the app works under any base path (EMB-1).
import init from './social-token-console.js';

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
