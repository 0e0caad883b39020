import { text } from '../../../shared/notifications/texts';
import { chinaDateTime, chinaDay } from '../../../shared/platform/chinaTime';
import { inAgeBand } from '../../../shared/signups/hours';
import { ageInYearOn, ageOn } from '../../../shared/platform/idNumber';
import { cancelCutoffAt, resizeRefusal } from '../../../shared/signups/reservation';
import { canOrganize, canSee, isStaffOver } from '../../../shared/signups/permissions';
import type { CreateEventInput, CulturalEvent, EditEventInput, Reservation } from '../../../shared/signups/schemas';
import type { UserCtx } from '../../platform/context';
import { ApiError, ConflictError, ForbiddenError, NotFoundError, UnprocessableError } from '../../platform/errors';
import { transactCreate } from '../../platform/idempotency';
import { keys } from '../../platform/keys';
import { ticketHolder } from '../qr';
import { attendanceFigureWrites } from '../figures';
import * as engine from '../reservations';
import { cancelHoldersWrite, changeHoldersWrite } from '../work';
import * as store from '../store';
import { mustBeFuture, reservationView, rosterOrder, unitOf } from './common';
import { postingFields } from './postingFields';
import { authorOpenid, mediaTraceItem, screenPhotos, screenStaffText } from '../../platform/contentSecurity';
import type { TxWrite } from '../../platform/db';
import type { PhotoCheck } from '../../../shared/moderation/schemas';
import { photoCheckAttr, photoShownTo } from '../../../shared/moderation/visibility';

async function eventView(ctx: UserCtx, e: store.EventRecord): Promise<CulturalEvent> {
  // the poster reaches residents once WeChat's media check passed it; its organizer and the unit's organizers see it
  const fields = Object.fromEntries(Object.entries(e).filter(([k]) => !k.startsWith('pc_'))) as store.EventRecord;
  const check = e.posterKey ? ((e as Record<string, unknown>)[photoCheckAttr(e.posterKey)] as PhotoCheck | undefined) : undefined;
  const reader = { author: e.organizerId === ctx.principal.userId, staff: canOrganize(ctx.principal, e.unitPath) };
  const posterKey = e.posterKey && photoShownTo(check, reader) ? e.posterKey : undefined;
  return { ...fields, posterKey, posterUrl: posterKey ? await ctx.storage.readUrl(posterKey) : undefined };
}

/**
 * A new poster goes to WeChat's mediaCheckAsync as residents' photos do (contentSecurity.ts › screenPhotos): held from
 * residents (`pending`) until the push says pass. One WeChat could not be asked about waits as an `unasked-` trace,
 * so recheckMediaChecks asks again.
 */
async function checkPoster(ctx: UserCtx, e: store.EventRecord, posterKey: string | undefined): Promise<{ attrs: Record<string, 'pending'>; writes: TxWrite[] }> {
  if (!posterKey) return { attrs: {}, writes: [] };
  const [subdistrictId, communityId] = e.unitPath;
  const meta = {
    kind: 'event' as const,
    ref: e.id,
    subdistrictId: subdistrictId!,
    communityId,
    authorId: e.organizerId,
    authorName: e.organizerName,
    text: e.title,
    link: `/packages/signups/event/index?id=${e.id}`,
  };
  const { attrs, writes } = await screenPhotos(ctx, await authorOpenid(ctx), meta, [posterKey], 1);
  if (!writes.length) {
    const unasked = { ...meta, traceId: `unasked-${ctx.newId()}`, attr: photoCheckAttr(posterKey), photoKey: posterKey, scene: 1 as const, tries: 1 };
    writes.push({ put: mediaTraceItem(ctx, unasked) });
  }
  return { attrs, writes };
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
  await screenStaffText(ctx, postingFields(input));
  if (input.posterKey) await ctx.storage.keep([input.posterKey]);
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
    category: input.category,
    state: 'published',
    organizerId: ctx.principal.userId,
    organizerName: ctx.principal.displayName ?? '组织者',
    createdAt: at,
    updatedAt: at,
    version: 0,
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
  const poster = await checkPoster(ctx, event, event.posterKey);
  const view = await detail(ctx, { ...event, ...poster.attrs }, place, undefined);
  return transactCreate(
    ctx,
    [
      ...poster.writes,
      { put: { ...store.eventItem(event, chinaDay(startsAt)), ...poster.attrs }, if: { expr: 'attribute_not_exists(#pk)' } },
      { put: engine.placeItem(place), if: { expr: 'attribute_not_exists(#pk)' } },
    ],
    view,
  );
}

