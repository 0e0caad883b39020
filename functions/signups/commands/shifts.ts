import { text } from '../../../shared/notifications/texts';
import { chinaDay } from '../../../shared/platform/chinaTime';
import { adjustmentNeedsReason, servedMinutes } from '../../../shared/signups/hours';
import { canOrganize, canSee, isStaffOver, mayConfirmHours } from '../../../shared/signups/permissions';
import type { HoursEntry, Reservation } from '../../../shared/signups/schemas';
import type { UserCtx } from '../../platform/context';
import type { TxWrite } from '../../platform/db';
import { ConflictError, ForbiddenError, NotFoundError, UnprocessableError } from '../../platform/errors';
import { keys } from '../../platform/keys';
import { notificationWrites } from '../../platform/notify';
import { shiftCode, verifyShiftCode, WINDOW_SECONDS } from '../qr';
import { hoursFigureWrites } from '../figures';
import * as engine from '../reservations';
import * as store from '../store';
import { reservationView, rosterOrder } from './common';

/** A shift this reader may see (a draft's only by those who run it), or not found. */
async function readableShift(ctx: UserCtx, shiftId: string): Promise<engine.PlaceRecord> {
  const place = await engine.getPlace(ctx, shiftId);
  if (!place || place.kind !== 'shift' || !canSee(ctx.principal, place.unitPath)) throw new NotFoundError('shift');
  if (place.state === 'draft' && !canOrganize(ctx.principal, place.unitPath)) throw new NotFoundError('shift');
  return place;
}

/**
 * A registered volunteer signs up for a shift, or joins its waitlist. Two round trips on the common path: the place,
 * the reservation and the volunteer in one BatchGet, then one transaction.
 */
export async function signUp(ctx: UserCtx, shiftId: string): Promise<Reservation> {
  const me = ctx.principal.userId;
  const { place, reservation, extra } = await engine.getPlaceWith(ctx, shiftId, me, [keys.volunteer(me)]);
  if (!place || place.kind !== 'shift' || !canSee(ctx.principal, place.unitPath)) throw new NotFoundError('shift');
  if (place.state === 'draft' && !canOrganize(ctx.principal, place.unitPath)) throw new NotFoundError('shift');
  if (reservation && reservation.status !== 'cancelled') return reservationView(ctx, reservation);
  const volunteer = extra[0] as { realName?: string } | undefined;
  if (!volunteer?.realName) throw new ForbiddenError('NOT_A_VOLUNTEER');
  if (place.teamId && !(await store.isTeamMember(ctx, place.teamId, me))) throw new ForbiddenError('NOT_TEAM_MEMBER');
  const r = await engine.reserve(ctx, place, { userId: me, displayName: volunteer.realName }, 0);
  return reservationView(ctx, r);
}

export async function cancelSignup(ctx: UserCtx, shiftId: string): Promise<Reservation> {
  await readableShift(ctx, shiftId);
  return reservationView(ctx, await engine.cancel(ctx, shiftId, ctx.principal.userId));
}

async function staffShift(ctx: UserCtx, shiftId: string) {
  const place = await readableShift(ctx, shiftId);
  if (!isStaffOver(ctx.principal, place.unitPath)) throw new ForbiddenError();
  return place;
}

export async function shiftRoster(ctx: UserCtx, shiftId: string) {
  const place = await staffShift(ctx, shiftId);
  const items = (await engine.listReservations(ctx, shiftId)).filter((r) => r.status !== 'cancelled').sort(rosterOrder);
  return { availability: engine.availabilityOf(place), items: items.map((r) => reservationView(ctx, r)) };
}

/** The organizer's screen shows this code and fetches the next before it expires. */
export async function shiftQr(ctx: UserCtx, shiftId: string) {
  const place = await readableShift(ctx, shiftId);
  if (!canOrganize(ctx.principal, place.unitPath)) throw new ForbiddenError();
  if (place.state === 'cancelled') throw new ConflictError('PLACE_NOT_OPEN');
  const code = shiftCode(ctx.config.tokenSecret, shiftId, ctx.clock.now());
  return { shiftId, token: code.token, expiresAt: code.expiresAt, refreshSeconds: WINDOW_SECONDS };
}

function checkCode(ctx: UserCtx, shiftId: string, token: string): void {
  const verdict = verifyShiftCode(ctx.config.tokenSecret, shiftId, token, ctx.clock.now());
  if (verdict === 'invalid') throw new UnprocessableError('QR_INVALID');
  if (verdict === 'expired') throw new UnprocessableError('QR_EXPIRED');
}

/** A volunteer scans the code on site: a forged code, or one from another shift, or an old one, is refused. */
export async function checkIn(ctx: UserCtx, shiftId: string, token: string): Promise<Reservation> {
  await readableShift(ctx, shiftId);
  checkCode(ctx, shiftId, token);
  return reservationView(ctx, await engine.markCheckedIn(ctx, shiftId, ctx.principal.userId));
}

