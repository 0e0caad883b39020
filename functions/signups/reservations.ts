import { text } from '../../shared/notifications/texts';
import { chinaDateTime } from '../../shared/platform/chinaTime';
import { cancelRefusal, decide, headAction, isFull, queued, seatsFor, signupRefusal, waitlistLimit, type PlacePolicy } from '../../shared/signups/reservation';
import type { PlaceKind, Reservation } from '../../shared/signups/schemas';
import { runningAs } from '../platform/capability';
import type { Ctx } from '../platform/context';
import { ConditionFailed, TransactionCancelled, type Item, type TxWrite } from '../platform/db';
import { ApiError, BusyError, ConflictError, NotFoundError } from '../platform/errors';
import { keys } from '../platform/keys';
import { notificationWrites } from '../platform/notify';

/**
 * The reservation engine's data access: one module for shifts and events (and, later, elder-care bookings).
 *
 * A place is one partition `PLACE#p`: its counter (`COUNTER`: capacity, free, taken, waiting, the waitlist's `waitSeq`
 * and `head`), one reservation per person (`RES#u`) and the waitlist (`WAIT#<position>`). Invariants, each a condition:
 * - never overbooked: a seat is taken in one transaction with the reservation, on `free >= seats`;
 * - one reservation per person: the put is on `attribute_not_exists(pk) OR status = cancelled` (a retry finds it);
 * - nobody overtakes the waitlist: confirming also needs `head > waitSeq` (no position handed out and unsettled);
 * - the waitlist is served strictly in order: positions come from the counter's sequence (an atomic ADD), and only
 *   the position at `head` is ever promoted, on `head = h`. A position allocated but never written (a request that
 *   died, or one still in flight) is closed with a void entry, so it can never be skipped over and later jump in:
 *   the late writer's put fails and it queues again at the back.
 */
export interface PlaceRecord extends PlacePolicy {
  id: string;
  kind: PlaceKind;
  /** the activity or the event */
  ownerId: string;
  title: string;
  endsAt: string;
  place: string;
  unitPath: string[];
  organizerId: string;
  teamId?: string;
  elderToElder?: boolean;
  minAge?: number;
  maxAge?: number;
  free: number;
  taken: number;
  waiting: number;
  /** the last waitlist position handed out */
  waitSeq: number;
  /** the lowest position not yet settled (promoted, left, or closed) */
  head: number;
}

export type ReservationRecord = Omit<Reservation, 'ticket'>;

interface WaitEntry {
  position: number;
  userId: string;
  seats: number;
  state: 'live' | 'void' | 'promoted';
  /** a hole whose writer already took it off the waiting count */
  uncounted?: boolean;
}

/** the holder of a closed position */
const HOLE = '-';

const MAX_ATTEMPTS = 40;

export function newPlace(p: Omit<PlaceRecord, 'free' | 'taken' | 'waiting' | 'waitSeq' | 'head'>): PlaceRecord {
  return { ...p, free: p.capacity, taken: 0, waiting: 0, waitSeq: 0, head: 1 };
}

export function placeItem(p: PlaceRecord): Item {
  return { ...keys.place(p.id), entity: 'place', ...p };
}

function waitlistEntryItem(placeId: string, position: number, userId: string, seats: number, at: string): Item {
  return { ...keys.waitlistEntry(placeId, position), entity: 'waitlistEntry', position, userId, seats, state: 'live', at };
}

function reservationItem(r: ReservationRecord): Item {
  return { ...keys.reservation(r.placeId, r.userId), ...keys.reservationByHolder(r.userId, r.endsAt, r.placeId), entity: 'reservation', ...r };
}

const strip = <T>(it: Item): T => {
  const { pk, sk, gsi1pk, gsi1sk, entity, ...rest } = it;
  void pk, sk, gsi1pk, gsi1sk, entity;
  return rest as T;
};

export async function getPlace(ctx: Ctx, placeId: string): Promise<PlaceRecord | undefined> {
  const it = await ctx.db.get(keys.place(placeId), true);
  return it ? strip<PlaceRecord>(it) : undefined;
}

