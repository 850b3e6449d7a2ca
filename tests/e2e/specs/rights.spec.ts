// Rights requests (RR-1..8): the Rights options dialog from Library › Saved assets and from
// Social Search results, the expired-account error with the picker and the in-dialog refresh,
// idempotency (checked in the stand-in's store, not the UI), template validation, the counter,
// statuses, Activity History, the manual grant, Copy for Instagram, keyboard, axe and Dutch.
import { test, expect, expectAxeClean, closeAndReopenAtOnce, type StandIn } from '../fixtures';
import type { Locator, Page } from '@playwright/test';

const ASSETS = '/library/assets';
const SEARCH = '/library/social-search/instagram';

const dialog = (page: Page) => page.getByRole('dialog', { name: 'Rights options' });
const message = (page: Page) => dialog(page).getByRole('textbox', { name: 'Message', exact: true });
const preview = (page: Page) => dialog(page).getByRole('textbox', { name: 'The message as it will be sent' });
const sendButton = (page: Page) => dialog(page).locator('.stc-rights__send');
const alert = (page: Page) => dialog(page).locator('.stc-rights__token-alert');
const history = (page: Page) => dialog(page).locator('.stc-activity');
const assetCard = (page: Page, handle: string) =>
  page.locator('.stc-asset').filter({ has: page.getByRole('heading', { name: `@${handle}` }) });

type Post = { id: string; author_handle: string; permalink: string };
type RightsAccount = { id: string; display_name: string; approval_hashtag: string; terms_url: string; default_template: string };

async function post(standIn: StandIn, id: string): Promise<Post> {
  return (await standIn.api('GET', `/posts/${id}`)).body.data;
}

async function rightsAccount(standIn: StandIn, id: string): Promise<RightsAccount> {
  const list: RightsAccount[] = (await standIn.api('GET', '/rights/accounts')).body.data;
  return list.find((a) => a.id === id)!;
}

/** The rows of the stand-in's rights_requests table for one post. */
async function stored(standIn: StandIn, postId: string) {
  const answer: any = await standIn.rightsRequests();
  const rows: any[] = Array.isArray(answer) ? answer : answer.data;
  return rows.map((r) => r.request ?? r).filter((r) => r.post_id === postId);
}

async function posts(standIn: StandIn) {
  const answer: any = await standIn.requests();
  const list: Array<{ method: string; path: string; status: number }> = Array.isArray(answer) ? answer : answer.data;
  return list.filter((r) => r.method === 'POST' && r.path === '/api/v1/rights/requests');
}

/** Opens Saved assets and the Rights options dialog of @handle's asset; waits for the picker. */
async function openFromAsset(page: Page, handle: string) {
  await page.goto(ASSETS);
  const button = assetCard(page, handle).getByRole('button', { name: 'Request Rights' });
  await button.click();
  await expect(dialog(page)).toBeVisible();
  await expect(dialog(page).getByRole('group', { name: 'Send from rights account' })).toBeVisible();
  return button;
}

/** Clicks Refresh Token in the dialog and authorizes in the provider's popup. */
async function refreshInDialog(page: Page) {
  const popupEvent = page.waitForEvent('popup');
  await dialog(page).getByRole('button', { name: 'Refresh Token' }).click();
  const popup = await popupEvent;
  await popup.waitForURL(/\/oauth\/instagram\/authorize\?state=/);
  await popup.getByRole('button', { name: 'Authorize App' }).click();
}

const radio = (page: Page, name: RegExp) => dialog(page).getByRole('radio', { name });

test('RR-1 A11Y-1 closed and opened again at once, the dialog keeps its post, accounts and message', async ({ page, standIn }) => {
  const p = await post(standIn, 'post_00010');
  const button = await openFromAsset(page, p.author_handle);
  // Escape and Enter on Request Rights faster than the browser reports the closing.
  await closeAndReopenAtOnce(dialog(page), button);
  await expect(dialog(page)).toBeVisible();
  await expect(dialog(page).getByRole('group', { name: 'Send from rights account' })).toBeVisible();
  await expect(message(page)).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog(page)).toBeHidden();
  await expect(button).toBeFocused();
});

