// Expiry notifications (issue 5): the bell and its panel (NOT-2), milestones from the server's
// clock (NOT-1), the Social Accounts banner (NOT-3), read / dismissed per user and resolution by
// a refresh (NOT-4), a failing endpoint (FAIL-1), keyboard and axe (A11Y-1), Dutch (I18N-1).
import { test, expect, expectAxeClean, type StandIn } from '../fixtures';
import type { Page } from '@playwright/test';

const PAGE = '/settings/network/social-accounts';
const DAY = 24 * 3600 * 1000;

type Note = { id: string; account: { id: string; handle: string }; milestone: string; read: boolean; resolved: boolean };

async function notes(standIn: StandIn, role: 'demo-admin' | 'demo-admin-2' = 'demo-admin'): Promise<Note[]> {
  const { status, body } = await standIn.api('GET', '/notifications', role);
  expect(status).toBe(200);
  return body.data.notifications;
}

async function milestonesOf(standIn: StandIn, accountId: string, role: 'demo-admin' | 'demo-admin-2' = 'demo-admin') {
  return (await notes(standIn, role)).filter((n) => n.account.id === accountId).map((n) => n.milestone);
}

async function expiresAt(standIn: StandIn, accountId: string): Promise<number> {
  const { body } = await standIn.api('GET', '/social-accounts');
  const acc = body.data.find((a: any) => a.id === accountId);
  return Date.parse(acc.token.expires_at);
}

async function openPanel(page: Page) {
  const bell = page.getByRole('button', { name: /^Notifications, / });
  await bell.click();
  await expect(bell).toHaveAttribute('aria-expanded', 'true');
  const panel = page.getByRole('region', { name: 'Expiry notifications' });
  await expect(panel).toBeVisible();
  await expect(panel.getByText('Loading notifications…')).toHaveCount(0);
  return panel;
}

function items(page: Page, handle: string) {
  return page
    .getByRole('region', { name: 'Expiry notifications' })
    .getByRole('listitem')
    .filter({ has: page.locator('.stc-notif__handle', { hasText: new RegExp(`^@${handle}$`) }) });
}

function milestone(item: ReturnType<typeof items>) {
  return item.locator('.stc-notif__milestone');
}

test('NOT-1 NOT-2 crossing 10 days, 5 days and the expiry gives exactly one notification per milestone, newest first', async ({ page, standIn }) => {
  const exp = await expiresAt(standIn, 'acc_igb_shop'); // 30 days left in the demo
  expect(await milestonesOf(standIn, 'acc_igb_shop')).toEqual([]);
  await page.goto(PAGE);

  await standIn.setClock(new Date(exp - 10 * DAY + 60_000).toISOString());
  expect(await milestonesOf(standIn, 'acc_igb_shop')).toEqual(['days10']);
  // Asking again (a poll, a reload) never repeats it.
  expect(await milestonesOf(standIn, 'acc_igb_shop')).toEqual(['days10']);
  let panel = await openPanel(page);
  await expect(items(page, 'brand_shop')).toHaveCount(1);
  await expect(items(page, 'brand_shop')).toContainText('Instagram Business');
  await expect(items(page, 'brand_shop')).toContainText('expires in 10 days');
  await page.keyboard.press('Escape');

  await standIn.setClock(new Date(exp - 5 * DAY + 60_000).toISOString());
  await standIn.advance(3600);
  expect(await milestonesOf(standIn, 'acc_igb_shop')).toEqual(['days5', 'days10']);
  panel = await openPanel(page);
  await expect(items(page, 'brand_shop')).toHaveCount(2);
  await expect(items(page, 'brand_shop').nth(0)).toContainText('expires in 5 days');
  await expect(items(page, 'brand_shop').nth(1)).toContainText('expires in 10 days');
  await page.keyboard.press('Escape');

  await standIn.setClock(new Date(exp + 60_000).toISOString());
  expect(await milestonesOf(standIn, 'acc_igb_shop')).toEqual(['expired', 'days5', 'days10']);
  panel = await openPanel(page);
  await expect(items(page, 'brand_shop')).toHaveCount(3);
  await expect(milestone(items(page, 'brand_shop').nth(0))).toHaveText('expired');
  // Newest first across accounts too.
  const created = (await notes(standIn)).map((n: any) => Date.parse(n.created_at));
  expect([...created].sort((a, b) => b - a)).toEqual(created);
  await page.screenshot({ path: '/work/shots/notifications-panel.png' });
  await expect(panel).toBeVisible();
});

