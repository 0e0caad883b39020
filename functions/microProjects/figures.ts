import { microProjectsLedger, recountMicroProjects } from '../../shared/microProjects/figures';
import type { LedgerRecount } from '../platform/figures';
import * as store from './store';

/** The micro-project figures of a community rebuilt from its projects and spending entries (the recount test). */
export const microProjectsRecount: LedgerRecount = {
  ledger: microProjectsLedger.ledger,
  async recount(db, communityId, from, to) {
    const [projects, spending] = await Promise.all([store.listProjects(db, communityId), store.listSpending(db, communityId)]);
    return sumMonths(recountMicroProjects(projects, spending), from, to);
  },
};

function sumMonths(byMonth: Record<string, Record<string, number>>, from: string, to: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [month, values] of Object.entries(byMonth)) {
    if (month < from || month > to) continue;
    for (const [k, n] of Object.entries(values)) out[k] = (out[k] ?? 0) + n;
  }
  return out;
}
