import type { Browser, Page } from 'playwright-core';
import { harness, type Harness } from '../support/harness';
import { ensureH5Build, launchBrowser, loginAs, openPage, startWeb } from '../support/web';

/**
 * The tab bar as a resident sees it: the five tabs of DESIGN.md in order, in the chosen language, the open one marked.
 * (The app sets the labels by index when the language changes; a list out of step with app.config renames the tabs.)
 */
jest.setTimeout(300_000);

let h: Harness;
let web: { url: string; close(): Promise<void> };
let browser: Browser;

beforeAll(async () => {
  ensureH5Build();
  h = await harness();
  await h.person('王秀兰', [['resident', 'c-a']], { openid: 'resident-wang' });
  web = await startWeb(h.deps);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await web?.close();
});

const labels = (page: Page) => page.locator('.weui-tabbar__item .weui-tabbar__label').allTextContents();
const current = (page: Page) => page.locator('.weui-tabbar__item.weui-bar__item_on .weui-tabbar__label').textContent();

describe('the tab bar', () => {
  it('names the five tabs in order and marks the one that is open, in Chinese and in English', async () => {
    const page = await loginAs(browser, web.url, 'resident-wang');
    await openPage(page, `${web.url}/#/pages/services/index`);
    await page.locator('.weui-tabbar__item.weui-bar__item_on').waitFor();
    expect(await labels(page)).toEqual(['首页', '说事', '办事', '志愿', '我的']);
    expect(await current(page)).toBe('办事');

    await page.evaluate(() => localStorage.setItem('linli.prefs', JSON.stringify({ data: { elder: false, lang: 'en' } })));
    await openPage(page, `${web.url}/#/pages/volunteer/index`);
    await page.locator('.weui-tabbar__item .weui-tabbar__label', { hasText: 'Services' }).waitFor({ timeout: 15_000 });
    expect(await labels(page)).toEqual(['Home', 'Matters', 'Services', 'Volunteer', 'Me']);
    expect(await current(page)).toBe('Volunteer');
    await page.context().close();
  });
});
