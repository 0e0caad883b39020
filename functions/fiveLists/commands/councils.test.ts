import { fiveListsWorld } from '../../../tests/support/fiveLists';

jest.setTimeout(60_000);

let w: Awaited<ReturnType<typeof fiveListsWorld>>;

beforeAll(async () => {
  w = await fiveListsWorld();
});

const meeting = {
  title: '第十二次居民议事会',
  heldOn: '2026-11-28',
  attendance: 26,
  topics: ['加装电梯', '停车难'],
  resolutions: [
    { topic: '加装电梯', text: '3号楼启动加装电梯意见征集' },
    { topic: '停车难', text: '夜间开放学校操场停车' },
  ],
};

describe('residents’ councils', () => {
  it('records a meeting, shows residents only published ones, and computes the implementation rate from the evidence', async () => {
    // Prepare
    const created = await w.h.api.as(w.p.worker).post('/communities/c-a/councils', meeting);
    expect(created.status).toBe(201);
    const id = created.body.id;
    const hidden = await w.h.api.as(w.p.wang).get('/communities/c-a/councils');
    expect(hidden.body.items).toEqual([]);
    // Act
    const published = await w.h.api.as(w.p.worker).post(`/councils/${id}/publish`, { version: 0 });
    const done = await w.h.api.as(w.p.worker).post(`/councils/${id}/resolutions/r1/implemented`, {
      implemented: true,
      note: '已与学校签订协议，每晚18点至次日7点开放',
      photos: [`uploads/${w.p.worker.id}/agreement.jpg`],
      version: published.body.version,
    });
    // Assess
    expect(done.body.resolutions[1]).toMatchObject({ implemented: true, evidence: { note: expect.stringContaining('学校') } });
    const seen = await w.h.api.as(w.p.wang).get('/communities/c-a/councils');
    expect(seen.body.items).toHaveLength(1);
    expect(seen.body.implementation).toEqual({ resolutions: 2, implemented: 1, rate: 0.5 });
    expect((await w.h.api.as(w.p.wang).get(`/councils/${id}`)).status).toBe(200);
  });

  it('lets only community workers and officers record, and hides a community’s councils from another', async () => {
    expect((await w.h.api.as(w.p.wang).post('/communities/c-a/councils', meeting)).status).toBe(403);
    expect((await w.h.api.as(w.p.zhao).get('/communities/c-a/councils')).status).toBe(404);
    const created = await w.h.api.as(w.p.officer).post('/communities/c-a/councils', { ...meeting, published: true });
    expect((await w.h.api.as(w.p.zhao).get(`/councils/${created.body.id}`)).status).toBe(404);
    const stale = await w.h.api.as(w.p.worker).post(`/councils/${created.body.id}/resolutions/r0/implemented`, { implemented: false, note: '资金未落实', version: 5 });
    expect(stale.body.code).toBe('STALE_VERSION');
    const none = await w.h.api.as(w.p.worker).post(`/councils/${created.body.id}/resolutions/r9/implemented`, { implemented: true, note: '完成', version: 0 });
    expect(none.body.code).toBe('RESOLUTION_NOT_FOUND');
  });
});
