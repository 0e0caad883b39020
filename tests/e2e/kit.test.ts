import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { harness, type Harness } from '../support/harness';
import { axeViolations, elderShortfalls, ensureH5Build, launchBrowser, phoneContext, ROOT, startWeb } from '../support/web';

/**
 * The component kit (components/ui.tsx and the other shared components, on NutUI), each used as a person uses it, in
 * Chromium at a phone's viewport, on the h5 build: the kit's gallery page (packages/kit/gallery, built into h5 only)
 * shows every shared component in its states and prints what each reports (taps, text typed) beside it.
 *
 * Why a gallery in the real build rather than jsdom with Taro stubbed: the components are Taro and NutUI custom
 * elements whose shape (taro-button-core, taro-input-core around the <input>) and whose styles (NutUI's at 375 px,
 * ours at 750, elder mode in PX) only the real h5 build produces; the accessible names, axe's contrast and the
 * 18 px / 48 px minimums are measured on what a browser lays out, not on a stand-in.
 */
jest.setTimeout(300_000);

let h: Harness;
let web: { url: string; close(): Promise<void> };
let browser: Browser;
const shots = path.join(ROOT, '.local/screenshots');

beforeAll(async () => {
  ensureH5Build();
  mkdirSync(shots, { recursive: true });
  h = await harness();
  web = await startWeb(h.deps);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await web?.close();
});

/** The gallery on a fresh phone, first-run agreement already given, in the mode and language asked. */
async function gallery(opts: { elder?: boolean; lang?: 'zh' | 'en' } = {}): Promise<Page> {
  const context = await phoneContext(browser);
  await context.addInitScript(
    ([elder, lang]) => {
      localStorage.setItem('linli.privacyAgreed', JSON.stringify({ data: true }));
      localStorage.setItem('linli.prefs', JSON.stringify({ data: { elder, lang } }));
    },
    [opts.elder ?? false, opts.lang ?? 'zh'] as const,
  );
  const page = await context.newPage();
  await page.goto(`${web.url}/#/packages/kit/gallery/index`);
  await page.getByTestId('kit-btn-primary').waitFor({ timeout: 20_000 });
  return page;
}

const out = (page: Page, k: string): Locator => page.getByTestId(`kit-out-${k}`);

