import { harness, type Harness, type Person } from '../../../tests/support/harness';
import { keys } from '../../platform/keys';

// START is 2026-12-01T02:00Z: 10:00 in China on 1 December
const NOW = '2026-12-01T02:00:00.000Z';
const PAST = (days: number) => new Date(Date.parse(NOW) - days * 86_400_000).toISOString();
const LATER = (days: number) => new Date(Date.parse(NOW) + days * 86_400_000).toISOString();

let h: Harness;
let n = 0;
const id = (p: string) => `${p}${++n}`;

beforeAll(async () => {
  h = await harness();
});

const put = (item: Record<string, unknown>) => h.deps.db.put(item);
const workbench = (p: Person, role: string, unitId: string) => h.api.as(p).get(`/me/workbench?role=${role}&unitId=${unitId}`);
const task = (body: { tasks: { key: string }[] }, key: string) => body.tasks.find((t) => t.key === key) as any;

// ---- the queues, written with the keys their capabilities document (platform/keys.ts) ----
const bindingRequest = (c: string) => put({ ...keys.bindingRequest(c, id('u')), entity: 'bindingRequest', requestedAt: NOW });
const inReliefQueue = (level: 'community' | 'subdistrict', unitId: string, waitingSince: string) => {
  const appId = id('app');
  return put({ ...keys.reliefApplication(appId), ...keys.reliefQueue(level, unitId, waitingSince, appId), entity: 'reliefApplication', id: appId, status: 'submitted', waitingSince });
};
const mustVisit = (c: string, status: 'open' | 'done', deadlineAt: string, assigneeId = 'w-x') => {
  const v = id('mv');
  return put({ ...keys.mustVisit(v), ...keys.mustVisitByCommunity(c, status, deadlineAt, v), entity: 'mustVisit', id: v, status, deadlineAt, assigneeId });
};
const announcement = (unitId: string, state: string) => {
  const a = id('ann');
  return put({ ...keys.announcement(a), ...keys.announcementOfUnit(unitId, NOW, a), entity: 'announcement', id: a, state });
};
const gridApplication = (gridId: string, status: string, filedById: string) => {
  const appId = id('app');
  return put({ ...keys.reliefApplication(appId), ...keys.reliefByGrid(gridId, NOW, appId), entity: 'reliefApplication', id: appId, status, filedById });
};
const fiveList = (sd: string, state: string, deadlineAt: string, unitId?: string) => {
  const m = id('m');
  return put({ ...keys.fiveListMatter(m), ...keys.fiveListByState(sd, state, deadlineAt, m), ...(unitId ? keys.fiveListByUnit(unitId, state, deadlineAt, m) : {}), entity: 'fiveListMatter', id: m, state, deadlineAt });
};

