import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { RISKY_WORDS, wechatPushRequest } from '../../scripts/wechatStandIn';
import { harness, NEXT_SESSION_A, type Harness, type Person } from '../support/harness';
import { ensureH5Build, launchBrowser, loginAs as logIn, openPage, ROOT, startWeb } from '../support/web';

/**
 * Content security and moderation end to end, in Chromium at a phone's viewport, on the h5 build against the real
 * handlers and the WeChat stand-in: a neighbour reports a matter through the 举报 sheet (once); the community worker
 * opens the queue from the workbench's count, hides it with a reason and puts it back; a risky text is refused with
 * the field named and the draft kept; a photo waits (审核中) for its author until WeChat's media-check push.
 */
jest.setTimeout(300_000);

let h: Harness;
let web: { url: string; close(): Promise<void> };
let browser: Browser;
let wang: Person;
let li: Person;
let worker: Person;
let matterId = '';
const shots = path.join(ROOT, '.local/screenshots');
const photo = path.join(ROOT, 'tests/e2e/fixtures/streetlight.png');

beforeAll(async () => {
  ensureH5Build();
  h = await harness();
  // openids of this file only: the stand-in keeps the media checks of the whole run, by openid
  wang = await h.person('王秀兰', [['resident', 'c-a']], { openid: 'mod-wang' });
  li = await h.person('李建国', [['resident', 'c-a']], { openid: 'mod-li' });
  worker = await h.person('刘芳', [['communityWorker', 'c-a']], { openid: 'mod-liu' });
  const m = await h.api.as(wang).post(`/sessions/${NEXT_SESSION_A}/matters`, { category: 'environment', text: '楼下便利店门口常年堆放纸箱，挡住了消防通道' });
  if (m.status !== 201) throw new Error(`matter: ${m.status} ${JSON.stringify(m.body)}`);
  matterId = m.body.id;
  web = await startWeb(h.deps);
  browser = await launchBrowser();
  mkdirSync(shots, { recursive: true });
}, 1_200_000);

afterAll(async () => {
  await browser?.close();
  await web?.close();
});

const loginAs = (openid: string): Promise<Page> => logIn(browser, web.url, openid);
const queueOf = async () => (await h.api.as(worker).get('/moderation/queue?unitId=c-a')).body.items as { ref: string; reportCount: number; reasons: Record<string, number> }[];
const boardOf = async (p: Person) => ((await h.api.as(p).get('/communities/c-a/matters')).body.items as { id: string }[]).map((m) => m.id);

/**
 * WeChat's media-check verdicts on this person's photos, as the stand-in made them, pushed through the web server to
 * the app's /wechat/push as WeChat pushes them: signed and sealed at the harness's clock (the app refuses a push whose
 * timestamp is far from its own time, and the harness's clock is fixed), as the API tests deliver them. Answers the
 * app's statuses.
 */