test('NOT-1 a clock jump over several milestones creates only the latest one, once', async ({ page, standIn }) => {
  const exp = await expiresAt(standIn, 'acc_ig_lfqa'); // 45 days left: no notification yet
  expect(await milestonesOf(standIn, 'acc_ig_lfqa')).toEqual([]);
  // Jump from 45 days left straight past the expiry: 10 days, 5 days and the expiry all passed.
  await standIn.setClock(new Date(exp + 3 * DAY).toISOString());
  expect(await milestonesOf(standIn, 'acc_ig_lfqa')).toEqual(['expired']);
  // @danni had its 10-day notification; jumping past 5 days and the expiry adds only "expired".
  expect(await milestonesOf(standIn, 'acc_ig_danni')).toEqual(['expired', 'days10']);
  await page.goto(PAGE);
  await openPanel(page);
  await expect(items(page, 'lfqa')).toHaveCount(1);
  await expect(milestone(items(page, 'lfqa'))).toHaveText('expired');
  await expect(items(page, 'lfqa')).not.toContainText('expires in');
  // Jumping further creates nothing new.
  await standIn.advance(30 * 24 * 3600);
  expect(await milestonesOf(standIn, 'acc_ig_lfqa')).toEqual(['expired']);
});

test('NOT-4 read and dismissed survive a reload and are per user', async ({ page, standIn, browser }) => {
  await page.goto(PAGE);
  const before = (await standIn.api('GET', '/notifications')).body.data.unread_count as number;
  await openPanel(page);
  const danni = items(page, 'danni');
  await expect(danni).toHaveCount(1);
  await expect(danni).toContainText('Unread');
  await danni.getByRole('button', { name: 'Mark as read' }).click();
  await expect(danni.getByRole('button', { name: 'Mark as read' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: `Notifications, ${before - 1} unread` })).toBeVisible();
  const hurray = items(page, 'hurray');
  await hurray.getByRole('button', { name: 'Dismiss' }).click();
  await expect(items(page, 'hurray')).toHaveCount(0);

  await page.reload();
  // One read, and one unread dismissed.
  await expect(page.getByRole('button', { name: `Notifications, ${before - 2} unread` })).toBeVisible();
  await openPanel(page);
  await expect(items(page, 'danni')).not.toContainText('Unread');
  await expect(items(page, 'hurray')).toHaveCount(0);

  // Bram still has both, unread.
  const bram = await notes(standIn, 'demo-admin-2');
  expect(bram.filter((n) => n.account.id === 'acc_ig_danni').map((n) => n.read)).toEqual([false]);
  expect(bram.some((n) => n.account.id === 'acc_ig_hurray' && n.milestone === 'expired')).toBe(true);
  const context = await browser.newContext({ baseURL: standIn.url });
  await context.addCookies([{ name: 'console_session', value: 'demo-admin-2', domain: '127.0.0.1', path: '/' }]);
  const other = await context.newPage();
  await other.goto(PAGE);
  await openPanel(other);
  await expect(milestone(items(other, 'hurray'))).toContainText(['expired']);
  await expect(items(other, 'danni')).toContainText('Unread');
  await context.close();
});

