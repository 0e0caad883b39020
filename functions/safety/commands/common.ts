import { chinaDay } from '../../../shared/platform/chinaTime';
import { safetyKindDefs } from '../../../shared/safety/kinds';
import { actionsFrom, isOpen, type StaffLevel } from '../../../shared/safety/kinds/machine';
import { canWork } from '../../../shared/safety/rules';
import type { SafetyCase } from '../../../shared/safety/schemas';
import type { UserCtx } from '../../platform/context';
import { ForbiddenError, NotFoundError } from '../../platform/errors';
import { getUnit } from '../../platform/units';
import type { CaseRecord, HistoryRecord } from '../store';

export interface CommunityScope {
  subdistrictId: string;
  communityId: string;
}

/** The community named in a path, and the caller's right to work its ledgers at that level. */
export async function communityScope(ctx: UserCtx, communityId: string, level: StaffLevel): Promise<CommunityScope> {
  const unit = await getUnit(ctx.db, communityId);
  if (!unit || unit.kind !== 'community') throw new NotFoundError('community');
  const scope = { subdistrictId: unit.path[0]!, communityId };
  requireWork(ctx, scope, level);
  return scope;
}

export function requireWork(ctx: UserCtx, scope: CommunityScope, level: StaffLevel): void {
  if (!canWork(ctx.principal, scope, level)) throw new ForbiddenError();
}

/** A record of another community answers as absent to someone who may not see it. */
export function requireSee(ctx: UserCtx, scope: CommunityScope, entity: string): void {
  if (!canWork(ctx.principal, scope, 'grid')) throw new NotFoundError(entity);
}

export function checkPhotoKeys(ctx: UserCtx, photoKeys: readonly string[]): void {
  const own = `uploads/${ctx.principal.userId}/`;
  if (photoKeys.some((k) => !k.startsWith(own)) || new Set(photoKeys).size !== photoKeys.length) throw new ForbiddenError('UPLOAD_NOT_YOURS');
}

export async function photosOf(ctx: UserCtx, photoKeys: readonly string[]) {
  return Promise.all(photoKeys.map(async (key) => ({ key, url: await ctx.storage.readUrl(key) })));
}

export function byName(ctx: UserCtx): string {
  return ctx.principal.displayName ?? '工作人员';
}

/** Open past its deadline (a China day): overdue from the day after. */
export function isOverdue(c: Pick<CaseRecord, 'kind' | 'state' | 'deadline'>, now: Date): boolean {
  return !!c.deadline && isOpen(safetyKindDefs[c.kind], c.state) && c.deadline < chinaDay(now);
}

export async function caseView(ctx: UserCtx, c: CaseRecord, history?: HistoryRecord[]): Promise<SafetyCase> {
  const kind = safetyKindDefs[c.kind];
  const scope = { subdistrictId: c.subdistrictId, communityId: c.communityId };
  const { photoKeys, reporterId, subdistrictId, ...rest } = c;
  void reporterId, subdistrictId;
  return {
    ...rest,
    open: isOpen(kind, c.state),
    overdue: isOverdue(c, ctx.clock.now()),
    photos: await photosOf(ctx, photoKeys),
    history: history
      ? await Promise.all(
          history.map(async ({ photoKeys: keys, byId, ...h }) => {
            void byId;
            return { ...h, photos: await photosOf(ctx, keys) };
          }),
        )
      : undefined,
    actions: actionsFrom(kind, c.state)
      .filter((a) => canWork(ctx.principal, scope, a.who))
      .map((a) => a.action),
  };
}
