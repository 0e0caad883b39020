import { canManageEmployment } from '../../../shared/employment/rules';
import type { Scope } from '../../../shared/org/schemas';
import type { UserCtx } from '../../platform/context';
import { ForbiddenError, NotFoundError } from '../../platform/errors';
import { getUnit } from '../../platform/units';

/** The community's place in the tree, and the caller's right to keep its employment records (403 otherwise). */
export async function managedCommunity(ctx: UserCtx, communityId: string): Promise<Scope & { communityId: string }> {
  const unit = await getUnit(ctx.db, communityId);
  if (!unit || unit.kind !== 'community') throw new NotFoundError('community');
  const scope = { subdistrictId: unit.path[0]!, communityId };
  if (!canManageEmployment(ctx.principal, scope)) throw new ForbiddenError();
  return scope;
}
