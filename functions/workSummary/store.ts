import type { ReliefType } from '../../shared/relief/schemas';
import { reliefFigureKey } from '../../shared/workSummary/relief';
import type { SummaryPeriod } from '../../shared/workSummary/period';
import type { Db } from '../platform/db';
import { readFigureCounters, sumByLedger } from '../platform/figures';
import { keys } from '../platform/keys';

export type Level = 'subdistrict' | 'community';

/** Every FIG# ledger's figures of a unit for a period, summed over its months: one query (FIG# or FIGSD#). */
export async function ledgerFigures(db: Db, level: Level, unitId: string, p: SummaryPeriod): Promise<Record<string, Record<string, number>>> {
  return sumByLedger(await readFigureCounters(db, level, unitId, p.from, p.to));
}

/**
 * The relief adapter: relief's own counters (RFIG# per community, RFIGSD# per sub-district; month and type in the sort
 * key; written with each payment by functions/relief) of a unit for a period, as the relief ledger's values: one query.
 */
export async function reliefFigures(db: Db, level: Level, unitId: string, p: SummaryPeriod): Promise<Record<string, number>> {
  const pk = level === 'community' ? keys.reliefFigure(unitId, '', '').pk : keys.reliefFigureOfSubdistrict(unitId, '', '').pk;
  const v: Record<string, number> = {};
  const add = (k: string, n: unknown) => {
    if (typeof n === 'number') v[k] = (v[k] ?? 0) + n;
  };
  let cursor: string | undefined;
  do {
    const page = await db.query({ pk, between: [`${p.from}#`, `${p.to}#~`], cursor });
    for (const it of page.items) {
      const type = it.type as ReliefType;
      add('householdTimes', it.householdTimes);
      add('personTimes', it.personTimes);
      add('amountFen', it.amountFen);
      add(reliefFigureKey(type, 'HouseholdTimes'), it.householdTimes);
      add(reliefFigureKey(type, 'PersonTimes'), it.personTimes);
      add(reliefFigureKey(type, 'AmountFen'), it.amountFen);
    }
    cursor = page.cursor;
  } while (cursor);
  return v;
}