let page: Page;
describe('the component kit', () => {
  beforeAll(async () => {
    page = await gallery();
  });
  afterAll(async () => {
    await page?.context().close();
  });

  describe('Btn', () => {
    it('is a button named by its text, and a tap fires its action once', async () => {
      // Prepare
      const button = page.getByRole('button', { name: '提交', exact: true });
      // Act
      await button.click();
      // Assess
      expect(await button.getAttribute('data-testid')).toBe('kit-btn-primary');
      await expect1(out(page, 'primary'), 'primary: 1');
    });

    it('does nothing when disabled, and says it is disabled', async () => {
      const button = page.getByTestId('kit-btn-disabled');
      await button.click({ force: true });
      expect(await button.getAttribute('aria-disabled')).toBe('true');
      await page.waitForTimeout(300);
      expect(await out(page, 'disabled').textContent()).toBe('disabled: 0');
    });

    it('shows its spinner while loading and takes no second tap', async () => {
      const button = page.getByTestId('kit-btn-busy');
      await button.click();
      await expect1(out(page, 'busy'), 'busy: 1');
      await button.locator('.nut-icon-loading').waitFor({ timeout: 5000 });
      expect(await button.getAttribute('aria-disabled')).toBe('true');
      await button.click({ force: true });
      await page.waitForTimeout(300);
      expect(await out(page, 'busy').textContent()).toBe('busy: 1');
      // done: the spinner goes and the button takes taps again
      await page.getByTestId('kit-btn-done').click();
      await button.locator('.nut-icon-loading').waitFor({ state: 'detached', timeout: 5000 });
      expect(await button.getAttribute('aria-disabled')).toBeNull();
      await button.click();
      await expect1(out(page, 'busy'), 'busy: 2');
    });

    it('takes its label as its name when its text is a symbol', async () => {
      await page.getByRole('button', { name: '关闭提示' }).click();
      await expect1(out(page, 'labelled'), 'labelled: 1');
    });

    it('says whether a toggle is pressed', async () => {
      const toggle = page.getByTestId('kit-btn-pressed');
      expect(await toggle.getAttribute('aria-pressed')).toBe('false');
      await toggle.click();
      await page.waitForFunction(() => document.querySelector('[data-testid="kit-btn-pressed"]')?.getAttribute('aria-pressed') === 'true', undefined, { timeout: 5000 });
    });
  });

  describe('Section', () => {
    it('titles its content with a level-2 heading and shows its extra beside it', async () => {
      const heading = page.getByRole('heading', { level: 2, name: 'Section 分区' });
      expect(await heading.count()).toBe(1);
      expect(await page.locator('.section-head', { has: heading }).locator('.tag').textContent()).toBe('附加');
      expect(await page.getByTestId('kit-section-body').textContent()).toBe('分区的内容');
    });
  });

  describe('Loading', () => {
    it('is a polite status with its text, and shows NutUI’s spinner', async () => {
      const status = page.getByTestId('kit-loading').getByRole('status');
      expect(await status.getAttribute('aria-live')).toBe('polite');
      expect((await status.textContent())?.trim()).toBe('加载中…');
      expect(await status.locator('.nut-loading-icon').isVisible()).toBe(true);
    });
  });

  describe('ErrorState', () => {
    it('is an alert with the error’s words and a retry that fires', async () => {
      const alert = page.getByTestId('kit-error').getByRole('alert');
      expect(await alert.textContent()).toContain('网络不通，请稍后再试');
      await alert.getByRole('button', { name: '重试' }).click();
      await expect1(out(page, 'retry-error'), 'retry-error: 1');
    });

    it('has no retry when it is given nothing to retry', async () => {
      const alert = page.getByTestId('kit-error-plain').getByTestId('error-state');
      expect(await alert.textContent()).toContain('boom');
      expect(await alert.getByRole('button').count()).toBe(0);
    });

    it('draws no picture (NutUI’s default is an image from a CDN)', async () => {
      expect(await page.getByTestId('kit-error').locator('img').count()).toBe(0);
      expect(await page.getByTestId('kit-error').locator('.nut-empty-base').isVisible()).toBe(false);
    });
  });

  describe('Empty', () => {
    it('shows its text and no picture', async () => {
      const empty = page.getByTestId('kit-empty');
      expect((await empty.textContent())?.trim()).toBe('还没有内容');
      expect(await empty.locator('.nut-empty').count()).toBe(1);
      expect(await empty.locator('img').count()).toBe(0);
    });
  });

  describe('Async', () => {
    it('shows loading, then the error with its retry, and the retry brings the data', async () => {
      const box = page.getByTestId('kit-async');
      expect(await box.getByRole('status').textContent()).toContain('加载中');
      await page.getByTestId('kit-async-error').click();
      await box.getByTestId('error-state').waitFor({ timeout: 5000 });
      await box.getByRole('button', { name: '重试' }).click();
      await box.getByTestId('kit-async-data').waitFor({ timeout: 5000 });
      expect(await box.getByTestId('kit-async-data').textContent()).toBe('第一条第二条');
      await expect1(out(page, 'reload'), 'reload: 1');
    });

    it('shows the empty text when the data is empty', async () => {
      await page.getByTestId('kit-async-empty').click();
      await page.getByTestId('kit-async').getByText('还没有内容').waitFor({ timeout: 5000 });
      expect(await page.getByTestId('kit-async').getByTestId('kit-async-data').count()).toBe(0);
    });
  });

  describe('Field, TextInput and TextArea', () => {
    it('names the input by its label, reports what is typed, and clears its error', async () => {
      const input = page.getByRole('textbox', { name: '姓名' });
      expect(await page.getByTestId('kit-field').getByRole('alert').textContent()).toBe('请填写姓名');
      expect(await page.getByTestId('kit-field').textContent()).toContain('与身份证一致');
      await input.fill('王秀兰');
      await expect1(page.getByTestId('kit-out-input'), 'input: 王秀兰');
      expect(await page.getByTestId('kit-field').getByRole('alert').count()).toBe(0);
      expect(await page.getByTestId('kit-input').inputValue()).toBe('王秀兰');
    });

    it('keeps a number input to digits and to its length', async () => {
      const input = page.getByTestId('kit-input-number');
      expect(await input.getAttribute('maxlength')).toBe('4');
      await input.fill('42');
      await expect1(page.getByTestId('kit-out-number'), 'number: 42');
    });

    it('names the text area by its label and reports what is typed', async () => {
      await page.getByRole('textbox', { name: '说明' }).fill('楼道灯坏了\n请尽快修');
      await expect1(page.getByTestId('kit-out-textarea'), 'textarea: 楼道灯坏了\n请尽快修');
    });
  });

  describe('Tag', () => {
    it('shows each status in words, on NutUI’s tag', async () => {
      const tags = page.getByTestId('kit-tag').locator('.nut-tag');
      expect(await tags.allTextContents()).toEqual(['一般', '已解决', '待处理', '不予受理', '环境卫生']);
      // a colour as a second signal: no two tones alike
      const colours = await tags.evaluateAll((els) => els.map((e) => `${getComputedStyle(e).color}/${getComputedStyle(e).backgroundColor}`));
      expect(new Set(colours).size).toBe(5);
    });
  });

  describe('Chip', () => {
    it('is a button that says it is pressed, one of a group at a time', async () => {
      const a = page.getByTestId('kit-chip-a');
      const b = page.getByTestId('kit-chip-b');
      expect([await a.getAttribute('role'), await a.getAttribute('aria-pressed'), await b.getAttribute('aria-pressed')]).toEqual(['button', 'true', 'false']);
      await page.getByRole('button', { name: '选项B' }).click();
      await page.waitForFunction(() => document.querySelector('[data-testid="kit-chip-b"]')?.getAttribute('aria-pressed') === 'true', undefined, { timeout: 5000 });
      expect(await a.getAttribute('aria-pressed')).toBe('false');
      expect((await b.textContent())?.trim()).toBe('✓ 选项B');
    });

    it('toggles on its own in a multiple choice', async () => {
      const x = page.getByTestId('kit-chip-x');
      await x.click();
      await page.waitForFunction(() => document.querySelector('[data-testid="kit-chip-x"]')?.getAttribute('aria-pressed') === 'true', undefined, { timeout: 5000 });
      await page.getByTestId('kit-chip-y').click();
      await page.waitForFunction(() => document.querySelector('[data-testid="kit-chip-y"]')?.getAttribute('aria-pressed') === 'true', undefined, { timeout: 5000 });
      expect(await x.getAttribute('aria-pressed')).toBe('true');
      await x.click();
      await page.waitForFunction(() => document.querySelector('[data-testid="kit-chip-x"]')?.getAttribute('aria-pressed') === 'false', undefined, { timeout: 5000 });
    });
  });

  describe('LinkRow', () => {
    it('is a link named by its title and note, and a tap fires', async () => {
      const row = page.getByRole('link', { name: /^我的说事\s*3 条/ });
      expect(await row.getAttribute('data-testid')).toBe('kit-row');
      await row.click();
      await expect1(out(page, 'row'), 'row: 1');
    });

    it('shows its badge, and the chevron is hidden from screen readers', async () => {
      const row = page.getByTestId('kit-row-badge');
      expect(await row.locator('.badge').textContent()).toBe('置顶');
      expect(await row.locator('.chevron').getAttribute('aria-hidden')).toBe('true');
      await row.click();
      await expect1(out(page, 'row-badge'), 'row-badge: 1');
    });
  });

  describe('PhotoField', () => {
    it('describes each photo, offers a retry on a failed upload and removes a photo', async () => {
      const field = page.getByTestId('kit-photos');
      expect(await field.locator('img').evaluateAll((els) => els.map((e) => e.getAttribute('alt')))).toEqual(['第 1 张照片', '第 2 张照片', '第 3 张照片']);
      expect(await field.getByRole('status').textContent()).toBe('上传中');
      await field.getByRole('button', { name: '上传失败，点重试' }).click();
      await expect1(out(page, 'retry'), 'retry: 1');
      await field.getByRole('button', { name: '删除第 1 张照片' }).click();
      await expect1(page.getByTestId('kit-out-photos'), 'photos: 2');
      await page.getByTestId('kit-add-photo').click();
      await expect1(out(page, 'add'), 'add: 1');
    });
  });

  describe('LocationField', () => {
    it('takes an address typed, named 地址', async () => {
      await page.getByRole('textbox', { name: '地址' }).fill('和平路12号');
      await expect1(page.getByTestId('kit-out-address'), 'address: 和平路12号');
      expect(await page.getByTestId('kit-address').inputValue()).toBe('和平路12号');
    });
  });

  describe('MatterCard and FiveListsWork', () => {
    it('show a matter as a link with its category and status in words', async () => {
      const card = page.getByTestId('kit-matter').getByRole('link');
      expect(await card.getAttribute('data-testid')).toBe('matter-card-kit-matter');
      expect(await card.locator('.tag').allTextContents()).toEqual(['环境卫生', '转入五单办理']);
      expect(await card.textContent()).toContain('3 人附议');
    });

    it('show a grid worker the way to take in a matter', async () => {
      const raise = page.getByTestId('kit-fl-raise');
      expect(await raise.getAttribute('role')).toBe('link');
      expect(await raise.textContent()).toContain('网格收单');
      expect(await page.getByTestId('kit-fl-unit').count()).toBe(0);
    });
  });

  describe('accessibility', () => {
    it('has no serious or critical axe violation', async () => {
      expect(await axeViolations(page)).toEqual([]);
      await page.screenshot({ path: path.join(shots, 'e2e-kit-gallery.png'), fullPage: true });
    });
  });
});