export async function getReservation(ctx: Ctx, placeId: string, userId: string): Promise<ReservationRecord | undefined> {
  const it = await ctx.db.get(keys.reservation(placeId, userId), true);
  return it ? strip<ReservationRecord>(it) : undefined;
}

/** The place, the reader's reservation and any other items the caller needs, in one round trip. */
export async function getPlaceWith(ctx: Ctx, placeId: string, userId: string, extra: { pk: string; sk: string }[] = []) {
  const items = await ctx.db.batchGet([keys.place(placeId), keys.reservation(placeId, userId), ...extra]);
  const find = (k: { pk: string; sk: string }) => items.find((i) => i.pk === k.pk && i.sk === k.sk);
  const place = find(keys.place(placeId));
  const res = find(keys.reservation(placeId, userId));
  return {
    place: place ? strip<PlaceRecord>(place) : undefined,
    reservation: res ? strip<ReservationRecord>(res) : undefined,
    extra: extra.map(find),
  };
}

/** Counters of many places: one round trip. */
export async function getPlaces(ctx: Ctx, placeIds: string[]): Promise<PlaceRecord[]> {
  if (!placeIds.length) return [];
  return (await ctx.db.batchGet(placeIds.map((id) => keys.place(id)))).map((i) => strip<PlaceRecord>(i));
}

export async function myReservations(ctx: Ctx, placeIds: string[], userId: string): Promise<ReservationRecord[]> {
  if (!placeIds.length) return [];
  return (await ctx.db.batchGet(placeIds.map((id) => keys.reservation(id, userId)))).map((i) => strip<ReservationRecord>(i));
}

export async function listReservations(ctx: Ctx, placeId: string): Promise<ReservationRecord[]> {
  const out: ReservationRecord[] = [];
  let cursor: string | undefined;
  do {
    const page = await ctx.db.query({ pk: keys.place(placeId).pk, prefix: 'RES#', cursor, consistent: true });
    out.push(...page.items.map((i) => strip<ReservationRecord>(i)));
    cursor = page.cursor;
  } while (cursor);
  return out;
}

/** A person's reservations not over at `now`, the soonest to end first (the index sorts by end), a page at a time. */
export async function reservationsOfHolder(ctx: Ctx, userId: string, now: string, page: { limit: number; cursor?: string }): Promise<{ items: ReservationRecord[]; cursor?: string }> {
  const out = await ctx.db.query({ index: 'gsi1', pk: `HOLDER#${userId}`, from: now, limit: page.limit, cursor: page.cursor });
  return { items: out.items.map((i) => strip<ReservationRecord>(i)), cursor: out.cursor };
}

export function availabilityOf(p: PlaceRecord) {
  // `waiting` is a display count (see reserve): never shown below zero, never above what the queue could hold
  return { capacity: p.capacity, taken: p.taken, free: p.free, waiting: Math.max(0, Math.min(p.waiting, queued(p))) };
}

/** Contention on one counter (many sign-ups at once) cancels some transactions: they try again after a short, random wait. */
export function isContention(e: unknown): boolean {
  // the Db layer's own retries ran out (503 if it reached the caller): here, one more try after a pause
  if (e instanceof BusyError) return true;
  if (e instanceof TransactionCancelled) return e.reasons.some((r) => r === 'TransactionConflict' || r === 'ThrottlingError' || r === 'ProvisionedThroughputExceeded');
  const name = e instanceof Error ? e.name : '';
  return ['TransactionConflictException', 'TransactionInProgressException', 'ThrottlingException', 'ProvisionedThroughputExceededException'].includes(name);
}
/**
 * Whether the function is within 2 s of its timeout: another attempt could be cut off half-way, so the request answers
 * 503 BUSY_TRY_AGAIN instead (the client comes back), never a Lambda timeout.
 */
function outOfTime(): boolean {
  const deadline = runningAs()?.deadline;
  return deadline !== undefined && Date.now() > deadline - 2000;
}
export const pause = (attempt: number) => new Promise((r) => setTimeout(r, Math.random() * Math.min(250, 5 * 2 ** Math.min(attempt, 6))));

