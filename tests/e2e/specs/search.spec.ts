// Library › Social Search › Instagram (SRCH-1..10): the search, its account fallback with the
// bottom-left popup, the refresh it offers (OAUTH), untrusted content, the URL, keyboard, axe and
// Dutch. Each test names the rule it holds the app to.
import { test, expect, expectAxeClean, borderContrast, closeAndReopenAtOnce, type StandIn } from '../fixtures';
import type { Page } from '@playwright/test';

const SEARCH = '/library/social-search/instagram';
const DAY = 86_400;

type Logged = { method: string; path: string; query?: string; status: number; account_id?: string };

/** The search requests the stand-in saw since the test's reset, in order. */
async function searches(standIn: StandIn) {
  const answer: any = await standIn.requests();
  const list: Logged[] = Array.isArray(answer) ? answer : answer.data;
  return list
    .filter((r) => r.path === '/api/v1/instagram/search')
    .map((r) => {
      const p = new URLSearchParams(r.query ?? '');
      return { account: p.get('account_id'), status: r.status, q: p.get('q'), cursor: p.get('cursor'), media: p.get('media') };
    });
}

const popupRegion = (page: Page) => page.getByRole('status', { name: 'Notices about search accounts' });
const popups = (page: Page) => popupRegion(page).locator('.stc-token-popup');
const searchBox = (page: Page, name = 'Hashtag') => page.getByRole('searchbox', { name });
const cards = (page: Page) => page.locator('.stc-results__grid > li');

async function search(page: Page, q: string) {
  await searchBox(page).fill(q);
  await page.getByRole('button', { name: 'Search', exact: true }).click();
}

/** Opens the page and waits until the account list has arrived (no search yet). */
async function openWithAccounts(page: Page, url = SEARCH) {
  const accounts = page.waitForResponse((r) => r.url().endsWith('/api/v1/social-accounts'));
  await page.goto(url);
  await accounts;
}

test('SRCH-4 SRCH-5 SRCH-6 @hurray known expired is skipped without a request; the popup at the bottom left names it and @lfqa and stays fixed while scrolling', async ({ page, standIn }) => {
  await page.goto(SEARCH);
  await search(page, '#summer');

  await expect(page.getByText('Searched with @lfqa')).toBeVisible();
  await expect(cards(page).first()).toBeVisible();
  // One popup, in the polite live region, naming the expired account and the one used instead.
  await expect(popups(page)).toHaveCount(1);
  const popup = popups(page).first();
  await expect(popup).toContainText('Instagram token expired');
  await expect(popup).toContainText('The Instagram token of @hurray has expired.');
  await expect(popup).toContainText('The search used @lfqa instead.');
  await expect(popup.getByRole('button', { name: 'Refresh Token' })).toBeVisible();
  await expect(popup.getByRole('button', { name: 'Close the notice about @hurray' })).toBeVisible();
  await expect(popupRegion(page)).toHaveAttribute('aria-live', 'polite');
  // It never took focus.
  expect(await popup.evaluate((el) => el.contains(document.activeElement))).toBe(false);

  // Bottom left of the viewport, above the content.
  const viewport = page.viewportSize()!;
  const box = (await popup.boundingBox())!;
  expect(box.x).toBeLessThanOrEqual(24);
  expect(box.y + box.height).toBeGreaterThanOrEqual(viewport.height - 24);
  expect(box.y + box.height).toBeLessThanOrEqual(viewport.height);
  expect(box.x + box.width).toBeLessThan(viewport.width / 2);
  const onTop = await page.evaluate(([x, y]) => !!document.elementFromPoint(x, y)?.closest('.stc-token-popup'), [box.x + box.width / 2, box.y + box.height / 2]);
  expect(onTop, 'the popup is above the results').toBe(true);

  // Fixed while the page scrolls.
  await page.mouse.move(viewport.width - 50, 300);
  await page.mouse.wheel(0, 1500);
  await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(500);
  expect(await popup.boundingBox()).toEqual(box);

  // The results header says who served it (SRCH-6) and who was skipped.
  await expect(page.locator('.stc-results__passed')).toContainText('@hurray was skipped: its token has expired.');

  // @hurray was known expired: no request for it; exactly one search request, with @lfqa.
  expect(await searches(standIn)).toEqual([
    expect.objectContaining({ account: 'acc_ig_lfqa', status: 200, q: 'summer' }),
  ]);
  await page.screenshot({ path: '/work/shots/search-popup-first-expired.png' });
});

test('SRCH-4 the first account shown active but reported expired by the API during the search: popup, results from @lfqa, exactly one extra request', async ({ page, standIn }) => {
  // Three days earlier @hurray still had a day left: that is what the account list shows.
  await standIn.advance(-3 * DAY);
  await openWithAccounts(page);
  // Then its token expires before the search runs.
  await standIn.advance(3 * DAY);
  await search(page, 'summer');

  await expect(page.getByText('Searched with @lfqa')).toBeVisible();
  await expect(popups(page)).toHaveCount(1);
  await expect(popups(page).first()).toContainText('The Instagram token of @hurray has expired.');
  await expect(popups(page).first()).toContainText('The search used @lfqa instead.');
  const box = (await popups(page).first().boundingBox())!;
  expect(box.x).toBeLessThanOrEqual(24);
  expect(box.y + box.height).toBeGreaterThanOrEqual(page.viewportSize()!.height - 24);

  const seen = await searches(standIn);
  expect(seen.map((s) => [s.account, s.status])).toEqual([
    ['acc_ig_hurray', 400],
    ['acc_ig_lfqa', 200],
  ]);
});

