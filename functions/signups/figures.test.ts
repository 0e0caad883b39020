import { teamMinutesOf } from '../../shared/signups/figures';
import { countersOf } from '../../tests/support/figures';
import type { Person } from '../../tests/support/harness';
import { SHIFT_START, ok, signupsWorld } from '../../tests/support/signups';
import { eventsRecount, timeBankRecount, volunteeringRecount } from './figures';

type World = Awaited<ReturnType<typeof signupsWorld>>;
let w: World;

beforeAll(async () => {
  w = await signupsWorld();
});
afterEach(() => w.h.clock.set('2026-12-01T02:00:00.000Z'));

const MONTH = '2026-12';
const ON_SITE = new Date(Date.parse(SHIFT_START) - 5 * 60_000).toISOString();

async function code(shiftId: string): Promise<string> {
  return ok(await w.h.api.as(w.organizer).get(`/shifts/${shiftId}/qr`), 'qr').token;
}

/** Signed up, checked in and out of a shift (120 minutes on the clock). */
async function served(shiftId: string, v: Person) {
  ok(await w.h.api.as(v).post(`/shifts/${shiftId}/signup`), 'sign up');
  w.h.clock.set(ON_SITE);
  ok(await w.h.api.as(v).post(`/shifts/${shiftId}/check-in`, { token: await code(shiftId) }), 'check in');
  w.h.clock.advance(120 * 60_000);
  ok(await w.h.api.as(v).post(`/shifts/${shiftId}/check-out`, { token: await code(shiftId) }), 'check out');
  w.h.clock.set('2026-12-01T02:00:00.000Z');
}

