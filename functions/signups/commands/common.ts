import type { UnitKind } from '../../../shared/org/schemas';
import type { Reservation } from '../../../shared/signups/schemas';
import type { Ctx, UserCtx } from '../../platform/context';
import { NotFoundError, ValidationError } from '../../platform/errors';
import { getUnit, type UnitRecord } from '../../platform/units';
import { ticketFor } from '../qr';
import type { ReservationRecord } from '../reservations';

/** A unit of the wanted kind, or not found. */
export async function unitOf(ctx: Ctx, unitId: string, kinds: readonly UnitKind[] = ['community', 'subdistrict']): Promise<UnitRecord> {
  const unit = await getUnit(ctx.db, unitId);
  if (!unit || !kinds.includes(unit.kind)) throw new NotFoundError('unit');
  return unit;
}

/** The holder sees their ticket (an event's confirmed registration); nobody else does. */
export function reservationView(ctx: UserCtx, r: ReservationRecord): Reservation {
  const mine = r.userId === ctx.principal.userId;
  return { ...r, ticket: mine && r.kind === 'event' && r.status === 'confirmed' ? ticketFor(ctx.config.tokenSecret, r.placeId, r.userId) : undefined };
}

/** Roster order: confirmed by when they signed up, then the waitlist by position. */
export function rosterOrder(a: ReservationRecord, b: ReservationRecord): number {
  if (a.status !== b.status) return a.status === 'confirmed' ? -1 : 1;
  if (a.status === 'waitlisted') return (a.position ?? 0) - (b.position ?? 0);
  return a.createdAt.localeCompare(b.createdAt);
}

export function mustBeFuture(now: Date, at: string, path: string): void {
  if (Date.parse(at) <= now.getTime()) throw new ValidationError([{ path, message: 'must be in the future' }]);
}
