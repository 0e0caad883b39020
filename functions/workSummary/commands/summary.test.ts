import fc from 'fast-check';
import { ledger } from '../../../shared/platform/figures';
import { ledgers } from '../../../shared/workSummary/ledgers';
import { figureAdds } from '../../platform/figures';
import { readXlsx } from '../../platform/xlsx';
import type { ReliefType } from '../../../shared/relief/schemas';
import * as reliefStore from '../../relief/store';
import { ok, reliefWorld, type ReliefWorld } from '../../../tests/support/relief';
import { OFFICE_READERS_MISSING, officeReaders } from '../../../tests/support/officeReaders';
import { ledgerFigures } from '../store';
import { ledgerSummary, summaryLedgers } from './summary';

jest.setTimeout(90_000);

let w: ReliefWorld;

/** A payment as relief's commands write it: the disbursement and relief's own counters, community and sub-district. */
async function pay(communityId: string, period: string, type: ReliefType, householdId: string, persons: number, yuan: number) {
  const amountFen = yuan * 100;
  await w.h.deps.db.transact([
    reliefStore.disbursementPut({ communityId, period, type, householdId, headNameMasked: '张*明', persons, amountFen, status: 'pending', source: 'import', createdAt: '2026-07-01T00:00:00Z' }),
    reliefStore.figureAdd(communityId, period, type, 1, persons, amountFen),
    reliefStore.subdistrictFigureAdd('sd-t', period, type, 1, persons, amountFen),
  ]);
}

beforeAll(async () => {
  // Prepare: the harness's clock is 2026-12-01, so the default period is 2026年下半年 and the previous 2026年上半年.
  // Relief pays: a dibao household of 3 in 和平社区 every month of the first half, 1800 yuan; a senior allowance in
  // 金绿洲社区 in January; in the second half one dibao payment in August.
  w = await reliefWorld();
  for (const m of ['2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06']) await pay('c-a', m, 'dibao', 'h1', 3, 1800);
  await pay('c-b', '2026-01', 'seniorAllowance', 'h2', 1, 200);
  await pay('c-a', '2026-08', 'dibao', 'h1', 3, 1900);
});

describe('the summary of a period', () => {
  it('shows an officer the sub-district’s half-year by default, every listed ledger, beside the previous half-year', async () => {
    // Act
    const s = ok(await w.h.api.as(w.p.officer).get('/work-summary?unitId=sd-t'), 'summary');
    // Assess
    expect(s).toMatchObject({ level: 'subdistrict', unitName: '测试街道', period: { from: '2026-07', to: '2026-12', zh: '2026年下半年' }, previous: { from: '2026-01', to: '2026-06' } });
    expect(s.title.zh).toBe('测试街道2026年下半年工作总结');
    expect(s.ledgers.map((l: { ledger: string }) => l.ledger).sort()).toEqual([...ledgers.map((l) => l.ledger), 'relief'].sort());
    const relief = s.ledgers.find((l: { ledger: string }) => l.ledger === 'relief');
    const fig = (k: string) => relief.figures.find((f: { key: string }) => f.key === k);
    expect(fig('householdTimes')).toMatchObject({ value: 1, previous: 7 });
    expect(fig('amountFen')).toMatchObject({ value: 190_000, previous: 1_100_000 });
    expect(fig('seniorAllowanceHouseholdTimes')).toMatchObject({ value: 0, previous: 1 });
    // a type paid in neither period is left off
    expect(fig('veteranCareHouseholdTimes')).toBeUndefined();
    expect(relief.text.zh).toBe('2026年下半年共发放各类救助资金1900元，惠及1户次3人次，其中低保 1户次 3人次 1900元。');
    expect(relief.recordsPage).toBe('/packages/relief/figures/index');
  });

  it('gives the first half-year asked for by its months, compared with the second half of the year before', async () => {
    const s = ok(await w.h.api.as(w.p.officer).get('/work-summary?unitId=sd-t&from=2026-01&to=2026-06'), 'summary');
    expect(s.previous).toMatchObject({ from: '2025-07', to: '2025-12', zh: '2025年下半年' });
    const relief = s.ledgers.find((l: { ledger: string }) => l.ledger === 'relief');
    expect(relief.text.zh).toBe('2026年上半年共发放各类救助资金1.1万元，惠及7户次19人次，其中低保 6户次 18人次 10800元，高龄津贴 1户次 1人次 200元。');
  });

  it('shows a community worker their own community only', async () => {
    const s = ok(await w.h.api.as(w.p.worker).get('/work-summary?unitId=c-a&from=2026-01&to=2026-06'), 'summary');
    expect(s.level).toBe('community');
    const relief = s.ledgers.find((l: { ledger: string }) => l.ledger === 'relief');
    expect(relief.figures.find((f: { key: string }) => f.key === 'householdTimes').value).toBe(6);
    expect((await w.h.api.as(w.p.worker).get('/work-summary?unitId=sd-t')).status).toBe(404);
    expect((await w.h.api.as(w.p.workerB).get('/work-summary?unitId=c-a')).status).toBe(404);
    expect((await w.h.api.as(w.p.wang).get('/work-summary?unitId=c-a')).status).toBe(404);
  });

  it('refuses a period that ends before it starts or runs past three years, with PERIOD_INVALID', async () => {
    const backwards = await w.h.api.as(w.p.officer).get('/work-summary?unitId=sd-t&from=2026-06&to=2026-01');
    const long = await w.h.api.as(w.p.officer).get('/work-summary?unitId=sd-t&from=2020-01&to=2026-06');
    const garbage = await w.h.api.as(w.p.officer).get('/work-summary?unitId=sd-t&from=2026-13');
    expect([backwards.status, long.status, garbage.status]).toEqual([422, 422, 400]);
    expect(backwards.body.code).toBe('PERIOD_INVALID');
  });
});

