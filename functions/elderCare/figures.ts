import { recountElderCare } from '../../shared/elderCare/figures';
import { monthRange } from '../../shared/platform/chinaTime';
import type { LedgerRecount } from '../platform/figures';
import * as store from './store';

/**
 * The elderCare ledger rebuilt from its records for the recount test: a community's served bookings (by the time they
 * were served) and its 助急 requests (by the time they were made; in time = acknowledged before it was escalated).
 */
export const elderCareRecount: LedgerRecount = {
  ledger: 'elderCare',
  async recount(db, communityId, from, to) {
    const range = monthRange(from, to);
    const [served, emergencies] = await Promise.all([store.servedOfCommunity(db, communityId, range.from, range.to), store.emergenciesOfCommunity(db, communityId, { from: range.from, to: range.to })]);
    return recountElderCare({
      served,
      emergencies: emergencies.map((e) => ({ ackInTime: !!e.acknowledgedAt && (!e.escalated || e.acknowledgedAt < e.escalateAt) && e.acknowledgedAt < e.escalateAt })),
    });
  },
};