test('RR-1 RR-2 RR-4 the dialog opens from a saved asset with both tabs; the expired default account is marked and warned about before anything is sent', async ({ page, standIn }) => {
  const p = await post(standIn, 'post_00010');
  await openFromAsset(page, p.author_handle);
  const d = dialog(page);
  await expect(d.getByRole('tab', { name: 'Manually request rights' })).toHaveAttribute('aria-selected', 'true');
  await expect(d.getByRole('tab', { name: 'Manually grant rights' })).toHaveAttribute('aria-selected', 'false');
  // The picker: every enabled rights account with its @handle and token state in words.
  const def = radio(page, /Instagram rights \(default\)/);
  await expect(def).toBeChecked();
  await expect(d.locator('.stc-rights-option').filter({ hasText: 'Instagram rights (default)' })).toContainText('@hurray');
  await expect(d.locator('.stc-rights-option').filter({ hasText: 'Instagram rights (default)' })).toContainText('Expired');
  await expect(radio(page, /lfqa rights/)).not.toBeChecked();
  await expect(radio(page, /Twitter rights/)).toBeVisible();
  // RR-4: the warning is there at once, naming the account and what to do.
  await expect(alert(page)).toContainText(
    'The Instagram token of @hurray (Instagram rights (default)) has expired. Select another account, or refresh the token, then click Request Rights again.',
  );
  // The message is the account's template; the preview is it filled in for the post.
  const ra = await rightsAccount(standIn, 'ra_ig_default');
  await expect(message(page)).toHaveValue(ra.default_template);
  await expect(preview(page)).toHaveValue(
    ra.default_template.replaceAll('{handle}', p.author_handle).replaceAll('{grantTag}', ra.approval_hashtag).replaceAll('{termsLink}', ra.terms_url),
  );
  await expect(history(page)).toContainText('There is no past activity to display');
  await expectAxeClean(page, 'dialog open, expired default');
  await page.screenshot({ path: '/work/shots/rights-open-expired.png', fullPage: false });

  // Clicking Request Rights with an account known to be expired sends nothing.
  await sendButton(page).click();
  await expect(alert(page)).toContainText('has expired');
  expect(await posts(standIn)).toHaveLength(0);
});

test('RR-3 the API reports the token expired on send: the error is announced, the message kept, Refresh Token works in the dialog, Request Rights again succeeds, and Activity History records both attempts', async ({ page, standIn }) => {
  const p = await post(standIn, 'post_00010');
  await openFromAsset(page, p.author_handle);
  await radio(page, /lfqa rights/).check();
  await expect(alert(page)).toBeEmpty();
  const typed = 'Hi @{handle}! Could we feature this on our site? Reply #{grantTag} to agree: {termsLink} 🌞';
  await message(page).fill(typed);
  // The list said @lfqa was active; the token expires before the person sends.
  await standIn.expire('acc_ig_lfqa');
  await sendButton(page).click();
  await expect(alert(page)).toContainText(
    'The Instagram token of @lfqa (lfqa rights) has expired. Select another account, or refresh the token, then click Request Rights again.',
  );
  await expect(message(page)).toHaveValue(typed);
  // The picker is right there and now marks @lfqa.
  await expect(radio(page, /lfqa rights/)).toBeEnabled();
  await expect(dialog(page).locator('.stc-rights-option').filter({ hasText: 'lfqa rights' })).toContainText('Expired');
  let rows = await stored(standIn, p.id);
  expect(rows.map((r) => r.status)).toEqual(['request_failed']);
  await expect(history(page)).toContainText('Request failed: the token of lfqa rights had expired');
  await expectAxeClean(page, 'token expired on send');
  await page.screenshot({ path: '/work/shots/rights-expired-on-send.png' });

  await refreshInDialog(page);
  await expect(dialog(page).getByRole('status').filter({ hasText: 'The token of @lfqa was refreshed.' })).toBeVisible();
  await expect(alert(page)).toBeEmpty();
  await expect(message(page)).toHaveValue(typed);
  await sendButton(page).click();
  await expect(dialog(page).getByText(`Rights request recorded for @${p.author_handle}.`)).toBeVisible();
  rows = await stored(standIn, p.id);
  expect(rows.map((r) => r.status).sort()).toEqual(['request_failed', 'requested']);
  const sent = rows.find((r) => r.status === 'requested');
  expect(sent.rights_account_id).toBe('ra_ig_lfqa');
  expect(sent.message).toBe(await preview(page).inputValue());
  // Both attempts, oldest first.
  const lines = history(page).locator('.stc-activity__item');
  await expect(lines).toHaveCount(2);
  await expect(lines.nth(0)).toContainText('Request failed: the token of lfqa rights had expired');
  await expect(lines.nth(1)).toContainText('Rights requested through lfqa rights');
  await expect(dialog(page).locator('.stc-rights__post')).toContainText('Requested');
  await expectAxeClean(page, 'requested after refresh');
  await page.screenshot({ path: '/work/shots/rights-requested.png' });
});