function refuse(code: ReturnType<typeof signupRefusal>): never {
  if (code === 'PLACE_NOT_OPEN' || code === 'SIGNUP_CLOSED') throw new ConflictError(code);
  throw new ApiError(422, code!);
}

export interface Holder {
  userId: string;
  displayName: string;
}

/**
 * Takes seats for a person (and their companions), or a place on the waitlist when none are free or others wait.
 * Idempotent: a second sign-up by the same person answers the reservation they hold.
 */
export async function reserve(ctx: Ctx, first: PlaceRecord, holder: Holder, companions: number): Promise<ReservationRecord> {
  const seats = seatsFor(companions);
  let place = first;
  // whether `place` is what the counter said a moment ago (the first read, or the item a failed condition handed back)
  let current = true;
  for (let attempt = 0; attempt < MAX_ATTEMPTS && !outOfTime(); attempt++) {
    if (!current) {
      await pause(attempt);
      place = (await getPlace(ctx, place.id)) ?? place;
    }
    current = false;
    const now = ctx.clock.now();
    const refusal = signupRefusal(place, companions, now);
    if (refusal) refuse(refusal);
    const at = now.toISOString();
    const base: ReservationRecord = {
      placeId: place.id,
      kind: place.kind,
      ownerId: place.ownerId,
      title: place.title,
      startsAt: place.startsAt,
      endsAt: place.endsAt,
      place: place.place,
      userId: holder.userId,
      displayName: holder.displayName,
      companions,
      seats,
      status: 'confirmed',
      createdAt: at,
      updatedAt: at,
      hoursStatus: 'none',
    };
    const reservationCondition = { expr: 'attribute_not_exists(#pk) OR #status = :cancelled', values: { ':cancelled': 'cancelled' } };

    const confirm = decide({ free: place.free, waiting: queued(place) }, seats) === 'confirm';
    // no seat now and the queue as long as it may be: answered from the read alone, nothing written (see waitlistLimit)
    if (!confirm && isFull(place)) throw new ConflictError('PLACE_FULL');

    if (confirm) {
      try {
        await ctx.db.transact([
          {
            update: keys.place(place.id),
            spec: {
              add: { free: -seats, taken: seats },
              if: {
                // head > waitSeq: nobody is queued, nor about to be
                expr: '#state = :open AND #startsAt > :now AND #free >= :seats AND #head > #waitSeq',
                values: { ':open': 'open', ':now': at, ':seats': seats },
              },
            },
            tag: 'seat',
          },
          { put: reservationItem(base), if: reservationCondition, tag: 'mine' },
        ]);
        return base;
      } catch (e) {
        if (e instanceof TransactionCancelled && e.failed('mine')) {
          const held = await getReservation(ctx, place.id, holder.userId);
          if (held && held.status !== 'cancelled') return held;
          continue;
        }
        // The counter refused: the seats went (many read the last free ones at once), others queue, or the place
        // closed. Straight to the waitlist, whose own condition tells which: no second read of the counter.
        if (!(e instanceof TransactionCancelled && e.failed('seat'))) {
          if (e instanceof TransactionCancelled || isContention(e)) continue; // busy: look again
          throw e;
        }
      }
    } else {
      // The waitlist in one write (2 round trips with the read): the next position after the one the read saw, taken in
      // one transaction with the entry and the reservation, on `waitSeq` being still what was read. Nobody else can
      // have that position, and no position is ever handed out without its entry. When others joined meanwhile (the
      // condition fails) the atomic ADD below takes over, which never conflicts with another joining.
      const position = place.waitSeq + 1;
      const waitlisted: ReservationRecord = { ...base, status: 'waitlisted', position };
      try {
        await ctx.db.transact([
          {
            update: keys.place(place.id),
            spec: {
              add: { waitSeq: 1, waiting: 1 },
              if: {
                expr: '#state = :open AND #startsAt > :now AND #waitSeq = :seen AND (#free < :seats OR #head <= #waitSeq)',
                values: { ':open': 'open', ':now': at, ':seats': seats, ':seen': place.waitSeq },
              },
            },
            tag: 'queue',
          },
          { put: waitlistEntryItem(place.id, position, holder.userId, seats, at), if: { expr: 'attribute_not_exists(#pk)' }, tag: 'queue' },
          { put: reservationItem(waitlisted), if: reservationCondition, tag: 'mine' },
        ]);
        // seats were free as it queued (the head needs more than there are): serve the queue, and answer what it made of this
        if (place.free > 0 && (await settle(ctx, place.id)) > 0) return (await getReservation(ctx, place.id, holder.userId)) ?? waitlisted;
        return waitlisted;
      } catch (e) {
        if (e instanceof TransactionCancelled && e.failed('mine')) {
          const held = await getReservation(ctx, place.id, holder.userId);
          if (held && held.status !== 'cancelled') return held;
          continue;
        }
        if (!(e instanceof TransactionCancelled || isContention(e))) throw e;
      }
    }

    // The waitlist. A position comes from the counter's sequence by an atomic ADD (an update, not a transaction, so
    // many joining at once do not conflict), only while seats are short or others queue; the same update counts the
    // person as waiting (for display). Then the entry and the reservation are written together: one read, two writes.
    // Whoever finds the position still unwritten when it reaches the head closes it. `waitSeq < cap` keeps the queue
    // within its limit; `cap` counts from the head as read, which only grows, so it is never too generous, and a
    // refusal hands back the counter that says whether it is full.
    let after: PlaceRecord;
    try {
      after = strip<PlaceRecord>(
        await ctx.db.update(keys.place(place.id), {
          add: { waitSeq: 1, waiting: 1 },
          if: {
            expr: '#state = :open AND #startsAt > :now AND (#free < :seats OR #head <= #waitSeq) AND #waitSeq < :cap',
            values: { ':open': 'open', ':now': at, ':seats': seats, ':cap': place.head + waitlistLimit(place) - 1 },
          },
        }),
      );
    } catch (e) {
      if (e instanceof ConditionFailed) {
        // closed, or seats came free: the counter as it stood decides the next attempt, without reading it again
        if (e.item) {
          place = strip<PlaceRecord>(e.item);
          current = true;
        }
        continue;
      }
      if (isContention(e)) continue;
      throw e;
    }
    const position = after.waitSeq;
    const waitlisted: ReservationRecord = { ...base, status: 'waitlisted', position };
    try {
      await ctx.db.transact([
        { put: waitlistEntryItem(place.id, position, holder.userId, seats, at), if: { expr: 'attribute_not_exists(#pk)' } },
        { put: reservationItem(waitlisted), if: reservationCondition, tag: 'mine' },
      ]);
    } catch (e) {
      // the position stays unused: closed here (and uncounted) unless the queue got to it first
      if (await closeHole(ctx, place.id, position, true)) await uncount(ctx, place.id);
      if (e instanceof TransactionCancelled && e.failed('mine')) {
        const held = await getReservation(ctx, place.id, holder.userId);
        if (held && held.status !== 'cancelled') return held;
      }
      if (e instanceof TransactionCancelled || isContention(e)) continue;
      throw e;
    }
    // seats were free as the position was handed out (the head needs more than there are, or a promotion was
    // interrupted): serve the queue, and answer what it made of this reservation
    if (after.free > 0 && (await settle(ctx, place.id)) > 0) return (await getReservation(ctx, place.id, holder.userId)) ?? waitlisted;
    return waitlisted;
  }
  // contention outlasted every attempt (thousands tapping one place at once): come back in a moment
  throw new BusyError();
}