describe('a listed ledger’s figures', () => {
  const meals = ledger({
    ledger: 'testMeals',
    zh: '助餐',
    en: 'Meals',
    figures: [
      { key: 'served', zh: '助餐人次', en: 'Meals served', measureZh: '人次', unit: 'count' },
      { key: 'onTime', zh: '按时送达', en: 'On time', measureZh: '人次', unit: 'count' },
    ],
    rates: [{ key: 'onTimeRate', zh: '按时率', en: 'On-time rate', numerator: 'onTime', denominator: 'served' }],
    sentences: (v, p) => ({ zh: `${p.zh}助餐${v.served ?? 0}人次，按时率${Math.round((v.onTimeRate ?? 0) * 100)}%`, en: `${v.served ?? 0} meals` }),
  });

  it('sums the counters of the months asked for and prints the sentence from them, rates as 0..1', async () => {
    // Prepare: counters written as a ledger writes them, in March, May and (outside the period) July
    const scope = { subdistrictId: 'sd-t', communityId: 'c-b' };
    for (const [at, served, onTime] of [['2026-03-10T02:00:00Z', 10, 9], ['2026-05-10T02:00:00Z', 30, 27], ['2026-07-10T02:00:00Z', 5, 5]] as const) {
      await w.h.deps.db.transact(figureAdds(scope, at, 'testMeals', { served, onTime }));
    }
    // Act
    const now = await ledgerFigures(w.h.deps.db, 'community', 'c-b', { from: '2026-01', to: '2026-06' });
    const before = await ledgerFigures(w.h.deps.db, 'subdistrict', 'sd-t', { from: '2025-07', to: '2025-12' });
    const out = ledgerSummary(meals, now.testMeals ?? {}, before.testMeals ?? {}, { zh: '上半年', en: 'H1' });
    // Assess
    expect(out.figures.map((f) => [f.key, f.value, f.previous])).toEqual([['served', 40, 0], ['onTime', 36, 0]]);
    expect(out.rates).toEqual([expect.objectContaining({ key: 'onTimeRate', value: 0.9, previous: undefined })]);
    expect(out.text.zh).toBe('上半年助餐40人次，按时率90%');
  });

  it('puts relief after the consultations, as the reports do', () => {
    const c = ledger({ ledger: 'consultations', zh: '协商', en: 'c', figures: [], sentences: () => ({ zh: '', en: '' }) });
    const e = ledger({ ledger: 'events', zh: '活动', en: 'e', figures: [], sentences: () => ({ zh: '', en: '' }) });
    expect(summaryLedgers([c, e]).map((l) => l.ledger)).toEqual(['consultations', 'relief', 'events']);
    expect(summaryLedgers([e]).map((l) => l.ledger)).toEqual(['events', 'relief']);
  });
});