describe("the work summary's sign-up figures", () => {
  it("counts confirmed hours once into volunteering, the team's minutes and, for help to elders, the time bank; a sign-up tap counts nothing", async () => {
    // Prepare
    const [leader, member] = await Promise.all([w.volunteer('巡防队长', { birthDate: '1962-01-01' }), w.volunteer('巡防队员', { birthDate: '1961-01-01' })]);
    const team = ok(await w.h.api.as(w.organizer).post('/volunteer-teams', { unitId: 'c-a', name: '和平巡防队', kind: 'patrol', leaderIds: [leader.id] }), 'team');
    ok(await w.h.api.as(leader).post(`/volunteer-teams/${team.team.id}/members`, { userId: member.id, role: 'member' }), 'add member');
    const patrol = await w.activity({ slots: 3, teamId: team.team.id });
    const elderHelp = await w.activity({ slots: 3, elderToElder: true });
    await served(patrol.shiftIds[0]!, leader);
    await served(elderHelp.shiftIds[0]!, member);
    const tapper = await w.volunteer('只报名');
    ok(await w.h.api.as(tapper).post(`/shifts/${elderHelp.shiftIds[0]}/signup`), 'sign up only');
    const before = await countersOf(w.h.deps.db, 'volunteering', 'c-a', MONTH);
    // Act
    const first = await w.h.api.as(w.organizer).post(`/shifts/${patrol.shiftIds[0]}/hours/${leader.id}`, { minutes: 120 });
    const retried = await w.h.api.as(w.organizer).post(`/shifts/${patrol.shiftIds[0]}/hours/${leader.id}`, { minutes: 120 });
    const elder = await w.h.api.as(w.organizer).post(`/shifts/${elderHelp.shiftIds[0]}/hours/${member.id}`, { minutes: 90, reason: '提前离开半小时' });
    // Assess
    expect(before).toEqual({});
    expect([first.status, retried.status, elder.status]).toEqual([200, 409, 200]);
    const volunteering = await countersOf(w.h.deps.db, 'volunteering', 'c-a', MONTH);
    expect(volunteering).toMatchObject({ serviceTimes: 2, serviceMinutes: 210 });
    expect(teamMinutesOf(volunteering)).toEqual([{ teamId: team.team.id, minutes: 120 }]);
    expect(await countersOf(w.h.deps.db, 'timeBank', 'c-a', MONTH)).toEqual({ serviceMinutes: 90 });
    expect(await countersOf(w.h.deps.db, 'volunteering', 'sd-t', MONTH, MONTH, 'subdistrict')).toEqual(volunteering);
    expect(await volunteeringRecount.recount(w.h.deps.db, 'c-a', MONTH, MONTH)).toEqual(volunteering);
  });

  it('counts attendance at the door with companions, the event once at its first check-in, and a ticket scanned twice once', async () => {
    // Prepare
    const eventId = await w.event({ capacity: 10, maxCompanions: 2 });
    const [a, b, c] = await Promise.all(['观众甲', '观众乙', '观众丙'].map((n) => w.h.person(n, [['resident', 'c-a']])));
    const ta = ok(await w.h.api.as(a).post(`/events/${eventId}/registration`, { companions: 2 }), 'register a').ticket as string;
    const tb = ok(await w.h.api.as(b).post(`/events/${eventId}/registration`, { companions: 0 }), 'register b').ticket as string;
    ok(await w.h.api.as(c).post(`/events/${eventId}/registration`, { companions: 1 }), 'register c (does not come)');
    const before = await countersOf(w.h.deps.db, 'events', 'c-a', MONTH);
    // Act
    const first = await w.h.api.as(w.organizer).post(`/events/${eventId}/check-in`, { ticket: ta });
    const twice = await w.h.api.as(w.organizer).post(`/events/${eventId}/check-in`, { ticket: ta });
    const second = await w.h.api.as(w.organizer).post(`/events/${eventId}/check-in`, { ticket: tb });
    // Assess
    expect(before).toEqual({});
    expect([first.status, twice.body.code, second.status]).toEqual([200, 'ALREADY_CHECKED_IN', 200]);
    const events = await countersOf(w.h.deps.db, 'events', 'c-a', MONTH);
    expect(events).toEqual({ eventsHeld: 1, attendance: 4 });
    expect(await eventsRecount.recount(w.h.deps.db, 'c-a', MONTH, MONTH)).toEqual(events);
  });

  it('counts neighbour help once when the one helped confirms it, in the month it was asked for', async () => {
    // Prepare
    const elder = await w.h.person('高奶奶', [['resident', 'c-a']]);
    const worker = await w.h.person('刘芳', [['communityWorker', 'c-a']]);
    const helper = await w.volunteer('王阿姨', { birthDate: '1960-06-01' });
    ok(await w.h.api.as(worker).post(`/time-bank/accounts/${elder.id}/grants`, { minutes: 120, reason: '街道为高龄老人配发' }), 'grant');
    const asked = ok(
      await w.h.api.as(elder).post('/time-bank/requests', { communityId: 'c-a', birthDate: '1944-05-01', service: 'companionship', description: '陪同去社区医院复查', at: '2026-12-12T01:00:00.000Z', minutes: 60 }),
      'request',
    );
    ok(await w.h.api.as(helper).post(`/time-bank/requests/${asked.id}/take`), 'take');
    const before = await countersOf(w.h.deps.db, 'timeBank', 'c-a', MONTH);
    // Act
    const done = await w.h.api.as(elder).post(`/time-bank/requests/${asked.id}/complete`, { minutes: 60 });
    const again = await w.h.api.as(elder).post(`/time-bank/requests/${asked.id}/complete`, { minutes: 60 });
    // Assess
    expect([done.status, again.status]).toEqual([200, 409]);
    const after = await countersOf(w.h.deps.db, 'timeBank', 'c-a', MONTH);
    expect({ helpsDone: after.helpsDone ?? 0, helpMinutes: after.helpMinutes ?? 0 }).toEqual({ helpsDone: (before.helpsDone ?? 0) + 1, helpMinutes: (before.helpMinutes ?? 0) + 60 });
    expect(await timeBankRecount.recount(w.h.deps.db, 'c-a', MONTH, MONTH)).toEqual(after);
  });
});
