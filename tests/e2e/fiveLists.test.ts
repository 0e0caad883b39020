import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { fiveListsWorld } from '../support/fiveLists';
import type { Person } from '../support/harness';
import { ensureH5Build, launchBrowser, ROOT, startWeb, loginAs as logIn } from '../support/web';

/**
 * The five lists end to end, in Chromium at a phone's viewport, on the h5 build against the real handlers: a matter a
 * say-it day sent into the five lists is dispatched and confirmed by the sub-district officer, claimed and resolved
 * (with a photo) by the water company's contact, and rated by the resident who raised it; the unit's score on the
 * officer's ranking page changes with that rating.
 */
jest.setTimeout(300_000);

let world: Awaited<ReturnType<typeof fiveListsWorld>>;
let web: { url: string; close(): Promise<void> };
let browser: Browser;
const shots = path.join(ROOT, '.local/screenshots');
const photo = path.join(ROOT, 'tests/e2e/fixtures/streetlight.png');
let matterId = '';
let scoreBefore = 0;

beforeAll(async () => {
  ensureH5Build();
  world = await fiveListsWorld();
  const { h, p } = world;
  // six matters from one session: five the water company already handled and residents rated "partly" (so it is
  // ranked, with a score), and the one this test takes through the app
  const ids = await world.fromSession([
    { text: '3号楼前的下水道堵了，一楼住户家里反水' },
    ...Array.from({ length: 5 }, (_, i) => ({ text: `楼顶水箱${i + 1}号多年没清洗，自来水发黄` })),
  ]);
  matterId = ids[0]!;
  for (const id of ids.slice(1)) {
    await world.resolved(id);
    const r = await h.api.as(p.wang).post(`/five-lists/matters/${id}/ratings`, { level: 'partly', stars: 3 });
    if (r.status !== 201) throw new Error(`rate: ${r.status} ${JSON.stringify(r.body)}`);
  }
  const ranking = await h.api.as(p.officer).get('/subdistricts/sd-t/unit-ranking');
  scoreBefore = ranking.body.items.find((u: { unitId: string }) => u.unitId === 'p-water').score;
  web = await startWeb(h.deps);
  browser = await launchBrowser();
  mkdirSync(shots, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await web?.close();
});

const loginAs = (who: Person): Promise<Page> => logIn(browser, web.url, who.openid);

const stateIs = (page: Page, text: string) => page.getByTestId('fl-state').getByText(text).first().waitFor({ timeout: 15_000 });
const fmt = (n: number) => n.toFixed(1);

describe('the five lists, end to end', () => {
  it('shows the officer the unit ranking before the rating', async () => {
    const page = await loginAs(world.p.officer);
    await page.goto(`${web.url}/#/pages/me/index`);
    await page.getByTestId('me-fl-scores').click();
    await page.getByTestId('fl-score-value-p-water').getByText(`${fmt(scoreBefore)} 分`).waitFor({ timeout: 15_000 });
    await page.screenshot({ path: path.join(shots, 'e2e-fl-1-ranking-before.png'), fullPage: true });
    await page.context().close();
  });

  it('lets the officer dispatch the matter to the water company and confirm the dispatch', async () => {
    const page = await loginAs(world.p.officer);
    await page.goto(`${web.url}/#/pages/me/index`);
    await page.getByTestId('me-fl-officer').click();
    await page.getByTestId(`fl-card-${matterId}`).click();
    await stateIs(page, '已收单');
    await page.getByTestId('fl-dispatch-unit-p-water').click();
    await page.getByTestId('fl-dispatch-note').fill('涉及排水管道，请市自来水公司排水所处理');
    await page.screenshot({ path: path.join(shots, 'e2e-fl-2-dispatch.png'), fullPage: true });
    await page.getByTestId('fl-dispatch-submit').click();
    await stateIs(page, '已分单');
    await page.getByTestId('fl-review-confirm').click();
    await stateIs(page, '已审单，待领单');
    await page.getByTestId('fl-timeline').getByText(/审单通过/).first().waitFor();
    await page.context().close();
    const d = await world.detail(matterId);
    expect(d.matter).toMatchObject({ state: 'reviewed', unitId: 'p-water' });
  });

  it('lets the unit contact claim it and report it resolved with a photo', async () => {
    const page = await loginAs(world.p.water);
    await page.goto(`${web.url}/#/pages/me/index`);
    await page.getByTestId('me-fl-unit').click();
    await page.getByTestId(`fl-card-${matterId}`).click();
    await page.getByTestId('fl-claim').click();
    await stateIs(page, '办理中');
    await page.getByTestId('fl-resolve-note').fill('已开挖疏通主管道，一楼不再反水');
    const chooser = page.waitForEvent('filechooser');
    await page.getByTestId('fl-resolve-add-photo').click();
    await (await chooser).setFiles(photo);
    await page.locator('[data-testid="fl-resolve-photos"] img').first().waitFor({ timeout: 20_000 });
    await page.waitForFunction(() => !document.querySelector('[data-testid="fl-resolve-photos"] .photo-state'), undefined, { timeout: 20_000 });
    await page.getByTestId('fl-resolve-submit').click();
    await stateIs(page, '已办结，待评价');
    await page.getByTestId('fl-resolution').waitFor();
    await page.screenshot({ path: path.join(shots, 'e2e-fl-3-resolved.png'), fullPage: true });
    await page.context().close();
    const d = await world.detail(matterId);
    expect(d.matter.resolution.photos).toHaveLength(1);
  });

  it('lets the resident find it on the board and rate it', async () => {
    const page = await loginAs(world.p.wang);
    await page.goto(`${web.url}/#/pages/matters/index`);
    await page.getByTestId('matters-five-lists').click();
    await page.getByTestId(`fl-card-${matterId}`).click();
    await page.getByTestId('fl-timeline').getByText(/办结/).first().waitFor({ timeout: 15_000 });
    await page.getByTestId('fl-rate-open').click();
    await page.getByTestId('fl-rate-level-satisfied').click();
    await page.getByTestId('fl-rate-star-5').click();
    await page.getByTestId('fl-rate-comment').fill('修得很快，谢谢');
    await page.screenshot({ path: path.join(shots, 'e2e-fl-4-rate.png'), fullPage: true });
    await page.getByTestId('fl-rate-submit').click();
    await page.waitForURL(/packages\/fiveLists\/matter\/index/, { timeout: 20_000, waitUntil: 'commit' });
    await stateIs(page, '已评价');
    await page.getByTestId('fl-ratings').getByText('满意').first().waitFor();
    await page.screenshot({ path: path.join(shots, 'e2e-fl-5-rated.png'), fullPage: true });
    await page.context().close();
  });

  it('changes the unit’s score on the ranking page', async () => {
    const ranking = await world.h.api.as(world.p.officer).get('/subdistricts/sd-t/unit-ranking');
    const after = ranking.body.items.find((u: { unitId: string }) => u.unitId === 'p-water');
    expect(after.rated).toBe(6);
    expect(after.score).toBeGreaterThan(scoreBefore);
    const page = await loginAs(world.p.officer);
    await page.goto(`${web.url}/#/packages/fiveLists/scores/index`);
    await page.getByTestId('fl-score-value-p-water').getByText(`${fmt(after.score)} 分`).waitFor({ timeout: 15_000 });
    await page.screenshot({ path: path.join(shots, 'e2e-fl-6-ranking-after.png'), fullPage: true });
    await page.context().close();
  });
});

describe('the five lists in elder mode and in English', () => {
  it('shows the matter in plain English words, large', async () => {
    const page = await loginAs(world.p.wang);
    await page.evaluate(() => localStorage.setItem('linli.prefs', JSON.stringify({ data: { elder: true, lang: 'en' } })));
    await page.goto(`${web.url}/#/packages/fiveLists/matter/index?id=${matterId}`);
    await page.reload();
    await stateIs(page, 'Rated');
    await page.getByTestId('fl-timeline').getByText(/Done/).first().waitFor();
    const size = await page.getByTestId('fl-text').evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    expect(size).toBeGreaterThanOrEqual(18);
    await page.screenshot({ path: path.join(shots, 'e2e-fl-7-elder-en.png'), fullPage: true });
    await page.goto(`${web.url}/#/packages/fiveLists/board/index`);
    await page.getByTestId(`fl-card-${matterId}`).waitFor({ timeout: 15_000 });
    await page.screenshot({ path: path.join(shots, 'e2e-fl-8-board-elder-en.png'), fullPage: true });
    await page.context().close();
  });
});
