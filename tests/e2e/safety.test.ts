import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { countersOf } from '../support/figures';
import { harness, type Harness, type Person } from '../support/harness';
import { ensureH5Build, launchBrowser, loginAs as logIn, openPage, ROOT, startWeb } from '../support/web';

/**
 * Safety inspections and street fronts end to end, in Chromium at a phone's viewport, on the h5 build against the real
 * handlers: a community worker registers a market, the grid worker walks its checklist and finds one hazard (a note and
 * a photo), the hazard waits on the hazards list with its deadline and a re-inspection with a photo closes it; a shop's
 * agreement for the year is signed and the signing rate shows; an illegal building reported on patrol is passed to the
 * enforcement bureau and closed with its outcome.
 */
jest.setTimeout(300_000);

let h: Harness;
let web: { url: string; close(): Promise<void> };
let browser: Browser;
let worker: Person;
let grid: Person;
const shots = path.join(ROOT, '.local/screenshots');
const photo = path.join(ROOT, 'tests/e2e/fixtures/streetlight.png');

beforeAll(async () => {
  ensureH5Build();
  h = await harness();
  grid = await h.person('陈志强', [['gridWorker', 'g-a1']], { openid: 'grid-chen' });
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

/** picks the fixture photo through the page's add-photo button and waits for its upload */
async function addPhoto(page: Page, testId: string) {
  const chooser = page.waitForEvent('filechooser');
  await page.getByTestId(`${testId}-add-photo`).click();
  await (await chooser).setFiles(photo);
  await page.locator(`[data-testid="${testId}-photos"] img`).first().waitFor({ timeout: 20_000 });
  await page.waitForFunction((id) => !document.querySelector(`[data-testid="${id}-photos"] .photo-state`), `${testId}`, { timeout: 20_000 });
}

const hazards = async () => (await h.api.as(worker).get('/communities/c-a/safety-cases?kind=hazard')).body.items;

describe('a site inspected and its hazard rectified, end to end', () => {
  let siteId = '';
  let hazardId = '';

  it('lets a community worker register a market to inspect', async () => {
    const page = await loginAs('worker-liu');
    await openPage(page, `${web.url}/#/packages/safety/sites/index`);
    await page.getByTestId('sf-type-market').click();
    await page.getByTestId('sf-site-name').fill('和平农贸市场');
    await page.getByTestId('sf-site-address').fill('和平路 66 号');
    await page.getByTestId('sf-site-register').click();
    await page.locator('[data-testid^="sf-site-"]').filter({ hasText: '和平农贸市场' }).waitFor({ timeout: 20_000 });
    const sites = (await h.api.as(worker).get('/communities/c-a/sites')).body.items;
    expect(sites).toEqual([expect.objectContaining({ type: 'market', name: '和平农贸市场', address: '和平路 66 号', inspections: 0, openHazards: 0 })]);
    siteId = sites[0].id;
    await page.context().close();
  });

  it('lets the grid worker walk the checklist and record one hazard with a note and a photo', async () => {
    const page = await loginAs('grid-chen');
    await openPage(page, `${web.url}/#/packages/safety/sites/index`);
    // a grid worker inspects but does not register sites
    await page.getByTestId(`sf-inspect-${siteId}`).waitFor({ timeout: 20_000 });
    expect(await page.getByTestId('sf-site-register').count()).toBe(0);
    await page.getByTestId(`sf-inspect-${siteId}`).click();
    await page.getByTestId('sf-item-exitsClear').waitFor({ timeout: 20_000 });
    // submitting with items left is refused on the page
    await page.getByTestId('sf-ok-exitsClear').click();
    await page.getByTestId('sf-inspect-submit').click();
    await page.getByRole('alert').filter({ hasText: '还有 5 项未检查' }).waitFor({ timeout: 10_000 });
    for (const item of ['extinguishersValid', 'emergencyLights', 'wiringSafe', 'aislesClear']) await page.getByTestId(`sf-ok-${item}`).click();
    await page.getByTestId('sf-hazard-gasCylinders').click();
    await page.getByTestId('sf-gasCylinders-note').fill('液化气瓶露天存放，未设防倾倒链');
    await addPhoto(page, 'sf-gasCylinders');
    await page.getByTestId('sf-inspect-submit').click();
    await page.getByTestId('sf-inspected').filter({ hasText: '已提交，发现隐患 1 处' }).waitFor({ timeout: 20_000 });
    // gas cylinders get three days: found on 1 December, rectify by the 4th
    await page.getByText('整改期限 2026年12月4日').waitFor();
    await page.screenshot({ path: path.join(shots, 'e2e-sf-1-inspected.png'), fullPage: true });
    await page.context().close();

    const detail = (await h.api.as(worker).get(`/sites/${siteId}`)).body;
    expect(detail.site).toMatchObject({ inspections: 1, openHazards: 1 });
    expect(detail.recentInspections[0].results).toHaveLength(6);
    const found = detail.recentInspections[0].results.find((r: { ok: boolean }) => !r.ok);
    expect(found).toMatchObject({ itemId: 'gasCylinders', note: '液化气瓶露天存放，未设防倾倒链', photo: { key: expect.stringMatching(new RegExp(`^uploads/${grid.id}/`)) } });
    hazardId = found.hazardId;
    expect(detail.openHazards).toEqual([expect.objectContaining({ id: hazardId, state: 'open', deadline: '2026-12-04', overdue: false })]);
    expect(detail.openHazards[0].photos).toHaveLength(1);
  });

  it('shows the hazard on the open hazards list with its deadline, and a re-inspection with a photo closes it in time', async () => {
    const page = await loginAs('grid-chen');
    await openPage(page, `${web.url}/#/packages/safety/hazards/index`);
    const card = page.getByTestId(`sf-case-${hazardId}`);
    await card.waitFor({ timeout: 20_000 });
    expect(await card.textContent()).toContain('待整改');
    expect(await card.textContent()).toContain('整改期限 2026年12月4日');
    expect(await card.textContent()).toContain('液化气瓶存放规范：液化气瓶露天存放，未设防倾倒链');
    await page.screenshot({ path: path.join(shots, 'e2e-sf-2-hazards.png') });
    await card.click();
    await page.getByTestId('sf-history').waitFor({ timeout: 20_000 });
    // the rectification needs its photo: without one the page asks for it and nothing is sent
    await page.getByTestId('sf-action-reinspectRectified').click();
    await page.getByTestId('sf-step-submit').click();
    await page.getByRole('alert').filter({ hasText: '请拍摄整改后的照片' }).waitFor({ timeout: 10_000 });
    expect((await h.api.as(worker).get(`/safety-cases/${hazardId}`)).body.state).toBe('open');
    await page.getByTestId('sf-step-note').fill('气瓶已移入专用储存间并加装防倾倒链');
    await addPhoto(page, 'sf-step');
    await page.getByTestId('sf-step-submit').click();
    await page.getByTestId('sf-case-state').filter({ hasText: '已整改销号' }).waitFor({ timeout: 20_000 });
    expect(await page.getByTestId('sf-case-state').textContent()).toContain('按期整改');
    await page.getByTestId('sf-history').getByText('复查：已整改 · 陈志强').waitFor();
    await page.screenshot({ path: path.join(shots, 'e2e-sf-3-rectified.png'), fullPage: true });
    await page.context().close();

    const closed = (await h.api.as(worker).get(`/safety-cases/${hazardId}`)).body;
    expect(closed).toMatchObject({ state: 'closed', open: false, inTime: true, actions: [] });
    expect(closed.history.map((e: { action: string }) => e.action)).toEqual(['found', 'reinspectRectified']);
    expect(closed.history[1].photos).toHaveLength(1);
    expect(await hazards()).toEqual([expect.objectContaining({ id: hazardId, state: 'closed' })]);
    expect((await h.api.as(worker).get(`/sites/${siteId}`)).body.site.openHazards).toBe(0);
    expect(await countersOf(h.deps.db, 'safety', 'c-a', '2026-12')).toEqual({ sites: 1, inspections: 1, hazardsFound: 1, rectified: 1, rectifiedInTime: 1 });
  });
});

describe("a shop's street-front agreement, end to end", () => {
  it('lets the community worker register a shop and record its signed agreement for the year, and shows the signing rate', async () => {
    // Prepare: one shop already on the register
    await h.api.as(worker).post('/communities/c-a/shops', { name: '老王五金店', address: '和平路 12 号' }, { 'idempotency-key': 'e2e-sf-shop-1' });
    const page = await loginAs('worker-liu');
    await openPage(page, `${web.url}/#/packages/safety/shops/index`);
    await page.getByTestId('sf-signing-rate').filter({ hasText: '已签 0 / 1 家，签订率 0%' }).waitFor({ timeout: 20_000 });

    // Act: register a second shop and record its signing, with the agreement's photo
    await page.getByTestId('sf-shop-name').fill('好邻居便利店');
    await page.getByTestId('sf-shop-address').fill('和平路 20 号');
    await page.getByTestId('sf-shop-owner').fill('周桂英');
    await page.getByTestId('sf-shop-register').click();
    await page.getByTestId('sf-signing-rate').filter({ hasText: '已签 0 / 2 家' }).waitFor({ timeout: 20_000 });
    const shop = (await h.api.as(worker).get('/communities/c-a/shops?year=2026')).body.items.find((s: { name: string }) => s.name === '好邻居便利店');
    await page.getByTestId(`sf-sign-open-${shop.id}`).click();
    await page.getByTestId('sf-signed-on').fill('2026-11-28');
    await addPhoto(page, 'sf-agreement');
    await page.getByTestId('sf-sign-submit').click();

    // Assess
    await page.getByTestId('sf-signing-rate').filter({ hasText: '已签 1 / 2 家，签订率 50%' }).waitFor({ timeout: 20_000 });
    expect(await page.getByTestId(`sf-shop-${shop.id}`).textContent()).toContain('已签订 2026年11月28日');
    await page.screenshot({ path: path.join(shots, 'e2e-sf-4-shops.png'), fullPage: true });
    await page.context().close();
    const year = (await h.api.as(worker).get('/communities/c-a/shops?year=2026')).body;
    expect(year).toMatchObject({ year: 2026, shops: 2, signed: 1, signingRate: 0.5 });
    // unsigned first
    expect(year.items.map((s: { name: string }) => s.name)).toEqual(['老王五金店', '好邻居便利店']);
    expect(year.items[1].agreement).toMatchObject({ year: 2026, signedOn: '2026-11-28', recordedByName: '刘芳', photo: { key: expect.stringMatching(new RegExp(`^uploads/${worker.id}/`)) } });
    expect((await h.api.as(worker).get('/communities/c-a/shops?year=2025')).body).toMatchObject({ shops: 2, signed: 0 });
  });
});

describe('an illegal building, end to end', () => {
  it('lets a grid worker report it with a photo, and the community worker pass it to the enforcement bureau and record its outcome', async () => {
    // Act: reported on patrol
    const patrol = await loginAs('grid-chen');
    await openPage(patrol, `${web.url}/#/packages/safety/report/index`);
    await patrol.getByTestId('sf-report-place').fill('和平路 3 号楼顶');
    await patrol.getByTestId('sf-report-description').fill('楼顶新搭建约 20 平方米彩钢板房');
    await addPhoto(patrol, 'sf-report');
    await patrol.getByTestId('sf-report-submit').click();
    await patrol.waitForURL(/packages\/safety\/case\/index\?caseId=/, { timeout: 20_000, waitUntil: 'commit' });
    await patrol.getByTestId('sf-case-state').filter({ hasText: '已上报' }).waitFor({ timeout: 20_000 });
    // passing on is the community's: the grid worker is offered nothing to do
    expect(await patrol.getByTestId('sf-step-submit').count()).toBe(0);
    const id = new URL(patrol.url().replace('/#/', '/')).searchParams.get('caseId')!;
    await patrol.context().close();

    // the community worker finds it among the open reports, passes it on, then records the bureau's outcome
    const page = await loginAs('worker-liu');
    await openPage(page, `${web.url}/#/packages/safety/hazards/index?kind=illegalBuilding`);
    await page.getByTestId(`sf-case-${id}`).click();
    await page.getByTestId('sf-history').waitFor({ timeout: 20_000 });
    await page.getByTestId('sf-step-note').fill('已移交区城管执法局');
    await page.getByTestId('sf-step-submit').click();
    await page.getByTestId('sf-case-state').filter({ hasText: '已移交执法' }).waitFor({ timeout: 20_000 });
    await page.getByTestId('sf-outcome-demolished').click();
    await page.getByTestId('sf-step-note').fill('执法局责令自行拆除，已于 12 月 1 日拆除完毕');
    await page.getByTestId('sf-step-submit').click();
    await page.getByTestId('sf-case-state').filter({ hasText: '已办结' }).waitFor({ timeout: 20_000 });

    // Assess
    expect(await page.getByTestId('sf-case-state').textContent()).toContain('已拆除');
    await page.getByTestId('sf-history').getByText('登记处置结果 · 刘芳').waitFor();
    await page.screenshot({ path: path.join(shots, 'e2e-sf-5-illegal-building.png'), fullPage: true });
    await page.context().close();
    const c = (await h.api.as(worker).get(`/safety-cases/${id}`)).body;
    expect(c).toMatchObject({ kind: 'illegalBuilding', state: 'closed', open: false, outcome: 'demolished', place: '和平路 3 号楼顶', reporterName: '陈志强' });
    expect(c.photos).toHaveLength(1);
    expect(c.history.map((e: { action: string; byName: string }) => `${e.action} ${e.byName}`)).toEqual(['reported 陈志强', 'passOn 刘芳', 'recordOutcome 刘芳']);
    expect(await countersOf(h.deps.db, 'streetFronts', 'c-a', '2026-12')).toEqual({ shops: 2, shopsDue: 2, agreementsSigned: 1, illegalBuildingReports: 1, passedOn: 1, corrected: 1 });
  });
});
