import { proposedResolveBy, stepDeadline } from '../../../shared/fiveLists/deadlines';
import type { DispatchInput, FiveListMatter } from '../../../shared/fiveLists/schemas';
import type { UserCtx } from '../../platform/context';
import { UnprocessableError } from '../../platform/errors';
import type { FiveListRecord } from '../../platform/fiveListsEntry';
import { keys } from '../../platform/keys';
import { strip } from '../store';
import type { UnitRecord } from '../../platform/units';
import { aboutMatter, advance, applyTransition, authorize, checkVersion, matterView, readable } from './common';

/**
 * 街道分单: a sub-district officer sends a collected (or returned) matter to a partner unit with a resolution deadline,
 * proposed from the matter's category. Two round trips: the matter and the unit in one BatchGet, one transaction.
 */
export async function dispatch(ctx: UserCtx, matterId: string, input: DispatchInput): Promise<FiveListMatter> {
  const items = await ctx.db.batchGet<Record<string, unknown>>([keys.fiveListMatter(matterId), keys.unit(input.unitId)]);
  const found = items.find((i) => i.sk === keys.fiveListMatter(matterId).sk && i.pk === keys.fiveListMatter(matterId).pk);
  const current = readable(ctx, found ? strip<FiveListRecord>(found) : undefined);
  const now = ctx.clock.now();
  const resolveBy = input.resolveBy ? new Date(input.resolveBy).toISOString() : proposedResolveBy(current.category, now);
  const to = authorize(ctx, current, 'dispatch', { unitId: input.unitId, deadline: resolveBy, note: input.note });
  checkVersion(current, input.version);
  const unitItem = items.find((i) => i.pk === keys.unit(input.unitId).pk && i.sk === keys.unit(input.unitId).sk);
  const unit = unitItem ? strip<UnitRecord>(unitItem) : undefined;
  if (!unit || unit.kind !== 'partnerUnit' || unit.path[0] !== current.subdistrictId) throw new UnprocessableError('NOT_A_PARTNER_UNIT');
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
    notify: aboutMatter(ctx, next, [current.submitterId], 'fiveListsProgress', '您的事项已分派', `「${current.text.slice(0, 18)}」已分派给${unit.name}，待审核后办理`),
  });
  return matterView(ctx, next, ctx.principal);
}
