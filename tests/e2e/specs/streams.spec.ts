// Streams (STR-1..3) and Refresh Token from a stopped stream (TOK-4, OAUTH-1..4), against the
// stand-in's demo network: Summer UGC is stopped by @hurray's expired Instagram token, Support
// mentions by @brand_support's revoked Twitter token, Travel runs on @johnny (5 days left).
import type { Locator, Page, Route } from '@playwright/test';
import { test, expect, expectAxeClean, expectInset, closeAndReopenAtOnce, type StandIn } from '../fixtures';

const STREAMS = '/streams';

/** The card of one stream, found by its name (an article labelled by its heading). */
function stream(page: Page, name: string): Locator {
  return page.getByRole('article', { name, exact: true });
}

/** A day as the app writes it: the browser's Intl, long date style, in its time zone. */
function longDate(page: Page, iso: string, locale = 'en'): Promise<string> {
  return page.evaluate(
    ([iso, locale]) => new Intl.DateTimeFormat(locale, { dateStyle: 'long' }).format(new Date(iso)),
    [iso, locale],
  );
}

async function apiStream(standIn: StandIn, id: string) {
  const { body } = await standIn.api('GET', '/streams');
  return body.data.find((s: any) => s.id === id);
}

async function apiAccount(standIn: StandIn, id: string) {
  const { body } = await standIn.api('GET', '/social-accounts');
  return body.data.find((a: any) => a.id === id);
}

/** The number of requests the stand-in saw for a method and a path (prefix with `*`). */
async function countRequests(standIn: StandIn, method: string, path: string) {
  const answer: any = await standIn.requests();
  const log: Array<{ method: string; path: string }> = Array.isArray(answer) ? answer : answer.data;
  const match = (p: string) => (path.endsWith('*') ? p.startsWith(path.slice(0, -1)) : p === path);
  return log.filter((r) => r.method === method && match(r.path)).length;
}

/** Clicks Refresh Token on a stream and returns the provider's popup, loaded. */
async function refreshInPopup(page: Page, card: Locator) {
  const popupEvent = page.waitForEvent('popup');
  await card.getByRole('button', { name: 'Refresh Token' }).click();
  const popup = await popupEvent;
  await popup.waitForURL(/\/oauth\/instagram\/authorize\?state=/);
  return popup;
}

test('STR-1 each stream shows its destination, rules, account and status; a stopped one says why in words', async ({ page, standIn }) => {
  const summer = await apiStream(standIn, 'str_summer');
  const support = await apiStream(standIn, 'str_support');
  expect(summer.status).toBe('stopped');
  await page.goto(STREAMS);

  const card = stream(page, 'Summer UGC');
  await expect(card).toContainText('App: Summer microsite');
  await expect(card).toContainText('Instagram: #summer');
  await expect(card).toContainText('@hurray');
  await expect(card).toContainText('Stopped');
  const expired = await longDate(page, summer.stopped.since);
  await expect(card).toContainText(`The Instagram token of @hurray expired on ${expired}.`);
  await expect(card.getByRole('button', { name: 'Refresh Token' })).toBeVisible();
  await expect(card.getByRole('button', { name: 'Switch account' })).toBeVisible();

  const revoked = stream(page, 'Support mentions');
  await expect(revoked).toContainText('Twitter: @brand_support');
  await expect(revoked).toContainText('Stopped');
  const since = await longDate(page, support.stopped.since);
  await expect(revoked).toContainText(
    `The Twitter token of @brand_support needs re-authorization: access was revoked on ${since}.`,
  );
  await expect(revoked.getByRole('button', { name: 'Refresh Token' })).toBeVisible();

  const coffee = stream(page, 'Coffee wall');
  await expect(coffee).toContainText('Folder: Coffee');
  await expect(coffee).toContainText('Running');
  await expect(coffee).not.toContainText('Stopped');
  await expect(coffee.getByRole('button')).toHaveCount(0);
  await expect(stream(page, 'Travel')).toContainText('Instagram Business: #travel');
  await expect(stream(page, 'Travel')).toContainText('Running');

  await page.screenshot({ path: '/work/shots/streams-list.png', fullPage: true });
  await expectAxeClean(page, 'streams list');
});

