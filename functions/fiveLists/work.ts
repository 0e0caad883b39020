import type { Ctx } from '../platform/context';
import type { TxWrite } from '../platform/db';
import { keys } from '../platform/keys';
import { MAX_TX_ITEMS, tellStep, workItemWrite, type WorkKinds, type WorkStep } from '../platform/work';

/** The five lists' work items (platform/work.ts): their queue, and what its worker knows how to do. */
export const FIVE_LISTS_QUEUE = 'fiveLists';

/** People carried per chunk: one write each, and for watchers the matter's count; the item's progress is one more. */
const CARRIED_PER_CHUNK = MAX_TX_ITEMS - 10;

interface CarryPayload {
  /** the matter carried into */
  ref: string;
  /** the duplicate merged into it */
  from: string;
  at: string;
  /** backers past those the merge's own transaction carried: they may rate the matter, as its own backers */
  backers: string[];
  /** the duplicate's watchers who are not told of the matter otherwise: they watch it, counted */
  watchers: string[];
}

/** The work item that carries a merged duplicate's people over, written in the merge's transaction. */
export function carryWrite(ctx: Ctx, payload: CarryPayload): TxWrite {
  return workItemWrite(ctx, FIVE_LISTS_QUEUE, 'carry', { ...payload });
}

/**
 * One chunk of a carry: backers first (an update each, so one already watching keeps watching), then watchers: those
 * not yet watching (read first) get their item and the count moves by as many, in one transaction whose conditions
 * fail if one started watching meanwhile (the worker reads the chunk again). The cursor is `b:<offset>` or `w:<offset>`.
 */
const carryStep: WorkStep<CarryPayload> = async (ctx, p, cursor) => {
  const [part, from] = (cursor ?? 'b:0').split(':') as ['b' | 'w', string];
  const at = Number(from);
  if (part === 'b' && at < p.backers.length) {
    const chunk = p.backers.slice(at, at + CARRIED_PER_CHUNK);
    const writes: TxWrite[] = chunk.map((userId) => ({ update: keys.fiveListWatcher(p.ref, userId), spec: { set: { entity: 'fiveListWatcher', userId, from: p.from, at: p.at } } }));
    const next = at + chunk.length;
    return { writes, next: next < p.backers.length ? `b:${next}` : p.watchers.length ? 'w:0' : undefined };
  }
  const w = part === 'w' ? at : 0;
  const chunk = p.watchers.slice(w, w + CARRIED_PER_CHUNK);
  const items = await ctx.db.batchGet<{ userId: string; watching?: boolean }>(chunk.map((u) => keys.fiveListWatcher(p.ref, u)));
  const already = new Set(items.filter((i) => i.watching).map((i) => i.userId));
  const now = ctx.clock.now().toISOString();
  const fresh = chunk.filter((u) => !already.has(u));
  const writes: TxWrite[] = fresh.map((userId) => ({
    update: keys.fiveListWatcher(p.ref, userId),
    spec: { set: { entity: 'fiveListWatcher', userId, watching: true, watchedAt: now }, if: { expr: 'attribute_not_exists(#watching)' } },
  }));
  if (fresh.length) writes.push({ update: keys.fiveListMatter(p.ref), spec: { add: { watchCount: fresh.length }, if: { expr: 'attribute_exists(#pk)' } } });
  const next = w + chunk.length;
  return { writes, next: next < p.watchers.length ? `w:${next}` : undefined };
};

export const fiveListsWork: WorkKinds = { tell: tellStep, carry: carryStep };
