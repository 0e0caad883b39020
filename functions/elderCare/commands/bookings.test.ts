import { harness, type Harness, type Person } from '../../../tests/support/harness';
import { canteenUnit, elderCareWorld, idem } from '../../../tests/support/elderCare';

let h: Harness;
let w: ReturnType<typeof elderCareWorld>;
let worker: Person;
let gridWorker: Person;
let providerId: string;

// START is 2026-12-01 10:00 China: the slots below are for the days after
beforeAll(async () => {
  h = await harness({ extraUnits: [canteenUnit] });
  w = elderCareWorld(h);
  worker = await h.person('刘芳', [['communityWorker', 'c-a']]);
  gridWorker = await h.person('陈志强', [['gridWorker', 'g-a1']]);
  providerId = (await w.provider(worker)).id;
});

describe('booking a slot', () => {
  it('never gives more places than the slot has, whatever the burst: the rest wait in order', async () => {
    // Prepare
    const [slot] = await w.slots(worker, { providerId, days: ['2026-12-03'], capacity: 3 });
    const elders = await Promise.all(Array.from({ length: 8 }, (_, i) => w.resident(`老人${i}`)));
    // Act
    const answers = await Promise.all(elders.map((e) => w.book(e, { slotId: slot!.id, mode: 'servicePoint' })));
    // Assess
    expect(answers.every((a) => a.status === 201)).toBe(true);
    const confirmed = answers.filter((a) => a.body.status === 'confirmed');
    const waiting = answers.filter((a) => a.body.status === 'waitlisted').map((a) => a.body.position).sort();
    expect(confirmed).toHaveLength(3);
    expect(waiting).toEqual([1, 2, 3, 4, 5]);
    const list = w.ok(await h.api.as(elders[0]!).get('/communities/c-a/elder-care/slots?kind=meal'), 'slots');
    expect(list.items.find((s: { id: string }) => s.id === slot!.id)).toMatchObject({ capacity: 3, taken: 3, free: 0, waiting: 5 });
  });

  it('gives a cancelled place to the first who waits, and the booking says so', async () => {
    // Prepare
    const [slot] = await w.slots(worker, { providerId, days: ['2026-12-04'], capacity: 1 });
    const first = await w.resident('先到');
    const second = await w.resident('后到');
    const a = w.ok(await w.book(first, { slotId: slot!.id }), 'book first');
    const b = w.ok(await w.book(second, { slotId: slot!.id }), 'book second');
    expect(b.status).toBe('waitlisted');
    // Act
    const cancelled = await h.api.as(first).post(`/elder-care/bookings/${a.id}/cancel`);
    // Assess
    expect(cancelled.body.status).toBe('cancelled');
    const mine = w.ok(await h.api.as(second).get('/me/elder-care/bookings'), 'mine');
    expect(mine.items.find((x: { id: string }) => x.id === b.id).status).toBe('confirmed');
  });

  it('refuses a booking or a cancellation after the cut-off (09:00 that day)', async () => {
    // Prepare
    const [slot] = await w.slots(worker, { providerId, days: ['2026-12-02'], capacity: 5 });
    const elder = await w.resident('王大爷');
    const booked = w.ok(await w.book(elder, { slotId: slot!.id }), 'book');
    const late = await w.resident('李大妈');
    // Act: 09:00 China time on the 2nd has passed
    h.clock.set('2026-12-02T01:00:00.000Z');
    const refused = await w.book(late, { slotId: slot!.id });
    const cancel = await h.api.as(elder).post(`/elder-care/bookings/${booked.id}/cancel`);
    h.clock.set('2026-12-01T02:00:00.000Z');
    // Assess
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('BOOKING_CLOSED');
    expect(cancel.status).toBe(409);
    expect(cancel.body.code).toBe('CANCEL_CUTOFF_PASSED');
  });

  it('books once however often the same request is sent', async () => {
    // Prepare
    const [slot] = await w.slots(worker, { providerId, days: ['2026-12-05'], capacity: 5 });
    const elder = await w.resident('张奶奶');
    const headers = idem();
    // Act
    const answers = await Promise.all([w.book(elder, { slotId: slot!.id }, headers), w.book(elder, { slotId: slot!.id }, headers), w.book(elder, { slotId: slot!.id })]);
    // Assess
    expect(answers.map((a) => a.status)).toEqual([201, 201, 201]);
    expect(new Set(answers.map((a) => a.body.id)).size).toBe(1);
    const list = w.ok(await h.api.as(elder).get('/communities/c-a/elder-care/slots?kind=meal'), 'slots');
    expect(list.items.find((s: { id: string }) => s.id === slot!.id).taken).toBe(1);
  });
});

