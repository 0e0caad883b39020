import { ageOn, inAgeBand } from '../../../shared/signups/hours';
import { cancelCutoffAt } from '../../../shared/signups/reservation';
import { canOrganize, canSee, isStaffOver } from '../../../shared/signups/permissions';
import type { CreateEventInput, CulturalEvent, Reservation } from '../../../shared/signups/schemas';
import type { UserCtx } from '../../platform/context';
import { TransactionCancelled } from '../../platform/db';
import { ConflictError, ForbiddenError, NotFoundError, UnprocessableError } from '../../platform/errors';
import { transactCreate } from '../../platform/idempotency';
import { keys } from '../../platform/keys';
import { ticketHolder } from '../qr';
import * as engine from '../reservations';
import * as store from '../store';
import { tellEveryone } from './activities';
import { chinaDay, mustBeFuture, reservationView, rosterOrder, unitOf } from './common';

async function eventView(ctx: UserCtx, e: store.EventRecord): Promise<CulturalEvent> {
  return { ...e, posterUrl: e.posterKey ? await ctx.storage.readUrl(e.posterKey) : undefined };
}

async function readableEvent(ctx: UserCtx, eventId: string) {
  const { place, reservation } = await engine.getPlaceWith(ctx, eventId, ctx.principal.userId);
  if (!place || place.kind !== 'event' || !canSee(ctx.principal, place.unitPath)) throw new NotFoundError('event');
  return { place, reservation };
}

async function detail(ctx: UserCtx, e: store.EventRecord, place: engine.PlaceRecord, mine: engine.ReservationRecord | undefined) {
  return {
    event: await eventView(ctx, e),
    availability: engine.availabilityOf(place),
    mine: mine && mine.status !== 'cancelled' ? reservationView(ctx, mine) : null,
    canManage: canOrganize(ctx.principal, e.unitPath),
  };
}

/** An organizer posts a cultural event; it takes registrations at once. */
export async function createEvent(ctx: UserCtx, input: CreateEventInput) {
  const unit = await unitOf(ctx, input.unitId);
  if (!canOrganize(ctx.principal, unit.path)) throw new ForbiddenError();
  if (input.posterKey && !input.posterKey.startsWith(`uploads/${ctx.principal.userId}/`)) throw new ForbiddenError('UPLOAD_NOT_YOURS');
  const now = ctx.clock.now();
  mustBeFuture(now, input.startsAt, 'body.startsAt');
  const at = now.toISOString();
  const startsAt = new Date(input.startsAt).toISOString();
  const event: store.EventRecord = {
    id: ctx.newId(),
    unitId: unit.id,
    unitPath: unit.path,
    title: input.title,
    description: input.description,
    posterKey: input.posterKey,
    minAge: input.minAge,
    maxAge: input.maxAge,
    place: input.place,
    startsAt,
    endsAt: new Date(input.endsAt).toISOString(),
    capacity: input.capacity,
    maxCompanions: input.maxCompanions,
    cancelCutoffHours: input.cancelCutoffHours,
    state: 'published',
    organizerId: ctx.principal.userId,
    organizerName: ctx.principal.displayName ?? '组织者',
    createdAt: at,
  };
  const place = engine.newPlace({
    id: event.id,
    kind: 'event',
    ownerId: event.id,
    title: event.title,
    startsAt,
    endsAt: event.endsAt,
    place: event.place,
    unitPath: unit.path,
    organizerId: event.organizerId,
    minAge: event.minAge,
    maxAge: event.maxAge,
    state: 'open',
    capacity: event.capacity,
    maxSeats: 1 + event.maxCompanions,
    maxCompanions: event.maxCompanions,
    cancelCutoffAt: cancelCutoffAt(startsAt, event.cancelCutoffHours),
  });
  const view = await detail(ctx, event, place, undefined);
  return transactCreate(
    ctx,
    [
      { put: store.eventItem(event, chinaDay(startsAt)), if: { expr: 'attribute_not_exists(#pk)' } },
      { put: engine.placeItem(place), if: { expr: 'attribute_not_exists(#pk)' } },
    ],
    view,
  );
}

/** Coming (and running) events for a community and its sub-district, soonest first. */
export async function communityEvents(ctx: UserCtx, communityId: string) {
  const unit = await unitOf(ctx, communityId, ['community']);
  if (!canSee(ctx.principal, unit.path)) throw new NotFoundError('community');
  // started in the last day and not over yet, or still to come
  const now = ctx.clock.now();
  const from = new Date(now.getTime() - 86_400_000).toISOString();
  const lists = await Promise.all(unit.path.map((u) => store.listEventsOfUnit(ctx, u, from)));
  const items = lists
    .flat()
    .filter((e) => e.endsAt > now.toISOString())
    .sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  return { items: await Promise.all(items.map((e) => eventView(ctx, e))) };
}