describe('a community worker’s workbench', () => {
  it('counts binding requests, applications to review, must-visits (overdue first) and scheduled announcements', async () => {
    // Prepare: c-b, so that nothing else in this file's table is counted
    const worker = await h.person('社工甲', [['communityWorker', 'c-b']]);
    await Promise.all([bindingRequest('c-b'), bindingRequest('c-b')]);
    await Promise.all([inReliefQueue('community', 'c-b', PAST(3)), inReliefQueue('community', 'c-b', PAST(1)), inReliefQueue('community', 'c-a', PAST(9))]);
    await Promise.all([mustVisit('c-b', 'open', PAST(1)), mustVisit('c-b', 'open', LATER(2)), mustVisit('c-b', 'done', PAST(5))]);
    await Promise.all([announcement('c-b', 'scheduled'), announcement('c-b', 'published')]);
    await h.deps.db.update(keys.session('c-b', '2026-12-05'), { add: { matterCount: 4 } });
    // Act
    const res = await workbench(worker, 'communityWorker', 'c-b');
    // Assess
    expect(res.status).toBe(200);
    expect(res.body.unitName).toBe('金绿洲社区');
    expect(task(res.body, 'bindingRequests')).toMatchObject({ count: 2, source: 'indexCount', link: '/packages/worker/bindings/index?communityId=c-b' });
    expect(task(res.body, 'applicationsToReview')).toMatchObject({ count: 2, oldestAt: PAST(3) });
    expect(task(res.body, 'mustVisits')).toMatchObject({ count: 2, overdue: 1, oldestAt: PAST(1) });
    expect(task(res.body, 'scheduledAnnouncements')).toMatchObject({ count: 1 });
    expect(task(res.body, 'nextSession')).toMatchObject({ count: 4, date: '2026-12-05', source: 'counter' });
    expect(res.body.tasks[0].key).toBe('mustVisits');
    expect(res.body.roundTrips).toBe(1);
  });

  it('counts past a page: 130 waiting applications are 130, not the first page', async () => {
    // Prepare
    const sd = await h.person('街道乙', [['subdistrictOfficer', 'sd-t']]);
    for (let i = 0; i < 130; i += 10) await Promise.all(Array.from({ length: 10 }, (_, j) => inReliefQueue('subdistrict', 'sd-t', PAST(1 + ((i + j) % 7)))));
    // Act
    const res = await workbench(sd, 'subdistrictOfficer', 'sd-t');
    // Assess
    expect(task(res.body, 'secondLevelApprovals')).toMatchObject({ count: 130, oldestAt: PAST(7) });
  });

  it('refuses a role the caller does not hold on that unit, and a resident', async () => {
    // Prepare
    const worker = await h.person('社工丙', [['communityWorker', 'c-a']]);
    const resident = await h.person('居民丁', [['resident', 'c-a']]);
    // Act
    const [otherUnit, otherRole, asResident] = await Promise.all([
      workbench(worker, 'communityWorker', 'c-b'),
      workbench(worker, 'subdistrictOfficer', 'sd-t'),
      workbench(resident, 'communityWorker', 'c-a'),
    ]);
    // Assess
    expect([otherUnit.status, otherRole.status, asResident.status]).toEqual([403, 403, 403]);
    expect(asResident.body.code).toBe('FORBIDDEN');
  });

  it('answers 400 with a code for a role that has no workbench', async () => {
    const worker = await h.person('社工戊', [['communityWorker', 'c-a']]);
    const res = await workbench(worker, 'resident', 'c-a');
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('VALIDATION');
  });
});

describe('a grid worker’s workbench', () => {
  it('counts their own visits (overdue first), their proxy drafts and the matters raised for the next session', async () => {
    // Prepare
    const grid = await h.person('网格员甲', [['gridWorker', 'g-a1']]);
    const other = await h.person('网格员乙', [['gridWorker', 'g-a1']]);
    await Promise.all([mustVisit('c-a', 'open', PAST(2), grid.id), mustVisit('c-a', 'open', LATER(1), grid.id), mustVisit('c-a', 'open', PAST(2), other.id)]);
    await Promise.all([gridApplication('g-a1', 'draft', grid.id), gridApplication('g-a1', 'draft', grid.id), gridApplication('g-a1', 'submitted', grid.id), gridApplication('g-a1', 'draft', other.id)]);
    await h.deps.db.update(keys.session('c-a', '2026-12-05'), { add: { matterCount: 3 } });
    // Act
    const res = await workbench(grid, 'gridWorker', 'g-a1');
    // Assess
    expect(res.status).toBe(200);
    expect(task(res.body, 'myVisits')).toMatchObject({ count: 2, overdue: 1, oldestAt: PAST(2) });
    expect(task(res.body, 'proxyDrafts')).toMatchObject({ count: 2 });
    expect(task(res.body, 'mattersToTakeIn')).toMatchObject({ count: 3, source: 'counter' });
    expect(res.body.tasks.map((t: { key: string }) => t.key)).toEqual(['myVisits', 'mattersToTakeIn', 'proxyDrafts']);
  });
});

