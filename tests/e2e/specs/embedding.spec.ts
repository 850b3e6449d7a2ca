// Embedding in the Livefyre console (EMB-1..4): the app built for /console/social/, the example
// host pages of examples/host/ (the console's top bar) embedding it in a host element (routes under
// /console/element/) and in an iframe (the app under /console/social/, the host page under
// /console/framed/), all served by the stand-in under a strict CSP.
import { test, expect, expectAxeClean, EMBED } from '../fixtures';
import type { FrameLocator, Locator, Page } from '@playwright/test';

test.use({ embedding: true });

type Scope = Locator | FrameLocator;

const SCREENS: Array<{ name: string; path: string; shows: (app: Scope) => Promise<void> }> = [
  {
    name: 'Settings › Social Accounts',
    path: '/settings/network/social-accounts',
    shows: async (app) => {
      await expect(app.getByRole('heading', { level: 2, name: 'Social Accounts' })).toBeVisible();
      await expect(app.getByText('Hurray', { exact: true }).first()).toBeVisible();
    },
  },
  {
    name: 'Library › Social Search',
    path: '/library/social-search/instagram',
    shows: async (app) => {
      await expect(app.getByRole('heading', { level: 1, name: 'Library' })).toBeVisible();
      await expect(app.getByRole('heading', { level: 2, name: 'Instagram' })).toBeVisible();
    },
  },
  {
    name: 'Streams',
    path: '/streams',
    shows: async (app) => {
      await expect(app.getByRole('heading', { level: 1, name: 'Streams' })).toBeVisible();
      await expect(app.getByText('Summer UGC').first()).toBeVisible();
    },
  },
  {
    name: 'Settings › Rights Management',
    path: '/settings/network/rights-management',
    shows: async (app) => {
      await expect(app.getByRole('heading', { level: 2, name: 'Rights Management' })).toBeVisible();
    },
  },
];

const ELEMENT = '/console/element';
const FRAMED = '/console/framed';
const APP = EMBED.appBase.replace(/\/$/, ''); // /console/social

const element = (page: Page) => page.locator('#social-console-root');
const framed = (page: Page) => page.frameLocator('#social-console-frame');

/** Spies on postMessage (EMB-2). In a frame, `window.parent` is replaced by a proxy whose
 *  postMessage records the call and forwards it from the frame's own realm (so the host still
 *  sees the frame as the message's source; wrapping the host's own postMessage would not), the
 *  frame's own postMessage is recorded too, and the top page records every message it receives. */
async function spyOnPostMessage(page: Page) {
  await page.addInitScript(() => {
    const sent: Array<{ origin: unknown; type: unknown }> = [];
    const received: Array<{ origin: string; type: unknown }> = [];
    Object.defineProperty(window, '__stcPosts', { value: sent });
    Object.defineProperty(window, '__stcReceived', { value: received });
    const targetOf = (options: any) => (typeof options === 'string' ? options : options?.targetOrigin ?? '/');
    if (window.top !== window) {
      const own = window.postMessage;
      window.postMessage = function (this: Window, message: any, options?: any, transfer?: any) {
        sent.push({ origin: targetOf(options), type: message?.type });
        return (own as any).call(this, message, options, transfer);
      } as typeof window.postMessage;
      const parent = window.parent;
      const post = (message: any, options?: any, transfer?: any) => {
        sent.push({ origin: targetOf(options), type: message?.type });
        return (parent.postMessage as any)(message, options, transfer);
      };
      const proxy = new Proxy(parent, {
        get: (target, prop) => (prop === 'postMessage' ? post : Reflect.get(target, prop)),
      });
      Object.defineProperty(window, 'parent', { get: () => proxy, configurable: true });
    } else {
      window.addEventListener('message', (e) => received.push({ origin: e.origin, type: e.data?.type }));
    }
  });
}

/** What the app's frame posted, and what the host page received. */
async function posts(page: Page) {
  const frame = page.frames().find((f) => f.url().includes(APP + '/'));
  const sent: Array<{ origin: string; type: string }> = frame ? await frame.evaluate(() => (window as any).__stcPosts) : [];
  const received: Array<{ origin: string; type: string }> = await page.evaluate(() => (window as any).__stcReceived);
  return { sent, received };
}

