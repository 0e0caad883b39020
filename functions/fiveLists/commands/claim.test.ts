import { fiveListsWorld } from '../../../tests/support/fiveLists';

jest.setTimeout(60_000);

let w: Awaited<ReturnType<typeof fiveListsWorld>>;

beforeAll(async () => {
  w = await fiveListsWorld();
});

describe('claiming a matter', () => {
  it('lets exactly one of many concurrent claims win; the others hear ALREADY_CLAIMED', async () => {
    // Prepare
    const id = await w.collected();
    const r = await w.reviewed(id);
    // Act
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) => w.h.api.as(i % 2 ? w.p.water : w.p.water2).post(`/five-lists/matters/${id}/claim`, { version: r.version })),
    );
    // Assess
    expect(results.filter((x) => x.status === 200)).toHaveLength(1);
    for (const x of results.filter((y) => y.status !== 200)) expect(x.body.code).toBe('ALREADY_CLAIMED');
    const d = await w.detail(id);
    expect(d.matter.state).toBe('claimed');
    expect(d.timeline.filter((t: { action: string }) => t.action === 'claim')).toHaveLength(1);
  });

  it('sets the resolution deadline proposed from the category at dispatch as the step deadline', async () => {
    const id = await w.collected('消防通道被私家车占用', 'safety');
    const c = await w.claimed(id);
    expect(c.resolveBy).toBe('2026-12-04T02:00:00.000Z'); // safety: 3 days from dispatch at START
    expect(c.deadlineAt).toBe(c.resolveBy);
  });

  it('hides a matter from a contact of another unit, who can neither see nor act on it', async () => {
    // Prepare
    const id = await w.collected('自来水水压不足，高层住户用水困难');
    await w.reviewed(id, 'p-water');
    // Act
    const seen = await w.h.api.as(w.p.power).get(`/five-lists/matters/${id}`);
    const claim = await w.h.api.as(w.p.power).post(`/five-lists/matters/${id}/claim`, { version: 2 });
    const list = await w.h.api.as(w.p.power).get('/units/p-water/five-lists');
    const own = await w.h.api.as(w.p.power).get('/units/p-power/five-lists');
    // Assess
    expect(seen.status).toBe(404);
    expect(claim.status).toBe(404);
    expect(list.status).toBe(404);
    expect(own.body.items.map((m: { id: string }) => m.id)).not.toContain(id);
    const mine = await w.h.api.as(w.p.water).get('/units/p-water/five-lists?state=reviewed');
    expect(mine.body.items.map((m: { id: string }) => m.id)).toContain(id);
  });

  it('does not show the unit a dispatch the joint committee has not confirmed yet', async () => {
    const id = await w.collected('楼道照明线路老化');
    await w.dispatched(id, 'p-water');
    expect((await w.h.api.as(w.p.water).get(`/five-lists/matters/${id}`)).status).toBe(404);
    const list = await w.h.api.as(w.p.water).get('/units/p-water/five-lists');
    expect(list.body.items.map((m: { id: string }) => m.id)).not.toContain(id);
  });

  it('lets the unit ask once for an extension, which the officer grants', async () => {
    // Prepare
    const id = await w.collected('小区供水管道需要整体更换', 'communityBuilding');
    await w.claimed(id);
    // Act
    const asked = await w.h.api.as(w.p.water).post(`/five-lists/matters/${id}/extension`, { until: '2027-02-01T00:00:00.000Z', reason: '管材需要招标采购' });
    const again = await w.h.api.as(w.p.water).post(`/five-lists/matters/${id}/extension`, { until: '2027-03-01T00:00:00.000Z', reason: '再延一次' });
    const byResident = await w.h.api.as(w.p.wang).post(`/five-lists/matters/${id}/extension/decision`, { approve: true });
    const granted = await w.h.api.as(w.p.officer).post(`/five-lists/matters/${id}/extension/decision`, { approve: true, note: '同意' });
    // Assess
    expect(asked.status).toBe(200);
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('EXTENSION_ALREADY_REQUESTED');
    expect(byResident.status).toBe(403);
    expect(granted.body).toMatchObject({ resolveBy: '2027-02-01T00:00:00.000Z', deadlineAt: '2027-02-01T00:00:00.000Z', extension: { decision: 'approved' } });
  });

  it('refuses a claim by a resident or the officer', async () => {
    const id = await w.collected('电梯经常困人');
    const r = await w.reviewed(id);
    expect((await w.h.api.as(w.p.officer).post(`/five-lists/matters/${id}/claim`, { version: r.version })).status).toBe(403);
    expect((await w.h.api.as(w.p.wang).post(`/five-lists/matters/${id}/claim`, { version: r.version })).status).toBe(403);
  });
});
