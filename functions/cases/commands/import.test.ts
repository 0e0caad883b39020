import { harness, type Harness, type Person } from '../../../tests/support/harness';
import { writeXlsx } from '../../platform/xlsx';
import { readFigureCounters, sumByLedger } from '../../platform/figures';
import { drainWork } from '../jobs';
import { cityCasesRecount } from '../figures';

let h: Harness;
let worker: Person;
let otherWorker: Person;
let gridWorker: Person;

beforeAll(async () => {
  h = await harness();
  worker = await h.person('张社工', [['communityWorker', 'c-a']]);
  otherWorker = await h.person('金社工', [['communityWorker', 'c-b']]);
  gridWorker = await h.person('网格员李', [['gridWorker', 'g-a1']]);
});

const header = ['工单编号', '来源', '问题类别', '诉求内容', '地点', '受理时间', '办理时限'];
const row = (n: number, extra: Partial<Record<string, string>> = {}) => [
  extra.ticket ?? `H2611${String(n).padStart(5, '0')}`,
  extra.source ?? '12345',
  extra.category ?? '路面破损',
  extra.title ?? `人民路${n}号路面破损`,
  extra.place ?? `人民路${n}号`,
  extra.at ?? '2026-11-03 09:30',
  extra.deadline ?? '2026-11-08 18:00',
];
const csv = (rows: string[][]) => [header, ...rows].map((r) => r.join(',')).join('\n');
const importCsv = (p: Person, rows: string[][], communityId = 'c-a') => h.api.as(p).post('/cases/imports', { format: 'csv', communityId, content: csv(rows) });

async function drainAll() {
  for (let i = 0; i < 50; i++) {
    const run = await drainWork(h.deps);
    if (run.chunks === 0) return;
  }
}

async function countedReceived(communityId: string): Promise<number> {
  const counters = sumByLedger(await readFigureCounters(h.deps.db, 'community', communityId, '2026-01', '2026-12'));
  return counters.cityCases?.received ?? 0;
}

describe('importing the city system export', () => {
  it('writes every row of a good file through the worker, counted as hotline complaints in the month received', async () => {
    // Prepare
    const rows = Array.from({ length: 60 }, (_, i) => row(i + 1));
    // Act
    const res = await importCsv(worker, rows);
    await drainAll();
    const state = await h.api.as(worker).get(`/cases/imports/${res.body.id}`);
    // Assess
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ rows: 60, present: 0, toWrite: 60, state: 'writing' });
    expect(state.body).toMatchObject({ state: 'done', written: 60 });
    const list = await h.api.as(worker).get('/communities/c-a/cases?kind=cityCase&from=2026-11&to=2026-11&limit=100');
    expect(list.body.items).toHaveLength(60);
    expect(list.body.items[0]).toMatchObject({ source: 'hotline', category: 'damagedRoad', state: 'received' });
    expect(await countedReceived('c-a')).toBe(60);
    expect((await cityCasesRecount.recount(h.deps.db, 'c-a', '2026-01', '2026-12')).receivedHotline).toBe(60);
  });

  it('adds nothing when the same file is imported again', async () => {
    // Prepare
    const rows = Array.from({ length: 60 }, (_, i) => row(i + 1));
    const before = await countedReceived('c-a');
    // Act
    const res = await importCsv(worker, rows);
    await drainAll();
    // Assess
    expect(res.body).toMatchObject({ rows: 60, present: 60, toWrite: 0, state: 'done' });
    expect(await countedReceived('c-a')).toBe(before);
  });

  it('writes nothing when one row is wrong, and names each bad row, column and code', async () => {
    // Prepare
    const before = await h.snapshot();
    const rows = [row(101), row(102, { category: '天气不好' }), row(103, { at: '2026-13-01 09:00' }), row(101)];
    // Act
    const res = await importCsv(worker, rows);
    // Assess
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('IMPORT_INVALID');
    expect(res.body.details.errors).toEqual([
      expect.objectContaining({ row: 3, column: 'category', code: 'CATEGORY' }),
      expect.objectContaining({ row: 4, column: 'receivedAt', code: 'RECEIVED_AT' }),
      expect.objectContaining({ row: 5, column: 'ticketNo', code: 'DUPLICATE' }),
    ]);
    expect(await h.snapshot()).toEqual(before);
  });

  it('names a missing column and an empty file', async () => {
    const noPlace = await h.api.as(worker).post('/cases/imports', { format: 'csv', communityId: 'c-a', content: '工单编号,问题类别,诉求内容,受理时间\nH1,路面破损,路坏了,2026-11-01 09:00' });
    const empty = await h.api.as(worker).post('/cases/imports', { format: 'csv', communityId: 'c-a', content: header.join(',') });
    expect(noPlace.body.details.errors).toEqual([expect.objectContaining({ row: 1, column: 'place', code: 'MISSING_COLUMN' })]);
    expect(empty.body.details.errors).toEqual([expect.objectContaining({ code: 'EMPTY' })]);
  });

  it('reads the same export saved as xlsx', async () => {
    // Prepare
    const file = writeXlsx([header, row(201, { source: '巡查' }), row(202)]);
    // Act
    const res = await h.api.as(worker).post('/cases/imports', { format: 'xlsx', communityId: 'c-a', content: file.toString('base64') });
    await drainAll();
    // Assess
    expect(res.status).toBe(201);
    const list = await h.api.as(worker).get('/communities/c-a/cases?kind=cityCase&from=2026-11&to=2026-11&limit=100');
    expect(list.body.items.find((c: { ticketNo: string }) => c.ticketNo === 'H261100201')).toMatchObject({ source: 'patrol' });
  });

  it('leaves alone a ticket a grid worker raised by hand meanwhile', async () => {
    // Prepare
    await h.api.as(gridWorker).post('/cases', { kind: 'cityCase', communityId: 'c-a', category: 'damagedRoad', title: '人民路路面破损', place: { text: '人民路 301 号' }, ticketNo: 'H261100301', source: 'patrol' });
    // Act
    const res = await importCsv(worker, [row(301), row(302)]);
    await drainAll();
    // Assess
    expect(res.body).toMatchObject({ rows: 2, present: 1, toWrite: 1 });
  });

  it('refuses a worker of another community and a grid worker', async () => {
    const other = await importCsv(otherWorker, [row(401)]);
    const grid = await importCsv(gridWorker, [row(402)]);
    expect([other.status, grid.status]).toEqual([403, 403]);
  });
});
