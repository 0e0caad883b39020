import { chinaMonth, type Instant } from '../../shared/platform/chinaTime';
import type { Db, TxWrite } from './db';
import { keys } from './keys';

/**
 * The work summary's counters (shared/platform/figures.ts declares what each ledger counts). A change that a ledger
 * counts adds to its counters in its own transaction: the community's for the China month of `at`, and the
 * sub-district's beside it, so a summary is one query and a counter can never drift from its records (a failed
 * transaction adds nothing; a retried one adds once, as its records are written once).
 *
 * The two writes are on per-community and per-sub-district items of one ledger and month: count the moments a report
 * counts (a mediation closed, an hour confirmed, a meal served), not bursts of taps (a sign-up), so they stay cool.
 * A function that calls figureAdds declares write on `FIG#` and `FIGSD#`.
 */
export interface FigureScope {
  subdistrictId: string;
  /** the community; for what the sub-district or a partner unit does itself (not in a community), its own id: the
   * sub-district's counters are the sum of these (the recount test checks it) */
  communityId: string;
}

/** The two counter updates (community, sub-district) for a ledger's figures at an instant; negative deltas undo. */
export function figureAdds(scope: FigureScope, at: Instant, ledger: string, add: Record<string, number>): TxWrite[] {
  const month = chinaMonth(at);
  const deltas = Object.fromEntries(Object.entries(add).filter(([, n]) => n !== 0));
  if (Object.keys(deltas).length === 0) return [];
  return [
    { update: keys.figure(scope.communityId, month, ledger), spec: { set: { entity: 'figure', communityId: scope.communityId, month, ledger }, add: deltas } },
    { update: keys.figureOfSubdistrict(scope.subdistrictId, month, ledger), spec: { set: { entity: 'figureOfSubdistrict', subdistrictId: scope.subdistrictId, month, ledger }, add: deltas } },
  ];
}

export interface FigureCounter {
  month: string;
  ledger: string;
  values: Record<string, number>;
}

const meta = new Set(['pk', 'sk', 'entity', 'communityId', 'subdistrictId', 'month', 'ledger', 'gsi1pk', 'gsi1sk']);

/**
 * The counters of a community (or of a sub-district: `level`) for the months from..to (YYYY-MM, inclusive), every
 * ledger: one query (paged by DynamoDB past 1 MB). A function that reads them declares read on `FIG#` / `FIGSD#`.
 */
export async function readFigureCounters(db: Db, level: 'community' | 'subdistrict', unitId: string, from: string, to: string): Promise<FigureCounter[]> {
  const pk = level === 'community' ? keys.figure(unitId, '', '').pk : keys.figureOfSubdistrict(unitId, '', '').pk;
  const out: FigureCounter[] = [];
  let cursor: string | undefined;
  do {
    const page = await db.query({ pk, between: [`${from}#`, `${to}#~`], cursor });
    for (const item of page.items) {
      const values: Record<string, number> = {};
      for (const [k, v] of Object.entries(item)) if (!meta.has(k) && typeof v === 'number') values[k] = v;
      out.push({ month: String(item.month), ledger: String(item.ledger), values });
    }
    cursor = page.cursor;
  } while (cursor);
  return out;
}

/**
 * How a ledger's figures are rebuilt from its records (not its counters), for the recount test
 * (functions/workSummary/recount.test.ts: "every counter equals a recount of its records"). `recount` reads the
 * records of one community through the capability's own queries and returns the same figures its counters hold for
 * the China months from..to (YYYY-MM, inclusive), summed over those months; a figure it cannot rebuild is an error in
 * the ledger, not something to leave out. Export it from functions/<capability>/figures.ts and add it to
 * functions/recounts.ts (one line), beside the ledger's line in shared/workSummary/ledgers.ts.
 */
export interface LedgerRecount {
  ledger: string;
  recount(db: Db, communityId: string, from: string, to: string): Promise<Record<string, number>>;
}

/** Sums counters by ledger over their months. */
export function sumByLedger(counters: readonly FigureCounter[]): Record<string, Record<string, number>> {
  const out: Record<string, Record<string, number>> = {};
  for (const c of counters) {
    const acc = (out[c.ledger] ??= {});
    for (const [k, v] of Object.entries(c.values)) acc[k] = (acc[k] ?? 0) + v;
  }
  return out;
}
