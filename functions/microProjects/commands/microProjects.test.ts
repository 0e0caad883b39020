import { harness, NEXT_SESSION_A, type Harness, type Person } from '../../../tests/support/harness';
import { countersOf } from '../../../tests/support/figures';
import { microProjectsRecount } from '../figures';

let h: Harness;
let worker: Person;
let workerB: Person;
let officer: Person;
let resident: Person;
let residentB: Person;
let matterId: string;
let council: { id: string; resolutions: { id: string }[] };

beforeAll(async () => {
  h = await harness();
  worker = await h.person('刘芳', [['communityWorker', 'c-a']]);
  workerB = await h.person('金社工', [['communityWorker', 'c-b']]);
  officer = await h.person('黄伟', [['subdistrictOfficer', 'sd-t']]);
  resident = await h.person('王秀兰', [['resident', 'c-a']]);
  residentB = await h.person('赵敏', [['resident', 'c-b']]);
  const matter = await h.api.as(resident).post(`/sessions/${NEXT_SESSION_A}/matters`, { category: 'environment', text: '小区东门路灯坏了三个月，晚上出行不便' });
  expect(matter.status).toBe(201);
  matterId = matter.body.id;
  const c = await h.api.as(worker).post('/communities/c-a/councils', {
    title: '十一月居民议事会',
    heldOn: '2026-11-28',
    attendance: 23,
    topics: ['楼道加装扶手'],
    resolutions: [{ topic: '楼道加装扶手', text: '3号楼、5号楼楼道加装扶手，使用自治金' }],
  });
  expect(c.status).toBe(201);
  council = c.body;
});

const receipt = (p: Person, n: number) => `uploads/${p.id}/receipt${n}.jpg`;

async function proposed(budgetFen = 100_000, by = worker) {
  const res = await h.api.as(by).post('/micro-projects', { communityId: 'c-a', title: '东门路灯修复', description: '更换三盏路灯', budgetFen, source: { kind: 'matter', matterId } });
  expect(res.status).toBe(201);
  return res.body;
}
async function approved(budgetFen = 100_000) {
  const p = await proposed(budgetFen);
  const res = await h.api.as(officer).post(`/communities/c-a/micro-projects/${p.id}/decision`, { approve: true, version: p.version });
  expect(res.status).toBe(200);
  return res.body;
}
const spend = (projectId: string, amountFen: number, n = 1, headers?: Record<string, string>) =>
  h.api.as(worker).post(`/communities/c-a/micro-projects/${projectId}/spending`, { amountFen, item: '路灯及安装', spentOn: '2026-11-30', receipts: [receipt(worker, n)] }, headers);

describe('proposing and approving', () => {
  it('keeps the matter a project comes from, and what it said', async () => {
    const p = await proposed();
    expect(p.status).toBe('proposed');
    expect(p.source).toMatchObject({ kind: 'matter', matterId, text: '小区东门路灯坏了三个月，晚上出行不便' });
  });

  it('takes a project from a council resolution of the community', async () => {
    const res = await h.api.as(worker).post('/micro-projects', { communityId: 'c-a', title: '楼道扶手', budgetFen: 360_000, source: { kind: 'resolution', councilId: council.id, resolutionId: council.resolutions[0]!.id } });
    expect(res.status).toBe(201);
    expect(res.body.source.text).toContain('加装扶手');
  });

  it('refuses a matter of another community, a resident proposing and a worker of another community', async () => {
    const other = await h.api.as(workerB).post('/micro-projects', { communityId: 'c-b', title: '路灯', budgetFen: 100, source: { kind: 'matter', matterId } });
    const byResident = await h.api.as(resident).post('/micro-projects', { communityId: 'c-a', title: '路灯', budgetFen: 100, source: { kind: 'matter', matterId } });
    const byWorkerB = await h.api.as(workerB).post('/micro-projects', { communityId: 'c-a', title: '路灯', budgetFen: 100, source: { kind: 'matter', matterId } });
    expect(other.body.code).toBe('PROJECT_SOURCE_INVALID');
    expect([byResident.status, byWorkerB.status]).toEqual([403, 403]);
  });

  it('proposes once when the same proposal is retried with its Idempotency-Key', async () => {
    const headers = { 'idempotency-key': 'mproj-retry-0001' };
    const body = { communityId: 'c-a', title: '儿童游乐设施维修', budgetFen: 50_000, source: { kind: 'matter', matterId } };
    const first = await h.api.as(worker).post('/micro-projects', body, headers);
    const again = await h.api.as(worker).post('/micro-projects', body, headers);
    const list = await h.api.as(worker).get('/communities/c-a/micro-projects');
    expect(again.body.id).toBe(first.body.id);
    expect(list.body.projects.filter((p: { title: string }) => p.title === '儿童游乐设施维修')).toHaveLength(1);
  });

  it('lets only an officer approve the budget, and counts it once', async () => {
    // Prepare
    const p = await proposed(224_172);
    const before = await countersOf(h.deps.db, 'microProjects', 'c-a', '2026-12');
    // Act
    const byWorker = await h.api.as(worker).post(`/communities/c-a/micro-projects/${p.id}/decision`, { approve: true, version: p.version });
    const byOfficer = await h.api.as(officer).post(`/communities/c-a/micro-projects/${p.id}/decision`, { approve: true, version: p.version });
    const twice = await h.api.as(officer).post(`/communities/c-a/micro-projects/${p.id}/decision`, { approve: true, version: p.version });
    // Assess
    expect([byWorker.status, byOfficer.status, twice.status]).toEqual([403, 200, 409]);
    const after = await countersOf(h.deps.db, 'microProjects', 'c-a', '2026-12');
    expect((after.approved ?? 0) - (before.approved ?? 0)).toBe(1);
    expect((after.budgetFen ?? 0) - (before.budgetFen ?? 0)).toBe(224_172);
  });

  it('needs a reason to turn a project down', async () => {
    const p = await proposed();
    const bare = await h.api.as(officer).post(`/communities/c-a/micro-projects/${p.id}/decision`, { approve: false, version: p.version });
    const why = await h.api.as(officer).post(`/communities/c-a/micro-projects/${p.id}/decision`, { approve: false, reason: '已列入区级改造', version: p.version });
    expect(bare.body.code).toBe('REASON_REQUIRED');
    expect(why.body.status).toBe('rejected');
  });
});

