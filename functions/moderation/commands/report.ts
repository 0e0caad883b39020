import type { ContentKind, ReportReason } from '../../../shared/moderation/schemas';
import type { UserCtx } from '../../platform/context';
import { enqueueWrite, modKeys } from '../../platform/contentSecurity';
import { ForbiddenError } from '../../platform/errors';
import { readTarget } from './target';

/**
 * A resident reports a neighbour's matter or comment: one report per person and item (the report item is written only
 * where absent, with the queue entry's count, in one transaction: a second report, or two taps at once, count once and
 * answer ALREADY_REPORTED). The entry goes to the top of the community's queue; the item stays shown until a worker
 * decides.
 */
export async function report(ctx: UserCtx, kind: ContentKind, ref: string, reason: ReportReason): Promise<{ reported: true }> {
  const target = await readTarget(ctx, kind, ref);
  if (target.meta.authorId === ctx.principal.userId) throw new ForbiddenError('REPORT_OWN_CONTENT');
  const at = ctx.clock.now().toISOString();
  await ctx.db.transact([
    {
      put: { ...modKeys.report(kind, ref, ctx.principal.userId), entity: 'moderationReport', userId: ctx.principal.userId, reason, at },
      if: { expr: 'attribute_not_exists(#pk)' },
      fails: 'ALREADY_REPORTED',
    },
    enqueueWrite(ctx, target.meta, ['reported'], reason),
  ]);
  return { reported: true };
}
