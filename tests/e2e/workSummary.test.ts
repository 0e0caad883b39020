import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import * as reliefStore from '../../functions/relief/store';
import type { ReliefType } from '../../shared/relief/schemas';
import { harness, type Harness } from '../support/harness';
import { OFFICE_READERS_MISSING, officeReaders } from '../support/officeReaders';
import { ensureH5Build, launchBrowser, loginAs as logIn, openPage, ROOT, startWeb } from '../support/web';

/**
 * The work summary end to end, in Chromium at a phone's viewport, on the h5 build against the real handlers: a
 * sub-district officer opens the first half of 2026, sees relief's figures beside the half-year before and its
 * generated sentence, exports the Word report and the xlsx, and opens the records behind a figure.
 */
jest.setTimeout(300_000);

let h: Harness;
let web: { url: string; close(): Promise<void> };
let browser: Browser;
const shots = path.join(ROOT, '.local/screenshots');

/** A payment as relief's commands write it: the disbursement and relief's own counters, community and sub-district. */
async function pay(communityId: string, period: string, type: ReliefType, householdId: string, persons: number, yuan: number) {
  const amountFen = yuan * 100;
  await h.deps.db.transact([
    reliefStore.disbursementPut({ communityId, period, type, householdId, headNameMasked: '张*明', persons, amountFen, status: 'paid', source: 'import', createdAt: `${period}-01T00:00:00Z` }),
    reliefStore.figureAdd(communityId, period, type, 1, persons, amountFen),
    reliefStore.subdistrictFigureAdd('sd-t', period, type, 1, persons, amountFen),
  ]);
}

beforeAll(async () => {
  ensureH5Build();
  h = await harness();
  await h.person('黄伟', [['subdistrictOfficer', 'sd-t']], { openid: 'officer-huang' });
  // the first half of 2026: two dibao households every month; the half-year before: one
  for (const m of ['2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06']) {
    await pay('c-a', m, 'dibao', 'h1', 3, 1800);
    await pay('c-b', m, 'dibao', 'h2', 2, 1200);
  }
  for (const m of ['2025-07', '2025-08', '2025-09', '2025-10', '2025-11', '2025-12']) await pay('c-a', m, 'dibao', 'h1', 3, 1700);
  web = await startWeb(h.deps);
  browser = await launchBrowser();
  mkdirSync(shots, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await web?.close();
});

const loginAs = (openid: string): Promise<Page> => logIn(browser, web.url, openid);

async function openFirstHalf(page: Page) {
  await openPage(page, `${web.url}/#/packages/workSummary/summary/index`);
  await page.getByTestId('ws-unit-sd-t').waitFor({ timeout: 20_000 });
  await page.getByTestId('ws-period-2026-01').click();
  await page.getByTestId('ws-title').filter({ hasText: '测试街道2026年上半年工作总结' }).waitFor({ timeout: 20_000 });
}

describe('the work summary, end to end', () => {
  it('shows an officer the seeded half-year: figures, the change on the half-year before, and the sentence', async () => {
    const page = await loginAs('officer-huang');
    await openFirstHalf(page);
    const households = page.getByTestId('ws-fig-relief-householdTimes');
    await households.getByText('12户次').waitFor({ timeout: 15_000 });
    // the change is a sign and words, not colour only
    await households.getByText('▲ 比上期多 6户次').waitFor();
    await page.getByTestId('ws-fig-relief-amountFen').getByText('1.8万元').waitFor();
    await page.getByTestId('ws-text-relief').getByText('2026年上半年共发放各类救助资金1.8万元，惠及12户次30人次，其中低保 12户次 30人次 18000元。').waitFor();
    await page.screenshot({ path: path.join(shots, 'e2e-ws-1-summary.png'), fullPage: true });
    await page.context().close();
  });

  it('exports the Word report and the xlsx as files their readers open', async () => {
    const page = await loginAs('officer-huang');
    await openFirstHalf(page);
    const docx = page.waitForEvent('download');
    await page.getByTestId('ws-export-docx').click();
    expect((await docx).suggestedFilename()).toBe('work-summary-sd-t-2026-01_2026-06.docx');
    const docBytes = readFileSync((await (await docx).path())!);
    expect(docBytes.subarray(0, 2).toString('latin1')).toBe('PK');
    const xlsx = page.waitForEvent('download');
    await page.getByTestId('ws-export-xlsx').click();
    expect((await xlsx).suggestedFilename()).toBe('work-summary-sd-t-2026-01_2026-06.xlsx');
    const sheetBytes = readFileSync((await (await xlsx).path())!);
    const readers = officeReaders();
    if (!readers) console.warn(OFFICE_READERS_MISSING);
    else {
      expect(readers.docx(docBytes).paragraphs[0]).toEqual({ style: 'Title', text: '测试街道2026年上半年工作总结' });
      expect(readers.xlsx(sheetBytes).rows).toContainEqual(['救助帮扶', '救助户次', '户次', 12, 6, 6]);
    }
    await page.context().close();
  });

  it('opens the records behind a figure', async () => {
    const page = await loginAs('officer-huang');
    await openFirstHalf(page);
    await page.getByTestId('ws-fig-relief-householdTimes').click();
    await page.waitForURL(/packages\/relief\/figures\/index\?subdistrictId=sd-t/, { timeout: 20_000, waitUntil: 'commit' });
    await page.getByTestId('rl-fig-unit-sd-t').waitFor({ timeout: 20_000 });
    await page.screenshot({ path: path.join(shots, 'e2e-ws-2-records.png') });
    await page.context().close();
  });
});
