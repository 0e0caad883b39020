import type { z } from 'zod';
import type { CaseActionInput, CaseDetail, PartiesReveal } from '../../../shared/cases/schemas';
import { actorsOver, checkAction, isOpen, outcomeOf, stepDeadline } from '../../../shared/cases/machine';
import type { PartyInput } from '../../../shared/cases/schemas';
import type { UserCtx } from '../../platform/context';
import { ConflictError, ForbiddenError, UnprocessableError } from '../../platform/errors';
import type { TxWrite } from '../../platform/db';
import { figureAdds } from '../../platform/figures';
import { keys } from '../../platform/keys';
import { caseItem, historyItem, partiesAad, readCase, type CaseRecord, type HistoryRecord } from '../store';
import { checkHandler, checkPhotoKeys, detailView, requireKind, requireSee, vault } from './common';

export type ActInput = z.output<typeof CaseActionInput>;

/** The entry's day, not after today in China (a session or a follow-up is recorded once it happened). */
function requireField(ok: boolean, field: string): void {
  if (!ok) throw new UnprocessableError('CASE_FIELD_MISSING', { field });
}

/**
 * One of the kind's actions on a case, over the version read: the machine says whether the case's state allows it and
 * whether the caller may (CASE_STEP_NOT_ALLOWED 409, FORBIDDEN 403); what it needs must be there (CASE_FIELD_MISSING).
 * One transaction: the case replaced on the condition of the version read (STALE_VERSION), the history entry (one per
 * transition, its sort key the new version), and what the kind's figures count for it.
 */
export async function actOnCase(ctx: UserCtx, caseId: string, input: ActInput): Promise<CaseDetail> {
  const { record, history } = await readCase(ctx.db, caseId);
  const c = requireSee(ctx, record);
  const kind = requireKind(c.kind);
  const actors = actorsOver(ctx.principal, c);
  const a = checkAction(kind, c.state, input.action, actors);
  if (a === 'FORBIDDEN') throw new ForbiddenError();
  if (a === 'CASE_STEP_NOT_ALLOWED') throw new ConflictError('CASE_STEP_NOT_ALLOWED', { state: c.state, action: input.action });
  if (input.version !== c.version) throw new ConflictError('STALE_VERSION');
  if (a.once && c.done.includes(a.action)) throw new ConflictError('CASE_ACTION_DONE');
  requireField(!a.needsNote || input.note !== undefined, 'note');
  requireField(!a.needsPhoto || (input.photos?.length ?? 0) > 0, 'photos');
  requireField(!a.needsOutcome || input.outcome !== undefined, 'outcome');
  if (input.outcome !== undefined && (!a.needsOutcome || !outcomeOf(kind, input.outcome))) throw new UnprocessableError('CASE_FIELD_NOT_USED', { field: 'outcome' });
  requireField(!a.needsDate || input.on !== undefined, 'on');
  requireField(!a.needsReply || input.reply !== undefined, 'reply');
  requireField(!a.needsSatisfaction || input.satisfaction !== undefined, 'satisfaction');
  requireField(!a.setsHandler || input.handlerId !== undefined, 'handlerId');
  const now = ctx.clock.now();
  const at = now.toISOString();
  if (input.on !== undefined && input.on > new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10)) throw new UnprocessableError('CASE_FIELD_NOT_USED', { field: 'on' });
  const photoKeys = input.photos ?? [];
  checkPhotoKeys(ctx, photoKeys);
  const handlerName = a.setsHandler && input.handlerId ? await checkHandler(ctx, input.handlerId, c) : undefined;
  await ctx.storage.keep(photoKeys);

  const to = a.to ?? c.state;
  const moved = to !== c.state;
  const next: CaseRecord = {
    ...c,
    state: to,
    stepDeadlineAt: moved ? stepDeadline(kind, to, at) : c.stepDeadlineAt,
    ...(a.setsHandler ? { handlerId: input.handlerId, handlerName } : {}),
    ...(a.needsOutcome ? { outcome: input.outcome } : {}),
    ...(a.needsReply ? { reply: input.reply } : {}),
    ...(a.needsSatisfaction ? { satisfaction: input.satisfaction } : {}),
    ...(a.setsFollowUp ? { followUpOn: input.followUpOn } : {}),
    sessions: c.sessions + (a.action === 'recordSession' ? 1 : 0),
    photoKeys: [...c.photoKeys, ...photoKeys],
    done: a.once ? [...c.done, a.action] : c.done,
    updatedAt: at,
    version: c.version + 1,
  };
  if (!isOpen(kind, to)) delete next.stepDeadlineAt;
  const entry: HistoryRecord = {
    caseId,
    version: next.version,
    action: a.action,
    from: c.state,
    to,
    by: ctx.principal.userId,
    byName: ctx.principal.displayName,
    at,
    ...(input.note !== undefined ? { note: input.note } : {}),
    ...(photoKeys.length ? { photoKeys } : {}),
    ...(input.on !== undefined ? { on: input.on } : {}),
    ...(a.needsOutcome ? { outcome: input.outcome } : {}),
    ...(a.needsReply ? { reply: input.reply } : {}),
    ...(a.needsSatisfaction ? { satisfaction: input.satisfaction } : {}),
    ...(a.setsHandler ? { handlerId: input.handlerId, handlerName } : {}),
  };
  const writes: TxWrite[] = [
    { put: caseItem(next), if: { expr: '#version = :v', values: { ':v': c.version } }, fails: 'STALE_VERSION' },
    { put: historyItem(entry), if: { expr: 'attribute_not_exists(#pk)' }, fails: 'STALE_VERSION' },
  ];
  if (kind.ledger && kind.figures) {
    const add = kind.figures({ action: a.action, at, outcome: entry.outcome, satisfaction: entry.satisfaction, source: c.source, deadlineAt: c.deadlineAt });
    writes.push(...figureAdds(c, at, kind.ledger, add));
  }
  await ctx.db.transact(writes);
  return detailView(ctx, next, [...history, entry]);
}

/**
 * The parties' full names and phone numbers, for the case's handler, its community's workers and its officers (not a
 * grid worker who only raised it): opened from the sealed item and audited (who, when) in the case's collection.
 */
export async function revealParties(ctx: UserCtx, caseId: string): Promise<z.infer<typeof PartiesReveal>> {
  const { record, sealed } = await readCase(ctx.db, caseId);
  const c = requireSee(ctx, record);
  const actors = actorsOver(ctx.principal, c);
  if (!actors.some((x) => x === 'handler' || x === 'communityWorker' || x === 'subdistrictOfficer')) throw new ForbiddenError();
  if (!sealed) return { parties: [] };
  const parties = await vault().open<PartyInput[]>(sealed, partiesAad(caseId));
  const at = ctx.clock.now().toISOString();
  const auditId = ctx.newId();
  await ctx.db.put({ ...keys.caseAudit(caseId, at, auditId), entity: 'caseAudit', caseId, by: ctx.principal.userId, byName: ctx.principal.displayName, at, what: 'parties' });
  return { parties };
}
