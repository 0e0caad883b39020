import type { Case, CaseDetail } from '../../../shared/cases/schemas';
import { actionsFor, actorsOver, isBacklog, isOpen, isOverdue, staffRoles, type CaseKindDef } from '../../../shared/cases/machine';
import { kindOf } from '../../../shared/cases/kinds';
import type { Ctx, UserCtx } from '../../platform/context';
import { vaultFromEnv, type Vault } from '../../platform/crypto';
import { ForbiddenError, NotFoundError, UnprocessableError } from '../../platform/errors';
import { keys } from '../../platform/keys';
import type { CaseRecord, HistoryRecord } from '../store';

export const vault = (): Vault => vaultFromEnv();

export function requireKind(kind: string): CaseKindDef {
  const k = kindOf(kind);
  if (!k) throw new UnprocessableError('CASE_KIND_UNKNOWN', { kind });
  return k;
}

/** A case the caller may see, else 404 (a guessed id from another unit is not there for them). */
export function requireSee(ctx: UserCtx, c: CaseRecord | undefined): CaseRecord {
  if (!c || actorsOver(ctx.principal, c).length === 0) throw new NotFoundError('case');
  return c;
}

/** Photos the caller uploaded themself, each once; else UPLOAD_NOT_YOURS. */
export function checkPhotoKeys(ctx: UserCtx, photoKeys: readonly string[]): void {
  const own = `uploads/${ctx.principal.userId}/`;
  if (photoKeys.some((k) => !k.startsWith(own)) || new Set(photoKeys).size !== photoKeys.length) throw new ForbiddenError('UPLOAD_NOT_YOURS');
}

/**
 * Whom a case may be assigned to: staff (grid worker, community worker, officer) over the case's community. One query
 * of the user's partition (profile and grants). Answers their name.
 */
export async function checkHandler(ctx: Ctx, userId: string, at: { subdistrictId: string; communityId: string }): Promise<string> {
  const page = await ctx.db.query<{ sk: string; role?: string; unitPath?: string[]; displayName?: string }>({ pk: keys.user(userId).pk, prefix: '#', consistent: true });
  const profile = page.items.find((it) => it.sk === keys.user(userId).sk);
  const staff = page.items.some(
    (it) => it.sk.startsWith('#GRANT#') && staffRoles.includes(it.role as never) && (it.unitPath ?? []).some((u) => u === at.communityId || (it.role === 'subdistrictOfficer' && u === at.subdistrictId)),
  );
  if (!profile || !staff) throw new UnprocessableError('CASE_HANDLER_INVALID');
  return profile.displayName ?? '工作人员';
}

/** A case as its reader sees it: overdue and backlog computed now; parties masked (always: the full ones only by reveal). */
export async function caseView(ctx: Ctx, c: CaseRecord): Promise<Case> {
  const kind = kindOf(c.kind);
  const now = ctx.clock.now().toISOString();
  const photos = await Promise.all(c.photoKeys.map(async (key) => ({ key, url: await ctx.storage.readUrl(key) })));
  return {
    id: c.id,
    kind: c.kind,
    category: c.category,
    subdistrictId: c.subdistrictId,
    communityId: c.communityId,
    gridId: c.gridId,
    title: c.title,
    description: c.description,
    place: c.place,
    parties: c.parties,
    consentAt: c.consentAt,
    ticketNo: c.ticketNo,
    source: c.source,
    state: c.state,
    open: kind ? isOpen(kind, c.state) : false,
    overdue: kind ? isOverdue(kind, c, now) : false,
    backlog: kind ? isBacklog(kind, c, now) : false,
    deadlineAt: c.deadlineAt,
    stepDeadlineAt: c.stepDeadlineAt,
    handlerId: c.handlerId,
    handlerName: c.handlerName,
    raisedBy: c.raisedBy,
    raisedByName: c.raisedByName,
    outcome: c.outcome,
    reply: c.reply,
    satisfaction: c.satisfaction,
    followUpOn: c.followUpOn,
    sessions: c.sessions,
    linkedMatterId: c.linkedMatterId,
    photos,
    done: c.done,
    createdAt: c.createdAt,
    updatedAt: c.updatedAt,
    version: c.version,
  };
}

export async function detailView(ctx: UserCtx, c: CaseRecord, history: readonly HistoryRecord[]): Promise<CaseDetail> {
  const kind = kindOf(c.kind);
  const entries = await Promise.all(
    [...history]
      .sort((a, b) => a.version - b.version)
      .map(async ({ caseId, photoKeys, ...h }) => {
        void caseId;
        return { ...h, ...(photoKeys?.length ? { photos: await Promise.all(photoKeys.map(async (key) => ({ key, url: await ctx.storage.readUrl(key) }))) } : {}) };
      }),
  );
  const actors = actorsOver(ctx.principal, c);
  const actions = kind ? actionsFor(kind, c.state, actors).filter((a) => !(a.once && c.done.includes(a.action))).map((a) => a.action) : [];
  return { ...(await caseView(ctx, c)), history: entries, actions };
}