test('STR-1 a running stream is Stopped once the clock passes its account expiry (after a reload)', async ({ page, standIn }) => {
  const johnny = await apiAccount(standIn, 'acc_igb_johnny');
  await page.goto(STREAMS);
  await expect(stream(page, 'Travel')).toContainText('Running');

  const after = new Date(Date.parse(johnny.token.expires_at) + 60_000).toISOString();
  await standIn.setClock(after);
  await page.reload();
  const travel = stream(page, 'Travel');
  await expect(travel).toContainText('Stopped');
  const day = await longDate(page, johnny.token.expires_at);
  await expect(travel).toContainText(`The Instagram Business token of @johnny expired on ${day}.`);
  await expect(travel.getByRole('button', { name: 'Refresh Token' })).toBeVisible();
  expect((await apiStream(standIn, 'str_travel')).status).toBe('stopped');
});

test('STR-1 TOK-5 an open page flips a running stream to Stopped at its account expiry, without a reload', async ({ page, standIn }) => {
  const johnny = await apiAccount(standIn, 'acc_igb_johnny');
  // The server clock runs, 8 s before @johnny's token expires.
  await standIn.setClock(new Date(Date.parse(johnny.token.expires_at) - 8_000).toISOString(), false);
  await page.goto(STREAMS);
  const travel = stream(page, 'Travel');
  await expect(travel).toContainText('Running');
  await page.evaluate(() => ((window as any).__sameDocument = true));

  await expect(travel).toContainText('Stopped', { timeout: 15_000 });
  await expect(travel).toContainText('The Instagram Business token of @johnny expired on');
  expect(await page.evaluate(() => (window as any).__sameDocument)).toBe(true);
  // The page asked again at that moment, and the API agrees.
  expect((await apiStream(standIn, 'str_travel')).status).toBe('stopped');
});

test('TOK-2 TOK-5 readings of the clock before an account expires change nothing, and its expiry still stops its stream, by the clock alone', async ({ page, standIn }) => {
  const johnny = await apiAccount(standIn, 'acc_igb_johnny');
  await standIn.setClock(new Date(Date.parse(johnny.token.expires_at) - 8_000).toISOString(), false);
  await page.goto(STREAMS);
  const travel = stream(page, 'Travel');
  await expect(travel).toContainText('Running');
  // From here on the page's reads of the streams get no answer: what it shows is its own reckoning.
  const held: Route[] = [];
  await page.route((url) => url.pathname.endsWith('/api/v1/streams'), (route) => {
    held.push(route);
  });
  // Each return to the tab reads the bell, and each answer reads the server's clock again.
  for (let i = 0; i < 3; i++) {
    const read = page.waitForResponse((r) => new URL(r.url()).pathname.endsWith('/api/v1/notifications'));
    await page.evaluate(() => document.dispatchEvent(new Event('visibilitychange', { bubbles: true })));
    await read;
    await expect(travel).toContainText('Running');
  }
  await expect(travel).toContainText('Stopped', { timeout: 15_000 });
  await expect(travel).toContainText('The Instagram Business token of @johnny expired on');
  // The page asked the API at that moment, and has had no answer.
  await expect.poll(() => held.length).toBeGreaterThan(0);
  await page.unrouteAll({ behavior: 'ignoreErrors' });
});

test('TOK-5 a tab that slept past an account expiry shows its stream stopped when it comes back, and asks the API', async ({ page, standIn }) => {
  const johnny = await apiAccount(standIn, 'acc_igb_johnny');
  const expiry = Date.parse(johnny.token.expires_at);
  await standIn.setClock(new Date(expiry - 3_600_000).toISOString(), true);
  await page.goto(STREAMS);
  const travel = stream(page, 'Travel');
  await expect(travel).toContainText('Running');
  const asked = await countRequests(standIn, 'GET', '/api/v1/streams');
  // A day later by the server's clock; the page's timer, an hour away by the browser's, has not
  // fired. The next answer (the bell's, on coming back to the tab) carries the new time.
  await standIn.setClock(new Date(expiry + 86_400_000).toISOString(), true);
  await page.evaluate(() => document.dispatchEvent(new Event('visibilitychange', { bubbles: true })));
  await expect(travel).toContainText('Stopped');
  await expect(travel).toContainText('The Instagram Business token of @johnny expired on');
  await expect.poll(() => countRequests(standIn, 'GET', '/api/v1/streams')).toBe(asked + 1);
});