describe('the files', () => {
  const readers = officeReaders();
  if (!readers) console.warn(OFFICE_READERS_MISSING);
  const withReaders = readers ? it : it.skip;

  it('exports every figure as an xlsx sheet that reads back to the same numbers', async () => {
    const f = ok(await w.h.api.as(w.p.officer).get('/work-summary/export?unitId=sd-t&from=2026-01&to=2026-06&format=xlsx'), 'xlsx');
    expect(f).toMatchObject({ filename: 'work-summary-sd-t-2026-01_2026-06.xlsx', encoding: 'base64' });
    const rows = readXlsx(Buffer.from(f.content, 'base64'));
    expect(rows[0]).toEqual(['测试街道2026年上半年工作总结']);
    expect(rows[2]).toEqual(['板块', '指标', '单位', '本期', '上期', '变化']);
    expect(rows).toContainEqual(['救助帮扶', '发放金额', '元', '11000', '0', '11000']);
    expect(rows).toContainEqual(['救助帮扶', '低保户次', '户次', '6', '0', '6']);
  });

  withReaders('writes an xlsx that openpyxl opens, numbers as numbers', async () => {
    const f = ok(await w.h.api.as(w.p.officer).get('/work-summary/export?unitId=sd-t&format=xlsx'), 'xlsx');
    const book = readers!.xlsx(Buffer.from(f.content, 'base64'));
    expect(book.sheets).toEqual(['工作总结']);
    expect(book.rows).toContainEqual(['救助帮扶', '救助户次', '户次', 1, 7, -6]);
  });

  withReaders('writes a Word report that python-docx opens: the title, a numbered section per ledger and its sentences', async () => {
    const f = ok(await w.h.api.as(w.p.officer).get('/work-summary/export?unitId=sd-t&from=2026-01&to=2026-06&format=docx'), 'docx');
    expect(f.filename).toBe('work-summary-sd-t-2026-01_2026-06.docx');
    const doc = readers!.docx(Buffer.from(f.content, 'base64'));
    expect(doc.paragraphs[0]).toEqual({ style: 'Title', text: '测试街道2026年上半年工作总结' });
    const headings = doc.paragraphs.filter((p) => p.style === 'Heading 1').map((p) => p.text);
    expect(headings).toHaveLength(ledgers.length + 1);
    expect(headings[0]).toMatch(/^一、/);
    expect(doc.paragraphs.map((p) => p.text)).toContain('2026年上半年共发放各类救助资金1.1万元，惠及7户次19人次，其中低保 6户次 18人次 10800元，高龄津贴 1户次 1人次 200元。');
  });
});

describe('bad queries', () => {
  it('answers generated bad queries with a 4xx and a code in both languages, never a 500', async () => {
    const field = fc.oneof(fc.constant(''), fc.string({ maxLength: 12 }), fc.constantFrom('2026-00', '2026-13', '1999-01', '2026-6', 'sd-t', 'c-a', '../x', '2026-01'), fc.integer().map(String));
    await fc.assert(
      fc.asyncProperty(
        fc.dictionary(fc.constantFrom('unitId', 'from', 'to', 'format', 'x'), field, { maxKeys: 5 }),
        fc.constantFrom('/work-summary', '/work-summary/export'),
        fc.constantFrom<'officer' | 'worker' | 'wang'>('officer', 'worker', 'wang'),
        async (query, path, who) => {
          const res = await w.h.api.as(w.p[who]).get(`${path}?${new URLSearchParams(query).toString()}`);
          expect(res.status).toBeLessThan(500);
          if (res.status >= 400) expect([typeof res.body.code, res.body.message.length > 0, res.body.messageEn.length > 0]).toEqual(['string', true, true]);
        },
      ),
      { numRuns: 60, seed: 20261204 },
    );
  });
});
