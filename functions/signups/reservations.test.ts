import { harness, type Harness } from '../../tests/support/harness';
import { makeCtx, type Ctx } from '../platform/context';
import { keys } from '../platform/keys';
import * as engine from './reservations';

let h: Harness;
let ctx: Ctx;
let n = 0;

beforeAll(async () => {
  h = await harness();
  ctx = makeCtx(h.deps, 'engine-test');
});

async function place(capacity: number): Promise<engine.PlaceRecord> {
  const p = engine.newPlace({
    id: `engine-${++n}`,
    kind: 'event',
    ownerId: `engine-${n}`,
    title: '测试',
    startsAt: '2026-12-10T01:00:00.000Z',
    endsAt: '2026-12-10T03:00:00.000Z',
    place: '礼堂',
    unitPath: ['sd-t', 'c-a'],
    organizerId: 'org',
    state: 'open',
    capacity,
    maxSeats: 3,
    maxCompanions: 2,
    cancelCutoffAt: '2026-12-09T01:00:00.000Z',
  });
  await h.deps.db.put(engine.placeItem(p));
  return p;
}

const holder = (id: string) => ({ userId: id, displayName: id });

describe('the reservation engine', () => {
  it('closes a waitlist position that was handed out but never written, and serves the next in order', async () => {
    // Prepare: one seat taken; a request took position 1 and died; then b queued at 2
    const p = await place(1);
    await engine.reserve(ctx, p, holder('a'), 0);
    await h.deps.db.update(keys.place(p.id), { add: { waitSeq: 1, waiting: 1 } }); // the dead request's position (and its count)
    const b = await engine.reserve(ctx, (await engine.getPlace(ctx, p.id))!, holder('b'), 0);
    expect(b).toMatchObject({ status: 'waitlisted', position: 2 });
    // Act
    await engine.cancel(ctx, p.id, 'a');
    // Assess
    expect(await engine.getReservation(ctx, p.id, 'b')).toMatchObject({ status: 'confirmed' });
    expect(await h.deps.db.get(keys.waitlistEntry(p.id, 1))).toMatchObject({ state: 'void' });
    expect(engine.availabilityOf((await engine.getPlace(ctx, p.id))!)).toEqual({ capacity: 1, taken: 1, free: 0, waiting: 0 });
  });

  it('holds everyone behind a head that needs more seats than are free', async () => {
    const p = await place(3);
    await engine.reserve(ctx, p, holder('a'), 1); // 2 seats
    const big = await engine.reserve(ctx, (await engine.getPlace(ctx, p.id))!, holder('big'), 2); // 3 seats: waits
    const small = await engine.reserve(ctx, (await engine.getPlace(ctx, p.id))!, holder('small'), 0); // 1 seat is free, but big is first
    expect([big.status, small.status]).toEqual(['waitlisted', 'waitlisted']);
    await engine.cancel(ctx, p.id, 'a');
    expect((await engine.getReservation(ctx, p.id, 'big'))!.status).toBe('confirmed');
    expect((await engine.getReservation(ctx, p.id, 'small'))!.status).toBe('waitlisted');
  });

  it('lets the next in line move up when the head leaves the waitlist and seats are free', async () => {
    const p = await place(3);
    await engine.reserve(ctx, p, holder('a'), 1);
    await engine.reserve(ctx, (await engine.getPlace(ctx, p.id))!, holder('big'), 2);
    await engine.reserve(ctx, (await engine.getPlace(ctx, p.id))!, holder('small'), 0);
    await engine.cancel(ctx, p.id, 'big');
    expect((await engine.getReservation(ctx, p.id, 'small'))!.status).toBe('confirmed');
    expect(engine.availabilityOf((await engine.getPlace(ctx, p.id))!)).toEqual({ capacity: 3, taken: 3, free: 0, waiting: 0 });
  });

  it('answers full from the counter it was given, without a call to the table, once the waitlist is as long as it may be', async () => {
    // Prepare: 1 seated and the 10 a waitlist holds
    const p = await place(1);
    for (let i = 0; i < 11; i++) await engine.reserve(ctx, (await engine.getPlace(ctx, p.id))!, holder(`full-${i}`), 0);
    const counted = { ...ctx, db: h.deps.db.withMetrics({ calls: 0, capacity: 0, ms: 0 }) };
    const read = (await engine.getPlace(ctx, p.id))!;
    // Act
    const refused = await engine.reserve(counted, read, holder('full-late'), 0).catch((e: { status?: number; code?: string }) => e);
    // Assess
    expect(refused).toMatchObject({ status: 409, code: 'PLACE_FULL' });
    expect(counted.db.metrics.calls).toBe(0);
    expect(await engine.getReservation(ctx, p.id, 'full-late')).toBeUndefined();
  });

  it('keeps the waitlist within its limit when the counter read was stale: the queue refuses, and says it is full', async () => {
    // Prepare: everyone read the counter while the seat was free
    const p = await place(1);
    // Act
    const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => engine.reserve(ctx, p, holder(`stale-${i}`), 0).then((r) => r.status as string, (e: { code?: string }) => e.code!)));
    // Assess
    const count = (s: string) => answers.filter((a) => a === s).length;
    expect([count('confirmed'), count('waitlisted'), count('PLACE_FULL')]).toEqual([1, 10, 9]);
    const waiting = (await engine.listReservations(ctx, p.id)).filter((r) => r.status === 'waitlisted').map((r) => r.position).sort((a, b) => a! - b!);
    expect(waiting).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });

  it('never overbooks when sign-ups with companions and cancellations race', async () => {
    const p = await place(7);
    const ids = Array.from({ length: 24 }, (_, i) => `r${i}`);
    // more than the 7 seats and the 10 a waitlist holds: the rest are told it is full
    const refused = (await Promise.all(ids.map((id, i) => engine.reserve(ctx, p, holder(id), i % 3).then(() => undefined, (e: { code?: string }) => e.code)))).filter(Boolean);
    expect(new Set(refused)).toEqual(new Set(refused.length ? ['PLACE_FULL'] : []));
    // one told the place was full holds nothing to cancel; any other refusal is a failure of the test
    await Promise.all(ids.slice(0, 8).map((id) => engine.cancel(ctx, p.id, id).catch((e: { code?: string }) => expect(e.code).toBe('NOT_SIGNED_UP'))));
    const after = (await engine.getPlace(ctx, p.id))!;
    const all = await engine.listReservations(ctx, p.id);
    const seated = all.filter((r) => r.status === 'confirmed').reduce((s, r) => s + r.seats, 0);
    expect(after.taken).toBe(seated);
    expect(after.taken).toBeLessThanOrEqual(7);
    expect(after.free).toBe(7 - seated);
    // whoever waits could not be seated in order: the head does not fit
    const waiting = all.filter((r) => r.status === 'waitlisted').sort((x, y) => x.position! - y.position!);
    if (waiting.length) expect(waiting[0]!.seats).toBeGreaterThan(after.free);
  });
});