test('NOT-2 NOT-3 NOT-4 Refresh Token in the panel clears the account\'s notifications and its banner line', async ({ page, standIn }) => {
  await page.goto(PAGE);
  const banner = page.getByRole('region', { name: /accounts? needs? attention/ });
  await expect(banner).toBeVisible();
  // Five accounts: the three most urgent are listed, the rest on request.
  await expect(banner.getByRole('listitem')).toHaveCount(3);
  await banner.getByRole('button', { name: 'Show all 5' }).click();
  await expect(banner.getByRole('listitem').filter({ hasText: '@hurray' })).toContainText('expired');
  await expect(banner.getByRole('listitem').filter({ hasText: '@danni' })).toContainText('expires in 10 days');
  await expect(banner.getByRole('listitem').filter({ hasText: '@brandhq' })).toContainText('needs re-authorization');
  await expect(banner.getByRole('listitem').filter({ hasText: '@lfqa' })).toHaveCount(0);

  await openPanel(page);
  const hurray = items(page, 'hurray');
  await expect(hurray).toContainText('Instagram');
  // The impact in one line, from the notification's `impact`.
  await expect(hurray.first()).toContainText(/1 stream stopped; Instagram search uses @lfqa instead/);
  const popupEvent = page.waitForEvent('popup');
  await hurray.first().getByRole('button', { name: 'Refresh Token' }).click();
  const popup = await popupEvent;
  await popup.waitForURL(/\/oauth\/instagram\/authorize\?state=/);
  await popup.getByRole('button', { name: 'Authorize App' }).click();

  await expect(items(page, 'hurray')).toHaveCount(0);
  await expect(banner.getByRole('listitem').filter({ hasText: '@hurray' })).toHaveCount(0);
  await expect(banner.getByRole('listitem').filter({ hasText: '@danni' })).toHaveCount(1);
  const left = (await notes(standIn)).filter((n) => n.account.id === 'acc_ig_hurray');
  expect(left.every((n) => n.resolved)).toBe(true);
});

test('PERF focusing or pointing at a notification\'s "Open account" fetches the account\'s details before it is followed', async ({ page, standIn }) => {
  const panelCode: string[] = [];
  page.on('request', (r) => { if (r.url().endsWith('/split_account_panel.wasm')) panelCode.push(r.url()); });
  const exp = await expiresAt(standIn, 'acc_igb_shop');
  await standIn.setClock(new Date(exp - 10 * DAY + 60_000).toISOString());
  await page.goto('/streams');
  await expect(page.getByRole('heading', { level: 1, name: 'Streams' })).toBeVisible();
  await openPanel(page);
  const open = items(page, 'brand_shop').getByRole('link', { name: 'Open account' });
  expect(panelCode).toHaveLength(0);
  const fetched = page.waitForResponse((r) => r.url().endsWith('/split_account_panel.wasm'));
  await open.focus();
  await fetched;
  await page.keyboard.press('Enter');
  await expect(page.locator('li[data-account="acc_igb_shop"]').getByRole('textbox', { name: 'Display name' })).toBeVisible();
  expect(panelCode).toHaveLength(1);
});

// Issue 9: the bell's panel is a chunk of its own (src/components/notifications.rs).
test('PERF the bell\'s panel is not part of the first load; pointing at the bell fetches it, once, before the click', async ({ page }) => {
  const panelCode: string[] = [];
  page.on('request', (r) => { if (r.url().endsWith('/split_bell_panel.wasm')) panelCode.push(r.url()); });
  await page.goto(PAGE);
  await expect(page.locator('.stc-acc-card').first()).toBeVisible();
  const bell = page.getByRole('button', { name: /^Notifications, \d+ unread$/ });
  await expect(bell).toBeVisible();
  expect(panelCode).toHaveLength(0);

  const fetched = page.waitForResponse((r) => r.url().endsWith('/split_bell_panel.wasm'));
  await bell.hover();
  await fetched;
  const panel = await openPanel(page);
  await expect(panel.getByRole('listitem').first()).toBeVisible();
  // Closed and opened again: at once, nothing fetched again.
  await page.keyboard.press('Escape');
  await expect(panel).toBeHidden();
  await bell.click();
  await expect(panel.getByRole('listitem').first()).toBeVisible();
  expect(panelCode).toHaveLength(1);
});