/**
 * The organizer changes an event after posting, within rules: nothing once it is cancelled or under way; its time only
 * until the cancellation cut-off, and to a time still to come; the capacity never below what is taken (a condition on
 * the counter, so a sign-up racing the edit cannot be squeezed out); more capacity serves the waitlist. Everyone
 * registered or waiting is told of a new time or place, and their reservations follow.
 */
export async function editEvent(ctx: UserCtx, eventId: string, input: EditEventInput) {
  const [{ place }, e] = await Promise.all([readableEvent(ctx, eventId), store.getEvent(ctx, eventId)]);
  if (!e) throw new NotFoundError('event');
  if (!canOrganize(ctx.principal, e.unitPath)) throw new ForbiddenError();
  const version = e.version ?? 0;
  if (version !== input.version) throw new ConflictError('STALE_VERSION');
  const now = ctx.clock.now();
  if (e.state !== 'published' || Date.parse(e.startsAt) <= now.getTime()) throw new ConflictError('EVENT_NOT_EDITABLE');
  if (input.posterKey && !input.posterKey.startsWith(`uploads/${ctx.principal.userId}/`)) throw new ForbiddenError('UPLOAD_NOT_YOURS');
  await screenStaffText(ctx, postingFields(input));
  if (input.posterKey) await ctx.storage.keep([input.posterKey]);
  const startsAt = input.startsAt ? new Date(input.startsAt).toISOString() : e.startsAt;
  const endsAt = input.endsAt ? new Date(input.endsAt).toISOString() : e.endsAt;
  const retimed = startsAt !== e.startsAt || endsAt !== e.endsAt;
  if (retimed) {
    if (Date.parse(place.cancelCutoffAt) <= now.getTime()) throw new ConflictError('TIME_CHANGE_CLOSED');
    mustBeFuture(now, startsAt, 'body.startsAt');
  }
  const capacity = input.capacity ?? e.capacity;
  const delta = capacity - e.capacity;
  if (delta < 0) {
    const refusal = resizeRefusal(place.taken, capacity);
    if (refusal) throw new ApiError(409, refusal);
  }
  const where = input.place ?? e.place;
  const moved = where !== e.place;
  const title = input.title ?? e.title;
  const updated: store.EventRecord = {
    ...e,
    title,
    description: input.description ?? e.description,
    posterKey: input.posterKey === null ? undefined : (input.posterKey ?? e.posterKey),
    place: where,
    startsAt,
    endsAt,
    capacity,
    updatedAt: now.toISOString(),
    version: version + 1,
  };
  const cutoff = cancelCutoffAt(startsAt, e.cancelCutoffHours);
  // everyone registered or waiting gets the new copies on their registration and, for a new time or place, is told: by
  // the sign-ups worker, in chunks, from a work item in the edit's own transaction (a request that dies after the edit
  // still tells them all)
  const tell =
    retimed || moved || title !== e.title
      ? [
          changeHoldersWrite(ctx, {
            ref: eventId,
            places: [{ id: eventId, title, place: where, startsAt, endsAt, tell:
                  retimed || moved
                    ? text('signups.eventChanged', {
                        title,
                        ...(retimed ? { startsAt: chinaDateTime(startsAt), startsAtWas: chinaDateTime(e.startsAt) } : {}),
                        ...(moved ? { place: where, placeWas: e.place } : {}),
                      })
                    : undefined,
              },
            ],
            link: `/packages/signups/event/index?id=${eventId}`,
          }),
        ]
      : [];
  // a new poster is checked; a kept one keeps its verdict (the put below carries it from the read copy: a verdict
  // pushed in between is put back to pending, which holds it and lets recheckMediaChecks ask again: never shown unchecked)
  const poster = await checkPoster(ctx, updated, updated.posterKey !== e.posterKey ? updated.posterKey : undefined);
  Object.assign(updated, poster.attrs);
  await ctx.db.transact([
    ...poster.writes,
    {
      put: store.eventItem(updated, chinaDay(startsAt)),
      if: version === 0 ? { expr: 'attribute_not_exists(#version) OR #version = :v', values: { ':v': 0 } } : { expr: '#version = :v', values: { ':v': version } },
      fails: 'STALE_VERSION',
    },
    {
      update: keys.place(eventId),
      spec: {
        set: { title, place: where, startsAt, endsAt, cancelCutoffAt: cutoff },
        add: delta ? { capacity: delta, free: delta } : undefined,
        // open, and (for a new time) still before the cut-off it had; fewer places only while that many are free
        if: {
          expr: `#state = :open${retimed ? ' AND #cancelCutoffAt > :now' : ''}${delta < 0 ? ' AND #free >= :d' : ''}`,
          values: { ':open': 'open', ...(retimed ? { ':now': now.toISOString() } : {}), ...(delta < 0 ? { ':d': -delta } : {}) },
        },
      },
      fails: delta < 0 ? 'SLOTS_BELOW_TAKEN' : 'EVENT_NOT_EDITABLE',
    },
    ...tell,
  ]);
  if (delta > 0) await engine.settle(ctx, eventId);
  const after = await engine.getPlaceWith(ctx, eventId, ctx.principal.userId);
  return detail(ctx, updated, after.place ?? place, after.reservation);
}

