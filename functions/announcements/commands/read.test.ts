import { harness, type Harness, type Person } from '../../../tests/support/harness';
import { announcementWorld, gridA2 } from '../../../tests/support/announcements';

let h: Harness;
let w: ReturnType<typeof announcementWorld>;
let worker: Person;
let officer: Person;
let inGrid1: Person;
let inGrid2: Person;
let inBuilding3: Person;
let otherCommunity: Person;

beforeAll(async () => {
  h = await harness({ extraUnits: [gridA2] });
  w = announcementWorld(h);
  worker = await h.person('张社工', [['communityWorker', 'c-a']]);
  officer = await h.person('街道刘', [['subdistrictOfficer', 'sd-t']]);
  inGrid1 = await w.resident('王秀兰', { gridId: 'g-a1' });
  inGrid2 = await w.resident('李建国', { gridId: 'g-a2', building: '3号楼' });
  inBuilding3 = await w.resident('赵桂芳', { building: '3 号楼' });
  otherCommunity = await w.resident('金大爷', { communityId: 'c-b' });
});

const ids = (page: { items: { id: string }[] }) => page.items.map((i) => i.id);

describe('whom an announcement reaches', () => {
  it('shows a grid announcement to that grid’s residents only, a building one to those who live in it, a sub-district one to all', async () => {
    // Prepare
    const grid = await w.post(worker, { title: '一网格楼道清理', audience: { unitId: 'g-a1' } });
    const building = await w.post(worker, { title: '3号楼电梯检修', audience: { unitId: 'c-a', building: '3号楼' } });
    const sd = await w.post(officer, { title: '街道防火宣传', audience: { unitId: 'sd-t' } });
    // Act
    const [g1, g2, b3, other] = await Promise.all([inGrid1, inGrid2, inBuilding3, otherCommunity].map((p) => w.mine(p)));
    // Assess
    expect(ids(g1)).toEqual(expect.arrayContaining([grid.id, sd.id]));
    expect(ids(g1)).not.toContain(building.id);
    expect(ids(g2)).toEqual(expect.arrayContaining([building.id, sd.id]));
    expect(ids(g2)).not.toContain(grid.id);
    expect(ids(b3)).toContain(building.id);
    expect(ids(other)).toEqual([sd.id]);
    const peek = await h.api.as(otherCommunity).get(`/announcements/${grid.id}`);
    expect(peek.status).toBe(404);
  });

  it('keeps a scheduled announcement from residents until its time, when the publish job lists it', async () => {
    // Prepare
    const at = new Date(h.clock.now().getTime() + 2 * 3600_000).toISOString();
    const a = await w.post(worker, { title: '周六义诊', audience: { unitId: 'c-a' }, publishAt: at });
    // Act + Assess: before its time, neither the list nor a guessed id shows it, even after a job run
    await w.publish();
    expect(ids(await w.mine(inGrid1))).not.toContain(a.id);
    expect((await h.api.as(inGrid1).get(`/announcements/${a.id}`)).status).toBe(404);
    expect((await h.api.as(worker).get(`/announcements/${a.id}`)).body.state).toBe('scheduled');
    // its time comes
    h.clock.set(new Date(new Date(at).getTime() + 30_000));
    const run = await w.publish();
    expect(run.published).toBe(1);
    expect(ids(await w.mine(inGrid1))).toContain(a.id);
    expect((await h.api.as(inGrid1).get(`/announcements/${a.id}`)).body.state).toBe('published');
  });
});

