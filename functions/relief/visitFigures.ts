import { chinaMonth } from '../../shared/platform/chinaTime';
import type { Db, TxWrite } from '../platform/db';
import { figureAdds, type LedgerRecount } from '../platform/figures';
import { keys } from '../platform/keys';
import * as store from './store';

/**
 * The work summary's counters of must-visits and pairings (shared/relief/visitFigures.ts says what and when), and their
 * recount. The writes go into the transaction of the change they count, whose own condition makes them count once.
 */
type Scope = { subdistrictId: string; communityId: string };

/** A must-visit closed by its first log at `at`. */
export function mustVisitDoneWrites(scope: Scope, at: string, deadlineAt: string): TxWrite[] {
  return figureAdds(scope, at, 'visits', { mustVisitsDone: 1, mustVisitsOnTime: at <= deadlineAt ? 1 : 0 });
}
export const pairingMadeWrites = (scope: Scope, at: string): TxWrite[] => figureAdds(scope, at, 'visits', { pairingsMade: 1 });
export const pairingVisitWrites = (scope: Scope, at: string): TxWrite[] => figureAdds(scope, at, 'visits', { pairingVisits: 1 });

const inMonths = (at: string, from: string, to: string) => chinaMonth(at) >= from && chinaMonth(at) <= to;

export const visitsRecount: LedgerRecount = {
  ledger: 'visits',
  async recount(db: Db, communityId, from, to) {
    const out: Record<string, number> = {};
    const add = (k: string, n = 1) => {
      if (n) out[k] = (out[k] ?? 0) + n;
    };
    for (const v of await store.listMustVisits(db, communityId, 'done')) {
      const { logs } = await store.readMustVisit(db, v.id);
      const first = logs.map((l) => l.at).sort()[0];
      if (!first || !inMonths(first, from, to)) continue;
      add('mustVisitsDone');
      add('mustVisitsOnTime', first <= v.deadlineAt ? 1 : 0);
    }
    const pk = keys.pairing(communityId, '', '').pk;
    for (const [prefix, what] of [['PAIR#', 'pairingsMade'], ['PAIRVISIT#', 'pairingVisits']] as const) {
      let cursor: string | undefined;
      do {
        const page = await db.query<{ createdAt?: string; at?: string }>({ pk, prefix, cursor });
        for (const it of page.items) {
          const at = what === 'pairingsMade' ? it.createdAt : it.at;
          if (at && inMonths(at, from, to)) add(what);
        }
        cursor = page.cursor;
      } while (cursor);
    }
    return out;
  },
};
