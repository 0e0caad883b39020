import { z } from 'zod';
import { chinaYear } from '../../shared/platform/chinaTime';
import { startOfChinaYear } from '../../shared/safety/figures';
import { loadDeps, type Deps } from '../platform/context';
import { TransactionCancelled } from '../platform/db';
import { ValidationError } from '../platform/errors';
import { figureAdds } from '../platform/figures';
import { job } from '../platform/job';
import { listUnits } from '../platform/units';
import { safetyCapability } from './capability';
import * as store from './store';

/**
 * What the job is given: EventBridge's scheduled event (its own fields are ignored: the year is the China year of the
 * run), or `{ year }` for a test or a back-fill. Unknown fields are dropped; a year that is not a whole number in range
 * is refused (VALIDATION) before anything is read.
 */
export const CountShopsDueEvent = z.object({ year: z.number().int().min(2020).max(2100).optional() }).nullish();

export function parseCountShopsDueEvent(event: unknown): { year?: number } {
  const r = CountShopsDueEvent.safeParse(event);
  if (!r.success) throw new ValidationError(r.error.issues.map((i) => ({ path: ['event', ...i.path].join('.'), message: i.message })));
  return r.data ?? {};
}

const ALREADY_COUNTED = 'shopsDueRun';

/**
 * 应签店铺, yearly (scheduled at 00:00 China time on 1 January): each community's register of shops, those registered
 * before the year, is added to January's shopsDue, so the year's signing rate has every shop on the register as its
 * base, not only the shops new that year (a shop registered from 1 January on counts itself when registered).
 * Idempotent per community and year: the run's marker is put where absent in the transaction that adds the count, so
 * a re-run (or one that stopped half-way and is started again) adds nothing where it already did.
 */
export const countShopsDue = job(safetyCapability.functions.countShopsDue!, async function countShopsDue(deps: Deps, event: unknown = {}): Promise<{ year: number; communities: number; counted: number; shopsDue: number }> {
  const input = parseCountShopsDueEvent(event);
  const now = deps.clock.now();
  const year = input.year ?? chinaYear(now);
  const start = startOfChinaYear(year);
  const communities = (await listUnits(deps.db)).filter((u) => u.kind === 'community');
  let counted = 0;
  let shopsDue = 0;
  for (const c of communities) {
    const n = await store.countShopsRegisteredBefore(deps.db, c.id, start.toISOString());
    try {
      await deps.db.transact([
        { put: store.shopsDueRunItem(c.id, year, now.toISOString(), n), if: { expr: 'attribute_not_exists(#pk)' }, tag: ALREADY_COUNTED },
        ...figureAdds({ subdistrictId: c.path[0]!, communityId: c.id }, start, 'streetFronts', { shopsDue: n }),
      ]);
      counted++;
      shopsDue += n;
    } catch (err) {
      if (!(err instanceof TransactionCancelled && err.failed(ALREADY_COUNTED))) throw err; // this year already counted
    }
  }
  deps.log.info('countShopsDue', { year, communities: communities.length, counted, shopsDue });
  return { year, communities: communities.length, counted, shopsDue };
});

/** EventBridge entry point: the event is checked before the dependencies are loaded. */
export const countShopsDueHandler = async (event: unknown) => {
  parseCountShopsDueEvent(event);
  return countShopsDue(await loadDeps(), event);
};