/** A position counted as waiting that nobody holds (its writer failed and closed it): no longer counted. */
async function uncount(ctx: Ctx, placeId: string): Promise<void> {
  try {
    await ctx.db.update(keys.place(placeId), { add: { waiting: -1 } });
  } catch (e) {
    // busy: a display count stays one high (the queue itself is right); anything else is a fault to see
    if (!(e instanceof BusyError)) throw e;
    ctx.log.warn('waiting count not updated', { placeId });
  }
}

/**
 * A position handed out but not written is closed, so the queue never waits on it and nobody can slip in there later.
 * `uncounted`: the writer that gave it up closed it and takes it off the waiting count itself; otherwise the queue
 * does, as it steps past.
 */
async function closeHole(ctx: Ctx, placeId: string, position: number, uncounted = false): Promise<boolean> {
  try {
    await ctx.db.put(
      {
        ...keys.waitlistEntry(placeId, position),
        entity: 'waitlistEntry',
        position,
        state: 'void',
        seats: 0,
        userId: HOLE,
        ...(uncounted ? { uncounted: true } : {}),
        at: ctx.clock.now().toISOString(),
      },
      { expr: 'attribute_not_exists(#pk)' },
    );
    return true;
  } catch (e) {
    if (e instanceof ConditionFailed) return false;
    // busy: left open, the queue closes it when it reaches it (settle); anything else is a fault to see
    if (!(e instanceof BusyError)) throw e;
    ctx.log.warn('closeHole failed', { placeId, position });
    return false;
  }
}

