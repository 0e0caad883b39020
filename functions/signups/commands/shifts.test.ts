import { signupsWorld, ok } from '../../../tests/support/signups';
import { drainWork } from '../jobs';

type World = Awaited<ReturnType<typeof signupsWorld>>;
let w: World;

beforeAll(async () => {
  w = await signupsWorld();
});

jest.setTimeout(120_000);

async function roster(shiftId: string) {
  return ok(await w.h.api.as(w.organizer).get(`/shifts/${shiftId}/roster`), 'roster');
}

describe('signing up for a shift', () => {
  it('takes exactly the slots when many sign up at once, waitlists ten in a strict order and tells the rest it is full', async () => {
    // Prepare
    const { shiftIds } = await w.activity({ slots: 5 });
    const people = await w.volunteers(30, '并发');
    // Act
    const results = await Promise.all(people.map((p) => w.h.api.as(p).post(`/shifts/${shiftIds[0]}/signup`)));
    // Assess
    const confirmed = results.filter((r) => r.status === 201 && r.body.status === 'confirmed');
    const waitlisted = results.filter((r) => r.status === 201 && r.body.status === 'waitlisted');
    const full = results.filter((r) => r.status === 409 && r.body.code === 'PLACE_FULL');
    expect([confirmed.length, waitlisted.length, full.length]).toEqual([5, 10, 15]);
    const positions = waitlisted.map((r) => r.body.position as number);
    expect(new Set(positions).size).toBe(10);
    const r = await roster(shiftIds[0]!);
    expect(r.availability).toEqual({ capacity: 5, taken: 5, free: 0, waiting: 10 });
    // the roster lists the waitlist by position
    const listed = r.items.filter((i: { status: string }) => i.status === 'waitlisted').map((i: { position: number }) => i.position);
    expect(listed).toEqual([...positions].sort((a, b) => a - b));
  });

  it('promotes exactly one, the first waiting, when a place is given back, and tells them', async () => {
    // Prepare
    const { shiftIds } = await w.activity({ slots: 2 });
    const [a, b, c, d] = await w.volunteers(4, '候补');
    for (const p of [a!, b!, c!, d!]) ok(await w.h.api.as(p).post(`/shifts/${shiftIds[0]}/signup`), 'sign up');
    // Act
    const cancelled = await w.h.api.as(a).post(`/shifts/${shiftIds[0]}/signup/cancel`);
    // Assess
    expect(cancelled.status).toBe(200);
    expect(cancelled.body.status).toBe('cancelled');
    const r = await roster(shiftIds[0]!);
    expect(r.availability).toEqual({ capacity: 2, taken: 2, free: 0, waiting: 1 });
    const byUser = Object.fromEntries(r.items.map((i: { userId: string; status: string }) => [i.userId, i.status]));
    expect(byUser).toEqual({ [b!.id]: 'confirmed', [c!.id]: 'confirmed', [d!.id]: 'waitlisted' });
    const told = await w.inbox(c!);
    expect(told.filter((n) => n.template === 'signupPromoted')).toHaveLength(1);
    expect(await w.inbox(d!)).toEqual([]);
  });

  it('serves the waitlist in order when places are given back and new sign-ups arrive at the same time', async () => {
    // Prepare
    const { shiftIds } = await w.activity({ slots: 3 });
    // 3 seated and 7 waiting, then 3 more: never more than the 10 a waitlist holds, so nobody is told it is full
    const first = await w.volunteers(10, '先');
    const firstResults = await Promise.all(first.map((p) => w.h.api.as(p).post(`/shifts/${shiftIds[0]}/signup`)));
    const holders = firstResults.filter((r) => r.body.status === 'confirmed').map((r) => r.body.userId as string);
    const queue = firstResults
      .filter((r) => r.body.status === 'waitlisted')
      .sort((x, y) => x.body.position - y.body.position)
      .map((r) => r.body.userId as string);
    const late = await w.volunteers(3, '后');
    const byId = new Map([...first, ...late].map((p) => [p.id, p]));
    // Act: every holder gives back their place while six more sign up
    const results = await Promise.all([
      ...holders.map((id) => w.h.api.as(byId.get(id)).post(`/shifts/${shiftIds[0]}/signup/cancel`)),
      ...late.map((p) => w.h.api.as(p).post(`/shifts/${shiftIds[0]}/signup`)),
    ]);
    // Assess
    expect(results.every((r) => r.status < 300)).toBe(true);
    const r = await roster(shiftIds[0]!);
    expect(r.availability.taken).toBe(3);
    const nowConfirmed = r.items.filter((i: { status: string }) => i.status === 'confirmed').map((i: { userId: string }) => i.userId).sort();
    expect(nowConfirmed).toEqual(queue.slice(0, 3).sort());
    // the late ones queue behind everyone who was already waiting
    const waiting = r.items.filter((i: { status: string }) => i.status === 'waitlisted').map((i: { userId: string }) => i.userId);
    expect(waiting.slice(0, queue.length - 3)).toEqual(queue.slice(3));
    expect(new Set(waiting.slice(queue.length - 3))).toEqual(new Set(late.map((p) => p.id)));
  });

  it('gives one place to a volunteer who taps sign-up ten times at once', async () => {
    const { shiftIds } = await w.activity({ slots: 3 });
    const [p] = await w.volunteers(1, '连点');
    const results = await Promise.all(Array.from({ length: 10 }, () => w.h.api.as(p).post(`/shifts/${shiftIds[0]}/signup`)));
    expect(results.every((r) => r.status === 201 && r.body.status === 'confirmed')).toBe(true);
    expect((await roster(shiftIds[0]!)).availability).toEqual({ capacity: 3, taken: 1, free: 2, waiting: 0 });
  });

  it('waitlists a sign-up on a full shift in two DynamoDB round trips (one read, one transaction)', async () => {
    // Prepare
    const { shiftIds } = await w.activity({ slots: 1 });
    const [a, b, c] = await w.volunteers(3, '往返');
    ok(await w.h.api.as(a).post(`/shifts/${shiftIds[0]}/signup`), 'first');
    ok(await w.h.api.as(b).post(`/shifts/${shiftIds[0]}/signup`), 'second');
    // Act
    const res = await w.h.api.as(c).post(`/shifts/${shiftIds[0]}/signup`);
    // Assess
    expect(res.body).toMatchObject({ status: 'waitlisted', position: 2 });
    expect(Number(res.headers['x-db-calls'])).toBeLessThanOrEqual(2);
  });

  it('tells a volunteer the shift is full, writing nothing, once as many wait as it has places (at least 10)', async () => {
    // Prepare: 1 seated, 10 waiting
    const { shiftIds } = await w.activity({ slots: 1 });
    const people = await w.volunteers(12, '排满');
    for (const p of people.slice(0, 11)) ok(await w.h.api.as(p).post(`/shifts/${shiftIds[0]}/signup`), 'sign up');
    // Act
    const res = await w.h.api.as(people[11]).post(`/shifts/${shiftIds[0]}/signup`);
    // Assess
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ code: 'PLACE_FULL', message: '名额已满，候补也已排满' });
    const r = await roster(shiftIds[0]!);
    expect(r.availability).toEqual({ capacity: 1, taken: 1, free: 0, waiting: 10 });
    expect(r.items.map((i: { userId: string }) => i.userId)).not.toContain(people[11]!.id);
    // a place given back makes room in the queue again
    ok(await w.h.api.as(people[0]).post(`/shifts/${shiftIds[0]}/signup/cancel`), 'give back');
    expect(ok(await w.h.api.as(people[11]).post(`/shifts/${shiftIds[0]}/signup`), 'again')).toMatchObject({ status: 'waitlisted', position: 11 });
  });

  it('queues a volunteer who taps ten times on a full shift once, and counts them once', async () => {
    const { shiftIds } = await w.activity({ slots: 1 });
    const [a, p] = await w.volunteers(2, '满员连点');
    ok(await w.h.api.as(a).post(`/shifts/${shiftIds[0]}/signup`), 'first');
    const results = await Promise.all(Array.from({ length: 10 }, () => w.h.api.as(p).post(`/shifts/${shiftIds[0]}/signup`)));
    expect(results.every((r) => r.status === 201 && r.body.status === 'waitlisted')).toBe(true);
    expect(new Set(results.map((r) => r.body.position)).size).toBe(1);
    expect((await roster(shiftIds[0]!)).availability).toEqual({ capacity: 1, taken: 1, free: 0, waiting: 1 });
    // the positions the other taps gave up are stepped past: the place given back goes to the one who waits
    ok(await w.h.api.as(a).post(`/shifts/${shiftIds[0]}/signup/cancel`), 'give back');
    expect((await roster(shiftIds[0]!)).availability).toEqual({ capacity: 1, taken: 1, free: 0, waiting: 0 });
  });

  it('holds the cancellation cut-off for a place, but lets anyone leave the waitlist', async () => {
    // Prepare
    const { shiftIds } = await w.activity({ slots: 1, cancelCutoffHours: 24 });
    const [a, b] = await w.volunteers(2, '截止');
    ok(await w.h.api.as(a).post(`/shifts/${shiftIds[0]}/signup`), 'a');
    ok(await w.h.api.as(b).post(`/shifts/${shiftIds[0]}/signup`), 'b');
    const saved = w.h.clock.now();
    w.h.clock.set('2026-12-09T02:00:00.000Z'); // 23 hours before the shift
    try {
      // Act
      const late = await w.h.api.as(a).post(`/shifts/${shiftIds[0]}/signup/cancel`);
      const leave = await w.h.api.as(b).post(`/shifts/${shiftIds[0]}/signup/cancel`);
      // Assess
      expect(late.status).toBe(409);
      expect(late.body.code).toBe('CANCEL_CUTOFF_PASSED');
      expect(leave.status).toBe(200);
      expect((await roster(shiftIds[0]!)).availability).toEqual({ capacity: 1, taken: 1, free: 0, waiting: 0 });
    } finally {
      w.h.clock.set(saved);
    }
  });

  it('refuses a resident who is not a registered volunteer, and serves another community nothing', async () => {
    const { shiftIds } = await w.activity({ slots: 3 });
    const plain = await w.h.person('未注册', [['resident', 'c-a']]);
    const res = await w.h.api.as(plain).post(`/shifts/${shiftIds[0]}/signup`);
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('NOT_A_VOLUNTEER');
    const other = await w.volunteer('外社区', { community: 'c-b' });
    expect((await w.h.api.as(other).post(`/shifts/${shiftIds[0]}/signup`)).status).toBe(404);
    expect((await w.h.api.as(other).get(`/activities/${shiftIds[0]!.replace(/-\d+$/, '')}`)).status).toBe(404);
  });

  it('keeps drafts from volunteers until published', async () => {
    const { activityId, shiftIds } = await w.activity({ slots: 3, publish: false });
    const [p] = await w.volunteers(1, '草稿');
    expect((await w.h.api.as(p).post(`/shifts/${shiftIds[0]}/signup`)).status).toBe(404);
    ok(await w.h.api.as(w.organizer).post(`/activities/${activityId}/publish`), 'publish');
    expect((await w.h.api.as(p).post(`/shifts/${shiftIds[0]}/signup`)).status).toBe(201);
    const list = ok(await w.h.api.as(p).get('/communities/c-a/activities'), 'list');
    expect(list.items.map((a: { id: string }) => a.id)).toContain(activityId);
  });

  it('lets a team-only shift be taken by the team alone', async () => {
    const [leader, member, outsider] = await Promise.all([w.volunteer('队长'), w.volunteer('队员'), w.volunteer('队外')]);
    const team = ok(await w.h.api.as(w.organizer).post('/volunteer-teams', { unitId: 'c-a', name: '和平巡防队', kind: 'patrol', leaderIds: [leader.id] }), 'team');
    ok(await w.h.api.as(leader).post(`/volunteer-teams/${team.team.id}/members`, { userId: member.id, role: 'member' }), 'add member');
    const { shiftIds } = await w.activity({ slots: 3, teamId: team.team.id });
    expect((await w.h.api.as(member).post(`/shifts/${shiftIds[0]}/signup`)).status).toBe(201);
    const refused = await w.h.api.as(outsider).post(`/shifts/${shiftIds[0]}/signup`);
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('NOT_TEAM_MEMBER');
  });

  it('edits slots within the rules: never below what is taken; more slots serve the waitlist', async () => {
    const { activityId, shiftIds, detail } = await w.activity({ slots: 2 });
    const people = await w.volunteers(3, '扩容');
    for (const p of people) ok(await w.h.api.as(p).post(`/shifts/${shiftIds[0]}/signup`), 'sign up');
    const tooFew = await w.h.api.as(w.organizer).patch(`/activities/${activityId}`, { version: detail.activity.version, shifts: [{ id: shiftIds[0], slots: 1 }] });
    expect(tooFew.status).toBe(409);
    expect(tooFew.body.code).toBe('SLOTS_BELOW_TAKEN');
    const more = await w.h.api.as(w.organizer).patch(`/activities/${activityId}`, { version: detail.activity.version, title: '垃圾分类督导（扩招）', shifts: [{ id: shiftIds[0], slots: 3 }] });
    expect(more.status).toBe(200);
    expect(more.body.availability[shiftIds[0]!]).toEqual({ capacity: 3, taken: 3, free: 0, waiting: 0 });
  });

  it('tells everyone signed up of a new place for their shift, and their sign-ups follow', async () => {
    const { activityId, shiftIds, detail } = await w.activity({ slots: 2 });
    const [a, other] = await w.volunteers(2, '改地点');
    ok(await w.h.api.as(a).post(`/shifts/${shiftIds[0]}/signup`), 'sign up');
    const res = ok(await w.h.api.as(w.organizer).patch(`/activities/${activityId}`, { version: detail.activity.version, shifts: [{ id: shiftIds[0], place: '和平社区东门' }] }), 'edit');
    expect(res.activity.shifts[0].place).toBe('和平社区东门');
    await drainWork(w.h.deps); // the edit's work item tells them
    const told = (await w.inbox(a!)).filter((n) => n.template === 'signupChanged');
    expect(told).toHaveLength(1);
    expect(told[0]!.body).toContain('和平社区东门');
    expect(await w.inbox(other!)).toEqual([]);
    const mine = ok(await w.h.api.as(a).get('/me/signups'), 'mine').items.find((r: { placeId: string }) => r.placeId === shiftIds[0]);
    expect(mine.place).toBe('和平社区东门');
  });

  it('tells everyone signed up or waiting when the activity is cancelled', async () => {
    const { activityId, shiftIds } = await w.activity({ slots: 1 });
    const [a, b] = await w.volunteers(2, '取消');
    for (const p of [a!, b!]) ok(await w.h.api.as(p).post(`/shifts/${shiftIds[0]}/signup`), 'sign up');
    const res = await w.h.api.as(w.organizer).post(`/activities/${activityId}/cancel`, { reason: '暴雨预警' });
    await drainWork(w.h.deps); // the cancel's work item tells them
    expect(res.status).toBe(200);
    expect(res.body.activity.state).toBe('cancelled');
    for (const p of [a!, b!]) expect((await w.inbox(p)).filter((n) => n.template === 'signupCancelled')).toHaveLength(1);
    // a repeat tells nobody twice
    ok(await w.h.api.as(w.organizer).post(`/activities/${activityId}/cancel`, { reason: '暴雨预警' }), 'again');
    await drainWork(w.h.deps);
    expect((await w.inbox(a!)).filter((n) => n.template === 'signupCancelled')).toHaveLength(1);
    const late = await w.volunteer('取消后');
    expect((await w.h.api.as(late).post(`/shifts/${shiftIds[0]}/signup`)).body.code).toBe('PLACE_NOT_OPEN');
  });
});