test('TOK-2 a running stream whose account expires within 10 days says when it will stop, and Refresh Token ahead of time keeps it running', async ({ page, standIn }) => {
  const johnny = await apiAccount(standIn, 'acc_igb_johnny');
  await page.goto(STREAMS);
  const travel = stream(page, 'Travel');
  await expect(travel).toContainText('Running');
  const day = await longDate(page, johnny.token.expires_at);
  await expect(travel).toContainText(
    `The Instagram Business token of @johnny expires in 5 days, on ${day}. The stream stops then unless the token is refreshed.`,
  );
  // Coffee wall's @lfqa has weeks left: nothing to say, nothing to do.
  await expect(stream(page, 'Coffee wall')).not.toContainText('expires');
  await expect(stream(page, 'Coffee wall').getByRole('button')).toHaveCount(0);
  // It still runs: there is nothing to switch away from yet.
  await expect(travel.getByRole('button', { name: 'Switch account' })).toHaveCount(0);
  await page.screenshot({ path: '/work/shots/streams-expiring.png', fullPage: true });
  await expectAxeClean(page, 'a stream about to stop');

  // A day-old Facebook token with days left refreshes without the provider's window.
  await travel.getByRole('button', { name: 'Refresh Token' }).click();
  await expect(travel.getByRole('status')).toContainText('The token of @johnny was refreshed.');
  await expect(travel).not.toContainText('expires in');
  await expect(travel.getByRole('button')).toHaveCount(0);
  await expect(travel).toContainText('Running');
  expect((await apiAccount(standIn, 'acc_igb_johnny')).token.expires_at).not.toBe(johnny.token.expires_at);
});

test('TOK-2 TOK-5 an open page starts warning about a stream 10 days before its account expires, without a reload', async ({ page, standIn }) => {
  const lfqa = await apiAccount(standIn, 'acc_ig_lfqa');
  const warnFrom = Date.parse(lfqa.token.expires_at) - 10 * 86_400_000;
  // The server clock runs, 4 s before the warning is due.
  await standIn.setClock(new Date(warnFrom - 4_000).toISOString(), false);
  await page.goto(STREAMS);
  const coffee = stream(page, 'Coffee wall');
  await expect(coffee).toContainText('Running');
  await expect(coffee).not.toContainText('expires in');
  await page.evaluate(() => ((window as any).__sameDocument = true));
  const asked = await countRequests(standIn, 'GET', '/api/v1/streams');

  const day = await longDate(page, lfqa.token.expires_at);
  await expect(coffee).toContainText(`The Instagram token of @lfqa expires in 10 days, on ${day}.`, { timeout: 15_000 });
  await expect(coffee.getByRole('button', { name: 'Refresh Token' })).toBeVisible();
  expect(await page.evaluate(() => (window as any).__sameDocument)).toBe(true);
  // A warning is the page's own reckoning: no stream stopped, so the API is not asked again.
  expect(await countRequests(standIn, 'GET', '/api/v1/streams')).toBe(asked);
});

