import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { harness, type Harness, type Person } from '../support/harness';
import { ensureH5Build, launchBrowser, loginAs as logIn, openPage, ROOT, startWeb } from '../support/web';

/**
 * Casework end to end, in Chromium at a phone's viewport, on the h5 build against the real handlers: a grid worker on
 * patrol records a city case, the community worker handles it and replies; a community worker records a dispute and
 * mediates it through a session to an agreement.
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
  await h.person('陈志强', [['gridWorker', 'g-a1']], { openid: 'grid-chen' });
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
const caseIdOf = (page: Page) => new URL(page.url().replace('/#/', '/')).searchParams.get('id')!;

async function act(page: Page, action: string, fill: (page: Page) => Promise<void>) {
  await page.getByTestId(`cs-action-${action}`).click();
  await page.getByTestId('cs-action-form').waitFor();
  await fill(page);
  await page.getByTestId('cs-act-submit').click();
  await page.getByTestId(`cs-action-${action}`).waitFor({ state: 'detached', timeout: 20_000 }).catch(() => undefined);
}

describe('a city case, end to end', () => {
  let id = '';

  it('lets a grid worker on patrol record a city case with its place', async () => {
    const page = await loginAs('grid-chen');
    await openPage(page, `${web.url}/#/packages/cases/raise/index?kind=cityCase`);
    await page.getByTestId('cs-group-emergency').click();
    await page.getByTestId('cs-category-damagedRoad').click();
    await page.getByTestId('cs-title').fill('和平路路面塌陷');
    await page.getByTestId('cs-place').fill('和平路 18 号门前');
    await page.getByTestId('cs-submit').click();
    await page.waitForURL(/packages\/cases\/case\/index\?id=/, { timeout: 20_000, waitUntil: 'commit' });
    id = caseIdOf(page);
    await page.getByTestId('cs-history').waitFor({ timeout: 20_000 });
    await page.screenshot({ path: path.join(shots, 'e2e-cases-1-raised.png') });
    expect((await h.api.as(worker).get(`/cases/${id}`)).body).toMatchObject({ kind: 'cityCase', state: 'received', source: 'patrol', gridId: 'g-a1', place: { text: '和平路 18 号门前' } });
    await page.context().close();
  });

  it('lets the community worker handle it and reply', async () => {
    const page = await loginAs('worker-liu');
    await openPage(page, `${web.url}/#/packages/cases/list/index?kind=cityCase`);
    await page.getByTestId(`cs-case-${id}`).click();
    await page.getByTestId('cs-history').waitFor({ timeout: 20_000 });
    await act(page, 'handle', async (p) => {
      await p.getByTestId('cs-outcome-resolved').click();
      await p.getByTestId('cs-note').fill('已通知市政连夜修补');
    });
    await page.getByTestId('cs-action-reply').waitFor({ timeout: 20_000 });
    await act(page, 'reply', async (p) => p.getByTestId('cs-reply').fill('路面已修补，感谢您的反映'));
    await page.getByText('路面已修补，感谢您的反映').first().waitFor({ timeout: 20_000 });
    await page.screenshot({ path: path.join(shots, 'e2e-cases-2-handled.png') });
    expect((await h.api.as(worker).get(`/cases/${id}`)).body).toMatchObject({ state: 'handled', outcome: 'resolved', reply: '路面已修补，感谢您的反映', done: ['reply'] });
    await page.context().close();
  });
});

describe('a mediation, end to end', () => {
  it('lets a community worker record a dispute and mediate it to an agreement', async () => {
    const page = await loginAs('worker-liu');
    await openPage(page, `${web.url}/#/packages/cases/raise/index?kind=mediation`);
    await page.getByTestId('cs-category-neighbours').click();
    await page.getByTestId('cs-title').fill('楼上漏水引发邻里纠纷');
    await page.getByTestId('cs-party-name-0').fill('赵大明');
    await page.getByTestId('cs-party-phone-0').fill('13812345678');
    await page.getByTestId('cs-party-name-1').fill('钱小红');
    await page.getByTestId('cs-consent').click();
    await page.getByTestId('cs-submit').click();
    await page.waitForURL(/packages\/cases\/case\/index\?id=/, { timeout: 20_000, waitUntil: 'commit' });
    const id = caseIdOf(page);
    await page.getByTestId('cs-party-0').waitFor({ timeout: 20_000 });
    expect(await page.getByTestId('cs-party-0').textContent()).toContain('赵*明');
    await act(page, 'recordSession', async (p) => {
      // the session's date defaults to the phone's today; the server's clock is the test's, so the date is the test's day
      await p.getByTestId('cs-on').fill(new Date(h.clock.now().getTime() + 8 * 3600_000).toISOString().slice(0, 10));
      await p.getByTestId('cs-note').fill('双方到场，现场查看漏水点');
    });
    await page.getByTestId('cs-action-conclude').waitFor({ timeout: 20_000 });
    await act(page, 'conclude', async (p) => {
      await p.getByTestId('cs-outcome-agreement').click();
      await p.getByTestId('cs-note').fill('楼上负责维修并赔偿 800 元');
    });
    await page.getByTestId('cs-outcome').waitFor({ timeout: 20_000 });
    await page.screenshot({ path: path.join(shots, 'e2e-cases-3-agreement.png') });
    expect((await h.api.as(worker).get(`/cases/${id}`)).body).toMatchObject({ kind: 'mediation', state: 'concluded', outcome: 'agreement', sessions: 1, handlerId: worker.id });
    await page.context().close();
  });
});
