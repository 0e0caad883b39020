import { keys } from '../../platform/keys';
import { setLogSink } from '../../platform/log';
import { BANK, dibaoBody, idNumber, ok, reliefWorld, type ReliefWorld } from '../../../tests/support/relief';

jest.setTimeout(90_000);

let w: ReliefWorld;
const lines: string[] = [];
let restore: ReturnType<typeof setLogSink>;
beforeAll(async () => {
  // every level, so that the request lines and the commands' own lines are all captured
  process.env.LOG_LEVEL = 'debug';
  w = await reliefWorld();
  restore = setLogSink((line) => lines.push(line));
});
afterAll(() => setLogSink(restore));

const SELF = idNumber('1955-09-09', '919');
const SPOUSE = idNumber('1956-10-10', '929');

describe('sensitive data', () => {
  let id: string;
  const seen: { who: string; route: string; text: string }[] = [];
  const record = (who: string, route: string, res: { body: unknown }) => seen.push({ who, route, text: JSON.stringify(res.body) });

  beforeAll(async () => {
    // A whole life of an application, through every role, every answer kept
    const body = dibaoBody(w.p.grid, { self: SELF, spouse: SPOUSE, forUserId: w.p.wang.id, gridId: 'g-a1' });
    const created = await w.h.api.as(w.p.grid).post('/relief/applications', body);
    record('grid', 'create', created);
    id = created.body.application.id;
    const consent = await w.h.api.as(w.p.wang).post(w.path(id, '/consent'), { method: 'app', textVersion: '2026-11', version: 0 });
    record('wang', 'consent', consent);
    // (this sent version 2 until the reveal needed a submitted application: a stale version left it a draft)
    const submit = await w.h.api.as(w.p.grid).post(w.path(id, '/submit'), { version: consent.body.application.version });
    expect(submit.status).toBe(200);
    record('grid', 'submit', submit);
    for (const [name, who] of Object.entries(w.p)) {
      record(name, 'detail', await w.h.api.as(who).get(w.path(id)));
      record(name, 'mine', await w.h.api.as(who).get('/me/relief/applications'));
      record(name, 'queue', await w.h.api.as(who).get('/units/c-a/relief/queue'));
      record(name, 'grid', await w.h.api.as(who).get('/grids/g-a1/relief/applications'));
      record(name, 'audit', await w.h.api.as(who).get(w.path(id, '/audit')));
    }
    record('worker', 'approve', await w.review(w.p.worker, id, 'approve'));
    record('officer', 'approve', await w.review(w.p.officer, id, 'approve'));
    for (const [name, who] of Object.entries(w.p)) {
      record(name, 'notice', await w.h.api.as(who).get('/communities/c-a/relief/public-notice'));
      record(name, 'registry', await w.h.api.as(who).get('/communities/c-a/relief/registry'));
      record(name, 'detail', await w.h.api.as(who).get(w.path(id)));
    }
    record('worker', 'batch', await w.h.api.as(w.p.worker).post('/communities/c-a/relief/disbursements/batch', { period: '2026-12' }));
    record('worker', 'disbursements', await w.h.api.as(w.p.worker).get('/communities/c-a/relief/disbursements?period=2026-12'));
  });

  it('is masked in every answer of every role', () => {
    expect(seen.length).toBeGreaterThan(70);
    for (const s of seen) {
      for (const secret of [SELF, SPOUSE, BANK, '慢性肾病']) expect({ who: s.who, route: s.route, leaks: s.text.includes(secret) }).toEqual({ who: s.who, route: s.route, leaks: false });
      expect(s.text).not.toMatch(/"monthlyIncome":\d/);
      expect(s.text).not.toMatch(/"grade":\d/);
    }
    const detail = seen.find((s) => s.who === 'worker' && s.route === 'detail')!;
    expect(detail.text).toContain(`${SELF.slice(0, 6)}********${SELF.slice(-4)}`);
  });

  it('is stored encrypted: no ID number, bank account or health fact anywhere in the table, keys and indexes included', async () => {
    const all = (await w.h.snapshot()).join('\n');
    for (const secret of [SELF, SPOUSE, BANK, '慢性肾病']) expect(all.includes(secret)).toBe(false);
  });

  it('never appears in a log line', () => {
    expect(lines.length).toBeGreaterThan(0);
    for (const l of lines) for (const secret of [SELF, SPOUSE, BANK, '慢性肾病']) expect(l.includes(secret)).toBe(false);
  });

  it('is shown in full to a reviewer who states a reason, and the read is audited (who, when, why, what)', async () => {
    // Act
    const res = await w.h.api.as(w.p.worker).post(w.path(id, '/reveal'), { reason: '入户核查，核对户籍信息' });
    // Assess
    expect(res.status).toBe(200);
    expect(res.body.members.map((m: { idNumber: string }) => m.idNumber)).toEqual(expect.arrayContaining([SELF, SPOUSE]));
    expect(res.body.members[0]).toMatchObject({ monthlyIncome: 1500, health: '慢性肾病' });
    expect(res.body.form.bankAccount).toBe(BANK);
    const audit = ok(await w.h.api.as(w.p.officer).get(w.path(id, '/audit')), 'audit');
    expect(audit.items[0]).toMatchObject({ byId: w.p.worker.id, byName: '刘芳', reason: '入户核查，核对户籍信息', at: w.h.clock.now().toISOString(), fields: expect.arrayContaining(['idNumber', 'monthlyIncome', 'bankAccount']) });
    for (const l of lines) expect(l.includes(SELF)).toBe(false);
  });

  it('is refused without a reason, to the household itself and to the grid worker', async () => {
    expect((await w.h.api.as(w.p.worker).post(w.path(id, '/reveal'), {})).status).toBe(400);
    expect((await w.h.api.as(w.p.wang).post(w.path(id, '/reveal'), { reason: '我想看看' })).status).toBe(403);
    expect((await w.h.api.as(w.p.grid).post(w.path(id, '/reveal'), { reason: '核对信息' })).status).toBe(403);
    expect((await w.h.api.as(w.p.workerB).post(w.path(id, '/reveal'), { reason: '核对信息' })).status).toBe(404);
  });

  it('shows an audit of many reads whole over two pages, none lost or repeated, the latest first', async () => {
    // Prepare: 130 more reads on record (as reveal writes them), a minute apart in January
    const at = (n: number) => new Date(Date.UTC(2027, 0, 10) + n * 60_000).toISOString();
    const reads = Array.from({ length: 130 }, (_, n) => ({
      ...keys.reliefAudit(id, at(n), `audit-long-${String(n).padStart(3, '0')}`),
      entity: 'reliefAudit',
      id: `audit-long-${String(n).padStart(3, '0')}`,
      at: at(n),
      byId: w.p.worker.id,
      byName: '刘芳',
      reason: '年度复核',
      fields: ['idNumber'],
      applicationId: id,
    }));
    for (let i = 0; i < reads.length; i += 25) await Promise.all(reads.slice(i, i + 25).map((it) => w.h.deps.db.put(it)));
    // Act
    const ids: string[] = [];
    let pages = 0;
    let cursor: string | undefined;
    do {
      const page = ok(await w.h.api.as(w.p.officer).get(w.path(id, `/audit?limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`)), 'audit');
      ids.push(...page.items.map((e: { id: string }) => e.id));
      cursor = page.cursor;
      pages++;
    } while (cursor);
    // Assess: the 130, latest first, then the real read made above
    expect(ids.slice(0, 130)).toEqual(reads.map((r) => r.id).reverse());
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBeGreaterThan(130);
    expect(pages).toBe(2);
  });
});