/** Running and coming events for a community and its sub-district, the soonest to end first, a page at a time. */
export async function communityEvents(ctx: UserCtx, communityId: string, q: { cursor?: string; limit?: number }) {
  const unit = await unitOf(ctx, communityId, ['community']);
  if (!canSee(ctx.principal, unit.path)) throw new NotFoundError('community');
  const page = await store.listEventsOfUnits(ctx, unit.path, ctx.clock.now().toISOString(), { limit: q.limit ?? 50, cursor: q.cursor });
  return { items: await Promise.all(page.items.map((e) => eventView(ctx, e))), cursor: page.cursor };
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
    // a date given now counts to the day; the volunteer record keeps only the year (the age reached that year)
    const day = chinaDay(place.startsAt);
    const year = input.birthDate ? undefined : store.birthYearOf(await store.getVolunteer(ctx, ctx.principal.userId));
    if (!input.birthDate && year === undefined) throw new UnprocessableError('BIRTH_DATE_REQUIRED');
    if (!inAgeBand(input.birthDate ? ageOn(input.birthDate, day) : ageInYearOn(year!, day), place)) throw new ForbiddenError('NOT_IN_AUDIENCE');
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
  const place = await staffEvent(ctx, eventId);
  const holder = ticketHolder(ctx.config.tokenSecret, eventId, ticket);
  if (!holder) throw new UnprocessableError('TICKET_INVALID');
  // attendance (人次, companions too) and the event held are counted for the work summary in the check-in's transaction
  return reservationView(ctx, await engine.markCheckedInCounted(ctx, eventId, holder, (seats, first) => attendanceFigureWrites(place, seats, first)));
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

/** Cancels the event: registrations close and, in the same transaction, the work item that tells everyone registered or waiting. */
export async function cancelEvent(ctx: UserCtx, eventId: string, reason: string) {
  const { place } = await readableEvent(ctx, eventId);
  if (!canOrganize(ctx.principal, place.unitPath)) throw new ForbiddenError();
  const e = await store.getEvent(ctx, eventId);
  if (!e) throw new NotFoundError('event');
  let current = e;
  if (e.state !== 'cancelled') {
    current = { ...e, state: 'cancelled', cancelReason: reason };
    // either refusal: cancelled (or changed) meanwhile; refresh
    await ctx.db.transact([
      { update: keys.event(eventId), spec: { set: { state: 'cancelled', cancelReason: reason }, if: { expr: '#state = :p', values: { ':p': 'published' } } }, fails: 'CONFLICT' },
      { ...engine.closePlaceWrite(eventId, 'any', 'cancelled'), fails: 'CONFLICT' },
      // everyone registered or waiting: cancelled and told by the worker, in chunks (signups/work.ts)
      cancelHoldersWrite(ctx, { ref: eventId, places: [eventId], text: text('signups.eventCancelled', { title: e.title, reason }), link: `/packages/signups/event/index?id=${eventId}` }),
    ]);
  }
  const after = await engine.getPlace(ctx, eventId);
  return detail(ctx, current, after ?? place, undefined);
}
