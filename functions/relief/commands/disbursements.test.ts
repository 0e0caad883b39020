import { figureLine, sumFigures } from '../../../shared/relief/figures';
import { readXlsx, writeXlsx } from '../../platform/xlsx';
import { keys } from '../../platform/keys';
import { badIdNumber, dibaoBody, idNumber, ok, reliefWorld, type ReliefWorld } from '../../../tests/support/relief';
import type { Person } from '../../../tests/support/harness';
import { drainReliefWork } from '../jobs';

jest.setTimeout(90_000);

let w: ReliefWorld;
beforeAll(async () => {
  w = await reliefWorld();
});

const header = '社区,户主姓名,身份证号,救助类型,发放月份,保障人数,发放金额';
const row = (c: string, name: string, id: string, type: string, period: string, persons: number | string, amount: number | string) => [c, name, id, type, period, persons, amount].join(',');
const importPath = '/subdistricts/sd-t/relief/disbursements/import';

/** An import sent (answered 202, pending), written by the relief worker, and its state read as the page polls it. */
async function imported(who: Person, body: { format: 'csv' | 'xlsx'; content: string }) {
  const res = await w.h.api.as(who).post(importPath, body);
  expect({ status: res.status, state: res.body.state }).toEqual({ status: 202, state: 'pending' });
  await drainReliefWork(w.h.deps);
  const state = ok(await w.h.api.as(who).get(`${importPath.replace(/import$/, 'imports')}/${res.body.id}`), 'import state');
  expect(state.state).toBe('done');
  return { rows: state.rows, imported: state.imported, alreadyPresent: state.alreadyPresent };
}

describe('a month’s batch from the approved cases', () => {
  it('pays each approved case once per household, type and period, however often it is run', async () => {
    // Prepare: one dibao household (3 persons, 2095 yuan) approved through both levels
    await w.approved(w.p.wang, dibaoBody(w.p.wang));
    // Act
    const first = ok(await w.h.api.as(w.p.worker).post('/communities/c-a/relief/disbursements/batch', { period: '2026-12' }), 'batch');
    const again = await Promise.all([1, 2].map(() => w.h.api.as(w.p.worker).post('/communities/c-a/relief/disbursements/batch', { period: '2026-12' })));
    // Assess
    expect(first).toEqual({ created: 1, existing: 0, total: 1 });
    expect(again.map((r) => r.body.created)).toEqual([0, 0]);
    const list = ok(await w.h.api.as(w.p.worker).get('/communities/c-a/relief/disbursements?period=2026-12'), 'list');
    expect(list.items).toEqual([expect.objectContaining({ type: 'dibao', headName: '王*兰', persons: 3, amount: 2095, status: 'pending', source: 'batch' })]);
    const f = ok(await w.h.api.as(w.p.worker).get('/relief/figures?unitId=c-a&from=2026-12&to=2026-12'), 'figures');
    expect(f.rows).toEqual([expect.objectContaining({ type: 'dibao', householdTimes: 1, personTimes: 3, amount: 2095, line: '低保 1户次 3人次 2095元' })]);
  });

  it('marks payments paid, once', async () => {
    const list = ok(await w.h.api.as(w.p.worker).get('/communities/c-a/relief/disbursements?period=2026-12&type=dibao'), 'list');
    const householdIds = list.items.map((d: { householdId: string }) => d.householdId);
    expect(ok(await w.h.api.as(w.p.worker).post('/communities/c-a/relief/disbursements/paid', { period: '2026-12', type: 'dibao', householdIds, paidOn: '2026-12-10' }), 'paid').updated).toBe(1);
    expect(ok(await w.h.api.as(w.p.worker).post('/communities/c-a/relief/disbursements/paid', { period: '2026-12', type: 'dibao', householdIds, paidOn: '2026-12-10' }), 'paid').updated).toBe(0);
  });

  it('is not for a resident, nor another community’s worker', async () => {
    expect((await w.h.api.as(w.p.wang).post('/communities/c-a/relief/disbursements/batch', { period: '2026-12' })).status).toBe(404);
    expect((await w.h.api.as(w.p.workerB).post('/communities/c-a/relief/disbursements/batch', { period: '2026-12' })).status).toBe(404);
  });
});

