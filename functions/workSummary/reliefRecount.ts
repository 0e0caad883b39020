import type { ReliefType } from '../../shared/relief/schemas';
import { monthsBetween } from '../../shared/relief/figures';
import { reliefFigureKey } from '../../shared/workSummary/relief';
import type { Db } from '../platform/db';
import type { LedgerRecount } from '../platform/figures';
import { keys } from '../platform/keys';

/**
 * The relief ledger rebuilt from relief's records: every payment (disbursement) of a community in each month is one
 * household-time, its persons the person-times, its amount the amount; keyed as the adapter keys relief's counters.
 */
export const reliefRecount: LedgerRecount = {
  ledger: 'relief',
  async recount(db: Db, communityId: string, from: string, to: string) {
    const v: Record<string, number> = {};
    const add = (k: string, n: number) => (v[k] = (v[k] ?? 0) + n);
    for (const month of monthsBetween(from, to)) {
      let cursor: string | undefined;
      do {
        const page = await db.query({ pk: keys.disbursement(communityId, month, '', '').pk, cursor });
        for (const d of page.items) {
          const type = d.type as ReliefType;
          const persons = Number(d.persons);
          const fen = Number(d.amountFen);
          add('householdTimes', 1);
          add('personTimes', persons);
          add('amountFen', fen);
          add(reliefFigureKey(type, 'HouseholdTimes'), 1);
          add(reliefFigureKey(type, 'PersonTimes'), persons);
          add(reliefFigureKey(type, 'AmountFen'), fen);
        }
        cursor = page.cursor;
      } while (cursor);
    }
    return v;
  },
};