async function appHrefs(scope: Locator): Promise<string[]> {
  return scope.locator('a[href]').evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
}

test('EMB-1 EMB-2 in a host element: every screen under the sub-path, only the content area, deep links reload', async ({ page }) => {
  const requested: string[] = [];
  page.on('request', (r) => requested.push(new URL(r.url()).pathname));
  for (const screen of SCREENS) {
    await test.step(screen.name, async () => {
      await page.goto(ELEMENT + screen.path);
      await screen.shows(element(page));
      // The host's chrome, not the app's: the app draws only its content, inside the host element.
      await expect(page.locator('.lf-topbar')).toBeVisible();
      await expect(page.locator('.stc-topbar')).toHaveCount(0);
      await expect(element(page).locator('#stc-main')).toHaveCount(1);
      await expect(page.locator('body > .stc-app, body > main')).toHaveCount(0);
      for (const href of await appHrefs(element(page))) {
        if (href.startsWith('/')) expect(href, 'links stay under the base path').toMatch(/^\/console\/element\//);
      }
      await page.reload();
      await expect(page).toHaveURL(ELEMENT + screen.path);
      await screen.shows(element(page));
    });
  }
  // Assets come from the app's sub-path, API calls from the configured api_base.
  const assets = requested.filter((p) => /\.(js|wasm|css)$/.test(p));
  expect(assets).toEqual(expect.arrayContaining([
    `${APP}/boot.js`, `${APP}/social-token-console.js`, `${APP}/social-token-console_bg.wasm`, `${APP}/app.css`,
  ]));
  expect(assets.filter((p) => !p.startsWith('/console/'))).toEqual([]);
  expect(requested).toContain('/api/v1/session');
});

test('EMB-1 in a host element the host\'s links and the app\'s move between screens without reloading the host page', async ({ page }) => {
  await page.goto(ELEMENT + '/settings/network/social-accounts');
  await SCREENS[0].shows(element(page));
  await page.evaluate(() => ((window as any).__sameDocument = true));
  await page.locator('.lf-topbar').getByRole('link', { name: 'Streams' }).click();
  await expect(page).toHaveURL(ELEMENT + '/streams');
  await SCREENS[2].shows(element(page));
  await page.locator('.lf-topbar').getByRole('link', { name: 'Settings' }).click();
  await element(page).getByRole('link', { name: 'Rights Management' }).click();
  await expect(page).toHaveURL(ELEMENT + '/settings/network/rights-management');
  await SCREENS[3].shows(element(page));
  expect(await page.evaluate(() => (window as any).__sameDocument)).toBe(true);
  await page.goBack();
  await expect(page).toHaveURL(ELEMENT + '/settings/network/social-accounts');
  await SCREENS[0].shows(element(page));
});

test('EMB-1 EMB-2 in an iframe: every screen under the sub-path, only the content area, the host told its route and height, deep links reload', async ({ page, standIn }) => {
  for (const screen of SCREENS) {
    await test.step(screen.name, async () => {
      await page.goto(FRAMED + screen.path);
      const app = framed(page);
      await screen.shows(app);
      await expect(page.locator('.lf-topbar')).toBeVisible();
      await expect(app.locator('.stc-topbar')).toHaveCount(0);
      const frame = page.frames().find((f) => f.url().startsWith(standIn.url + APP + '/'));
      expect(frame?.url()).toBe(standIn.url + APP + screen.path);
      // The host heard the route (and mirrors it in its own address) and sized the frame.
      await expect(page.locator('#lf-route')).toHaveText(screen.path);
      await expect(page).toHaveURL(FRAMED + screen.path);
      for (const href of await appHrefs(app.locator('body'))) {
        if (href.startsWith('/')) expect(href, 'links stay under the base path').toMatch(/^\/console\/social\//);
      }
      await expect
        .poll(async () => {
          const content = await frame!.evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height));
          const box = await page.locator('#social-console-frame').boundingBox();
          return Math.abs((box?.height ?? 0) - content);
        })
        .toBeLessThanOrEqual(1);
      await page.reload();
      await screen.shows(framed(page));
    });
  }
  // A move inside the app reaches the host's address, so a reload of the host comes back to it.
  await page.goto(FRAMED + '/settings/network/social-accounts');
  await framed(page).getByRole('link', { name: 'Rights Management' }).click();
  await expect(page.locator('#lf-route')).toHaveText('/settings/network/rights-management');
  await expect(page).toHaveURL(FRAMED + '/settings/network/rights-management');
  await page.reload();
  await SCREENS[3].shows(framed(page));
});

