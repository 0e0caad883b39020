import { chinaDay } from '../../../shared/platform/chinaTime';
import { safetyKindDefs } from '../../../shared/safety/kinds';
import { correctedOutcomes, illegalBuildingKind } from '../../../shared/safety/kinds/illegalBuilding';
import { actionOf, isOpen } from '../../../shared/safety/kinds/machine';
import type { CaseStepInput, ReportIllegalBuildingInput, SafetyCase } from '../../../shared/safety/schemas';
import type { UserCtx } from '../../platform/context';
import type { TxWrite } from '../../platform/db';
import { ConflictError, NotFoundError, UnprocessableError } from '../../platform/errors';
import { figureAdds } from '../../platform/figures';
import { transactCreate } from '../../platform/idempotency';
import { keys } from '../../platform/keys';
import * as store from '../store';
import type { CaseRecord } from '../store';
import { byName, caseView, checkPhotoKeys, communityScope, requireSee, requireWork } from './common';

export async function listCases(
  ctx: UserCtx,
  communityId: string,
  query: { kind: 'hazard' | 'illegalBuilding'; open?: 'true' | 'false'; cursor?: string; limit?: number },
): Promise<{ items: SafetyCase[]; cursor?: string }> {
  await communityScope(ctx, communityId, 'grid');
  const open = query.open === undefined ? undefined : query.open === 'true';
  const page = await store.listCasesOfCommunity(ctx.db, communityId, query.kind, { open, cursor: query.cursor, limit: query.limit });
  return { items: await Promise.all(page.items.map((c) => caseView(ctx, c))), cursor: page.cursor };
}

export async function getCase(ctx: UserCtx, caseId: string): Promise<SafetyCase> {
  const { record, history } = await store.getCaseWithHistory(ctx.db, caseId);
  if (!record) throw new NotFoundError('safetyCase');
  requireSee(ctx, record, 'safetyCase');
  return caseView(ctx, record, history);
}

/** A grid worker (or community worker, officer) reports an illegal building found on patrol: counted at once. */
export async function reportIllegalBuilding(ctx: UserCtx, communityId: string, input: ReportIllegalBuildingInput): Promise<SafetyCase> {
  const scope = await communityScope(ctx, communityId, 'grid');
  checkPhotoKeys(ctx, input.photos);
  await ctx.storage.keep(input.photos);
  const now = ctx.clock.now();
  const at = now.toISOString();
  const record: CaseRecord = {
    id: ctx.newId(),
    kind: 'illegalBuilding',
    ...scope,
    state: illegalBuildingKind.initial,
    createdAt: at,
    reporterId: ctx.principal.userId,
    reporterName: byName(ctx),
    place: input.place,
    description: input.description,
    photoKeys: input.photos,
    version: 0,
  };
  const writes: TxWrite[] = [
    { put: store.caseItem(record, true), if: { expr: 'attribute_not_exists(#pk)' } },
    { put: store.historyItem(record.id, 0, { action: 'reported', state: record.state, at, byId: record.reporterId, byName: record.reporterName, photoKeys: record.photoKeys }) },
    ...figureAdds(scope, now, 'streetFronts', { illegalBuildingReports: 1 }),
  ];
  return transactCreate(ctx, writes, await caseView(ctx, record, []));
}

/** What a step adds to the ledgers: counted in the month the case was born (found, reported). */
function figuresOfStep(c: CaseRecord, next: CaseRecord): { ledger: string; add: Record<string, number> } | undefined {
  if (c.kind === 'hazard' && next.state === 'closed') return { ledger: 'safety', add: { rectified: 1, rectifiedInTime: next.inTime ? 1 : 0 } };
  if (c.kind === 'illegalBuilding' && next.state === 'passedOn' && c.state === 'reported') return { ledger: 'streetFronts', add: { passedOn: 1 } };
  if (c.kind === 'illegalBuilding' && next.state === 'closed' && next.outcome && correctedOutcomes.includes(next.outcome)) return { ledger: 'streetFronts', add: { corrected: 1 } };
  return undefined;
}

/**
 * Moves a case by one action of its kind, over the version read: the kind says from which states, who may, and what it
 * needs (a photo of the rectification, a note, an outcome, a new deadline). A hazard closed on or before its deadline
 * is rectified in time. The history entry, the site's open count and the figures go in the same transaction.
 */
export async function stepCase(ctx: UserCtx, caseId: string, input: CaseStepInput): Promise<SafetyCase> {
  const c = await store.getCase(ctx.db, caseId, true);
  if (!c) throw new NotFoundError('safetyCase');
  requireSee(ctx, c, 'safetyCase');
  const kind = safetyKindDefs[c.kind];
  const action = actionOf(kind, input.action);
  if (!action) throw new UnprocessableError('SAFETY_ACTION_UNKNOWN');
  requireWork(ctx, c, action.who);
  if (c.version !== input.version) throw new ConflictError('STALE_VERSION');
  if (!action.from.includes(c.state)) throw new ConflictError('SAFETY_ACTION_NOT_NOW', { state: c.state });
  if (action.needsPhoto && input.photos.length === 0) throw new UnprocessableError('RECTIFICATION_PHOTO_REQUIRED');
  if (action.needsNote && !input.note) throw new UnprocessableError('NOTE_REQUIRED');
  if (action.needsOutcome && !kind.outcomes?.some((o) => o.outcome === input.outcome)) throw new UnprocessableError('SAFETY_OUTCOME_REQUIRED');
  const now = ctx.clock.now();
  const today = chinaDay(now);
  if (input.deadline !== undefined && (!action.setsDeadline || input.deadline < today)) throw new UnprocessableError('SAFETY_DEADLINE_INVALID');
  checkPhotoKeys(ctx, input.photos);
  await ctx.storage.keep(input.photos);

  const at = now.toISOString();
  const wasOpen = isOpen(kind, c.state);
  const closing = wasOpen && !isOpen(kind, action.to);
  const next: CaseRecord = {
    ...c,
    state: action.to,
    deadline: input.deadline ?? c.deadline,
    outcome: action.needsOutcome ? input.outcome : c.outcome,
    closedAt: closing ? at : c.closedAt,
    inTime: closing && c.kind === 'hazard' ? !!c.firstDeadline && today <= c.firstDeadline : c.inTime,
    version: c.version + 1,
  };
  const figures = figuresOfStep(c, next);
  const writes: TxWrite[] = [
    {
      update: keys.safetyCase(c.id),
      spec: {
        set: { ...next, ...store.caseIndex(next, isOpen(kind, next.state)) },
        remove: c.siteId && closing ? ['gsi2pk', 'gsi2sk'] : [],
        if: { expr: '#version = :v', values: { ':v': c.version } },
      },
      fails: 'STALE_VERSION',
    },
    {
      put: store.historyItem(c.id, next.version, {
        action: action.action,
        state: next.state,
        at,
        byId: ctx.principal.userId,
        byName: byName(ctx),
        note: input.note,
        photoKeys: input.photos,
        outcome: next.outcome !== c.outcome ? next.outcome : undefined,
        deadline: input.deadline,
      }),
    },
    ...(closing && c.siteId ? [{ update: keys.safetySite(c.siteId), spec: { add: { openHazards: -1 } } } as TxWrite] : []),
    ...(figures ? figureAdds(c, c.createdAt, figures.ledger, figures.add) : []),
  ];
  await ctx.db.transact(writes);
  const { history } = await store.getCaseWithHistory(ctx.db, c.id);
  return caseView(ctx, next, history);
}
