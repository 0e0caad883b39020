import { canCollect } from '../../../shared/fiveLists/permissions';
import { can } from '../../../shared/org/permissions';
import type { CollectInput, FiveListMatter } from '../../../shared/fiveLists/schemas';
import type { UserCtx } from '../../platform/context';
import { ForbiddenError, NotFoundError } from '../../platform/errors';
import { collectedRecord, collectWrites } from '../intake';
import { transactCreate } from '../../platform/idempotency';
import { getUnit } from '../../platform/units';
import { checkPhotoKeys, matterView } from './common';

/**
 * 网格收单: a grid worker (or a community worker, or an officer) takes a matter in directly, from a walk round or a
 * hotline call, with photos and a location. Two round trips: read the community (and grid), one transaction.
 */
export async function collect(ctx: UserCtx, input: CollectInput): Promise<FiveListMatter> {
  const [community, grid] = await Promise.all([getUnit(ctx.db, input.communityId), input.gridId ? getUnit(ctx.db, input.gridId) : undefined]);
  if (!community || community.kind !== 'community') throw new NotFoundError('community');
  const scope = { subdistrictId: community.path[0]!, communityId: community.id };
  if (!can.readCommunity(ctx.principal, scope)) throw new NotFoundError('community');
  if (!canCollect(ctx.principal, scope)) throw new ForbiddenError();
  if (input.gridId && (!grid || grid.kind !== 'grid' || grid.parentId !== community.id)) throw new NotFoundError('grid');
  // a grid worker takes matters in their own grid
  const gridOnly = ctx.principal.grants.every((g) => g.role !== 'communityWorker' && g.role !== 'subdistrictOfficer');
  if (gridOnly && input.gridId && !ctx.principal.grants.some((g) => g.role === 'gridWorker' && g.unitId === input.gridId)) throw new ForbiddenError();
  checkPhotoKeys(ctx, input.photos);
  await ctx.storage.keep(input.photos);
  const matter = {
    id: ctx.newId(),
    ...scope,
    gridId: input.gridId,
    authorId: ctx.principal.userId,
    authorName: ctx.principal.displayName ?? '',
    anonymous: false,
    category: input.category,
    text: input.text,
    photoKeys: input.photos,
    location: input.location,
  };
  const source = input.source;
  const record = collectedRecord(ctx, matter, source, input.reporterName);
  const view = await matterView(ctx, record, ctx.principal);
  return transactCreate(ctx, collectWrites(ctx, matter, { userId: ctx.principal.userId, name: ctx.principal.displayName ?? '' }, { source, reporterName: input.reporterName }), view);
}
