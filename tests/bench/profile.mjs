// Where a list's time goes (issue 9): one load of Social Accounts or of the search grid under
// Chromium's sampling CPU profiler, summed by function. Run through `bin/bench profile`, which
// serves the release build with a wasm that keeps its function names (see bin/bench), so the
// app's and Leptos' functions show by name. Writes target/reports/bench-profile-<list>.txt.
//
// A profile is one load on a shared machine: read it for proportions (what dominates, what a
// change removed), and take the benchmark's medians for the numbers.
import fs from 'node:fs';
import path from 'node:path';

const SAMPLE_US = 200;
const TOP = 40;

const short = (name) => name.replace(/::h[0-9a-f]{16}$/, '').replace(/\[[0-9a-f]{16}\]/g, '');

/** Self and inclusive milliseconds per function name (a recursive name counts once a sample). */
function summarise(profile) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const self = new Map();
  const inclusive = new Map();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const ms = profile.timeDeltas[i] / 1000;
    total += ms;
    const name = (n) => short(n.callFrame.functionName || `(${n.callFrame.url.split('/').pop() || 'native'})`);
    const leaf = byId.get(id);
    self.set(name(leaf), (self.get(name(leaf)) ?? 0) + ms);
    const seen = new Set();
    for (let at = id; at !== undefined; at = parent.get(at)) {
      const k = name(byId.get(at));
      if (!seen.has(k)) {
        seen.add(k);
        inclusive.set(k, (inclusive.get(k) ?? 0) + ms);
      }
    }
  });
  const sorted = (m) => [...m].sort((a, b) => b[1] - a[1]);
  return { total, self: sorted(self), inclusive: sorted(inclusive) };
}

const table = (rows) => rows.map(([k, ms]) => `${ms.toFixed(1).padStart(8)} ms  ${k.slice(0, 160)}`).join('\n');

/**
 * Profiles one load of `list` and writes the report. `tools` are the benchmark's own helpers
 * (newPage, reset, waitDone) and settings (ORIGIN, REPORTS), so both measure the same page.
 */
export async function profileList(browser, name, list, tools) {
  const { newPage, reset, waitDone, ORIGIN, REPORTS } = tools;
  await reset(list.fixture);
  const { context, page, problems } = await newPage(browser, { card: list.card, count: list.count, clickMore: true });
  try {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: SAMPLE_US });
    await cdp.send('Profiler.start');
    await page.goto(ORIGIN + list.url, { waitUntil: 'commit' });
    const listMs = await waitDone(page, `profile ${list.url}`);
    const { profile } = await cdp.send('Profiler.stop');
    const resources = await page.evaluate(() => performance.getEntriesByType('resource')
      .map((r) => `${String(Math.round(r.startTime)).padStart(6)} → ${String(Math.round(r.responseEnd)).padStart(6)} ms  ${r.name.replace(location.origin, '')}`));
    const s = summarise(profile);
    const app = s.inclusive.filter(([k]) => /social_token_console|tachys|reactive_graph|leptos|serde|api_types/.test(k));
    const text = [
      `# ${name}: one load, complete list painted at ${Math.round(listMs)} ms (CPU sampled ${Math.round(s.total)} ms)`,
      problems.length ? `\nconsole problems: ${problems.join('; ')}` : '',
      '\n## Requests (start → response end, from navigation start)\n',
      resources.join('\n'),
      `\n\n## Self time, top ${TOP} ("(program)" is the browser's own work: parsing, style, layout, paint)\n`,
      table(s.self.slice(0, TOP)),
      `\n\n## Inclusive time of the app's and Leptos' functions, top ${TOP}\n`,
      table(app.slice(0, TOP)),
      '',
    ].join('\n');
    const file = path.join(REPORTS, `bench-profile-${name}.txt`);
    fs.writeFileSync(file, text);
    // The whole profile too, for DevTools' Performance panel (Load profile).
    fs.writeFileSync(file.replace(/\.txt$/, '.cpuprofile'), JSON.stringify(profile));
    return { list_ms: listMs, sampled_ms: s.total, report: file };
  } finally {
    await context.close();
  }
}
