import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { handleAny } from '../../functions/app';
import type { Deps } from '../../functions/platform/context';

/**
 * The h5 build served as a browser sees it, with /api going to the real handlers (in-process, on this test's table).
 * Chromium is Debian's, driven by playwright-core, at a phone's viewport.
 */
export const ROOT = path.resolve(__dirname, '../..');
const H5 = path.join(ROOT, 'miniprogram/dist/h5');

let served = H5;

/**
 * Builds the h5 app when it is missing or older than its sources, one build at a time (test files and people running
 * side by side wait for each other's build), and serves this test file a snapshot of it (hard links, removed at exit).
 */
export function ensureH5Build(): void {
  const dir = path.join(ROOT, 'miniprogram/dist/.served');
  mkdirSync(dir, { recursive: true });
  // snapshots left by test processes that were killed
  for (const name of readdirSync(dir)) if (!alive(Number(name.split('-')[0]))) rmSync(path.join(dir, name), { recursive: true, force: true });
  const snapshot = path.join(dir, `${process.pid}-${Date.now().toString(36)}`);
  execFileSync('flock', ['/tmp/linli-h5-build.lock', path.join(ROOT, 'node_modules/.bin/tsx'), path.join(ROOT, 'tests/support/h5Build.ts'), snapshot], { cwd: ROOT, stdio: 'inherit' });
  served = snapshot;
  process.once('exit', () => rmSync(snapshot, { recursive: true, force: true }));
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: alive, someone else's
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

const types: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.png': 'image/png', '.svg': 'image/svg+xml', '.json': 'application/json' };

export async function startWeb(deps: Deps): Promise<{ url: string; close(): Promise<void> }> {
  const server: Server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (url.pathname.startsWith('/api/')) {
      const chunks: Buffer[] = [];
      for await (const c of req) chunks.push(c as Buffer);
      const headers: Record<string, string> = {};
      for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string') headers[k] = v;
      const out = await handleAny(
        {
          rawPath: url.pathname.slice(4),
          rawQueryString: url.search.slice(1),
          queryStringParameters: url.search ? Object.fromEntries(url.searchParams) : undefined,
          headers,
          body: chunks.length ? Buffer.concat(chunks).toString('utf8') : undefined,
          requestContext: { http: { method: req.method ?? 'GET' } },
        },
        deps,
      );
      res.writeHead(out.statusCode, out.headers);
      res.end(out.body);
      return;
    }
    const file = path.join(served, url.pathname === '/' ? 'index.html' : path.normalize(url.pathname));
    if (!file.startsWith(served) || !existsSync(file) || statSync(file).isDirectory()) {
      res.writeHead(200, { 'content-type': types['.html']! });
      res.end(readFileSync(path.join(served, 'index.html')));
      return;
    }
    // the build's scripts and styles are named by their content hash (app.e835d338.js): cached for good, as a CDN
    // serves them; index.html is not
    const hashed = /\.[0-9a-f]{8}\.(js|css)$/.test(file);
    res.writeHead(200, { 'content-type': types[path.extname(file)] ?? 'application/octet-stream', ...(hashed ? { 'cache-control': 'public, max-age=31536000, immutable' } : {}) });
    res.end(readFileSync(file));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/** A phone's browser: a 375×812 screen, touch, Chinese. Its pages share storage and the HTTP cache. */
export function phoneContext(browser: Browser): Promise<BrowserContext> {
  return browser.newContext({ viewport: { width: 375, height: 812 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'zh-CN' });
}

export async function phonePage(browser: Browser): Promise<Page> {
  return (await phoneContext(browser)).newPage();
}

/** A phone page logged in through the login page, as a person on the local stack does it (h5 has no wx.login). */
export async function loginAs(browser: Browser, baseUrl: string, openid: string): Promise<Page> {
  const page = await phonePage(browser);
  await page.goto(`${baseUrl}/#/pages/login/index`);
  const agree = page.getByTestId('privacy-agree');
  if (await agree.isVisible({ timeout: 5000 }).catch(() => false)) await agree.click();
  await page.getByTestId('login-openid').fill(openid);
  await page.getByTestId('login-submit').click();
  await page.waitForURL(/pages\/home/, { timeout: 20_000, waitUntil: 'commit' });
  // the switch to the home tab has finished (the login page's hide timer has run) before anyone navigates on
  await page.locator('.taro_page.taro_tabbar_page.taro_page_stationed:not(.taro_page_shade)').first().waitFor({ timeout: 20_000 });
  return page;
}

/**
 * Opens a page by its route as a fresh load (the app starts on it), not by a hash change: Taro's h5 router can leave
 * a tab page shaded when a hash change lands while an earlier switch is still animating, a race of test speed that no
 * hand reaches. The login is kept in storage, so the fresh load is the same person.
 */
export async function openPage(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.reload();
  await page.locator('.taro_page.taro_page_stationed:not(.taro_page_shade)').first().waitFor({ timeout: 20_000 });
}

const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** axe-core's serious and critical violations of WCAG 2.1 A/AA on the page as it is now. */
export async function axeViolations(page: Page): Promise<{ id: string; impact: string; help: string; nodes: string[] }[]> {
  await page.addScriptTag({ content: axeSource });
  const result = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<{ violations: { id: string; impact: string; help: string; nodes: { target: string[] }[] }[] }> } }).axe;
    return axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
  });
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 5).map((n) => n.target.join(' ')) }));
}

/** Elder mode: visible text at least 18 px, tap targets at least 48 px. Answers what falls short. */
export async function elderShortfalls(page: Page): Promise<{ small: string[]; tiny: string[] }> {
  return page.evaluate(() => {
    const visible = (el: Element) => {
      const r = el.getBoundingClientRect();
      const s = getComputedStyle(el);
      return r.width > 0 && r.height > 0 && s.visibility !== 'hidden' && s.display !== 'none';
    };
    const describe = (el: Element) => `${el.tagName.toLowerCase()}${el.className && typeof el.className === 'string' ? `.${el.className.split(' ')[0]}` : ''}:"${(el.textContent ?? '').trim().slice(0, 20)}"`;
    const small: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      if (!el || !(n.textContent ?? '').trim() || !visible(el)) continue;
      if (parseFloat(getComputedStyle(el).fontSize) < 18) small.push(describe(el));
    }
    const tiny: string[] = [];
    for (const el of document.querySelectorAll('button, a[href], input, textarea, select, [role="button"], [role="switch"], [role="tab"], [role="checkbox"], [role="radio"], taro-button-core')) {
      if (!visible(el)) continue;
      const r = el.getBoundingClientRect();
      if (r.width < 48 || r.height < 48) tiny.push(`${describe(el)} ${Math.round(r.width)}x${Math.round(r.height)}`);
    }
    return { small: [...new Set(small)].slice(0, 15), tiny: [...new Set(tiny)].slice(0, 15) };
  });
}
