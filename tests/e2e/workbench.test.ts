import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { harness, type Harness, type Person } from '../support/harness';
import { ensureH5Build, launchBrowser, loginAs as logIn, openPage, ROOT, startWeb } from '../support/web';
import { workbenchWorld } from '../support/workbench';

/**
 * Each staff role's first screen (首页) is their workbench, in Chromium at a phone's viewport on the h5 build against the
 * real handlers: the counts of what waits, the overdue first; a person with two roles switches between them and the app
 * remembers the last; a resident's home is as it was.
 */
jest.setTimeout(300_000);

let h: Harness;
let web: { url: string; close(): Promise<void> };
let browser: Browser;
let grid: Person;
let organizer: Person;
let v1: Person;
let v2: Person;
const shots = path.join(ROOT, '.local/screenshots');

beforeAll(async () => {
  ensureH5Build();
  h = await harness();
  await h.person('王秀兰', [['resident', 'c-a']], { openid: 'resident-wang' });
  await h.person('刘芳', [['communityWorker', 'c-a']], { openid: 'worker-liu' });
  grid = await h.person('陈志强', [['gridWorker', 'g-a1']], { openid: 'grid-chen' });
  await h.person('黄伟', [['subdistrictOfficer', 'sd-t']], { openid: 'officer-huang' });
  await h.person('唐建华', [['jointCommittee', 'sd-t']], { openid: 'committee-tang' });
  await h.person('孙明', [['unitContact', 'p-water']], { openid: 'unit-sun' });
  organizer = await h.person('周婷', [['organizer', 'c-a']], { openid: 'organizer-zhou' });
  await h.person('马丽', [['communityWorker', 'c-a'], ['organizer', 'c-a']], { openid: 'staff-ma' });
  v1 = await h.person('志愿者甲', [['resident', 'c-a']]);
  v2 = await h.person('志愿者乙', [['resident', 'c-a']]);
  const w = workbenchWorld(h);
  await w.communityQueues(grid);
  await w.proxyDrafts(grid, 2);
  await w.fiveLists();
  await w.organizerWork(organizer, [v1, v2]);
  await h.deps.db.update({ pk: 'COMMUNITY#c-a', sk: 'SESSION#2026-12-05' }, { add: { matterCount: 3 } });
  web = await startWeb(h.deps);
  browser = await launchBrowser();
  mkdirSync(shots, { recursive: true });
  // the h5 build is shared under a lock and waits for the others' builds on a busy machine
}, 1_200_000);

afterAll(async () => {
  await browser?.close();
  await web?.close();
});

const loginAs = (openid: string): Promise<Page> => logIn(browser, web.url, openid);

/** The tasks on screen, in order, each with its count as shown. */
async function tasksShown(page: Page, role: string): Promise<[string, string][]> {
  const list = page.getByTestId(`wb-tasks-${role}`);
  await list.waitFor({ timeout: 20_000 });
  const cards = list.locator('[data-testid^="wb-task-"]');
  const out: [string, string][] = [];
  for (let i = 0; i < (await cards.count()); i++) {
    const card = cards.nth(i);
    const key = (await card.getAttribute('data-testid'))!.slice('wb-task-'.length);
    out.push([key, (await card.getByTestId(`wb-count-${key}`).innerText()).trim()]);
  }
  return out;
}