test('STR-1 a summary above the list names the streams that need attention, stopped first, and takes focus to each', async ({ page }) => {
  await page.goto(STREAMS);
  const summary = page.getByRole('region', { name: '3 streams need attention' });
  await expect(summary).toContainText('Stopped: 2. Will stop within 10 days: 1.');
  await expect(summary.getByRole('listitem')).toHaveText([
    /^Summer UGC · stopped/,
    /^Support mentions · stopped/,
    /^Travel · stops in 5 days/,
  ]);
  // By keyboard: the button takes focus to the stream, whose actions come next.
  await summary.getByRole('button', { name: 'Go to Travel' }).focus();
  await page.keyboard.press('Enter');
  const travel = stream(page, 'Travel');
  await expect(travel.getByRole('heading', { name: 'Travel' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(travel.getByRole('button', { name: 'Refresh Token' })).toBeFocused();

  // Refreshed ahead of time, Travel leaves the summary; the stopped ones stay.
  await page.keyboard.press('Enter');
  await expect(travel.getByRole('status')).toContainText('The token of @johnny was refreshed.');
  const fewer = page.getByRole('region', { name: '2 streams need attention' });
  await expect(fewer).toContainText('Stopped: 2. Will stop within 10 days: 0.');
  await expect(fewer.getByRole('listitem')).toHaveText([/^Summer UGC/, /^Support mentions/]);
});

test('STR-1 with 600 streams the summary lists the most urgent three and the rest on request', async ({ page, standIn }) => {
  await standIn.reset('large');
  await page.goto(STREAMS);
  const summary = page.locator('.stc-streams__attention');
  // The API's own stops are known with the streams; the warnings only once the accounts list is
  // there too. A row's warning says it is: the summary is drawn from the same lists.
  await expect(page.locator('.stc-stream__expiring').first()).toBeVisible();
  const title = (await summary.getByRole('heading').textContent()) ?? '';
  const total = Number(/^(\d+) streams need attention$/.exec(title)?.[1]);
  expect(total).toBeGreaterThan(3);
  await expect(summary.getByRole('listitem')).toHaveCount(3);
  // Stopped ones first.
  await expect(summary.getByRole('listitem').first()).toContainText('stopped');
  const more = summary.getByRole('button', { name: `Show all ${total}` });
  await expect(more).toHaveAttribute('aria-expanded', 'false');
  await more.click();
  await expect(summary.getByRole('listitem')).toHaveCount(total);
  await expect(summary.getByRole('button', { name: 'Show the most urgent only' })).toHaveAttribute('aria-expanded', 'true');
  // Every one it lists is a stream on the page that says it stopped or when it will.
  const last = (await summary.getByRole('listitem').last().locator('strong').textContent()) ?? '';
  await expect(stream(page, last)).toContainText(/Stopped|The stream stops then/);
});

test('STR-2 OAUTH-1 OAUTH-4 Refresh Token through the provider popup brings Summer UGC back to Running, with the not-filled-in note', async ({ page, standIn }) => {
  await page.goto(STREAMS);
  const card = stream(page, 'Summer UGC');
  const popup = await refreshInPopup(page, card);

  // While it runs: progress, and a second click does nothing (OAUTH-4).
  const button = card.locator('.stc-refresh-button');
  await expect(button).toHaveText('Refreshing…');
  await expect(button).toBeDisabled();
  await button.click({ force: true });
  await expect(card).toContainText('Finish the authorization in the Instagram window.');
  expect(await countRequests(standIn, 'POST', '/api/v1/social-accounts/acc_ig_hurray/refresh')).toBe(1);
  await page.screenshot({ path: '/work/shots/streams-refreshing.png', fullPage: true });

  await expect(popup.getByText('Refreshing the token of @hurray')).toBeVisible();
  await popup.getByRole('button', { name: 'Authorize App' }).click();

  await expect(card).toContainText('Running');
  await expect(card).not.toContainText('Stopped');
  await expect(card.getByRole('status')).toContainText('The token of @hurray was refreshed.');
  const api = await apiStream(standIn, 'str_summer');
  expect(api.status).toBe('running');
  expect(api.last_gap).not.toBeNull();
  const from = await longDate(page, api.last_gap.from);
  const to = await longDate(page, api.last_gap.to);
  await expect(card).toContainText(
    `Running again. Content posted while it was stopped (${from} – ${to}) is not filled in.`,
  );
  await expect(card.getByRole('button')).toHaveCount(0);
  await page.screenshot({ path: '/work/shots/streams-refreshed.png', fullPage: true });

  // It is the API's state, not only the page's.
  await page.reload();
  await expect(stream(page, 'Summer UGC')).toContainText('Running');
  await expect(stream(page, 'Summer UGC')).toContainText('is not filled in');
});

test('OAUTH-2 messages from another origin, of another type, with another state, or replayed after the flow finished are ignored', async ({ page, standIn }) => {
  await page.goto(STREAMS);
  const card = stream(page, 'Summer UGC');
  const popup = await refreshInPopup(page, card);
  const state = new URL(popup.url()).searchParams.get('state')!;
  const authorizeUrl = popup.url();

  // Same state and type, but from another origin (localhost is not 127.0.0.1).
  const other = new URL(standIn.url);
  other.hostname = 'localhost';
  // Navigated from inside the popup, as a provider page would, so it keeps its opener.
  await popup.evaluate((url) => window.location.assign(url), `${other.origin}/auth/sign-in`);
  await popup.waitForURL(`${other.origin}/auth/sign-in`);
  await popup.evaluate(
    (state) => window.opener.postMessage({ type: 'social-console-oauth', state, status: 'connected' }, '*'),
    state,
  );
  // From this origin, but with another state, or another type.
  await page.evaluate((state) => {
    window.postMessage({ type: 'social-console-oauth', state: 'forged-state', status: 'connected' }, '*');
    window.postMessage({ type: 'something-else', state, status: 'connected' }, '*');
    window.postMessage('social-console-oauth', '*');
  }, state);
  await page.waitForTimeout(1_000);
  expect(await countRequests(standIn, 'GET', '/api/v1/oauth/flows/*')).toBe(0);
  await expect(card.locator('.stc-refresh-button')).toHaveText('Refreshing…');
  await expect(card).toContainText('Stopped');

  // The real answer still counts.
  await popup.evaluate((url) => window.location.assign(url), authorizeUrl);
  await popup.getByRole('button', { name: 'Authorize App' }).click();
  await expect(card).toContainText('Running');
  expect(await countRequests(standIn, 'GET', `/api/v1/oauth/flows/${state}`)).toBe(1);

  // Once the flow has finished, the same message again (a replay, from the right origin) is
  // ignored: nothing is read again and nothing changes.
  await page.evaluate(
    (state) => window.postMessage({ type: 'social-console-oauth', state, status: 'connected' }, '*'),
    state,
  );
  await page.waitForTimeout(800);
  expect(await countRequests(standIn, 'GET', `/api/v1/oauth/flows/${state}`)).toBe(1);
  await expect(card).toContainText('Running');
});

test('OAUTH-3 a popup closed before finishing says "Authorization was cancelled."', async ({ page, standIn }) => {
  await page.goto(STREAMS);
  const card = stream(page, 'Summer UGC');
  const popup = await refreshInPopup(page, card);
  await popup.close();
  await expect(card.getByRole('alert')).toContainText('Authorization was cancelled.');
  await expect(card.getByRole('button', { name: 'Refresh Token' })).toBeEnabled();
  await expect(card).toContainText('Stopped');
  expect((await apiStream(standIn, 'str_summer')).status).toBe('stopped');
});

test('OAUTH-3 a denial at the provider is said in words and changes nothing', async ({ page, standIn }) => {
  await page.goto(STREAMS);
  const card = stream(page, 'Summer UGC');
  const popup = await refreshInPopup(page, card);
  await popup.getByRole('button', { name: 'Deny' }).click();
  await expect(card.getByRole('alert')).toContainText('The authorization was denied at Instagram. Nothing was changed.');
  await expect(card).toContainText('Stopped');
  expect((await apiStream(standIn, 'str_summer')).status).toBe('stopped');
});

test('OAUTH-3 ACC-5 authorizing another identity says which was used and which was expected, and changes nothing', async ({ page, standIn }) => {
  await page.goto(STREAMS);
  const card = stream(page, 'Summer UGC');
  const popup = await refreshInPopup(page, card);
  await popup.getByRole('radio', { name: /@lfqa/ }).check();
  await popup.getByRole('button', { name: 'Authorize App' }).click();
  const alert = card.getByRole('alert');
  await expect(alert).toContainText('Instagram authorized @lfqa, but this token belongs to @hurray. Nothing was changed.');
  await expect(alert).toContainText('switch to @hurray there');
  await expect(card).toContainText('Stopped');
  expect((await apiAccount(standIn, 'acc_ig_hurray')).token.expires_at).toBe(
    (await apiStream(standIn, 'str_summer')).stopped.since,
  );
});

test.describe('with pop-ups blocked', () => {
  test('OAUTH-3 a blocked popup is said, and continuing in this tab comes back with the outcome', async ({ page, standIn }) => {
    await page.addInitScript(() => {
      window.open = () => null;
    });
    await page.goto(STREAMS);
    const card = stream(page, 'Summer UGC');
    await card.getByRole('button', { name: 'Refresh Token' }).click();
    const alert = card.getByRole('alert');
    await expect(alert).toContainText('Your browser blocked the Instagram authorization window.');
    await expectAxeClean(page, 'popup blocked');

    await alert.getByRole('button', { name: 'Continue in this tab' }).click();
    await expect(page).toHaveURL(/\/oauth\/instagram\/authorize\?state=/);
    await page.getByRole('button', { name: 'Authorize App' }).click();

    await expect(page).toHaveURL(STREAMS); // back, and the one-time oauth_state is gone
    await expect(stream(page, 'Summer UGC').getByRole('status')).toContainText('The token of @hurray was refreshed.');
    await expect(stream(page, 'Summer UGC')).toContainText('Running');
    await expect(stream(page, 'Summer UGC')).toContainText('is not filled in');
    expect(await countRequests(standIn, 'GET', '/api/v1/oauth/flows/*')).toBe(1);
  });
});

test('STR-3 switching Summer UGC to @lfqa, confirmed in one step, persists across a reload', async ({ page, standIn }) => {
  await page.goto(STREAMS);
  const card = stream(page, 'Summer UGC');
  await card.getByRole('button', { name: 'Switch account' }).click();

  const dialog = page.getByRole('dialog', { name: 'Switch the account of Summer UGC' });
  await expect(dialog).toBeVisible();
  const choices = dialog.getByRole('group', { name: 'Instagram accounts with a valid token' }).getByRole('radio');
  // Only usable Instagram accounts, in their order: not @hurray (expired), no other network.
  await expect(choices).toHaveCount(2);
  await expect(dialog.getByRole('radio', { name: /@lfqa/ })).toBeChecked();
  await expect(dialog.getByRole('radio', { name: /@danni/ })).toBeVisible();
  await expect(dialog).toContainText('Expires in 10 days');
  await expect(dialog).not.toContainText('@hurray');
  await expect(dialog).not.toContainText('@johnny');
  await expectInset(dialog, dialog.getByRole('heading', { name: 'Switch the account of Summer UGC' }));
  await page.screenshot({ path: '/work/shots/streams-switch-dialog.png', fullPage: true });
  await expectAxeClean(page, 'switch dialog open');

  await dialog.getByRole('button', { name: 'Switch to @lfqa' }).click();
  await expect(dialog).toBeHidden();
  await expect(card).toContainText('Running');
  await expect(card).toContainText('@lfqa');
  await expect(card).toContainText('is not filled in');
  await expect(page.getByRole('status').filter({ hasText: 'Summer UGC now uses @lfqa and is running.' })).toBeVisible();

  const api = await apiStream(standIn, 'str_summer');
  expect(api.account.id).toBe('acc_ig_lfqa');
  expect(api.status).toBe('running');
  await page.reload();
  await expect(stream(page, 'Summer UGC')).toContainText('@lfqa');
  await expect(stream(page, 'Summer UGC')).toContainText('Running');
});

test('STR-3 A11Y-1 closed and opened again at once, the switch dialog opens again with its choices', async ({ page }) => {
  await page.goto(STREAMS);
  const button = stream(page, 'Summer UGC').getByRole('button', { name: 'Switch account' });
  await button.click();
  const dialog = page.getByRole('dialog', { name: 'Switch the account of Summer UGC' });
  await expect(dialog.getByRole('radio', { name: /@lfqa/ })).toBeChecked();
  // Escape and Enter on Switch account faster than the browser reports the closing.
  await closeAndReopenAtOnce(dialog, button);
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('radio', { name: /@lfqa/ })).toBeChecked();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(button).toBeFocused();
});

test.describe('as a Curator', () => {
  test.use({ role: 'demo-curator' });

  test('STR-1 ACC-8 a Curator sees every status but no actions, and who can fix it', async ({ page }) => {
    await page.goto(STREAMS);
    const card = stream(page, 'Summer UGC');
    await expect(card).toContainText('The Instagram token of @hurray expired on');
    await expect(card).toContainText('Ask an admin: Ada Admin, Bram Beheer');
    await expect(stream(page, 'Support mentions')).toContainText('Ask an admin: Ada Admin, Bram Beheer');
    await expect(stream(page, 'Coffee wall')).not.toContainText('Ask an admin');
    // A stream about to stop is said, with who can refresh its account in time.
    await expect(stream(page, 'Travel')).toContainText('The Instagram Business token of @johnny expires in 5 days');
    await expect(stream(page, 'Travel')).toContainText('Ask an admin: Ada Admin, Bram Beheer');
    // The summary's "Go to" buttons only move focus; the streams offer no action.
    await expect(page.locator('.stc-streams__list').getByRole('button')).toHaveCount(0);
    await page.screenshot({ path: '/work/shots/streams-curator.png', fullPage: true });
    await expectAxeClean(page, 'curator');
  });
});

test.describe('failures', () => {
  test('FAIL-1 the list failing to load says so in words, with a retry that works', async ({ page, standIn }) => {
    await standIn.fault({ method: 'GET', path: '/api/v1/streams', status: 503, times: 1 });
    await page.goto(STREAMS);
    const alert = page.getByRole('alert').filter({ hasText: 'The server had a problem' });
    await expect(alert).toBeVisible();
    await alert.getByRole('button', { name: 'Try again' }).click();
    await expect(stream(page, 'Summer UGC')).toContainText('Stopped');
    await expect(page.getByRole('alert').filter({ hasText: 'The server had a problem' })).toHaveCount(0);
  });

  test('FAIL-1 a failed refresh request is said at the stream, closes the blank popup and can be tried again', async ({ page, standIn }) => {
    await standIn.fault({ method: 'POST', path: '/api/v1/social-accounts/acc_ig_hurray/refresh', status: 503, times: 1 });
    await page.goto(STREAMS);
    const card = stream(page, 'Summer UGC');
    const popupEvent = page.waitForEvent('popup');
    await card.getByRole('button', { name: 'Refresh Token' }).click();
    const blank = await popupEvent;
    await expect.poll(() => blank.isClosed()).toBe(true);
    const alert = card.getByRole('alert');
    await expect(alert).toContainText('The server had a problem. This is temporary and does not change any token.');
    await expect(card).toContainText('Stopped');
    await expectAxeClean(page, 'refresh error shown');

    // The page still works: the retry runs the whole refresh.
    const popupAgain = page.waitForEvent('popup');
    await alert.getByRole('button', { name: 'Try again' }).click();
    const popup = await popupAgain;
    await popup.waitForURL(/\/oauth\/instagram\/authorize/);
    await popup.getByRole('button', { name: 'Authorize App' }).click();
    await expect(card).toContainText('Running');
  });

  test('FAIL-1 reading the authorization outcome failing is said, and a retry reads it again', async ({ page, standIn }) => {
    // Every read fails until the faults are cleared: the callback's message and the closed-popup
    // check may each read the outcome, in either order, so a single fault would be a race.
    await standIn.fault({ method: 'GET', path: '/api/v1/oauth/flows/*', status: 503, times: 100 });
    await page.goto(STREAMS);
    const card = stream(page, 'Summer UGC');
    const popup = await refreshInPopup(page, card);
    await popup.getByRole('button', { name: 'Authorize App' }).click();
    const alert = card.getByRole('alert');
    await expect(alert).toContainText('The server had a problem');
    await standIn.clearFaults();
    await alert.getByRole('button', { name: 'Try again' }).click();
    await expect(card.getByRole('status')).toContainText('The token of @hurray was refreshed.');
    await expect(card).toContainText('Running');
  });

  test('FAIL-1 a failed switch is said in the dialog, which stays usable, and the switch then works', async ({ page, standIn }) => {
    await standIn.fault({ method: 'PUT', path: '/api/v1/streams/str_summer/account', status: 503, times: 1 });
    await page.goto(STREAMS);
    const card = stream(page, 'Summer UGC');
    await card.getByRole('button', { name: 'Switch account' }).click();
    const dialog = page.getByRole('dialog', { name: 'Switch the account of Summer UGC' });
    await dialog.getByRole('radio', { name: /@danni/ }).check();
    await dialog.getByRole('button', { name: 'Switch to @danni' }).click();
    await expect(dialog.getByRole('alert')).toContainText('The server had a problem');
    await expect(dialog).toBeVisible();
    await expect(dialog.getByRole('radio', { name: /@danni/ })).toBeChecked();
    await page.screenshot({ path: '/work/shots/streams-switch-error.png', fullPage: true });
    await expectAxeClean(page, 'switch dialog with an error');
    expect((await apiStream(standIn, 'str_summer')).account.id).toBe('acc_ig_hurray');

    await dialog.getByRole('button', { name: 'Switch to @danni' }).click();
    await expect(dialog).toBeHidden();
    await expect(card).toContainText('@danni');
    await expect(card).toContainText('Running');
  });

  test('FAIL-1 the accounts list failing is said in the switch dialog, with a retry', async ({ page, standIn }) => {
    await standIn.fault({ method: 'GET', path: '/api/v1/social-accounts', status: 503, times: 1 });
    await page.goto(STREAMS);
    const card = stream(page, 'Summer UGC');
    await expect(card).toContainText('Stopped');
    await card.getByRole('button', { name: 'Switch account' }).click();
    const dialog = page.getByRole('dialog', { name: 'Switch the account of Summer UGC' });
    await expect(dialog).toContainText('The server had a problem');
    await dialog.getByRole('button', { name: 'Try again' }).click();
    await expect(dialog.getByRole('radio', { name: /@lfqa/ })).toBeChecked();
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(dialog).toBeHidden();
    await expect(card.getByRole('button', { name: 'Switch account' })).toBeFocused();
  });
});

test('A11Y-1 refresh and switch work by keyboard alone, and focus comes back where it was', async ({ page }) => {
  await page.goto(STREAMS);
  await expect(stream(page, 'Summer UGC')).toContainText('Stopped');

  // Tab from the top of the page to Summer UGC's Refresh Token.
  const refresh = stream(page, 'Summer UGC').getByRole('button', { name: 'Refresh Token' });
  for (let i = 0; i < 30 && !(await refresh.evaluate((el) => el === document.activeElement)); i++) {
    await page.keyboard.press('Tab');
  }
  await expect(refresh).toBeFocused();
  const popupEvent = page.waitForEvent('popup');
  await page.keyboard.press('Enter');
  const popup = await popupEvent;
  await popup.waitForURL(/\/oauth\/instagram\/authorize/);
  await popup.getByRole('button', { name: 'Authorize App' }).focus();
  await popup.keyboard.press('Enter');
  await expect(stream(page, 'Summer UGC')).toContainText('Running');

  // Switch Support mentions to @livefyre_brand: open, cancel with Escape, open again, confirm.
  const support = stream(page, 'Support mentions');
  const switchButton = support.getByRole('button', { name: 'Switch account' });
  await switchButton.focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Switch the account of Support mentions' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('radio', { name: /@livefyre_brand/ })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(switchButton).toBeFocused();

  await page.keyboard.press('Enter');
  await expect(dialog.getByRole('radio', { name: /@livefyre_brand/ })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(dialog.getByRole('button', { name: 'Switch to @livefyre_brand' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await expect(support).toContainText('Running');
  // The switch button is gone with the stop: focus lands on the stream itself.
  await expect(support.getByRole('heading', { name: 'Support mentions' })).toBeFocused();
});

test.describe('in Dutch', () => {
  test.use({ locale: 'nl-NL' });

  test('I18N-1 Streams is complete in Dutch, the switch dialog too', async ({ page, standIn }) => {
    const summer = await apiStream(standIn, 'str_summer');
    await page.goto(STREAMS);
    const card = stream(page, 'Summer UGC');
    const day = await longDate(page, summer.stopped.since, 'nl');
    await expect(card).toContainText(`Het token van Instagram-account @hurray is verlopen op ${day}.`);
    await expect(card).toContainText('Gestopt');
    await expect(card.getByRole('button', { name: 'Token vernieuwen' })).toBeVisible();
    await expect(stream(page, 'Travel')).toContainText('Instagram (bedrijf): #travel');
    const summary = page.getByRole('region', { name: '3 streams vragen aandacht' });
    await expect(summary).toContainText('Gestopt: 2. Stopt binnen 10 dagen: 1.');
    await expect(summary.getByRole('listitem').last()).toContainText('Travel · stopt over 5 dagen');
    await expect(summary.getByRole('button', { name: 'Naar Travel' })).toBeVisible();
    const johnny = await apiAccount(standIn, 'acc_igb_johnny');
    const ends = await longDate(page, johnny.token.expires_at, 'nl');
    await expect(stream(page, 'Travel')).toContainText(
      `Het token van Instagram-bedrijfsaccount @johnny verloopt over 5 dagen, op ${ends}. De stream stopt dan, tenzij het token wordt vernieuwd.`,
    );
    await expect(stream(page, 'Support mentions')).toContainText('moet opnieuw worden geautoriseerd');

    await card.getByRole('button', { name: 'Ander account kiezen' }).click();
    const dialog = page.getByRole('dialog', { name: 'Ander account voor Summer UGC' });
    await expect(dialog).toContainText('Instagram-accounts met een geldig token');
    await expect(dialog).toContainText('Verloopt over 10 dagen');
    await page.screenshot({ path: '/work/shots/streams-nl.png', fullPage: true });

    const text = await page.locator('body').innerText();
    for (const english of [
      'Stopped', 'Running', 'Refresh Token', 'Switch', 'Destination', 'Rules', 'Folder', 'expired on',
      'needs re-authorization', 'Each stream', 'Cancel', 'with a valid token', 'Active', 'Expires in',
      'token of', 'Ask an admin', 'Instagram Business', 'expires in', 'unless', 'need attention',
      'Go to', 'stops in',
    ]) {
      expect(text, `no English "${english}" left`).not.toContain(english);
    }
    await expectAxeClean(page, 'Dutch, switch dialog open');
  });
});
