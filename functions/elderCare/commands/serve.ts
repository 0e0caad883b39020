import { text } from '../../../shared/notifications/texts';
import { servedFigureOf } from '../../../shared/elderCare/figures';
import type { Booking } from '../../../shared/elderCare/schemas';
import { chinaDay, dayRange } from '../../../shared/platform/chinaTime';
import type { UserCtx } from '../../platform/context';
import { ApiError, ConflictError, ForbiddenError, NotFoundError } from '../../platform/errors';
import { figureAdds } from '../../platform/figures';
import { notificationWrites } from '../../platform/notify';
import * as store from '../store';
import type { BookingRecord } from '../store';
import { bookingView, followEngine, mayHandleFor, mayServe } from './common';

async function servedBooking(ctx: UserCtx, bookingId: string): Promise<BookingRecord> {
  const { slotId, elderId } = store.splitBookingId(bookingId);
  const b = await store.getBooking(ctx.db, slotId, elderId);
  if (!b) throw new NotFoundError('booking');
  const provider = await store.getProvider(ctx.db, b.providerId);
  if (!provider || !mayServe(ctx.principal, provider)) throw new NotFoundError('booking');
  return (await followEngine(ctx, [b]))[0]!;
}

const replace = (b: BookingRecord) => ({ expr: '#version = :v', values: { ':v': b.version } });

/** The provider confirms it will serve a confirmed booking. */
export async function acceptBooking(ctx: UserCtx, bookingId: string): Promise<Booking> {
  const b = await servedBooking(ctx, bookingId);
  if (b.status === 'accepted' || b.status === 'served') return bookingView(ctx, b, 'provider');
  if (b.status !== 'confirmed') throw new ConflictError('BOOKING_NOT_ACTIVE');
  const at = ctx.clock.now().toISOString();
  const next: BookingRecord = { ...b, status: 'accepted', acceptedAt: at, updatedAt: at, version: b.version + 1 };
  await ctx.db.transact([
    { put: store.bookingItem(next), if: replace(b), fails: 'STALE_VERSION' },
    ...notificationWrites(ctx, {
      userId: b.elderId,
      template: 'elderCareBooking',
      text: text('elderCare.bookingConfirmed', { provider: b.providerName, service: b.serviceName }),
      link: '/packages/elderCare/bookings/index',
      data: { thing1: b.serviceName.slice(0, 20), thing2: b.providerName.slice(0, 20) },
      dedupeKey: `elderAccepted#${b.id}`,
    }),
  ]);
  return bookingView(ctx, next, 'provider');
}

/**
 * Served, with a photo (uploads flow): the moment the work summary counts (人次 by service, the subsidy given), in the
 * same transaction, once: the booking's version condition makes a repeat fail and add nothing.
 */
export async function serveBooking(ctx: UserCtx, bookingId: string, input: { photoKey: string }): Promise<Booking> {
  if (!input.photoKey.startsWith(`uploads/${ctx.principal.userId}/`)) throw new ForbiddenError('UPLOAD_NOT_YOURS');
  const b = await servedBooking(ctx, bookingId);
  if (b.status === 'served') return bookingView(ctx, b, 'provider');
  if (b.status !== 'confirmed' && b.status !== 'accepted') throw new ConflictError('BOOKING_NOT_ACTIVE');
  const now = ctx.clock.now();
  // served once bookings have closed (its cut-off), not days before
  if (b.cutoffAt > now.toISOString()) throw new ConflictError('NOT_YET_SERVABLE');
  await ctx.storage.keep([input.photoKey]);
  const at = now.toISOString();
  const next: BookingRecord = { ...b, status: 'served', servedAt: at, photoKey: input.photoKey, acceptedAt: b.acceptedAt ?? at, updatedAt: at, version: b.version + 1 };
  const raced = await ctx.db.transact([
    { put: store.bookingItem(next), if: replace(b), fails: 'STALE_VERSION' },
    ...figureAdds({ subdistrictId: b.subdistrictId, communityId: b.communityId }, now, 'elderCare', {
      servicesServed: 1,
      [servedFigureOf[b.serviceKind]]: 1,
      subsidyFen: b.subsidyFen,
    }),
    ...notificationWrites(ctx, {
      userId: b.elderId,
      template: 'elderCareBooking',
      text: text('elderCare.served', { service: b.serviceName }),
      link: '/packages/elderCare/bookings/index',
      data: { thing1: b.serviceName.slice(0, 20), thing2: b.providerName.slice(0, 20) },
      dedupeKey: `elderServed#${b.id}`,
    }),
  ]).catch(async (e) => {
    // a second tap that lost to the first: it is served, which is what was asked
    const now2 = e instanceof ApiError && e.code === 'STALE_VERSION' ? await store.getBooking(ctx.db, b.slotId, b.elderId) : undefined;
    if (now2?.status === 'served') return bookingView(ctx, now2, 'provider');
    throw e;
  });
  return raced ?? bookingView(ctx, next, 'provider');
}

/** The elder (or their family) rates a served booking once, 1–5. */
export async function rateBooking(ctx: UserCtx, bookingId: string, input: { stars: number; comment?: string }): Promise<Booking> {
  const { slotId, elderId } = store.splitBookingId(bookingId);
  const [who, b] = await Promise.all([mayHandleFor(ctx, elderId), store.getBooking(ctx.db, slotId, elderId)]);
  if (!who || who.as === 'worker' || !b) throw new NotFoundError('booking');
  if (b.status !== 'served') throw new ConflictError('BOOKING_NOT_SERVED');
  if (b.rating) throw new ConflictError('ALREADY_RATED');
  const at = ctx.clock.now().toISOString();
  const next: BookingRecord = { ...b, rating: { stars: input.stars, comment: input.comment, at }, updatedAt: at, version: b.version + 1 };
  await ctx.db.put(store.bookingItem(next), { expr: '#version = :v AND attribute_not_exists(#rating)', values: { ':v': b.version } }, { fails: 'ALREADY_RATED' });
  return bookingView(ctx, next, 'holder');
}

/** A provider's bookings of a China day (today by default), soonest first: its contacts and the community's workers. */
export async function providerBookings(ctx: UserCtx, providerId: string, q: { day?: string }): Promise<{ items: Booking[] }> {
  const provider = await store.getProvider(ctx.db, providerId);
  if (!provider || !mayServe(ctx.principal, provider)) throw new NotFoundError('provider');
  const range = dayRange(q.day ?? chinaDay(ctx.clock.now()));
  const all = await followEngine(ctx, await store.bookingsOfProvider(ctx.db, providerId, range.from, range.to));
  return { items: await Promise.all(all.filter((b) => b.status !== 'cancelled').map((b) => bookingView(ctx, b, 'provider'))) };
}