describe('the officer’s and the joint committee’s workbenches', () => {
  it('shows the dispatch board, the overdue across the lists and the review queue, overdue first', async () => {
    // Prepare: a sub-district of their own
    const units = [{ id: 'sd-o', kind: 'subdistrict' as const, name: '东湖街道', path: ['sd-o'] }];
    const h2 = await harness({ extraUnits: units });
    const officer = await h2.person('黄科长', [['subdistrictOfficer', 'sd-o']]);
    const committee = await h2.person('唐委员', [['jointCommittee', 'sd-o']]);
    const p = (item: Record<string, unknown>) => h2.deps.db.put(item);
    const fl = (state: string, deadlineAt: string) => {
      const m = id('m');
      return p({ ...keys.fiveListMatter(m), ...keys.fiveListByState('sd-o', state, deadlineAt, m), entity: 'fiveListMatter', state, deadlineAt });
    };
    await Promise.all([fl('collected', PAST(1)), fl('collected', LATER(1)), fl('returned', LATER(2)), fl('dispatched', PAST(3)), fl('dispatched', LATER(1)), fl('claimed', PAST(4)), fl('resolved', PAST(9))]);
    // Act
    const [o, c] = await Promise.all([
      h2.api.as(officer).get('/me/workbench?role=subdistrictOfficer&unitId=sd-o'),
      h2.api.as(committee).get('/me/workbench?role=jointCommittee&unitId=sd-o'),
    ]);
    // Assess
    expect(task(o.body, 'dispatchBoard')).toMatchObject({ count: 3, overdue: 1, oldestAt: PAST(1) });
    expect(task(o.body, 'overdueFiveLists')).toMatchObject({ count: 3, overdue: 3 });
    expect(task(o.body, 'secondLevelApprovals')).toMatchObject({ count: 0 });
    expect(task(o.body, 'workSummary')).toMatchObject({ source: 'link', link: '/packages/workSummary/summary/index' });
    expect(o.body.tasks.map((t: { key: string }) => t.key)).toEqual(['overdueFiveLists', 'dispatchBoard', 'secondLevelApprovals', 'moderation', 'workSummary']);
    expect(c.body.tasks).toEqual([expect.objectContaining({ key: 'reviewQueue', count: 2, overdue: 1, oldestAt: PAST(3) })]);
    expect((await h2.api.as(committee).get('/me/workbench?role=subdistrictOfficer&unitId=sd-o')).status).toBe(403);
  });
});

describe('a unit contact’s workbench', () => {
  it('counts matters to claim and to resolve with the overdue, and shows the year’s score from the ledger', async () => {
    // Prepare
    const contact = await h.person('孙明', [['unitContact', 'p-water']]);
    await Promise.all([fiveList('sd-t', 'reviewed', PAST(1), 'p-water'), fiveList('sd-t', 'reopened', LATER(1), 'p-water'), fiveList('sd-t', 'claimed', LATER(3), 'p-water')]);
    await put({ ...keys.unitScoreEntry('sd-t', 2026, 'p-water', 'm-s1'), entity: 'unitScoreEntry', unitId: 'p-water', matterId: 'm-s1', resolved: true, onTime: true, round: 0, satisfied: 2, partly: 0, notSatisfied: 0, starSum: 10 });
    // Act
    const res = await workbench(contact, 'unitContact', 'p-water');
    // Assess
    expect(task(res.body, 'toClaim')).toMatchObject({ count: 2, overdue: 1, oldestAt: PAST(1) });
    expect(task(res.body, 'toResolve')).toMatchObject({ count: 1, overdue: 0, oldestAt: LATER(3) });
    expect(task(res.body, 'unitScore')).toMatchObject({ count: 1, score: 100, stars: null, source: 'records' });
    expect(res.body.tasks[0].key).toBe('toClaim');
  });
});