test('RR-3 OAUTH-3 with pop-ups blocked, refreshing in the dialog continues in this tab and comes back to Saved assets with the dialog open again and the message kept', async ({ page, standIn }) => {
  await page.addInitScript(() => {
    window.open = () => null;
  });
  const p = await post(standIn, 'post_00010');
  await openFromAsset(page, p.author_handle);
  await expect(alert(page)).toContainText('@hurray');
  const typed = 'Hi @{handle}, typed before the refresh: may we share this? Reply #{grantTag} {termsLink}';
  await message(page).fill(typed);
  await dialog(page).getByRole('button', { name: 'Refresh Token' }).click();
  await dialog(page).getByRole('button', { name: 'Continue in this tab' }).click();
  await page.waitForURL(/\/oauth\/instagram\/authorize\?state=/);
  await page.getByRole('button', { name: 'Authorize App' }).click();

  await page.waitForURL(/\/library\/assets/);
  // The same dialog, for the same post, with the message as it was typed; the account is active.
  await expect(dialog(page)).toBeVisible();
  await expect(dialog(page)).toContainText(`@${p.author_handle}`);
  await expect(message(page)).toHaveValue(typed);
  await expect(dialog(page).locator('.stc-rights-option').filter({ hasText: 'Instagram rights (default)' })).toContainText('Active');
  await expect(alert(page)).toBeEmpty();
  // How the authorization ended is said in the dialog, where the person clicked.
  await expect(dialog(page).getByRole('status').filter({ hasText: 'The token of @hurray was refreshed.' })).toBeVisible();
  await page.screenshot({ path: '/work/shots/assets-back-from-this-tab.png' });
  // The address is the page's own again.
  expect(new URL(page.url()).search).toBe('');
  await page.reload();
  await expect(assetCard(page, p.author_handle)).toBeVisible();
  await expect(dialog(page)).toBeHidden();
  await expect(page.locator('.stc-resumed')).toBeEmpty();
});

test('RR-3 OAUTH-3 FAIL-3 back from the same tab, a post that cannot be read again keeps the dialog: it says so in words, keeps what was typed, and Try again opens it', async ({ page, standIn }) => {
  await page.addInitScript(() => {
    window.open = () => null;
  });
  const p = await post(standIn, 'post_00010');
  await openFromAsset(page, p.author_handle);
  const typed = 'Hi @{handle}, typed before a refresh whose return fails: may we share this? #{grantTag} {termsLink}';
  await message(page).fill(typed);
  await dialog(page).getByRole('button', { name: 'Refresh Token' }).click();
  await dialog(page).getByRole('button', { name: 'Continue in this tab' }).click();
  await page.waitForURL(/\/oauth\/instagram\/authorize\?state=/);
  // The post is read again on the way back: slowly, then with a server error, once.
  await standIn.fault({ method: 'GET', path: `/api/v1/posts/${p.id}`, delay_ms: 800, status: 503, times: 1 });
  await page.getByRole('button', { name: 'Authorize App' }).click();

  await page.waitForURL(/\/library\/assets/);
  // The dialog is back at once and says what it is doing, then why it could not.
  await expect(dialog(page)).toBeVisible();
  await expect(dialog(page).getByRole('status').filter({ hasText: 'Opening the post again…' })).toBeVisible();
  const failed = dialog(page).getByRole('alert').filter({ hasText: 'could not be opened again' });
  await expect(failed).toContainText('What you typed for it is kept.');
  await expect(failed).toContainText('The server had a problem.');
  await expect(message(page)).toHaveCount(0);
  await expectAxeClean(page, 'post not read again');
  await page.screenshot({ path: '/work/shots/rights-reopen-failed.png' });

  // By keyboard: Try again reads the post, and the dialog is the one the person left.
  await failed.getByRole('button', { name: 'Try again' }).focus();
  await page.keyboard.press('Enter');
  await expect(failed).toHaveCount(0);
  await expect(dialog(page)).toContainText(`@${p.author_handle}`);
  await expect(message(page)).toHaveValue(typed);
  await expect(dialog(page).getByRole('status').filter({ hasText: 'The token of @hurray was refreshed.' })).toBeVisible();
  await expect(history(page)).toBeVisible();
  expect(new URL(page.url()).search).toBe('');
});