test.describe('a bell panel whose code cannot be fetched', () => {
  test.use({ allowConsoleErrors: [/Failed to fetch/] });

  test('PERF it says so in words inside the panel, the bell keeps its count, and Try again shows the notifications', async ({ page, standIn }) => {
    await page.route('**/split_bell_panel.wasm', (route) => route.abort());
    await page.goto(PAGE);
    const unread = (await standIn.api('GET', '/notifications')).body.data.unread_count as number;
    const bell = page.getByRole('button', { name: `Notifications, ${unread} unread` });
    await bell.focus();
    await page.keyboard.press('Enter');
    await expect(bell).toHaveAttribute('aria-expanded', 'true');
    const panel = page.getByRole('region', { name: 'Expiry notifications' });
    const alert = panel.getByRole('alert').filter({ hasText: 'The notifications could not be shown.' });
    await expect(alert).toContainText('Check your connection and try again.');
    await expect(bell).toBeVisible();
    await expectAxeClean(page, 'a bell panel that could not be loaded');
    await page.screenshot({ path: '/work/shots/bell-panel-not-loaded.png' });

    await page.unroute('**/split_bell_panel.wasm');
    await alert.getByRole('button', { name: 'Try again' }).focus();
    await page.keyboard.press('Enter');
    await expect(panel.getByRole('listitem').first()).toBeVisible();
    await expect(panel.getByRole('alert').filter({ hasText: 'could not be shown' })).toHaveCount(0);
    await page.keyboard.press('Escape');
    await expect(bell).toBeFocused();
  });
});

test('NOT-3 the banner opens the account it names', async ({ page }) => {
  await page.goto(PAGE);
  const banner = page.getByRole('region', { name: /accounts? needs? attention/ });
  await banner.getByRole('button', { name: 'Show all 5' }).click();
  await banner.getByRole('button', { name: 'Show @johnny' }).click();
  await expect(page).toHaveURL(/account=acc_igb_johnny/);
});

test('NOT-3 a long banner lists the most urgent three and shows the rest on request, by keyboard', async ({ page, standIn }) => {
  await standIn.reset('large');
  await page.goto(PAGE);
  const banner = page.getByRole('region', { name: /accounts need attention/ });
  const title = (await banner.getByRole('heading', { level: 3 }).textContent()) ?? '';
  const total = Number(title.match(/(\d+) accounts/)?.[1]);
  expect(total).toBeGreaterThan(5);
  const rows = banner.getByRole('listitem');
  await expect(rows).toHaveCount(3);
  // Most urgent first: the expired ones lead.
  await expect(rows.first()).toContainText('expired');
  const more = banner.getByRole('button', { name: `Show all ${total}` });
  await expect(more).toHaveAttribute('aria-expanded', 'false');
  await more.focus();
  await page.keyboard.press('Enter');
  await expect(rows).toHaveCount(total);
  const fewer = banner.getByRole('button', { name: 'Show the most urgent only' });
  await expect(fewer).toBeFocused();
  await expect(fewer).toHaveAttribute('aria-expanded', 'true');
  await page.keyboard.press('Enter');
  await expect(rows).toHaveCount(3);
});

test('NOT-2 the count updates without a reload when the tab becomes visible again', async ({ page, standIn }) => {
  await page.goto(PAGE);
  const before = (await standIn.api('GET', '/notifications')).body.data.unread_count as number;
  await expect(page.getByRole('button', { name: `Notifications, ${before} unread` })).toBeVisible();
  const exp = await expiresAt(standIn, 'acc_igb_shop');
  await standIn.setClock(new Date(exp - 10 * DAY + 60_000).toISOString());
  const after = (await standIn.api('GET', '/notifications')).body.data.unread_count as number;
  expect(after).toBeGreaterThan(before);
  await page.evaluate(() => document.dispatchEvent(new Event('visibilitychange', { bubbles: true })));
  await expect(page.getByRole('button', { name: `Notifications, ${after} unread` })).toBeVisible();
});