describe('the subsidy', () => {
  it('gives 高龄 by birth year, 低保 from the relief registry, and the larger of the two, never summed', async () => {
    // Prepare: the default menu's meal costs 15 yuan; 高龄 (80+) 5 yuan off, 低保 10 yuan off
    const [slot] = await w.slots(worker, { providerId, days: ['2026-12-06'], capacity: 10 });
    const young = await w.resident('六十岁', { birthYear: 1966 });
    const old = await w.resident('八十五岁', { birthYear: 1941 });
    const poorOld = await w.resident('低保高龄', { birthYear: 1940 });
    await w.dibao(poorOld);
    // Act
    const [a, b, c] = await Promise.all([young, old, poorOld].map((p) => w.book(p, { slotId: slot!.id })));
    // Assess
    expect(a!.body).toMatchObject({ priceFen: 1500, subsidyFen: 0, payFen: 1500, subsidyFor: [] });
    expect(b!.body).toMatchObject({ subsidyFen: 500, payFen: 1000, subsidyFor: ['senior'] });
    expect(c!.body).toMatchObject({ subsidyFen: 1000, payFen: 500 });
    expect(c!.body.subsidyFor).toEqual(expect.arrayContaining(['senior', 'dibao']));
  });
});

describe('booking for someone else', () => {
  it('lets a worker book for a resident of their community only with recorded consent', async () => {
    // Prepare
    const [slot] = await w.slots(worker, { providerId, days: ['2026-12-07'], serviceId: 'bath', servicePointId: 'sp1', startTime: '14:00', cutoffTime: undefined, capacity: 2 });
    const elder = await w.resident('赵爷爷', { birthYear: 1938 });
    const outsider = await h.person('别的社区的人', [['communityWorker', 'c-b']]);
    // Act
    const noConsent = await w.book(gridWorker, { slotId: slot!.id, elderId: elder.id });
    const notTheirs = await w.book(outsider, { slotId: slot!.id, elderId: elder.id, consent: { method: 'phone' } });
    const booked = await w.book(gridWorker, { slotId: slot!.id, elderId: elder.id, consent: { method: 'inPerson', note: '入户时本人同意' } });
    // Assess
    expect(noConsent.status).toBe(422);
    expect(noConsent.body.code).toBe('PROXY_CONSENT_REQUIRED');
    expect(notTheirs.status).toBe(404);
    expect(booked.status).toBe(201);
    expect(booked.body).toMatchObject({ elderId: elder.id, bookedBy: { userId: gridWorker.id, as: 'worker' }, consent: { method: 'inPerson', note: '入户时本人同意' } });
    const elderSees = w.ok(await h.api.as(elder).get('/me/elder-care/bookings'), 'elder');
    expect(elderSees.items.map((b: { id: string }) => b.id)).toContain(booked.body.id);
  });

  it('lets family book only once the elder has confirmed the link', async () => {
    // Prepare
    const [slot] = await w.slots(worker, { providerId, days: ['2026-12-08'], capacity: 2 });
    const elder = await w.resident('钱奶奶', { birthYear: 1942 });
    const daughter = await h.person('钱女儿');
    const code = w.ok(await h.api.as(elder).post('/me/elder-care/family-code'), 'code').code;
    w.ok(await h.api.as(daughter).post('/elder-care/family-links', { code, relation: '女儿' }), 'link');
    // Act
    const before = await w.book(daughter, { slotId: slot!.id, elderId: elder.id, mode: 'home' });
    w.ok(await h.api.as(elder).post(`/me/elder-care/family/${daughter.id}/confirm`), 'confirm');
    const after = await w.book(daughter, { slotId: slot!.id, elderId: elder.id, mode: 'home' });
    // Assess
    expect(before.status).toBe(404);
    expect(after.status).toBe(201);
    expect(after.body).toMatchObject({ elderId: elder.id, mode: 'home', bookedBy: { as: 'family' } });
    const home = w.ok(await h.api.as(daughter).get('/me/elder-care'), 'home');
    expect(home.elders.map((e: { userId: string }) => e.userId)).toEqual([elder.id]);
  });
});

describe('meals a week at a time', () => {
  it('orders seven lunches in one request, answering a full day beside the others', async () => {
    // Prepare
    const days = ['2026-12-14', '2026-12-15', '2026-12-16', '2026-12-17', '2026-12-18', '2026-12-19', '2026-12-20'];
    const week = await w.slots(worker, { providerId, days, capacity: 1 });
    const other = await w.resident('抢先的人');
    w.ok(await w.book(other, { slotId: week[2]!.id }), 'other');
    const elder = await w.resident('孙爷爷', { birthYear: 1936 });
    // Act
    const order = w.ok(await h.api.as(elder).post('/elder-care/meal-orders', { slotIds: week.map((s) => s.id), mode: 'home' }, idem()), 'order');
    // Assess
    expect(order.items).toHaveLength(7);
    expect(order.items.filter((i: { booking?: { status: string } }) => i.booking?.status === 'confirmed')).toHaveLength(6);
    expect(order.items[2].booking.status).toBe('waitlisted');
    expect(order.items.every((i: { booking?: { mode: string } }) => i.booking?.mode === 'home')).toBe(true);
  });
});
