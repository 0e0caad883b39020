import type { z } from 'zod';
import type { BacklogQuery, Case, CaseDetail, CaseListQuery } from '../../../shared/cases/schemas';
import { actorsOver, isOverdue } from '../../../shared/cases/machine';
import { monthRange } from '../../../shared/platform/chinaTime';
import type { UserCtx } from '../../platform/context';
import { ForbiddenError, NotFoundError, UnprocessableError } from '../../platform/errors';
import { getUnit } from '../../platform/units';
import * as store from '../store';
import { caseView, detailView, requireKind, requireSee } from './common';

export async function getCase(ctx: UserCtx, caseId: string): Promise<CaseDetail> {
  const { record, history } = await readCase(ctx, caseId);
  return detailView(ctx, requireSee(ctx, record), history);
}

const readCase = (ctx: UserCtx, caseId: string) => store.readCase(ctx.db, caseId);

/**
 * A community's cases of a kind, newest first, for its workers and its sub-district's officers (a grid worker sees
 * those of their own grid): by the period raised (China months), a state, open or overdue ones only. Overdue is
 * computed now; the page may hold fewer than the limit where the filter left some out (follow the cursor).
 */
export async function listCommunityCases(ctx: UserCtx, communityId: string, q: z.output<typeof CaseListQuery>): Promise<{ items: Case[]; cursor?: string }> {
  const kind = requireKind(q.kind);
  const community = await getUnit(ctx.db, communityId);
  if (!community || community.kind !== 'community') throw new NotFoundError('community');
  const scope = { subdistrictId: community.path[0]!, communityId };
  const staff = actorsOver(ctx.principal, scope);
  const grids = ctx.principal.grants.filter((g) => g.role === 'gridWorker' && g.unitPath.includes(communityId)).map((g) => g.unitId);
  if (staff.length === 0 && grids.length === 0) throw new NotFoundError('community');
  if ((q.from && !q.to) || (q.to && !q.from) || (q.from && q.to && q.from > q.to)) throw new UnprocessableError('PERIOD_INVALID');
  const range = q.from && q.to ? monthRange(q.from, q.to) : { from: '0', to: '9' };
  const openStates = q.only ? kind.states.filter((s) => s.open).map((s) => s.state) : undefined;
  const page = await store.listOfCommunity(ctx.db, communityId, kind.kind, range, { cursor: q.cursor, limit: q.limit ?? 30, state: q.state, openStates });
  const now = ctx.clock.now().toISOString();
  let items = page.items;
  if (staff.length === 0) items = items.filter((c) => c.gridId !== undefined && grids.includes(c.gridId));
  if (q.only === 'overdue') items = items.filter((c) => isOverdue(kind, c, now));
  return { items: await Promise.all(items.map((c) => caseView(ctx, c))), cursor: page.cursor };
}

/** The cases assigned to me (a mediator's list): open ones first, soonest step deadline first. */
export async function myCases(ctx: UserCtx, q: { cursor?: string }): Promise<{ items: Case[]; cursor?: string }> {
  const page = await store.listOfHandler(ctx.db, ctx.principal.userId, { cursor: q.cursor, limit: 50 });
  // a handler who no longer holds a grant over a case's community does not see it
  const items = page.items.filter((c) => actorsOver(ctx.principal, c).length > 0);
  return { items: await Promise.all(items.map((c) => caseView(ctx, c))), cursor: page.cursor };
}

/** 积案督办: the sub-district's open cases of a kind, oldest first (those past the kind's backlog days are flagged). */
export async function backlog(ctx: UserCtx, subdistrictId: string, q: z.output<typeof BacklogQuery>): Promise<{ items: Case[]; cursor?: string }> {
  const kind = requireKind(q.kind);
  if (!ctx.principal.grants.some((g) => g.role === 'subdistrictOfficer' && g.unitId === subdistrictId)) throw new ForbiddenError();
  const page = await store.listOpenOfSubdistrict(ctx.db, subdistrictId, kind.kind, { cursor: q.cursor, limit: q.limit ?? 50 });
  return { items: await Promise.all(page.items.map((c) => caseView(ctx, c))), cursor: page.cursor };
}
