import { QueueCause, type QueueItem } from '../../../shared/moderation/schemas';
import { canModerate } from '../../../shared/moderation/permissions';
import type { UserCtx } from '../../platform/context';
import { ForbiddenError, NotFoundError } from '../../platform/errors';
import { getUnit } from '../../platform/units';
import { ReportReason } from '../../../shared/moderation/schemas';

/**
 * The queue: what waits for a worker's look (reported, or held in review), newest first, a page at a time. A
 * community's workers ask for their community (gsi1 `MODQ#c`); officers for one of their communities or for the whole
 * sub-district (gsi2 `MODQSD#sd`). An entry leaves the index when a worker decides it.
 */
export async function listQueue(ctx: UserCtx, q: { unitId: string; cursor?: string; limit?: number }): Promise<{ items: QueueItem[]; cursor?: string }> {
  const unit = await moderatedUnit(ctx, q.unitId);
  const page = await ctx.db.query<Record<string, unknown>>(
    unit.kind === 'community'
      ? { index: 'gsi1', pk: `MODQ#${unit.id}`, ascending: false, limit: q.limit ?? 20, cursor: q.cursor }
      : { index: 'gsi2', pk: `MODQSD#${unit.id}`, ascending: false, limit: q.limit ?? 20, cursor: q.cursor },
  );
  return { items: page.items.map(queueItem), cursor: page.cursor };
}

/** The community or sub-district a worker's list is asked for: 404 for another kind of unit, 403 outside their reach. */
export async function moderatedUnit(ctx: UserCtx, unitId: string): Promise<{ kind: 'community' | 'subdistrict'; id: string }> {
  const unit = await getUnit(ctx.db, unitId);
  if (!unit || (unit.kind !== 'community' && unit.kind !== 'subdistrict')) throw new NotFoundError('unit');
  const where = unit.kind === 'community' ? { subdistrictId: unit.path[0]!, communityId: unit.id } : { subdistrictId: unit.id };
  if (!canModerate(ctx.principal, where)) throw new ForbiddenError();
  return { kind: unit.kind, id: unit.id };
}

export function queueItem(it: Record<string, unknown>): QueueItem {
  return {
    kind: it.kind as QueueItem['kind'],
    ref: it.ref as string,
    communityId: it.communityId as string | undefined,
    subdistrictId: it.subdistrictId as string,
    text: (it.text as string | undefined) ?? '',
    authorName: (it.authorName as string | undefined) ?? '居民',
    causes: QueueCause.options.filter((c) => it[`cause_${c}`] === true),
    reportCount: Number(it.reportCount ?? 0),
    reasons: Object.fromEntries(ReportReason.options.filter((r) => Number(it[`reason_${r}`] ?? 0) > 0).map((r) => [r, Number(it[`reason_${r}`])])),
    state: (it.state as QueueItem['state']) ?? 'open',
    at: it.at as string,
    link: it.link as string | undefined,
  };
}
