import { lastDayOfMonth } from '../../shared/platform/chinaTime';
import { sessionFigures } from '../../shared/sayItDay/figures';
import type { LedgerRecount } from '../platform/figures';
import * as store from './store';

/**
 * The say-it day figures of a community rebuilt from its records (the recount test): every closed session dated in the
 * months, with its matters' outcomes as they stand.
 */
export const sayItDayRecount: LedgerRecount = {
  ledger: 'sayItDay',
  async recount(db, communityId, from, to) {
    const out: Record<string, number> = {};
    const sessions = await store.listSessions(db, communityId, `${from}-01`, lastDayOfMonth(to), true);
    for (const s of sessions.filter((x) => x.state === 'closed')) {
      const matters = await store.listMattersOfSession(db, s.id);
      for (const [k, n] of Object.entries(sessionFigures(s, matters.map((m) => m.status)))) out[k] = (out[k] ?? 0) + n;
    }
    return out;
  },
};
