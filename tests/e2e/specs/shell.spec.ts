// The console shell: chrome, navigation, routes, loading, language, session and failures.
import { test, expect, expectAxeClean } from '../fixtures';

const SOCIAL_ACCOUNTS = '/settings/network/social-accounts';
const RIGHTS_MANAGEMENT = '/settings/network/rights-management';
const INSTAGRAM_SEARCH = '/library/social-search/instagram';
const STREAMS = '/streams';

test('SHELL-1 the chrome shows the tabs, the bell with the unread count, the network and the user', async ({ page, standIn }) => {
  const { body } = await standIn.api('GET', '/notifications');
  const unread: number = body.data.unread_count;
  expect(unread).toBeGreaterThan(0);

  await page.goto(SOCIAL_ACCOUNTS);
  const nav = page.getByRole('navigation', { name: 'Console' });
  await expect(nav.getByRole('link')).toHaveText(['Library', 'Streams', 'Settings']);
  await expect(nav.getByRole('link', { name: 'Settings' })).toHaveAttribute('aria-current', 'page');
  await expect(page.getByRole('button', { name: `Notifications, ${unread} unread` })).toBeVisible();
  await expect(page.locator('.stc-bell__count')).toHaveText(String(unread));
  await expect(page.getByRole('banner')).toContainText('Brand Network (demo)');
  await expect(page.getByRole('banner')).toContainText('Ada Admin');
});

test('SHELL-2 Settings › Network Settings lists Rights Management and Social Accounts and marks the open one', async ({ page }) => {
  await page.goto('/settings');
  await expect(page).toHaveURL(SOCIAL_ACCOUNTS);
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Network Settings' })).toHaveAttribute('aria-current', 'page');
  const side = page.getByRole('navigation', { name: 'Network settings sections' });
  await expect(side.getByRole('link')).toHaveText(['Rights Management', 'Social Accounts']);
  await expect(side.getByRole('link', { name: 'Social Accounts' })).toHaveAttribute('aria-current', 'page');
  await expect(side.getByRole('link', { name: 'Rights Management' })).not.toHaveAttribute('aria-current', 'page');

  // By keyboard: the section's navigation stays in place, so the link keeps the focus.
  await side.getByRole('link', { name: 'Rights Management' }).focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(RIGHTS_MANAGEMENT);
  await expect(side.getByRole('link', { name: 'Rights Management' })).toHaveAttribute('aria-current', 'page');
  await expect(page.getByRole('heading', { level: 2, name: 'Rights Management' })).toBeVisible();
  await expect(side.getByRole('link', { name: 'Rights Management' })).toBeFocused();
});

