import { harness, type Harness, type Person } from '../../tests/support/harness';
import { announcementWorld } from '../../tests/support/announcements';
import { watchTransactions } from '../../tests/support/transactions';

let h: Harness;
let w: ReturnType<typeof announcementWorld>;
let worker: Person;
let officer: Person;

beforeAll(async () => {
  h = await harness();
  w = announcementWorld(h);
  worker = await h.person('张社工', [['communityWorker', 'c-a']]);
  officer = await h.person('街道刘', [['subdistrictOfficer', 'sd-t']]);
});

describe('telling residents of a new announcement', () => {
  it('tells each of 130 residents who asked exactly once, in transactions of at most 100 items, and none who did not ask', async () => {
    // Prepare
    const asked = await w.subscribers(130, 'c-a', 'ask');
    const quiet = await w.resident('不打扰', { notify: false, building: '1号楼' });
    const a = await w.post(worker, { title: '社区疫苗接种', audience: { unitId: 'c-a' } });
    const tx = watchTransactions(h.deps.db.client);
    // Act
    const run = await w.publish();
    const again = await w.publish();
    tx.stop();
    // Assess
    expect(run.told).toBe(130);
    expect(again.told).toBe(0);
    expect(tx.largest()).toBeLessThanOrEqual(100);
    const inboxes = await Promise.all([asked[0]!, asked[77]!, asked[129]!].map((u) => w.inboxOf(u)));
    for (const inbox of inboxes) expect(inbox.filter((i) => i.template === 'announcement' && i.link?.includes(a.id))).toHaveLength(1);
    expect(await w.inboxOf(quiet.id)).toHaveLength(0);
    expect((await h.api.as(worker).get(`/announcements/${a.id}`)).body.notifiedCount).toBe(130);
  });

  it('tells a sub-district announcement to those who asked in every community, and a building one only in that building', async () => {
    // Prepare
    const inB = await w.subscribers(3, 'c-b', 'bsub');
    const b7 = await w.resident('七号楼住户', { building: '7号楼', notify: true });
    const sd = await w.post(officer, { title: '街道通知', audience: { unitId: 'sd-t' } });
    const bld = await w.post(worker, { title: '7号楼停电', audience: { unitId: 'c-a', building: '7号楼' } });
    // Act
    await w.publish();
    // Assess
    expect((await w.inboxOf(inB[0]!)).map((i) => i.link)).toEqual([expect.stringContaining(sd.id)]);
    const b7inbox = (await w.inboxOf(b7.id)).map((i) => i.link);
    expect(b7inbox).toEqual(expect.arrayContaining([expect.stringContaining(sd.id), expect.stringContaining(bld.id)]));
    expect((await h.api.as(officer).get(`/announcements/${sd.id}`)).body.notifiedCount).toBe(130 + 3 + 1);
  });

  it('tells nobody more once it is withdrawn, and tells a scheduled one only when its time comes', async () => {
    // Prepare
    const later = new Date(h.clock.now().getTime() + 3600_000).toISOString();
    const scheduled = await w.post(officer, { title: '下周停气', audience: { unitId: 'c-b' }, publishAt: later });
    const withdrawn = await w.post(worker, { title: '发错了', audience: { unitId: 'c-a' } });
    await h.api.as(worker).post(`/announcements/${withdrawn.id}/withdraw`);
    // Act
    const now = await w.publish();
    h.clock.set(new Date(new Date(later).getTime() + 1000));
    const atTime = await w.publish();
    // Assess
    expect(now.told).toBe(0);
    expect(atTime.published).toBe(1);
    expect((await h.api.as(worker).get(`/announcements/${withdrawn.id}`)).body.notifiedCount).toBe(0);
    expect((await h.api.as(officer).get(`/announcements/${scheduled.id}`)).body.notifiedCount).toBe(3);
  });
});
