import { can } from '../../../shared/org/permissions';
import type { UserCtx } from '../../platform/context';
import { ConflictError, ForbiddenError } from '../../platform/errors';
import { transactCreate } from '../../platform/idempotency';
import { keys } from '../../platform/keys';
import { readableMatter, scopeOf } from './view';

/**
 * A resident backs a neighbour's matter, once. The second and the count move together in one transaction whose
 * condition is the second's absence: fifty taps at once count one.
 */
export async function secondMatter(ctx: UserCtx, matterId: string): Promise<{ matterId: string; secondCount: number }> {
  const matter = await readableMatter(ctx, matterId);
  if (!can.secondMatter(ctx.principal, scopeOf(matter))) throw new ForbiddenError('NOT_BOUND');
  if (matter.authorId === ctx.principal.userId) throw new ConflictError('OWN_MATTER');
  if (matter.status === 'withdrawn') throw new ConflictError('MATTER_WITHDRAWN');
  const result = { matterId, secondCount: matter.secondCount + 1 };
  return transactCreate(
    ctx,
    [
      {
        put: { ...keys.second(matterId, ctx.principal.userId), entity: 'second', userId: ctx.principal.userId, at: ctx.clock.now().toISOString() },
        if: { expr: 'attribute_not_exists(#pk)' },
        fails: 'ALREADY_SECONDED',
      },
      {
        update: keys.matter(matterId),
        spec: { add: { secondCount: 1 }, if: { expr: '#status <> :withdrawn', values: { ':withdrawn': 'withdrawn' } } },
        fails: 'MATTER_WITHDRAWN',
      },
    ],
    result,
  );
}
