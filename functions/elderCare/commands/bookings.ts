import { subsidyFor } from '../../../shared/elderCare/rules';
import type { BookInput, Booking, BookingMode, Consent, MealOrderInput } from '../../../shared/elderCare/schemas';
import type { UserCtx } from '../../platform/context';
import { ApiError, ConflictError, NotFoundError, UnprocessableError } from '../../platform/errors';

import { ports } from '../../ports';
import * as store from '../store';
import type { BookingRecord, SlotRecord } from '../store';
import { actingFor, bookingView, eligibilityOfElder, followEngine, mayHandleFor, menuOf, type Elder } from './common';

function modeFor(slot: SlotRecord, asked: BookingMode | undefined): BookingMode {
  const mode = asked ?? (slot.delivery === 'home' ? 'home' : 'servicePoint');
  if (slot.delivery !== 'either' && slot.delivery !== mode) throw new UnprocessableError('DELIVERY_NOT_OFFERED');
  return mode;
}

/**
 * One slot for one elder: the reservation engine takes the place (or a waitlist position) on its counter, then the
 * booking records the price, the subsidy the elder is eligible for and who booked it (with the consent of a worker's
 * booking). A retry finds the engine's reservation (one per elder and place) and the booking already there: it answers
 * that booking, so nothing is booked twice.
 */
async function bookOne(ctx: UserCtx, slot: SlotRecord, elder: Elder, as: 'self' | 'family' | 'worker', mode: BookingMode, consent: (Consent & { at: string }) | undefined): Promise<BookingRecord> {
  const now = ctx.clock.now().toISOString();
  if (slot.cutoffAt <= now) throw new ConflictError('BOOKING_CLOSED');
  if (slot.subdistrictId !== elder.subdistrictId) throw new NotFoundError('slot');
  // A retry finds its booking first. The reads go one after another: in a burst a Lambda instance serves one request,
  // and reading five things at once per request only queues them behind the SDK's sockets when many share a process.
  const existing = await store.getBooking(ctx.db, slot.id, elder.userId);
  if (existing && existing.status !== 'cancelled') return existing;
  const [place, menu] = await Promise.all([ports.reservations.getPlace(ctx, slot.id), menuOf(ctx, slot.subdistrictId)]);
  if (!place) throw new NotFoundError('slot');
  const item = menu.items.find((i) => i.id === slot.serviceId);
  if (!item) throw new UnprocessableError('SERVICE_NOT_ON_MENU', { services: [slot.serviceId] });
  const { eligibility } = await eligibilityOfElder(ctx, elder, menu);
  const price = subsidyFor(item, eligibility);
  const reservation = await ports.reservations.reserve(ctx, place, { userId: elder.userId, displayName: elder.name });
  const at = ctx.clock.now().toISOString();
  const booking: BookingRecord = {
    id: store.bookingId(slot.id, elder.userId),
    slotId: slot.id,
    elderId: elder.userId,
    elderName: elder.name,
    subdistrictId: slot.subdistrictId,
    communityId: elder.communityId,
    gridId: elder.gridId,
    providerId: slot.providerId,
    providerName: slot.providerName,
    serviceId: slot.serviceId,
    serviceKind: slot.serviceKind,
    serviceName: slot.serviceName,
    servicePointName: slot.servicePointName,
    startsAt: slot.startsAt,
    cutoffAt: slot.cutoffAt,
    mode,
    status: reservation.status === 'waitlisted' ? 'waitlisted' : 'confirmed',
    position: reservation.position,
    priceFen: item.priceFen,
    ...price,
    bookedBy: { userId: ctx.principal.userId, name: ctx.principal.displayName ?? '', as },
    consent,
    createdAt: at,
    updatedAt: at,
    version: (existing?.version ?? -1) + 1,
  };
  try {
    // a booking cancelled before is booked again over its version; a new one only where absent
    await ctx.db.put(store.bookingItem(booking), existing ? { expr: '#version = :v', values: { ':v': existing.version } } : { expr: 'attribute_not_exists(#pk)' });
  } catch (e) {
    // the same booking written by a retry a moment ago (the engine answered the reservation it holds): answer that one
    const now2 = await store.getBooking(ctx.db, slot.id, elder.userId);
    if (now2 && now2.status !== 'cancelled') return now2;
    throw e;
  }
  return booking;
}