test.describe('the bell asking again', () => {
  test.use({ allowConsoleErrors: [/503|Service Unavailable/] });
  test('PERF an unchanged list is not sent again; a changed one is, and a failed read asks for the whole list', async ({ page, standIn }) => {
    const asks: { sent: string | undefined; status: number; etag: string | undefined }[] = [];
    page.on('response', (r) => {
      if (new URL(r.url()).pathname !== '/api/v1/notifications') return;
      asks.push({ sent: r.request().headers()['if-none-match'], status: r.status(), etag: r.headers()['etag'] });
    });
    const poll = () => page.evaluate(() => document.dispatchEvent(new Event('visibilitychange', { bubbles: true })));
    await page.goto(PAGE);
    const listed = (await standIn.api('GET', '/notifications')).body.data;
    const before = listed.unread_count as number;
    await expect(page.getByRole('button', { name: `Notifications, ${before} unread` })).toBeVisible();
    await expect.poll(() => asks.length).toBe(1);
    expect(asks[0]).toMatchObject({ sent: undefined, status: 200 });
    const first = asks[0].etag;
    expect(first).toMatch(/^W\/".+"$/);

    // Nothing new: the server answers 304 with no body, and the bell stays. Opening the panel
    // reads again, the same way.
    await poll();
    await expect.poll(() => asks.length).toBe(2);
    expect(asks[1]).toMatchObject({ sent: first, status: 304 });
    await expect(page.getByRole('button', { name: `Notifications, ${before} unread` })).toBeVisible();
    const panel = await openPanel(page);
    await expect.poll(() => asks.length).toBe(3);
    expect(asks[2]).toMatchObject({ sent: first, status: 304 });
    // The panel's code comes with this first click: count once its rows are drawn.
    await expect(panel.getByRole('listitem').first()).toBeVisible();
    const shown = await panel.getByRole('listitem').count();
    expect(shown).toBeGreaterThan(0);
    await page.keyboard.press('Escape');

    // A milestone crossed: the whole list, with a new tag, and the bell counts it.
    const exp = await expiresAt(standIn, 'acc_igb_shop');
    await standIn.setClock(new Date(exp - 10 * DAY + 60_000).toISOString());
    const after = (await standIn.api('GET', '/notifications')).body.data;
    expect(after.unread_count).toBeGreaterThan(before);
    await poll();
    await expect.poll(() => asks.length).toBe(4);
    expect(asks[3]).toMatchObject({ sent: first, status: 200 });
    expect(asks[3].etag).not.toBe(first);
    await expect(page.getByRole('button', { name: `Notifications, ${after.unread_count} unread` })).toBeVisible();

    // A read that fails keeps the list; the one after it asks without a tag.
    await standIn.fault({ path: '/api/v1/notifications', status: 503, times: 1 });
    await poll();
    await expect.poll(() => asks.length).toBe(5);
    expect(asks[4]).toMatchObject({ sent: asks[3].etag, status: 503 });
    await poll();
    await expect.poll(() => asks.length).toBe(6);
    expect(asks[5]).toMatchObject({ sent: undefined, status: 200 });
    await expect(page.getByRole('button', { name: `Notifications, ${after.unread_count} unread` })).toBeVisible();
    await openPanel(page);
    await expect(page.getByRole('region', { name: 'Expiry notifications' }).getByRole('listitem')).toHaveCount(shown + after.notifications.length - listed.notifications.length);
  });

  test('TOK-2 an unchanged answer still brings the server\'s time: the countdowns follow it', async ({ page, standIn }) => {
    const asks: { status: number; date: string | undefined }[] = [];
    const accounts: string[] = [];
    page.on('response', (r) => {
      const path = new URL(r.url()).pathname;
      if (path === '/api/v1/notifications') asks.push({ status: r.status(), date: r.headers()['date'] });
      if (path === '/api/v1/social-accounts') accounts.push(path);
    });
    await page.clock.install();
    await page.goto(PAGE);
    const danni = page.locator('li[data-account="acc_ig_danni"] .stc-acc-card__head .stc-acc-state__text');
    await expect(danni).toHaveText('Expires in 10 days'); // 10 days − 1 h
    await expect.poll(() => asks.length).toBe(1);
    // A day later on the server, and no milestone crossed: the bell's next read is a 304, and
    // nothing else asks the server in that minute.
    await standIn.advance(86_400);
    await page.clock.fastForward(61_000);
    await expect.poll(() => asks.length).toBe(2);
    expect(asks[1].status).toBe(304);
    expect(Date.parse(asks[1].date!)).toBeGreaterThan(Date.parse(asks[0].date!) + 86_000_000);
    expect(accounts).toHaveLength(1);
    await expect(danni).toHaveText('Expires in 9 days');
  });
});

