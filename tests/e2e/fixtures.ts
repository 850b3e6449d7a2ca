// Shared end-to-end fixtures.
//
// - `standIn` (per worker): starts the stand-in server with --test-controls on its own port,
//   serving the built app from dist/, and offers its test controls (clock, reset, faults, ...).
// - `page` (per test): resets the demo network, signs in as `role` (default Admin), and fails the
//   test on any uncaught error, panic message or CSP violation in the browser console.
// - `expectAxeClean(page)`: runs axe-core (WCAG 2.2 AA rules) and fails on any violation.
import { test as base, expect, type Locator, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const root = path.resolve(__dirname, '../..');

export type Role = 'demo-admin' | 'demo-admin-2' | 'demo-moderator' | 'demo-curator' | null;

export type Fault = {
  path: string;
  method?: string;
  status?: number;
  delay_ms?: number;
  body?: 'malformed' | 'empty' | null;
  times?: number;
  /** Handle the call first (its work is kept), then delay or replace the answer. */
  after?: boolean;
};

export class StandIn {
  constructor(readonly url: string) {}

  private async call(method: string, route: string, body?: unknown): Promise<any> {
    const res = await fetch(this.url + route, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${route} -> ${res.status}: ${text}`);
    // Test controls answer in the API's envelope ({now, data}); callers get the data.
    const answer = text ? JSON.parse(text) : null;
    return answer && typeof answer === 'object' && 'data' in answer ? answer.data : answer;
  }

  reset(fixture: 'demo' | 'empty' | 'large' = 'demo', now?: string) {
    return this.call('POST', '/__test/reset', now ? { fixture, now } : { fixture });
  }
  resetWith(fixture_json: unknown) {
    return this.call('POST', '/__test/reset', { fixture_json });
  }
  setClock(now: string, frozen = true) {
    return this.call('PUT', '/__test/clock', { now, frozen });
  }
  clock(): Promise<{ now: string; frozen: boolean }> {
    return this.call('GET', '/__test/clock');
  }
  advance(seconds: number) {
    return this.call('POST', '/__test/clock/advance', { seconds });
  }
  fault(f: Fault) {
    return this.call('POST', '/__test/faults', f);
  }
  clearFaults() {
    return this.call('DELETE', '/__test/faults');
  }
  revoke(accountId: string, reason = 'revoked') {
    return this.call('POST', `/__test/accounts/${accountId}/revoke`, { reason });
  }
  expire(accountId: string) {
    return this.call('POST', `/__test/accounts/${accountId}/expire`);
  }
  exhaustQuota(accountId: string) {
    return this.call('POST', `/__test/accounts/${accountId}/exhaust-quota`);
  }
  /** The API requests the server saw since the last reset. */
  requests(): Promise<Array<{ method: string; path: string; query?: string; status: number; account_id?: string }>> {
    return this.call('GET', '/__test/requests');
  }
  rightsRequests(): Promise<any[]> {
    return this.call('GET', '/__test/rights-requests');
  }
  /** Calls the real API as a given demo user. */
  async api(method: string, route: string, role: Exclude<Role, null> = 'demo-admin', body?: unknown) {
    const res = await fetch(`${this.url}/api/v1${route}`, {
      method,
      headers: {
        authorization: `Bearer ${role}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: res.status, body: await res.json().catch(() => null) };
  }
}

/** Where the embedding specs find things (EMB-1, EMB-2): the app built for a sub-path
 *  (`trunk build --release --public-url /console/social/ --dist dist-sub`), served under it, and
 *  the example host pages (examples/host/) under /console/. */
export const EMBED = {
  appBase: '/console/social/',
  hostBase: '/console/',
  dist: process.env.APP_DIST_SUB ?? path.join(root, 'dist-sub'),
  hostDir: path.join(root, 'examples/host'),
};

/** The deployment's config.json for the embedded app: examples/host/app-config.json with this
 *  server's origin as the only host origin. */
function embedConfigFile(port: number): string {
  const config = JSON.parse(readFileSync(path.join(EMBED.hostDir, 'app-config.json'), 'utf8'));
  config.host_origin = `http://127.0.0.1:${port}`;
  const file = path.join(tmpdir(), `stc-embed-config-${port}.json`);
  writeFileSync(file, JSON.stringify(config));
  return file;
}

async function startStandIn(port: number, appBase: string, embedding = false): Promise<ChildProcess> {
  const bin = process.env.STAND_IN_BIN ?? path.join(root, 'target/debug/stand-in');
  const app = embedding
    ? ['--app-dir', EMBED.dist, '--app-base', EMBED.appBase, '--app-config', embedConfigFile(port),
        '--host-dir', EMBED.hostDir, '--host-base', EMBED.hostBase]
    : ['--app-dir', process.env.APP_DIST ?? path.join(root, 'dist'), '--app-base', appBase];
  const child = spawn(
    bin,
    ['--db', ':memory:', '--test-controls', '--port', String(port), ...app, '--app-origin', `http://127.0.0.1:${port}`],
    { stdio: ['ignore', 'ignore', process.env.E2E_SERVER_LOG ? 'inherit' : 'ignore'] },
  );
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`stand-in exited with ${child.exitCode}`);
    try {
      const res = await fetch(`http://127.0.0.1:${port}/__test/clock`);
      if (res.ok) return child;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  child.kill();
  throw new Error('stand-in did not start within 15 s');
}

/** Console messages that mean the app broke, whatever the test was looking at. */
function isBreakage(text: string): boolean {
  return /panicked at|RuntimeError|unreachable|Content Security Policy|Refused to (execute|load|apply|connect)/i.test(text);
}

type WorkerFixtures = { standIn: StandIn; embedding: boolean };
type TestFixtures = { role: Role; consoleErrors: string[]; allowConsoleErrors: RegExp[] };

export const test = base.extend<TestFixtures, WorkerFixtures>({
  // `test.use({ embedding: true })`: the stand-in serves the sub-path build and the example host
  // pages instead (EMBED), on ports 10 above the others.
  embedding: [false, { scope: 'worker', option: true }],
  standIn: [
    async ({ embedding }, use, workerInfo) => {
      const port = Number(process.env.E2E_PORT_BASE ?? 8790) + (embedding ? 10 : 0) + workerInfo.parallelIndex;
      const child = await startStandIn(port, '/', embedding);
      await use(new StandIn(`http://127.0.0.1:${port}`));
      child.kill();
    },
    { scope: 'worker' },
  ],
  role: ['demo-admin', { option: true }],
  allowConsoleErrors: [[], { option: true }],
  baseURL: async ({ standIn }, use) => use(standIn.url),
  consoleErrors: async ({}, use) => use([]),
  page: async ({ page, standIn, role, consoleErrors, allowConsoleErrors }, use) => {
    await standIn.reset('demo');
    if (role) {
      await page.context().addCookies([
        { name: 'console_session', value: role, domain: '127.0.0.1', path: '/' },
      ]);
    }
    page.on('pageerror', (e) => consoleErrors.push(`pageerror: ${e.message}`));
    page.on('console', (m) => {
      const text = m.text();
      // Failed requests the test provoked on purpose (faults) are logged by the browser as errors;
      // those are expected. Anything that means the app itself broke is not.
      if (isBreakage(text) || (m.type() === 'error' && !/Failed to load resource/.test(text))) {
        if (!allowConsoleErrors.some((re) => re.test(text))) consoleErrors.push(`${m.type()}: ${text}`);
      }
    });
    await use(page);
    expect(consoleErrors, 'the browser console shows no uncaught error, panic or CSP violation').toEqual([]);
  },
});

export { expect };

export async function expectAxeClean(page: Page, context?: string) {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
    .analyze();
  const summary = results.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
  expect(summary, `axe-core violations${context ? ` (${context})` : ''}`).toEqual([]);
}

/**
 * Closes the open modal `dialog` and clicks `opener` in the same task, before the browser fires
 * the dialog's `close` event: what a person gets from Escape and then at once Enter on the button
 * focus went back to. The late `close` event must not empty or close the dialog opened again.
 */
export async function closeAndReopenAtOnce(dialog: Locator, opener: Locator) {
  const button = await opener.elementHandle();
  await dialog.evaluate((d, b) => {
    (d as HTMLDialogElement).close();
    (b as HTMLElement).click();
  }, button);
}

/**
 * `inner` sits inside `dialog`'s padding, not against its edge: every dialog keeps its own frame
 * (the View Details rules, once unscoped, took the padding from all of them).
 */
export async function expectInset(dialog: Locator, inner: Locator, min = 16) {
  const outer = await dialog.boundingBox();
  const box = await inner.boundingBox();
  expect(outer, 'the dialog is laid out').not.toBeNull();
  expect(box, 'its content is laid out').not.toBeNull();
  expect(box!.x - outer!.x, 'space between the dialog\'s left edge and its content').toBeGreaterThanOrEqual(min);
  expect(box!.y - outer!.y, 'space between the dialog\'s top edge and its content').toBeGreaterThanOrEqual(min);
}

/**
 * The contrast ratio of `field`'s border against the colours on both sides of it (its own
 * background and its container's): WCAG 1.4.11 asks 3:1 of what shows where a control is.
 */
export async function borderContrast(field: Locator): Promise<number> {
  return field.evaluate((node) => {
    const rgba = (c: string) => (c.match(/[\d.]+/g) ?? []).map(Number);
    const luminance = ([r, g, b]: number[]) => {
      const f = (v: number) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
      return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
    };
    const background = (from: Element | null) => {
      for (let e = from; e; e = e.parentElement) {
        const c = rgba(getComputedStyle(e).backgroundColor);
        if (c.length === 3 || (c.length === 4 && c[3] > 0)) return c;
      }
      return [255, 255, 255];
    };
    const ratio = (a: number[], b: number[]) => {
      const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
      return (hi + 0.05) / (lo + 0.05);
    };
    const border = rgba(getComputedStyle(node).borderTopColor);
    return Math.min(ratio(border, background(node)), ratio(border, background(node.parentElement)));
  });
}
