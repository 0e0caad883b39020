import { harness, type Harness, type Person } from '../../../tests/support/harness';
import { countersOf } from '../../../tests/support/figures';
import { employmentRecount } from '../figures';

let h: Harness;
let worker: Person;
let workerB: Person;
let officer: Person;
let resident: Person;

beforeAll(async () => {
  h = await harness();
  worker = await h.person('刘芳', [['communityWorker', 'c-a']]);
  workerB = await h.person('金社工', [['communityWorker', 'c-b']]);
  officer = await h.person('黄伟', [['subdistrictOfficer', 'sd-t']]);
  resident = await h.person('王秀兰', [['resident', 'c-a']]);
});

const consent = { given: true, method: 'signedForm' };
const seekerBody = (over: Record<string, unknown> = {}) => ({ communityId: 'c-a', name: '张建军', category: 'unemployed', wants: '保安、保洁', consent, ...over });
const vacancyBody = (over: Record<string, unknown> = {}) => ({ communityId: 'c-a', employer: '鑫源物业', post: '保洁员', count: 2, payMin: 2800, payMax: 3500, until: '2026-12-31', ...over });

async function seeker(over: Record<string, unknown> = {}) {
  const res = await h.api.as(worker).post('/employment/seekers', seekerBody(over));
  expect(res.status).toBe(201);
  return res.body;
}
async function vacancy(over: Record<string, unknown> = {}) {
  const res = await h.api.as(worker).post('/employment/vacancies', vacancyBody(over));
  expect(res.status).toBe(201);
  return res.body;
}
async function referral(seekerId: string, vacancyId: string) {
  const res = await h.api.as(worker).post('/employment/referrals', { communityId: 'c-a', seekerId, vacancyId });
  expect(res.status).toBe(201);
  return res.body;
}

describe('registering job seekers', () => {
  it('refuses to register a seeker whose consent is not recorded, and keeps nothing', async () => {
    // Prepare
    const before = await h.snapshot();
    // Act
    const none = await h.api.as(worker).post('/employment/seekers', seekerBody({ consent: undefined }));
    const refused = await h.api.as(worker).post('/employment/seekers', seekerBody({ consent: { given: false, method: 'inPerson' } }));
    // Assess
    expect([none.status, refused.status]).toEqual([422, 422]);
    expect(none.body.code).toBe('CONSENT_REQUIRED');
    expect(await h.snapshot()).toEqual(before);
  });

  it('lets a community worker and an officer register, but not a resident or a worker of another community', async () => {
    const byWorker = await h.api.as(worker).post('/employment/seekers', seekerBody());
    const byOfficer = await h.api.as(officer).post('/employment/seekers', seekerBody({ name: '李梅' }));
    const byResident = await h.api.as(resident).post('/employment/seekers', seekerBody());
    const byOther = await h.api.as(workerB).post('/employment/seekers', seekerBody());
    expect([byWorker.status, byOfficer.status, byResident.status, byOther.status]).toEqual([201, 201, 403, 403]);
    expect(byWorker.body.consent).toMatchObject({ method: 'signedForm', recordedBy: '刘芳' });
  });

  it('registers once when the same registration is retried with its Idempotency-Key', async () => {
    const headers = { 'idempotency-key': 'seeker-retry-0001' };
    const first = await h.api.as(workerB).post('/employment/seekers', seekerBody({ communityId: 'c-b', name: '赵强' }), headers);
    const again = await h.api.as(workerB).post('/employment/seekers', seekerBody({ communityId: 'c-b', name: '赵强' }), headers);
    const board = await h.api.as(workerB).get('/communities/c-b/employment');
    expect(again.body.id).toBe(first.body.id);
    expect(board.body.seekers.filter((s: { name: string }) => s.name === '赵强')).toHaveLength(1);
    expect((await countersOf(h.deps.db, 'employment', 'c-b', '2026-12')).seekersRegistered).toBe(1);
  });

  it('keeps no phone or ID number: a body carrying one is refused', async () => {
    const res = await h.api.as(worker).post('/employment/seekers', seekerBody({ idNumber: '440305199001011234' }));
    expect(res.status).toBe(400);
  });
});

