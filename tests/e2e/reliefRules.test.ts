import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { escalateOverdueReviews } from '../../functions/relief/jobs';
import type { Person } from '../support/harness';
import { ok, reliefWorld } from '../support/relief';
import { ensureH5Build, launchBrowser, openPage, ROOT, startWeb, loginAs as logIn } from '../support/web';

/**
 * Relief types and rules as data (issue 13 item 4), end to end in Chromium at a phone's viewport, on the h5 build
 * against the real handlers: the sub-district officer opens 救助类型与规则 from the sub-district's review queue, sees
 * dibao's version in force, is told what is wrong with a version without a reason or from a day gone by, enters version
 * 2 (a higher line, shorter deadlines, from Monday 7 December) and sees it in the history as scheduled; from its day a
 * resident's apply form shows the new line; an application submitted under it and left past the community's 2 working
 * days shows 已超期 in the community's review queue after the hourly job has run.
 */
jest.setTimeout(300_000);

// the harness starts at 2026-12-01T02:00Z: 10:00 on Tuesday 1 December in China
const MONDAY = '2026-12-07';
let world: Awaited<ReturnType<typeof reliefWorld>>;
let web: { url: string; close(): Promise<void> };
let browser: Browser;
const shots = path.join(ROOT, '.local/screenshots');

const dibaoVersion = (over: Record<string, unknown>) => ({
  nameZh: '低保',
  nameEn: 'Minimum living allowance',
  parameters: { dibaoLine: 1365 },
  documents: [
    { kind: 'idCard', required: true },
    { kind: 'householdRegister', required: true },
    { kind: 'incomeProof', required: true },
  ],
  levels: [
    { role: 'communityWorker', deadlineDays: 5 },
    { role: 'subdistrictOfficer', deadlineDays: 10 },
  ],
  effectiveFrom: '2026-12-01',
  reason: '按市民政局文件录入现行标准',
  ...over,
});

beforeAll(async () => {
  ensureH5Build();
  world = await reliefWorld();
  // version 1 of dibao in sd-t, in force from today, as the seed enters the built-in table
  ok(await world.h.api.as(world.p.officer).post('/relief/types/dibao/versions', dibaoVersion({}), { 'idempotency-key': 'rules-e2e-v1' }), 'version 1');
  web = await startWeb(world.h.deps);
  browser = await launchBrowser();
  mkdirSync(shots, { recursive: true });
  // the h5 build waits its turn under a lock shared with every checkout on the machine: more than the tests' 300 s
}, 900_000);

afterAll(async () => {
  await browser?.close();
  await web?.close();
});

const loginAs = (who: Person): Promise<Page> => logIn(browser, web.url, who.openid);
const services = (page: Page) => openPage(page, `${web.url}/#/pages/services/index`);
const versions = async () => ok(await world.h.api.as(world.p.officer).get('/relief/types/dibao/versions'), 'versions') as { inForce: number; items: { version: number; effectiveFrom: string; parameters: Record<string, number>; levels: { deadlineDays: number }[]; reason: string; authorName: string }[] };

/** The officer's way in: 办事 → 街道审批 (the sub-district's queue) → 救助类型与规则, dibao picked. */
async function rulesPage(): Promise<Page> {
  const page = await loginAs(world.p.officer);
  await services(page);
  await page.getByTestId('rl-entry-queue-sd').click();
  await page.getByTestId('rl-queue-rules').click();
  await page.waitForURL(/packages\/relief\/rules\/index/, { timeout: 20_000, waitUntil: 'commit' });
  await page.getByTestId('rl-rules-type-dibao').click();
  return page;
}

/** The line a resident's dibao form shows, as the page prints it. */
async function lineOnApplyForm(who: Person): Promise<string> {
  const page = await loginAs(who);
  await services(page);
  await page.getByTestId('rl-apply-dibao').click();
  await page.waitForURL(/packages\/relief\/apply\/index/, { timeout: 20_000, waitUntil: 'commit' });
  const line = page.getByTestId('rl-param-dibaoLine');
  await line.waitFor({ timeout: 15_000 });
  const text = (await line.textContent())!.trim();
  await page.screenshot({ path: path.join(shots, `e2e-rules-apply-${text.replace(/\D/g, '')}.png`), fullPage: true });
  await page.context().close();
  return text;
}