test('SRCH-4 SRCH-5 two expired: @hurray known, @lfqa reported by the API; the popups stack newest on top and @danni serves', async ({ page, standIn }) => {
  await openWithAccounts(page);
  await standIn.expire('acc_ig_lfqa'); // the list still shows @lfqa active
  await search(page, 'summer');

  await expect(page.getByText('Searched with @danni')).toBeVisible();
  await expect(popups(page)).toHaveCount(2);
  // Newest on top: @lfqa (reported during the search) above @hurray (skipped first).
  await expect(popups(page).nth(0)).toContainText('The Instagram token of @lfqa has expired.');
  await expect(popups(page).nth(1)).toContainText('The Instagram token of @hurray has expired.');
  for (const p of await popups(page).all()) await expect(p).toContainText('The search used @danni instead.');
  const top = (await popups(page).nth(0).boundingBox())!;
  const below = (await popups(page).nth(1).boundingBox())!;
  expect(top.y + top.height).toBeLessThanOrEqual(below.y);
  expect(below.y + below.height).toBeGreaterThanOrEqual(page.viewportSize()!.height - 24);

  expect((await searches(standIn)).map((s) => [s.account, s.status])).toEqual([
    ['acc_ig_lfqa', 400],
    ['acc_ig_danni', 200],
  ]);
  // What the API said is remembered: the next search skips @lfqa without asking.
  await search(page, 'coffee');
  await expect(page.getByText('Searched with @danni')).toBeVisible();
  await expect(page.locator('.stc-results__passed li')).toHaveCount(2);
  expect((await searches(standIn)).slice(2).map((s) => s.account)).toEqual(['acc_ig_danni']);
  await page.screenshot({ path: '/work/shots/search-popups-stacked.png' });
});

test('SRCH-7 every Instagram account expired: the results area says so and links to Social Accounts, and no search request is sent', async ({ page, standIn }) => {
  for (const id of ['acc_ig_lfqa', 'acc_ig_danni', 'acc_igb_johnny', 'acc_igb_shop']) await standIn.expire(id);
  await page.goto(`${SEARCH}?type=recent_tags&q=summer`);

  const status = page.locator('.stc-results__status');
  await expect(status).toContainText("Every Instagram account's token has expired");
  const link = status.getByRole('link', { name: 'Go to Social Accounts' });
  await expect(link).toHaveAttribute('href', '/settings/network/social-accounts');
  // Every account named, newest on top; @brandhq needs re-authorization rather than expired.
  await expect(popups(page)).toHaveCount(6);
  await expect(popups(page).nth(0)).toContainText('@brand_shop');
  await expect(popups(page).nth(1)).toContainText('The Instagram token of @brandhq is no longer valid');
  await expect(popups(page).nth(5)).toContainText('@hurray');
  await expect(popups(page).nth(0)).toContainText('No other Instagram account could run the search.');
  await expect(cards(page)).toHaveCount(0);
  expect(await searches(standIn)).toEqual([]);
  await page.screenshot({ path: '/work/shots/search-all-expired.png' });

  await link.click();
  await expect(page).toHaveURL('/settings/network/social-accounts');
});

test('SRCH-7 accounts reported expired one after another by the API end in the same message', async ({ page, standIn }) => {
  await openWithAccounts(page);
  for (const id of ['acc_ig_lfqa', 'acc_ig_danni', 'acc_igb_johnny', 'acc_igb_shop']) await standIn.expire(id);
  await search(page, 'summer');
  await expect(page.locator('.stc-results__status')).toContainText("Every Instagram account's token has expired");
  expect((await searches(standIn)).map((s) => [s.account, s.status])).toEqual([
    ['acc_ig_lfqa', 400],
    ['acc_ig_danni', 400],
    ['acc_igb_johnny', 400],
    ['acc_igb_shop', 400],
  ]);
});

test('SRCH-9 a rate limit is named as a rate limit, not an expiry, and falls back the same way', async ({ page, standIn }) => {
  await standIn.exhaustQuota('acc_ig_lfqa');
  await page.goto(SEARCH);
  await search(page, 'summer');

  await expect(page.getByText('Searched with @danni')).toBeVisible();
  await expect(popups(page)).toHaveCount(2);
  const limited = popups(page).nth(0);
  await expect(limited).toContainText('Instagram rate limit reached');
  await expect(limited).toContainText("@lfqa has reached Instagram's rate limit. This is not an expired token; the limit resets at");
  await expect(limited).not.toContainText('expired.');
  await expect(limited).toContainText('The search used @danni instead.');
  // A rate limit is not fixed by a refresh: no Refresh Token there.
  await expect(limited.getByRole('button', { name: 'Refresh Token' })).toHaveCount(0);
  await expect(page.locator('.stc-results__passed')).toContainText("@lfqa was skipped: it reached Instagram's rate limit (not an expired token).");
  expect((await searches(standIn)).map((s) => [s.account, s.status])).toEqual([
    ['acc_ig_lfqa', 429],
    ['acc_ig_danni', 200],
  ]);
  await page.screenshot({ path: '/work/shots/search-rate-limit.png' });
});

test('SRCH-9 a 429 from the API (fault) is also a rate limit and falls back', async ({ page, standIn }) => {
  await page.goto(SEARCH);
  await standIn.fault({ path: '/api/v1/instagram/search', status: 429, times: 1 });
  await search(page, 'summer');
  await expect(page.getByText('Searched with @danni')).toBeVisible();
  await expect(popups(page).nth(0)).toContainText('Instagram rate limit reached');
});

test('FAIL-3 a server error during the search is not a token problem: no fallback, no popup about it, a retry that works', async ({ page, standIn }) => {
  await page.goto(SEARCH);
  await standIn.fault({ path: '/api/v1/instagram/search', status: 503, times: 1 });
  await search(page, 'summer');
  const alert = page.getByRole('alert').filter({ hasText: 'The server had a problem' });
  await expect(alert).toBeVisible();
  // Only the known expired @hurray is named; @lfqa is not marked and nothing else was tried.
  await expect(popups(page)).toHaveCount(1);
  await expect(popups(page).first()).toContainText('@hurray');
  await expect(popups(page).first()).toContainText('The search stopped before another account answered.');
  expect((await searches(standIn)).map((s) => s.account)).toEqual(['acc_ig_lfqa']);
  await alert.getByRole('button', { name: 'Try again' }).click();
  await expect(page.getByText('Searched with @lfqa')).toBeVisible();
});

