import type { MicroProject, Spending } from '../../../shared/microProjects/schemas';
import type { Scope } from '../../../shared/org/schemas';
import type { Ctx, UserCtx } from '../../platform/context';
import { NotFoundError } from '../../platform/errors';
import { getUnit } from '../../platform/units';
import type { ProjectRecord, SpendingRecord } from '../store';

/** A project as it is answered: no user ids, no remaining (the view shows budget and spent). */
export function projectView(p: ProjectRecord, spending?: Spending[]): MicroProject {
  const { remainingFen, proposedBy, approvedBy, ...view } = p;
  void remainingFen, proposedBy, approvedBy;
  return { ...view, ...(spending ? { spending } : {}) };
}

export async function spendingView(ctx: Ctx, s: SpendingRecord): Promise<Spending> {
  return {
    id: s.id,
    projectId: s.projectId,
    amountFen: s.amountFen,
    item: s.item,
    spentOn: s.spentOn,
    enteredAt: s.enteredAt,
    receipts: await Promise.all(s.receiptKeys.map(async (key) => ({ key, url: await ctx.storage.readUrl(key) }))),
  };
}

/** The community's place in the tree (404 for anything that is not a community). */
export async function communityOf(ctx: UserCtx, communityId: string): Promise<Scope & { communityId: string; name: string }> {
  const unit = await getUnit(ctx.db, communityId);
  if (!unit || unit.kind !== 'community') throw new NotFoundError('community');
  return { subdistrictId: unit.path[0]!, communityId, name: unit.name };
}
