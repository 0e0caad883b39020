import { readFigureCounters, sumByLedger } from '../../functions/platform/figures';
import type { Db } from '../../functions/platform/db';

/** A ledger's counters of a community (or a sub-district) summed over months from..to: what the work summary reads. */
export async function countersOf(db: Db, ledger: string, unitId: string, from: string, to = from, level: 'community' | 'subdistrict' = 'community'): Promise<Record<string, number>> {
  return sumByLedger(await readFigureCounters(db, level, unitId, from, to))[ledger] ?? {};
}
