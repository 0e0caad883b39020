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
    // the duplicate's one second (chen); its submitter wang raised the main matter too, and counts there as its submitter
    expect(after.matter.secondCount).toBe(before.matter.secondCount + 1);
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

  it('lets a member of the joint committee find the dispatch in the review queue and confirm it', async () => {
    // Prepare
    const id = await w.collected('消防通道被私家车占用');
    const d = await w.dispatched(id);
    // Act
    const queue = await w.h.api.as(w.p.committee).get('/subdistricts/sd-t/five-lists?state=dispatched');
    const detail = await w.h.api.as(w.p.committee).get(`/five-lists/matters/${id}`);
    const res = await w.h.api.as(w.p.committee).post(`/five-lists/matters/${id}/review`, { decision: 'confirm', note: '同意由市自来水公司办理', version: d.version });
    // Assess
    expect(queue.status).toBe(200);
    expect(queue.body.items.map((m: { id: string }) => m.id)).toContain(id);
    expect(detail.body.actions).toEqual(['confirm', 'merge', 'return']);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ state: 'reviewed', version: d.version + 1 });
    const after = await w.detail(id);
    expect(after.timeline.at(-1)).toMatchObject({ action: 'confirm', byName: '大工委老周', note: '同意由市自来水公司办理' });
  });

  it('lets a member of the joint committee return a dispatch with a reason', async () => {
    const id = await w.collected('健身器材螺丝松动');
    const d = await w.dispatched(id);
    const res = await w.h.api.as(w.p.committee).post(`/five-lists/matters/${id}/review`, { decision: 'return', note: '应由区体育局处理', version: d.version });
    expect(res.body).toMatchObject({ state: 'returned' });
  });

  it('does not let the joint committee dispatch, claim or close, nor a unit contact review', async () => {
    // Prepare
    const id = await w.collected('路灯杆倾斜有倒伏危险');
    const v0 = await w.version(id);
    // Act
    const dispatch = await w.h.api.as(w.p.committee).post(`/five-lists/matters/${id}/dispatch`, { unitId: 'p-water', version: v0 });
    const close = await w.h.api.as(w.p.committee).post(`/five-lists/matters/${id}/close`, { note: '重复', version: v0 });
    const d = await w.dispatched(id);
    const byContact = await w.h.api.as(w.p.water).post(`/five-lists/matters/${id}/review`, { decision: 'confirm', version: d.version });
    const r = await w.h.api.as(w.p.committee).post(`/five-lists/matters/${id}/review`, { decision: 'confirm', version: d.version });
    const claim = await w.h.api.as(w.p.committee).post(`/five-lists/matters/${id}/claim`, { version: r.body.version });
    // Assess
    expect(dispatch.status).toBe(403);
    expect(close.status).toBe(403);
    // a unit contact does not even see a matter that is not yet confirmed to their unit
    expect(byContact.status).toBe(404);
    expect(r.status).toBe(200);
    expect(claim.status).toBe(403);
    expect((await w.detail(id)).matter.state).toBe('reviewed');
  });

  it('does not show the joint committee the review queue of another sub-district', async () => {
    const res = await w.h.api.as(w.p.committee).get('/subdistricts/sd-other/five-lists?state=dispatched');
    expect(res.status).toBe(404);
  });
});

describe('merging duplicates whose seconders overlap', () => {
  it('counts each backer of the merged matter once, recounted from its records', async () => {
    // Prepare: three matters by wang in a session of their own; li and chen second the first two, sun the third
    const v = await fiveListsWorld();
    const sun = await v.h.person('孙丽', [['resident', 'c-a']]);
    const [main, twin, third] = (await v.fromSession([
      { text: '三号楼电梯经常停在半层', seconders: [v.p.li, v.p.chen] },
      { text: '三号楼电梯老是卡在楼层中间', seconders: [v.p.li, v.p.chen] },
      { text: '三号楼电梯夜里困过人', seconders: [v.p.li, sun] },
    ])) as [string, string, string];
    /** the people backing a matter, from its items: seconds, and those carried over by a merge */
    const backersOf = async (id: string) => {
      const people = new Set<string>();
      let cursor: string | undefined;
      do {
        const page = await v.h.deps.db.query<{ sk: string; userId?: string; from?: string }>({ pk: `MATTER#${id}`, cursor });
        for (const i of page.items) if (i.sk.startsWith('SECOND#') || (i.sk.startsWith('FLWATCH#') && i.from !== undefined)) people.add(i.userId!);
        cursor = page.cursor;
      } while (cursor);
      return people.size;
    };
    const merge = async (dup: string, into: string) =>
      v.h.api.as(v.p.officer).post(`/five-lists/matters/${dup}/review`, { decision: 'merge', intoMatterId: into, version: await v.version(dup) });
    // Act: the twin's seconders all back the main matter already; the third brings sun
    const first = await merge(twin, main);
    const afterTwin = (await v.detail(main)).matter.secondCount;
    const second = await merge(third, main);
    // Assess
    expect([first.status, second.status]).toEqual([200, 200]);
    expect(afterTwin).toBe(2);
    const after = await v.detail(main);
    expect(after.matter.secondCount).toBe(3);
    expect(after.matter.secondCount).toBe(await backersOf(main));
  });
});