test('SRCH-8 OAUTH-1 OAUTH-4 refresh @hurray from the popup, then "Search again with @hurray" runs with the preferred account', async ({ page, standIn }) => {
  await page.goto(SEARCH);
  await search(page, 'summer');
  await expect(page.getByText('Searched with @lfqa')).toBeVisible();
  const popup = popups(page).first();

  const windowOpened = page.waitForEvent('popup');
  await popup.getByRole('button', { name: 'Refresh Token' }).click();
  const provider = await windowOpened;
  // OAUTH-4: progress, and a second click does nothing (no second window, no second start).
  const busy = popup.getByRole('button', { name: 'Refreshing…' });
  await expect(busy).toHaveAttribute('aria-disabled', 'true');
  await busy.dispatchEvent('click');
  await page.waitForTimeout(200);
  expect(page.context().pages()).toHaveLength(2);
  await provider.waitForURL(/\/oauth\/instagram\/authorize\?state=/);
  await expect(popup).toContainText('Finish the authorization in the Instagram window');
  const closed = provider.waitForEvent('close');
  await provider.getByRole('button', { name: 'Authorize App' }).click();
  await closed;

  const again = popup.getByRole('button', { name: 'Search again with @hurray' });
  await expect(again).toBeVisible();
  await expect(popup).toContainText('The token of @hurray was refreshed.');
  await expect(page.locator('.stc-results__offer')).toContainText('The token of @hurray was refreshed');
  await page.screenshot({ path: '/work/shots/search-refreshed-offer.png' });
  await again.click();

  await expect(page.getByText('Searched with @hurray')).toBeVisible();
  await expect(page.locator('.stc-results__passed li')).toHaveCount(0);
  const seen = await searches(standIn);
  expect(seen.at(-1)).toEqual(expect.objectContaining({ account: 'acc_ig_hurray', status: 200, q: 'summer' }));
  // One refresh started, one flow: the account updated in place.
  const { body } = await standIn.api('GET', '/social-accounts');
  expect(body.data.filter((a: any) => a.handle === 'hurray')).toHaveLength(1);
});

test('OAUTH-3 closing the authorization window early says "Authorization was cancelled."; a denial is said in words', async ({ page }) => {
  await page.goto(SEARCH);
  await search(page, 'summer');
  const popup = popups(page).first();

  let opened = page.waitForEvent('popup');
  await popup.getByRole('button', { name: 'Refresh Token' }).click();
  let provider = await opened;
  await provider.waitForURL(/authorize/);
  await provider.close();
  await expect(popup).toContainText('Authorization was cancelled.');
  await expect(popup.getByRole('button', { name: 'Refresh Token' })).not.toHaveAttribute('aria-disabled', 'true');

  opened = page.waitForEvent('popup');
  await popup.getByRole('button', { name: 'Refresh Token' }).click();
  provider = await opened;
  await provider.getByRole('button', { name: 'Deny' }).click();
  await expect(popup).toContainText('The authorization was denied at Instagram. Nothing was changed.');

  // Authorizing another identity than the account's: said in words, nothing changed.
  opened = page.waitForEvent('popup');
  await popup.getByRole('button', { name: 'Refresh Token' }).click();
  provider = await opened;
  await provider.getByRole('radio', { name: /@someone_else/ }).check();
  await provider.getByRole('button', { name: 'Authorize App' }).click();
  await expect(popup).toContainText('Instagram authorized @someone_else, but this token belongs to @hurray. Nothing was changed.');
  await expect(popup.getByRole('button', { name: 'Search again with @hurray' })).toHaveCount(0);
  await expect(page.getByText('Searched with @lfqa')).toBeVisible();
});

test('OAUTH-3 a blocked authorization window is said in words', async ({ page }) => {
  await page.addInitScript(() => {
    window.open = () => null;
  });
  await page.goto(SEARCH);
  await search(page, 'summer');
  const popup = popups(page).first();
  await popup.getByRole('button', { name: 'Refresh Token' }).click();
  await expect(popup).toContainText('Your browser blocked the Instagram authorization window. Allow pop-ups for this console');
  await expect(popup.getByRole('button', { name: 'Refresh Token' })).not.toHaveAttribute('aria-disabled', 'true');
});

test.describe('with pop-ups blocked', () => {
  test.beforeEach(async ({ page }) => {
    await page.addInitScript(() => {
      window.open = () => null;
    });
  });

  /** Searches, refreshes @hurray from its popup and continues in this tab, at the provider. */
  async function continueInThisTab(page: Page) {
    await page.goto(SEARCH);
    await page.getByRole('combobox', { name: 'Search type' }).selectOption('recent_tags');
    await search(page, 'summer');
    const popup = popups(page).first();
    await expect(popup).toContainText('@hurray');
    await popup.getByRole('button', { name: 'Refresh Token' }).click();
    await popup.getByRole('button', { name: 'Continue in this tab' }).click();
    await page.waitForURL(/\/oauth\/instagram\/authorize\?state=/);
  }

  test('OAUTH-3 SRCH-3 SRCH-8 continuing in this tab comes back to the same search, says the token was refreshed, and the search uses it', async ({ page, standIn }) => {
    await continueInThisTab(page);
    await page.getByRole('button', { name: 'Authorize App' }).click();

    await page.waitForURL(/\/library\/social-search\/instagram\?/);
    // The same search, typed and chosen, not an empty form.
    await expect(searchBox(page)).toHaveValue('summer');
    await expect(page.getByRole('combobox', { name: 'Search type' })).toHaveValue('recent_tags');
    await expect(page.getByRole('status').filter({ hasText: 'The token of @hurray was refreshed.' })).toBeVisible();
    // The refreshed account is first in the fallback order again: no popup, no account passed over.
    await expect(page.getByText('Searched with @hurray')).toBeVisible();
    await expect(popups(page)).toHaveCount(0);
    await page.screenshot({ path: '/work/shots/search-back-from-this-tab.png' });
    const seen = await searches(standIn);
    expect(seen.at(-1)).toEqual(expect.objectContaining({ account: 'acc_ig_hurray', status: 200, q: 'summer' }));
    // oauth_state is gone from the address: a reload runs the search and says nothing more.
    const url = new URL(page.url());
    expect(url.searchParams.get('oauth_state')).toBeNull();
    expect(url.searchParams.get('q')).toBe('summer');
    await page.reload();
    await expect(page.getByText('Searched with @hurray')).toBeVisible();
    await expect(page.getByText('The token of @hurray was refreshed.')).toHaveCount(0);
  });

  test('OAUTH-3 denying in this tab comes back to the same search and says so; the search falls back as before', async ({ page }) => {
    await continueInThisTab(page);
    await page.getByRole('button', { name: 'Deny' }).click();

    await page.waitForURL(/\/library\/social-search\/instagram\?/);
    await expect(searchBox(page)).toHaveValue('summer');
    await expect(page.getByRole('alert').filter({ hasText: 'The authorization was denied at Instagram. Nothing was changed.' })).toBeVisible();
    await expect(page.getByText('Searched with @lfqa')).toBeVisible();
    await expect(popups(page).first()).toContainText('The Instagram token of @hurray has expired.');
  });
});