test.describe('postMessage', () => {
  test.use({ allowConsoleErrors: [/target origin provided .* does not match the recipient window's origin/] });

  test('EMB-2 the app posts its route and height only to the configured host origin, never "*"', async ({ page, standIn }) => {
    await spyOnPostMessage(page);
    await page.goto(FRAMED + '/streams');
    await SCREENS[2].shows(framed(page));
    await page.goto(FRAMED + '/settings/network/social-accounts');
    await framed(page).getByRole('link', { name: 'Rights Management' }).click();
    await expect(page.locator('#lf-route')).toHaveText('/settings/network/rights-management');
    let seen = await posts(page);
    expect(seen.sent.length).toBeGreaterThan(0);
    expect(seen.sent.every((p) => p.type === 'social-console:state')).toBe(true);
    expect(seen.sent.map((p) => p.origin)).toEqual(seen.sent.map(() => standIn.url));
    expect(seen.received.map((p) => p.origin)).toEqual(seen.received.map(() => standIn.url));

    // Configured with another origin, the app still addresses only that one: the host hears nothing.
    const other = standIn.url.replace('127.0.0.1', 'localhost');
    await page.route(`**${APP}/config.json`, async (route) => {
      const response = await route.fetch();
      const config = await response.json();
      await route.fulfill({ response, json: { ...config, host_origin: other } });
    });
    await page.goto(FRAMED + '/streams');
    await SCREENS[2].shows(framed(page));
    await expect.poll(async () => (await posts(page)).sent.length).toBeGreaterThan(0);
    seen = await posts(page);
    expect(seen.sent.map((p) => p.origin)).toEqual(seen.sent.map(() => other));
    expect(seen.received).toEqual([]);
    await expect(page.locator('#lf-route')).toHaveText('');

    // Without a host_origin it posts nothing at all.
    await page.unrouteAll();
    await page.route(`**${APP}/config.json`, async (route) => {
      const response = await route.fetch();
      const { host_origin: _dropped, ...config } = await response.json();
      await route.fulfill({ response, json: config });
    });
    await page.goto(FRAMED + '/streams');
    await SCREENS[2].shows(framed(page));
    seen = await posts(page);
    expect(seen.sent).toEqual([]);
    expect(seen.received).toEqual([]);
  });
});

test('EMB-2 a host theme override is visibly applied, in a host element and in an iframe', async ({ page }) => {
  const green = 'rgb(11, 110, 79)';
  // Standalone under the same sub-path, the app keeps its own look: the theme is the host's doing.
  await page.route(`**${APP}/config.json`, (route) =>
    route.fulfill({ json: { api_base: '/api/v1', sign_in_url: '/auth/sign-in' } }),
  );
  await page.goto(APP + '/settings/network/social-accounts');
  const own = page.getByRole('button', { name: 'Add Account' }).first();
  await expect(own).toBeVisible();
  await expect(own).not.toHaveCSS('background-color', green);
  await page.unroute(`**${APP}/config.json`);

  // Host element: the host's CSS sets --stc-* on the element the app mounts into.
  await page.goto(ELEMENT + '/settings/network/social-accounts');
  const add = element(page).getByRole('button', { name: 'Add Account' }).first();
  await expect(add).toHaveCSS('background-color', green);
  await expect(element(page).getByRole('heading', { level: 2, name: 'Social Accounts' })).toHaveCSS('font-family', /Georgia/);
  await page.screenshot({ path: '/work/shots/embed-element.png', fullPage: true });

  // Iframe: the same values from `theme` in the configuration.
  await page.goto(FRAMED + '/settings/network/social-accounts');
  const addFramed = framed(page).getByRole('button', { name: 'Add Account' }).first();
  await expect(addFramed).toHaveCSS('background-color', green);
  await expect(framed(page).getByRole('heading', { level: 2, name: 'Social Accounts' })).toHaveCSS('font-family', /Georgia/);
  // Only what the host set changed: the type scale is still the app's own.
  await expect(framed(page).locator('.stc-root')).toHaveCSS('font-size', '14px');
  await page.screenshot({ path: '/work/shots/embed-iframe.png', fullPage: true });
});

test('EMB-1 standalone under the sub-path: its own chrome, links, reload and API calls respect the base', async ({ page }) => {
  await page.route(`**${APP}/config.json`, (route) =>
    route.fulfill({ json: { api_base: '/api/v1', sign_in_url: '/auth/sign-in' } }),
  );
  await page.goto(APP + '/streams');
  await SCREENS[2].shows(page.locator('body'));
  const nav = page.getByRole('navigation', { name: 'Console' });
  // The open section's tab is marked under the base path too (SHELL-1), and only that one.
  await expect(nav.getByRole('link', { name: 'Streams' })).toHaveAttribute('aria-current', 'page');
  await expect(nav.locator('[aria-current]')).toHaveCount(1);
  await expect(nav.getByRole('link', { name: 'Library' })).toHaveAttribute('href', `${APP}/library/social-search/instagram`);
  await nav.getByRole('link', { name: 'Library' }).click();
  await expect(page).toHaveURL(`${APP}/library/social-search/instagram`);
  await expect(nav.getByRole('link', { name: 'Library' })).toHaveAttribute('aria-current', 'page');
  await expect(nav.locator('[aria-current]')).toHaveCount(1);
  await page.reload();
  await SCREENS[1].shows(page.locator('body'));
  // An address that names a section opens its first screen under the base, not under it twice.
  for (const [from, to] of [['/', SCREENS[0]], ['', SCREENS[0]], ['/settings', SCREENS[0]], ['/library', SCREENS[1]]] as const) {
    await page.goto(APP + from);
    await expect(page).toHaveURL(APP + to.path);
    await to.shows(page.locator('body'));
  }
});

test('EMB-3 the session and the API base come from the host page\'s configuration', async ({ page, context }) => {
  await context.clearCookies(); // no console cookie: only the configured session token signs in
  await page.route((url) => url.pathname.startsWith(ELEMENT + '/'), async (route) => {
    if (route.request().resourceType() !== 'document') return route.continue();
    const response = await route.fetch();
    const body = (await response.text()).replace('"mode": "embedded",', '"mode": "embedded", "session_token": "demo-moderator",');
    await route.fulfill({ response, body });
  });
  const api: string[] = [];
  page.on('request', (r) => {
    if (new URL(r.url()).pathname.startsWith('/api/')) api.push(r.headers()['authorization'] ?? '');
  });
  await page.goto(ELEMENT + '/settings/network/social-accounts');
  await SCREENS[0].shows(element(page));
  // Mo Moderator may refresh tokens but not add accounts.
  await expect(element(page).getByRole('button', { name: 'Add Account' })).toHaveCount(0);
  await expect(element(page).getByRole('alert').filter({ hasText: 'not signed in' })).toHaveCount(0);
  expect(api.length).toBeGreaterThan(0);
  expect(new Set(api)).toEqual(new Set(['Bearer demo-moderator']));
});

test('PERF embedded, the session and the accounts are asked for while the console\'s code is on the way, once, and no notifications (there is no bell)', async ({ page }) => {
  for (const [host, scope] of [[ELEMENT, element(page)], [FRAMED, framed(page)]] as const) {
    const events: string[] = [];
    await page.route('**/social-token-console_bg.wasm', async (r) => {
      await new Promise((done) => setTimeout(done, 1000));
      events.push('code');
      await r.continue();
    });
    const record = (r: import('@playwright/test').Request) => {
      const path = new URL(r.url()).pathname;
      if (path.startsWith('/api/v1/')) events.push(path.slice('/api/v1'.length));
    };
    page.on('request', record);
    await page.goto(host + SCREENS[0].path);
    await SCREENS[0].shows(scope);
    await page.waitForLoadState('networkidle');
    expect(new Set(events.slice(0, events.indexOf('code'))), host).toEqual(new Set(['/session', '/social-accounts']));
    expect(events.filter((e) => e !== 'code').sort(), host).toEqual(['/session', '/social-accounts']);
    page.off('request', record);
    await page.unrouteAll();
  }
});

test('EMB-3 an invalid host configuration shows what is wrong, in a host element and in an iframe', async ({ page }) => {
  const hostPage = (edit: (html: string) => string) =>
    page.route((url) => url.pathname.startsWith(ELEMENT + '/'), async (route) => {
      if (route.request().resourceType() !== 'document') return route.continue();
      const response = await route.fetch();
      await route.fulfill({ response, body: edit(await response.text()) });
    });
  await hostPage((html) => html.replace('"mode": "embedded"', '"mode": "popup"'));
  await page.goto(ELEMENT + '/streams');
  await expect(element(page).getByRole('heading', { name: 'The console could not start' })).toBeVisible();
  await expect(element(page).getByRole('alert')).toContainText('mode must be “standalone” or “embedded”, not “popup”');
  await expect(page.locator('.lf-topbar')).toBeVisible();

  await page.unrouteAll();
  await hostPage((html) => html.replace('"host_element": "social-console-root"', '"host_element": "console-social"'));
  await page.goto(ELEMENT + '/streams');
  await expect(page.getByRole('alert')).toContainText('no element with the id “console-social”');

  await page.unrouteAll();
  await page.route(`**${APP}/config.json`, (route) =>
    route.fulfill({ json: { api_base: '/api/v1', mode: 'embedded', host_origin: '*' } }),
  );
  await page.goto(FRAMED + '/streams');
  await expect(framed(page).getByRole('heading', { name: 'The console could not start' })).toBeVisible();
  await expect(framed(page).getByRole('alert')).toContainText('host_origin must be one origin');
});

test.describe('in Dutch', () => {
  test.use({ locale: 'nl-NL' });

  test('EMB-3 I18N-1 the invalid-configuration screen speaks the person\'s language', async ({ page }) => {
    await page.route(`**${APP}/config.json`, (route) =>
      route.fulfill({ json: { api_base: 'api/v1', mode: 'embedded' } }),
    );
    await page.goto(FRAMED + '/streams');
    await expect(framed(page).getByRole('heading', { name: 'De console kon niet starten' })).toBeVisible();
    await expect(framed(page).getByRole('alert')).toContainText('api_base moet een absoluut pad zijn');
  });
});

test('EMB-4 host pages and the app run under the strict CSP (no inline script, only wasm-unsafe-eval)', async ({ page }) => {
  for (const path of [ELEMENT + '/streams', FRAMED + '/streams', APP + '/streams']) {
    const response = await page.goto(path);
    const csp = response?.headers()['content-security-policy'] ?? '';
    expect(csp).toContain("script-src 'self' 'wasm-unsafe-eval'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toMatch(/'unsafe-eval'/);
  }
  // The console-error guard of every test fails on any CSP violation; the app did start here.
  await SCREENS[2].shows(page.locator('body'));
});

test('A11Y-1 EMB-2 every embedded screen is axe-clean, both ways', async ({ page }) => {
  for (const screen of SCREENS) {
    await page.goto(ELEMENT + screen.path);
    await screen.shows(element(page));
    await expectAxeClean(page, `host element ${screen.path}`);
    await page.goto(FRAMED + screen.path);
    await screen.shows(framed(page));
    await expectAxeClean(page, `iframe ${screen.path}`);
  }
});
