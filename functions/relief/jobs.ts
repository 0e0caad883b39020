import { bornInAnyOf, screen } from '../../shared/relief/screening';
import type { ReliefType } from '../../shared/relief/schemas';
import { chinaMonth } from '../../shared/platform/chinaTime';
import { loadDeps, type Deps } from '../platform/context';
import { ConditionFailed } from '../platform/db';
import { vaultFromEnv } from '../platform/crypto';
import { keys } from '../platform/keys';
import { listUnits } from '../platform/units';
import * as store from './store';
import { reliefCapability } from './capability';
import { job } from '../platform/job';
import { drainWork as drainQueue } from '../platform/work';
import { RELIEF_QUEUE, reliefWork } from './work';

/**
 * 滚动筛选, monthly (scheduled on the 1st): every household of every community's registry gets this month's flags
 * (annual dibao review, an age crossing the senior-allowance threshold, a benefit expiring, a visit due). Idempotent per
 * month: each entry is updated only where its `screenedMonth` is not this month, and the community's run marker is
 * written once; a re-run (or a run that stopped half-way and is started again) flags nobody twice.
 */
export const screenRegistry = job(reliefCapability.functions.screenRegistry!, async function screenRegistry(deps: Deps, now: Date = deps.clock.now()): Promise<{ communities: number; screened: number; flagged: number }> {
  const month = chinaMonth(now);
  let screened = 0;
  let flagged = 0;
  const communities = (await listUnits(deps.db)).filter((u) => u.kind === 'community');
  for (const c of communities) {
    const rules = await store.getRules(deps.db, c.path[0]!);
    let cursor: string | undefined;
    do {
      const page = await store.listRegistry(deps.db, c.id, { cursor, limit: 100 });
      for (const e of page.items) {
        if (e.screenedMonth === month) continue;
        const benefits = Object.entries(e)
          .filter(([k, v]) => k.startsWith('benefit_') && v)
          .map(([k, v]) => ({ type: k.slice(8) as ReliefType, ...(v as { since: string; until?: string }) }));
        const flags = screen({ tags: e.tags, benefits, bornIn: bornInOf(e), lastVisitAt: e.lastVisitAt, createdAt: e.createdAt }, month, rules);
        try {
          await deps.db.update(keys.registryEntry(c.id, e.householdId), {
            set: { flags, screenedMonth: month },
            if: { expr: 'attribute_not_exists(#screenedMonth) OR #screenedMonth <> :m', values: { ':m': month } },
          });
          screened++;
          if (flags.length) flagged++;
        } catch (err) {
          if (!(err instanceof ConditionFailed)) throw err;
        }
      }
      cursor = page.cursor;
    } while (cursor);
    try {
      await deps.db.put({ ...keys.screeningRun(c.id, month), entity: 'screeningRun', month, at: now.toISOString() }, { expr: 'attribute_not_exists(#pk)' });
    } catch (err) {
      if (!(err instanceof ConditionFailed)) throw err;
    }
  }
  deps.log.info('screenRegistry', { month, communities: communities.length, screened, flagged });
  return { communities: communities.length, screened, flagged };
});

/** Whether a member of an entry was born in a month: by the keyed hashes since issue 11 item 1, by the dates before. */
function bornInOf(e: store.RegistryRecord): (yearMonth: string) => boolean {
  if (!e.birthMonthHashes) return bornInAnyOf(e.birthDates ?? []);
  const hashes = new Set(e.birthMonthHashes);
  const v = vaultFromEnv();
  return (yearMonth) => hashes.has(store.birthMonthHash((purpose, value) => v.hash(purpose, value), e.householdId, yearMonth));
}

export const screenRegistryHandler = async () => screenRegistry(await loadDeps());

/** Relief's work items (payments imports in chunks, the rest of a decision's notifications), every minute. */
export const drainReliefWork = job(reliefCapability.functions.drainReliefWork!, (deps: Deps, opts?: { budgetMs?: number }) => drainQueue(deps, RELIEF_QUEUE, reliefWork, opts));
export const drainReliefWorkHandler = async () => drainReliefWork(await loadDeps());
