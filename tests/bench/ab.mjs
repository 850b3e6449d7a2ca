// Two builds of the app, side by side (issue 9): alternating loads of Social Accounts with 1,000
// accounts, each build served by a stand-in of its own with the same frozen fixture, in one
// browser. For a change's before and after when the difference is smaller than what separates two
// sittings of `bin/bench` (round 10 of docs/performance.md decided three changes this way).
// Run through `bin/bench ab DIR_A DIR_B`; writes target/reports/bench-ab.json and prints a table.
//
// Times are from navigation start: the browser's `first-paint` (anything at all on the page:
// index.html's placeholder), then the app's own marks: `stc:accounts:data` (the accounts'
// answer decoded), `stc:accounts:rendered` (the first cards' frame), `stc:accounts:complete`
// (every card drawn, the frame after).
//
// Environment: AB_RUNS (loads per build, default 12), AB_LATENCY (ms; with it, Chromium emulates
// that latency and 20 Mbit/s down, 10 up), AB_WARM=1 (measure a reload, the HTTP cache warm),
// AB_PORT (default 8801; B gets the next), CHROMIUM, STAND_IN_BIN.
import { chromium } from 'playwright';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const [dirA, dirB] = process.argv.slice(2).map((d) => path.resolve(d));
if (!dirA || !dirB || ![dirA, dirB].every((d) => fs.existsSync(path.join(d, 'index.html')))) {
  console.error('usage: bin/bench ab DIR_A DIR_B (two release builds: trunk build --release --dist DIR)');
  process.exit(2);
}
const RUNS = Number(process.env.AB_RUNS ?? 12);
const LATENCY = process.env.AB_LATENCY ? Number(process.env.AB_LATENCY) : null;
const WARM = process.env.AB_WARM === '1';
const PORT = Number(process.env.AB_PORT ?? 8801);
const STAND_IN = process.env.STAND_IN_BIN ?? path.join(root, 'target/release/stand-in');
const MARKS = ['first-paint', 'stc:accounts:data', 'stc:accounts:rendered', 'stc:accounts:complete'];
const PAGE = '/settings/network/social-accounts';

const builds = [
  { name: 'A', dir: dirA, port: PORT, samples: [] },
  { name: 'B', dir: dirB, port: PORT + 1, samples: [] },
];

async function serve(build) {
  const origin = `http://127.0.0.1:${build.port}`;
  build.server = spawn(STAND_IN, ['--db', ':memory:', '--test-controls', '--port', String(build.port),
    '--app-dir', build.dir, '--app-base', '/', '--app-origin', origin], { stdio: 'ignore' });
  const deadline = Date.now() + 15_000;
  for (;;) {
    try {
      const res = await fetch(`${origin}/__test/reset`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ fixture: 'large', frozen: true }),
      });
      if (res.ok) return;
    } catch { /* not up yet */ }
    if (Date.now() > deadline) throw new Error(`the stand-in for ${build.dir} did not start`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function load(browser, build) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-US' });
  try {
    await context.addCookies([{ name: 'console_session', value: 'demo-admin', domain: '127.0.0.1', path: '/' }]);
    await context.route(/^https?:\/\/(?!127\.0\.0\.1)/, (r) => r.abort()); // avatars: no DNS waits
    const page = await context.newPage();
    if (LATENCY !== null) {
      const cdp = await context.newCDPSession(page);
      await cdp.send('Network.enable');
      await cdp.send('Network.emulateNetworkConditions', {
        offline: false, latency: LATENCY, downloadThroughput: 20e6 / 8, uploadThroughput: 10e6 / 8,
      });
    }
    const complete = () => page.waitForFunction(
      () => performance.getEntriesByName('stc:accounts:complete').length > 0, null, { timeout: 30_000 });
    await page.goto(`http://127.0.0.1:${build.port}${PAGE}`);
    if (WARM) {
      await complete();
      await page.reload();
    }
    await complete();
    return await page.evaluate((marks) => marks.map((m) => performance.getEntriesByName(m)[0]?.startTime ?? NaN), MARKS);
  } finally {
    await context.close();
  }
}

const median = (xs) => {
  const s = xs.filter(Number.isFinite).sort((a, b) => a - b);
  return s.length ? s[Math.floor(s.length / 2)] : NaN;
};
const range = (xs) => `${Math.round(Math.min(...xs))}–${Math.round(Math.max(...xs))}`;

await Promise.all(builds.map(serve));
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium' });
try {
  for (let i = 0; i < RUNS; i++) {
    // A then B, then B then A: neither build always goes first.
    for (const build of i % 2 ? [...builds].reverse() : builds) build.samples.push(await load(browser, build));
  }
} finally {
  await browser.close();
  builds.forEach((b) => b.server?.kill());
}

const rows = [['first paint', 0], ['data decoded', 1], ['first cards drawn', 2], ['all cards drawn', 3]];
const report = {
  runs: RUNS, latency_ms: LATENCY, warm: WARM, page: PAGE, fixture: 'large',
  builds: builds.map(({ name, dir, samples }) => ({ name, dir, samples })),
  medians: Object.fromEntries(builds.map(({ name, samples }) =>
    [name, Object.fromEntries(MARKS.map((m, i) => [m, median(samples.map((s) => s[i]))]))])),
};
fs.mkdirSync(path.join(root, 'target/reports'), { recursive: true });
fs.writeFileSync(path.join(root, 'target/reports/bench-ab.json'), JSON.stringify(report, null, 2));

console.log(`\n${RUNS} alternating loads per build of ${PAGE} (1,000 accounts)` +
  `${LATENCY !== null ? `, ${LATENCY} ms latency, 20 Mbit/s` : ''}${WARM ? ', HTTP cache warm' : ''}; ms from navigation start, median (range):\n`);
console.log(`| | A: ${dirA} | B: ${dirB} | B − A |`);
console.log('|---|---:|---:|---:|');
for (const [label, i] of rows) {
  const [a, b] = builds.map((build) => build.samples.map((s) => s[i]));
  console.log(`| ${label} | ${median(a).toFixed(1)} (${range(a)}) | ${median(b).toFixed(1)} (${range(b)}) | ${(median(b) - median(a)).toFixed(1)} |`);
}
const cards = builds.map((build) => build.samples.map((s) => s[3] - s[1]));
console.log(`| cards alone (all drawn − data) | ${median(cards[0]).toFixed(1)} | ${median(cards[1]).toFixed(1)} | ${(median(cards[1]) - median(cards[0])).toFixed(1)} |`);
console.log('\n[bench] wrote target/reports/bench-ab.json');
