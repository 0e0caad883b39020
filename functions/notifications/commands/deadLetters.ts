import { hasRole } from '../../../shared/org/permissions';
import type { DeadLetter } from '../../../shared/notifications/schemas';
import type { UserCtx } from '../../platform/context';
import { ForbiddenError } from '../../platform/errors';
import { listDeadLetters } from '../../platform/work';

/**
 * What the outbox and the workers gave up on, newest first, for admins: a dead letter names its source, what it was
 * about (a template or an id) and the last error, never a person's data, so an admin of any sub-district may read them.
 */
export async function deadLetters(ctx: UserCtx, q: { cursor?: string; limit?: number }): Promise<{ items: DeadLetter[]; cursor?: string }> {
  if (!hasRole(ctx.principal, 'admin')) throw new ForbiddenError();
  return listDeadLetters(ctx, q);
}
