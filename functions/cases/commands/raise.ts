import type { CaseDetail, Party, PartyInput } from '../../../shared/cases/schemas';
import { addDuration, canRaise, categoryOf, stepDeadline, type CaseKindDef } from '../../../shared/cases/machine';
import { maskName, maskPhone } from '../../../shared/platform/masking';
import type { z } from 'zod';
import type { RaiseCaseInput } from '../../../shared/cases/schemas';
import type { UserCtx } from '../../platform/context';
import type { TxWrite } from '../../platform/db';
import { ForbiddenError, NotFoundError, UnprocessableError } from '../../platform/errors';
import { figureAdds } from '../../platform/figures';
import { transactCreate } from '../../platform/idempotency';
import { keys } from '../../platform/keys';
import { getUnit } from '../../platform/units';
import { caseItem, historyItem, partiesAad, sealedItem, ticketItem, type CaseRecord, type HistoryRecord } from '../store';
import { checkHandler, checkPhotoKeys, detailView, requireKind, vault } from './common';

/** the body as the route hands it over (parsed: the ticket number upper-cased) */
export type RaiseInput = z.output<typeof RaiseCaseInput>;

/** The kind's fields: required ones present, unused ones absent (CASE_FIELD_MISSING / CASE_FIELD_NOT_USED, with the field). */
export function checkFields(kind: CaseKindDef, input: RaiseInput): void {
  const f = kind.fields;
  const uses: [string, unknown, string | undefined][] = [
    ['parties', input.parties, f.parties],
    ['place', input.place, f.place],
    ['ticketNo', input.ticketNo, f.ticketNo],
    ['deadlineAt', input.deadlineAt, f.deadline],
    ['linkedMatterId', input.linkedMatterId, f.linkedMatter],
    ['source', input.source, f.sources ? 'optional' : undefined],
  ];
  for (const [field, value, use] of uses) {
    if (use === 'required' && value === undefined) throw new UnprocessableError('CASE_FIELD_MISSING', { field });
    if (use === undefined && value !== undefined) throw new UnprocessableError('CASE_FIELD_NOT_USED', { field });
  }
  if (input.source && f.sources && !f.sources.includes(input.source)) throw new UnprocessableError('CASE_FIELD_NOT_USED', { field: 'source' });
  if (input.parties && !input.consent) throw new UnprocessableError('CASE_CONSENT_MISSING');
}

export const maskParties = (parties: readonly PartyInput[]): Party[] =>
  parties.map((p) => ({ role: p.role, name: maskName(p.name), ...(p.phone ? { phone: maskPhone(p.phone) } : {}) }));

/**
 * Staff raise a case of a kind: a grid worker on patrol (in their grid), a community worker, an officer. One
 * transaction: the case, its first history entry, its sealed parties, its ticket key (only where absent: a second case
 * with the same ticket number is refused, CASE_TICKET_EXISTS) and the ledger's counters; with the Idempotency-Key a
 * retried request answers the first case.
 */
export async function raiseCase(ctx: UserCtx, input: RaiseInput): Promise<CaseDetail> {
  const p = ctx.principal;
  const kind = requireKind(input.kind);
  const community = await getUnit(ctx.db, input.communityId);
  if (!community || community.kind !== 'community') throw new NotFoundError('community');
  const subdistrictId = community.path[0]!;
  let gridId = input.gridId;
  if (gridId) {
    const grid = await getUnit(ctx.db, gridId);
    if (!grid || grid.kind !== 'grid' || grid.parentId !== community.id) throw new NotFoundError('grid');
  } else {
    // a grid worker on patrol raises in their own grid of the community
    const own = p.grants.filter((g) => g.role === 'gridWorker' && g.unitPath.includes(community.id));
    if (own.length === 1) gridId = own[0]!.unitId;
  }
  const scope = { subdistrictId, communityId: community.id, gridId };
  if (!canRaise(p, kind, scope)) throw new ForbiddenError();
  if (!categoryOf(kind, input.category)) throw new UnprocessableError('CASE_CATEGORY_UNKNOWN', { category: input.category });
  checkFields(kind, input);
  if (input.linkedMatterId) {
    const m = await ctx.db.get<{ communityId?: string }>(keys.fiveListMatter(input.linkedMatterId));
    if (!m || m.communityId !== community.id) throw new UnprocessableError('CASE_MATTER_NOT_FOUND');
  }
  const photoKeys = input.photos ?? [];
  checkPhotoKeys(ctx, photoKeys);
  const handlerId = input.handlerId ?? (p.grants.some((g) => g.role === 'communityWorker' && g.unitId === community.id) && kind.kind === 'mediation' ? p.userId : undefined);
  const handlerName = handlerId ? await checkHandler(ctx, handlerId, scope) : undefined;
  await ctx.storage.keep(photoKeys);

  const at = ctx.clock.now().toISOString();
  const id = ctx.newId();
  const source = kind.fields.sources ? (input.source ?? (p.grants.some((g) => g.role === 'gridWorker' && g.unitId === gridId) ? 'patrol' : 'resident')) : undefined;
  const deadlineAt = input.deadlineAt ? new Date(input.deadlineAt).toISOString() : kind.defaultDeadline ? addDuration(at, kind.defaultDeadline) : undefined;
  const record: CaseRecord = {
    id,
    kind: kind.kind,
    category: input.category,
    ...scope,
    title: input.title,
    description: input.description,
    place: input.place,
    parties: input.parties ? maskParties(input.parties) : undefined,
    consentAt: input.parties ? at : undefined,
    consentBy: input.parties ? p.userId : undefined,
    ticketNo: input.ticketNo,
    source,
    state: kind.initial,
    deadlineAt,
    stepDeadlineAt: stepDeadline(kind, kind.initial, at),
    handlerId,
    handlerName,
    raisedBy: p.userId,
    raisedByName: p.displayName,
    sessions: 0,
    linkedMatterId: input.linkedMatterId,
    photoKeys,
    done: [],
    createdAt: at,
    updatedAt: at,
    version: 0,
  };
  const history: HistoryRecord = {
    caseId: id,
    version: 0,
    action: 'raise',
    to: kind.initial,
    by: p.userId,
    byName: p.displayName,
    at,
    ...(input.description ? { note: input.description } : {}),
    ...(photoKeys.length ? { photoKeys } : {}),
    ...(handlerId ? { handlerId, handlerName } : {}),
  };
  const writes: TxWrite[] = [{ put: caseItem(record), if: { expr: 'attribute_not_exists(#pk)' } }, { put: historyItem(history) }];
  if (input.parties) writes.push({ put: sealedItem(id, await vault().seal(input.parties, partiesAad(id))) });
  if (input.ticketNo) writes.push({ put: ticketItem(subdistrictId, input.ticketNo, id), if: { expr: 'attribute_not_exists(#pk)' }, fails: 'CASE_TICKET_EXISTS' });
  if (kind.ledger && kind.figures) writes.push(...figureAdds(scope, at, kind.ledger, kind.figures({ action: 'raise', at, source, deadlineAt })));
  return transactCreate(ctx, writes, await detailView(ctx, record, [history]));
}