async function deliverMediaChecks(openid: string): Promise<number[]> {
  const listed = (await (await fetch(`${process.env.WECHAT_API_BASE}/__standin/media-checks?openid=${openid}`)).json()) as { items: { event: Record<string, unknown> }[] };
  const statuses: number[] = [];
  for (const { event } of listed.items) {
    const call = wechatPushRequest(event as never, { ...h.deps.config.wechat.push!, appId: h.deps.config.wechat.appId }, 'safe', h.clock.now().getTime());
    statuses.push((await fetch(`${web.url}/api/wechat/push?${call.query}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: call.body })).status);
  }
  return statuses;
}

/** Picks a reason in Taro's action sheet (h5 draws it as its own cells). */
async function pickInSheet(page: Page, reason: string): Promise<void> {
  await page.locator('.taro__actionSheet .taro-actionsheet__cell').getByText(reason, { exact: true }).click();
}

describe('a neighbour reports, a worker decides', () => {
  it('lets a neighbour report a matter with a reason through the 举报 sheet, and refuses a second report', async () => {
    // Prepare: li finds wang's matter on the board
    const page = await loginAs('mod-li');
    await openPage(page, `${web.url}/#/pages/matters/index`);
    await page.getByTestId(`matter-card-${matterId}`).click();
    await page.getByTestId('matter-text').waitFor({ timeout: 20_000 });
    // Act: 举报 → 广告骚扰
    await page.getByTestId('matter-report').click();
    await pickInSheet(page, '广告骚扰');
    // Assess: in the community's queue, reported once for advertising
    const until = Date.now() + 15_000;
    while (!(await queueOf()).some((i) => i.ref === matterId) && Date.now() < until) await new Promise((r) => setTimeout(r, 250));
    expect((await queueOf()).find((i) => i.ref === matterId)).toMatchObject({ reportCount: 1, reasons: { ads: 1 } });
    // Act: again, for another reason
    await page.getByTestId('matter-report').click();
    await pickInSheet(page, '其他');
    // Assess: the app's message, and still one report
    await page.getByTestId('error-state').filter({ hasText: '您已举报过该内容，我们会尽快处理' }).waitFor({ timeout: 20_000 });
    await page.screenshot({ path: path.join(shots, 'e2e-mod-1-reported-twice.png') });
    expect((await queueOf()).find((i) => i.ref === matterId)).toMatchObject({ reportCount: 1, reasons: { ads: 1 } });
    await page.context().close();
  });

  it('lets the worker open the queue from the workbench count and hide the matter; neighbours lose it, its author sees why', async () => {
    // Prepare: the worker's first screen counts what waits
    const page = await loginAs('mod-liu');
    await page.getByTestId('wb-count-moderation').filter({ hasText: /^\s*1\s*$/ }).waitFor({ timeout: 20_000 });
    // Act: from the count to the queue, then 隐藏 with a reason
    await page.getByTestId('wb-task-moderation').click();
    await page.waitForURL(/packages\/moderation\/queue\/index\?unitId=c-a/, { timeout: 20_000, waitUntil: 'commit' });
    const item = page.getByTestId(`mod-item-${matterId}`);
    await item.waitFor({ timeout: 20_000 });
    expect(await item.innerText()).toContain('被举报 1 次');
    await expect(page.getByTestId('mod-queue').innerText()).resolves.toContain('广告骚扰 ×1');
    await page.getByTestId(`mod-hide-${matterId}`).click();
    await page.getByTestId('mod-hide-reason').fill('含有商业广告');
    await page.getByTestId('mod-hide-confirm').click();
    // Assess: the worker sees it done
    await item.getByText('已隐藏并通知作者').waitFor({ timeout: 20_000 });
    await page.screenshot({ path: path.join(shots, 'e2e-mod-2-hidden.png') });
    expect((await queueOf()).map((i) => i.ref)).not.toContain(matterId);
    // the neighbour: gone from the board, not found by its link
    const neighbour = await loginAs('mod-li');
    await openPage(neighbour, `${web.url}/#/packages/sayItDay/matter/index?id=${matterId}`);
    await neighbour.getByTestId('error-state').filter({ hasText: '没有找到该内容' }).waitFor({ timeout: 20_000 });
    expect(await neighbour.getByTestId('matter-text').count()).toBe(0);
    expect(await boardOf(li)).not.toContain(matterId);
    await neighbour.context().close();
    // the author: 已隐藏 with the reason on her matter, and a notice in her inbox
    const author = await loginAs('mod-wang');
    await openPage(author, `${web.url}/#/packages/sayItDay/matter/index?id=${matterId}`);
    await author.getByTestId('matter-hidden-reason').filter({ hasText: '隐藏原因：含有商业广告' }).waitFor({ timeout: 20_000 });
    await author.getByText('已隐藏', { exact: true }).waitFor();
    await author.screenshot({ path: path.join(shots, 'e2e-mod-3-author-hidden.png') });
    await openPage(author, `${web.url}/#/packages/me/inbox/index`);
    await author.getByTestId('inbox-list').getByText('您发布的事项已被隐藏').waitFor({ timeout: 20_000 });
    await author.context().close();

    // Act: the worker puts it back from the same screen
    await page.getByTestId(`mod-restore-${matterId}`).click();
    // Assess
    await item.getByText('已恢复显示').waitFor({ timeout: 20_000 });
    expect(await boardOf(li)).toContain(matterId);
    expect((await h.api.as(wang).get(`/matters/${matterId}`)).body.matter.moderation).toBeUndefined();
    const inbox = (await h.api.as(wang).get('/me/inbox')).body.items as { title: string }[];
    expect(inbox.map((i) => i.title)).toContain('您发布的事项已恢复显示');
    await page.context().close();
  });
});

describe('what residents write is checked before neighbours see it', () => {
  it('refuses a risky text on submit, naming the field, and keeps the draft in the form', async () => {
    // Prepare
    const page = await loginAs('mod-wang');
    await openPage(page, `${web.url}/#/packages/sayItDay/submit/index?sessionId=${NEXT_SESSION_A}`);
    const text = `小区里有人推销${RISKY_WORDS[1]}，请社区管一管`;
    await page.getByTestId('submit-category-environment').click();
    await page.getByTestId('submit-text').fill(text);
    // Act
    await page.getByTestId('submit-matter').click();
    // Assess: the message names 事项内容; the text is still there, on screen and in the phone's draft; nothing stored
    await page.getByTestId('error-state').filter({ hasText: '「事项内容」含有不适宜公开的信息，请修改后再提交' }).waitFor({ timeout: 20_000 });
    await page.screenshot({ path: path.join(shots, 'e2e-mod-4-risky.png') });
    expect(page.url()).toContain('/packages/sayItDay/submit/index');
    expect(await page.getByTestId('submit-text').inputValue()).toBe(text);
    expect(await page.evaluate(() => localStorage.getItem('linli.matterDraft') ?? '')).toContain(RISKY_WORDS[1]);
    const mine = (await h.api.as(wang).get('/me/matters')).body.items as { text: string }[];
    expect(mine.map((m) => m.text)).not.toContain(text);
    // the draft survives a reload of the form
    await openPage(page, `${web.url}/#/packages/sayItDay/submit/index?sessionId=${NEXT_SESSION_A}`);
    await page.getByTestId('submit-draft-restored').waitFor({ timeout: 20_000 });
    expect(await page.getByTestId('submit-text').inputValue()).toBe(text);
    await page.context().close();
  });

  it('shows a photo as 审核中 to its author only, until WeChat’s media-check push passes it', async () => {
    // Prepare (a new phone: no draft)
    const page = await loginAs('mod-wang');
    await openPage(page, `${web.url}/#/packages/sayItDay/submit/index?sessionId=${NEXT_SESSION_A}`);
    await page.getByTestId('submit-category-environment').click();
    await page.getByTestId('submit-text').fill('3号楼前的路灯坏了两个星期，晚上出行不安全');
    const chooser = page.waitForEvent('filechooser');
    await page.getByTestId('submit-add-photo').click();
    await (await chooser).setFiles(photo);
    await page.locator('[data-testid="submit-photos"] img').first().waitFor({ timeout: 20_000 });
    await page.waitForFunction(() => !document.querySelector('[data-testid="submit-photos"] .photo-state'), undefined, { timeout: 30_000 });
    // Act
    await page.getByTestId('submit-matter').click();
    await page.waitForURL(/packages\/sayItDay\/matter\/index\?id=/, { timeout: 20_000, waitUntil: 'commit' });
    const id = new URL(page.url().replace('/#/', '/')).searchParams.get('id')!;
    // Assess: the author sees her photo, marked 审核中; the neighbour sees the matter without it
    await page.getByText('审核中，仅自己可见').waitFor({ timeout: 20_000 });
    await page.getByText('1 张照片审核中或未通过，邻居看不到').waitFor();
    expect(await page.locator('.photos .photo').count()).toBe(1);
    await page.screenshot({ path: path.join(shots, 'e2e-mod-5-photo-pending.png') });
    const neighbour = await loginAs('mod-li');
    await openPage(neighbour, `${web.url}/#/packages/sayItDay/matter/index?id=${id}`);
    await neighbour.getByTestId('matter-text').waitFor({ timeout: 20_000 });
    expect(await neighbour.locator('.photos .photo').count()).toBe(0);

    // Act: WeChat's verdict arrives at the app's push URL
    expect(await deliverMediaChecks('mod-wang')).toEqual([200]);
    // Assess
    await openPage(page, `${web.url}/#/packages/sayItDay/matter/index?id=${id}`);
    await page.getByTestId('matter-text').waitFor({ timeout: 20_000 });
    expect(await page.locator('.photos .photo').count()).toBe(1);
    expect(await page.getByText('审核中，仅自己可见').count()).toBe(0);
    await openPage(neighbour, `${web.url}/#/packages/sayItDay/matter/index?id=${id}`);
    await neighbour.locator('.photos .photo').first().waitFor({ timeout: 20_000 });
    await neighbour.screenshot({ path: path.join(shots, 'e2e-mod-6-photo-passed.png') });
    await neighbour.context().close();
    await page.context().close();
  });
});
