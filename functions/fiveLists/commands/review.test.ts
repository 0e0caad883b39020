import { fiveListsWorld } from '../../../tests/support/fiveLists';

jest.setTimeout(60_000);

let w: Awaited<ReturnType<typeof fiveListsWorld>>;
let ids: string[];

beforeAll(async () => {
  w = await fiveListsWorld();
  ids = await w.fromSession([
    { text: '小区北门的垃圾站臭味很大', seconders: [w.p.li] },
    { text: '北门垃圾站夏天太臭影响生活', seconders: [w.p.chen] },
  ]);
});

describe('reviewing a dispatch (joint committee)', () => {
  it("confirms a dispatch: the unit's contacts are told and the unit sees it", async () => {
    // Prepare
    const id = await w.collected('水表井盖破损');
    const d = await w.dispatched(id);
    // Act
    const res = await w.h.api.as(w.p.officer).post(`/five-lists/matters/${id}/review`, { decision: 'confirm', version: d.version });
    // Assess
    expect(res.body).toMatchObject({ state: 'reviewed', version: 2 });
    for (const contact of [w.p.water, w.p.water2]) {
      const inbox = await w.h.api.as(contact).get('/me/inbox');
      expect(inbox.body.items).toContainEqual(expect.objectContaining({ title: '有新的事项待认领', template: 'fiveListsTask' }));
    }
    expect((await w.h.api.as(w.p.water).get(`/five-lists/matters/${id}`)).status).toBe(200);
  });

  it('returns a dispatch with a reason, and will not return one without', async () => {
    const id = await w.collected('路边摊占道经营');
    const d = await w.dispatched(id);
    const noReason = await w.h.api.as(w.p.officer).post(`/five-lists/matters/${id}/review`, { decision: 'return', version: d.version });
    expect(noReason.status).toBe(400);
    const res = await w.h.api.as(w.p.officer).post(`/five-lists/matters/${id}/review`, { decision: 'return', note: '应由城管处理，请改派', version: d.version });
    expect(res.body.state).toBe('returned');
    const again = await w.h.api.as(w.p.officer).post(`/five-lists/matters/${id}/dispatch`, { unitId: 'p-power', version: res.body.version });
    expect(again.body).toMatchObject({ state: 'dispatched', unitId: 'p-power' });
  });

  it('merges a duplicate into another matter, carrying its seconds and its backers, who may then rate it', async () => {
    // Prepare
    const [main, dup] = ids as [string, string];
    const before = await w.detail(main);
    // Act
    const res = await w.h.api.as(w.p.officer).post(`/five-lists/matters/${dup}/review`, { decision: 'merge', intoMatterId: main, version: 0 });
    // Assess
    expect(res.body).toMatchObject({ state: 'merged', mergedInto: main });
    const after = await w.detail(main);
    expect(after.matter.secondCount).toBe(before.matter.secondCount + 2); // the duplicate's one second and its submitter
    expect(after.timeline.at(-1)).toMatchObject({ action: 'merge', note: expect.stringContaining(dup) });
    await w.resolved(main);
    const byCarriedSeconder = await w.h.api.as(w.p.chen).post(`/five-lists/matters/${main}/ratings`, { level: 'satisfied', stars: 5 });
    expect(byCarriedSeconder.status).toBe(201);
  });

  it('refuses to merge into itself, into a matter of another community, or by a non-officer', async () => {
    const id = await w.collected('楼顶防水层破损漏水');
    expect((await w.h.api.as(w.p.officer).post(`/five-lists/matters/${id}/review`, { decision: 'merge', intoMatterId: id, version: 0 })).body.code).toBe('MERGE_TARGET_INVALID');
    expect((await w.h.api.as(w.p.officer).post(`/five-lists/matters/${id}/review`, { decision: 'merge', intoMatterId: 'nosuch', version: 0 })).body.code).toBe('MERGE_TARGET_INVALID');
    expect((await w.h.api.as(w.p.worker).post(`/five-lists/matters/${id}/review`, { decision: 'merge', intoMatterId: ids[0], version: 0 })).status).toBe(403);
  });
});