test('TOK-4 OAUTH-1 a token the API can refresh silently needs no window: the blank one opened on click is closed', async ({ page, standIn }) => {
  // @lfqa's token is valid and older than a day, so it can be refreshed silently; make its first
  // search answer token_expired so that it shows up in a popup.
  let answered = false;
  await page.route(/\/api\/v1\/instagram\/search\?.*account_id=acc_ig_lfqa/, async (route) => {
    if (answered) return route.continue();
    answered = true;
    await route.fulfill({
      status: 400,
      contentType: 'application/json',
      body: JSON.stringify({ now: (await standIn.clock()).now ?? new Date().toISOString(), error: { code: 'token_expired', message: 'expired', account_id: 'acc_ig_lfqa' } }),
    });
  });
  await page.goto(SEARCH);
  await search(page, 'summer');
  await expect(page.getByText('Searched with @danni')).toBeVisible();
  const popup = popups(page).filter({ hasText: '@lfqa has expired' });
  const opened = page.waitForEvent('popup');
  await popup.getByRole('button', { name: 'Refresh Token' }).click();
  const blank = await opened;
  await expect.poll(() => blank.isClosed()).toBe(true);
  await expect(popup.getByRole('button', { name: 'Search again with @lfqa' })).toBeVisible();
  await popup.getByRole('button', { name: 'Search again with @lfqa' }).click();
  await expect(page.getByText('Searched with @lfqa')).toBeVisible();
});

test('OAUTH-2 only the API answer counts: a message with another state or type is ignored, a premature one changes nothing', async ({ page }) => {
  await page.goto(SEARCH);
  await search(page, 'summer');
  const popup = popups(page).first();
  const opened = page.waitForEvent('popup');
  await popup.getByRole('button', { name: 'Refresh Token' }).click();
  const provider = await opened;
  await provider.waitForURL(/authorize\?state=/);
  const state = new URL(provider.url()).searchParams.get('state');
  await page.evaluate((state) => {
    window.postMessage({ type: 'social-console-oauth', state: 'forged', status: 'connected' }, '*');
    window.postMessage({ type: 'something-else', state, status: 'connected' }, '*');
    // Right type and state, but the person has not authorized: the API still says pending.
    window.postMessage({ type: 'social-console-oauth', state, status: 'connected' }, '*');
  }, state);
  await page.waitForTimeout(600);
  await expect(popup.getByRole('button', { name: 'Refreshing…' })).toBeVisible();
  await expect(popup).not.toContainText('was refreshed');
  await provider.getByRole('button', { name: 'Authorize App' }).click();
  await expect(popup.getByRole('button', { name: 'Search again with @hurray' })).toBeVisible();
});

test.describe('as a curator', () => {
  test.use({ role: 'demo-curator' });

  test('ACC-8 SRCH-5 a curator cannot refresh: the popup says whom to ask instead of offering Refresh Token', async ({ page }) => {
    await page.goto(`${SEARCH}?type=recent_tags&q=summer`);
    await expect(page.getByText('Searched with @lfqa')).toBeVisible();
    const popup = popups(page).first();
    await expect(popup).toContainText('The Instagram token of @hurray has expired.');
    await expect(popup).toContainText('Ask an admin to refresh it: Ada Admin');
    await expect(popup.getByRole('button', { name: 'Refresh Token' })).toHaveCount(0);
  });
});

test('SRCH-10 hostile posts execute nothing, produce no javascript: link and no image from anywhere but https or the API', async ({ page, standIn }) => {
  // Opens all 65 hostile posts' details one by one: about 20 s alone, more on a busy 2-core CI.
  test.slow();
  await page.addInitScript(() => {
    (window as any).__pwned = undefined;
    const pwn = () => {
      (window as any).__pwned = true;
    };
    window.alert = pwn as any;
    window.confirm = pwn as any;
    window.prompt = pwn as any;
  });
  await page.goto(`${SEARCH}?type=recent_tags&q=hostile`);
  await expect(page.getByText('Searched with @lfqa')).toBeVisible();
  await expect(cards(page)).toHaveCount(65);
  // Markup in the corpus is shown as text.
  await expect(page.locator('.stc-results__grid')).toContainText('<script>alert(1)</script>');
  await expect(page.locator('.stc-results__grid')).toContainText('<img src=x onerror=alert(1)>');

  // Open the details of every hostile post: the dialog shows every field, as text.
  const apiOrigin = new URL(standIn.url).origin;
  const links: string[] = [];
  const images: string[] = [];
  const collect = async () => {
    links.push(...(await page.$$eval('a[href]', (as) => as.map((a) => (a as HTMLAnchorElement).href))));
    images.push(...(await page.$$eval('img[src]', (is) => is.map((i) => (i as HTMLImageElement).src))));
  };
  await collect();
  for (let i = 0; i < 65; i += 1) {
    await cards(page).nth(i).getByRole('button', { name: 'View Details' }).click();
    const dialog = page.getByRole('dialog', { name: 'Post details' });
    await expect(dialog).toBeVisible();
    await collect();
    if (i < 16) await page.screenshot({ path: `/work/shots/search-hostile-details-${i}.png` });
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
  }
  for (const href of links) {
    const u = new URL(href);
    expect(['https:', 'http:'], href).toContain(u.protocol);
    if (u.protocol === 'http:') expect(u.origin, `${href}: only the app's own pages`).toBe(apiOrigin);
  }
  expect(links.some((l) => l.startsWith('https:')), 'permalinks are links').toBe(true);
  expect(images.length).toBeGreaterThan(0);
  for (const src of images) {
    const u = new URL(src);
    expect(u.protocol === 'https:' || u.origin === apiOrigin, src).toBe(true);
  }
  // Hostile posts whose image address is not safe show words instead.
  await expect(page.locator('.stc-result__image--blocked').first()).toContainText('Image not shown: its address is not safe.');
  expect(await page.locator('[onerror], [onload], [onmouseover], script:not([src])').count()).toBe(0);
  expect(await page.evaluate(() => (window as any).__pwned)).toBeUndefined();
  // The long caption (100 KB) stays inside its card.
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await page.screenshot({ path: '/work/shots/search-hostile.png' });
});

