import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { harness, type Harness, type Person } from '../support/harness';
import { ensureH5Build, launchBrowser, loginAs as logIn, openPage, ROOT, startWeb } from '../support/web';

/**
 * An announcement end to end, in Chromium at a phone's viewport, on the h5 build against the real handlers: a
 * community worker posts one to their community, two residents see it unread on 首页 and open it, and the worker
 * sees it read by 2.
 */
jest.setTimeout(300_000);

let h: Harness;
let web: { url: string; close(): Promise<void> };
let browser: Browser;
let worker: Person;
const shots = path.join(ROOT, '.local/screenshots');

beforeAll(async () => {
  ensureH5Build();
  h = await harness();
  await h.person('王秀兰', [['resident', 'c-a']], { openid: 'resident-wang' });
  await h.person('李建国', [['resident', 'c-a']], { openid: 'resident-li' });
  worker = await h.person('刘芳', [['communityWorker', 'c-a']], { openid: 'worker-liu' });
  web = await startWeb(h.deps);
  browser = await launchBrowser();
  mkdirSync(shots, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await web?.close();
});

const loginAs = (openid: string): Promise<Page> => logIn(browser, web.url, openid);

/** The read count staff see, once it reaches `n` (the page marks it read just after it shows it), or as it is after 15 s. */
async function readCountReaching(n: number): Promise<number> {
  const until = Date.now() + 15_000;
  for (;;) {
    const count = (await h.api.as(worker).get(`/announcements/${id}`)).body.readCount as number;
    if (count >= n || Date.now() > until) return count;
    await new Promise((r) => setTimeout(r, 250));
  }
}
let id = '';

describe('an announcement, end to end', () => {
  it('lets a community worker post an announcement to their community', async () => {
    const page = await loginAs('worker-liu');
    await openPage(page, `${web.url}/#/packages/announcements/post/index`);
    await page.getByTestId('ann-unit-c-a').click();
    await page.getByTestId('ann-title-input').fill('周三上午停水通知');
    await page.getByTestId('ann-body-input').fill('因管网检修，本周三 9:00–15:00 停水，请提前储水。');
    await page.getByTestId('ann-submit').click();
    await page.waitForURL(/packages\/announcements\/detail\/index\?id=/, { timeout: 20_000, waitUntil: 'commit' });
    id = new URL(page.url().replace('/#/', '/')).searchParams.get('id')!;
    await page.getByTestId('ann-read-count').waitFor();
    await page.screenshot({ path: path.join(shots, 'e2e-ann-1-posted.png') });
    expect((await h.api.as(worker).get(`/announcements/${id}`)).body).toMatchObject({ title: '周三上午停水通知', state: 'published', audience: { kind: 'community', unitId: 'c-a' }, readCount: 0 });
    await page.context().close();
  });

  it('shows it unread on a resident’s 首页, and opening it there marks it read', async () => {
    const page = await loginAs('resident-wang');
    await page.getByTestId('home-ann-unread').filter({ hasText: '1' }).waitFor({ timeout: 20_000 });
    await page.screenshot({ path: path.join(shots, 'e2e-ann-2-home.png') });
    await page.getByTestId(`home-ann-${id}`).click();
    await page.getByTestId('ann-body').waitFor({ timeout: 20_000 });
    expect(await readCountReaching(1)).toBe(1);
    await page.context().close();
  });

  it('lets a second resident open it from the list', async () => {
    const page = await loginAs('resident-li');
    await openPage(page, `${web.url}/#/packages/announcements/list/index`);
    await page.getByTestId(`ann-unread-${id}`).waitFor({ timeout: 20_000 });
    await page.getByTestId(`ann-card-${id}`).click();
    await page.getByTestId('ann-body').waitFor({ timeout: 20_000 });
    expect(await readCountReaching(2)).toBe(2);
    await page.context().close();
  });

  it('shows the worker that 2 residents read it', async () => {
    const page = await loginAs('worker-liu');
    await openPage(page, `${web.url}/#/packages/announcements/detail/index?id=${id}`);
    await page.getByTestId('ann-read-count').filter({ hasText: '2' }).waitFor({ timeout: 20_000 });
    await page.screenshot({ path: path.join(shots, 'e2e-ann-3-count.png') });
    expect(await page.getByTestId('ann-read-count').textContent()).toContain('已读 2 人次');
    await page.context().close();
  });
});
