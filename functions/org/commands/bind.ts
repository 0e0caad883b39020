import type { BindInput } from '../../../shared/org/schemas';
import { can } from '../../../shared/org/permissions';
import type { UserCtx } from '../../platform/context';
import { ForbiddenError, NotFoundError, UnprocessableError } from '../../platform/errors';
import { keys } from '../../platform/keys';
import * as store from '../store';

/**
 * A resident binds to one community: at once with the community's invite code, or by asking a community worker,
 * who confirms. The profile's `communityId` is set under a condition, so nobody is bound twice.
 */
export async function bind(ctx: UserCtx, input: BindInput): Promise<{ status: 'bound' | 'pending'; communityId: string }> {
  const userId = ctx.principal.userId;
  if ('inviteCode' in input) {
    const communityId = await store.communityOfInviteCode(ctx.db, input.inviteCode);
    if (!communityId) throw new UnprocessableError('INVALID_INVITE_CODE');
    await bindResident(ctx, userId, communityId);
    return { status: 'bound', communityId };
  }
  const community = await store.getUnit(ctx.db, input.communityId);
  if (!community || community.kind !== 'community') throw new NotFoundError('community');
  if (input.gridId) {
    const grid = await store.getUnit(ctx.db, input.gridId);
    if (!grid || grid.parentId !== community.id) throw new NotFoundError('grid');
  }
  await ctx.db.transact([
    {
      update: keys.user(userId),
      spec: { set: { pendingCommunityId: community.id }, if: { expr: 'attribute_exists(#pk) AND attribute_not_exists(#communityId)' } },
      fails: 'ALREADY_BOUND',
    },
    {
      put: {
        ...keys.bindingRequest(community.id, userId),
        entity: 'bindingRequest',
        userId,
        communityId: community.id,
        gridId: input.gridId,
        note: input.note,
        requestedAt: ctx.clock.now().toISOString(),
      },
    },
  ]);
  return { status: 'pending', communityId: community.id };
}

async function bindResident(ctx: UserCtx, userId: string, communityId: string, gridId?: string, note?: string): Promise<void> {
  const community = await store.getUnit(ctx.db, communityId);
  if (!community) throw new NotFoundError('community');
  // the name at binding goes into the residents' index (the list shows the current one)
  const profile = await ctx.db.get<{ displayName?: string }>(keys.user(userId), true);
  await ctx.db.transact([
    {
      update: keys.user(userId),
      spec: { set: { communityId, gridId }, remove: ['pendingCommunityId'], if: { expr: 'attribute_exists(#pk) AND attribute_not_exists(#communityId)' } },
      fails: 'ALREADY_BOUND',
    },
    { put: store.grantItem(userId, 'resident', community, { displayName: profile?.displayName ?? '', gridId, note }) },
    { delete: keys.bindingRequest(communityId, userId) },
  ]);
}

export async function listBindingRequests(ctx: UserCtx, communityId: string, q: { cursor?: string; limit?: number }) {
  const community = await store.getUnit(ctx.db, communityId);
  if (!community || !can.decideBinding(ctx.principal, { subdistrictId: community.path[0]!, communityId })) throw new NotFoundError('community');
  const page = await store.listBindingRequests(ctx.db, communityId, { limit: q.limit ?? 50, cursor: q.cursor });
  const requests = page.items;
  const names = await store.displayNames(ctx.db, requests.map((r) => r.userId));
  return {
    cursor: page.cursor,
    items: requests.map((r) => ({
      user: { id: r.userId, displayName: names.get(r.userId) ?? '' },
      communityId: r.communityId,
      gridId: r.gridId,
      note: r.note,
      requestedAt: r.requestedAt,
    })),
  };
}

export async function decideBinding(ctx: UserCtx, communityId: string, userId: string, input: { decision: 'confirm' | 'reject'; gridId?: string }) {
  const community = await store.getUnit(ctx.db, communityId);
  if (!community || !can.decideBinding(ctx.principal, { subdistrictId: community.path[0]!, communityId })) throw new ForbiddenError();
  const request = await ctx.db.get<{ gridId?: string; note?: string }>(keys.bindingRequest(communityId, userId), true);
  if (!request) throw new NotFoundError('bindingRequest');
  if (input.decision === 'confirm' && input.gridId) {
    // the grid goes into the residents' index: it must be one of this community's
    const grid = await store.getUnit(ctx.db, input.gridId);
    if (!grid || grid.kind !== 'grid' || grid.parentId !== communityId) throw new NotFoundError('grid');
  }
  if (input.decision === 'confirm') {
    await bindResident(ctx, userId, communityId, input.gridId, request.note);
  } else {
    await ctx.db.transact([
      { delete: keys.bindingRequest(communityId, userId), if: { expr: 'attribute_exists(#pk)' }, fails: new NotFoundError('bindingRequest') },
      { update: keys.user(userId), spec: { remove: ['pendingCommunityId'] } },
    ]);
  }
  return { ok: true as const };
}