describe('the component kit in elder mode', () => {
  it('has text of 18 px and more, targets of 48 px and more, and no serious or critical axe violation', async () => {
    const elder = await gallery({ elder: true });
    try {
      // a failed upload's retry is a target too: it is on the gallery from the start
      expect(await elderShortfalls(elder)).toEqual({ small: [], tiny: [] });
      expect(await axeViolations(elder)).toEqual([]);
      await elder.screenshot({ path: path.join(shots, 'e2e-kit-gallery-elder.png'), fullPage: true });
      // the plain words of elder mode (长辈版)
      expect(await elder.getByTestId('kit-matter').textContent()).toContain('3 人支持');
    } finally {
      await elder.context().close();
    }
  });
});

describe('the component kit in English', () => {
  it('speaks English in its own words (loading, retry) and the error’s', async () => {
    const en = await gallery({ lang: 'en' });
    try {
      expect((await en.getByTestId('kit-loading').getByRole('status').textContent())?.trim()).toBe('Loading…');
      const alert = en.getByTestId('kit-error').getByRole('alert');
      expect(await alert.textContent()).toContain('No network, try later');
      expect(await alert.getByRole('button', { name: 'Try again' }).count()).toBe(1);
      // NutUI's Input would show its own Chinese placeholder (请输入内容) when given none
      expect(await en.getByTestId('kit-input-number').getAttribute('placeholder')).not.toBe('请输入内容');
    } finally {
      await en.context().close();
    }
  });
});

/** Waits until the locator's text is exactly `text` (the page updates after the event), failing with what it was. */
async function expect1(locator: Locator, text: string): Promise<void> {
  const until = Date.now() + 5000;
  let last: string | null = null;
  while (Date.now() < until) {
    last = await locator.textContent();
    if (last === text) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  expect(last).toBe(text);
}