export async function checkOut(ctx: UserCtx, shiftId: string, token: string): Promise<Reservation> {
  const place = await readableShift(ctx, shiftId);
  checkCode(ctx, shiftId, token);
  const r = await engine.getReservation(ctx, shiftId, ctx.principal.userId);
  if (!r || r.status !== 'confirmed') throw new NotFoundError('reservation', 'NOT_SIGNED_UP');
  if (!r.checkedInAt) throw new ConflictError('NOT_CHECKED_IN');
  const minutes = servedMinutes(r.checkedInAt, ctx.clock.now().toISOString(), place);
  return reservationView(ctx, await engine.markCheckedOut(ctx, shiftId, ctx.principal.userId, minutes));
}

/**
 * The organizer who posted the activity confirms a volunteer's hours (or adjusts them, with a reason) into the
 * volunteer's ledger, and, for elder-to-elder help, their time bank. One transaction: the reservation moves from
 * pending on a condition, so hours are never counted twice.
 */
export async function confirmHours(ctx: UserCtx, shiftId: string, userId: string, input: { minutes: number; reason?: string }): Promise<HoursEntry> {
  const place = await readableShift(ctx, shiftId);
  const may = mayConfirmHours(ctx.principal, place, userId);
  if (may !== 'ok') throw new ForbiddenError(may);
  const r = await engine.getReservation(ctx, shiftId, userId);
  if (!r || r.status !== 'confirmed' || !r.checkedInAt) throw new ConflictError('NOT_CHECKED_IN');
  if (r.hoursStatus === 'confirmed') throw new ConflictError('HOURS_ALREADY_CONFIRMED');
  if (adjustmentNeedsReason(r.claimedMinutes, input.minutes, input.reason)) throw new UnprocessableError('ADJUST_REASON_REQUIRED');
  const at = ctx.clock.now().toISOString();
  const adjusted = input.minutes !== (r.claimedMinutes ?? 0);
  const entry: HoursEntry = {
    shiftId,
    activityId: place.ownerId,
    activityTitle: place.title,
    servedOn: chinaDay(place.startsAt),
    minutes: input.minutes,
    claimedMinutes: r.claimedMinutes ?? 0,
    adjustReason: adjusted ? input.reason : undefined,
    confirmedBy: ctx.principal.userId,
    confirmedAt: at,
    elderToElder: !!place.elderToElder,
  };
  const hours = (input.minutes / 60).toFixed(2).replace(/\.?0+$/, '');
  // whichever condition fails (the reservation's hours status, the ledger entry, the message's dedupe), the hours were
  // confirmed already
  await ctx.db.transact(
    [
      {
        update: keys.reservation(shiftId, userId),
        spec: {
          set: { hoursStatus: 'confirmed', confirmedMinutes: input.minutes, updatedAt: at },
          if: { expr: '#hoursStatus <> :confirmed AND #status = :c AND attribute_exists(#checkedInAt)', values: { ':confirmed': 'confirmed', ':c': 'confirmed' } },
        },
      },
      ...store.hoursEntryWrites(userId, entry),
      ...(place.elderToElder && input.minutes > 0 ? store.timeBankWrites(ctx, userId, { kind: 'earn', minutes: input.minutes, reason: `为老服务：${place.title}`, shiftId }) : []),
      // the work summary's counters, in the month of the shift: the reservation's condition makes them count once
      ...hoursFigureWrites(place, input.minutes),
      ...notificationWrites(ctx, {
        userId,
        template: 'hoursConfirmed',
        text: text('signups.hoursConfirmed', { title: place.title, servedOn: entry.servedOn, hours: Number(hours), adjustedBecause: adjusted ? (input.reason ?? '') : undefined }),
        link: '/packages/signups/hours/index',
        data: { thing1: place.title.slice(0, 20), date2: entry.servedOn, character_string3: `${hours}小时` },
        dedupeKey: `hours#${shiftId}#${userId}`,
      }),
    ].map((w): TxWrite => ({ ...w, fails: 'HOURS_ALREADY_CONFIRMED' })),
  );
  return entry;
}

/** My shifts and registrations not over yet (cancelled ones too, marked so), the soonest to end first, a page at a time. */
export async function mySignups(ctx: UserCtx, q: { cursor?: string; limit?: number }): Promise<{ items: Reservation[]; cursor?: string }> {
  const page = await engine.reservationsOfHolder(ctx, ctx.principal.userId, ctx.clock.now().toISOString(), { limit: q.limit ?? 50, cursor: q.cursor });
  // elder-care bookings hold places on the same engine; they are listed by elder care, not here
  return { items: page.items.filter((r) => r.kind !== 'elderCare').map((r) => reservationView(ctx, r)), cursor: page.cursor };
}