test('SHELL-2 Library has Social Search with Instagram', async ({ page }) => {
  await page.goto(SOCIAL_ACCOUNTS);
  await page.getByRole('navigation', { name: 'Console' }).getByRole('link', { name: 'Library' }).click();
  await expect(page).toHaveURL(INSTAGRAM_SEARCH);
  await expect(page.getByRole('heading', { level: 1, name: 'Library' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Social Search' })).toHaveAttribute('aria-current', 'page');
  await expect(page.getByRole('heading', { level: 2, name: 'Instagram' })).toBeVisible();
});

test('SHELL-3 reload restores the route and back/forward move between screens', async ({ page }) => {
  await page.goto(RIGHTS_MANAGEMENT);
  await expect(page.getByRole('heading', { level: 2, name: 'Rights Management' })).toBeVisible();
  await page.reload();
  await expect(page).toHaveURL(RIGHTS_MANAGEMENT);
  await expect(page.getByRole('heading', { level: 2, name: 'Rights Management' })).toBeVisible();

  await page.getByRole('navigation', { name: 'Console' }).getByRole('link', { name: 'Streams' }).click();
  await expect(page).toHaveURL(STREAMS);
  await expect(page.getByRole('heading', { level: 1, name: 'Streams' })).toBeVisible();
  await page.goBack();
  await expect(page).toHaveURL(RIGHTS_MANAGEMENT);
  await expect(page.getByRole('heading', { level: 2, name: 'Rights Management' })).toBeVisible();
  await page.goForward();
  await expect(page).toHaveURL(STREAMS);
  await expect(page.getByRole('heading', { level: 1, name: 'Streams' })).toBeVisible();
});

test('SHELL-3 an address that names a section opens its first screen in its place: Back leaves, it does not come back', async ({ page }) => {
  for (const [from, to] of [['/', SOCIAL_ACCOUNTS], ['/settings/network/', SOCIAL_ACCOUNTS], ['/library', INSTAGRAM_SEARCH]] as const) {
    await page.goto('about:blank');
    await page.goto(from);
    await expect(page).toHaveURL(to);
    expect(await page.evaluate(() => history.length), `${from} adds no entry of its own`).toBe(2);
    await page.goBack();
    await expect(page, `Back from ${to} leaves the console`).toHaveURL('about:blank');
  }
});

test('SHELL-3 an unknown URL shows a not-found page with a way back', async ({ page }) => {
  const response = await page.goto('/settings/no-such-screen');
  expect(response?.status()).toBe(200); // the app, not a server error page, answers
  await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
  // An unknown address under /settings is not a Settings screen: no tab says it is open.
  await expect(page.getByRole('navigation', { name: 'Console' }).locator('[aria-current]')).toHaveCount(0);
  await page.getByRole('link', { name: 'Go to Social Accounts' }).click();
  await expect(page).toHaveURL(SOCIAL_ACCOUNTS);
  await expect(page.getByRole('heading', { level: 2, name: 'Social Accounts' })).toBeVisible();
});

test('SHELL-4 progress shows while data loads, and nothing jumps when it arrives', async ({ page, standIn }) => {
  await standIn.fault({ path: '/api/v1/session', delay_ms: 1500, times: 1 });
  const started = Date.now();
  await page.goto(SOCIAL_ACCOUNTS);
  const progress = page.getByRole('progressbar');
  await expect(progress).toBeVisible();
  const shownAfter = Date.now() - started;
  // The session is still pending: the user's name is not there yet, its place is.
  await expect(page.getByRole('banner')).not.toContainText('Ada Admin');
  const before = await page.getByRole('heading', { level: 2, name: 'Social Accounts' }).boundingBox();
  await expect(page.getByRole('banner')).toContainText('Ada Admin', { timeout: 5000 });
  await expect(progress).toBeHidden();
  const after = await page.getByRole('heading', { level: 2, name: 'Social Accounts' }).boundingBox();
  expect(after).toEqual(before);
  // PERF: hidden, the bar keeps its box (invisible, and out of the accessibility tree): taking it
  // out of the layout re-laid the whole page on every request the console makes.
  const bar = page.locator('.stc-progress');
  await expect(bar).toHaveAttribute('hidden', '');
  expect(await bar.evaluate((el) => [getComputedStyle(el).display, getComputedStyle(el).visibility])).toEqual(['block', 'hidden']);
  test.info().annotations.push({ type: 'progress visible after (ms, incl. navigation)', description: String(shownAfter) });
});

test('PERF SHELL-4 the page holds a placeholder while the app\'s code downloads, in the app\'s place, and it is gone once the app runs', async ({ page }) => {
  let release = () => {};
  const held = new Promise<void>((r) => { release = r; });
  await page.route('**/social-token-console_bg.wasm', async (route) => { await held; await route.continue(); });
  await page.goto(SOCIAL_ACCOUNTS, { waitUntil: 'commit' });
  const placeholder = page.locator('#stc-boot-static');
  await expect(placeholder).toBeVisible();
  await expect(placeholder).toHaveAttribute('aria-busy', 'true');
  await expect(placeholder.locator('.stc-skeleton__line')).toHaveCount(4);
  const box = await placeholder.boundingBox();
  release();
  await expect(page.locator('.stc-acc-card').first()).toBeVisible();
  // One placeholder at a time: the page's is removed, never left above or below the app.
  await expect(placeholder).toHaveCount(0);
  await expect(page.locator('.stc-boot')).toHaveCount(0);
  expect(box!.width).toBeGreaterThan(0);
});

test('PERF the app\'s files arrive compressed as the release build left them, and work', async ({ page }) => {
  const encodings = new Map<string, string>();
  page.on('response', (r) => {
    const name = new URL(r.url()).pathname.split('/').pop() ?? '';
    if (/\.(wasm|js|css)$/.test(name) || r.request().resourceType() === 'document') {
      encodings.set(name || 'index.html', r.headers()['content-encoding'] ?? 'none');
    }
  });
  await page.goto(SOCIAL_ACCOUNTS);
  await expect(page.locator('.stc-acc-card').first()).toBeVisible();
  const files = ['social-accounts', 'social-token-console_bg.wasm', 'social-token-console.js', '__wasm_split.js', 'boot.js', 'app.css'];
  for (const file of files) expect([file, encodings.get(file)]).toEqual([file, expect.stringMatching(/^(br|gzip)$/)]);
});

test.describe('the console\'s own code cannot be fetched', () => {
  test.use({ allowConsoleErrors: [/The console could not start/] });

  test('FAIL-1 it says so in words in the placeholder\'s place, never a blank or busy page, and Try again loads it', async ({ page }) => {
    await page.route('**/social-token-console_bg.wasm', (route) => route.abort());
    await page.goto(SOCIAL_ACCOUNTS);
    await expect(page.getByRole('heading', { level: 1, name: 'The console could not start' })).toBeVisible();
    await expect(page.getByRole('alert')).toHaveText('Its code could not be loaded. Check your connection and try again.');
    await expect(page.locator('#stc-boot-static')).toHaveCount(0);
    await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
    await expectAxeClean(page, 'the console could not start');
    await page.unroute('**/social-token-console_bg.wasm');
    await page.getByRole('button', { name: 'Try again' }).press('Enter');
    await expect(page.locator('.stc-acc-card').first()).toBeVisible();
    await expect(page.getByRole('heading', { name: 'The console could not start' })).toHaveCount(0);
  });

  test('FAIL-1 PERF the answers asked for while the code was on the way are not left waiting', async ({ page }) => {
    // The API never answers; the code fails after the first requests have left (public/boot.js).
    const requested: string[] = [];
    const failed: string[] = [];
    page.on('request', (r) => { if (r.url().includes('/api/v1/')) requested.push(r.url()); });
    page.on('requestfailed', (r) => { if (r.failure()?.errorText.includes('ERR_ABORTED')) failed.push(r.url()); });
    await page.route('**/api/v1/**', () => {});
    await page.route('**/social-token-console_bg.wasm', async (route) => {
      await new Promise((done) => setTimeout(done, 500));
      await route.abort();
    });
    await page.goto(SOCIAL_ACCOUNTS);
    await expect(page.getByRole('heading', { level: 1, name: 'The console could not start' })).toBeVisible();
    await expect.poll(() => requested.length, 'the first requests left while the code was on the way').toBeGreaterThan(0);
    await expect.poll(() => requested.filter((url) => !failed.includes(url)), 'every one of them aborted').toEqual([]);
  });

  test.describe('in Dutch', () => {
    test.use({ locale: 'nl-NL' });

    test('FAIL-1 I18N-1 a script that cannot be fetched is said in the browser\'s language', async ({ page }) => {
      await page.route('**/__wasm_split.js', (route) => route.abort());
      await page.goto(SOCIAL_ACCOUNTS);
      await expect(page.getByRole('heading', { level: 1, name: 'De console kon niet starten' })).toBeVisible();
      await expect(page.getByRole('alert')).toHaveText('De code kon niet worden geladen. Controleer de verbinding en probeer het opnieuw.');
      await expect(page.getByRole('button', { name: 'Opnieuw proberen' })).toBeVisible();
      await expect(page.locator('main')).toHaveAttribute('lang', 'nl');
    });
  });
});

test.describe('in Dutch', () => {
  test.use({ locale: 'nl-NL' });

  test('I18N-1 the language follows the browser', async ({ page }) => {
    await page.goto(SOCIAL_ACCOUNTS);
    await expect(page.locator('html')).toHaveAttribute('lang', 'nl');
    const nav = page.getByRole('navigation', { name: 'Console' });
    await expect(nav.getByRole('link')).toHaveText(['Bibliotheek', 'Streams', 'Instellingen']);
    await expect(page.getByRole('heading', { level: 1, name: 'Instellingen' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Netwerkinstellingen' })).toBeVisible();
    await expect(page.getByRole('heading', { level: 2, name: 'Sociale accounts' })).toBeVisible();
    await expect(page.getByRole('button', { name: /^Meldingen, \d+ ongelezen$/ })).toBeVisible();
  });
});

test('I18N-1 the language switch changes every string and the choice survives a reload', async ({ page }) => {
  await page.goto(SOCIAL_ACCOUNTS);
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
  await page.getByRole('combobox', { name: 'Language' }).selectOption('nl');
  await expect(page.getByRole('heading', { level: 1, name: 'Instellingen' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'nl');
  // No English left in the chrome or the screen.
  const text = await page.locator('body').innerText();
  for (const english of ['Settings', 'Library', 'Network Settings', 'Rights Management', 'Social Accounts', 'Not built yet']) {
    expect(text).not.toContain(english);
  }
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Instellingen' })).toBeVisible();
  await page.getByRole('combobox', { name: 'Taal' }).selectOption('en');
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
});

test.describe('signed out', () => {
  test.use({ role: null });

  test('FAIL-2 without a console session the app says so, and signing in returns to the same screen', async ({ page }) => {
    await page.goto(STREAMS);
    const alert = page.getByRole('alert').filter({ hasText: 'not signed in to the console' });
    await expect(alert).toBeVisible();
    // It is the console session, never an expired social token.
    await expect(page.locator('body')).not.toContainText('token');
    // Nothing in the chrome pretends to be still loading.
    await expect(page.locator('.stc-topbar__network--pending')).toHaveCount(0);
    await alert.getByRole('link', { name: 'Sign in' }).click();
    await page.getByRole('button', { name: /Ada Admin/ }).click();
    await expect(page).toHaveURL(STREAMS);
    await expect(page.getByRole('banner')).toContainText('Ada Admin');
    await expect(page.getByRole('alert').filter({ hasText: 'not signed in' })).toHaveCount(0);
  });
});

test('FAIL-1 a failing session request is explained in words, with a retry that works', async ({ page, standIn }) => {
  await standIn.fault({ path: '/api/v1/session', status: 503, times: 1 });
  await page.goto(SOCIAL_ACCOUNTS);
  const alert = page.getByRole('alert').filter({ hasText: 'The server had a problem' });
  await expect(alert).toBeVisible();
  await expect(alert).toContainText('does not change any token');
  await alert.getByRole('button', { name: 'Try again' }).click();
  await expect(page.getByRole('banner')).toContainText('Ada Admin');
  await expect(page.getByRole('alert').filter({ hasText: 'The server had a problem' })).toHaveCount(0);
});

test('FAIL-1 a malformed answer is explained in words, never a blank page', async ({ page, standIn }) => {
  await standIn.fault({ path: '/api/v1/session', status: 200, body: 'malformed', times: 1 });
  await page.goto(SOCIAL_ACCOUNTS);
  await expect(page.getByRole('alert')).toContainText('could not read');
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
});

test('EMB-3 a wrong configuration shows what is wrong instead of a blank page', async ({ page }) => {
  await page.route('**/config.json', (route) =>
    route.fulfill({ contentType: 'application/json', body: '{"api_base":"api/v1"}' }),
  );
  await page.goto(SOCIAL_ACCOUNTS);
  await expect(page.getByRole('heading', { name: 'The console could not start' })).toBeVisible();
  await expect(page.getByRole('alert')).toContainText('api_base must be an absolute path');
});

test('A11Y-1 the shell works by keyboard: skip link, tabs and the language menu', async ({ page }) => {
  await page.goto(SOCIAL_ACCOUNTS);
  await expect(page.getByRole('banner')).toContainText('Ada Admin');
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to content' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(page.locator('#stc-main')).toBeFocused();

  await page.getByRole('link', { name: 'Library' }).focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(INSTAGRAM_SEARCH);

  await page.getByRole('combobox', { name: 'Language' }).focus();
  await page.keyboard.press('ArrowDown');
  await expect(page.locator('html')).toHaveAttribute('lang', 'nl');
});

for (const locale of ['en-US', 'nl-NL']) {
  test.describe(`axe in ${locale}`, () => {
    test.use({ locale });
    test(`A11Y-1 every screen is axe-clean (${locale})`, async ({ page }) => {
      for (const route of [SOCIAL_ACCOUNTS, RIGHTS_MANAGEMENT, INSTAGRAM_SEARCH, STREAMS, '/nowhere']) {
        await page.goto(route);
        await expect(page.getByRole('banner')).toContainText('Ada Admin');
        await expectAxeClean(page, `${route} in ${locale}`);
      }
    });
  });
}

test('FAIL-1 a request whose page goes away is aborted, and the next page is not disturbed', async ({ page, standIn }) => {
  await standIn.fault({ path: '/api/v1/social-accounts', delay_ms: 4000, times: 1 });
  const aborted = page.waitForEvent('requestfailed', (r) => r.url().includes('/api/v1/social-accounts'));
  const started = page.waitForRequest((r) => r.url().includes('/api/v1/social-accounts'));
  await page.goto(SOCIAL_ACCOUNTS);
  await started;
  await page.getByRole('navigation', { name: 'Console' }).getByRole('link', { name: 'Streams' }).click();
  const failed = await aborted;
  expect(failed.failure()?.errorText).toContain('ERR_ABORTED');
  await expect(page).toHaveURL(STREAMS);
  await expect(page.getByRole('heading', { level: 1, name: 'Streams' })).toBeVisible();
  // The aborted answer is never shown as an error on the new page.
  await expect(page.getByRole('alert').filter({ hasText: /server|reach/ })).toHaveCount(0);
});

// Issue 9: the release build is cut per screen (src/pages/lazy.rs, bin/build-wasm).
const wasmFiles = (page: import('@playwright/test').Page) => {
  const seen: string[] = [];
  page.on('request', (r) => {
    const file = new URL(r.url()).pathname.split('/').pop() ?? '';
    if (file.endsWith('.wasm')) seen.push(file);
  });
  return seen;
};

test('PERF Social Accounts loads no other screen\'s code; a screen\'s code arrives when it is first opened, once', async ({ page }) => {
  const wasm = wasmFiles(page);
  await page.goto(SOCIAL_ACCOUNTS);
  await expect(page.getByRole('heading', { level: 2, name: 'Social Accounts' })).toBeVisible();
  await expect(page.locator('.stc-acc-card').first()).toBeVisible();
  expect(wasm).toEqual(['social-token-console_bg.wasm']);

  const nav = page.getByRole('navigation', { name: 'Console' });
  await nav.getByRole('link', { name: 'Library' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Instagram' })).toBeVisible();
  expect(wasm).toContain('split_search.wasm');
  expect(wasm).not.toContain('split_streams.wasm');

  await nav.getByRole('link', { name: 'Streams' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Streams' })).toBeVisible();
  expect(wasm).toContain('split_streams.wasm');

  await page.goBack();
  await expect(page.getByRole('heading', { level: 2, name: 'Instagram' })).toBeVisible();
  await nav.getByRole('link', { name: 'Settings' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Social Accounts' })).toBeVisible();
  // Every file fetched once: back on a screen, its code is already there.
  expect(wasm.length).toBe(new Set(wasm).size);
});

test('PERF pointing at a link or focusing it fetches its screen\'s code before the click', async ({ page }) => {
  const wasm = wasmFiles(page);
  await page.goto(SOCIAL_ACCOUNTS);
  await expect(page.locator('.stc-acc-card').first()).toBeVisible();
  const nav = page.getByRole('navigation', { name: 'Console' });

  const search = page.waitForResponse((r) => r.url().endsWith('/split_search.wasm'));
  await nav.getByRole('link', { name: 'Library' }).hover();
  await search;
  await expect(page).toHaveURL(SOCIAL_ACCOUNTS);

  // By keyboard: focus is the pointer's hover.
  const rights = page.waitForResponse((r) => r.url().endsWith('/split_rights.wasm'));
  await page.getByRole('navigation', { name: 'Network settings sections' }).getByRole('link', { name: 'Rights Management' }).focus();
  await rights;
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 2, name: 'Rights Management' })).toBeVisible();
  expect(wasm.filter((f) => f === 'split_rights.wasm')).toHaveLength(1);
  // A link to a screen of the main module fetches nothing.
  const before = wasm.length;
  await page.getByRole('navigation', { name: 'Network settings sections' }).getByRole('link', { name: 'Social Accounts' }).hover();
  await nav.getByRole('link', { name: 'Settings' }).hover();
  await page.waitForTimeout(300);
  expect(wasm.length).toBe(before);
});

test('PERF opened straight onto a screen, its code is fetched with the main module, each file once', async ({ page }) => {
  const wasm = wasmFiles(page);
  for (const [route, heading, part] of [
    [INSTAGRAM_SEARCH, page.getByRole('heading', { level: 2, name: 'Instagram' }), 'search'],
    [STREAMS, page.getByRole('heading', { level: 1, name: 'Streams' }), 'streams'],
    [RIGHTS_MANAGEMENT, page.getByRole('heading', { level: 2, name: 'Rights Management' }), 'rights'],
  ] as const) {
    const before = wasm.length;
    await page.goto(route);
    await expect(heading).toBeVisible();
    // The files the build says the screen needs (bin/build-wasm writes the map).
    const files: number = await page.evaluate(async (p) => (await import('/__wasm_split.js')).screenFiles[p].length, part);
    expect(files, `${route}: its own chunk and shared ones`).toBeGreaterThan(1);
    // Started by boot.js's preload links, not by the app once the main module is running. Some
    // screens' headings belong to their layout and show before the code has arrived, and a file
    // has a resource entry only once it has arrived: wait for all of them.
    await expect.poll(() => page.evaluate(() =>
      performance.getEntriesByType('resource')
        .filter((e) => /\/(split|chunk)_\w+\.wasm$/.test(e.name))
        .map((e) => (e as PerformanceResourceTiming).initiatorType)), { message: route })
      .toEqual(Array(files).fill('link'));
    const chunks = wasm.slice(before).filter((f) => f !== 'social-token-console_bg.wasm');
    expect(chunks, route).toHaveLength(files);
    expect(new Set(chunks).size, `${route}: no file fetched twice`).toBe(chunks.length);
  }
});

/** Records each request for the accounts in `events`; `stop` ends the recording. */
const accountsRequests = (page: import('@playwright/test').Page, events: string[] = []) => {
  const listener = (r: import('@playwright/test').Request) => {
    if (new URL(r.url()).pathname.endsWith('/api/v1/social-accounts')) events.push('accounts');
  };
  page.on('request', listener);
  return { events, stop: () => page.off('request', listener) };
};

test('PERF opened straight onto a screen that lists the accounts, they are asked for as the console starts, not after the screen\'s code, once', async ({ page }) => {
  for (const [route, file, heading] of [
    [INSTAGRAM_SEARCH, 'split_search.wasm', page.getByRole('heading', { level: 2, name: 'Instagram' })],
    [STREAMS, 'split_streams.wasm', page.getByRole('heading', { level: 1, name: 'Streams' })],
    [RIGHTS_MANAGEMENT, 'split_rights.wasm', page.getByRole('heading', { level: 2, name: 'Rights Management' })],
  ] as const) {
    // The screen's own code arrives late, as on a slow line.
    const events: string[] = [];
    await page.route(`**/${file}`, async (r) => {
      await new Promise((done) => setTimeout(done, 1500));
      events.push('code');
      await r.continue();
    });
    const recording = accountsRequests(page, events);
    await page.goto(route);
    await expect(heading).toBeVisible();
    await page.waitForLoadState('networkidle');
    expect(events, `${route}: the accounts before the code, and the screen asks no second time`).toEqual(['accounts', 'code']);
    recording.stop();
    await page.unroute(`**/${file}`);
  }
});

test('PERF the accounts asked for at the start serve the first screen only: the next screen asks again', async ({ page }) => {
  const { events } = accountsRequests(page);
  await page.goto(INSTAGRAM_SEARCH);
  await expect(page.getByRole('heading', { level: 2, name: 'Instagram' })).toBeVisible();
  await page.waitForLoadState('networkidle');
  expect(events).toHaveLength(1);
  await page.getByRole('navigation', { name: 'Console' }).getByRole('link', { name: 'Streams' }).click();
  // `networkidle` does not wait after a move inside the app (the page's load state is already
  // reached), and Streams' band shows before its code: wait for its own request and its rows.
  await expect.poll(() => events.length, { message: 'Streams asks for the accounts itself' }).toBe(2);
  await expect(page.getByRole('article', { name: 'Travel', exact: true })).toContainText('Running');
  expect(events).toHaveLength(2);
});

test.describe('a screen that lists the accounts, opened long after the start', () => {
  test.use({ allowConsoleErrors: [/Failed to fetch/] });

  test('PERF it asks for the accounts again instead of showing the answer from the start', async ({ page }) => {
    const { events } = accountsRequests(page);
    await page.clock.install();
    await page.route('**/split_search.wasm', (route) => route.abort());
    await page.goto(INSTAGRAM_SEARCH);
    const alert = page.getByRole('alert').filter({ hasText: 'This screen could not be loaded' });
    await expect(alert).toBeVisible();
    expect(events).toHaveLength(1);
    // The person comes back to it after a while.
    await page.clock.fastForward(11_000);
    await page.unroute('**/split_search.wasm');
    await alert.getByRole('button', { name: 'Try again' }).click();
    await expect(page.getByRole('heading', { level: 2, name: 'Instagram' })).toBeVisible();
    // As above: no `networkidle` after a move inside the app, so wait for the request itself.
    await expect.poll(() => events.length, { message: 'the search asks for the accounts again' }).toBe(2);
  });
});

/** Records, in order, each request to the API (its path below /api/v1) and the configuration,
 * and `code` when the main module, held for `holdMs`, is let through. */
const holdCodeAndRecordApi = async (page: import('@playwright/test').Page, holdMs: number) => {
  const events: string[] = [];
  await page.route('**/social-token-console_bg.wasm', async (r) => {
    await new Promise((done) => setTimeout(done, holdMs));
    events.push('code');
    await r.continue();
  });
  page.on('request', (r) => {
    const path = new URL(r.url()).pathname;
    if (path.startsWith('/api/v1/')) events.push(path.slice('/api/v1'.length));
    if (path.endsWith('/config.json')) events.push('config');
  });
  return events;
};

test('PERF the console\'s first requests leave while its code is still on the way, and each is made once', async ({ page }) => {
  // The main module arrives late, as on a slow line: the configuration, the session, the
  // accounts and the notifications are asked for meanwhile (public/boot.js, src/api/early.rs).
  const events = await holdCodeAndRecordApi(page, 1500);
  await page.goto(SOCIAL_ACCOUNTS);
  await expect(page.getByRole('heading', { level: 2, name: 'Social Accounts' })).toBeVisible();
  await expect(page.locator('li[data-account]').first()).toBeVisible();
  await page.waitForLoadState('networkidle');
  const beforeCode = events.slice(0, events.indexOf('code'));
  expect(new Set(beforeCode)).toEqual(new Set(['config', '/session', '/social-accounts', '/notifications']));
  // The app took those answers instead of asking again.
  expect(events.filter((e) => e !== 'code').sort()).toEqual(['/notifications', '/session', '/social-accounts', 'config']);
  await expect(page.getByRole('button', { name: /^Notifications, \d+ unread$/ })).toBeVisible();
  await expect(page.getByRole('banner')).toContainText('Ada Admin');

  // A screen that does not list the accounts is not given them.
  events.length = 0;
  await page.goto('/library/assets');
  await expect(page.getByRole('heading', { name: 'Saved assets' }).first()).toBeVisible();
  await page.waitForLoadState('networkidle');
  expect(events.slice(0, events.indexOf('code'))).toEqual(expect.arrayContaining(['/session', '/notifications']));
  expect(events).not.toContain('/social-accounts');
});

test('PERF while a screen\'s code arrives its band and a skeleton hold its place, and nothing moves when it comes', async ({ page }) => {
  await page.goto(SOCIAL_ACCOUNTS);
  await expect(page.locator('.stc-acc-card').first()).toBeVisible();
  let release = () => {};
  const held = new Promise<void>((r) => { release = r; });
  await page.route('**/split_streams.wasm', async (route) => { await held; await route.continue(); });
  await page.getByRole('navigation', { name: 'Console' }).getByRole('link', { name: 'Streams' }).click();
  const band = page.getByRole('heading', { level: 1, name: 'Streams' });
  await expect(band).toBeVisible();
  await expect(page.locator('#stc-main [aria-busy="true"]')).toBeVisible();
  const before = await band.boundingBox();
  const skeleton = await page.locator('#stc-main [aria-busy="true"]').boundingBox();
  release();
  const intro = page.getByText('Each stream collects content from a social network');
  await expect(intro).toBeVisible();
  expect(await band.boundingBox()).toEqual(before);
  // The screen's first line starts where the skeleton did.
  expect(Math.round((await intro.boundingBox())!.y)).toBe(Math.round(skeleton!.y));
});

test.describe('a screen whose code cannot be fetched', () => {
  // The chunk loader logs the failed fetch to the console itself, as an error.
  test.use({ allowConsoleErrors: [/Failed to fetch/] });

  test('PERF it says so in words, the rest of the console works, and Try again loads it', async ({ page }) => {
    await page.route('**/split_search.wasm', (route) => route.abort());
    await page.goto(INSTAGRAM_SEARCH);
    const alert = page.getByRole('alert').filter({ hasText: 'This screen could not be loaded' });
    await expect(alert).toContainText('Check your connection and try again.');
    await expect(page.getByRole('heading', { level: 1, name: 'Library' })).toBeVisible();
    await expectAxeClean(page, 'the screen could not be loaded');

    // Still failing: the retry says so again instead of giving up or remembering the failure.
    await alert.getByRole('button', { name: 'Try again' }).focus();
    await page.keyboard.press('Enter');
    await expect(alert).toBeVisible();
    // The focus stays with the screen's content, not dropped to the page.
    await expect.poll(() => page.evaluate(() => document.activeElement !== document.body && !!document.activeElement?.closest('.stc-app'))).toBe(true);

    await page.unroute('**/split_search.wasm');
    await alert.getByRole('button', { name: 'Try again' }).focus();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 2, name: 'Instagram' })).toBeVisible();
    await expect(page.getByRole('alert').filter({ hasText: 'could not be loaded' })).toHaveCount(0);
    // The focus is on the box the screen arrived in, not dropped to the page.
    await expect.poll(() => page.evaluate(() => document.activeElement !== document.body
      && !!document.activeElement?.contains(document.querySelector('.stc-page h2')))).toBe(true);
  });
});

// Issue 9: the Dutch catalogue is a chunk of its own (src/i18n/on_demand.rs).
test('PERF the Dutch catalogue comes only when Dutch is chosen, once, and the switch waits for it', async ({ page }) => {
  const wasm = wasmFiles(page);
  await page.goto(SOCIAL_ACCOUNTS);
  await expect(page.locator('.stc-acc-card').first()).toBeVisible();
  expect(wasm).not.toContain('split_nl.wasm');

  const language = page.getByRole('combobox', { name: 'Language' });
  await language.selectOption('nl');
  await expect(page.getByRole('heading', { level: 2, name: 'Sociale accounts' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'nl');
  expect(wasm.filter((f) => f === 'split_nl.wasm')).toHaveLength(1);

  // Back to English and to Dutch again: the catalogue is still there.
  await page.getByRole('combobox', { name: 'Taal' }).selectOption('en');
  await expect(page.getByRole('heading', { level: 2, name: 'Social Accounts' })).toBeVisible();
  await language.selectOption('nl');
  await expect(page.getByRole('heading', { level: 2, name: 'Sociale accounts' })).toBeVisible();
  expect(wasm.filter((f) => f === 'split_nl.wasm')).toHaveLength(1);
});

test.describe('opened in Dutch', () => {
  test.use({ locale: 'nl-NL' });

  test('PERF the Dutch catalogue comes with the start, and no English word is drawn first', async ({ page }) => {
    const wasm = wasmFiles(page);
    // Every text the page ever draws, from the first node on.
    await page.addInitScript(() => {
      const seen: string[] = ((window as any).__drawn = []);
      new MutationObserver((records) => {
        for (const r of records) for (const n of r.addedNodes) if (n.textContent) seen.push(n.textContent);
      }).observe(document, { childList: true, subtree: true, characterData: true });
    });
    await page.goto(SOCIAL_ACCOUNTS);
    await expect(page.getByRole('heading', { level: 2, name: 'Sociale accounts' })).toBeVisible();
    await expect(page.locator('.stc-acc-card').first()).toBeVisible();
    expect(wasm.filter((f) => f === 'split_nl.wasm')).toHaveLength(1);
    const drawn: string = (await page.evaluate(() => (window as any).__drawn.join('\n'))) as string;
    expect(drawn).toContain('Sociale accounts');
    for (const english of ['Social Accounts', 'Settings', 'Network Settings', 'Notifications']) {
      expect(drawn, `"${english}" was drawn before the Dutch text`).not.toContain(english);
    }
  });
});

test.describe('a language whose catalogue cannot be fetched', () => {
  test.use({ allowConsoleErrors: [/Failed to fetch/] });

  test('PERF I18N-1 it says so in words, the console stays in the language it was in, and choosing it again works', async ({ page }) => {
    await page.route('**/split_nl.wasm', (route) => route.abort());
    await page.goto(SOCIAL_ACCOUNTS);
    await expect(page.locator('.stc-acc-card').first()).toBeVisible();
    const language = page.getByRole('combobox', { name: 'Language' });
    await language.focus();
    await language.selectOption('nl');
    const alert = page.getByRole('alert').filter({ hasText: 'Nederlands could not be loaded' });
    await expect(alert).toContainText('Check your connection and choose it again.');
    // Still English, and the menu says so.
    await expect(page.getByRole('heading', { level: 2, name: 'Social Accounts' })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(language).toHaveValue('en');
    await expectAxeClean(page, 'a language that could not be loaded');
    await page.screenshot({ path: '/work/shots/language-not-loaded.png' });

    await page.unroute('**/split_nl.wasm');
    await language.selectOption('nl');
    await expect(page.getByRole('heading', { level: 2, name: 'Sociale accounts' })).toBeVisible();
    await expect(page.getByRole('alert').filter({ hasText: 'could not be loaded' })).toHaveCount(0);
    // The choice is remembered only once it worked.
    await page.reload();
    await expect(page.getByRole('heading', { level: 2, name: 'Sociale accounts' })).toBeVisible();
  });
});

// Issue 9: the expanded card is a chunk of its own (src/pages/social_accounts/panel.rs).
test('PERF an account\'s details are not part of the first load; pointing at the list fetches them, once, before the click', async ({ page }) => {
  const wasm = wasmFiles(page);
  await page.goto(SOCIAL_ACCOUNTS);
  const card = page.locator('li[data-account="acc_tw_livefyre"]');
  await expect(card).toBeVisible();
  expect(wasm).not.toContain('split_account_panel.wasm');

  const fetched = page.waitForResponse((r) => r.url().endsWith('/split_account_panel.wasm'));
  await card.hover();
  await fetched;
  await card.locator('.stc-acc-card__toggle').click();
  await expect(card.getByRole('textbox', { name: 'Display name' })).toBeVisible();
  // Another card opens at once: no skeleton, nothing fetched again.
  const other = page.locator('li[data-account="acc_ig_hurray"]');
  await other.locator('.stc-acc-card__toggle').click();
  await expect(other.getByRole('textbox', { name: 'Display name' })).toBeVisible();
  expect(wasm.filter((f) => f === 'split_account_panel.wasm')).toHaveLength(1);
  expect(wasm.length).toBe(new Set(wasm).size);
});

test('PERF opened onto an account (a link, a reload, the return from an authorization), its details\' code comes with the main module, each file once', async ({ page }) => {
  const wasm = wasmFiles(page);
  await page.goto(`${SOCIAL_ACCOUNTS}?account=acc_tw_livefyre`);
  const card = page.locator('li[data-account="acc_tw_livefyre"]');
  await expect(card.getByRole('textbox', { name: 'Display name' })).toBeVisible();
  const files: number = await page.evaluate(async () => (await import('/__wasm_split.js')).screenFiles.account_panel.length);
  expect(files).toBeGreaterThan(1);
  const chunks = wasm.filter((f) => f !== 'social-token-console_bg.wasm');
  expect(chunks).toContain('split_account_panel.wasm');
  expect(chunks).toHaveLength(files);
  // Started by boot.js's preload links with the main module, not by the card once it opened.
  const initiators = await page.evaluate(() =>
    performance.getEntriesByType('resource')
      .filter((e) => /\/(split|chunk)_\w+\.wasm$/.test(e.name))
      .map((e) => (e as PerformanceResourceTiming).initiatorType));
  expect(initiators).toEqual(Array(files).fill('link'));
  // The list without an open account fetches none of it (the test above says the rest).
  await page.goto(SOCIAL_ACCOUNTS);
  await expect(page.locator('.stc-acc-card').first()).toBeVisible();
  const entries: number = await page.evaluate(() =>
    performance.getEntriesByType('resource').filter((e) => /\/(split|chunk)_\w+\.wasm$/.test(e.name)).length);
  expect(entries).toBe(0);
});

test.describe('an account\'s details whose code cannot be fetched', () => {
  test.use({ allowConsoleErrors: [/Failed to fetch/] });

  test('PERF they say so in words inside the card, the list keeps working, and Try again shows them', async ({ page }) => {
    await page.route('**/split_account_panel.wasm', (route) => route.abort());
    await page.goto(SOCIAL_ACCOUNTS);
    const card = page.locator('li[data-account="acc_tw_livefyre"]');
    const toggle = card.locator('.stc-acc-card__toggle');
    await toggle.focus();
    await page.keyboard.press('Enter');
    const alert = card.getByRole('alert').filter({ hasText: 'The details of this account could not be loaded' });
    await expect(alert).toContainText('Check your connection and try again.');
    await expect(toggle).toHaveAttribute('aria-expanded', 'true');
    await expectAxeClean(page, 'an account\'s details that could not be loaded');
    await page.screenshot({ path: '/work/shots/panel-not-loaded.png' });

    await page.unroute('**/split_account_panel.wasm');
    await alert.getByRole('button', { name: 'Try again' }).focus();
    await page.keyboard.press('Enter');
    await expect(card.getByRole('textbox', { name: 'Display name' })).toBeVisible();
    await expect(card.getByRole('alert').filter({ hasText: 'could not be loaded' })).toHaveCount(0);
    // The focus is in the card's details, where Try again was: Tab reaches the name field.
    await expect(card.locator('.stc-acc-panel')).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(card.getByRole('textbox', { name: 'Display name' })).toBeFocused();
  });
});
