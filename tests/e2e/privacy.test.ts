import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { drainPrivacyWork } from '../../functions/privacy/jobs';
import { setCurrentPolicyVersion } from '../../functions/privacy/store';
import { defaultPrivacyPolicyVersion } from '../../shared/privacy/policy';
import { harness, type Harness, type Person } from '../support/harness';
import { dibaoBody, idNumber, ok } from '../support/relief';
import { ensureH5Build, launchBrowser, loginAs as logIn, openPage, ROOT, startWeb } from '../support/web';

/**
 * Residents' rights end to end, in Chromium at a phone's viewport, on the h5 build against the real handlers: a
 * resident opens 我的 → 个人信息与隐私, downloads their data, withdraws the consent of their relief application (the
 * page says what that means first), and closes their account; the token they held no longer works.
 */
jest.setTimeout(300_000);

let h: Harness;
let web: { url: string; close(): Promise<void> };
let browser: Browser;
let zhou: Person;
let appId = '';
const self = idNumber('1967-09-10', '421');
const shots = path.join(ROOT, '.local/screenshots');

beforeAll(async () => {
  ensureH5Build();
  h = await harness();
  zhou = await h.person('周桂芳', [['resident', 'c-a']], { openid: 'resident-zhou' });
  const draft = ok(await h.api.as(zhou).post('/relief/applications', dibaoBody(zhou, { self })), 'draft');
  const consented = ok(await h.api.as(zhou).post(`/relief/applications/${draft.application.id}/consent`, { method: 'app', textVersion: '2026-11', version: draft.application.version }), 'consent');
  appId = consented.application.id;
  web = await startWeb(h.deps);
  browser = await launchBrowser();
  mkdirSync(shots, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await web?.close();
});

const loginAs = (openid: string): Promise<Page> => logIn(browser, web.url, openid);

/** The access token the app holds (Taro h5 keeps storage as `{ data }` JSON). */
async function heldToken(page: Page): Promise<string> {
  const raw = await page.evaluate(() => localStorage.getItem('linli.tokens'));
  return (JSON.parse(raw ?? '{}') as { data?: { accessToken?: string } }).data?.accessToken ?? '';
}

describe('residents’ rights, end to end', () => {
  let page: Page;
  let token = '';

  it('finds 个人信息与隐私 on 我的 and downloads my data with the relief application’s ID numbers masked', async () => {
    page = await loginAs('resident-zhou');
    token = await heldToken(page);
    await openPage(page, `${web.url}/#/pages/me/index`);
    await page.getByTestId('me-privacy').click();
    await page.getByTestId('pv-export-start').click({ timeout: 20_000 });
    await page.getByTestId('pv-export-preparing').waitFor({ timeout: 20_000 });
    await drainPrivacyWork(h.deps);
    await page.getByTestId('pv-export-refresh').click();
    await page.getByTestId('pv-export-ready').waitFor({ timeout: 20_000 });
    await page.screenshot({ path: path.join(shots, 'e2e-privacy-1-download.png') });
    const state = ok(await h.api.call('GET', '/me/data-export', { token }), 'export');
    const text = await (await fetch(state.url)).text();
    expect(text).toContain(appId);
    expect(text).toContain(`${self.slice(0, 6)}********${self.slice(-4)}`);
    expect(text).not.toContain(self);
  });

  it('says what withdrawing the relief consent means before it withdraws it, and the application is withdrawn', async () => {
    await page.getByTestId(`pv-withdraw-relief:${appId}`).click();
    await page.getByTestId('pv-withdraw-what').filter({ hasText: '不能继续审核' }).waitFor({ timeout: 20_000 });
    await page.screenshot({ path: path.join(shots, 'e2e-privacy-2-withdraw.png') });
    await page.getByTestId('pv-withdraw-confirm').click();
    await page.getByTestId(`pv-consent-relief:${appId}`).filter({ hasText: '已于' }).waitFor({ timeout: 20_000 });
    const detail = ok(await h.api.call('GET', `/relief/applications/${appId}`, { token }), 'detail');
    expect(detail.application.status).toBe('withdrawn');
  });

  it('closes the account after a typed confirmation; the old token no longer works', async () => {
    await page.getByTestId('pv-close').click();
    await page.getByTestId('pv-close-box').filter({ hasText: '不能撤销' }).waitFor();
    await page.getByTestId('pv-close-type').fill('注销');
    await page.screenshot({ path: path.join(shots, 'e2e-privacy-3-close.png') });
    await page.getByTestId('pv-close-confirm').click();
    await page.waitForURL(/pages\/login/, { timeout: 20_000, waitUntil: 'commit' });
    const me = await h.api.call('GET', '/me', { token });
    expect(me.status).toBe(401);
    expect(me.body.code).toBe('TOKEN_REVOKED');
    expect(await heldToken(page)).toBe('');
    await page.context().close();
  });
});

describe('a new privacy policy version, asked again at sign-in', () => {
  afterAll(async () => {
    await setCurrentPolicyVersion(h.deps.db, defaultPrivacyPolicyVersion, new Date().toISOString());
  });

  it('asks a resident who accepted 2026-12 for 2027-01 with what changed, records the acceptance, and does not ask again', async () => {
    // Prepare: sun accepted the version in force; then 2027-01 is put in force
    const sun = await h.person('孙玉兰', [['resident', 'c-a']], { openid: 'resident-sun' });
    const before = ok(await h.api.as(sun).post('/me/privacy/accept', { version: defaultPrivacyPolicyVersion }), 'accept 2026-12');
    expect(before.needsAcceptance).toBe(false);
    await setCurrentPolicyVersion(h.deps.db, '2027-01', new Date().toISOString());
    // Act: sign in
    const page = await loginAs('resident-sun');
    // h5 keeps the login page mounted under the home tab, each page with the app's sheet: the home tab's is read
    const home = page.locator('.taro_page.taro_tabbar_page.taro_page_stationed:not(.taro_page_shade)');
    const sheet = home.getByTestId('privacy-new-version');
    await sheet.waitFor({ timeout: 20_000 });
    // Assess: the sheet names both versions and what changed
    await expect(sheet.textContent()).resolves.toContain('2027-01');
    await expect(sheet.textContent()).resolves.toContain(defaultPrivacyPolicyVersion);
    await expect(home.getByTestId('privacy-changes').textContent()).resolves.toContain('九十天');
    await page.screenshot({ path: path.join(shots, 'e2e-privacy-4-new-version.png') });
    // Act: agree
    await home.getByTestId('privacy-agree').click();
    await page.waitForFunction(() => !document.querySelector('[data-testid="privacy-prompt"]'), undefined, { timeout: 20_000 });
    // Assess: recorded on the server
    const after = ok(await h.api.as(sun).get('/me/privacy'), 'state after');
    expect(after).toMatchObject({ needsAcceptance: false, acceptedVersion: '2027-01' });
    await page.context().close();
    // and a fresh sign-in on another phone is not asked again
    const again = await loginAs('resident-sun');
    await openPage(again, `${web.url}/#/pages/me/index`);
    const checked = again.waitForResponse((r) => r.url().includes('/me/privacy') && r.request().method() === 'GET', { timeout: 20_000 });
    await again.reload();
    expect((await (await checked).json()).needsAcceptance).toBe(false);
    await again.getByTestId('me-privacy').waitFor({ timeout: 20_000 });
    await again.waitForTimeout(500);
    expect(await again.getByTestId('privacy-prompt').count()).toBe(0);
    await again.context().close();
  });
});