describe('importing the civil-affairs spreadsheet', () => {
  // half a year of two households in two communities, and a senior allowance
  const months = ['2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06'];
  const good = [
    header,
    ...months.flatMap((m, i) => [
      row('和平社区', '张三明', idNumber('1960-01-01', '311'), '低保', m, 3, 1800),
      row('c-a', '李四', idNumber('1961-01-01', '321'), 'dibao', m, 2, i % 2 ? 950.5 : 950),
      row('金绿洲社区', '王五', idNumber('1935-01-01', '331'), '高龄津贴', m, 1, 200),
    ]),
  ].join('\r\n');

  it('refuses a file with bad rows, says which and why, and writes nothing', async () => {
    // Prepare
    const bad = [
      header,
      row('和平社区', '张三明', idNumber('1960-01-01', '311'), '低保', '2026-01', 3, 1800),
      row('和平社区', '赵六', badIdNumber('1962-01-01'), '低保', '2026-01', 2, 900),
      row('月亮社区', '钱七', idNumber('1963-01-01', '341'), '低保', '2026-01', 2, 900),
      row('和平社区', '孙八', idNumber('1964-01-01', '351'), '救济粮', '2026-13', 0, -5),
      row('和平社区', '张三明', idNumber('1960-01-01', '311'), '低保', '2026-01', 3, 1800),
    ].join('\n');
    const before = await w.h.snapshot();
    // Act
    const res = await w.h.api.as(w.p.officer).post('/subdistricts/sd-t/relief/disbursements/import', { format: 'csv', content: bad });
    // Assess
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('IMPORT_INVALID');
    const errors = res.body.details.errors as { row: number; column?: string; code: string }[];
    expect(errors.map((e) => `${e.row}:${e.code}`)).toEqual(['3:ID_NUMBER', '4:UNKNOWN_COMMUNITY', '5:TYPE', '5:PERIOD', '5:PERSONS', '5:AMOUNT', '6:DUPLICATE']);
    expect(JSON.stringify(res.body)).not.toContain(badIdNumber('1962-01-01'));
    expect(await w.h.snapshot()).toEqual(before);
  });

  it('refuses a file without the columns it needs', async () => {
    const res = await w.h.api.as(w.p.officer).post('/subdistricts/sd-t/relief/disbursements/import', { format: 'csv', content: '姓名,金额\n张三,100' });
    expect(res.status).toBe(422);
    expect(res.body.details.errors.map((e: { code: string }) => e.code)).toContain('MISSING_COLUMN');
  });

  it('imports a good file whole, and importing it again adds nothing', async () => {
    const first = await imported(w.p.officer, { format: 'csv', content: good });
    expect(first).toEqual({ rows: 18, imported: 18, alreadyPresent: 0 });
    const again = await imported(w.p.officer, { format: 'csv', content: good });
    expect(again).toEqual({ rows: 18, imported: 0, alreadyPresent: 18 });
  });

  it('gives figures for a period that match the payments behind them, for a community and for the sub-district', async () => {
    // Prepare: the payments as listed, month by month
    const listed: { type: 'dibao' | 'seniorAllowance'; persons: number; amountFen: number }[] = [];
    for (const c of ['c-a', 'c-b'])
      for (const m of months) {
        const who = c === 'c-a' ? w.p.worker : w.p.workerB;
        const page = ok(await w.h.api.as(who).get(`/communities/${c}/relief/disbursements?period=${m}`), 'list');
        listed.push(...page.items.map((d: { type: 'dibao'; persons: number; amount: number }) => ({ type: d.type, persons: d.persons, amountFen: Math.round(d.amount * 100) })));
      }
    // Act
    const sd = ok(await w.h.api.as(w.p.officer).get('/relief/figures?unitId=sd-t&from=2026-01&to=2026-06'), 'sd figures');
    const ca = ok(await w.h.api.as(w.p.worker).get('/relief/figures?unitId=c-a&from=2026-01&to=2026-06&type=dibao'), 'c-a figures');
    // Assess
    const expected = sumFigures(listed);
    expect(sd.rows.map((r: { type: string; householdTimes: number; personTimes: number; amount: number }) => ({ type: r.type, householdTimes: r.householdTimes, personTimes: r.personTimes, amount: r.amount }))).toEqual(expected);
    expect(sd.rows.map((r: { line: string }) => r.line)).toEqual(['低保 12户次 30人次 16501.50元', '高龄津贴 6户次 6人次 1200元']);
    expect(ca.rows[0].line).toBe(figureLine(expected[0]!));
    expect(sd.months).toHaveLength(12);
    expect((await w.h.api.as(w.p.worker).get('/relief/figures?unitId=sd-t&from=2026-01&to=2026-06')).status).toBe(404);
    expect((await w.h.api.as(w.p.officer).get('/relief/figures?unitId=sd-t&from=2026-06&to=2026-01')).body.code).toBe('PERIOD_INVALID');
  });

  it('exports the figures as a spreadsheet', async () => {
    const res = ok(await w.h.api.as(w.p.officer).get('/relief/figures/export?unitId=sd-t&from=2026-01&to=2026-06'), 'export');
    expect(res.filename).toBe('relief-figures-sd-t-2026-01_2026-06.csv');
    expect(res.content.startsWith('\uFEFF')).toBe(true);
    expect(res.content).toContain('低保,12,30,16501.50,低保 12户次 30人次 16501.50元');
  });

  const sheet = (rows: (string | number)[][]) => writeXlsx([header.split(','), ...rows]).toString('base64');

  it('imports the same sheet saved as xlsx, numbers as numbers, once', async () => {
    // Prepare: July, with a gap row and amounts as numeric cells
    const content = sheet([
      ['和平社区', '张三明', idNumber('1960-01-01', '311'), '低保', '2026-07', 3, 1800],
      [],
      // the month typed into Excel, which stored it as a date (46204 is 2026-07-01)
      ['c-a', '李四', idNumber('1961-01-01', '321'), 'dibao', 46204, 2, 950.5],
    ]);
    // Act
    const first = await imported(w.p.officer, { format: 'xlsx', content });
    const again = await imported(w.p.officer, { format: 'xlsx', content });
    // Assess: the same households as the CSV's (one household id from one ID number)
    expect(first).toEqual({ rows: 2, imported: 2, alreadyPresent: 0 });
    expect(again).toEqual({ rows: 2, imported: 0, alreadyPresent: 2 });
    const july = ok(await w.h.api.as(w.p.worker).get('/communities/c-a/relief/disbursements?period=2026-07'), 'july').items;
    const june = ok(await w.h.api.as(w.p.worker).get('/communities/c-a/relief/disbursements?period=2026-06'), 'june').items;
    expect(july.map((d: { householdId: string }) => d.householdId).sort()).toEqual(june.map((d: { householdId: string }) => d.householdId).sort());
    expect(july.map((d: { amount: number }) => d.amount).sort()).toEqual([1800, 950.5]);
  });

  it('refuses an xlsx with bad rows by row and column, and writes nothing', async () => {
    const before = await w.h.snapshot();
    const content = sheet([
      ['和平社区', '张三明', idNumber('1960-01-01', '311'), '低保', '2026-08', 3, 1800],
      ['和平社区', '赵六', badIdNumber('1962-01-01'), '低保', '2026-08', 2, 900.123],
    ]);
    const res = await w.h.api.as(w.p.officer).post(importPath, { format: 'xlsx', content });
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('IMPORT_INVALID');
    expect(res.body.details.errors.map((e: { row: number; column: string }) => `${e.row}:${e.column}`)).toEqual(['3:idNumber', '3:amount']);
    expect(await w.h.snapshot()).toEqual(before);
  });

  it('answers 422 XLSX_UNREADABLE for a file that is not an xlsx, or a damaged one, never 500', async () => {
    const before = await w.h.snapshot();
    const csvAsXlsx = Buffer.from(`${header}\n`).toString('base64');
    const good = writeXlsx([header.split(',')]);
    const truncated = good.subarray(0, good.length - 40).toString('base64');
    for (const [content, reason] of [
      [csvAsXlsx, 'notZip'],
      [truncated, 'corrupt'],
      ['UEsDBAAAAAA=', 'corrupt'],
    ] as const) {
      const res = await w.h.api.as(w.p.officer).post(importPath, { format: 'xlsx', content });
      expect({ status: res.status, code: res.body.code, reason: res.body.details?.reason }).toEqual({ status: 422, code: 'XLSX_UNREADABLE', reason });
    }
    expect((await w.h.api.as(w.p.officer).post(importPath, { format: 'xlsx', content: 'not base64!' })).status).toBe(400);
    expect(await w.h.snapshot()).toEqual(before);
  });

  it('exports the figures as xlsx that reads back to the same numbers', async () => {
    const res = ok(await w.h.api.as(w.p.officer).get('/relief/figures/export?unitId=sd-t&from=2026-01&to=2026-06&format=xlsx'), 'export xlsx');
    expect(res).toMatchObject({ filename: 'relief-figures-sd-t-2026-01_2026-06.xlsx', encoding: 'base64' });
    const rows = readXlsx(Buffer.from(res.content, 'base64'));
    expect(rows[1]).toEqual(['救助类型', '户次', '人次', '金额（元）', '工作总结表述']);
    expect(rows).toContainEqual(['低保', '12', '30', '16501.5', '低保 12户次 30人次 16501.50元']);
  });

  it('refuses a community worker’s rows of another community', async () => {
    const content = [header, row('金绿洲社区', '王五', idNumber('1935-01-01', '331'), '高龄津贴', '2026-07', 1, 200)].join('\n');
    const res = await w.h.api.as(w.p.worker).post('/subdistricts/sd-t/relief/disbursements/import', { format: 'csv', content });
    expect(res.status).toBe(422);
    expect(res.body.details.errors[0].code).toBe('FORBIDDEN');
  });
});