test('A11Y-1 the search fields show where they are: their borders stand 3:1 from what is around them', async ({ page }) => {
  await openWithAccounts(page);
  expect(await borderContrast(searchBox(page))).toBeGreaterThanOrEqual(3);
  expect(await borderContrast(page.getByRole('combobox', { name: 'Search type' }))).toBeGreaterThanOrEqual(3);
});

test('SRCH-1 invalid input is named before any request', async ({ page, standIn }) => {
  await openWithAccounts(page);
  await search(page, 'sum mer');
  const problem = page.getByRole('alert').filter({ hasText: 'A hashtag can only contain letters, digits and _' });
  await expect(problem).toBeVisible();
  await expect(searchBox(page)).toHaveAttribute('aria-invalid', 'true');
  await expect(searchBox(page)).toHaveValue('sum mer'); // nothing typed is lost
  await search(page, '#');
  await expect(page.getByRole('alert').filter({ hasText: 'Enter a hashtag to search for.' })).toBeVisible();
  await search(page, 'a'.repeat(101));
  await expect(page.getByRole('alert').filter({ hasText: 'at most 100 characters' })).toBeVisible();

  await page.getByRole('combobox', { name: 'Search type' }).selectOption({ label: 'Business User Search' });
  await searchBox(page, 'Username').fill('#coffee');
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'A username can only contain letters (a–z), digits, . and _' })).toBeVisible();
  await searchBox(page, 'Username').fill('u'.repeat(31));
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'at most 30 characters' })).toBeVisible();
  expect(await searches(standIn)).toEqual([]);
  await expect(page).toHaveURL(SEARCH);

  // Valid: with or without the prefix.
  await searchBox(page, 'Username').fill('@coffee.lab');
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  await expect(page.getByText('Searched with @johnny')).toBeVisible();
  await expect(searchBox(page, 'Username')).not.toHaveAttribute('aria-invalid', 'true');
  // Business user search uses only Business accounts.
  expect((await searches(standIn)).map((s) => s.account)).toEqual(['acc_igb_johnny']);
});