/** The writes that move the head of the waitlist into the seats, given what the counter must look like. */
function promotionWrites(ctx: Ctx, place: PlaceRecord, head: WaitEntry, at: string): TxWrite[] {
  const link =
    place.kind === 'elderCare'
      ? '/packages/elderCare/bookings/index'
      : place.kind === 'event'
        ? `/packages/signups/event/index?id=${place.ownerId}`
        : `/packages/signups/activity/index?id=${place.ownerId}`;
  const when = chinaDateTime(place.startsAt);
  return [
    { update: keys.waitlistEntry(place.id, head.position), spec: { set: { state: 'promoted' }, if: { expr: '#state = :live', values: { ':live': 'live' } } } },
    {
      update: keys.reservation(place.id, head.userId),
      spec: {
        set: { status: 'confirmed', promotedAt: at, updatedAt: at },
        remove: ['position'],
        if: { expr: '#status = :waitlisted AND #position = :p', values: { ':waitlisted': 'waitlisted', ':p': head.position } },
      },
    },
    ...notificationWrites(ctx, {
      userId: head.userId,
      template: 'signupPromoted',
      text: text('signups.promoted', { title: place.title, when, place: place.place }),
      link,
      data: { thing1: place.title.slice(0, 20), time2: when, thing3: place.place.slice(0, 20) },
      dedupeKey: `promoted#${place.id}#${head.position}`,
    }),
  ];
}

/**
 * Serves the waitlist while seats are free, strictly in order: only the entry at `head` is promoted, each promotion a
 * transaction on `head = h`. Safe to run at any time and by many at once; it does nothing when nothing fits.
 */
export async function settle(ctx: Ctx, placeId: string): Promise<number> {
  let promoted = 0;
  for (let round = 0; round < 200; round++) {
    const place = await getPlace(ctx, placeId);
    const at = ctx.clock.now().toISOString();
    if (!place || place.state !== 'open' || place.startsAt <= at) return promoted;
    if (place.free <= 0 || place.head > place.waitSeq) return promoted;
    const raw = await ctx.db.get(keys.waitlistEntry(placeId, place.head), true);
    const head = raw as unknown as WaitEntry | undefined;
    const action = headAction(head, place.free);
    if (action === 'wait') return promoted;
    try {
      if (action === 'hole') {
        await closeHole(ctx, placeId, place.head);
      } else if (action === 'skip') {
        // a hole still counted as waiting (its request died, or the queue closed it first) stops counting as the queue steps past
        const hole = head!.userId === HOLE && !head!.uncounted;
        await ctx.db.update(keys.place(placeId), {
          set: { head: place.head + 1 },
          ...(hole ? { add: { waiting: -1 } } : {}),
          if: { expr: '#head = :h', values: { ':h': place.head } },
        });
      } else {
        await ctx.db.transact([
          {
            update: keys.place(placeId),
            spec: {
              add: { free: -head!.seats, taken: head!.seats, waiting: -1 },
              set: { head: place.head + 1 },
              if: { expr: '#state = :open AND #head = :h AND #free >= :seats', values: { ':open': 'open', ':h': place.head, ':seats': head!.seats } },
            },
          },
          ...promotionWrites(ctx, place, head!, at),
        ]);
        promoted++;
      }
    } catch (e) {
      if (e instanceof ConditionFailed || e instanceof TransactionCancelled || isContention(e)) {
        await pause(round);
        continue; // someone else moved the queue: look again
      }
      throw e;
    }
  }
  return promoted;
}

