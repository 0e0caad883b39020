import fc from 'fast-check';
import { idNumber, ok, reliefWorld, type ReliefWorld } from '../../../tests/support/relief';
import * as store from '../store';

jest.setTimeout(90_000);

let w: ReliefWorld;
let household: string;
const reg = '/communities/c-a/relief/registry';
const key = (n: string) => ({ 'Idempotency-Key': `visits-test-${n}` });

beforeAll(async () => {
  w = await reliefWorld();
  w.h.clock.set('2026-12-10T01:00:00.000Z');
  // Prepare: a household of grid g-a1 in the registry
  household = ok(
    await w.h.api.as(w.p.grid).post(reg, { gridId: 'g-a1', headName: '周老伯', headIdNumber: idNumber('1937-01-15', '555'), tags: ['elderlyAlone'] }),
    'add',
  ).householdId;
});

const recordVisit = async (note: string) =>
  ok(await w.h.api.as(w.p.grid).post('/communities/c-a/relief/must-visits', { householdId: household, kind: 'hardship', note, occurredOn: '2026-12-09' }, key(`record-${note.length}-${Date.now()}`)), 'record');

const logsOf = async (visitId: string) => (await w.h.deps.db.query({ pk: `MVISIT#${visitId}`, prefix: 'LOG#' })).items;

describe('one registry household', () => {
  it('shows its readers the entry, its must-visits with their logs and its pairings with their visits', async () => {
    // Prepare: a visit logged, another open, a pairing with a visit
    const done = await recordVisit('家中失火，生活困难');
    ok(await w.h.api.as(w.p.grid).post(`/relief/must-visits/${done.id}/logs`, { found: '已送去棉被和米面', photos: [`uploads/${w.p.grid.id}/v1.jpg`] }, key('log-household')), 'log');
    const open = await recordVisit('腿脚不便，需要上门');
    const member = await w.h.person('党员老陈', [['resident', 'c-a']]);
    ok(await w.h.api.as(w.p.worker).post('/communities/c-a/relief/pairings', { householdId: household, userId: member.id, role: 'partyMember' }), 'pair');
    ok(await w.h.api.as(member).post(`/communities/c-a/relief/pairings/${household}/visits`, { found: '陪同聊天' }, key('pair-household')), 'pair visit');
    // Act
    const reads = await Promise.all([w.p.grid, w.p.worker, w.p.officer].map((p) => w.h.api.as(p).get(`${reg}/${household}`)));
    // Assess
    for (const res of reads) {
      expect(res.status).toBe(200);
      expect(res.body.entry).toMatchObject({ householdId: household, headName: '周老伯', gridId: 'g-a1' });
      expect(res.body.mustVisits.map((v: { id: string; status: string }) => [v.id, v.status])).toEqual([
        [open.id, 'open'],
        [done.id, 'done'],
      ]);
      expect(res.body.mustVisits[1].logs).toEqual([expect.objectContaining({ byName: '张网格', found: '已送去棉被和米面', photos: [expect.objectContaining({ key: `uploads/${w.p.grid.id}/v1.jpg` })] })]);
      expect(res.body.pairings).toEqual([expect.objectContaining({ userName: '党员老陈', role: 'partyMember', visits: [expect.objectContaining({ found: '陪同聊天' })] })]);
    }
  });

  it('is not found for the other grid’s worker, a resident, another community’s worker, or a household not in the registry', async () => {
    for (const p of [w.p.grid2, w.p.wang, w.p.workerB]) {
      const res = await w.h.api.as(p).get(`${reg}/${household}`);
      expect(res.status).toBe(404);
      expect(typeof res.body.code).toBe('string');
    }
    const none = await w.h.api.as(w.p.worker).get(`${reg}/nosuchhousehold`);
    expect(none.status).toBe(404);
    expect(none.body.code).toBe('HOUSEHOLD_NOT_IN_REGISTRY');
  });
});

describe('the new reads, fuzzed', () => {
  it('answers any generated household id with a 4xx and a code, never a 500', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ minLength: 1, maxLength: 80 }), fc.constantFrom('grid', 'wang', 'worker'), async (id, who) => {
        const res = await w.h.api.as(w.p[who as 'grid']).get(`${reg}/${encodeURIComponent(id)}`);
        expect(res.status === 200 ? id === household : res.status >= 400 && res.status < 500).toBe(true);
        if (res.status >= 400) expect(typeof res.body.code).toBe('string');
      }),
      { numRuns: 40, seed: 20261126 },
    );
  });
});

describe('logging a must-visit with an Idempotency-Key', () => {
  it('answers a retry after a lost answer with the first log, and keeps one log', async () => {
    // Prepare
    const v = await recordVisit('突发疾病住院');
    const body = { found: '到医院探望', photos: [] };
    // Act: the first answer is lost; the app retries with the same key
    const first = await w.h.api.as(w.p.grid).post(`/relief/must-visits/${v.id}/logs`, body, key('log-retry'));
    const retry = await w.h.api.as(w.p.grid).post(`/relief/must-visits/${v.id}/logs`, body, key('log-retry'));
    // Assess
    expect(first.status).toBe(201);
    expect(retry.status).toBe(201);
    expect(retry.body).toEqual(first.body);
    expect(await logsOf(v.id)).toHaveLength(1);
  });

  it('refuses the same key with another body (422) and writes nothing', async () => {
    const v = await recordVisit('老伴去世');
    ok(await w.h.api.as(w.p.grid).post(`/relief/must-visits/${v.id}/logs`, { found: '上门慰问' }, key('log-reused')), 'log');
    const res = await w.h.api.as(w.p.grid).post(`/relief/must-visits/${v.id}/logs`, { found: '另一件事' }, key('log-reused'));
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(await logsOf(v.id)).toHaveLength(1);
  });

  it('is not found for the other grid’s worker', async () => {
    const v = await recordVisit('遭遇车祸');
    const res = await w.h.api.as(w.p.grid2).post(`/relief/must-visits/${v.id}/logs`, { found: '冒充' }, key('log-other-grid'));
    expect(res.status).toBe(404);
    expect(await logsOf(v.id)).toHaveLength(0);
  });
});

