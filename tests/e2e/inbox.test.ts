import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { newId } from '../../functions/platform/clock';
import { keys } from '../../functions/platform/keys';
import { ok, reliefWorld } from '../support/relief';
import { ensureH5Build, launchBrowser, openPage, ROOT, startWeb, loginAs as logIn } from '../support/web';

/**
 * The inbox in the reader's language (issue 13 item 5), end to end in Chromium at a phone's viewport, on the h5 build
 * against the real handlers: a resident whose dibao passed the community's review (a real review step) opens 消息 and
 * reads the notice in Chinese, switches the app to English in 设置 and reads it in English; an item stored before
 * texts had keys (written in the old shape) still shows the Chinese it was stored with.
 */
jest.setTimeout(300_000);

let world: Awaited<ReturnType<typeof reliefWorld>>;
let web: { url: string; close(): Promise<void> };
let browser: Browser;
const shots = path.join(ROOT, '.local/screenshots');
let keyed = '';
const OLD = { title: '您的高龄津贴申请已受理', body: '社区已收到您的申请材料，请留意后续通知' };
let old = '';

beforeAll(async () => {
  ensureH5Build();
  world = await reliefWorld();
  const { h, p } = world;
  // a notice made by a real command: the community worker approves wang's dibao at the first level
  const s = await world.submitted(p.wang);
  ok(await world.review(p.worker, s.application.id, 'approve'), 'community approval');
  // and an item of the shape the code before keys wrote: title and body in Chinese, no key, a week older
  old = newId(new Date('2026-11-24T02:00:00.000Z'));
  await h.deps.db.put({ ...keys.inboxItem(p.wang.id, old), entity: 'inboxItem', id: old, template: 'reliefDecision', ...OLD, createdAt: '2026-11-24T02:00:00.000Z', read: false });
  const items = ok(await h.api.as(p.wang).get('/me/inbox'), 'inbox').items as { id: string; key?: string }[];
  keyed = items.find((i) => i.key === 'relief.communityApproved')!.id;
  web = await startWeb(h.deps);
  browser = await launchBrowser();
  mkdirSync(shots, { recursive: true });
  // the h5 build waits its turn under a lock shared with every checkout on the machine: more than the tests' 300 s
}, 900_000);

afterAll(async () => {
  await browser?.close();
  await web?.close();
});

/** 我的 → 消息 */
async function openInbox(page: Page) {
  await openPage(page, `${web.url}/#/pages/me/index`);
  await page.getByTestId('me-inbox').click();
  await page.waitForURL(/packages\/me\/inbox\/index/, { timeout: 20_000, waitUntil: 'commit' });
  await page.getByTestId(`inbox-item-${keyed}`).waitFor({ timeout: 15_000 });
}

describe('the inbox in the reader’s language', () => {
  it('shows a resident the notice in Chinese, then in English once the app is switched to English, and the old item in its Chinese', async () => {
    // Prepare
    const page = await logIn(browser, web.url, world.p.wang.openid);
    await openInbox(page);
    const item = page.getByTestId(`inbox-item-${keyed}`);
    const oldItem = page.getByTestId(`inbox-item-${old}`);
    // Assess: in Chinese
    await item.getByText('申请已通过社区初审', { exact: true }).waitFor();
    await item.getByText('您的低保申请已通过社区初审，等待街道审批', { exact: true }).waitFor();
    await oldItem.getByText(OLD.title, { exact: true }).waitFor();
    expect(await item.getByText('Passed the community review', { exact: true }).count()).toBe(0);
    await page.screenshot({ path: path.join(shots, 'e2e-inbox-1-zh.png'), fullPage: true });
    // Act: 设置 → English
    await openPage(page, `${web.url}/#/packages/me/settings/index`);
    await page.getByTestId('settings-lang-en').click();
    await page.locator('[data-testid="settings-lang-en"][aria-pressed="true"]').waitFor({ timeout: 15_000 });
    await openInbox(page);
    // Assess: the keyed notice in English, the page's own words in English, the old item as it was stored
    await item.getByText('Passed the community review', { exact: true }).waitFor({ timeout: 15_000 });
    await item.getByText('Your Minimum living allowance application now awaits the sub-district', { exact: true }).waitFor();
    expect(await item.getByText('申请已通过社区初审', { exact: true }).count()).toBe(0);
    expect(await item.textContent()).not.toMatch(/[\u4e00-\u9fff]/);
    expect((await page.getByTestId('inbox-read-all').textContent())?.trim()).toBe('Mark all read');
    await oldItem.getByText(OLD.title, { exact: true }).waitFor();
    await oldItem.getByText(OLD.body, { exact: true }).waitFor();
    await page.screenshot({ path: path.join(shots, 'e2e-inbox-2-en.png'), fullPage: true });
    await page.context().close();
  });
});
