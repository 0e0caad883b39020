import { fiveListsWorld } from '../../../tests/support/fiveLists';
import { keys, outboxShards } from '../../platform/keys';

jest.setTimeout(60_000);

let w: Awaited<ReturnType<typeof fiveListsWorld>>;

beforeAll(async () => {
  w = await fiveListsWorld();
});

describe('dispatching a matter', () => {
  it("sends a collected matter to a partner unit with the category's default deadline and tells the submitter", async () => {
    // Prepare
    const id = await w.collected('小区南门道路破损严重', 'environment');
    // Act
    const res = await w.h.api.as(w.p.officer).post(`/five-lists/matters/${id}/dispatch`, { unitId: 'p-water', note: '涉及管道', version: 0 });
    // Assess
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ state: 'dispatched', unitId: 'p-water', unitName: '市自来水公司', resolveBy: '2026-12-08T02:00:00.000Z', version: 1 });
    expect(res.body.deadlineAt).toBe('2026-12-03T02:00:00.000Z'); // two days for the review
    const inbox = await w.h.api.as(w.p.grid).get('/me/inbox');
    expect(inbox.body.items.map((i: { title: string }) => i.title)).toContain('您的事项已分派');
    const d = await w.detail(id);
    expect(d.timeline.map((t: { action: string }) => t.action)).toEqual(['collect', 'dispatch']);
    expect(d.timeline[1]).toMatchObject({ from: 'collected', to: 'dispatched', byName: '黄伟', note: '涉及管道' });
  });

  it('dispatches in two DynamoDB round trips once the function has read the unit: the collection, one transaction', async () => {
    // Prepare: a first dispatch to the unit, then another matter
    await w.dispatched(await w.collected('小区路灯已经坏了一周'));
    const id = await w.collected('三号楼前井盖松动有危险');
    // Act
    const res = await w.h.api.as(w.p.officer).post(`/five-lists/matters/${id}/dispatch`, { unitId: 'p-water', version: 0 });
    // Assess
    expect(res.body).toMatchObject({ state: 'dispatched', unitName: '市自来水公司' });
    expect(Number(res.headers['x-db-calls'])).toBe(2);
  });

  it("writes a unit's new name when it was renamed after this function read it", async () => {
    // Prepare: the function has read the unit; then it is renamed
    await w.dispatched(await w.collected('高层住户水压一直不足'));
    await w.h.deps.db.update(keys.unit('p-water'), { set: { name: '市供水集团' } });
    const id = await w.collected('地下车库水管漏水严重');
    // Act
    const res = await w.h.api.as(w.p.officer).post(`/five-lists/matters/${id}/dispatch`, { unitId: 'p-water', version: 0 });
    // Assess
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ state: 'dispatched', unitName: '市供水集团', version: 1 });
    expect((await w.detail(id)).timeline.map((t: { action: string }) => t.action)).toEqual(['collect', 'dispatch']);
    await w.h.deps.db.update(keys.unit('p-water'), { set: { name: '市自来水公司' } });
  });

  it('takes a deadline the officer sets instead of the default', async () => {
    const id = await w.collected();
    const res = await w.h.api.as(w.p.officer).post(`/five-lists/matters/${id}/dispatch`, { unitId: 'p-power', resolveBy: '2026-12-20T00:00:00.000Z', version: 0 });
    expect(res.body.resolveBy).toBe('2026-12-20T00:00:00.000Z');
  });

  it('refuses a dispatch by anyone but a sub-district officer', async () => {
    const id = await w.collected();
    for (const who of [w.p.wang, w.p.grid, w.p.worker, w.p.water]) {
      const res = await w.h.api.as(who).post(`/five-lists/matters/${id}/dispatch`, { unitId: 'p-water', version: 0 });
      expect({ who: who.displayName, status: res.status }).toEqual({ who: who.displayName, status: who === w.p.water ? 404 : 403 });
    }
  });

  it('refuses a unit that is not a partner unit, a past deadline, a stale version and a second dispatch', async () => {
    const id = await w.collected();
    const notPartner = await w.h.api.as(w.p.officer).post(`/five-lists/matters/${id}/dispatch`, { unitId: 'c-a', version: 0 });
    expect(notPartner.body.code).toBe('NOT_A_PARTNER_UNIT');
    const past = await w.h.api.as(w.p.officer).post(`/five-lists/matters/${id}/dispatch`, { unitId: 'p-water', resolveBy: '2026-11-01T00:00:00.000Z', version: 0 });
    expect(past.body.code).toBe('DEADLINE_IN_PAST');
    const stale = await w.h.api.as(w.p.officer).post(`/five-lists/matters/${id}/dispatch`, { unitId: 'p-water', version: 3 });
    expect(stale.body.code).toBe('STALE_VERSION');
    await w.dispatched(id);
    const again = await w.h.api.as(w.p.officer).post(`/five-lists/matters/${id}/dispatch`, { unitId: 'p-water', version: 1 });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('CASE_WRONG_STATE');
  });

  it("shows the officer the dispatch board and the review queue, and nobody else the sub-district's lists", async () => {
    const id = await w.collected('公园健身器材损坏');
    const board = await w.h.api.as(w.p.officer).get('/subdistricts/sd-t/five-lists?state=collected');
    expect(board.body.items.map((m: { id: string }) => m.id)).toContain(id);
    await w.dispatched(id);
    const queue = await w.h.api.as(w.p.officer).get('/subdistricts/sd-t/five-lists?state=dispatched');
    expect(queue.body.items.map((m: { id: string }) => m.id)).toContain(id);
    expect((await w.h.api.as(w.p.worker).get('/subdistricts/sd-t/five-lists')).status).toBe(404);
  });

  it('flags overdue matters on the lists of those who must act', async () => {
    const id = await w.collected('井盖缺失有安全隐患');
    w.h.clock.advance(3 * 86_400_000);
    const overdue = await w.h.api.as(w.p.officer).get('/subdistricts/sd-t/five-lists?overdue=true');
    const m = overdue.body.items.find((x: { id: string }) => x.id === id);
    expect(m).toMatchObject({ overdue: true, state: 'collected' });
  });

  it("dates the submitter's subscribe message by the day in China, also before 08:00 there", async () => {
    // Prepare: 07:30 on 10 December in China, still 9 December in UTC
    w.h.clock.set('2026-12-09T23:30:00.000Z');
    const id = await w.collected('小区北门路灯不亮');
    // Act
    await w.h.api.as(w.p.officer).post(`/five-lists/matters/${id}/dispatch`, { unitId: 'p-water', version: 0 });
    // Assess
    const outbox = (await Promise.all(Array.from({ length: outboxShards }, (_, shard) => w.h.deps.db.query({ pk: `OUTBOX#${shard}`, prefix: '2026-12-09T23:30' })))).flatMap((r) => r.items);
    const told = outbox.filter((o) => o.userId === w.p.grid.id);
    expect(told.map((o) => o.data)).toEqual([expect.objectContaining({ date3: '2026-12-10' })]);
  });
});
