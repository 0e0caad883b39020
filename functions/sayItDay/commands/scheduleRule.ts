import type { ScheduleRule, ScheduleRuleInput } from '../../../shared/sayItDay/schemas';
import { can } from '../../../shared/org/permissions';
import type { UserCtx } from '../../platform/context';
import { ConditionFailed } from '../../platform/db';
import { ConflictError, ForbiddenError, NotFoundError } from '../../platform/errors';
import { getUnit } from '../../platform/units';
import * as store from '../store';

async function community(ctx: UserCtx, communityId: string) {
  const unit = await getUnit(ctx.db, communityId);
  if (!unit || unit.kind !== 'community') throw new NotFoundError('community');
  const scope = { subdistrictId: unit.path[0]!, communityId };
  if (!can.readCommunity(ctx.principal, scope)) throw new NotFoundError('community');
  return scope;
}

export async function readScheduleRule(ctx: UserCtx, communityId: string): Promise<ScheduleRule> {
  await community(ctx, communityId);
  return store.getScheduleRule(ctx.db, communityId);
}

/** Changes the rule; sessions already made keep their time, the scheduled job makes the next ones by the new rule. */
export async function putScheduleRule(ctx: UserCtx, communityId: string, input: ScheduleRuleInput): Promise<ScheduleRule> {
  const scope = await community(ctx, communityId);
  if (!can.editScheduleRule(ctx.principal, scope)) throw new ForbiddenError();
  const rule: ScheduleRule = {
    ...input,
    daysOfMonth: [...new Set(input.daysOfMonth)].sort((a, b) => a - b),
    communityId,
    updatedAt: ctx.clock.now().toISOString(),
    version: input.version + 1,
  };
  try {
    await store.putScheduleRule(ctx.db, rule, input.version);
  } catch (e) {
    if (e instanceof ConditionFailed) throw new ConflictError('STALE_VERSION');
    throw e;
  }
  return rule;
}
