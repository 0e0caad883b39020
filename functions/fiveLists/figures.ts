import { unitFigureKey } from '../../shared/fiveLists/figures';
import { chinaInstant, chinaMonth, chinaYear, lastDayOfMonth } from '../../shared/platform/chinaTime';
import type { Db, TxWrite } from '../platform/db';
import { figureAdds, type LedgerRecount } from '../platform/figures';
import { keys } from '../platform/keys';
import type { FiveListRecord } from './intake';
import * as store from './store';

/**
 * The work summary's counters the five lists keep (shared/fiveLists/figures.ts says what and when), and their recounts.
 * The writes go into the transaction of the change they count, whose own condition makes them count once.
 */

// ---------- the five lists: mirrors of the score entries, in the month of the round's resolution ----------

/** What one score entry (or its change) adds to the ledger. */
export interface EntryFigures {
  resolved: number;
  onTime: number;
  satisfied: number;
  partly: number;
  notSatisfied: number;
  starSum: number;
}

export function entryFigures(unitId: string, e: EntryFigures): Record<string, number> {
  const ratings = e.satisfied + e.partly + e.notSatisfied;
  return {
    resolved: e.resolved,
    resolvedOnTime: e.onTime,
    ratings,
    satisfied: e.satisfied,
    partly: e.partly,
    notSatisfied: e.notSatisfied,
    stars: e.starSum,
    [unitFigureKey('ratings', unitId)]: ratings,
    [unitFigureKey('stars', unitId)]: e.starSum,
    [unitFigureKey('satisfied', unitId)]: e.satisfied,
  };
}

const none: EntryFigures = { resolved: 0, onTime: 0, satisfied: 0, partly: 0, notSatisfied: 0, starSum: 0 };

/** A unit resolved a matter it is scored on (at `at`, on time or not). */
export function resolvedFigureWrites(r: FiveListRecord, at: string, onTime: boolean): TxWrite[] {
  if (!r.scoreYear || !r.unitId) return [];
  return figureAdds(r, at, 'fiveLists', entryFigures(r.unitId, { ...none, resolved: 1, onTime: onTime ? 1 : 0 }));
}

/** A resident rated the round's resolution. */
export function ratedFigureWrites(r: FiveListRecord, level: 'satisfied' | 'partly' | 'notSatisfied', stars: number): TxWrite[] {
  if (!r.scoreYear || !r.unitId || !r.resolution) return [];
  return figureAdds(r, r.resolution.at, 'fiveLists', entryFigures(r.unitId, { ...none, [level]: 1, starSum: stars }));
}

/** A reopen clears the round's score entry (`entry`, as read): its resolution and ratings come back out of their month. */
export function reopenedFigureWrites(r: FiveListRecord, entry: EntryFigures | undefined): TxWrite[] {
  if (!r.scoreYear || !r.unitId || !r.resolution || !entry) return [];
  const minus = Object.fromEntries(Object.entries(entryFigures(r.unitId, entry)).map(([k, n]) => [k, -n]));
  return figureAdds(r, r.resolution.at, 'fiveLists', minus);
}

/** A score entry as stored, in EntryFigures' numbers. */
export function asEntryFigures(e: { resolved?: boolean; onTime?: boolean; satisfied?: number; partly?: number; notSatisfied?: number; starSum?: number }): EntryFigures {
  return { resolved: e.resolved ? 1 : 0, onTime: e.resolved && e.onTime ? 1 : 0, satisfied: e.satisfied ?? 0, partly: e.partly ?? 0, notSatisfied: e.notSatisfied ?? 0, starSum: e.starSum ?? 0 };
}

// ---------- councils and consultations ----------

interface CouncilLike {
  subdistrictId: string;
  communityId: string;
  heldOn: string;
  attendance: number;
  topics: readonly string[];
  resolutions: readonly { implemented: boolean }[];
}

/** What a recorded council adds: the meeting, its attendance, topics, resolutions and those implemented. */
export function councilFigures(c: CouncilLike): Record<string, number> {
  return { councilsHeld: 1, attendance: c.attendance, topics: c.topics.length, resolutions: c.resolutions.length, implemented: c.resolutions.filter((r) => r.implemented).length };
}

export function councilFigureWrites(c: Pick<CouncilLike, 'subdistrictId' | 'communityId' | 'heldOn'>, add: Record<string, number>): TxWrite[] {
  return figureAdds(c, chinaInstant(c.heldOn), 'councils', add);
}

/** A consultation of a community (or of the whole sub-district: counted under the sub-district's id). */
export function consultationFigureWrites(unit: { id: string; path: readonly string[] }, c: { opensAt: string; options: readonly unknown[] }): TxWrite[] {
  return figureAdds({ subdistrictId: unit.path[0]!, communityId: unit.id }, c.opensAt, 'consultations', { consultationsHeld: 1, options: c.options.length });
}

// ---------- recounts (the recount test): the same figures from the records ----------

const inMonths = (at: string, from: string, to: string) => chinaMonth(at) >= from && chinaMonth(at) <= to;
const add = (acc: Record<string, number>, values: Record<string, number>) => {
  for (const [k, n] of Object.entries(values)) if (n !== 0) acc[k] = (acc[k] ?? 0) + n;
};

export const councilsRecount: LedgerRecount = {
  ledger: 'councils',
  async recount(db: Db, communityId, from, to) {
    const out: Record<string, number> = {};
    const { pk, sk } = keys.council(communityId, '');
    let cursor: string | undefined;
    do {
      const page = await db.query<CouncilLike & Record<string, unknown>>({ pk, prefix: sk, cursor });
      for (const c of page.items) if (c.heldOn >= `${from}-01` && c.heldOn <= lastDayOfMonth(to)) add(out, councilFigures(c));
      cursor = page.cursor;
    } while (cursor);
    return out;
  },
};

export const consultationsRecount: LedgerRecount = {
  ledger: 'consultations',
  async recount(db: Db, communityId, from, to) {
    const out: Record<string, number> = {};
    const { gsi1pk } = keys.consultationOfUnit(communityId, '', '');
    let cursor: string | undefined;
    do {
      const page = await db.query<{ opensAt: string; options: unknown[] } & Record<string, unknown>>({ index: 'gsi1', pk: gsi1pk, cursor });
      for (const c of page.items) if (inMonths(c.opensAt, from, to)) add(out, { consultationsHeld: 1, options: c.options.length });
      cursor = page.cursor;
    } while (cursor);
    return out;
  },
};

/**
 * The score entries of the community's matters resolved in the months (entries live under the year their matter was
 * confirmed: that year and the one before are read).
 */
export const fiveListsRecount: LedgerRecount = {
  ledger: 'fiveLists',
  async recount(db: Db, communityId, from, to) {
    const out: Record<string, number> = {};
    const community = await db.get<{ path: string[] }>(keys.unit(communityId));
    const subdistrictId = community?.path[0];
    if (!subdistrictId) return out;
    const firstYear = Number(from.slice(0, 4)) - 1;
    const lastYear = chinaYear(chinaInstant(lastDayOfMonth(to)));
    for (let year = firstYear; year <= lastYear; year++) {
      for (const e of await store.listScoreEntries(db, subdistrictId, year)) {
        const stored = e as typeof e & { resolvedAt?: string };
        if (!e.resolved || !stored.resolvedAt || !inMonths(stored.resolvedAt, from, to)) continue;
        const matter = await store.getFiveList(db, e.matterId);
        if (matter?.communityId !== communityId) continue;
        add(out, entryFigures(e.unitId, asEntryFigures(e)));
      }
    }
    return out;
  },
};
