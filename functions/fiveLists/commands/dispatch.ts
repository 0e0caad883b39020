import { text } from '../../../shared/notifications/texts';
import { proposedResolveBy, stepDeadline } from '../../../shared/fiveLists/deadlines';
import type { DispatchInput, FiveListMatter } from '../../../shared/fiveLists/schemas';
import type { UserCtx } from '../../platform/context';
import { UnprocessableError } from '../../platform/errors';
import type { UnitRecord } from '../../platform/units';
import { isPartnerUnitOf, partnerUnit, UnitChangedError, unitStillAsRead } from '../partnerUnits';
import * as store from '../store';
import { advance, applyTransition, authorize, checkVersion, matterView, readable, toResidents } from './common';

/**
 * 街道分单: a sub-district officer sends a collected (or returned) matter to a partner unit with a resolution deadline,
 * proposed from the matter's category. Two round trips: the matter's collection (it names its backers and watchers, who
 * are told), then one transaction, which also checks the unit is still the partner unit this function read
 * (partnerUnits.ts: read once, beside the collection, the first time a function names it; again when it changed).
 */
export async function dispatch(ctx: UserCtx, matterId: string, input: DispatchInput): Promise<FiveListMatter> {
  const [col, unit] = await Promise.all([store.readCollection(ctx.db, matterId), partnerUnit(ctx.db, input.unitId)]);
  try {
    return await dispatchTo(ctx, col, unit, input);
  } catch (e) {
    if (!(e instanceof UnitChangedError)) throw e;
    // renamed or moved since this function read it: once more, with the unit as it is now
    return dispatchTo(ctx, col, await partnerUnit(ctx.db, input.unitId, { fresh: true }), input);
  }
}

async function dispatchTo(ctx: UserCtx, col: store.Collection, unit: UnitRecord | undefined, input: DispatchInput): Promise<FiveListMatter> {
  const current = readable(ctx, col.matter);
  const now = ctx.clock.now();
  const resolveBy = input.resolveBy ? new Date(input.resolveBy).toISOString() : proposedResolveBy(current.category, now);
  const to = authorize(ctx, current, 'dispatch', { unitId: input.unitId, deadline: resolveBy, note: input.note });
  checkVersion(current, input.version);
  if (!isPartnerUnitOf(unit, current.subdistrictId)) throw new UnprocessableError('NOT_A_PARTNER_UNIT');
  if (resolveBy <= now.toISOString()) throw new UnprocessableError('DEADLINE_IN_PAST');
  const next = advance(ctx, current, to, {
    unitId: unit.id,
    unitName: unit.name,
    resolveBy,
    dispatchedBy: ctx.principal.userId,
    deadlineAt: stepDeadline(to, now),
  });
  await applyTransition(ctx, current, next, {
    action: 'dispatch',
    note: input.note,
    extra: [unitStillAsRead(unit, current.subdistrictId, new UnitChangedError())],
    notify: toResidents(
      ctx,
      next,
      { submitterId: current.submitterId, backers: col.backers, watchers: col.watchers },
      text('fiveLists.dispatched', { matter: current.text.slice(0, 18), unit: unit.name, followed: false }),
      text('fiveLists.dispatched', { matter: current.text.slice(0, 18), unit: unit.name, followed: true }),
    ),
  });
  return matterView(ctx, next, ctx.principal);
}