test('RR-3 OAUTH-3 closed while its post is read again, the dialog stays closed when the post arrives', async ({ page, standIn }) => {
  await page.addInitScript(() => {
    window.open = () => null;
  });
  const p = await post(standIn, 'post_00010');
  await openFromAsset(page, p.author_handle);
  await dialog(page).getByRole('button', { name: 'Refresh Token' }).click();
  await dialog(page).getByRole('button', { name: 'Continue in this tab' }).click();
  await page.waitForURL(/\/oauth\/instagram\/authorize\?state=/);
  const read = page.waitForResponse((r) => r.url().endsWith(`/api/v1/posts/${p.id}`));
  await standIn.fault({ method: 'GET', path: `/api/v1/posts/${p.id}`, delay_ms: 1500, times: 1 });
  await page.getByRole('button', { name: 'Authorize App' }).click();

  await page.waitForURL(/\/library\/assets/);
  await expect(dialog(page).getByRole('status').filter({ hasText: 'Opening the post again…' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog(page)).toBeHidden();
  await read;
  // The answer came, and the person's decision to close stands.
  await page.waitForTimeout(300);
  await expect(dialog(page)).toBeHidden();
  await expect(assetCard(page, p.author_handle)).toBeVisible();
});

test('RR-3 choosing another, valid account instead also goes through with the typed message kept', async ({ page, standIn }) => {
  const p = await post(standIn, 'post_00010');
  await openFromAsset(page, p.author_handle);
  const typed = '@{handle} we love this one. Reply #{grantTag} to let us share it ({termsLink})';
  await message(page).fill(typed);
  await expect(alert(page)).toContainText('@hurray');
  await radio(page, /lfqa rights/).check();
  await expect(alert(page)).toBeEmpty();
  await expect(message(page)).toHaveValue(typed);
  await sendButton(page).click();
  await expect(dialog(page).getByText(`Rights request recorded for @${p.author_handle}.`)).toBeVisible();
  const rows = await stored(standIn, p.id);
  expect(rows).toHaveLength(1);
  expect(rows[0].rights_account_id).toBe('ra_ig_lfqa');
  const ra = await rightsAccount(standIn, 'ra_ig_lfqa');
  expect(rows[0].message).toBe(`@${p.author_handle} we love this one. Reply #${ra.approval_hashtag} to let us share it (${ra.terms_url})`);
});

test('RR-5 ten rapid clicks, and clicks after it went through, leave exactly one request in the store', async ({ page, standIn }) => {
  const p = await post(standIn, 'post_00010');
  await openFromAsset(page, p.author_handle);
  await radio(page, /lfqa rights/).check();
  await standIn.fault({ method: 'POST', path: '/api/v1/rights/requests', delay_ms: 400 });
  // Ten clicks in one go, as fast as the browser dispatches them.
  await sendButton(page).evaluate((b: HTMLElement) => {
    for (let i = 0; i < 10; i++) b.click();
  });
  await expect(sendButton(page)).toHaveAttribute('aria-disabled', 'true');
  await expect(dialog(page).getByText(`Rights request recorded for @${p.author_handle}.`)).toBeVisible();
  for (let i = 0; i < 3; i++) await sendButton(page).click();
  await expect(sendButton(page)).not.toHaveAttribute('aria-busy', 'true');
  const rows = await stored(standIn, p.id);
  expect(rows).toHaveLength(1);
  // The later clicks were replays of the same key, answered 200 with the same request.
  const sent = await posts(standIn);
  expect(sent[0].status).toBe(201);
  expect(sent.slice(1).every((r) => r.status === 200)).toBe(true);
});

test('RR-5 an answer lost after the server made the request: Retry, and a reload and Request Rights again, each leave one request', async ({ page, standIn }) => {
  const p = await post(standIn, 'post_00010');
  await openFromAsset(page, p.author_handle);
  await radio(page, /lfqa rights/).check();
  const typed = 'Hello @{handle}, reply #{grantTag} please: {termsLink}';
  await message(page).fill(typed);
  // The server handles the request and commits it; the answer is replaced by a gateway timeout.
  await standIn.fault({ method: 'POST', path: '/api/v1/rights/requests', status: 504, after: true, times: 2 });
  await sendButton(page).click();
  const error = dialog(page).getByRole('alert').filter({ hasText: 'The server had a problem' });
  await expect(error).toBeVisible();
  expect(await stored(standIn, p.id)).toHaveLength(1);
  await error.getByRole('button', { name: 'Try again' }).click();
  await expect(error).toBeVisible();
  // A reload in the middle: what was typed and the attempt's key survive.
  await page.reload();
  const button = assetCard(page, p.author_handle).getByRole('button', { name: 'Request Rights' });
  await button.click();
  await expect(message(page)).toHaveValue(typed);
  await expect(radio(page, /lfqa rights/)).toBeChecked();
  await sendButton(page).click();
  await expect(dialog(page).getByText(`Rights request recorded for @${p.author_handle}.`)).toBeVisible();
  const rows = await stored(standIn, p.id);
  expect(rows).toHaveLength(1);
  expect((await posts(standIn)).map((r) => r.status)).toEqual([504, 504, 200]);
});

test('RR-5 a retry after a real client timeout sends the same key: one request', async ({ page, standIn }) => {
  test.setTimeout(90_000);
  const p = await post(standIn, 'post_00010');
  await openFromAsset(page, p.author_handle);
  await radio(page, /lfqa rights/).check();
  // Handled at once, answered after the app's 20-second limit.
  await standIn.fault({ method: 'POST', path: '/api/v1/rights/requests', delay_ms: 21_000, after: true });
  await sendButton(page).click();
  const error = dialog(page).getByRole('alert').filter({ hasText: /took too long|did not answer/ });
  await expect(error).toBeVisible({ timeout: 30_000 });
  await error.getByRole('button', { name: 'Try again' }).click();
  await expect(dialog(page).getByText(`Rights request recorded for @${p.author_handle}.`)).toBeVisible();
  expect(await stored(standIn, p.id)).toHaveLength(1);
});

test('RR-2 a missing or misspelled placeholder is named before anything is sent', async ({ page, standIn }) => {
  const p = await post(standIn, 'post_00010');
  await openFromAsset(page, p.author_handle);
  await radio(page, /lfqa rights/).check();
  await message(page).fill('Hi @{Handle}! Reply #{grantTag} please');
  await sendButton(page).click();
  const problems = dialog(page).locator('.stc-rights__problems');
  await expect(problems).toContainText('“{Handle}” is not a placeholder');
  await expect(problems).toContainText('The message must contain {handle}.');
  await expect(problems).toContainText('The message must contain {termsLink}.');
  await expect(message(page)).toHaveAttribute('aria-invalid', 'true');
  await expect(message(page)).toBeFocused();
  expect(await posts(standIn)).toHaveLength(0);
  await expectAxeClean(page, 'template problems');
  await page.screenshot({ path: '/work/shots/rights-template-problems.png' });
});

test('RR-2 the counter counts as each network does: Instagram code points, Twitter an emoji 2 and a link 23', async ({ page, standIn }) => {
  const p = await post(standIn, 'post_00010');
  await openFromAsset(page, p.author_handle);
  const counter = dialog(page).locator('.stc-counter');
  const ig = await rightsAccount(standIn, 'ra_ig_lfqa');
  await radio(page, /lfqa rights/).check();
  const text = '@{handle} 😀👍🏽 #{grantTag} {termsLink}';
  await message(page).fill(text);
  // Instagram: code points of the filled-in message (👍🏽 is two).
  const igFilled = `@${p.author_handle} 😀👍🏽 #${ig.approval_hashtag} ${ig.terms_url}`;
  await expect(counter).toContainText(`${(2200 - [...igFilled].length).toLocaleString('en-US')} characters remaining`);
  // Twitter: each emoji 2, the link 23.
  const tw = await rightsAccount(standIn, 'ra_tw');
  await radio(page, /Twitter rights/).check();
  await expect(message(page)).toHaveValue(text);
  const twLength = `@${p.author_handle} `.length + 2 + 2 + ` #${tw.approval_hashtag} `.length + 23;
  await expect(counter).toContainText(`${280 - twLength} characters remaining`);
  await expect(counter).toContainText('an emoji counts as 2 and a link as 23');
  // Over the limit: said in words, and nothing is sent.
  await message(page).fill(`@{handle} #{grantTag} {termsLink} ${'😀'.repeat(130)}`);
  const over = `@${p.author_handle} #${tw.approval_hashtag} `.length + 23 + 1 + 260 - 280;
  await expect(counter).toContainText(`${over} characters too many`);
  await sendButton(page).click();
  await expect(dialog(page).locator('.stc-rights__problems')).toContainText(`The message is ${over} characters too long.`);
  expect(await posts(standIn)).toHaveLength(0);
  // The Twitter request, once it fits, is sent (and the counter agreed with the API).
  await message(page).fill(`@{handle} #{grantTag} {termsLink} ${'😀'.repeat(10)}`);
  await sendButton(page).click();
  await expect(dialog(page).getByText(`Rights requested: the message was sent to @${p.author_handle}.`)).toBeVisible();
});

test('RR-6 the six statuses are labelled on saved assets and in the dialog; the Activity History shows who, when and the reply', async ({ page, standIn }) => {
  await page.goto(ASSETS);
  const labels = ['Requested', 'Granted', 'Needs Review', 'Expired', 'Request Failed', 'Request Pending'];
  for (const label of labels) {
    await expect(page.locator('.stc-asset .stc-rights-status').filter({ hasText: new RegExp(`^Rights status: ${label}$`) })).toHaveCount(1);
  }
  await expect(page.locator('.stc-asset .stc-rights-status').filter({ hasText: 'Rights not requested' })).toHaveCount(1);
  // Needs Review: the reply without the approval hashtag, in the history.
  const p = await post(standIn, 'post_00003');
  await assetCard(page, p.author_handle).getByRole('button', { name: 'Request Rights' }).click();
  await expect(dialog(page).locator('.stc-rights__post')).toContainText('Needs Review');
  await expect(history(page)).toContainText('Rights requested through lfqa rights');
  await expect(history(page)).toContainText('by Mo Moderator');
  await expect(history(page)).toContainText('Sure, go ahead! Please tag me');
  await expect(history(page)).toContainText('Status changed to Needs Review');
  await expectAxeClean(page, 'history');
});

test('RR-8 a manual grant needs a note, warns, and is recorded as Granted', async ({ page, standIn }) => {
  const p = await post(standIn, 'post_00010');
  const opener = await openFromAsset(page, p.author_handle);
  await dialog(page).getByRole('tab', { name: 'Manually grant rights' }).click();
  const panel = dialog(page).getByRole('tabpanel', { name: 'Manually grant rights' });
  await expect(panel).toContainText('Granting rights states that your brand holds the rights');
  await panel.getByRole('button', { name: 'Grant' }).click();
  await expect(panel).toContainText('Write why the rights are granted.');
  const note = panel.getByRole('textbox', { name: 'Why are the rights granted? (required)' });
  await expect(note).toHaveAttribute('aria-invalid', 'true');
  expect((await standIn.requests()).filter((r: any) => r.path === '/api/v1/rights/grants')).toHaveLength(0);
  await expectAxeClean(page, 'grant tab with problem');
  await note.fill('Signed release received by e-mail on 25 November (ticket #4411)');
  await panel.getByRole('button', { name: 'Grant' }).click();
  await expect(panel.getByRole('status')).toContainText('Rights granted.');
  await expect(dialog(page).locator('.stc-rights__post')).toContainText('Granted');
  await expect(history(page)).toContainText('Rights granted manually');
  await expect(history(page)).toContainText('Signed release received by e-mail on 25 November (ticket #4411)');
  const rows = await stored(standIn, p.id);
  expect(rows.map((r) => r.status)).toEqual(['granted']);
  await page.screenshot({ path: '/work/shots/rights-granted.png' });
  // Closing returns focus to the button, and the card shows the new status.
  await page.keyboard.press('Escape');
  await expect(dialog(page)).toBeHidden();
  await expect(opener).toBeFocused();
  await expect(assetCard(page, p.author_handle).locator('.stc-rights-status')).toHaveText('Rights status: Granted');
});

test('RR-7 Copy for Instagram puts the filled-in message on the clipboard and links to the post', async ({ page, standIn, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const p = await post(standIn, 'post_00010');
  await openFromAsset(page, p.author_handle);
  await radio(page, /lfqa rights/).check();
  await expect(dialog(page)).toContainText('Instagram does not allow Livefyre to post comments on your behalf');
  await dialog(page).getByRole('button', { name: 'Copy', exact: true }).click();
  await expect(dialog(page).getByRole('status')).toContainText('Message copied to the clipboard.');
  const link = dialog(page).getByRole('link', { name: /Open the post on Instagram/ });
  await expect(link).toHaveAttribute('href', p.permalink);
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(await preview(page).inputValue());
  // Twitter requests are sent, not copied.
  await radio(page, /Twitter rights/).check();
  await expect(dialog(page).getByRole('button', { name: 'Copy', exact: true })).toHaveCount(0);
});

test('RR-1 Request Rights on a search result opens the same dialog and sends, by keyboard only; Escape returns focus', async ({ page }) => {
  await page.goto(`${SEARCH}?type=recent_tags&q=summer`);
  const first = page.locator('.stc-results__grid > li').first();
  const button = first.getByRole('button', { name: 'Request Rights' });
  await button.focus();
  await page.keyboard.press('Enter');
  await expect(dialog(page)).toBeVisible();
  await expect(dialog(page).getByRole('group', { name: 'Send from rights account' })).toBeVisible();
  // The tabs move with the arrow keys.
  await dialog(page).getByRole('tab', { name: 'Manually request rights' }).focus();
  await page.keyboard.press('ArrowRight');
  await expect(dialog(page).getByRole('tab', { name: 'Manually grant rights' })).toBeFocused();
  await expect(dialog(page).getByRole('tabpanel', { name: 'Manually grant rights' })).toBeVisible();
  await page.keyboard.press('ArrowLeft');
  await expect(dialog(page).getByRole('tab', { name: 'Manually request rights' })).toBeFocused();
  // Pick lfqa with the keyboard: Tab into the radio group, arrows move the choice.
  await dialog(page).getByRole('radio', { name: /Instagram rights \(default\)/ }).focus();
  await page.keyboard.press('ArrowDown');
  await expect(radio(page, /lfqa rights/)).toBeChecked();
  await expect(alert(page)).toBeEmpty();
  await expectAxeClean(page, 'dialog from search');
  // Send with the keyboard: Tab reaches Request Rights, Enter sends.
  await dialog(page).getByRole('button', { name: 'Copy', exact: true }).focus();
  await page.keyboard.press('Tab');
  await expect(sendButton(page)).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(dialog(page).getByRole('status').filter({ hasText: 'Rights request recorded for' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog(page)).toBeHidden();
  await expect(button).toBeFocused();
});

test('I18N-1 RR-3 the dialog is complete in Dutch', async ({ page, standIn }) => {
  const p = await post(standIn, 'post_00010');
  await page.goto(ASSETS);
  await page.getByRole('combobox', { name: /Language|Taal/ }).selectOption('nl');
  await assetCard(page, p.author_handle).getByRole('button', { name: 'Rechten aanvragen' }).click();
  const d = page.getByRole('dialog', { name: 'Rechtenopties' });
  await expect(d).toBeVisible();
  await expect(d.getByRole('tab', { name: 'Handmatig rechten aanvragen' })).toBeVisible();
  await expect(d.getByRole('tab', { name: 'Handmatig rechten toekennen' })).toBeVisible();
  await expect(d.getByRole('group', { name: 'Versturen vanaf rechtenaccount' })).toBeVisible();
  await expect(d).toContainText('Het Instagram-token van @hurray (Instagram rights (default)) is verlopen.');
  await expect(d).toContainText('Activiteitengeschiedenis');
  await expect(d).toContainText('Er is geen eerdere activiteit om te tonen');
  await expect(d.locator('.stc-counter')).toContainText(/Nog \d\.\d{3} tekens over/);
  await expectAxeClean(page, 'dialog in Dutch');
  await page.screenshot({ path: '/work/shots/rights-nl.png' });
});
