import { drainWork, remindEvents } from '../jobs';
import { signupsWorld, ok } from '../../../tests/support/signups';
import type { Person } from '../../../tests/support/harness';

type World = Awaited<ReturnType<typeof signupsWorld>>;
let w: World;

beforeAll(async () => {
  w = await signupsWorld();
});

const resident = (name: string) => w.h.person(name, [['resident', 'c-a']]);
const register = (p: Person, eventId: string, companions = 0) => w.h.api.as(p).post(`/events/${eventId}/registration`, { companions });

describe('registering for a cultural event', () => {
  it('counts companions against the capacity, waitlists in order, and promotes the first who fits when one cancels', async () => {
    // Prepare: 4 places, one companion each at most
    const eventId = await w.event({ capacity: 4, maxCompanions: 1 });
    const [a, b, c, d] = await Promise.all(['甲', '乙', '丙', '丁'].map(resident));
    // Act
    const ra = await register(a!, eventId, 1); // 2 seats
    const rb = await register(b!, eventId, 0); // 1 seat
    const rc = await register(c!, eventId, 1); // 2 seats: only 1 left, so waits
    const rd = await register(d!, eventId, 0); // 1 seat is free, but c waits first: d waits too
    // Assess
    expect([ra.body.status, rb.body.status, rc.body.status, rd.body.status]).toEqual(['confirmed', 'confirmed', 'waitlisted', 'waitlisted']);
    expect(ra.body.ticket).toMatch(/^t1\./);
    expect(rc.body.ticket).toBeUndefined();
    let detail = ok(await w.h.api.as(a).get(`/events/${eventId}`), 'detail');
    expect(detail.availability).toEqual({ capacity: 4, taken: 3, free: 1, waiting: 2 });
    // b gives back one seat: 2 free, c (2 seats) is first and fits
    ok(await w.h.api.as(b).post(`/events/${eventId}/registration/cancel`), 'cancel');
    detail = ok(await w.h.api.as(c).get(`/events/${eventId}`), 'detail');
    expect(detail.mine).toMatchObject({ status: 'confirmed', seats: 2 });
    expect(detail.mine.ticket).toMatch(/^t1\./);
    expect(detail.availability).toEqual({ capacity: 4, taken: 4, free: 0, waiting: 1 });
    expect((await w.inbox(c!)).map((n) => n.template)).toContain('signupPromoted');
  });

  it('refuses more companions than the event allows', async () => {
    const eventId = await w.event({ capacity: 10, maxCompanions: 1 });
    const res = await register(await resident('多人'), eventId, 3);
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('TOO_MANY_COMPANIONS');
  });

  it('checks a ticket in at the door once, and refuses a forged one or one for another event', async () => {
    // Prepare
    const eventId = await w.event({ capacity: 10 });
    const otherEvent = await w.event({ capacity: 10 });
    const p = await resident('持票人');
    const ticket = (await register(p, eventId)).body.ticket as string;
    const otherTicket = (await register(p, otherEvent)).body.ticket as string;
    // Act + Assess
    const forged = await w.h.api.as(w.organizer).post(`/events/${eventId}/check-in`, { ticket: ticket.replace(/.{4}$/, 'AAAA') });
    expect(forged.body.code).toBe('TICKET_INVALID');
    expect((await w.h.api.as(w.organizer).post(`/events/${eventId}/check-in`, { ticket: otherTicket })).body.code).toBe('TICKET_INVALID');
    expect((await w.h.api.as(p).post(`/events/${eventId}/check-in`, { ticket })).status).toBe(403);
    const first = await w.h.api.as(w.organizer).post(`/events/${eventId}/check-in`, { ticket });
    expect(first.status).toBe(200);
    expect(first.body.checkedInAt).toBeDefined();
    expect((await w.h.api.as(w.organizer).post(`/events/${eventId}/check-in`, { ticket })).body.code).toBe('ALREADY_CHECKED_IN');
    const att = ok(await w.h.api.as(w.organizer).get(`/events/${eventId}/attendance`), 'attendance');
    expect(att).toMatchObject({ checkedIn: 1, checkedInSeats: 1 });
    // once checked in, the place cannot be given back
    expect((await w.h.api.as(p).post(`/events/${eventId}/registration/cancel`)).body.code).toBe('ALREADY_ATTENDED');
  });

  it('keeps an age-banded event to its audience', async () => {
    const eventId = await w.event({ capacity: 10, minAge: 60 });
    const p = await resident('年轻人');
    expect((await register(p, eventId)).body.code).toBe('BIRTH_DATE_REQUIRED');
    const young = await w.h.api.as(p).post(`/events/${eventId}/registration`, { companions: 0, birthDate: '1990-01-01' });
    expect(young.status).toBe(403);
    expect(young.body.code).toBe('NOT_IN_AUDIENCE');
    const old = await w.h.api.as(p).post(`/events/${eventId}/registration`, { companions: 0, birthDate: '1950-01-01' });
    expect(old.status).toBe(201);
  });

  it('lists coming events for the community, and hides them from another community', async () => {
    const eventId = await w.event({ capacity: 10 });
    const list = ok(await w.h.api.as(await resident('看列表')).get('/communities/c-a/events'), 'list');
    expect(list.items.map((e: { id: string }) => e.id)).toContain(eventId);
    const zhao = await w.h.person('赵敏', [['resident', 'c-b']]);
    expect((await w.h.api.as(zhao).get(`/events/${eventId}`)).status).toBe(404);
    expect((await register(zhao, eventId)).status).toBe(404);
  });

  it('reminds everyone registered the day before, once however often the job runs', async () => {
    const eventId = await w.event({ capacity: 10 });
    const p = await resident('提醒');
    ok(await register(p, eventId), 'register');
    const dayBefore = new Date('2026-12-09T02:00:00.000Z');
    const first = await remindEvents(w.h.deps, dayBefore);
    await remindEvents(w.h.deps, dayBefore);
    expect(first.reminded).toBeGreaterThanOrEqual(1);
    expect((await w.inbox(p)).filter((n) => n.template === 'eventReminder')).toHaveLength(1);
  });

  it('tells everyone registered or waiting when the event is cancelled', async () => {
    const eventId = await w.event({ capacity: 1 });
    const [a, b] = await Promise.all([resident('取消甲'), resident('取消乙')]);
    ok(await register(a, eventId), 'a');
    ok(await register(b, eventId), 'b');
    const res = await w.h.api.as(w.organizer).post(`/events/${eventId}/cancel`, { reason: '场地维修' });
    await drainWork(w.h.deps); // the cancel's work item tells them
    expect(res.status).toBe(200);
    expect(res.body.event.state).toBe('cancelled');
    for (const p of [a, b]) expect((await w.inbox(p)).filter((n) => n.template === 'signupCancelled')).toHaveLength(1);
  });
});