describe('a paired person', () => {
  let volunteer: Awaited<ReturnType<ReliefWorld['h']['person']>>;
  const pairVisits = async () => (await w.h.deps.db.query({ pk: 'RREG#c-a', prefix: `PAIRVISIT#${household}#${volunteer.id}#` })).items;

  beforeAll(async () => {
    volunteer = await w.h.person('志愿者小林', [['resident', 'c-a']]);
    w.h.clock.set('2026-12-11T01:00:00.000Z');
    ok(await w.h.api.as(w.p.worker).post('/communities/c-a/relief/pairings', { householdId: household, userId: volunteer.id, role: 'volunteer' }), 'pair');
  });

  it('lists the households they are paired with, the head’s name masked; nobody else sees them', async () => {
    const mine = ok(await w.h.api.as(volunteer).get('/me/relief/pairings'), 'my pairings');
    expect(mine.items).toEqual([{ communityId: 'c-a', householdId: household, headName: '周*伯', role: 'volunteer', createdAt: '2026-12-11T01:00:00.000Z' }]);
    expect(ok(await w.h.api.as(w.p.li).get('/me/relief/pairings'), 'not paired').items).toEqual([]);
  });

  it('logs a visit once when the retry carries the same key, and gets 422 for the key with another body', async () => {
    const path = `/communities/c-a/relief/pairings/${household}/visits`;
    const first = await w.h.api.as(volunteer).post(path, { found: '帮助打扫卫生' }, key('pair-retry'));
    const retry = await w.h.api.as(volunteer).post(path, { found: '帮助打扫卫生' }, key('pair-retry'));
    const reused = await w.h.api.as(volunteer).post(path, { found: '别的内容' }, key('pair-retry'));
    expect(first.status).toBe(201);
    expect(first.body.visits).toEqual([expect.objectContaining({ byName: '志愿者小林', found: '帮助打扫卫生' })]);
    expect(retry.status).toBe(201);
    expect(retry.body).toEqual(first.body);
    expect(reused.status).toBe(422);
    expect(reused.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(await pairVisits()).toHaveLength(1);
  });
});

describe('recording a must-visit event with an Idempotency-Key', () => {
  it('starts one visit for a retry of the same body', async () => {
    const body = { householdId: household, kind: 'bereavement', note: '家中老人去世', occurredOn: '2026-12-10' };
    const first = await w.h.api.as(w.p.grid).post('/communities/c-a/relief/must-visits', body, key('record-retry'));
    const retry = await w.h.api.as(w.p.grid).post('/communities/c-a/relief/must-visits', body, key('record-retry'));
    expect(first.status).toBe(201);
    expect(retry.body).toEqual(first.body);
    const all = ok(await w.h.api.as(w.p.worker).get(`${reg}/${household}`), 'household').mustVisits;
    expect(all.filter((v: { note: string }) => v.note === '家中老人去世')).toHaveLength(1);
  });
});

describe("a community's long list of must-visits", () => {
  it('comes whole over two pages, none lost or repeated, the soonest deadline first', async () => {
    // Prepare: one visit recorded through the API, copied 130 times with deadlines in the new year
    const model = await recordVisit('独居老人冬季取暖困难');
    const raw = (await w.h.deps.db.query<Record<string, unknown>>({ pk: `MVISIT#${model.id}` })).items.find((i) => i.sk === 'MVISIT')!;
    const { pk, sk, gsi1pk, gsi1sk, gsi2pk, gsi2sk, entity, ...record } = raw;
    void pk, sk, gsi1pk, gsi1sk, gsi2pk, gsi2sk, entity;
    const copies = Array.from({ length: 130 }, (_, n) => ({
      ...(record as unknown as store.MustVisitRecord),
      id: `mv-long-${String(n).padStart(3, '0')}`,
      deadlineAt: new Date(Date.UTC(2027, 0, 1) + n * 3_600_000).toISOString(),
    }));
    for (let i = 0; i < copies.length; i += 25) await Promise.all(copies.slice(i, i + 25).map((c) => w.h.deps.db.put(store.mustVisitItem(c))));
    // Act
    const ids: string[] = [];
    let pages = 0;
    let cursor: string | undefined;
    do {
      const page = ok(await w.h.api.as(w.p.worker).get(`/communities/c-a/relief/must-visits?status=open&limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`), 'page');
      ids.push(...page.items.map((v: { id: string }) => v.id));
      cursor = page.cursor;
      pages++;
    } while (cursor);
    // Assess
    expect(ids.filter((id) => id.startsWith('mv-long-'))).toEqual(copies.map((c) => c.id));
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toContain(model.id);
    expect(pages).toBe(2);
  });
});