test.describe('failing endpoint', () => {
  test.use({ allowConsoleErrors: [/503|Service Unavailable/] });
  test('FAIL-1 a failing notifications endpoint leaves the page usable; the bell says it could not load', async ({ page, standIn }) => {
    await standIn.fault({ path: '/api/v1/notifications', status: 503, times: 100 });
    await page.goto(PAGE);
    const bell = page.getByRole('button', { name: 'Notifications could not be loaded' });
    await expect(bell).toBeVisible();
    await expect(page.getByRole('heading', { level: 2, name: 'Social Accounts' })).toBeVisible();
    await expect(page.getByRole('region', { name: /accounts? needs? attention/ })).toBeVisible();
    await expect(page.getByText('@lfqa').first()).toBeVisible();
    await bell.click();
    const panel = page.getByRole('region', { name: 'Expiry notifications' });
    await expect(panel.getByRole('alert')).not.toBeEmpty();
    await page.getByRole('navigation', { name: 'Console' }).getByRole('link', { name: 'Streams' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Streams' })).toBeVisible();
    await standIn.clearFaults();
    await bell.click(); // closes
    await bell.click(); // opens and reads again
    const unread = (await standIn.api('GET', '/notifications')).body.data.unread_count as number;
    await expect(page.getByRole('button', { name: `Notifications, ${unread} unread` })).toBeVisible();
  });
});

test('A11Y-1 the bell and its panel work by keyboard, Escape returns to the bell, axe-clean', async ({ page }) => {
  await page.goto(PAGE);
  const bell = page.getByRole('button', { name: /^Notifications, / });
  await bell.focus();
  await page.keyboard.press('Enter');
  await expect(bell).toHaveAttribute('aria-expanded', 'true');
  const panel = page.getByRole('region', { name: 'Expiry notifications' });
  await expect(panel.getByRole('listitem').first()).toBeVisible();
  await page.keyboard.press('Tab');
  const focusedInPanel = await page.evaluate(() => !!document.activeElement?.closest('#stc-bell-panel'));
  expect(focusedInPanel).toBe(true);
  await expectAxeClean(page, 'panel open');
  await page.keyboard.press('Escape');
  await expect(bell).toHaveAttribute('aria-expanded', 'false');
  await expect(panel).toBeHidden();
  await expect(bell).toBeFocused();
  await page.keyboard.press('Space');
  await expect(bell).toHaveAttribute('aria-expanded', 'true');
  await expectAxeClean(page, 'banner and bell');
});

test('I18N-1 the bell, the panel and the banner are complete in Dutch', async ({ page, standIn }) => {
  await page.goto(PAGE);
  await page.getByRole('combobox', { name: 'Language' }).selectOption('nl');
  const unread = (await standIn.api('GET', '/notifications')).body.data.unread_count as number;
  const bell = page.getByRole('button', { name: `Meldingen, ${unread} ongelezen` });
  await bell.click();
  const panel = page.getByRole('region', { name: 'Verloopmeldingen' });
  await expect(panel).toContainText('verloopt over 10 dagen');
  await expect(panel).toContainText('verloopt over 5 dagen');
  await expect(panel).toContainText('verlopen');
  await expect(panel).toContainText('Instagram-zoeken gebruikt nu @lfqa');
  await expect(panel.getByRole('button', { name: 'Markeren als gelezen' }).first()).toBeVisible();
  await expect(panel.getByRole('button', { name: 'Verwijderen' }).first()).toBeVisible();
  await expect(panel).not.toContainText(/expires in|Mark as read|Dismiss|Unread/);
  const banner = page.getByRole('region', { name: /accounts? heeft|hebben aandacht nodig/ });
  await expect(banner).toContainText('moet opnieuw worden geautoriseerd');
  await expect(banner).not.toContainText(/needs|expired|Show @/);
  await page.screenshot({ path: '/work/shots/notifications-nl.png', fullPage: true });
  await expectAxeClean(page, 'Dutch');
});