describe('spending', () => {
  it('refuses spending on a project not yet approved', async () => {
    const p = await proposed();
    const res = await spend(p.id, 100);
    expect(res.body.code).toBe('PROJECT_WRONG_STATE');
  });

  it('never passes the budget when two spends arrive at the same moment', async () => {
    // Prepare
    const p = await approved(100_000);
    // Act
    const results = await Promise.all([spend(p.id, 60_000, 1), spend(p.id, 60_000, 2)]);
    // Assess
    expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
    expect(results.find((r) => r.status === 409)!.body.code).toBe('BUDGET_EXCEEDED');
    const list = await h.api.as(worker).get('/communities/c-a/micro-projects');
    const after = list.body.projects.find((x: { id: string }) => x.id === p.id);
    expect(after.spentFen).toBe(60_000);
    expect(after.spending).toHaveLength(1);
  });

  it('spends up to the budget exactly, and not a fen more', async () => {
    const p = await approved(10_000);
    const all = await spend(p.id, 10_000, 3);
    const more = await spend(p.id, 1, 4);
    expect([all.status, more.status]).toEqual([201, 409]);
  });

  it('enters a spending once when it is retried with its Idempotency-Key', async () => {
    const p = await approved(50_000);
    const headers = { 'idempotency-key': 'spend-retry-0001' };
    const first = await spend(p.id, 20_000, 5, headers);
    const again = await spend(p.id, 20_000, 5, headers);
    const list = await h.api.as(worker).get('/communities/c-a/micro-projects');
    expect(again.body.id).toBe(first.body.id);
    expect(list.body.projects.find((x: { id: string }) => x.id === p.id).spentFen).toBe(20_000);
  });

  it("refuses receipts someone else uploaded", async () => {
    const p = await approved(50_000);
    const res = await h.api.as(worker).post(`/communities/c-a/micro-projects/${p.id}/spending`, { amountFen: 100, item: '灯泡', spentOn: '2026-11-30', receipts: [receipt(resident, 1)] });
    expect(res.body.code).toBe('UPLOAD_NOT_YOURS');
  });
});

describe('the public accounts', () => {
  it('shows residents of the community the approved projects, spending and receipts, without names or proposals', async () => {
    // Prepare
    const p = await approved(80_000);
    await spend(p.id, 30_000, 6);
    const waiting = await proposed(1_000);
    // Act
    const res = await h.api.as(resident).get('/communities/c-a/micro-projects');
    // Assess
    expect(res.status).toBe(200);
    const shown = res.body.projects.find((x: { id: string }) => x.id === p.id);
    expect(shown.spending[0].receipts[0].url).toContain('receipt6.jpg');
    expect(res.body.projects.some((x: { id: string }) => x.id === waiting.id)).toBe(false);
    expect(JSON.stringify(res.body)).not.toMatch(/刘芳|黄伟|王秀兰|proposedBy|approvedBy/);
  });

  it('refuses the accounts to a resident of another community', async () => {
    const res = await h.api.as(residentB).get('/communities/c-a/micro-projects');
    expect(res.status).toBe(403);
  });

  it('counts a project done once, and every counter equals a recount of the records', async () => {
    // Prepare
    const p = await approved(20_000);
    const started = await h.api.as(worker).post(`/communities/c-a/micro-projects/${p.id}/status`, { status: 'inProgress', version: p.version });
    await spend(p.id, 20_000, 7);
    // Act
    const done = await h.api.as(worker).post(`/communities/c-a/micro-projects/${p.id}/status`, { status: 'done', version: started.body.version });
    const doneAgain = await h.api.as(worker).post(`/communities/c-a/micro-projects/${p.id}/status`, { status: 'done', version: started.body.version });
    // Assess
    expect([started.status, done.status, doneAgain.status]).toEqual([200, 200, 409]);
    const counters = await countersOf(h.deps.db, 'microProjects', 'c-a', '2026-01', '2026-12');
    expect(counters).toEqual(await microProjectsRecount.recount(h.deps.db, 'c-a', '2026-01', '2026-12'));
    expect(counters.done).toBe(1);
  });
});