describe('reading', () => {
  it('counts a resident once however many times they open it, even all at once', async () => {
    // Prepare
    const a = await w.post(worker, { title: '垃圾分类新规', audience: { unitId: 'c-a' } });
    // Act
    const opens = await Promise.all(Array.from({ length: 20 }, () => h.api.as(inGrid1).post(`/announcements/${a.id}/read`)));
    await h.api.as(inGrid2).post(`/announcements/${a.id}/read`);
    await h.api.as(inGrid2).post(`/announcements/${a.id}/read`);
    // Assess
    expect(opens.every((r) => r.status === 200)).toBe(true);
    expect(opens.filter((r) => r.body.firstRead)).toHaveLength(1);
    const seen = await h.api.as(worker).get(`/announcements/${a.id}`);
    expect(seen.body.readCount).toBe(2);
    expect((await h.api.as(inGrid1).get(`/announcements/${a.id}`)).body.read).toBe(true);
  });

  it('does not count staff who open it, nor a resident it does not reach, and shows counts to staff only', async () => {
    const a = await w.post(worker, { title: '网格员值班表', audience: { unitId: 'g-a1' } });
    await h.api.as(worker).post(`/announcements/${a.id}/read`);
    await h.api.as(officer).post(`/announcements/${a.id}/read`);
    const outsider = await h.api.as(inGrid2).post(`/announcements/${a.id}/read`);
    const resident = await h.api.as(inGrid1).get(`/announcements/${a.id}`);
    const staff = await h.api.as(officer).get(`/announcements/${a.id}`);
    expect(outsider.status).toBe(404);
    expect(staff.body.readCount).toBe(0);
    expect(resident.body.readCount).toBeUndefined();
    expect(resident.body.read).toBe(false);
  });

  it('lists unread first, then pinned, then newest, and counts the unread', async () => {
    // Prepare: a resident of the other community sees only these
    const reader = await w.resident('钱阿姨', { communityId: 'c-b' });
    const workerB = await h.person('金社工', [['communityWorker', 'c-b']]);
    const before = await w.mine(reader);
    const older = await w.post(workerB, { title: '旧通知', audience: { unitId: 'c-b' } });
    h.clock.advance(60_000);
    const pinned = await w.post(workerB, { title: '置顶：物业电话', audience: { unitId: 'c-b' }, pinned: true });
    h.clock.advance(60_000);
    const newest = await w.post(workerB, { title: '新通知', audience: { unitId: 'c-b' } });
    await h.api.as(reader).post(`/announcements/${newest.id}/read`);
    // Act
    const page = await w.mine(reader);
    // Assess
    const mineNow = ids(page).filter((id) => !ids(before).includes(id));
    expect(mineNow).toEqual([pinned.id, older.id, newest.id]);
    expect(page.unread).toBe(before.unread + 2);
  });

  it('pages through more announcements than a page holds, each once, across the resident’s partitions', async () => {
    // Prepare
    const reader = await w.resident('孙师傅', { gridId: 'g-a2', building: '7号楼' });
    for (let i = 0; i < 7; i++) {
      h.clock.advance(1000);
      const unitId = ['c-a', 'g-a2', 'sd-t'][i % 3]!;
      await w.post(unitId === 'sd-t' ? officer : worker, { title: `第${i}条通知`, audience: { unitId, ...(i === 6 ? { unitId: 'c-a', building: '7号楼' } : {}) } });
    }
    // Act
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await w.mine(reader, `?limit=3${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      seen.push(...ids(page));
      cursor = page.cursor;
      pages++;
    } while (cursor && pages < 50);
    // Assess
    const all = await w.mine(reader, '?limit=50');
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.sort()).toEqual(ids(all).sort());
    expect(all.items.length).toBeGreaterThanOrEqual(7);
  });

  it('lets staff list their community’s announcements with read counts, and refuses another community’s', async () => {
    const list = await h.api.as(worker).get('/units/c-a/announcements?limit=50');
    const refused = await h.api.as(worker).get('/units/c-b/announcements');
    expect(list.status).toBe(200);
    expect(list.body.items.length).toBeGreaterThan(3);
    expect(list.body.items.every((a: { readCount?: number }) => typeof a.readCount === 'number')).toBe(true);
    expect(refused.status).toBe(403);
  });

  it('keeps a resident’s building as typed once tidied, and refuses settings to someone bound to no community', async () => {
    const newcomer = await h.person('新居民');
    const put = await h.api.as(inGrid1).put('/me/announcement-settings', { building: ' 12 号楼', notify: true });
    const read = await h.api.as(inGrid1).get('/me/announcement-settings');
    const refused = await h.api.as(newcomer).get('/me/announcement-settings');
    expect(put.body).toEqual({ communityId: 'c-a', building: '12号楼', notify: true });
    expect(read.body).toEqual(put.body);
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('NOT_BOUND');
  });
});
