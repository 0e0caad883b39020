import type { Announcement, AudienceInput } from '../../../shared/announcements/schemas';
import { canManage, residentUnits, type AudienceScope } from '../../../shared/announcements/rules';
import type { PhotoCheck } from '../../../shared/moderation/schemas';
import { photoCheckAttr, visiblePhotos } from '../../../shared/moderation/visibility';
import type { Principal } from '../../../shared/org/schemas';
import type { Ctx, UserCtx } from '../../platform/context';
import { ApiError, ForbiddenError, UnprocessableError } from '../../platform/errors';
import { getUnit } from '../../platform/units';
import { scopeOf, type AnnouncementRecord } from '../store';

/** An announcement as this reader sees it: the counts and what they may do only for staff over it and its author. */
export async function announcementView(ctx: Ctx, a: AnnouncementRecord, p: Principal, read?: boolean): Promise<Announcement> {
  const staff = canManage(p, scopeOf(a)) || a.authorId === p.userId;
  // an attachment reaches residents once WeChat's media check passed it; staff and the author see each with its verdict
  const { shown } = visiblePhotos(a, a.photoKeys, { author: a.authorId === p.userId, staff });
  const photos = await Promise.all(shown.map(async (key) => ({ key, url: await ctx.storage.readUrl(key) })));
  const checkOf = (key: string) => ((a as unknown as Record<string, PhotoCheck | undefined>)[photoCheckAttr(key)] ?? 'pass');
  return {
    id: a.id,
    title: a.title,
    body: a.body,
    audience: a.audience,
    subdistrictId: a.subdistrictId,
    communityId: a.communityId,
    gridId: a.gridId,
    photos,
    pinned: a.pinned,
    publishAt: a.publishAt,
    state: a.state,
    authorName: a.authorName,
    createdAt: a.createdAt,
    updatedAt: a.updatedAt,
    version: a.version,
    ...(read === undefined ? {} : { read }),
    ...(staff
      ? { readCount: a.readCount, notifiedCount: a.notifiedCount, photoChecks: a.photoKeys.map((key) => ({ key, check: checkOf(key) })), canEdit: canManage(p, scopeOf(a)) && a.state !== 'withdrawn', canWithdraw: canManage(p, scopeOf(a)) && a.state !== 'withdrawn' }
      : {}),
  };
}

/** The audience a poster picked, placed in the tree: a sub-district, community or grid, or a building of a community. */
export async function resolveAudience(ctx: Ctx, input: AudienceInput): Promise<{ scope: AudienceScope; audience: Announcement['audience'] }> {
  const unit = await getUnit(ctx.db, input.unitId);
  if (!unit || unit.kind === 'partnerUnit' || (input.building !== undefined && unit.kind !== 'community')) throw new UnprocessableError('AUDIENCE_INVALID');
  const [subdistrictId, communityId, gridId] = unit.path;
  const kind = input.building !== undefined ? 'building' : unit.kind;
  return {
    scope: { kind, subdistrictId: subdistrictId!, communityId, gridId, building: input.building },
    audience: { kind, unitId: unit.id, unitName: unit.name, ...(input.building !== undefined ? { building: input.building } : {}) },
  };
}

export function requireManage(ctx: UserCtx, scope: AudienceScope): void {
  if (!canManage(ctx.principal, scope)) throw new ForbiddenError();
}

/** A bound resident's community and sub-district, or NOT_BOUND. */
export function requireResident(ctx: UserCtx): { subdistrictId: string; communityId: string } {
  const r = residentUnits(ctx.principal);
  if (!r) throw new ForbiddenError('NOT_BOUND');
  return r;
}

/** An announcement may carry only photos its poster uploaded (`uploads/<userId>/…`), each once. */
export function checkPhotoKeys(ctx: UserCtx, photoKeys: readonly string[]): void {
  const own = `uploads/${ctx.principal.userId}/`;
  if (photoKeys.some((k) => !k.startsWith(own)) || new Set(photoKeys).size !== photoKeys.length) throw new ForbiddenError('UPLOAD_NOT_YOURS');
}

/** `publishAt` as given: absent or up to 5 minutes ago (a slow phone) means now; earlier than that is a mistake. */
export function publishTime(now: Date, publishAt: string | undefined): string {
  if (!publishAt) return now.toISOString();
  const at = new Date(publishAt);
  if (at.getTime() < now.getTime() - 5 * 60_000) throw new UnprocessableError('PUBLISH_AT_IN_PAST');
  return at.getTime() <= now.getTime() ? now.toISOString() : at.toISOString();
}

export const isApiError = (e: unknown): e is ApiError => e instanceof ApiError;
