import type { HiddenItem } from '../../../shared/moderation/schemas';
import type { UserCtx } from '../../platform/context';
import { moderatedUnit } from './queue';

const EXCERPT = 120;

/**
 * 已隐藏: what the workers of a community (officers: of one of its communities, or the whole sub-district) have hidden,
 * newest hide first, a page at a time, so a hide by mistake can be found and undone after it has left the queue. The
 * entry sits in gsi1 `MODHID#c` / gsi2 `MODHIDSD#sd` from its hide until a restore (or a new report, an edit for
 * review) takes it out. Items hidden before the index existed are not listed until hidden again (README, Not yet).
 */
export async function listHidden(ctx: UserCtx, q: { unitId: string; cursor?: string; limit?: number }): Promise<{ items: HiddenItem[]; cursor?: string }> {
  const unit = await moderatedUnit(ctx, q.unitId);
  const page = await ctx.db.query<Record<string, unknown>>(
    unit.kind === 'community'
      ? { index: 'gsi1', pk: `MODHID#${unit.id}`, ascending: false, limit: q.limit ?? 20, cursor: q.cursor }
      : { index: 'gsi2', pk: `MODHIDSD#${unit.id}`, ascending: false, limit: q.limit ?? 20, cursor: q.cursor },
  );
  return { items: page.items.map(hiddenItem), cursor: page.cursor };
}

function hiddenItem(it: Record<string, unknown>): HiddenItem {
  const text = (it.text as string | undefined) ?? '';
  return {
    kind: it.kind as HiddenItem['kind'],
    ref: it.ref as string,
    communityId: it.communityId as string | undefined,
    subdistrictId: it.subdistrictId as string,
    excerpt: text.length > EXCERPT ? `${text.slice(0, EXCERPT)}…` : text,
    authorName: (it.authorName as string | undefined) ?? '居民',
    hiddenAt: it.decidedAt as string,
    hiddenBy: (it.decidedByName as string | undefined) ?? '',
    reason: (it.decisionReason as string | undefined) ?? '',
    link: it.link as string | undefined,
  };
}
