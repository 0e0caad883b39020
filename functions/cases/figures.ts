import { caseKinds } from '../../shared/cases/kinds';
import type { CaseKindDef } from '../../shared/cases/machine';
import { chinaMonth, monthRange } from '../../shared/platform/chinaTime';
import type { Db } from '../platform/db';
import type { LedgerRecount } from '../platform/figures';
import * as store from './store';

/**
 * A case ledger's figures rebuilt from the records (the recount test): every case of the ledger's kinds in the
 * community raised up to `to`, and in each one's history the steps of the China months from..to, added up with the
 * kind's own `figures` (the same function the steps' transactions added to the counters). Never on a request path.
 */
async function recountCases(db: Db, kinds: readonly CaseKindDef[], communityId: string, from: string, to: string): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  const end = monthRange(from, to).to;
  for (const kind of kinds) {
    for (const c of await store.allOfCommunity(db, communityId, kind.kind, end)) {
      const { history } = await store.readCase(db, c.id);
      for (const e of history) {
        const month = chinaMonth(e.at);
        if (month < from || month > to) continue;
        const add = kind.figures!({ action: e.action, at: e.at, outcome: e.outcome, satisfaction: e.satisfaction, source: c.source, deadlineAt: c.deadlineAt });
        for (const [k, n] of Object.entries(add)) if (n !== 0) out[k] = (out[k] ?? 0) + n;
      }
    }
  }
  return out;
}

const kindsOf = (ledger: string) => Object.values(caseKinds).filter((k) => k.ledger === ledger && k.figures);

export const mediationRecount: LedgerRecount = { ledger: 'mediation', recount: (db, communityId, from, to) => recountCases(db, kindsOf('mediation'), communityId, from, to) };
export const cityCasesRecount: LedgerRecount = { ledger: 'cityCases', recount: (db, communityId, from, to) => recountCases(db, kindsOf('cityCases'), communityId, from, to) };