describe('referrals and placements', () => {
  it('counts a hard-to-employ seeker placed through a referral as a new job and both re-employment figures, once', async () => {
    // Prepare
    const s = await seeker({ name: '陈大海', category: 'hardToEmploy' });
    const v = await vacancy();
    const r = await referral(s.id, v.id);
    const before = await countersOf(h.deps.db, 'employment', 'c-a', '2026-12');
    // Act
    const placed = await h.api.as(worker).post(`/communities/c-a/employment/referrals/${r.id}/outcome`, { outcome: 'placed' });
    const again = await h.api.as(worker).post(`/communities/c-a/employment/referrals/${r.id}/outcome`, { outcome: 'placed' });
    const other = await h.api.as(worker).post(`/communities/c-a/employment/referrals/${r.id}/outcome`, { outcome: 'notPlaced' });
    // Assess
    expect([placed.status, again.status, other.status]).toEqual([200, 200, 409]);
    expect(other.body.code).toBe('REFERRAL_DECIDED');
    const after = await countersOf(h.deps.db, 'employment', 'c-a', '2026-12');
    expect((after.newJobs ?? 0) - (before.newJobs ?? 0)).toBe(1);
    expect((after.reEmployed ?? 0) - (before.reEmployed ?? 0)).toBe(1);
    expect((after.hardToEmployReEmployed ?? 0) - (before.hardToEmployReEmployed ?? 0)).toBe(1);
    const board = await h.api.as(worker).get('/communities/c-a/employment');
    expect(board.body.seekers.find((x: { id: string }) => x.id === s.id).state).toBe('placed');
    expect(board.body.vacancies.find((x: { id: string }) => x.id === v.id).filled).toBe(1);
  });

  it('counts a graduate placed as a new job but not as re-employment', async () => {
    const s = await seeker({ name: '吴晓', category: 'graduate' });
    const before = await countersOf(h.deps.db, 'employment', 'c-a', '2026-12');
    const res = await h.api.as(worker).post(`/communities/c-a/employment/seekers/${s.id}/placement`, { employer: '市图书馆', post: '管理员' });
    const after = await countersOf(h.deps.db, 'employment', 'c-a', '2026-12');
    expect(res.status).toBe(200);
    expect((after.newJobs ?? 0) - (before.newJobs ?? 0)).toBe(1);
    expect((after.reEmployed ?? 0) - (before.reEmployed ?? 0)).toBe(0);
  });

  it('counts a seeker placed by two referrals at the same moment only once', async () => {
    // Prepare
    const s = await seeker({ name: '周立' });
    const [v1, v2] = [await vacancy({ employer: '甲公司' }), await vacancy({ employer: '乙公司' })];
    const [r1, r2] = [await referral(s.id, v1.id), await referral(s.id, v2.id)];
    const before = await countersOf(h.deps.db, 'employment', 'c-a', '2026-12');
    // Act
    const results = await Promise.all([r1, r2].map((r) => h.api.as(worker).post(`/communities/c-a/employment/referrals/${r.id}/outcome`, { outcome: 'placed' })));
    // Assess
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    const after = await countersOf(h.deps.db, 'employment', 'c-a', '2026-12');
    expect((after.newJobs ?? 0) - (before.newJobs ?? 0)).toBe(1);
  });

  it('refuses to refer someone already placed, and a placement past the vacancy count', async () => {
    const v = await vacancy({ employer: '丙超市', count: 1 });
    const [a, b] = [await seeker({ name: '钱一' }), await seeker({ name: '钱二' })];
    const [ra, rb] = [await referral(a.id, v.id), await referral(b.id, v.id)];
    await h.api.as(worker).post(`/communities/c-a/employment/referrals/${ra.id}/outcome`, { outcome: 'placed' });
    const second = await h.api.as(worker).post(`/communities/c-a/employment/referrals/${rb.id}/outcome`, { outcome: 'placed' });
    const referAgain = await h.api.as(worker).post('/employment/referrals', { communityId: 'c-a', seekerId: a.id, vacancyId: v.id });
    expect(second.body.code).toBe('VACANCY_FILLED');
    expect(referAgain.body.code).toBe('SEEKER_NOT_SEEKING');
  });
});

describe('the figures', () => {
  it('adds training by its people, and every counter equals a recount of the records', async () => {
    // Prepare
    const res = await h.api.as(worker).post('/employment/trainings', { communityId: 'c-a', course: '家政服务培训', people: 18, heldOn: '2026-11-20' });
    // Act
    const recount = await employmentRecount.recount(h.deps.db, 'c-a', '2026-01', '2026-12');
    const counters = await countersOf(h.deps.db, 'employment', 'c-a', '2026-01', '2026-12');
    // Assess
    expect(res.status).toBe(201);
    expect((await countersOf(h.deps.db, 'employment', 'c-a', '2026-11')).trained).toBe(18);
    expect(counters).toEqual(recount);
    expect(counters.referrals).toBeGreaterThan(0);
  });

  it('refuses a training dated after today', async () => {
    const res = await h.api.as(worker).post('/employment/trainings', { communityId: 'c-a', course: '电工培训', people: 5, heldOn: '2027-01-20' });
    expect(res.body.code).toBe('TRAINING_IN_FUTURE');
  });
});
