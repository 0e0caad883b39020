import type { ContentKind, ModState } from '../../../shared/moderation/schemas';
import { canModerate } from '../../../shared/moderation/permissions';
import { shownTo } from '../../../shared/moderation/visibility';
import { can } from '../../../shared/org/permissions';
import type { Principal } from '../../../shared/org/schemas';
import type { UserCtx } from '../../platform/context';
import { contentKey, type ContentMeta } from '../../platform/contentSecurity';
import { NotFoundError } from '../../platform/errors';
import { keys } from '../../platform/keys';
import { getUnit } from '../../platform/units';

/**
 * The item a report or a decision is about, read from its own capability's item by the documented key
 * (platform/contentSecurity.ts contentKey): who wrote it, where it lives (who moderates it), what it says.
 */
export interface Target {
  meta: ContentMeta;
  modState?: ModState;
  item: Record<string, unknown>;
  photoKeys: string[];
}

function readsWhere(p: Principal, where: { subdistrictId: string; communityId?: string }): boolean {
  if (where.communityId) return can.readCommunity(p, { subdistrictId: where.subdistrictId, communityId: where.communityId });
  return p.grants.some((g) => g.unitPath[0] === where.subdistrictId);
}

/** The item as this reader may see it, else 404 (another community's, withdrawn, or held back from them). */
export async function readTarget(ctx: UserCtx, kind: ContentKind, ref: string): Promise<Target> {
  const target = kind === 'matter' ? await matterTarget(ctx, ref) : await commentTarget(ctx, ref);
  if (!target || !readsWhere(ctx.principal, target.meta)) throw new NotFoundError(kind);
  const reader = { author: target.meta.authorId === ctx.principal.userId, staff: canModerate(ctx.principal, target.meta) };
  if (!shownTo(target.modState, reader)) throw new NotFoundError(kind);
  return target;
}

async function matterTarget(ctx: UserCtx, matterId: string): Promise<Target | undefined> {
  const it = await ctx.db.get<Record<string, unknown>>(contentKey('matter', matterId));
  if (!it || it.status === 'withdrawn') return undefined;
  return {
    item: it,
    modState: it.modState as ModState | undefined,
    photoKeys: (it.photoKeys as string[] | undefined) ?? [],
    meta: {
      kind: 'matter',
      ref: matterId,
      communityId: it.communityId as string,
      subdistrictId: it.subdistrictId as string,
      authorId: it.authorId as string,
      authorName: it.anonymous ? '匿名居民' : (it.authorName as string),
      text: it.text as string,
      link: `/packages/sayItDay/matter/index?id=${matterId}`,
    },
  };
}

async function commentTarget(ctx: UserCtx, ref: string): Promise<Target | undefined> {
  const [consultationId, commentId] = ref.split('.');
  if (!consultationId || !commentId) return undefined;
  const items = await ctx.db.batchGet<Record<string, unknown>>([keys.consultation(consultationId), contentKey('comment', ref)]);
  const consultation = items.find((i) => i.sk === keys.consultation(consultationId).sk);
  const comment = items.find((i) => i.sk !== keys.consultation(consultationId).sk);
  if (!consultation || !comment) return undefined;
  const unit = await getUnit(ctx.db, consultation.unitId as string);
  if (!unit) return undefined;
  return {
    item: comment,
    modState: comment.modState as ModState | undefined,
    photoKeys: [],
    meta: {
      kind: 'comment',
      ref,
      ...(unit.kind === 'community' ? { communityId: unit.id } : {}),
      subdistrictId: unit.path[0]!,
      authorId: comment.authorId as string,
      authorName: comment.authorName as string,
      text: comment.text as string,
      link: `/packages/fiveLists/consultation/index?id=${consultationId}`,
    },
  };
}
