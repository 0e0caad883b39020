import { harness, type Harness, type Person } from '../../../tests/support/harness';
import { safetyWorld } from '../../../tests/support/safety';
import { checklistOf } from '../../../shared/safety/siteTypes';

let h: Harness;
let w: ReturnType<typeof safetyWorld>;
let worker: Person;
let grid: Person;
let workerB: Person;
let resident: Person;

beforeAll(async () => {
  h = await harness();
  w = safetyWorld(h);
  worker = await h.person('刘芳', [['communityWorker', 'c-a']]);
  grid = await h.person('陈志强', [['gridWorker', 'g-a1']]);
  workerB = await h.person('金社工', [['communityWorker', 'c-b']]);
  resident = await h.person('王秀兰', [['resident', 'c-a']]);
});

describe('the register of sites', () => {
  it('lets a community worker register a site that their grid workers then see in the list', async () => {
    // Act
    const site = await w.site(worker, 'petrolStation', 'c-a', '中石化和平路加油站');
    const list = await h.api.as(grid).get('/communities/c-a/sites');
    // Assess
    expect(site.type).toBe('petrolStation');
    expect(list.status).toBe(200);
    expect(list.body.items.map((s: { id: string }) => s.id)).toContain(site.id);
  });

  it("refuses a grid worker registering a site, a worker of another community, and a resident reading the list", async () => {
    const byGrid = await h.api.as(grid).post('/communities/c-a/sites', { type: 'school', name: '和平小学' });
    const byOther = await h.api.as(workerB).post('/communities/c-a/sites', { type: 'school', name: '和平小学' });
    const read = await h.api.as(resident).get('/communities/c-a/sites');
    expect([byGrid.status, byOther.status, read.status]).toEqual([403, 403, 403]);
  });

  it('hides a site of another community behind a 404', async () => {
    const site = await w.site(worker);
    const res = await h.api.as(workerB).get(`/sites/${site.id}`);
    expect(res.status).toBe(404);
  });

  it('registers once when the same registration is retried with its Idempotency-Key', async () => {
    const headers = w.key();
    const first = await h.api.as(worker).post('/communities/c-a/sites', { type: 'market', name: '和平农贸市场' }, headers);
    const again = await h.api.as(worker).post('/communities/c-a/sites', { type: 'market', name: '和平农贸市场' }, headers);
    const list = await h.api.as(worker).get('/communities/c-a/sites');
    expect(again.body.id).toBe(first.body.id);
    expect(list.body.items.filter((s: { name: string }) => s.name === '和平农贸市场')).toHaveLength(1);
  });
});

describe('an inspection walks the checklist of the site type', () => {
  it('records an inspection of a school with every item ok: no hazard, the site counts it', async () => {
    // Prepare
    const site = await w.site(worker, 'school');
    // Act
    const res = await h.api.as(grid).post(`/sites/${site.id}/inspections`, { results: w.results('school') }, w.key());
    const detail = await h.api.as(grid).get(`/sites/${site.id}`);
    // Assess
    expect(res.status).toBe(201);
    expect(res.body.hazards).toEqual([]);
    expect(res.body.inspection.results).toHaveLength(checklistOf('school').length);
    expect(detail.body.site.inspections).toBe(1);
    expect(detail.body.recentInspections).toHaveLength(1);
  });

  it("refuses a petrol station's inspection with a school's checklist, or with an item missing", async () => {
    const site = await w.site(worker, 'petrolStation');
    const schoolList = await h.api.as(grid).post(`/sites/${site.id}/inspections`, { results: w.results('school') });
    const missing = await h.api.as(grid).post(`/sites/${site.id}/inspections`, { results: w.results('petrolStation').slice(1) });
    expect([schoolList.status, missing.status]).toEqual([422, 422]);
    expect(schoolList.body.code).toBe('CHECKLIST_MISMATCH');
    expect(missing.body.details.expected).toContain('tankLeak');
  });

  it('turns each item found wrong into a hazard with the deadline of its item', async () => {
    // Prepare
    const site = await w.site(worker, 'residentialCompound');
    // Act
    const res = await w.inspect(grid, site, { exitsClear: '3号楼消防通道堆放杂物', ebikeCharging: '5单元楼道电动车充电' });
    const detail = await h.api.as(grid).get(`/sites/${site.id}`);
    // Assess: 2026-12-01 in China; exits clear 3 days, e-bikes 7
    expect(res.hazards.map((x: { itemId: string; deadline: string }) => [x.itemId, x.deadline])).toEqual([
      ['exitsClear', '2026-12-04'],
      ['ebikeCharging', '2026-12-08'],
    ]);
    expect(res.hazards[0].state).toBe('open');
    expect(detail.body.site.openHazards).toBe(2);
    expect(detail.body.openHazards).toHaveLength(2);
  });

  it('asks for a note on an item found wrong', async () => {
    const site = await w.site(worker, 'supermarket');
    const results = w.results('supermarket').map((r, i) => (i === 0 ? { itemId: r.itemId, ok: false } : r));
    const res = await h.api.as(grid).post(`/sites/${site.id}/inspections`, { results });
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('HAZARD_NOTE_REQUIRED');
  });

  it('refuses an inspection by a resident', async () => {
    const site = await w.site(worker);
    const res = await h.api.as(resident).post(`/sites/${site.id}/inspections`, { results: w.results('school') });
    expect(res.status).toBe(404);
  });
});