describe('each staff role opens on their work', () => {
  it('shows a community worker what waits, the overdue must-visits first, and counts on 办事', async () => {
    // Act
    const page = await loginAs('worker-liu');
    const tasks = await tasksShown(page, 'communityWorker');
    await page.screenshot({ path: path.join(shots, 'e2e-wb-1-worker.png') });
    // Assess
    expect(tasks[0]).toEqual(['mustVisits', '2']);
    expect(Object.fromEntries(tasks)).toMatchObject({ applicationsToReview: '3', bindingRequests: '2', scheduledAnnouncements: '1', nextSession: '3' });
    await expect(page.getByTestId('wb-task-mustVisits').innerText()).resolves.toContain('超期 1');
    await openPage(page, `${web.url}/#/pages/services/index`);
    await page.getByTestId('rl-entry-queue').getByText('3', { exact: true }).waitFor({ timeout: 20_000 });
    await page.context().close();
  });

  it('shows a grid worker their own visits and proxy drafts', async () => {
    const page = await loginAs('grid-chen');
    const tasks = await tasksShown(page, 'gridWorker');
    expect(tasks).toEqual([
      ['myVisits', '2'],
      ['mattersToTakeIn', '3'],
      ['proxyDrafts', '2'],
    ]);
    await page.context().close();
  });

  it('shows the officer the overdue across the lists first and no word about binding a community', async () => {
    const page = await loginAs('officer-huang');
    const tasks = await tasksShown(page, 'subdistrictOfficer');
    await page.screenshot({ path: path.join(shots, 'e2e-wb-2-officer.png') });
    expect(tasks.map(([k]) => k)).toEqual(['overdueFiveLists', 'dispatchBoard', 'secondLevelApprovals', 'moderation', 'workSummary']);
    expect(Object.fromEntries(tasks)).toMatchObject({ overdueFiveLists: '3', dispatchBoard: '2', secondLevelApprovals: '1' });
    expect(await page.getByText('您还没有绑定所在社区').count()).toBe(0);
    await page.context().close();
  });

  it('shows the joint committee their review queue', async () => {
    const page = await loginAs('committee-tang');
    expect(await tasksShown(page, 'jointCommittee')).toEqual([['reviewQueue', '1']]);
    await page.context().close();
  });

  it('shows a unit contact what to claim and to resolve, the overdue first, and their score', async () => {
    const page = await loginAs('unit-sun');
    const tasks = await tasksShown(page, 'unitContact');
    expect(tasks.slice(0, 2)).toEqual([
      ['toResolve', '1'],
      ['toClaim', '1'],
    ]);
    expect(tasks[2]![0]).toBe('unitScore');
    await page.context().close();
  });

  it('shows an organizer their activities, today’s check-ins and the hours to confirm, on 首页 and on 志愿', async () => {
    const page = await loginAs('organizer-zhou');
    expect(Object.fromEntries(await tasksShown(page, 'organizer'))).toEqual({ hoursToConfirm: '1', checkInsToday: '2', myActivities: '1', myEvents: '0' });
    await openPage(page, `${web.url}/#/pages/volunteer/index`);
    expect(Object.fromEntries(await tasksShown(page, 'organizer'))).toMatchObject({ checkInsToday: '2' });
    expect(await page.getByText('绑定社区后可查看本社区的志愿活动').count()).toBe(0);
    await page.screenshot({ path: path.join(shots, 'e2e-wb-3-organizer-volunteer.png') });
    // the team's hours, and a member's
    await page.getByTestId('vol-team-hours').click();
    await page.getByTestId('wb-team-figure').waitFor({ timeout: 20_000 });
    expect(await page.getByTestId('wb-team-figure').innerText()).toContain('3.5 小时');
    await page.getByTestId(`wb-member-${v2.id}`).click();
    await page.getByTestId('wb-volunteer-total').waitFor({ timeout: 20_000 });
    expect(await page.getByTestId('wb-volunteer-total').innerText()).toContain('2 小时');
    await page.context().close();
  });

  it('lets a person with two roles switch between them, and opens on the last one chosen', async () => {
    // Prepare
    const page = await loginAs('staff-ma');
    await tasksShown(page, 'communityWorker');
    // Act
    await page.getByTestId('wb-role-organizer-c-a').click();
    // Assess
    expect(Object.fromEntries(await tasksShown(page, 'organizer'))).toMatchObject({ myActivities: '0' });
    await page.reload();
    await tasksShown(page, 'organizer');
    expect(await page.getByTestId('wb-role-organizer-c-a').getAttribute('aria-pressed')).toBe('true');
    await page.context().close();
  });

  it('keeps a resident’s home as it was: no workbench', async () => {
    const page = await loginAs('resident-wang');
    await page.getByTestId('next-session').waitFor({ timeout: 20_000 });
    expect(await page.locator('[data-testid^="wb-"]').count()).toBe(0);
    await page.context().close();
  });
});
