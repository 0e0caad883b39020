import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { canteenUnit, elderCareWorld } from '../support/elderCare';
import { harness, type Harness, type Person } from '../support/harness';
import { ensureH5Build, launchBrowser, loginAs as logIn, openPage, ROOT, startWeb } from '../support/web';

/**
 * Elder care end to end, in Chromium at a phone's viewport, on the h5 build against the real handlers: an elder books a
 * meal and a bath, a worker books for another elder with their consent, the provider's contact serves with a photo,
 * the elder rates; 助急 reaches the grid worker and, unanswered, escalates to the community worker.
 */
jest.setTimeout(900_000);

let h: Harness;
let w: ReturnType<typeof elderCareWorld>;
let web: { url: string; close(): Promise<void> };
let browser: Browser;
let wang: Person;
let zhao: Person;
let chen: Person;
let liu: Person;
let providerId = '';
const shots = path.join(ROOT, '.local/screenshots');
const photo = path.join(ROOT, 'tests/e2e/fixtures/streetlight.png');
// the server's clock is START, 2026-12-01 10:00 China time; the slots are on the 5th
const DAY = '2026-12-05';

beforeAll(async () => {
  ensureH5Build();
  h = await harness({ extraUnits: [canteenUnit] });
  w = elderCareWorld(h);
  wang = await w.resident('王秀兰', { openid: 'resident-wang', birthYear: 1940 });
  zhao = await w.resident('赵桂芳', { birthYear: 1943 });
  chen = await h.person('陈志强', [['gridWorker', 'g-a1']], { openid: 'grid-chen' });
  liu = await h.person('刘芳', [['communityWorker', 'c-a']], { openid: 'worker-liu' });
  await h.person('孙经理', [['unitContact', canteenUnit.id]], { openid: 'canteen-sun' });
  providerId = (await w.provider(liu)).id;
  await w.slots(liu, { providerId, days: [DAY, '2026-12-06'], capacity: 20 });
  await w.slots(liu, { providerId, days: [DAY], serviceId: 'bath', startTime: '14:00', minutes: 60, cutoffTime: undefined, capacity: 4 });
  web = await startWeb(h.deps);
  browser = await launchBrowser();
  mkdirSync(shots, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await web?.close();
  h?.clock.set('2026-12-01T02:00:00.000Z');
});

const loginAs = (openid: string): Promise<Page> => logIn(browser, web.url, openid);
const bookings = async (p: Person) => (await h.api.as(p).get('/me/elder-care/bookings')).body.items as { id: string; serviceId: string; status: string; bookedBy: { as: string }; consent?: { method: string }; rating?: { stars: number } }[];

describe('elder care, end to end', () => {
  it('lets an elder book a meal and a bath from 办事, in elder mode', async () => {
    const page = await loginAs('resident-wang');
    await page.evaluate(() => localStorage.setItem('linli.prefs', JSON.stringify({ data: { elder: true, lang: 'zh' } })));
    await openPage(page, `${web.url}/#/pages/services/index`);
    await page.getByTestId('svc-elder-care').click();
    await page.getByTestId('ec-eligibility').filter({ hasText: '高龄' }).waitFor({ timeout: 20_000 });
    await page.screenshot({ path: path.join(shots, 'e2e-ec-1-home-elder.png') });
    // a meal: the week's lunches, the 5th ticked, delivered
    await page.getByTestId('ec-service-meal').click();
    const meals = page.locator('[data-testid^="ec-meal-"]');
    await meals.first().waitFor({ timeout: 20_000 });
    await meals.first().click();
    await page.getByTestId('ec-mode-home').click();
    await page.getByTestId('ec-order-meals').click();
    await page.getByTestId('ec-meals-done').filter({ hasText: '1' }).waitFor({ timeout: 20_000 });
    // a bath at the service point
    await openPage(page, `${web.url}/#/packages/elderCare/book/index?service=bath`);
    await page.locator('[data-testid^="ec-slot-"]').first().click();
    await page.getByTestId('ec-confirm-book').click();
    await page.getByTestId('ec-book-done').waitFor({ timeout: 20_000 });
    await page.screenshot({ path: path.join(shots, 'e2e-ec-2-booked.png') });
    await page.context().close();
    const mine = await bookings(wang);
    expect(mine.map((b) => [b.serviceId, b.status]).sort()).toEqual([
      ['bath', 'confirmed'],
      ['meal', 'confirmed'],
    ]);
  });

  it('lets the grid worker book for another elder, recording how she agreed', async () => {
    const page = await loginAs('grid-chen');
    await openPage(page, `${web.url}/#/packages/elderCare/behalf/index`);
    await page.getByTestId('ec-behalf-name').fill('赵');
    await page.getByTestId('ec-behalf-search').click();
    await page.getByTestId('ec-behalf-赵桂芳').click();
    await page.getByTestId('ec-pick-meal').click();
    await page.locator('[data-testid^="ec-slot-"]').first().click();
    await page.getByTestId('ec-consent-phone').click();
    await page.getByTestId('ec-confirm-book').click();
    await page.getByTestId('ec-book-done').waitFor({ timeout: 20_000 });
    await page.context().close();
    const hers = await bookings(zhao);
    expect(hers).toHaveLength(1);
    expect(hers[0]).toMatchObject({ serviceId: 'meal', bookedBy: { as: 'worker' }, consent: { method: 'phone' } });
  });

  it("lets the canteen's contact confirm and serve with a photo, and the elder rate it", async () => {
    h.clock.set('2026-12-05T04:00:00.000Z'); // 12:00 in China on the 5th: the lunches' cut-off has passed
    const page = await loginAs('canteen-sun');
    await openPage(page, `${web.url}/#/packages/elderCare/provider/index?id=${providerId}&day=${DAY}`);
    await page.getByTestId('ec-accept-王秀兰').first().click();
    await page.getByTestId('ec-accept-王秀兰').first().waitFor({ state: 'detached', timeout: 20_000 }).catch(() => undefined);
    const meal = page.getByTestId('ec-serve-card-王秀兰').filter({ hasText: '助餐' });
    const chooser = page.waitForEvent('filechooser');
    await meal.getByTestId('ec-serve-王秀兰').click();
    await (await chooser).setFiles(photo);
    await meal.getByText('已完成').waitFor({ timeout: 30_000 });
    await page.screenshot({ path: path.join(shots, 'e2e-ec-3-served.png') });
    await page.context().close();

    const elder = await loginAs('resident-wang');
    await openPage(elder, `${web.url}/#/packages/elderCare/bookings/index`);
    await elder.getByTestId('ec-star-meal-5').click();
    await elder.getByTestId('ec-booking-meal').getByText('已评价 5 星').waitFor({ timeout: 20_000 });
    await elder.context().close();
    const served = (await bookings(wang)).find((b) => b.serviceId === 'meal')!;
    expect(served).toMatchObject({ status: 'served', rating: { stars: 5 } });
  });

  it('sends 助急 to the grid worker at once and to the community worker when nobody answers', async () => {
    h.clock.set('2026-12-05T06:00:00.000Z');
    const page = await loginAs('resident-wang');
    await openPage(page, `${web.url}/#/packages/elderCare/home/index`);
    await page.getByTestId('ec-sos').click();
    await page.getByTestId('ec-sos-big').click();
    await page.getByTestId('ec-sos-send').click();
    await page.getByTestId('ec-sos-state').filter({ hasText: '求助已发出' }).waitFor({ timeout: 20_000 });
    await page.screenshot({ path: path.join(shots, 'e2e-ec-4-sos-sent.png') });
    await page.context().close();

    // the grid worker's inbox has it, and its link opens the request
    const told = (await w.inboxOf(chen.id)).find((i) => i.template === 'emergencyHelp')!;
    expect(told.title).toBe('助急求助');
    const grid = await loginAs('grid-chen');
    await openPage(grid, `${web.url}/#${told.link}`);
    await grid.getByTestId('ec-sos-state').filter({ hasText: '王秀兰' }).waitFor({ timeout: 20_000 });
    await grid.getByTestId('ec-sos-ack').waitFor();
    await grid.context().close();

    // nobody acknowledged: six minutes later the job tells the community worker
    expect((await w.inboxOf(liu.id)).filter((i) => i.template === 'emergencyHelp')).toHaveLength(0);
    h.clock.set('2026-12-05T06:06:00.000Z');
    expect((await w.escalate()).escalated).toBe(1);
    expect((await w.inboxOf(liu.id)).filter((i) => i.template === 'emergencyHelp').map((i) => i.title)).toEqual(['【升级】助急求助无人响应']);
  });
});
