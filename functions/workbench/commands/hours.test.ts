import { harness, type Harness, type Person } from '../../../tests/support/harness';
import { keys } from '../../platform/keys';

let h: Harness;
let organizerA: Person;
let workerA: Person;
let organizerB: Person;
let resident: Person;
let onTeam: Person;
let servedA: Person;
let servedB: Person;

const put = (item: Record<string, unknown>) => h.deps.db.put(item);

async function served(userId: string, activityId: string, servedOn: string, minutes: number) {
  const shiftId = `sh-${activityId}-${servedOn}`;
  await put({ ...keys.hoursEntry(userId, servedOn, shiftId), entity: 'hoursEntry', userId, shiftId, activityId, activityTitle: `活动${activityId}`, servedOn, minutes, claimedMinutes: minutes, confirmedBy: 'org', confirmedAt: `${servedOn}T08:00:00.000Z`, elderToElder: false });
  await h.deps.db.update(keys.hoursTotal(userId), { add: { totalMinutes: minutes, entries: 1 } });
}

beforeAll(async () => {
  h = await harness();
  organizerA = await h.person('周婷', [['organizer', 'c-a']]);
  workerA = await h.person('刘芳', [['communityWorker', 'c-a']]);
  organizerB = await h.person('金组织', [['organizer', 'c-b']]);
  resident = await h.person('王秀兰', [['resident', 'c-a']]);
  onTeam = await h.person('志愿者甲', [['resident', 'c-a']]);
  servedA = await h.person('志愿者乙', [['resident', 'c-a']]);
  servedB = await h.person('志愿者丙', [['resident', 'c-b']]);
  // a team of c-a with onTeam (leader) and servedA; activities of c-a and of c-b
  await put({ ...keys.team('t-a'), ...keys.teamByUnit('c-a', 't-a'), entity: 'team', id: 't-a', unitId: 'c-a', unitPath: ['sd-t', 'c-a'], name: '和平助老队', kind: 'elderCare', leaderIds: [onTeam.id], memberCount: 2, createdAt: '2026-01-01T00:00:00.000Z' });
  await put({ ...keys.teamMember('t-a', onTeam.id), entity: 'teamMember', teamId: 't-a', userId: onTeam.id, displayName: onTeam.displayName, role: 'leader', joinedAt: '2026-01-01T00:00:00.000Z' });
  await put({ ...keys.teamMember('t-a', servedA.id), entity: 'teamMember', teamId: 't-a', userId: servedA.id, displayName: servedA.displayName, role: 'member', joinedAt: '2026-01-01T00:00:00.000Z' });
  await put({ ...keys.activity('act-a'), entity: 'activity', id: 'act-a', unitId: 'c-a', unitPath: ['sd-t', 'c-a'] });
  await put({ ...keys.activity('act-b'), entity: 'activity', id: 'act-b', unitId: 'c-b', unitPath: ['sd-t', 'c-b'] });
  await served(onTeam.id, 'act-b', '2026-10-03', 120);
  await served(onTeam.id, 'act-b', '2026-11-20', 60);
  await served(servedA.id, 'act-a', '2026-11-02', 90);
  await served(servedA.id, 'act-a', '2025-12-20', 30);
  await served(servedB.id, 'act-b', '2026-11-05', 45);
});

const hoursOf = (p: Person, unitId: string, who: Person) => h.api.as(p).get(`/workbench/units/${unitId}/volunteers/${who.id}/hours`);

describe('a volunteer’s hours, opened by staff', () => {
  it('shows an organizer the entries and total of a volunteer on one of their unit’s teams, newest first', async () => {
    // Act
    const res = await hoursOf(organizerA, 'c-a', onTeam);
    // Assess
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ userId: onTeam.id, displayName: '志愿者甲', totalMinutes: 180 });
    expect(res.body.entries.map((e: { servedOn: string }) => e.servedOn)).toEqual(['2026-11-20', '2026-10-03']);
  });

  it('shows a community worker a volunteer who served one of the unit’s activities', async () => {
    const res = await hoursOf(workerA, 'c-a', servedA);
    expect(res.status).toBe(200);
    expect(res.body.totalMinutes).toBe(120);
  });

  it('finds no volunteer who neither is on the unit’s teams nor served its activities', async () => {
    // Act
    const res = await hoursOf(organizerA, 'c-a', servedB);
    // Assess
    expect(res.status).toBe(404);
    expect(res.body.code).toBe('NOT_FOUND');
  });

  it('refuses a resident, and an organizer of another community asking through a unit that is not theirs', async () => {
    const [asResident, otherOrganizer] = await Promise.all([hoursOf(resident, 'c-a', onTeam), hoursOf(organizerB, 'c-a', onTeam)]);
    expect([asResident.status, otherOrganizer.status]).toEqual([403, 403]);
    expect(asResident.body.code).toBe('FORBIDDEN');
  });
});

describe('a team’s hours', () => {
  it('lists the roster with each member’s total and their hours in the period, and the team’s figures for it', async () => {
    // Act
    const res = await h.api.as(organizerA).get('/workbench/volunteer-teams/t-a/hours?from=2026-11-01&to=2026-11-30');
    // Assess
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ teamName: '和平助老队', from: '2026-11-01', to: '2026-11-30', source: 'entries' });
    expect(res.body.roster).toEqual([
      expect.objectContaining({ userId: servedA.id, totalMinutes: 120, periodMinutes: 90, periodEntries: 1, role: 'member' }),
      expect.objectContaining({ userId: onTeam.id, totalMinutes: 180, periodMinutes: 60, periodEntries: 1, role: 'leader' }),
    ]);
    expect(res.body.period).toEqual({ minutes: 150, entries: 2, volunteers: 2 });
  });

  it('takes this year up to today when no period is given', async () => {
    const res = await h.api.as(workerA).get('/workbench/volunteer-teams/t-a/hours');
    expect(res.body).toMatchObject({ from: '2026-01-01', to: '2026-12-01' });
    expect(res.body.period).toEqual({ minutes: 270, entries: 3, volunteers: 2 });
  });

  it('refuses staff of another community and a period that ends before it starts', async () => {
    const [other, backwards, none] = await Promise.all([
      h.api.as(organizerB).get('/workbench/volunteer-teams/t-a/hours'),
      h.api.as(organizerA).get('/workbench/volunteer-teams/t-a/hours?from=2026-11-30&to=2026-11-01'),
      h.api.as(organizerA).get('/workbench/volunteer-teams/t-none/hours'),
    ]);
    expect(other.status).toBe(403);
    expect(backwards.status).toBe(400);
    expect(none.status).toBe(404);
  });
});