describe('an organizer’s workbench', () => {
  it('counts their activities and events, today’s check-ins and the hours waiting for them, none of another organizer’s', async () => {
    // Prepare
    const org = await h.person('周婷', [['organizer', 'c-a']]);
    const other = await h.person('吴组织', [['organizer', 'c-a']]);
    const activity = (organizerId: string, shifts: { id: string; startsAt: string; endsAt: string }[]) => {
      const a = id('act');
      const last = shifts.map((s) => s.endsAt).sort().at(-1)!;
      return put({ ...keys.activity(a), ...keys.activityByUnit('c-a', last, a), entity: 'activity', id: a, unitId: 'c-a', unitPath: ['sd-t', 'c-a'], organizerId, state: 'published', shifts });
    };
    const today = { id: id('sh'), startsAt: '2026-12-01T01:00:00.000Z', endsAt: '2026-12-01T05:00:00.000Z' };
    const yesterday = { id: id('sh'), startsAt: '2026-11-30T01:00:00.000Z', endsAt: '2026-11-30T03:00:00.000Z' };
    const next = { id: id('sh'), startsAt: LATER(3), endsAt: LATER(3.1) };
    await activity(org.id, [today, yesterday, next]);
    await activity(other.id, [{ id: id('sh'), startsAt: LATER(2), endsAt: LATER(2.1) }]);
    const res = (placeId: string, userId: string, extra: Record<string, unknown>) => put({ ...keys.reservation(placeId, userId), entity: 'reservation', placeId, userId, status: 'confirmed', ...extra });
    await Promise.all([
      res(today.id, 'v1', { checkedInAt: '2026-12-01T01:05:00.000Z', hoursStatus: 'none' }),
      res(today.id, 'v2', { checkedInAt: '2026-12-01T01:10:00.000Z', hoursStatus: 'none' }),
      res(today.id, 'v3', { hoursStatus: 'none' }),
      res(yesterday.id, 'v1', { checkedInAt: '2026-11-30T01:00:00.000Z', checkedOutAt: '2026-11-30T03:00:00.000Z', hoursStatus: 'pending' }),
      res(yesterday.id, 'v2', { checkedInAt: '2026-11-30T01:00:00.000Z', checkedOutAt: '2026-11-30T03:00:00.000Z', hoursStatus: 'confirmed' }),
    ]);
    const event = (organizerId: string, startsAt: string, endsAt: string) => {
      const e = id('ev');
      return put({ ...keys.event(e), ...keys.eventByUnit('c-a', endsAt, e), entity: 'event', id: e, unitId: 'c-a', organizerId, state: 'published', startsAt, endsAt });
    };
    await Promise.all([event(org.id, LATER(5), LATER(5.1)), event(other.id, LATER(5), LATER(5.1))]);
    // Act
    const wb = await workbench(org, 'organizer', 'c-a');
    // Assess
    expect(wb.status).toBe(200);
    expect(task(wb.body, 'myActivities')).toMatchObject({ count: 1 });
    expect(task(wb.body, 'myEvents')).toMatchObject({ count: 1 });
    expect(task(wb.body, 'checkInsToday')).toMatchObject({ count: 2, date: '2026-12-01' });
    expect(task(wb.body, 'hoursToConfirm')).toMatchObject({ count: 1 });
    expect(wb.body.roundTrips).toBe(2);
  });

  it('counts, for an organizer of the sub-district, what they posted to the communities under it', async () => {
    // Prepare
    const sdOrg = await h.person('街道组织者', [['organizer', 'sd-t']]);
    const a = id('act');
    const end = LATER(4);
    await put({ ...keys.activity(a), ...keys.activityByUnit('c-b', end, a), entity: 'activity', id: a, unitId: 'c-b', unitPath: ['sd-t', 'c-b'], organizerId: sdOrg.id, state: 'published', shifts: [{ id: id('sh'), startsAt: LATER(3.9), endsAt: end }] });
    const e = id('ev');
    await put({ ...keys.event(e), ...keys.eventByUnit('sd-t', end, e), entity: 'event', id: e, unitId: 'sd-t', organizerId: sdOrg.id, state: 'published', startsAt: LATER(3.9), endsAt: end });
    // Act
    const wb = await workbench(sdOrg, 'organizer', 'sd-t');
    // Assess
    expect(task(wb.body, 'myActivities')).toMatchObject({ count: 1 });
    expect(task(wb.body, 'myEvents')).toMatchObject({ count: 1 });
    expect(wb.body.roundTrips).toBe(2);
  });
});