async function slotOf(ctx: UserCtx, slotId: string): Promise<SlotRecord> {
  const slot = await store.getSlot(ctx.db, slotId);
  if (!slot) throw new NotFoundError('slot');
  return slot;
}

export async function book(ctx: UserCtx, input: BookInput): Promise<Booking> {
  const [slot, who] = await Promise.all([slotOf(ctx, input.slotId), actingFor(ctx, input.elderId, input.consent)]);
  const b = await bookOne(ctx, slot, who.elder, who.as, modeFor(slot, input.mode), who.consent);
  return bookingView(ctx, b, 'holder');
}

/**
 * 助餐 a week at a time: one request books each day's meal slot for the elder. Each day is its own place (its own
 * capacity and waitlist), so each is its own engine transaction (2 items); a day that is full or past its cut-off is
 * answered as refused beside the others instead of failing the week. A retry books nothing twice (one reservation per
 * elder and place), so the request is safe to send again as a whole.
 */
export async function orderMeals(ctx: UserCtx, input: MealOrderInput): Promise<{ items: { slotId: string; booking?: Booking; refused?: string }[] }> {
  const who = await actingFor(ctx, input.elderId, input.consent);
  const slots = await store.getSlots(ctx.db, input.slotIds);
  const items: { slotId: string; booking?: Booking; refused?: string }[] = [];
  for (const slotId of input.slotIds) {
    const slot = slots.find((s) => s.id === slotId);
    if (!slot || slot.serviceKind !== 'meal') {
      items.push({ slotId, refused: 'NOT_FOUND' });
      continue;
    }
    try {
      const b = await bookOne(ctx, slot, who.elder, who.as, modeFor(slot, input.mode), who.consent);
      items.push({ slotId, booking: await bookingView(ctx, b, 'holder') });
    } catch (e) {
      if (!(e instanceof ApiError) || e.status >= 500) throw e;
      items.push({ slotId, refused: e.code });
    }
  }
  return { items };
}

/** Before the cut-off the elder (or family, or the worker over them) gives the place back: the engine moves the waitlist up. */
export async function cancelBooking(ctx: UserCtx, bookingId: string): Promise<Booking> {
  const { slotId, elderId } = store.splitBookingId(bookingId);
  const [who, b] = await Promise.all([mayHandleFor(ctx, elderId), store.getBooking(ctx.db, slotId, elderId)]);
  if (!who || !b) throw new NotFoundError('booking');
  if (b.status === 'cancelled') return bookingView(ctx, b, 'holder');
  if (b.status !== 'confirmed' && b.status !== 'waitlisted') throw new ConflictError('BOOKING_NOT_ACTIVE');
  if (b.cutoffAt <= ctx.clock.now().toISOString()) throw new ConflictError('CANCEL_CUTOFF_PASSED');
  const r = await ports.reservations.getReservation(ctx, slotId, elderId);
  if (r && r.status !== 'cancelled') await ports.reservations.cancel(ctx, slotId, elderId);
  const next: BookingRecord = { ...b, status: 'cancelled', position: undefined, updatedAt: ctx.clock.now().toISOString(), version: b.version + 1 };
  await ctx.db.put(store.bookingItem(next), { expr: '#version = :v', values: { ':v': b.version } }, { fails: 'STALE_VERSION' });
  return bookingView(ctx, next, 'holder');
}

/** My bookings, or those of an elder I am family of (or a worker over), newest first. */
export async function myBookings(ctx: UserCtx, q: { elderId?: string; cursor?: string }): Promise<{ items: Booking[]; cursor?: string }> {
  const elderId = q.elderId ?? ctx.principal.userId;
  if (elderId !== ctx.principal.userId && !(await mayHandleFor(ctx, elderId))) throw new NotFoundError('elder');
  const page = await store.bookingsOfElder(ctx.db, elderId, { limit: 50, cursor: q.cursor });
  const items = await followEngine(ctx, page.items);
  return { items: await Promise.all(items.map((b) => bookingView(ctx, b, 'holder'))), cursor: page.cursor };
}

