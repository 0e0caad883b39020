import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { fiveListsWorld } from '../support/fiveLists';
import type { Person } from '../support/harness';
import { ensureH5Build, launchBrowser, openPage, ROOT, startWeb, loginAs as logIn } from '../support/web';

/**
 * The five lists end to end, in Chromium at a phone's viewport, on the h5 build against the real handlers: a matter a
 * say-it day sent into the five lists is dispatched and confirmed by the sub-district officer, claimed and resolved
 * (with a photo) by the water company's contact, and rated by the resident who raised it; the unit's score on the
 * officer's ranking page changes with that rating.
 */
// the h5 build (under a lock shared with other test runs) happens in beforeAll
jest.setTimeout(600_000);

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
    await openPage(page, `${web.url}/#/pages/me/index`);
    await page.getByTestId('me-fl-scores').click();
    await page.getByTestId('fl-score-value-p-water').getByText(`${fmt(scoreBefore)} 分`).waitFor({ timeout: 15_000 });
    await page.screenshot({ path: path.join(shots, 'e2e-fl-1-ranking-before.png'), fullPage: true });
    await page.context().close();
  });

  it('lets the officer dispatch the matter to the water company and confirm the dispatch', async () => {
    const page = await loginAs(world.p.officer);
    await openPage(page, `${web.url}/#/pages/me/index`);
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
    // a unit contact is nobody's neighbour: 说事 shows their five lists work, not a board they cannot have
    await openPage(page, `${web.url}/#/pages/matters/index`);
    await page.getByText('社区说事看板属于社区居民；您的五单工作在上方').waitFor();
    await page.getByTestId('matters-fl-unit').click();
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
    await openPage(page, `${web.url}/#/pages/matters/index`);
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

  it('lets a neighbour who did not second it watch it (关注), and it stays watched after a reload', async () => {
    const page = await loginAs(world.p.chen);
    await openPage(page, `${web.url}/#/pages/matters/index`);
    await page.getByTestId('matters-five-lists').click();
    await page.getByTestId(`fl-card-${matterId}`).click();
    const watch = page.getByTestId('fl-watch');
    await watch.getByText('关注', { exact: true }).waitFor({ timeout: 15_000 });
    expect(await watch.getAttribute('aria-pressed')).toBe('false');
    await watch.click();
    await watch.getByText('已关注', { exact: true }).waitFor({ timeout: 15_000 });
    expect(await watch.getAttribute('aria-pressed')).toBe('true');
    await page.getByTestId('fl-watch-count').getByText('1 人关注').waitFor();
    await page.reload();
    await page.getByTestId('fl-watch').getByText('已关注', { exact: true }).waitFor({ timeout: 20_000 });
    expect(await page.getByTestId('fl-watch').getAttribute('aria-pressed')).toBe('true');
    await page.screenshot({ path: path.join(shots, 'e2e-fl-5b-watching.png'), fullPage: true });
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

describe('a grid worker takes a matter in; an officer publishes a consultation a resident votes on', () => {
  let raisedId = '';
  let consultationId = '';

  it('lets the grid worker take in a matter from a walk round with a photo and an address', async () => {
    const page = await loginAs(world.p.grid);
    await openPage(page, `${web.url}/#/pages/me/index`);
    await page.getByTestId('me-fl-raise').click();
    await page.getByTestId('fl-raise-place').waitFor({ timeout: 15_000 });
    await page.getByTestId('fl-raise-source-walkRound').click();
    await page.getByTestId('fl-raise-category-safety').click();
    await page.getByTestId('fl-raise-text').fill('5号楼楼道灭火器过期，压力表指针在红区');
    const chooser = page.waitForEvent('filechooser');
    await page.getByTestId('fl-raise-add-photo').click();
    await (await chooser).setFiles(photo);
    await page.locator('[data-testid="fl-raise-photos"] img').first().waitFor({ timeout: 20_000 });
    await page.waitForFunction(() => !document.querySelector('[data-testid="fl-raise-photos"] .photo-state'), undefined, { timeout: 20_000 });
    await page.getByTestId('fl-raise-address').fill('5号楼2单元楼道');
    await page.screenshot({ path: path.join(shots, 'e2e-fl-9-raise.png'), fullPage: true });
    await page.getByTestId('fl-raise-submit').click();
    await page.waitForURL(/packages\/fiveLists\/matter\/index\?id=/, { timeout: 20_000, waitUntil: 'commit' });
    await stateIs(page, '已收单');
    raisedId = new URL(page.url().replace('/#/', '/')).searchParams.get('id')!;
    await page.context().close();
    const d = await world.detail(raisedId);
    expect(d.matter).toMatchObject({ state: 'collected', source: 'walkRound', category: 'safety', gridId: 'g-a1', submitterName: '张网格', location: { address: '5号楼2单元楼道' } });
    expect(d.matter.photos).toHaveLength(1);
    // it waits on the officer's dispatch board
    const board = await world.h.api.as(world.p.officer).get('/subdistricts/sd-t/five-lists?state=collected');
    expect(board.body.items.map((m: { id: string }) => m.id)).toContain(raisedId);
  });

  it('keeps the grid worker’s draft when the answer is lost, and the retry takes the matter in once', async () => {
    const page = await loginAs(world.p.grid);
    const keys: string[] = [];
    let drop = true;
    await page.route('**/api/five-lists/matters', async (route) => {
      keys.push(route.request().headers()['idempotency-key'] ?? '');
      if (!drop) return route.continue();
      drop = false;
      await route.fetch(); // the server takes it in; the phone never hears back
      await route.abort('connectionreset');
    });
    await page.goto(`${web.url}/#/packages/fiveLists/raise/index`);
    await page.getByTestId('fl-raise-source-hotline').click();
    await page.getByTestId('fl-raise-reporter').fill('李大爷');
    await page.getByTestId('fl-raise-category-environment').click();
    await page.getByTestId('fl-raise-text').fill('热线来电：7号楼垃圾房三天没清运');
    await page.getByTestId('fl-raise-submit').click();
    await page.getByTestId('error-state').waitFor({ timeout: 15_000 });
    await page.reload();
    await page.getByTestId('fl-raise-draft-restored').waitFor({ timeout: 15_000 });
    expect(await page.getByTestId('fl-raise-text').inputValue()).toBe('热线来电：7号楼垃圾房三天没清运');
    await page.getByTestId('fl-raise-submit').click();
    await page.waitForURL(/packages\/fiveLists\/matter\/index\?id=/, { timeout: 20_000, waitUntil: 'commit' });
    await stateIs(page, '已收单');
    await page.context().close();
    expect(keys.length).toBeGreaterThanOrEqual(2);
    expect(new Set(keys).size).toBe(1);
    const board = await world.h.api.as(world.p.officer).get('/subdistricts/sd-t/five-lists?state=collected');
    const taken = board.body.items.filter((m: { text: string }) => m.text === '热线来电：7号楼垃圾房三天没清运');
    expect(taken).toHaveLength(1);
    expect(taken[0]).toMatchObject({ source: 'hotline', category: 'environment' });
  });

  it('lets the officer publish a consultation with three options', async () => {
    const page = await loginAs(world.p.officer);
    await openPage(page, `${web.url}/#/pages/me/index`);
    await page.getByTestId('me-fl-consultations').click();
    await page.getByTestId('fl-publish-open').click();
    await page.getByTestId('fl-pub-title').fill('街道老年食堂选址征求意见');
    await page.getByTestId('fl-pub-description').fill('街道拟新建一处老年食堂，请居民就选址投票。');
    await page.getByTestId('fl-pub-option-0').fill('和平社区党群服务中心');
    await page.getByTestId('fl-pub-option-1').fill('金绿洲社区活动室');
    await page.getByTestId('fl-pub-add-option').click();
    await page.getByTestId('fl-pub-option-2').fill('两处都设');
    // the local stack's clock is on the say-it day (2026-12-05): the window is around it
    await page.getByTestId('fl-pub-opens').fill('2026-12-01 08:00');
    await page.getByTestId('fl-pub-closes').fill('2026-12-31 20:00');
    await page.screenshot({ path: path.join(shots, 'e2e-fl-10-publish.png'), fullPage: true });
    await page.getByTestId('fl-pub-submit').click();
    await page.waitForURL(/packages\/fiveLists\/consultation\/index\?id=/, { timeout: 20_000, waitUntil: 'commit' });
    await page.getByText('街道老年食堂选址征求意见').first().waitFor({ timeout: 15_000 });
    consultationId = new URL(page.url().replace('/#/', '/')).searchParams.get('id')!;
    await page.context().close();
    const c = await world.h.api.as(world.p.officer).get(`/consultations/${consultationId}`);
    expect(c.body).toMatchObject({ unitId: 'sd-t', phase: 'open', opensAt: '2026-12-01T00:00:00.000Z', closesAt: '2026-12-31T12:00:00.000Z' });
    expect(c.body.options.map((o: { label: string }) => o.label)).toEqual(['和平社区党群服务中心', '金绿洲社区活动室', '两处都设']);
  });

  it('lets a resident of the sub-district find it and vote', async () => {
    const page = await loginAs(world.p.wang);
    await openPage(page, `${web.url}/#/pages/matters/index`);
    await page.getByTestId('matters-five-lists').click();
    await page.getByTestId('fl-board-consultations').click();
    await page.getByTestId(`fl-consultation-${consultationId}`).click();
    await page.getByTestId('fl-option-o2').click();
    await page.getByTestId('fl-vote').click();
    await page.getByTestId('fl-option-o2').getByText('我的选择').waitFor({ timeout: 15_000 });
    await page.screenshot({ path: path.join(shots, 'e2e-fl-11-voted.png'), fullPage: true });
    await page.context().close();
    const c = await world.h.api.as(world.p.wang).get(`/consultations/${consultationId}`);
    expect(c.body.myVote).toBe('o2');
  });

  it('shows the result with its counts once voting has closed', async () => {
    world.h.clock.set('2027-01-02T02:00:00.000Z');
    const page = await loginAs(world.p.wang);
    await page.goto(`${web.url}/#/packages/fiveLists/consultation/index?id=${consultationId}`);
    await page.getByTestId('fl-result-total').getByText('共 1 人投票').waitFor({ timeout: 15_000 });
    await page.getByTestId('fl-result').getByText('1 票（100%）').waitFor();
    await page.screenshot({ path: path.join(shots, 'e2e-fl-12-result.png'), fullPage: true });
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
