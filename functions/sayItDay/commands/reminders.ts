import { residentCommunityId } from '../../../shared/org/permissions';
import type { UserCtx } from '../../platform/context';
import { ForbiddenError } from '../../platform/errors';
import { keys } from '../../platform/keys';
import * as store from '../store';

/** A resident asks to be reminded the day before each session of their community. */
export async function readReminder(ctx: UserCtx, communityId: string) {
  if (residentCommunityId(ctx.principal) !== communityId) throw new ForbiddenError('NOT_BOUND');
  return { communityId, subscribed: await store.isSubscribedToReminders(ctx.db, communityId, ctx.principal.userId) };
}

export async function putReminder(ctx: UserCtx, communityId: string, subscribed: boolean) {
  if (residentCommunityId(ctx.principal) !== communityId) throw new ForbiddenError('NOT_BOUND');
  const key = keys.reminderSubscription(communityId, ctx.principal.userId);
  if (subscribed) await ctx.db.put({ ...key, entity: 'reminderSubscription', userId: ctx.principal.userId, at: ctx.clock.now().toISOString() });
  else await ctx.db.transact([{ delete: key }]);
  return { communityId, subscribed };
}