export async function eventDetail(ctx: UserCtx, eventId: string) {
  const [{ place, reservation }, e] = await Promise.all([readableEvent(ctx, eventId), store.getEvent(ctx, eventId)]);
  if (!e) throw new NotFoundError('event');
  return detail(ctx, e, place, reservation);
}

/**
 * A resident registers, with companions if the event allows them; when it is full they join the waitlist. An event
 * for an age band asks the registrant's date of birth (declared).
 */
export async function register(ctx: UserCtx, eventId: string, input: { companions: number; birthDate?: string }): Promise<Reservation> {
  const { place, reservation } = await readableEvent(ctx, eventId);
  if (reservation && reservation.status !== 'cancelled') return reservationView(ctx, reservation);
  if (place.minAge !== undefined || place.maxAge !== undefined) {
    const birthDate = input.birthDate ?? (await store.getVolunteer(ctx, ctx.principal.userId))?.birthDate;
    if (!birthDate) throw new UnprocessableError('BIRTH_DATE_REQUIRED');
    if (!inAgeBand(ageOn(birthDate, chinaDay(place.startsAt)), place)) throw new ForbiddenError('NOT_IN_AUDIENCE');
  }
  const r = await engine.reserve(ctx, place, { userId: ctx.principal.userId, displayName: ctx.principal.displayName ?? '居民' }, input.companions);
  return reservationView(ctx, r);
}

export async function cancelRegistration(ctx: UserCtx, eventId: string): Promise<Reservation> {
  await readableEvent(ctx, eventId);
  return reservationView(ctx, await engine.cancel(ctx, eventId, ctx.principal.userId));
}

async function staffEvent(ctx: UserCtx, eventId: string) {
  const { place } = await readableEvent(ctx, eventId);
  if (!isStaffOver(ctx.principal, place.unitPath)) throw new ForbiddenError();
  return place;
}

/** At the door: the organizer scans a ticket; a forged one, or one for another event, is refused; each person once. */
export async function checkInTicket(ctx: UserCtx, eventId: string, ticket: string): Promise<Reservation> {
  await staffEvent(ctx, eventId);
  const holder = ticketHolder(ctx.config.tokenSecret, eventId, ticket);
  if (!holder) throw new UnprocessableError('TICKET_INVALID');
  return reservationView(ctx, await engine.markCheckedIn(ctx, eventId, holder));
}

export async function attendance(ctx: UserCtx, eventId: string) {
  const place = await staffEvent(ctx, eventId);
  const items = (await engine.listReservations(ctx, eventId)).filter((r) => r.status !== 'cancelled').sort(rosterOrder);
  const came = items.filter((r) => r.checkedInAt);
  return {
    availability: engine.availabilityOf(place),
    checkedIn: came.length,
    checkedInSeats: came.reduce((n, r) => n + r.seats, 0),
    items: items.map((r) => reservationView(ctx, r)),
  };
}

/** Cancels the event: registrations close, then everyone registered or waiting is told. */
export async function cancelEvent(ctx: UserCtx, eventId: string, reason: string) {
  const { place } = await readableEvent(ctx, eventId);
  if (!canOrganize(ctx.principal, place.unitPath)) throw new ForbiddenError();
  const e = await store.getEvent(ctx, eventId);
  if (!e) throw new NotFoundError('event');
  let current = e;
  if (e.state !== 'cancelled') {
    current = { ...e, state: 'cancelled', cancelReason: reason };
    try {
      await ctx.db.transact([
        { update: keys.event(eventId), spec: { set: { state: 'cancelled', cancelReason: reason }, if: { expr: '#state = :p', values: { ':p': 'published' } } } },
        engine.closePlaceWrite(eventId, 'any', 'cancelled'),
      ]);
    } catch (err) {
      if (!(err instanceof TransactionCancelled)) throw err;
      throw new ConflictError('CONFLICT');
    }
  }
  await tellEveryone(ctx, eventId, `活动取消：${e.title}`, `您报名的「${e.title}」已取消。原因：${current.cancelReason ?? reason}`, `/packages/signups/event/index?id=${eventId}`);
  const after = await engine.getPlace(ctx, eventId);
  return detail(ctx, current, after ?? place, undefined);
}
