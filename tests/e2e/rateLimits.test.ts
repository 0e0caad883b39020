import type { Browser, Page, Request } from 'playwright-core';
import { harness, type Harness } from '../support/harness';
import { ensureH5Build, launchBrowser, startWeb, loginAs as logIn } from '../support/web';

/**
 * Rate limits and invite codes in the app (issue 11 item 5), in Chromium at a phone's viewport on the h5 build against
 * the real handlers: a newcomer who spent the day's code tries sees the 429 with the wait and the app does not retry;
 * a community worker rotates the invite code and the old one stops.
 */
jest.setTimeout(300_000);

let h: Harness;
let web: { url: string; close(): Promise<void> };
let browser: Browser;

beforeAll(async () => {
  ensureH5Build();
  h = await harness();
  await h.person('刘芳', [['communityWorker', 'c-a']], { openid: 'worker-liu' });
  web = await startWeb(h.deps);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await web?.close();
});

const loginAs = (openid: string): Promise<Page> => logIn(browser, web.url, openid);

describe('rate limits in the app', () => {
  it("shows a newcomer who spent the day's code tries the wait in their language, and sends the code once", async () => {
    // Prepare: ten wrong codes today (START is 10:00 in China: the day's window ends in 14 hours)
    const newcomer = await h.person('新居民', [], { openid: 'newcomer-guess' });
    for (let i = 0; i < 10; i++) expect((await h.api.as(newcomer).post('/me/binding', { inviteCode: `WRONGCODE${i}` })).status).toBe(422);
    const page = await loginAs('newcomer-guess');
    const sent: Request[] = [];
    page.on('request', (r) => {
      if (r.method() === 'POST' && r.url().includes('/api/me/binding')) sent.push(r);
    });
    // Act
    await page.goto(`${web.url}/#/packages/me/bind/index`);
    await page.getByTestId('bind-code').fill('heping-2026');
    await page.getByTestId('bind-code-submit').click();
    // Assess
    const error = page.getByTestId('error-state');
    await error.waitFor({ timeout: 20_000 });
    expect(await error.textContent()).toContain('操作太频繁，请稍后再试（请约 14 小时后再试）');
    await page.waitForTimeout(2000);
    expect(sent).toHaveLength(1);
    expect((await h.api.as(newcomer).get('/me')).body.communityId).toBeUndefined();
    await page.context().close();
  });

  it('lets a community worker rotate the invite code: the page shows the new one and the old one stops', async () => {
    // Prepare
    const before = (await h.api.as(await h.person('核对员', [['communityWorker', 'c-a']])).get('/communities/c-a/invite-code')).body.code as string;
    const page = await loginAs('worker-liu');
    await page.goto(`${web.url}/#/packages/worker/bindings/index`);
    await page.getByTestId('invite-code').waitFor({ timeout: 20_000 });
    expect(await page.getByTestId('invite-code').textContent()).toContain(before);
    // Act
    await page.getByTestId('invite-code-rotate').click();
    await page.locator('.taro-modal__foot').getByText('确定').click();
    // Assess
    await page.waitForFunction((old) => !(document.querySelector('[data-testid="invite-code"]')?.textContent ?? old).includes(old), before, { timeout: 20_000 });
    const shown = (await page.getByTestId('invite-code').textContent())!.replace(/^.*：/, '').trim();
    expect(shown).toMatch(/^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{10}$/);
    const withOld = await h.api.as(await h.person('拿旧码的人')).post('/me/binding', { inviteCode: before });
    expect(withOld.body.code).toBe('INVALID_INVITE_CODE');
    const withNew = await h.api.as(await h.person('拿新码的人')).post('/me/binding', { inviteCode: shown });
    expect(withNew.body.status).toBe('bound');
    await page.context().close();
  });
});
