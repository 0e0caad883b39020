import { chinaInstant, chinaMonth, lastDayOfMonth } from '../../shared/platform/chinaTime';
import { figureScopeOf, teamMinutesKey } from '../../shared/signups/figures';
import type { HelpRequest } from '../../shared/signups/schemas';
import type { Ctx } from '../platform/context';
import type { Db, TxWrite } from '../platform/db';
import { figureAdds, type LedgerRecount } from '../platform/figures';
import { listUnits } from '../platform/units';
import { getPlace, listReservations, type PlaceRecord } from './reservations';
import * as store from './store';

/**
 * The work summary's counters that sign-ups keeps (shared/signups/figures.ts says what and when), and their recounts.
 * The writes go into the transaction of the change they count, whose own condition makes them count once.
 */

/** Hours confirmed on a shift: the volunteering ledger (and the team's minutes), and the time bank's for elder-to-elder help. */
export function hoursFigureWrites(place: Pick<PlaceRecord, 'unitPath' | 'startsAt' | 'teamId' | 'elderToElder'>, minutes: number): TxWrite[] {
  const scope = figureScopeOf(place.unitPath);
  return [
    ...figureAdds(scope, place.startsAt, 'volunteering', { serviceTimes: 1, serviceMinutes: minutes, ...(place.teamId ? { [teamMinutesKey(place.teamId)]: minutes } : {}) }),
    ...(place.elderToElder && minutes > 0 ? figureAdds(scope, place.startsAt, 'timeBank', { serviceMinutes: minutes }) : []),
  ];
}

/** Someone checked in at an event's door with `seats` (companions too); `first`: nobody had been checked in before. */
export function attendanceFigureWrites(place: Pick<PlaceRecord, 'unitPath' | 'startsAt'>, seats: number, first: boolean): TxWrite[] {
  return figureAdds(figureScopeOf(place.unitPath), place.startsAt, 'events', { attendance: seats, eventsHeld: first ? 1 : 0 });
}

/** Help given and confirmed, in the month it was asked for. */
export function helpFigureWrites(r: Pick<HelpRequest, 'subdistrictId' | 'communityId' | 'at'>, minutes: number): TxWrite[] {
  return figureAdds(r, r.at, 'timeBank', { helpsDone: 1, helpMinutes: minutes });
}

// ---------- recounts (the recount test): the same figures from the records ----------

const ctxOf = (db: Db) => ({ db }) as unknown as Ctx;
const inMonths = (at: string, from: string, to: string) => chinaMonth(at) >= from && chinaMonth(at) <= to;
const add = (acc: Record<string, number>, values: Record<string, number>) => {
  for (const [k, n] of Object.entries(values)) if (n !== 0) acc[k] = (acc[k] ?? 0) + n;
};

/** The units whose activities and events count under `communityId` (figureScopeOf): a community and its grids, or a sub-district or partner unit itself. */
async function unitsCountedUnder(db: Db, communityId: string): Promise<string[]> {
  const units = await listUnits(db);
  return units.filter((u) => figureScopeOf(u.path).communityId === communityId).map((u) => u.id);
}

/** Every page of a unit's activities or events that end on or after `from` (the sign-ups lists from a time on). */
async function allPages<T>(list: (cursor?: string) => Promise<{ items: T[]; cursor?: string }>): Promise<T[]> {
  const out: T[] = [];
  let cursor: string | undefined;
  do {
    const page = await list(cursor);
    out.push(...page.items);
    cursor = page.cursor;
  } while (cursor);
  return out;
}

async function shiftsServed(db: Db, communityId: string, from: string, to: string) {
  const ctx = ctxOf(db);
  const since = chinaInstant(`${from}-01`).toISOString();
  const units = await unitsCountedUnder(db, communityId);
  const activities = await allPages((cursor) => store.listActivitiesOfUnits(ctx, units, since, { limit: 100, cursor }));
  const out: { place: PlaceRecord; minutes: number }[] = [];
  for (const a of activities) {
    for (const [i, s] of a.shifts.entries()) {
      if (!inMonths(s.startsAt, from, to)) continue;
      const place = await getPlace(ctx, store.shiftId(a.id, i));
      if (!place) continue;
      for (const r of await listReservations(ctx, place.id)) if (r.hoursStatus === 'confirmed') out.push({ place, minutes: r.confirmedMinutes ?? 0 });
    }
  }
  return out;
}

export const volunteeringRecount: LedgerRecount = {
  ledger: 'volunteering',
  async recount(db, communityId, from, to) {
    const out: Record<string, number> = {};
    for (const { place, minutes } of await shiftsServed(db, communityId, from, to)) {
      add(out, { serviceTimes: 1, serviceMinutes: minutes, ...(place.teamId ? { [teamMinutesKey(place.teamId)]: minutes } : {}) });
    }
    return out;
  },
};

export const eventsRecount: LedgerRecount = {
  ledger: 'events',
  async recount(db, communityId, from, to) {
    const ctx = ctxOf(db);
    const since = chinaInstant(`${from}-01`).toISOString();
    const units = await unitsCountedUnder(db, communityId);
    const events = await allPages((cursor) => store.listEventsOfUnits(ctx, units, since, { limit: 100, cursor }));
    const out: Record<string, number> = {};
    for (const e of events.filter((x) => inMonths(x.startsAt, from, to))) {
      const came = (await listReservations(ctx, e.id)).filter((r) => r.checkedInAt);
      add(out, { eventsHeld: came.length ? 1 : 0, attendance: came.reduce((n, r) => n + r.seats, 0) });
    }
    return out;
  },
};

export const timeBankRecount: LedgerRecount = {
  ledger: 'timeBank',
  async recount(db, communityId, from, to) {
    const out: Record<string, number> = {};
    for (const { place, minutes } of await shiftsServed(db, communityId, from, to)) if (place.elderToElder) add(out, { serviceMinutes: minutes });
    const ctx = ctxOf(db);
    const requests = await allPages((cursor) => store.listHelpRequests(ctx, communityId, chinaInstant(`${from}-01`).toISOString(), { limit: 100, cursor }));
    const end = chinaInstant(lastDayOfMonth(to), '23:59').toISOString();
    for (const r of requests.filter((x) => x.at <= end && inMonths(x.at, from, to) && x.state === 'done')) add(out, { helpsDone: 1, helpMinutes: r.minutes ?? 0 });
    return out;
  },
};