/**
 * Gives back a person's seats (before the cut-off) or their place in the queue. Giving back seats promotes the first
 * waitlisted in the same transaction when they fit; anything further (more seats freed than the head needs) is
 * settled right after, in order.
 */
export async function cancel(ctx: Ctx, placeId: string, userId: string): Promise<ReservationRecord> {
  for (let attempt = 0; attempt < MAX_ATTEMPTS && !outOfTime(); attempt++) {
    if (attempt > 0) await pause(attempt);
    const [place, res] = await Promise.all([getPlace(ctx, placeId), getReservation(ctx, placeId, userId)]);
    if (!place) throw new NotFoundError('place');
    const now = ctx.clock.now();
    const at = now.toISOString();
    const refusal = cancelRefusal(place, res, now);
    if (refusal === 'NOT_SIGNED_UP') throw new NotFoundError('reservation', 'NOT_SIGNED_UP');
    if (refusal) throw new ConflictError(refusal);
    const r = res!;
    const cancelled: ReservationRecord = { ...r, status: 'cancelled', updatedAt: at };
    delete cancelled.position;
    try {
      if (r.status === 'waitlisted') {
        await ctx.db.transact([
          {
            update: keys.reservation(placeId, userId),
            spec: { set: { status: 'cancelled', updatedAt: at }, remove: ['position'], if: { expr: '#status = :w AND #position = :p', values: { ':w': 'waitlisted', ':p': r.position } } },
          },
          { update: keys.waitlistEntry(placeId, r.position!), spec: { set: { state: 'void' }, if: { expr: '#state = :live', values: { ':live': 'live' } } } },
          { update: keys.place(placeId), spec: { add: { waiting: -1 } } },
        ]);
        if (place.free > 0) await settle(ctx, placeId);
        return cancelled;
      }
      const writes: TxWrite[] = [
        {
          update: keys.reservation(placeId, userId),
          spec: { set: { status: 'cancelled', updatedAt: at }, if: { expr: '#status = :c AND attribute_not_exists(#checkedInAt)', values: { ':c': 'confirmed' } } },
        },
      ];
      const head =
        place.state === 'open' && place.head <= place.waitSeq
          ? ((await ctx.db.get(keys.waitlistEntry(placeId, place.head), true)) as unknown as WaitEntry | undefined)
          : undefined;
      if (head && place.startsAt > at && headAction(head, place.free + r.seats) === 'promote') {
        writes.push(
          {
            update: keys.place(placeId),
            spec: {
              add: { free: r.seats - head.seats, taken: head.seats - r.seats, waiting: -1 },
              set: { head: place.head + 1 },
              if: {
                expr: '#state = :open AND #head = :h AND #free >= :need AND #cancelCutoffAt > :now',
                values: { ':open': 'open', ':h': place.head, ':need': head.seats - r.seats, ':now': at },
              },
            },
          },
          ...promotionWrites(ctx, place, head, at),
        );
      } else {
        writes.push({ update: keys.place(placeId), spec: { add: { free: r.seats, taken: -r.seats }, if: { expr: '#cancelCutoffAt > :now', values: { ':now': at } } } });
      }
      await ctx.db.transact(writes);
      if (queued(place) > 0) await settle(ctx, placeId);
      return cancelled;
    } catch (e) {
      if (e instanceof TransactionCancelled || isContention(e)) continue; // the reservation or the queue moved: look again
      throw e;
    }
  }
  throw new BusyError();
}

