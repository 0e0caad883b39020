import { canWatch } from '../../../shared/fiveLists/permissions';
import type { WatchState } from '../../../shared/fiveLists/schemas';
import type { Ctx, UserCtx } from '../../platform/context';
import { TransactionCancelled, type TxWrite } from '../../platform/db';
import { ConflictError, ForbiddenError } from '../../platform/errors';
import type { FiveListRecord } from '../intake';
import { keys } from '../../platform/keys';
import * as store from '../store';
import { readable, scopeOfRecord } from './common';

/**
 * 关注: a resident of the matter's community watches it, to be told of its progress without seconding it (watchers do
 * not rate). The watcher item and the matter's `watchCount` change in one transaction, the item's write conditioned on
 * the change still being needed: a repeated watch or unwatch (a retry on a weak network) answers ok and counts nothing.
 * The submitter and backers are told anyway: for them nothing is written, and the answer says so.
 */
export async function watch(ctx: UserCtx, matterId: string): Promise<WatchState> {
  const part = await store.getMyPartAtOnce(ctx.db, matterId, ctx.principal.userId);
  const r = watchable(ctx, part.matter);
  const told = alreadyTold(ctx, r, part);
  if (told) return { watching: part.watching, watchCount: r.watchCount ?? 0, alreadyTold: told };
  // nothing more will happen to a merged or closed matter: there is nothing to be told of (its board entry says where it went)
  if (r.state === 'merged' || r.state === 'closed') throw new ConflictError('CASE_WRONG_STATE', { state: r.state });
  if (part.watching) return { watching: true, watchCount: r.watchCount ?? 0 };
  await countedWrite(ctx, watchWrites(ctx, matterId, ctx.principal.userId));
  return answer(r, true);
}

/** Stops watching; always allowed (a matter merged or closed meanwhile too). A backer's carried item keeps its `from`. */
export async function unwatch(ctx: UserCtx, matterId: string): Promise<WatchState> {
  const part = await store.getMyPartAtOnce(ctx.db, matterId, ctx.principal.userId);
  const r = watchable(ctx, part.matter);
  const told = alreadyTold(ctx, r, part);
  const toldFlag = told ? { alreadyTold: told } : {};
  if (!part.watching) return { watching: false, watchCount: r.watchCount ?? 0, ...toldFlag };
  const item = keys.fiveListWatcher(matterId, ctx.principal.userId);
  const write: TxWrite = part.carried
    ? { update: item, spec: { remove: ['watching'], if: { expr: 'attribute_exists(#watching)' } }, tag: WATCHER }
    : { delete: item, if: { expr: 'attribute_exists(#watching) AND attribute_not_exists(#from)' }, tag: WATCHER };
  await countedWrite(ctx, [write, { update: keys.fiveListMatter(matterId), spec: { add: { watchCount: -1 }, if: { expr: 'attribute_exists(#pk)' } } }]);
  return { ...answer(r, false), ...toldFlag };
}

/**
 * The writes that make a person a watcher of a matter and count them, in one transaction. The item is an update, not
 * a put: a backer's carried item keeps its `from`. Used by `watch` and by a merge carrying a duplicate's watchers over.
 */
export function watchWrites(ctx: Ctx, matterId: string, userId: string): TxWrite[] {
  return [
    {
      update: keys.fiveListWatcher(matterId, userId),
      spec: { set: { entity: 'fiveListWatcher', userId, watching: true, watchedAt: ctx.clock.now().toISOString() }, if: { expr: 'attribute_not_exists(#watching)' } },
      tag: WATCHER,
    },
    { update: keys.fiveListMatter(matterId), spec: { add: { watchCount: 1 }, if: { expr: 'attribute_exists(#pk)' } } },
  ];
}

/** The tag of the watcher item's write in a watch or unwatch transaction. */
const WATCHER = 'watcher';

/**
 * Runs a watch or unwatch transaction. The watcher item's write (tagged WATCHER) failing its condition means the change
 * was already made (a retry, or the same tap twice at once): ok, nothing counted (answers false).
 */
export async function countedWrite(ctx: Ctx, writes: TxWrite[]): Promise<boolean> {
  try {
    await ctx.db.transact(writes);
    return true;
  } catch (e) {
    if (e instanceof TransactionCancelled && e.failed(WATCHER)) return false;
    throw e;
  }
}

/** Residents of the matter's community see it on the board and may watch it; another community's get 404, staff 403. */
function watchable(ctx: UserCtx, m: FiveListRecord | undefined): FiveListRecord {
  const r = readable(ctx, m);
  if (!canWatch(ctx.principal, scopeOfRecord(r))) throw new ForbiddenError();
  return r;
}

function alreadyTold(ctx: UserCtx, r: FiveListRecord, part: store.MyPart): WatchState['alreadyTold'] {
  if (r.submitterId === ctx.principal.userId) return 'submitter';
  return part.backer ? 'backer' : undefined;
}

/**
 * The answer after a watch (`watching`) or unwatch, without reading again (DESIGN: at most 2 round trips): the count read
 * plus the change. Whether our transaction made the change or lost its item condition to one that already had (the same
 * tap twice at once), the change is made once and counted once, by the same ±1, after the read (one snapshot of the item
 * and the count: `getMyPartAtOnce`): either way the count is the read's moved by one. Other people's watches since the read show on the next read, as anywhere else on the page.
 */
function answer(r: FiveListRecord, watching: boolean): WatchState {
  return { watching, watchCount: Math.max(0, (r.watchCount ?? 0) + (watching ? 1 : -1)) };
}
