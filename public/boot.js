// Starts the app. It is a file of its own, not Trunk's inline start-up script, so the app runs
// under a Content Security Policy without 'unsafe-inline' (EMB-4). Paths resolve against this
// file, so the app works under any base path (EMB-1).
import init from './social-token-console.js';

await init({ module_or_path: new URL('social-token-console_bg.wasm', import.meta.url) });
