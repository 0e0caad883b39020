import { readFigureCounters, sumByLedger } from '../../platform/figures';
import { canteenUnit, elderCareWorld } from '../../../tests/support/elderCare';
import { harness, type Harness, type Person } from '../../../tests/support/harness';
import { elderCareRecount } from '../figures';

let h: Harness;
let w: ReturnType<typeof elderCareWorld>;
let worker: Person;
let contact: Person;
let otherContact: Person;
let providerId: string;

beforeAll(async () => {
  h = await harness({ extraUnits: [canteenUnit, { id: 'p-other', kind: 'partnerUnit', name: '别家公司', parentId: 'sd-t', path: ['sd-t', 'p-other'] }] });
  w = elderCareWorld(h);
  worker = await h.person('刘芳', [['communityWorker', 'c-a']]);
  contact = await h.person('食堂经理', [['unitContact', canteenUnit.id]]);
  otherContact = await h.person('别家经理', [['unitContact', 'p-other']]);
  providerId = (await w.provider(worker)).id;
});

const photo = (p: Person) => `uploads/${p.id}/served1.jpg`;

describe('the provider serves', () => {
  it("shows the provider's contact the day's bookings, and nobody else's contact", async () => {
    // Prepare
    const [slot] = await w.slots(contact, { providerId, days: ['2026-12-02'], capacity: 5 });
    const elder = await w.resident('王秀兰', { birthYear: 1940 });
    w.ok(await w.book(elder, { slotId: slot!.id }), 'book');
    // Act
    const mine = await h.api.as(contact).get(`/elder-care/providers/${providerId}/bookings?day=2026-12-02`);
    const theirs = await h.api.as(otherContact).get(`/elder-care/providers/${providerId}/bookings?day=2026-12-02`);
    // Assess
    expect(mine.status).toBe(200);
    expect(mine.body.items.map((b: { elderName: string }) => b.elderName)).toEqual(['王秀兰']);
    expect(theirs.status).toBe(404);
    const home = w.ok(await h.api.as(contact).get('/me/elder-care'), 'home');
    expect(home.providers).toEqual([{ id: providerId, name: '和平长者食堂' }]);
  });

  it('counts a service once, when it is served, with its subsidy; the elder is told and rates it once', async () => {
    // Prepare
    const [slot] = await w.slots(contact, { providerId, days: ['2026-12-03'], capacity: 5 });
    const elder = await w.resident('李建国', { birthYear: 1938 });
    const booked = w.ok(await w.book(elder, { slotId: slot!.id }), 'book');
    const early = await h.api.as(contact).post(`/elder-care/bookings/${booked.id}/serve`, { photoKey: photo(contact) });
    w.ok(await h.api.as(contact).post(`/elder-care/bookings/${booked.id}/accept`), 'accept');
    const before = sumByLedger(await readFigureCounters(h.deps.db, 'community', 'c-a', '2026-12', '2026-12')).elderCare ?? {};
    // Act: lunch time on the 3rd
    h.clock.set('2026-12-03T04:00:00.000Z');
    const served = await Promise.all([1, 2].map(() => h.api.as(contact).post(`/elder-care/bookings/${booked.id}/serve`, { photoKey: photo(contact) })));
    const rated = await h.api.as(elder).post(`/elder-care/bookings/${booked.id}/rating`, { stars: 5, comment: '饭菜可口' });
    const again = await h.api.as(elder).post(`/elder-care/bookings/${booked.id}/rating`, { stars: 1 });
    h.clock.set('2026-12-01T02:00:00.000Z');
    // Assess
    expect(early.status).toBe(409);
    expect(early.body.code).toBe('NOT_YET_SERVABLE');
    expect(served.every((s) => s.status === 200 && s.body.status === 'served')).toBe(true);
    const after = sumByLedger(await readFigureCounters(h.deps.db, 'community', 'c-a', '2026-12', '2026-12')).elderCare!;
    expect((after.servicesServed ?? 0) - (before.servicesServed ?? 0)).toBe(1);
    expect((after.mealsServed ?? 0) - (before.mealsServed ?? 0)).toBe(1);
    expect((after.subsidyFen ?? 0) - (before.subsidyFen ?? 0)).toBe(500);
    expect(rated.body.rating).toMatchObject({ stars: 5, comment: '饭菜可口' });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('ALREADY_RATED');
    expect((await w.inboxOf(elder.id)).map((i) => i.title)).toEqual(expect.arrayContaining(['服务已确认', '服务已完成']));
  });

  it('refuses a photo that is not the server’s own upload, and a rating before the service', async () => {
    // Prepare
    const [slot] = await w.slots(contact, { providerId, days: ['2026-12-04'], capacity: 5 });
    const elder = await w.resident('赵敏');
    const booked = w.ok(await w.book(elder, { slotId: slot!.id }), 'book');
    // Act
    const notMine = await h.api.as(contact).post(`/elder-care/bookings/${booked.id}/serve`, { photoKey: photo(elder) });
    const tooSoon = await h.api.as(elder).post(`/elder-care/bookings/${booked.id}/rating`, { stars: 4 });
    // Assess
    expect(notMine.status).toBe(403);
    expect(notMine.body.code).toBe('UPLOAD_NOT_YOURS');
    expect(tooSoon.status).toBe(409);
    expect(tooSoon.body.code).toBe('BOOKING_NOT_SERVED');
  });

  it('recounts the served figures from the records to what the counters hold', async () => {
    // Act
    const counters = sumByLedger(await readFigureCounters(h.deps.db, 'community', 'c-a', '2026-12', '2026-12')).elderCare!;
    const recount = await elderCareRecount.recount(h.deps.db, 'c-a', '2026-12', '2026-12');
    // Assess
    expect(recount).toEqual(counters);
    expect(recount.servicesServed).toBeGreaterThan(0);
  });
});
