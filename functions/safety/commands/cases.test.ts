import { harness, START, type Harness, type Person } from '../../../tests/support/harness';
import { safetyWorld } from '../../../tests/support/safety';

let h: Harness;
let w: ReturnType<typeof safetyWorld>;
let worker: Person;
let grid: Person;
let workerB: Person;

beforeAll(async () => {
  h = await harness();
  w = safetyWorld(h);
  worker = await h.person('刘芳', [['communityWorker', 'c-a']]);
  grid = await h.person('陈志强', [['gridWorker', 'g-a1']]);
  workerB = await h.person('金社工', [['communityWorker', 'c-b']]);
});

afterEach(() => h.clock.set(START));

async function hazardAt(type: 'school' | 'market' = 'school') {
  const site = await w.site(worker, type);
  const { hazards } = await w.inspect(grid, site, { exitsClear: '东侧安全出口上锁' });
  return { site, hazard: hazards[0] };
}

describe('hazards: deadlines, overdue, re-inspection', () => {
  it('flags a hazard overdue the day after its deadline, and lists it first among open ones', async () => {
    // Prepare: found 2026-12-01, deadline 2026-12-04
    const { hazard } = await hazardAt();
    // Act
    h.clock.set('2026-12-04T15:00:00.000Z'); // 23:00 on the 4th in China: still in time
    const onTheDay = await h.api.as(grid).get(`/safety-cases/${hazard.id}`);
    h.clock.set('2026-12-04T16:30:00.000Z'); // 00:30 on the 5th
    const after = await h.api.as(grid).get(`/safety-cases/${hazard.id}`);
    const list = await h.api.as(worker).get('/communities/c-a/safety-cases?kind=hazard&open=true');
    // Assess
    expect(onTheDay.body.overdue).toBe(false);
    expect(after.body.overdue).toBe(true);
    expect(list.body.items[0].overdue).toBe(true);
  });

  it('closes a hazard when a re-inspection finds it rectified, with a photo: in time, and off the site', async () => {
    // Prepare
    const { site, hazard } = await hazardAt();
    h.clock.set('2026-12-03T03:00:00.000Z');
    // Act
    const res = await h.api.as(grid).post(`/safety-cases/${hazard.id}/steps`, { action: 'reinspectRectified', photos: [w.photo(grid)], note: '已拆除门锁', version: 0 });
    const detail = await h.api.as(grid).get(`/sites/${site.id}`);
    // Assess
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ state: 'closed', open: false, inTime: true, overdue: false });
    expect(res.body.history.map((e: { action: string }) => e.action)).toEqual(['found', 'reinspectRectified']);
    expect(res.body.history[1].photos).toHaveLength(1);
    expect(detail.body.site.openHazards).toBe(0);
    expect(detail.body.openHazards).toEqual([]);
  });

  it('refuses to close a hazard without a photo of the rectification', async () => {
    const { hazard } = await hazardAt();
    const res = await h.api.as(grid).post(`/safety-cases/${hazard.id}/steps`, { action: 'reinspectRectified', version: 0 });
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('RECTIFICATION_PHOTO_REQUIRED');
  });

  it('keeps a hazard open when the re-inspection finds it not yet rectified, with a new deadline, and counts a late close as not in time', async () => {
    // Prepare
    const { hazard } = await hazardAt('market');
    h.clock.set('2026-12-06T02:00:00.000Z');
    // Act
    const notYet = await h.api.as(grid).post(`/safety-cases/${hazard.id}/steps`, { action: 'reinspectNotYet', note: '店主外出', deadline: '2026-12-10', version: 0 });
    const closed = await h.api.as(grid).post(`/safety-cases/${hazard.id}/steps`, { action: 'reinspectRectified', photos: [w.photo(grid)], version: 1 });
    // Assess
    expect(notYet.body).toMatchObject({ state: 'open', deadline: '2026-12-10', overdue: false });
    expect(closed.body).toMatchObject({ state: 'closed', inTime: false });
  });

  it('refuses a re-inspection over a stale version, and one of a closed hazard', async () => {
    const { hazard } = await hazardAt();
    await h.api.as(grid).post(`/safety-cases/${hazard.id}/steps`, { action: 'reinspectRectified', photos: [w.photo(grid)], version: 0 });
    const stale = await h.api.as(grid).post(`/safety-cases/${hazard.id}/steps`, { action: 'reinspectRectified', photos: [w.photo(grid)], version: 0 });
    const again = await h.api.as(grid).post(`/safety-cases/${hazard.id}/steps`, { action: 'reinspectRectified', photos: [w.photo(grid)], version: 1 });
    expect(stale.body.code).toBe('STALE_VERSION');
    expect([again.status, again.body.code]).toEqual([409, 'SAFETY_ACTION_NOT_NOW']);
  });

  it("hides a hazard from another community's worker", async () => {
    const { hazard } = await hazardAt();
    const res = await h.api.as(workerB).post(`/safety-cases/${hazard.id}/steps`, { action: 'reinspectRectified', photos: [w.photo(workerB)], version: 0 });
    expect(res.status).toBe(404);
  });
});

describe('illegal-building reports', () => {
  it('lets a grid worker report one, a community worker pass it on and record it demolished', async () => {
    // Act
    const report = await w.report(grid);
    const byGrid = await h.api.as(grid).post(`/safety-cases/${report.id}/steps`, { action: 'passOn', version: 0 });
    const passed = await h.api.as(worker).post(`/safety-cases/${report.id}/steps`, { action: 'passOn', note: '已报区执法局法制科', version: 0 });
    const closed = await h.api.as(worker).post(`/safety-cases/${report.id}/steps`, { action: 'recordOutcome', outcome: 'demolished', version: 1 });
    // Assess
    expect(report.state).toBe('reported');
    expect(report.actions).toEqual([]);
    expect(byGrid.status).toBe(403);
    expect(passed.body.state).toBe('passedOn');
    expect(closed.body).toMatchObject({ state: 'closed', outcome: 'demolished', open: false });
  });

  it('asks for an outcome from the list and a photo of the building', async () => {
    const report = await w.report(grid);
    await h.api.as(worker).post(`/safety-cases/${report.id}/steps`, { action: 'passOn', version: 0 });
    const noOutcome = await h.api.as(worker).post(`/safety-cases/${report.id}/steps`, { action: 'recordOutcome', outcome: 'vanished', version: 1 });
    const noPhoto = await h.api.as(grid).post('/communities/c-a/illegal-buildings', { place: '和平路5号', description: '院内搭建', photos: [] });
    expect(noOutcome.body.code).toBe('SAFETY_OUTCOME_REQUIRED');
    expect(noPhoto.status).toBe(400);
  });
});
