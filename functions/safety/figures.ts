import { addMonths } from '../../shared/platform/chinaTime';
import { recountSafety, recountStreetFronts, type Recounted } from '../../shared/safety/figures';
import type { Db } from '../platform/db';
import type { LedgerRecount } from '../platform/figures';
import * as store from './store';

/** Sums a recount's months from..to for one community. */
function sumMonths(r: Recounted, communityId: string, from: string, to: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [key, values] of Object.entries(r)) {
    const [c, month] = key.split('#') as [string, string];
    if (c !== communityId || month < from || month > to) continue;
    for (const [k, v] of Object.entries(values)) out[k] = (out[k] ?? 0) + v;
  }
  return out;
}

/** The safety ledger rebuilt from a community's sites, inspections and hazards (their own queries, never the counters). */
export const safetyRecount: LedgerRecount = {
  ledger: 'safety',
  async recount(db: Db, communityId: string, from: string, to: string) {
    const [sites, inspections, hazards] = await Promise.all([
      store.listSitesOfCommunity(db, communityId),
      store.listInspectionsOfCommunity(db, communityId),
      store.allCasesOfCommunity(db, communityId, 'hazard'),
    ]);
    return sumMonths(recountSafety({ sites, inspections, hazards }), communityId, from, to);
  },
};

/**
 * The street-fronts ledger rebuilt from a community's shops (each due in its month, and in every later January of the
 * period), agreements (every year the months touch) and reports.
 */
export const streetFrontsRecount: LedgerRecount = {
  ledger: 'streetFronts',
  async recount(db: Db, communityId: string, from: string, to: string) {
    // an agreement is recorded in its year or the years beside it (signAgreement): read those
    const years = new Set<number>();
    // the Januaries in from..to: the yearly job added the register there (shops registered before that year)
    const dueYears: number[] = [];
    for (let m = from; m <= to; m = addMonths(m, 1)) {
      for (const d of [-1, 0, 1]) years.add(Number(m.slice(0, 4)) + d);
      if (m.endsWith('-01')) dueYears.push(Number(m.slice(0, 4)));
    }
    const [shops, agreements, reports] = await Promise.all([
      store.listShopsOfCommunity(db, communityId),
      Promise.all([...years].map((y) => store.listAgreementsOfYear(db, communityId, y))).then((a) => a.flat()),
      store.allCasesOfCommunity(db, communityId, 'illegalBuilding'),
    ]);
    return sumMonths(recountStreetFronts({ shops, agreements, reports, dueYears }), communityId, from, to);
  },
};
