import { employmentLedger, recountEmployment } from '../../shared/employment/figures';
import type { JobSeeker, Referral, Training, Vacancy } from '../../shared/employment/schemas';
import type { LedgerRecount } from '../platform/figures';
import * as store from './store';

/** Sums a recount by month over months from..to (YYYY-MM, inclusive). */
export function sumMonths(byMonth: Record<string, Record<string, number>>, from: string, to: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [month, values] of Object.entries(byMonth)) {
    if (month < from || month > to) continue;
    for (const [k, n] of Object.entries(values)) out[k] = (out[k] ?? 0) + n;
  }
  return out;
}

/**
 * The employment figures of a community rebuilt from its records (the recount test): every seeker, vacancy, referral
 * and training of its partition, counted at the moments the counters count them. Never on a request path.
 */
export const employmentRecount: LedgerRecount = {
  ledger: employmentLedger.ledger,
  async recount(db, communityId, from, to) {
    const [seekers, vacancies, referrals, trainings] = await Promise.all([
      store.listAll<JobSeeker>(db, communityId, 'SEEKER#'),
      store.listAll<Vacancy>(db, communityId, 'VACANCY#'),
      store.listAll<Referral>(db, communityId, 'REFERRAL#'),
      store.listAll<Training>(db, communityId, 'TRAINING#'),
    ]);
    return sumMonths(recountEmployment({ seekers, vacancies, referrals, trainings }), from, to);
  },
};
