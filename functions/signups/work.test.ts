import { signupsWorld, ok } from '../../tests/support/signups';
import { watchTransactions } from '../../tests/support/transactions';
import { keys } from '../platform/keys';
import { drainWork } from './jobs';

jest.setTimeout(120_000);

describe('cancelling for many holders', () => {
  it('cancels and tells each of 250 holders once, off the request, in transactions of at most 100 items', async () => {
    // Prepare: an event with 250 people registered (and 5 who cancelled themselves before)
    const w = await signupsWorld();
    const eventId = await w.event({ capacity: 300 });
    const holders = Array.from({ length: 250 }, (_, i) => `u-holder-${i}`);
    const gone = Array.from({ length: 5 }, (_, i) => `u-gone-${i}`);
    const reservation = (userId: string, status: string) => ({ put: { ...keys.reservation(eventId, userId), entity: 'reservation', placeId: eventId, userId, status, title: '迎新年社区文艺汇演', seats: 1 } });
    const all = [...holders.map((u) => reservation(u, 'confirmed')), ...gone.map((u) => reservation(u, 'cancelled'))];
    for (let i = 0; i < all.length; i += 25) await w.h.deps.db.transact(all.slice(i, i + 25));
    const told = async (userId: string) => (await w.h.deps.db.query<{ template: string }>({ pk: keys.inboxState(userId).pk, prefix: 'INBOX#' })).items.filter((n) => n.template === 'signupCancelled').length;
    const tx = watchTransactions(w.h.deps.db.client);
    // Act: the cancel, then the worker (twice: a re-run tells nobody again)
    const res = ok(await w.h.api.as(w.organizer).post(`/events/${eventId}/cancel`, { reason: '场地维修' }), 'cancel');
    const toldByRequest = await told(holders[0]!);
    const work = await drainWork(w.h.deps);
    const again = await drainWork(w.h.deps);
    tx.stop();
    // Assess
    expect(res.event.state).toBe('cancelled');
    expect(toldByRequest).toBe(0);
    expect(work).toMatchObject({ done: 1, failed: 0, deadLettered: 0 });
    expect(work.chunks).toBeGreaterThanOrEqual(Math.ceil(255 / 24));
    expect(again.chunks).toBe(0);
    expect(await Promise.all(holders.map(told))).toEqual(holders.map(() => 1));
    expect(await Promise.all(gone.map(told))).toEqual(gone.map(() => 0));
    const left = await w.h.deps.db.query<{ status: string }>({ pk: keys.place(eventId).pk, prefix: 'RES#' });
    expect(left.items.every((r) => r.status === 'cancelled')).toBe(true);
    expect(tx.largest()).toBeLessThanOrEqual(100);
  });
});

describe('changing an event for many holders', () => {
  it('tells each of 250 holders of a new place once, off the request, and their registrations follow', async () => {
    // Prepare: an event with 250 people registered (and 5 who cancelled themselves before)
    const w = await signupsWorld();
    const eventId = await w.event({ capacity: 300 });
    const holders = Array.from({ length: 250 }, (_, i) => `u-holder-${i}`);
    const gone = Array.from({ length: 5 }, (_, i) => `u-gone-${i}`);
    const reservation = (userId: string, status: string) => ({ put: { ...keys.reservation(eventId, userId), entity: 'reservation', placeId: eventId, userId, status, title: '迎新年社区文艺汇演', place: '和平社区活动室', seats: 1 } });
    const all = [...holders.map((u) => reservation(u, 'confirmed')), ...gone.map((u) => reservation(u, 'cancelled'))];
    for (let i = 0; i < all.length; i += 25) await w.h.deps.db.transact(all.slice(i, i + 25));
    const told = async (userId: string) => (await w.h.deps.db.query<{ template: string; body: string }>({ pk: keys.inboxState(userId).pk, prefix: 'INBOX#' })).items.filter((n) => n.template === 'signupChanged');
    const { event } = ok(await w.h.api.as(w.organizer).get(`/events/${eventId}`), 'detail');
    const tx = watchTransactions(w.h.deps.db.client);
    // Act: the edit, then the worker (twice: a re-run tells nobody again)
    const res = ok(await w.h.api.as(w.organizer).patch(`/events/${eventId}`, { version: event.version, place: '和平社区礼堂' }), 'edit');
    const toldByRequest = (await told(holders[0]!)).length;
    const work = await drainWork(w.h.deps);
    const again = await drainWork(w.h.deps);
    tx.stop();
    // Assess
    expect(res.event.place).toBe('和平社区礼堂');
    expect(toldByRequest).toBe(0);
    expect(work).toMatchObject({ done: 1, failed: 0, deadLettered: 0 });
    expect(work.chunks).toBeGreaterThanOrEqual(Math.ceil(255 / 24));
    expect(again.chunks).toBe(0);
    const notes = await Promise.all(holders.map(told));
    expect(notes.map((n) => n.length)).toEqual(holders.map(() => 1));
    expect(notes[0]![0]!.body).toContain('地点改为 和平社区礼堂');
    expect((await Promise.all(gone.map(told))).map((n) => n.length)).toEqual(gone.map(() => 0));
    const after = await w.h.deps.db.query<{ userId: string; status: string; place: string }>({ pk: keys.place(eventId).pk, prefix: 'RES#' });
    expect(after.items.filter((r) => r.status !== 'cancelled').map((r) => r.place)).toEqual(holders.map(() => '和平社区礼堂'));
    expect(tx.largest()).toBeLessThanOrEqual(100);
  });
});