test('SRCH-2 A11Y-1 closed and opened again at once, View Details shows the post again', async ({ page }) => {
  await page.goto(`${SEARCH}?type=recent_tags&q=coffee`);
  await expect(page.getByText('Searched with @lfqa')).toBeVisible();
  const view = cards(page).first().getByRole('button', { name: 'View Details' });
  await view.click();
  const dialog = page.getByRole('dialog', { name: 'Post details' });
  await expect(dialog.getByRole('heading', { name: 'Author' })).toBeVisible();
  // Escape and Enter on View Details faster than the browser reports the closing.
  await closeAndReopenAtOnce(dialog, view);
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('heading', { name: 'Author' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(view).toBeFocused();
});

test('SRCH-2 results show image, @author, caption, date, likes and comments; View Details; Save with a check mark; Load more by cursor', async ({ page, standIn }) => {
  await page.goto(`${SEARCH}?type=recent_tags&q=coffee`);
  await expect(page.getByText('Searched with @lfqa')).toBeVisible();
  const { body } = await standIn.api('GET', '/instagram/search?type=recent_tags&q=coffee&account_id=acc_ig_lfqa&limit=100');
  const first = body.data.posts[0];
  const card = cards(page).first();
  await expect(card.getByRole('heading', { level: 4 })).toHaveText(`@${first.author_handle}`);
  await expect(card.locator('img')).toHaveAttribute('src', new RegExp(`/api/v1/media/${first.id}\\.svg$`));
  await expect(card.locator('img')).toHaveAttribute('alt', new RegExp(`(Photo|Video) posted by @${first.author_handle}`));
  await expect(card.locator('time')).toHaveAttribute('datetime', /^\d{4}-\d{2}-\d{2}T/);
  await expect(card).toContainText(`${first.likes.toLocaleString('en-US')} like`);
  await expect(card).toContainText(`${first.comments.toLocaleString('en-US')} comment`);
  await expect(card.locator('.stc-result__caption')).toContainText(first.caption.replace(/\s+/g, ' ').trim().slice(0, 40));
  await expect(page.locator('.stc-results__count')).toHaveText('100 posts shown');

  // View Details: a native dialog labelled by its heading, closed with Escape, focus returned.
  const view = card.getByRole('button', { name: 'View Details' });
  await view.click();
  const dialog = page.getByRole('dialog', { name: 'Post details' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('heading', { name: 'Author' })).toBeVisible();
  await expect(dialog.getByRole('heading', { name: 'Content' })).toBeVisible();
  await expect(dialog).toContainText(first.author_name);
  await expect(dialog.getByRole('link', { name: /Open on Instagram/ })).toHaveAttribute('href', first.permalink);
  await page.screenshot({ path: '/work/shots/search-details.png' });
  await expectAxeClean(page, 'details dialog');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(view).toBeFocused();

  // Save: POST /library/assets, then a check mark in words.
  const index = await cards(page).evaluateAll((els) =>
    els.findIndex((el) => [...el.querySelectorAll('button')].some((b) => b.textContent?.trim() === 'Save')),
  );
  expect(index).toBeGreaterThanOrEqual(0);
  const unsaved = cards(page).nth(index);
  const saved = page.waitForResponse((r) => r.url().endsWith('/api/v1/library/assets') && r.request().method() === 'POST');
  await unsaved.getByRole('button', { name: 'Save', exact: true }).click();
  expect((await saved).status()).toBe(201);
  const savedButton = unsaved.getByRole('button', { name: 'Saved' });
  await expect(savedButton).toHaveAttribute('aria-disabled', 'true');
  await expect(savedButton.locator('.stc-icon--tick')).toBeVisible();
  // Saved stays saved: the API now marks it, and a reload shows the check mark.
  await page.reload();
  await expect(cards(page).nth(index).getByRole('button', { name: 'Saved' })).toBeVisible();

  // Load more by cursor, with the account that served the search.
  await page.getByRole('button', { name: 'Load more' }).click();
  await expect(page.locator('.stc-results__count')).toHaveText('200 posts shown');
  const seen = await searches(standIn);
  expect(seen.at(-1)).toEqual(expect.objectContaining({ account: 'acc_ig_lfqa', status: 200 }));
  expect(seen.at(-1)!.cursor).toBeTruthy();
});

test('SRCH-2 the grid keeps its height when off-screen cards are laid out: "Load more" never moves under the pointer', async ({ page }) => {
  // Cards far from the screen are skipped by layout (content-visibility). If their stand-in size
  // differed from their real one, the grid would grow as they came near, and "Load more" would
  // move between aiming and clicking: a lost click (seen as a flaky FAIL-1 cell).
  for (const width of [1280, 900]) {
    await page.setViewportSize({ width, height: 800 });
    await page.goto(`${SEARCH}?type=recent_tags&q=coffee`);
    await expect(page.locator('.stc-results__count')).toHaveText('100 posts shown');
    const more = page.getByRole('button', { name: 'Load more' });
    const before = await more.evaluate((el) => el.getBoundingClientRect().top + window.scrollY);
    const after = await page.evaluate(() => {
      for (const card of document.querySelectorAll<HTMLElement>('.stc-result')) card.style.contentVisibility = 'visible';
      const button = document.querySelector('.stc-results__load-more')!;
      return button.getBoundingClientRect().top + window.scrollY;
    });
    expect(after, `at ${width} px wide, laying out every card moved "Load more"`).toBe(before);
  }
});

for (const locale of ['en-US', 'nl-NL']) {
  test.describe(`pictures in ${locale}`, () => {
    test.use({ locale });

    test(`SRCH-2 every picture gets the same height: the buttons take two rows at most (${locale})`, async ({ page }) => {
      // The rows are a fixed height (above): a third row of buttons, from longer labels, would be
      // taken from the picture, and a row of cards would have pictures of different heights.
      for (const width of [1280, 900, 1600]) {
        await page.setViewportSize({ width, height: 800 });
        await page.goto(`${SEARCH}?type=recent_tags&q=coffee`);
        await expect(cards(page)).toHaveCount(100);
        const shapes = await page.evaluate(() =>
          [...document.querySelectorAll<HTMLElement>('.stc-result')].map((card) => {
            card.style.contentVisibility = 'visible';
            const media = card.querySelector('.stc-result__media')!.getBoundingClientRect();
            const tops = new Set([...card.querySelectorAll('.stc-result__actions > *')].map((b) => Math.round(b.getBoundingClientRect().top)));
            return { w: Math.round(media.width), h: Math.round(media.height), rows: tops.size };
          }),
        );
        const tallest = Math.max(...shapes.map((s) => s.h));
        for (const [i, s] of shapes.entries()) {
          expect(s.rows, `${width} px wide, card ${i + 1}: rows of buttons`).toBeLessThanOrEqual(2);
          expect(s.h, `${width} px wide, card ${i + 1}: picture ${s.w} x ${s.h}`).toBe(Math.min(tallest, s.w));
        }
      }
    });
  });
}

test('SRCH-3 the search lives in the URL: reload and back/forward restore it', async ({ page }) => {
  await page.goto(SEARCH);
  await search(page, '#summer');
  await expect(page).toHaveURL(`${SEARCH}?type=recent_tags&q=summer`);
  await expect(page.getByText('Searched with @lfqa')).toBeVisible();
  const summerFirst = await cards(page).first().getByRole('heading').textContent();

  await page.getByRole('combobox', { name: 'Search type' }).selectOption({ label: 'Top Tags Search' });
  await page.getByRole('button', { name: 'Show Filter' }).click();
  await page.getByRole('radio', { name: 'Photos Only' }).check();
  await search(page, 'coffee');
  await expect(page).toHaveURL(`${SEARCH}?type=top_tags&q=coffee&media=photos`);
  // A new search empties the grid until its answer is drawn: check the drawn answer.
  await expect(page.getByText('Searched with @lfqa')).toBeVisible();
  await expect(cards(page).first()).toBeVisible();
  await expect(page.locator('.stc-result__badge')).toHaveCount(0); // photos only: no video badge
  const coffeeFirst = await cards(page).first().getByRole('heading').textContent();

  await page.reload();
  await expect(searchBox(page)).toHaveValue('coffee');
  await expect(page.getByRole('combobox', { name: 'Search type' })).toHaveValue('top_tags');
  await expect(page.getByRole('radio', { name: 'Photos Only' })).toBeChecked();
  await expect(page.getByRole('button', { name: 'Hide Filter' })).toHaveAttribute('aria-expanded', 'true');
  await expect(cards(page).first().getByRole('heading')).toHaveText(coffeeFirst!);

  await page.goBack();
  await expect(page).toHaveURL(`${SEARCH}?type=recent_tags&q=summer`);
  await expect(searchBox(page)).toHaveValue('summer');
  await expect(page.getByRole('combobox', { name: 'Search type' })).toHaveValue('recent_tags');
  await expect(cards(page).first().getByRole('heading')).toHaveText(summerFirst!);

  await page.goForward();
  await expect(searchBox(page)).toHaveValue('coffee');
  await expect(cards(page).first().getByRole('heading')).toHaveText(coffeeFirst!);
});

test('SRCH-4 results of an older search never replace a newer one', async ({ page, standIn }) => {
  await openWithAccounts(page);
  await standIn.fault({ path: '/api/v1/instagram/search', delay_ms: 1500, times: 1 });
  await search(page, 'summer'); // slow
  await search(page, 'coffee'); // fast, newer
  await expect(page).toHaveURL(/q=coffee/);
  await expect(page.getByText('Searched with @lfqa')).toBeVisible();
  const { body } = await standIn.api('GET', '/instagram/search?type=recent_tags&q=coffee&account_id=acc_ig_lfqa&limit=100');
  const coffeeFirst = `@${body.data.posts[0].author_handle}`;
  await expect(cards(page).first().getByRole('heading')).toHaveText(coffeeFirst);
  await page.waitForTimeout(2000); // the slow summer answer would have arrived by now
  await expect(cards(page).first().getByRole('heading')).toHaveText(coffeeFirst);
  await expect(searchBox(page)).toHaveValue('coffee');
  await expect(page.getByRole('progressbar')).toBeHidden();
});

test('SRCH-5 the popup stays while hovered or focused and leaves otherwise; the results keep the facts', async ({ page }) => {
  await page.clock.install();
  await page.goto(SEARCH);
  await search(page, 'summer');
  const popup = popups(page).first();
  await expect(popup).toBeVisible();

  await popup.hover();
  await page.clock.fastForward(60_000);
  await expect(popup).toBeVisible();

  await page.mouse.move(900, 200);
  await popup.getByRole('button', { name: 'Refresh Token' }).focus();
  await page.clock.fastForward(60_000);
  await expect(popup).toBeVisible();

  await page.locator('#stc-search-q').focus();
  await page.clock.fastForward(25_000);
  await expect(popups(page)).toHaveCount(0);
  await expect(page.locator('.stc-results__passed')).toContainText('@hurray was skipped');

  // The close button closes a popup at once.
  await search(page, 'coffee');
  await expect(popups(page)).toHaveCount(1);
  await popups(page).first().getByRole('button', { name: 'Close the notice about @hurray' }).click();
  await expect(popups(page)).toHaveCount(0);
});

test('A11Y-1 the search works by keyboard: type, search, filter, the popup and its actions, details', async ({ page, standIn }) => {
  await page.goto(SEARCH);
  await expect(page.getByRole('banner')).toContainText('Ada Admin');
  await searchBox(page).focus();
  await page.keyboard.type('summer');
  await page.keyboard.press('Enter');
  await expect(page.getByText('Searched with @lfqa')).toBeVisible();
  await expect(searchBox(page)).toBeFocused(); // the popup did not take focus

  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Search', exact: true })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Show Filter' })).toBeFocused();
  await page.keyboard.press('Enter');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('radio', { name: 'All Content' })).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(page).toHaveURL(/media=photos/);
  await expect(page.getByRole('radio', { name: 'Photos Only' })).toBeChecked();
  // The filter started a new search: the results must be back before Tab can reach them.
  await expect(page.getByText('Searched with @lfqa')).toBeVisible();
  await expect(cards(page).first()).toBeVisible();
  await page.keyboard.press('Tab');
  // Next come the popup's close button and Refresh Token.
  await expect(popups(page).first().getByRole('button', { name: 'Close the notice about @hurray' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(popups(page).first().getByRole('button', { name: 'Refresh Token' })).toBeFocused();
  await page.keyboard.press('Tab');
  // Then the results: View Details opens the dialog, Escape closes it.
  await expect(page.getByRole('button', { name: 'View Details' }).first()).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('dialog', { name: 'Post details' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('button', { name: 'View Details' }).first()).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(cards(page).first().getByRole('button', { name: /^(Save|Saved)$/ })).toBeFocused();
  expect((await searches(standIn)).length).toBe(2);
});

test('A11Y-1 axe-clean with results and with the popup shown', async ({ page }) => {
  test.slow(); // two full axe passes over 100 result cards: 13 to 20 s alone, more on a busy machine
  await page.goto(`${SEARCH}?type=recent_tags&q=summer`);
  await expect(page.getByText('Searched with @lfqa')).toBeVisible();
  await expect(popups(page)).toHaveCount(1);
  await expectAxeClean(page, 'results with the popup');
  await page.getByRole('button', { name: 'Show Filter' }).click();
  await search(page, 'sum mer');
  await expectAxeClean(page, 'filter open, invalid input');
});

test.describe('in Dutch', () => {
  test.use({ locale: 'nl-NL' });

  test('I18N-1 the search, the popup and the results are complete in Dutch, and axe-clean', async ({ page, standIn }) => {
    await standIn.exhaustQuota('acc_ig_danni');
    await standIn.expire('acc_ig_lfqa');
    await page.goto(SEARCH);
    await expect(page.getByRole('heading', { level: 2, name: 'Instagram' })).toBeVisible();
    await expect(page.getByRole('combobox', { name: 'Soort zoekopdracht' })).toBeVisible();
    await page.getByRole('button', { name: 'Filter tonen' }).click();
    await expect(page.getByRole('radio', { name: 'Alleen foto\'s' })).toBeVisible();
    await searchBox(page).fill('summer');
    await page.getByRole('button', { name: 'Zoeken', exact: true }).click();

    await expect(page.getByText('Gezocht met @johnny')).toBeVisible();
    const popups = (page: Page) => page.getByRole('status', { name: 'Meldingen over zoekaccounts' }).locator('.stc-token-popup');
    await expect(popups(page).nth(0)).toContainText('@danni heeft de limiet van Instagram bereikt. Dit is geen verlopen token');
    await expect(popups(page).nth(1)).toContainText('Het Instagram-token van @lfqa is verlopen.');
    await expect(popups(page).nth(2)).toContainText('Het Instagram-token van @hurray is verlopen.');
    await expect(popups(page).nth(2)).toContainText('De zoekopdracht gebruikte in plaats daarvan @johnny.');
    await expect(popups(page).nth(2).getByRole('button', { name: 'Token vernieuwen' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Details', exact: true }).first()).toBeVisible();
    await expect(page.getByRole('button', { name: 'Meer laden' })).toBeVisible();
    await page.getByRole('button', { name: 'Details', exact: true }).first().click();
    await expect(page.getByRole('dialog', { name: 'Details van het bericht' })).toBeVisible();
    await expect(page.getByRole('dialog')).toContainText('Auteur');
    await page.screenshot({ path: '/work/shots/search-nl-details.png' });
    await page.keyboard.press('Escape');

    // Everything but the posts' own text (captions and handles are the authors' words).
    const text = await page.locator('main').evaluate((main) => {
      const copy = main.cloneNode(true) as HTMLElement;
      copy.querySelectorAll('.stc-result__caption, .stc-result__author').forEach((e) => e.remove());
      return copy.textContent ?? '';
    });
    for (const english of ['Search type', 'Hashtag or', 'Show Filter', 'Searched with', 'has expired', 'instead', 'Refresh Token', 'View Details', 'Save', 'Load more', 'likes', 'comments', 'Results', 'rate limit']) {
      expect(text, english).not.toContain(english);
    }
    await expectAxeClean(page, 'Dutch results with popups');
    await page.screenshot({ path: '/work/shots/search-nl.png' });
  });
});

test('SRCH-5 measure: time from the API answer to the popup shown', async ({ page, standIn }) => {
  await page.addInitScript(() => {
    const w = window as any;
    w.__popupShown = null;
    new MutationObserver(() => {
      if (w.__popupShown === null && document.querySelector('.stc-token-popup')) {
        const inserted = performance.now();
        requestAnimationFrame(() => {
          w.__popupShown = { inserted, painted: performance.now() };
        });
        w.__popupShown = undefined;
      }
    }).observe(document, { childList: true, subtree: true });
  });
  await standIn.advance(-3 * DAY);
  await openWithAccounts(page);
  await standIn.advance(3 * DAY);
  await search(page, 'summer');
  await expect(popups(page)).toHaveCount(1);
  await expect(page.getByText('Searched with @lfqa')).toBeVisible();
  // The observer records the paint in the frame after the insertion.
  await page.waitForFunction(() => (window as any).__popupShown?.painted !== undefined);
  const t = await page.evaluate(() => {
    const w = window as any;
    const entry = performance
      .getEntriesByType('resource')
      .find((e) => e.name.includes('/instagram/search') && e.name.includes('acc_ig_hurray')) as PerformanceResourceTiming;
    return { responseEnd: entry.responseEnd, ...w.__popupShown };
  });
  const toDom = t.inserted - t.responseEnd;
  const toPaint = t.painted - t.responseEnd;
  expect(toPaint).toBeGreaterThanOrEqual(0);
  expect(toPaint).toBeLessThan(1000);
  test.info().annotations.push({ type: 'popup after API answer (ms): in DOM / next frame', description: `${toDom.toFixed(1)} / ${toPaint.toFixed(1)}` });
  console.log(`MEASURE popup: response->DOM ${toDom.toFixed(1)} ms, response->next frame ${toPaint.toFixed(1)} ms`);
});

test('SRCH-2 measure: time to render 500 results (one answer of 500, and five pages of 100)', async ({ page, standIn }) => {
  // A fixture: five real pages of #ugc joined into one answer of 500 posts.
  const posts: any[] = [];
  let cursor: string | null = null;
  let now = '';
  let account: any = null;
  for (let i = 0; i < 5; i += 1) {
    const route = `/instagram/search?type=recent_tags&q=ugc&account_id=acc_ig_danni&limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
    const { body } = await standIn.api('GET', route);
    posts.push(...body.data.posts);
    cursor = body.data.next_cursor;
    now = body.now;
    account = body.data.account;
  }
  expect(posts).toHaveLength(500);
  await page.route(/\/api\/v1\/instagram\/search\?.*q=travel/, (route) =>
    route.fulfill({ contentType: 'application/json', body: JSON.stringify({ now, data: { account: { ...account, id: 'acc_ig_lfqa', handle: 'lfqa' }, posts, next_cursor: null } }) }),
  );
  await openWithAccounts(page);
  await searchBox(page).fill('travel');
  const once = await page.evaluate(async () => {
    const start = performance.now();
    (document.querySelector('.stc-search-form__submit') as HTMLButtonElement).click();
    await new Promise<void>((resolve) => {
      const check = () => (document.querySelectorAll('.stc-results__grid > li').length >= 500 ? resolve() : requestAnimationFrame(check));
      check();
    });
    const rendered = performance.now();
    await new Promise((r) => requestAnimationFrame(() => r(null)));
    const painted = performance.now();
    const entry = performance.getEntriesByType('resource').filter((e) => e.name.includes('q=travel')).at(-1) as PerformanceResourceTiming | undefined;
    const answered = entry ? entry.responseEnd : start;
    return { fromClick: painted - start, fromAnswer: painted - answered, inDom: rendered - answered, hadTiming: !!entry };
  });
  await expect(cards(page)).toHaveCount(500);
  await page.screenshot({ path: '/work/shots/search-500.png' });

  // Five pages of 100 from the stand-in: the first search, then Load more four times.
  await page.unrouteAll();
  await page.goto(SEARCH);
  const t0 = Date.now();
  await search(page, 'ugc');
  await expect(page.locator('.stc-results__count')).toHaveText('100 posts shown');
  const first = Date.now() - t0;
  const loads: number[] = [];
  for (let n = 200; n <= 500; n += 100) {
    const t = await page.evaluate(async (want) => {
      const start = performance.now();
      (document.querySelector('.stc-results__load-more') as HTMLButtonElement).click();
      await new Promise<void>((resolve) => {
        const check = () => (document.querySelectorAll('.stc-results__grid > li').length >= want ? resolve() : requestAnimationFrame(check));
        check();
      });
      await new Promise((r) => requestAnimationFrame(() => r(null)));
      return performance.now() - start;
    }, n);
    loads.push(t);
  }
  await expect(cards(page)).toHaveCount(500);
  const total = first + loads.reduce((a, b) => a + b, 0);
  const summary =
    `one answer of 500: ${once.fromAnswer.toFixed(0)} ms from the answer to painted (${once.inDom.toFixed(0)} ms to the DOM; ${once.fromClick.toFixed(0)} ms from the click${once.hadTiming ? '' : ', no resource timing'}); ` +
    `5 pages of 100: first ${first} ms (incl. request), load more ${loads.map((l) => l.toFixed(0)).join('/')} ms, total ${total.toFixed(0)} ms`;
  test.info().annotations.push({ type: '500 results', description: summary });
  console.log(`MEASURE 500 results: ${summary}`);
  expect(once.fromClick).toBeLessThan(10_000);
});