describe('importing a large file', () => {
  // rows of distinct households across two communities and two types, in a month no other test pays
  const bigRows = (period: string, from: number, to: number) =>
    Array.from({ length: to - from }, (_, k) => {
      const i = from + k;
      const birth = new Date(Date.UTC(1940, 0, 1) + i * 86_400_000).toISOString().slice(0, 10);
      return row(i % 2 ? '和平社区' : '金绿洲社区', `户主${i}`, idNumber(birth, String(100 + (i % 900))), i % 3 ? '低保' : '高龄津贴', period, 1 + (i % 4), 500 + (i % 7));
    });
  const importFile = (lines: string[]) => w.h.api.as(w.p.officer).post('/subdistricts/sd-t/relief/disbursements/import', { format: 'csv', content: [header, ...lines].join('\n') });
  /** the payments as listed, page by page, summed the way the figures sum them */
  const recount = async (period: string) => {
    const listed: { type: 'dibao' | 'seniorAllowance'; persons: number; amountFen: number }[] = [];
    for (const [c, who] of [['c-a', w.p.worker], ['c-b', w.p.workerB]] as const) {
      let cursor: string | undefined;
      do {
        const page = ok(await w.h.api.as(who).get(`/communities/${c}/relief/disbursements?period=${period}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`), 'list');
        listed.push(...page.items.map((d: { type: 'dibao'; persons: number; amount: number }) => ({ type: d.type, persons: d.persons, amountFen: Math.round(d.amount * 100) })));
        cursor = page.cursor;
      } while (cursor);
    }
    return { count: listed.length, figures: sumFigures(listed) };
  };
  const figuresOf = async (period: string) =>
    ok(await w.h.api.as(w.p.officer).get(`/relief/figures?unitId=sd-t&from=${period}&to=${period}`), 'figures').rows.map(
      (r: { type: string; householdTimes: number; personTimes: number; amount: number }) => ({ type: r.type, householdTimes: r.householdTimes, personTimes: r.personTimes, amount: r.amount }),
    );

  const stateOf = async (id: string, who: Person = w.p.officer) => ok(await w.h.api.as(who).get(`/subdistricts/sd-t/relief/disbursements/imports/${id}`), 'import state');
  const listedCount = async (period: string) => (await recount(period)).count;

  it('answers a 1,200-row file at once with the import pending, and the worker writes every payment with exact figures', async () => {
    // Prepare
    const lines = bigRows('2027-03', 0, 1200);
    // Act
    const res = await importFile(lines);
    const pending = await stateOf(res.body.id);
    const before = await listedCount('2027-03');
    // the worker, run after run (a run stops after 40 s of its 55 and the next one goes on)
    const runs = [];
    for (let i = 0; i < 4 && (await stateOf(res.body.id)).state === 'pending'; i++) runs.push(await drainReliefWork(w.h.deps));
    // Assess: the request checked the rows and wrote the import (2 parts) in one transaction; none of its payments
    expect(res.status).toBe(202);
    expect(res.body).toMatchObject({ state: 'pending', rows: 1200, imported: 0, alreadyPresent: 0 });
    expect(Number(res.headers['x-db-calls'])).toBeLessThanOrEqual(3);
    expect(pending.state).toBe('pending');
    expect(before).toBe(0);
    // ~13 chunks of one transaction each, none over 100 items (the guard fails the test otherwise)
    expect(runs.reduce((n, r) => n + r.failed + r.deadLettered, 0)).toBe(0);
    expect(runs.reduce((n, r) => n + r.chunks, 0)).toBeGreaterThanOrEqual(12);
    const done = await stateOf(res.body.id);
    expect(done).toMatchObject({ state: 'done', rows: 1200, imported: 1200, alreadyPresent: 0, finishedAt: expect.any(String) });
    const { count, figures } = await recount('2027-03');
    expect(count).toBe(1200);
    expect(await figuresOf('2027-03')).toEqual(figures);
  }, 240_000);

  it('adds only the new rows of a file partly imported before, and its figures count each payment once', async () => {
    // Prepare
    const first = await importFile(bigRows('2027-04', 0, 250));
    await drainReliefWork(w.h.deps);
    // Act
    const res = await importFile(bigRows('2027-04', 0, 600));
    await drainReliefWork(w.h.deps);
    // Assess
    expect(await stateOf(first.body.id)).toMatchObject({ state: 'done', imported: 250, alreadyPresent: 0 });
    expect(await stateOf(res.body.id)).toMatchObject({ state: 'done', rows: 600, imported: 350, alreadyPresent: 250 });
    const { count, figures } = await recount('2027-04');
    expect(count).toBe(600);
    expect(await figuresOf('2027-04')).toEqual(figures);
  });

  it('pays each household once when the same file is imported twice at the same time and two workers run at once', async () => {
    // Prepare
    const lines = bigRows('2027-05', 0, 400);
    // Act
    const both = await Promise.all([importFile(lines), importFile(lines)]);
    await Promise.all([drainReliefWork(w.h.deps), drainReliefWork(w.h.deps)]);
    // a chunk that kept losing races with the other worker is retried a minute later: the next runs
    for (let i = 0; i < 5 && (await Promise.all(both.map((r) => stateOf(r.body.id)))).some((x) => x.state === 'pending'); i++) {
      w.h.clock.advance(5 * 60_000);
      await drainReliefWork(w.h.deps);
    }
    // Assess
    const [a, b] = await Promise.all(both.map((r) => stateOf(r.body.id)));
    expect([a.state, b.state]).toEqual(['done', 'done']);
    expect(a.imported + b.imported).toBe(400);
    expect(a.alreadyPresent + b.alreadyPresent).toBe(400);
    const { count, figures } = await recount('2027-05');
    expect(count).toBe(400);
    expect(await figuresOf('2027-05')).toEqual(figures);
  });

  it('answers a retried import request (same Idempotency-Key) with the same import, and pays once', async () => {
    // Prepare
    const body = { format: 'csv', content: [header, ...bigRows('2027-06', 0, 150)].join('\n') };
    const key = { 'idempotency-key': 'import-2027-06-retry' };
    // Act: the network dropped the first answer, the app sent it again
    const first = await w.h.api.as(w.p.officer).post(importPath, body, key);
    const retry = await w.h.api.as(w.p.officer).post(importPath, body, key);
    await drainReliefWork(w.h.deps);
    // Assess
    expect([first.status, retry.status]).toEqual([202, 202]);
    expect(retry.body.id).toBe(first.body.id);
    expect(await stateOf(first.body.id)).toMatchObject({ state: 'done', imported: 150, alreadyPresent: 0 });
    expect(await listedCount('2027-06')).toBe(150);
  });

  it('keeps the figures exact when a payment of a chunk is written while the worker writes that chunk', async () => {
    // Prepare: a file of 120 rows; as the worker reads its first chunk, a month's batch (say) pays one of them
    const lines = bigRows('2027-07', 0, 120);
    const res = await importFile(lines);
    const db = w.h.deps.db;
    const batchGet = db.batchGet.bind(db);
    let raced = 0;
    db.batchGet = (async (ks: { pk: string; sk: string }[]) => {
      const found = await batchGet(ks);
      if (!raced++) {
        const d = await db.get(ks[5]!); // a payment the worker has just read as absent
        expect(d).toBeUndefined();
        const [, communityId, period] = ks[5]!.pk.split('#') as [string, string, string];
        const [type, householdId] = ks[5]!.sk.split('#') as [string, string];
        await db.transact([
          { put: { ...ks[5]!, entity: 'disbursement', communityId, period, type, householdId, headNameMasked: '户*', persons: 1, amountFen: 50000, status: 'pending', source: 'batch', createdAt: '2026-12-01T02:00:00.000Z' } },
          { update: keys.reliefFigure(communityId, period, type), spec: { add: { householdTimes: 1, personTimes: 1, amountFen: 50000 } } },
          { update: keys.reliefFigureOfSubdistrict('sd-t', period, type), spec: { add: { householdTimes: 1, personTimes: 1, amountFen: 50000 } } },
        ]);
      }
      return found;
    }) as typeof db.batchGet;
    // Act
    try {
      await drainReliefWork(w.h.deps);
    } finally {
      db.batchGet = batchGet;
    }
    // Assess: the chunk's transaction failed whole, was read again, and wrote only the missing ones
    expect(raced).toBeGreaterThan(1);
    expect(await stateOf(res.body.id)).toMatchObject({ state: 'done', rows: 120, imported: 119, alreadyPresent: 1 });
    const { count, figures } = await recount('2027-07');
    expect(count).toBe(120);
    expect(await figuresOf('2027-07')).toEqual(figures);
  });

  it('shows an import as failed once the worker gives up on it, and keeps it from whoever did not send it', async () => {
    // Prepare: an import whose rows are gone (its part deleted), so every try of the worker fails
    const res = await importFile(bigRows('2027-08', 0, 10));
    await w.h.deps.db.transact([{ delete: keys.reliefImportPart(res.body.id, 0) }]);
    // Act: the worker tries, backs off, tries again, and gives up after its sixth try
    for (let i = 0; i < 6; i++) {
      await drainReliefWork(w.h.deps);
      w.h.clock.advance(2 * 3600_000);
    }
    // Assess
    expect(await stateOf(res.body.id)).toMatchObject({ state: 'failed', rows: 10, imported: 0 });
    const dead = ok(await w.h.api.as(w.p.admin).get('/admin/dead-letters'), 'dead letters');
    expect(dead.items).toContainEqual(expect.objectContaining({ source: 'work:relief.importPayments', ref: res.body.id }));
    // another community's worker, who did not send it, is told nothing of it
    expect((await w.h.api.as(w.p.workerB).get(`/subdistricts/sd-t/relief/disbursements/imports/${res.body.id}`)).status).toBe(404);
    expect((await w.h.api.as(w.p.worker).get(`/subdistricts/sd-t/relief/disbursements/imports/nosuchimport`)).status).toBe(404);
  });
});
