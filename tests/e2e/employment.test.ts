import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { harness, type Harness, type Person } from '../support/harness';
import { countersOf } from '../support/figures';
import { ensureH5Build, launchBrowser, loginAs as logIn, openPage, ROOT, startWeb } from '../support/web';

/**
 * Employment assistance end to end, in Chromium at a phone's viewport, on the h5 build against the real handlers: a
 * community worker registers a job seeker with their consent, records a vacancy, refers the seeker to it and records
 * that they were taken on; the placement is counted once in the work summary's figures.
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
const board = async () => (await h.api.as(worker).get('/communities/c-a/employment')).body;

describe('employment assistance, end to end', () => {
  it('lets a worker register a seeker with consent, collect a vacancy, refer the seeker and record the placement', async () => {
    // Prepare
    const page = await loginAs('worker-liu');
    await openPage(page, `${web.url}/#/packages/employment/board/index`);

    // Act: register a hard-to-employ seeker; without consent the page asks for it first
    await page.getByTestId('emp-name').fill('张建军');
    await page.getByTestId('emp-cat-hardToEmploy').click();
    await page.getByTestId('emp-wants').fill('物业保安');
    await page.getByTestId('emp-register').click();
    await page.getByText('请先确认本人同意').waitFor({ timeout: 20_000 });
    await page.getByTestId('emp-consent-signed').click();
    await page.getByTestId('emp-register').click();
    await page.locator('[data-testid^="emp-seeker-"]').filter({ hasText: '张建军' }).waitFor({ timeout: 20_000 });

    // a vacancy
    await page.getByTestId('emp-employer').fill('鑫源物业服务有限公司');
    await page.getByTestId('emp-post').fill('秩序维护员');
    await page.getByTestId('emp-count').fill('2');
    await page.getByTestId('emp-pay-min').fill('3200');
    await page.getByTestId('emp-pay-max').fill('3800');
    await page.getByTestId('emp-until').fill('2026-12-31');
    await page.getByTestId('emp-collect').click();
    await page.locator('[data-testid^="emp-vacancy-"]').filter({ hasText: '秩序维护员' }).waitFor({ timeout: 20_000 });

    // refer, then taken on
    const { seekers, vacancies } = await board();
    await page.getByTestId(`emp-pick-seeker-${seekers[0].id}`).click();
    await page.getByTestId(`emp-pick-vacancy-${vacancies[0].id}`).click();
    await page.getByTestId('emp-refer').click();
    await page.locator('[data-testid^="emp-placed-"]').first().waitFor({ timeout: 20_000 });
    await page.screenshot({ path: path.join(shots, 'e2e-emp-1-referred.png') });
    await page.locator('[data-testid^="emp-placed-"]').first().click();
    await page.locator('[data-testid^="emp-referral-"]').filter({ hasText: '已就业' }).waitFor({ timeout: 20_000 });
    await page.screenshot({ path: path.join(shots, 'e2e-emp-2-placed.png') });

    // Assess
    const after = await board();
    expect(after.seekers[0]).toMatchObject({ name: '张建军', category: 'hardToEmploy', state: 'placed', consent: { method: 'signedForm' } });
    expect(after.vacancies[0]).toMatchObject({ count: 2, filled: 1 });
    expect(await countersOf(h.deps.db, 'employment', 'c-a', '2026-12')).toEqual({
      seekersRegistered: 1,
      vacanciesCollected: 2,
      referrals: 1,
      newJobs: 1,
      reEmployed: 1,
      hardToEmployReEmployed: 1,
    });
    await page.context().close();
  });
});
