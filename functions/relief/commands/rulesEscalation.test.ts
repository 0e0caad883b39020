import { ok, reliefWorld, type ReliefWorld } from '../../../tests/support/relief';
import { escalateOverdueReviews } from '../jobs';

jest.setTimeout(60_000);

// the harness starts at 2026-12-01T02:00Z: 10:00 on Tuesday 1 December in China
let w: ReliefWorld;
beforeAll(async () => {
  w = await reliefWorld();
  // dibao in sd-t: the community has 2 working days, the sub-district 3
  ok(
    await w.h.api.as(w.p.officer).post(
      '/relief/types/dibao/versions',
      {
        nameZh: '低保',
        nameEn: 'Minimum living allowance',
        parameters: { dibaoLine: 1365 },
        documents: [
          { kind: 'idCard', required: true },
          { kind: 'householdRegister', required: true },
          { kind: 'incomeProof', required: true },
        ],
        levels: [
          { role: 'communityWorker', deadlineDays: 2 },
          { role: 'subdistrictOfficer', deadlineDays: 3 },
        ],
        effectiveFrom: '2026-12-01',
        reason: '审批时限压缩',
      },
      { 'idempotency-key': 'escalation-rules-1' },
    ),
    'version',
  );
});

const inbox = async () => ok(await w.h.api.as(w.p.officer).get('/me/inbox?limit=100'), 'inbox').items as { title: string; body: string; link: string }[];
const overdueNotes = async () => (await inbox()).filter((i) => i.title === '有救助申请社区审核超期');
const workbenchTask = async (who: typeof w.p.worker, role: string, unitId: string, key: string) =>
  (ok(await w.h.api.as(who).get(`/me/workbench?role=${role}&unitId=${unitId}`), 'workbench').tasks as any[]).find((t) => t.key === key);

describe('approval deadlines', () => {
  it('gives the level its working days: submitted Tuesday, the community must decide by Thursday 24:00, and says so', async () => {
    // Act
    const s = await w.submitted(w.p.wang);
    // Assess
    expect(s.application.rulesVersion).toEqual({ version: 1, effectiveFrom: '2026-12-01' });
    expect(s.application.dueAt).toBe('2026-12-03T16:00:00.000Z');
    expect(s.application.overdue).toBe(false);
  });

  it('marks an application overdue once, tells the officers once, and a re-run adds nothing', async () => {
    // Prepare: the queue has the application of the test above; the officers have heard nothing yet
    const queue = async () => ok(await w.h.api.as(w.p.worker).get('/units/c-a/relief/queue'), 'queue');
    w.h.clock.set('2026-12-03T15:59:00Z'); // 23:59 on Thursday in China: not yet
    expect((await escalateOverdueReviews(w.h.deps)).marked).toBe(0);
    expect((await queue()).items[0].overdue).toBe(false);
    expect((await workbenchTask(w.p.worker, 'communityWorker', 'c-a', 'applicationsToReview')).overdue).toBe(0);
    // Act: Friday 00:30
    w.h.clock.set('2026-12-03T16:30:00Z');
    const first = await escalateOverdueReviews(w.h.deps);
    const again = await escalateOverdueReviews(w.h.deps);
    // Assess
    expect(first).toMatchObject({ overdue: 1, marked: 1, told: 1 });
    expect(again).toMatchObject({ overdue: 1, marked: 0, told: 0 });
    const notes = await overdueNotes();
    expect(notes).toHaveLength(1);
    expect(notes[0]!.body).toBe('王*兰的低保申请社区审核已超过期限（2026-12-03），请督办');
    expect(notes[0]!.link).toMatch(/^\/packages\/relief\/application\/index\?id=/);
    const q = await queue();
    expect(q.items[0]).toMatchObject({ overdue: true, dueAt: '2026-12-03T16:00:00.000Z' });
    expect(await workbenchTask(w.p.worker, 'communityWorker', 'c-a', 'applicationsToReview')).toMatchObject({ count: 1, overdue: 1 });
    expect((await workbenchTask(w.p.officer, 'subdistrictOfficer', 'sd-t', 'secondLevelApprovals')).overdue).toBe(0);
  });

  it('starts the sub-district’s deadline at the community’s approval, and counts it overdue for the officer when late', async () => {
    // Prepare: the worker approves on Friday 4 December at 09:00 China time
    w.h.clock.set('2026-12-04T01:00:00Z');
    const q = ok(await w.h.api.as(w.p.worker).get('/units/c-a/relief/queue'), 'queue');
    ok(await w.review(w.p.worker, q.items[0].id, 'approve'), 'community approval');
    const d = ok(await w.h.api.as(w.p.officer).get(w.path(q.items[0].id)), 'detail').application;
    // 3 working days after Friday: Monday, Tuesday, Wednesday 9 December, to 24:00
    expect(d.dueAt).toBe('2026-12-09T16:00:00.000Z');
    // Act: Thursday 10 December
    w.h.clock.set('2026-12-10T02:00:00Z');
    const run = await escalateOverdueReviews(w.h.deps);
    // Assess: marked once; the sub-district is the top level, so nobody above is told
    expect(run).toMatchObject({ overdue: 1, marked: 1, told: 0 });
    expect(await workbenchTask(w.p.officer, 'subdistrictOfficer', 'sd-t', 'secondLevelApprovals')).toMatchObject({ count: 1, overdue: 1 });
    expect((await workbenchTask(w.p.worker, 'communityWorker', 'c-a', 'applicationsToReview')).overdue).toBe(0);
    expect(await overdueNotes()).toHaveLength(1);
    w.h.clock.set('2026-12-01T02:00:00Z');
  });

  it('refuses a payload it does not know before reading anything', async () => {
    await expect(escalateOverdueReviews(w.h.deps, { now: 'yesterday' })).rejects.toMatchObject({ code: 'VALIDATION' });
    await expect(escalateOverdueReviews(w.h.deps, { pageSize: 1000 })).rejects.toMatchObject({ code: 'VALIDATION' });
    await expect(escalateOverdueReviews(w.h.deps, { extra: true })).rejects.toMatchObject({ code: 'VALIDATION' });
  });

  it('reads the queues a page at a time: a page of 1 finds and marks the same', async () => {
    // Prepare: two more applications submitted on Tuesday 1 December, late on Friday
    w.h.clock.set('2026-12-01T02:00:00Z');
    await w.submitted(w.p.li);
    await w.submitted(w.p.li);
    // Act
    const run = await escalateOverdueReviews(w.h.deps, { now: '2026-12-04T02:00:00.000Z', pageSize: 1 });
    // Assess
    expect(run).toMatchObject({ overdue: 2, marked: 2, told: 2 });
    expect(await overdueNotes()).toHaveLength(3);
  });
});