describe('changing an event after posting', () => {
  const NEW_START = '2026-12-11T06:00:00.000Z'; // 14:00 in China, the next day
  const NEW_END = '2026-12-11T08:00:00.000Z';

  it('moves the time and the place, tells everyone registered or waiting once, and their registrations follow', async () => {
    // Prepare: 1 place, one registered, one waiting
    const eventId = await w.event({ capacity: 1, maxCompanions: 0 });
    const [a, b] = await Promise.all(['改时甲', '改时乙'].map(resident));
    ok(await register(a!, eventId), 'a');
    ok(await register(b!, eventId), 'b');
    const { event } = ok(await w.h.api.as(w.organizer).get(`/events/${eventId}`), 'detail');
    // Act
    const res = await w.h.api.as(w.organizer).patch(`/events/${eventId}`, { version: event.version, startsAt: NEW_START, endsAt: NEW_END, place: '和平社区礼堂' });
    const retry = await w.h.api.as(w.organizer).patch(`/events/${eventId}`, { version: event.version, startsAt: NEW_START, endsAt: NEW_END, place: '和平社区礼堂' });
    await drainWork(w.h.deps); // the edit's work item tells them
    // Assess
    expect(res.status).toBe(200);
    expect(res.body.event).toMatchObject({ startsAt: NEW_START, place: '和平社区礼堂', version: event.version + 1 });
    expect(retry.body.code).toBe('STALE_VERSION');
    for (const p of [a!, b!]) {
      const changed = (await w.inbox(p)).filter((n) => n.template === 'signupChanged');
      expect(changed).toHaveLength(1);
      expect(changed[0]!.body).toContain('2026-12-11 14:00');
      expect(changed[0]!.body).toContain('和平社区礼堂');
    }
    const mine = ok(await w.h.api.as(a).get('/me/signups'), 'mine').items.find((r: { placeId: string }) => r.placeId === eventId);
    expect(mine).toMatchObject({ startsAt: NEW_START, place: '和平社区礼堂' });
  });

  it('keeps the capacity at or above what is taken, and serves the waitlist when it grows', async () => {
    const eventId = await w.event({ capacity: 2, maxCompanions: 1 });
    const [a, b] = await Promise.all(['扩容甲', '扩容乙'].map(resident));
    ok(await register(a!, eventId, 1), 'a'); // 2 seats: full
    ok(await register(b!, eventId, 0), 'b'); // waits
    const below = await w.h.api.as(w.organizer).patch(`/events/${eventId}`, { version: 0, capacity: 1 });
    expect(below.status).toBe(409);
    expect(below.body.code).toBe('SLOTS_BELOW_TAKEN');
    const grown = ok(await w.h.api.as(w.organizer).patch(`/events/${eventId}`, { version: 0, capacity: 3 }), 'grow');
    expect(grown.availability).toEqual({ capacity: 3, taken: 3, free: 0, waiting: 0 });
    expect(ok(await w.h.api.as(b).get(`/events/${eventId}`), 'b').mine).toMatchObject({ status: 'confirmed' });
  });

  it('refuses a new time after the cancellation cut-off, a time already past, and anyone but its organizers', async () => {
    const eventId = await w.event({ cancelCutoffHours: 24 });
    const someone = await resident('路人');
    expect((await w.h.api.as(someone).patch(`/events/${eventId}`, { version: 0, title: '改个标题' })).status).toBe(403);
    expect((await w.h.api.as(w.organizerB).patch(`/events/${eventId}`, { version: 0, title: '改个标题' })).status).toBe(404);
    const past = await w.h.api.as(w.organizer).patch(`/events/${eventId}`, { version: 0, startsAt: '2026-11-01T01:00:00.000Z', endsAt: '2026-11-01T03:00:00.000Z' });
    expect(past.status).toBe(400);
    const unpaired = await w.h.api.as(w.organizer).patch(`/events/${eventId}`, { version: 0, startsAt: NEW_START });
    expect(unpaired.status).toBe(400);
    w.h.clock.set('2026-12-09T12:00:00.000Z'); // less than 24 h before
    try {
      const late = await w.h.api.as(w.organizer).patch(`/events/${eventId}`, { version: 0, startsAt: NEW_START, endsAt: NEW_END });
      expect(late.body.code).toBe('TIME_CHANGE_CLOSED');
      // the place may still change
      expect((await w.h.api.as(w.organizer).patch(`/events/${eventId}`, { version: 0, place: '和平社区礼堂' })).status).toBe(200);
    } finally {
      w.h.clock.set('2026-12-01T02:00:00.000Z');
    }
  });
});
