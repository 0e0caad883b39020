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
    expect(seen.body.implementation).toEqual({ meetings: 1, resolutions: 2, implemented: 1, rate: 0.5 });
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

  it('shows 130 councils over two pages, none lost or repeated, newest first, with the implementation rate over all of them', async () => {
    // Prepare: 130 published meetings of 金绿洲社区 (two resolutions each), one resolution carried out, one draft
    const ids: string[] = [];
    for (let i = 0; i < 130; i += 10)
      ids.push(
        ...(await Promise.all(
          Array.from({ length: 10 }, async (_, k) => {
            const res = await w.h.api.as(w.p.officer).post('/communities/c-b/councils', { ...meeting, title: `第${i + k + 1}次居民议事会`, published: true });
            expect(res.status).toBe(201);
            return res.body.id as string;
          }),
        )),
      );
    ok(await w.h.api.as(w.p.officer).post(`/councils/${ids[7]}/resolutions/r0/implemented`, { implemented: true, note: '已完成', version: 0 }));
    ok(await w.h.api.as(w.p.officer).post('/communities/c-b/councils', { ...meeting, title: '草稿', published: false }));
    // Act: a resident of 金绿洲 reads page after page
    const first = ok(await w.h.api.as(w.p.zhao).get('/communities/c-b/councils?limit=100'));
    const second = ok(await w.h.api.as(w.p.zhao).get(`/communities/c-b/councils?limit=100&cursor=${encodeURIComponent(first.cursor)}`));
    const staff = ok(await w.h.api.as(w.p.officer).get('/communities/c-b/councils?limit=5'));
    // Assess
    const seen = [...first.items, ...second.items].map((c: { id: string }) => c.id);
    // the draft takes a place in the page it falls in, and is left out of a resident's answer
    expect(first.cursor).toBeDefined();
    expect(second.cursor).toBeUndefined();
    expect(new Set(seen).size).toBe(seen.length);
    expect([...seen].sort()).toEqual([...ids].sort());
    expect(first.implementation).toEqual({ meetings: 130, resolutions: 260, implemented: 1, rate: 1 / 260 });
    expect(second.implementation).toEqual(first.implementation);
    // staff count the draft too
    expect(staff.items).toHaveLength(5);
    expect(staff.implementation).toEqual({ meetings: 131, resolutions: 262, implemented: 1, rate: 1 / 262 });
    expect((await w.h.api.as(w.p.zhao).get('/communities/c-b/councils?limit=101')).status).toBe(400);
  });
});

function ok(res: { status: number; body: any }) {
  if (res.status >= 300) throw new Error(`${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}
