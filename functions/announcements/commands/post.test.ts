import { harness, type Harness, type Person } from '../../../tests/support/harness';
import { announcementWorld, gridA2 } from '../../../tests/support/announcements';

let h: Harness;
let w: ReturnType<typeof announcementWorld>;
let workerA: Person;
let workerB: Person;
let officer: Person;
let resident: Person;

beforeAll(async () => {
  h = await harness({ extraUnits: [gridA2] });
  w = announcementWorld(h);
  workerA = await h.person('张社工', [['communityWorker', 'c-a']]);
  workerB = await h.person('金社工', [['communityWorker', 'c-b']]);
  officer = await h.person('街道刘', [['subdistrictOfficer', 'sd-t']]);
  resident = await w.resident('王秀兰');
});

const text = { title: '停水通知', body: '12月3日 9:00–17:00 管网检修，请提前储水。' };

describe('who may post where', () => {
  it('lets a community worker post to their community, a grid of it and a building of it', async () => {
    // Act
    const results = await Promise.all([
      h.api.as(workerA).post('/announcements', { ...text, audience: { unitId: 'c-a' } }),
      h.api.as(workerA).post('/announcements', { ...text, audience: { unitId: 'g-a2' } }),
      h.api.as(workerA).post('/announcements', { ...text, audience: { unitId: 'c-a', building: ' 3 号楼' } }),
    ]);
    // Assess
    expect(results.map((r) => r.status)).toEqual([201, 201, 201]);
    expect(results.map((r) => r.body.audience.kind)).toEqual(['community', 'grid', 'building']);
    expect(results[2]!.body.audience.building).toBe('3号楼');
    expect(results[0]!.body.state).toBe('published');
  });

  it('refuses a community worker posting to the sub-district or to another community', async () => {
    const toSd = await h.api.as(workerA).post('/announcements', { ...text, audience: { unitId: 'sd-t' } });
    const toB = await h.api.as(workerA).post('/announcements', { ...text, audience: { unitId: 'c-b' } });
    expect([toSd.status, toB.status]).toEqual([403, 403]);
    expect(toB.body.code).toBe('FORBIDDEN');
  });

  it('lets a sub-district officer post to the sub-district and to any community or grid under it', async () => {
    const results = await Promise.all(['sd-t', 'c-b', 'g-a1'].map((unitId) => h.api.as(officer).post('/announcements', { ...text, audience: { unitId } })));
    expect(results.map((r) => r.status)).toEqual([201, 201, 201]);
  });

  it('refuses a resident, a building outside a community and a partner unit as audience', async () => {
    const byResident = await h.api.as(resident).post('/announcements', { ...text, audience: { unitId: 'c-a' } });
    const gridBuilding = await h.api.as(officer).post('/announcements', { ...text, audience: { unitId: 'g-a1', building: '1号楼' } });
    const partner = await h.api.as(officer).post('/announcements', { ...text, audience: { unitId: 'p-water' } });
    expect(byResident.status).toBe(403);
    expect([gridBuilding.body.code, partner.body.code]).toEqual(['AUDIENCE_INVALID', 'AUDIENCE_INVALID']);
  });

  it('refuses photos another person uploaded', async () => {
    const res = await h.api.as(workerA).post('/announcements', { ...text, audience: { unitId: 'c-a' }, photos: [`uploads/${resident.id}/x1.jpg`] });
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('UPLOAD_NOT_YOURS');
  });

  it('posts once when the same post is retried with its Idempotency-Key', async () => {
    const headers = { 'idempotency-key': 'ann-retry-0001' };
    const first = await h.api.as(workerB).post('/announcements', { ...text, audience: { unitId: 'c-b' } }, headers);
    const again = await h.api.as(workerB).post('/announcements', { ...text, audience: { unitId: 'c-b' } }, headers);
    const list = await h.api.as(workerB).get('/units/c-b/announcements');
    expect(again.body.id).toBe(first.body.id);
    expect(list.body.items.filter((a: { id: string }) => a.id === first.body.id)).toHaveLength(1);
  });
});

describe('editing and withdrawing', () => {
  it('lets the poster change a scheduled announcement before it is published', async () => {
    // Prepare
    const later = new Date(h.clock.now().getTime() + 3 * 3600_000).toISOString();
    const a = await w.post(workerA, { audience: { unitId: 'c-a' }, publishAt: later });
    // Act
    const res = await h.api.as(workerA).patch(`/announcements/${a.id}`, { title: '停水通知（更正）', audience: { unitId: 'g-a1' }, version: a.version });
    // Assess
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ title: '停水通知（更正）', state: 'scheduled', audience: { kind: 'grid', unitId: 'g-a1' }, version: a.version + 1 });
    const stale = await h.api.as(workerA).patch(`/announcements/${a.id}`, { title: '再改一次', version: a.version });
    expect(stale.body.code).toBe('STALE_VERSION');
  });

  it('allows only pinning once it is published', async () => {
    const a = await w.post(workerA, { audience: { unitId: 'c-a' } });
    const retitle = await h.api.as(workerA).patch(`/announcements/${a.id}`, { title: '改个标题', version: a.version });
    const pin = await h.api.as(workerA).patch(`/announcements/${a.id}`, { pinned: true, version: a.version });
    expect(retitle.status).toBe(409);
    expect(retitle.body.code).toBe('ANNOUNCEMENT_PUBLISHED');
    expect(pin.body.pinned).toBe(true);
  });

  it('takes a withdrawn announcement off the residents’ list and tells the resident who opens it that it was withdrawn', async () => {
    // Prepare
    const a = await w.post(workerA, { title: '临时通知', audience: { unitId: 'c-a' } });
    expect((await w.mine(resident)).items.map((i: { id: string }) => i.id)).toContain(a.id);
    // Act
    const res = await h.api.as(workerA).post(`/announcements/${a.id}/withdraw`);
    // Assess
    expect(res.body.state).toBe('withdrawn');
    expect((await w.mine(resident)).items.map((i: { id: string }) => i.id)).not.toContain(a.id);
    const open = await h.api.as(resident).get(`/announcements/${a.id}`);
    expect(open.status).toBe(404);
    expect(open.body.code).toBe('ANNOUNCEMENT_WITHDRAWN');
    const edit = await h.api.as(workerA).patch(`/announcements/${a.id}`, { pinned: true, version: res.body.version });
    expect(edit.body.code).toBe('ANNOUNCEMENT_WITHDRAWN');
  });

  it('does not let a worker of another community edit, withdraw or even see it', async () => {
    const a = await w.post(workerA, { audience: { unitId: 'c-a' } });
    const see = await h.api.as(workerB).get(`/announcements/${a.id}`);
    const withdraw = await h.api.as(workerB).post(`/announcements/${a.id}/withdraw`);
    expect([see.status, withdraw.status]).toEqual([404, 404]);
  });
});