describe('relief rules, end to end', () => {
  it('shows the officer the dibao version in force, reached from the sub-district’s review queue', async () => {
    // Act
    const page = await rulesPage();
    // Assess
    await page.getByTestId('rl-rules-in-force').getByText('现行第 1 版，2026-12-01 起执行').waitFor({ timeout: 15_000 });
    await page.getByText('审批：社区 5 个工作日，街道 10 个工作日').waitFor();
    const v1 = page.getByTestId('rl-rules-version-1');
    await v1.getByText('现行', { exact: true }).waitFor({ timeout: 15_000 });
    await v1.getByText('第 1 版 · 2026-12-01 起 · 黄伟').waitFor();
    // the built-in table is in the history too, neither in force nor scheduled
    await page.getByTestId('rl-rules-version-0').getByText('系统内置', { exact: false }).waitFor();
    expect(await page.getByTestId('rl-rules-version-0').getByText(/^(现行|待生效)$/).count()).toBe(0);
    await page.screenshot({ path: path.join(shots, 'e2e-rules-1-in-force.png'), fullPage: true });
    await page.context().close();
  });

  it('tells the officer what is wrong with a version without a reason or from a day gone by, and stores none', async () => {
    // Prepare
    const before = await versions();
    const page = await rulesPage();
    await page.getByTestId('rl-rules-in-force').getByText(/现行第 1 版/).waitFor({ timeout: 15_000 });
    await page.getByTestId('rl-rules-param-dibaoLine').fill('1420');
    // Act: no reason
    await page.getByTestId('rl-rules-from').fill(MONDAY);
    await page.getByTestId('rl-rules-reason').fill('');
    await page.getByTestId('rl-rules-save').click();
    // Assess: said beside the reason
    await page.getByText('请填写调整原因（至少 2 个字）').waitFor({ timeout: 15_000 });
    // Act: a reason, but yesterday (China) as the effective day
    await page.getByTestId('rl-rules-reason').fill('2027年度低保标准调整');
    await page.getByTestId('rl-rules-from').fill('2026-11-30');
    await page.getByTestId('rl-rules-save').click();
    // Assess: the server's refusal in the app's words, and the reason's message gone
    await page.getByTestId('error-state').getByText('生效日期不能早于今天').waitFor({ timeout: 15_000 });
    expect(await page.getByText('请填写调整原因（至少 2 个字）').count()).toBe(0);
    await page.screenshot({ path: path.join(shots, 'e2e-rules-2-errors.png'), fullPage: true });
    await page.context().close();
    expect(await versions()).toEqual(before);
  });

  it('lets the officer enter version 2 from Monday and shows it in the history as scheduled, version 1 still in force', async () => {
    // Prepare
    const page = await rulesPage();
    await page.getByTestId('rl-rules-in-force').getByText(/现行第 1 版/).waitFor({ timeout: 15_000 });
    // Act: a higher line, 2 working days for the community and 3 for the sub-district, from Monday 7 December
    await page.getByTestId('rl-rules-param-dibaoLine').fill('1420');
    await page.getByTestId('rl-rules-days-0').fill('2');
    await page.getByTestId('rl-rules-days-1').fill('3');
    await page.getByTestId('rl-rules-from').fill(MONDAY);
    await page.getByTestId('rl-rules-reason').fill('2027年度低保标准调整');
    await page.getByTestId('rl-rules-save').click();
    // Assess
    const v2 = page.getByTestId('rl-rules-version-2');
    await v2.getByText('待生效', { exact: true }).waitFor({ timeout: 15_000 });
    await v2.getByText(`第 2 版 · ${MONDAY} 起 · 黄伟`).waitFor();
    await v2.getByText('低保标准（元/人·月）：1420').waitFor();
    await v2.getByText('调整原因：2027年度低保标准调整').waitFor();
    await page.getByTestId('rl-rules-version-1').getByText('现行', { exact: true }).waitFor();
    await page.getByTestId('rl-rules-in-force').getByText('现行第 1 版，2026-12-01 起执行').waitFor();
    await page.getByText(`第 2 版将于 ${MONDAY} 起执行`).waitFor();
    await page.screenshot({ path: path.join(shots, 'e2e-rules-3-scheduled.png'), fullPage: true });
    await page.context().close();
    const stored = await versions();
    expect(stored.inForce).toBe(1);
    expect(stored.items[0]).toMatchObject({ version: 2, effectiveFrom: MONDAY, parameters: { dibaoLine: 1420 }, levels: [{ deadlineDays: 2 }, { deadlineDays: 3 }], reason: '2027年度低保标准调整', authorName: '黄伟' });
  });

  it('shows a resident the line of the version in force: 1365 before Monday, 1420 from Monday', async () => {
    // Act, Assess: today (Tuesday 1 December)
    expect(await lineOnApplyForm(world.p.wang)).toBe('低保标准（元/人·月）：1365');
    // Act: Monday 7 December, 10:00 in China (a fresh sign-in at the new time)
    world.h.clock.set(`${MONDAY}T02:00:00.000Z`);
    // Assess
    expect(await lineOnApplyForm(world.p.wang)).toBe('低保标准（元/人·月）：1420');
    const page = await rulesPage();
    await page.getByTestId('rl-rules-in-force').getByText(`现行第 2 版，${MONDAY} 起执行`).waitFor({ timeout: 15_000 });
    await page.getByTestId('rl-rules-version-2').getByText('现行', { exact: true }).waitFor();
    expect(await page.getByTestId('rl-rules-version-1').getByText(/^(现行|待生效)$/).count()).toBe(0);
    await page.context().close();
  });

  it('shows 已超期 in the community’s review queue for an application past version 2’s 2 working days, once the job has run', async () => {
    // Prepare: Monday 7 December, wang submits a dibao (through the API): under version 2 the community decides by
    // Wednesday 9 December, 24:00 China time
    world.h.clock.set(`${MONDAY}T02:00:00.000Z`);
    const s = await world.submitted(world.p.wang);
    const id = s.application.id as string;
    expect(s.application.rulesVersion).toEqual({ version: 2, effectiveFrom: MONDAY });
    expect(s.application.dueAt).toBe('2026-12-09T16:00:00.000Z');
    const before = await loginAs(world.p.worker);
    await services(before);
    await before.getByTestId('rl-entry-queue').click();
    await before.getByTestId(`rl-queue-${id}`).getByText('审核期限 2026-12-09').waitFor({ timeout: 15_000 });
    expect(await before.getByTestId(`rl-overdue-${id}`).count()).toBe(0);
    await before.context().close();
    // Act: Thursday 10 December, 10:00 in China, the hourly job runs
    world.h.clock.set('2026-12-10T02:00:00.000Z');
    const run = await escalateOverdueReviews(world.h.deps);
    // Assess: marked, the officers told, and the worker's queue says so
    expect(run).toMatchObject({ overdue: 1, marked: 1, told: 1 });
    const page = await loginAs(world.p.worker);
    await services(page);
    await page.getByTestId('rl-entry-queue').click();
    await page.getByTestId(`rl-overdue-${id}`).getByText('已超期').waitFor({ timeout: 15_000 });
    await page.getByTestId(`rl-queue-${id}`).getByText('审核期限 2026-12-09').waitFor();
    await page.screenshot({ path: path.join(shots, 'e2e-rules-4-overdue.png'), fullPage: true });
    await page.context().close();
    const told = (ok(await world.h.api.as(world.p.officer).get('/me/inbox'), 'inbox').items as { key?: string; body: string }[]).filter((i) => i.key === 'relief.overdueReview');
    expect(told.map((i) => i.body)).toEqual(['王*兰的低保申请社区审核已超过期限（2026-12-09），请督办']);
  });
});