export function closePlaceWrite(placeId: string, from: 'draft' | 'open' | 'any', to: 'open' | 'cancelled'): TxWrite {
  return {
    update: keys.place(placeId),
    spec: {
      set: { state: to },
      if: from === 'any' ? { expr: '#state <> :cancelled', values: { ':cancelled': 'cancelled' } } : { expr: '#state = :from', values: { ':from': from } },
    },
  };
}

/** Check-in at a shift or at the door: once, and only on a confirmed reservation. */
export async function markCheckedIn(ctx: Ctx, placeId: string, userId: string): Promise<ReservationRecord> {
  const at = ctx.clock.now().toISOString();
  try {
    const it = await ctx.db.update(keys.reservation(placeId, userId), {
      set: { checkedInAt: at, updatedAt: at },
      if: { expr: '#status = :c AND attribute_not_exists(#checkedInAt)', values: { ':c': 'confirmed' } },
    });
    return strip<ReservationRecord>(it);
  } catch (e) {
    if (!(e instanceof ConditionFailed)) throw e;
    if (e.item?.status === 'confirmed' && e.item.checkedInAt) throw new ConflictError('ALREADY_CHECKED_IN');
    throw new NotFoundError('reservation', 'NOT_SIGNED_UP');
  }
}

/**
 * Check-in at an event's door, counted: the check-in, the event's first-attendance marker (put only where absent) when
 * nobody came before, and the writes `counted(seats, first)` gives (the work summary's counters) in one transaction, so a
 * ticket scanned twice, or a retried request, counts once. Two first check-ins at once: one loses the marker and reads again.
 */
export async function markCheckedInCounted(ctx: Ctx, placeId: string, userId: string, counted: (seats: number, first: boolean) => TxWrite[]): Promise<ReservationRecord> {
  for (let attempt = 0; ; attempt++) {
    const { reservation: r, extra } = await getPlaceWith(ctx, placeId, userId, [keys.placeAttended(placeId)]);
    if (!r || r.status !== 'confirmed') throw new NotFoundError('reservation', 'NOT_SIGNED_UP');
    if (r.checkedInAt) throw new ConflictError('ALREADY_CHECKED_IN');
    const first = !extra[0];
    const at = ctx.clock.now().toISOString();
    try {
      await ctx.db.transact([
        { update: keys.reservation(placeId, userId), spec: { set: { checkedInAt: at, updatedAt: at }, if: { expr: '#status = :c AND attribute_not_exists(#checkedInAt)', values: { ':c': 'confirmed' } } } },
        ...(first ? [{ put: { ...keys.placeAttended(placeId), entity: 'placeAttended', firstAt: at, userId }, if: { expr: 'attribute_not_exists(#pk)' } }] : []),
        ...counted(r.seats, first),
      ]);
      return { ...r, checkedInAt: at, updatedAt: at };
    } catch (e) {
      // the reservation moved (checked in or cancelled meanwhile) or another first check-in won the marker: read again
      if (attempt < 10 && (e instanceof TransactionCancelled || isContention(e))) {
        await pause(attempt);
        continue;
      }
      throw e;
    }
  }
}

export async function markCheckedOut(ctx: Ctx, placeId: string, userId: string, claimedMinutes: number): Promise<ReservationRecord> {
  const at = ctx.clock.now().toISOString();
  try {
    const it = await ctx.db.update(keys.reservation(placeId, userId), {
      set: { checkedOutAt: at, claimedMinutes, hoursStatus: 'pending', updatedAt: at },
      if: { expr: '#status = :c AND attribute_exists(#checkedInAt) AND attribute_not_exists(#checkedOutAt)', values: { ':c': 'confirmed' } },
    });
    return strip<ReservationRecord>(it);
  } catch (e) {
    if (!(e instanceof ConditionFailed)) throw e;
    if (e.item?.checkedOutAt) throw new ConflictError('ALREADY_CHECKED_OUT');
    throw new ConflictError('NOT_CHECKED_IN');
  }
}
